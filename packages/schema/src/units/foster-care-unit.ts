import {
  listOrganisations,
  loadAgreements,
  loadAgreementsByUnit,
  loadCostSharingKeysByAgreement,
  loadMembersByAgreement,
  loadOrganisations,
  type CollaborationAgreement,
  type Organisation,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { CostSharingKeyRef } from './cost-sharing-key.js';
import { OrganisationRef } from './organisation.js';

export const CollaborationAgreementRef = builder.loadableNode('CollaborationAgreement', {
  description: 'Avtalet om samverkan (avtalssamverkan) mellan kommunerna i en gemensam enhet.',
  authScopes: { signedIn: true },
  id: { resolve: (agreement: CollaborationAgreement) => agreement.id },
  load: (ids: string[], context) => loadAgreements(sessionOf(context), ids),
  sort: (agreement) => agreement.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Avtalets namn.' }),
    validFrom: t.field({ type: 'Date', description: 'Gäller från (giltig från).', resolve: (a) => a.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Gäller till (giltig till), om avslutat.', resolve: (a) => a.validTo }),
    host: t.field({ type: OrganisationRef, description: 'Värdkommunen (värdkommun).', resolve: (a) => a.hostMunicipalityId }),
    members: t.loadableList({
      type: OrganisationRef,
      description: 'Medlemskommunerna just nu (medlemskommuner).',
      load: async (agreementIds: string[], context) => {
        const rows = await loadMembersByAgreement(sessionOf(context), agreementIds);
        return agreementIds.map((id) => rows.filter((row) => row.agreementId === id).map((row) => row.municipality));
      },
      resolve: (agreement) => agreement.id,
    }),
    costSharingKeys: t.loadableList({
      type: CostSharingKeyRef,
      description: 'Fördelningsnycklar per år, senaste först (fördelningsnyckel).',
      load: async (agreementIds: string[], context) => {
        const keys = await loadCostSharingKeysByAgreement(sessionOf(context), agreementIds);
        return agreementIds.map((id) => keys.filter((key) => key.agreementId === id));
      },
      resolve: (agreement) => agreement.id,
    }),
  }),
});

export const FosterCareUnitRef = builder.loadableNode('FosterCareUnit', {
  description: 'En gemensam familjehemsenhet (familjehemsenhet) som flera kommuner driver tillsammans.',
  authScopes: { signedIn: true },
  id: { resolve: (unit: Organisation) => unit.id },
  load: async (ids: string[], context) =>
    (await loadOrganisations(sessionOf(context), ids)).filter((o) => o.kind === 'foster_care_unit'),
  sort: (unit) => unit.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Enhetens namn.' }),
    organisation: t.field({ type: OrganisationRef, description: 'Enheten som organisation.', resolve: (unit) => unit.id }),
    agreement: t.loadable({
      type: CollaborationAgreementRef,
      nullable: true,
      description: 'Det gällande samverkansavtalet (avtalssamverkan).',
      load: async (unitIds: string[], context) => {
        const agreements = await loadAgreementsByUnit(sessionOf(context), unitIds);
        return unitIds.map((id) => agreements.find((agreement) => agreement.unitId === id) ?? null);
      },
      resolve: (unit) => unit.id,
    }),
  }),
});

builder.queryField('fosterCareUnits', (t) =>
  t.field({
    type: [FosterCareUnitRef],
    description: 'De gemensamma familjehemsenheterna (familjehemsenheter).',
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => listOrganisations(sessionOf(context), { kind: 'foster_care_unit' }),
  }),
);
