import { listOrganisations, loadOrganisations, ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';

const KIND_TITLES: Record<OrganisationKind, string> = {
  municipality: 'kommun',
  region: 'region',
  foster_care_unit: 'familjehemsenhet (gemensam enhet)',
  school_unit: 'skolenhet',
  social_services_unit: 'socialtjänstenhet',
  primary_care_unit: 'vårdcentral / hälsocentral',
  specialist_care_unit: 'specialistvård (BUP, habilitering)',
  steering_group: 'styrgrupp',
  private_school: 'fristående skola',
  private_care_provider: 'privat vårdgivare',
  police: 'polis',
  other: 'annan organisation (t.ex. fastighetsägare, ideell förening)',
};

export const OrganisationKindEnum = builder.enumType('OrganisationKind', {
  description: 'Slag av organisation (organisationstyp).',
  values: enumValues(ORGANISATION_KINDS, KIND_TITLES),
});

export const OrganisationRef = builder.loadableNodeRef('Organisation', {
  id: { resolve: (organisation: Organisation) => organisation.id },
  load: (ids: string[], context) => loadOrganisations(sessionOf(context), ids),
  sort: (organisation) => organisation.id,
});

OrganisationRef.implement({
  description: 'En organisation (organisation): kommun, region, gemensam enhet, skola, vårdenhet eller styrgrupp.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Namn (namn).' }),
    kind: t.field({ type: OrganisationKindEnum, description: 'Slag av organisation.', resolve: (o) => o.kind }),
    municipalityCode: t.exposeString('municipalityCode', { nullable: true, description: 'Kommunkod (SCB), för kommuner.' }),
    county: t.exposeString('county', { nullable: true, description: 'Län (län).' }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdel (länsdel).' }),
    parent: t.field({ type: OrganisationRef, nullable: true, description: 'Överordnad organisation (huvudman).', resolve: (o) => o.parentId }),
  }),
});

builder.queryField('organisations', (t) =>
  t.field({
    type: [OrganisationRef],
    description: 'Organisationer (organisationer), valfritt av ett visst slag.',
    authScopes: { signedIn: true },
    args: { kind: t.arg({ type: OrganisationKindEnum, required: false, description: 'Bara detta slag.' }) },
    resolve: (_root, args, context) => listOrganisations(sessionOf(context), { kind: args.kind ?? null }),
  }),
);
