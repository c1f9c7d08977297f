import { encodeGlobalID } from '@pothos/plugin-relay';
import { interventionRegisterCsv, loadInterventionRegister, REPORT_READERS, type InterventionRegister, type RegisteredIntervention } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { FosterHomeKindEnum } from '../homes/foster-home.js';
import { ChildIdentityKindEnum } from '../placements/child.js';
import { LegalBasisEnum, PlacementKindEnum } from '../placements/placement-decision.js';
import { OrganisationRef } from '../units/organisation.js';

const RegisteredInterventionRef = builder.objectRef<RegisteredIntervention>('RegisteredIntervention').implement({
  description: 'En placering som den rapporteras till Socialstyrelsens register över insatser för barn och unga (insats), med barnets personnummer.',
  fields: (t) => ({
    childId: t.id({ description: 'Barnets id (globalt id), att söka i loggen med.', resolve: (row) => encodeGlobalID('Child', row.childId) }),
    identityNumber: t.exposeString('identityNumber', { description: 'Personnummer, samordningsnummer eller reservnummer (identitet).' }),
    identityKind: t.field({ type: ChildIdentityKindEnum, description: 'Vilket slags nummer.', resolve: (row) => row.identityKind }),
    intervention: t.exposeString('intervention', { nullable: true, description: 'Insatsen som beslutet anger (insats); null utan registrerat beslut.' }),
    placementKind: t.field({ type: PlacementKindEnum, nullable: true, description: 'Slag av placering enligt beslutet (placeringsform).', resolve: (row) => row.decisionKind }),
    homeKind: t.field({ type: FosterHomeKindEnum, nullable: true, description: 'Vårdform: typ av familjehem.', resolve: (row) => row.homeKind }),
    legalBasis: t.field({ type: LegalBasisEnum, nullable: true, description: 'Lagrum: SoL eller LVU.', resolve: (row) => row.legalBasis }),
    decidedOn: t.field({ type: 'Date', nullable: true, description: 'Beslutsdatum.', resolve: (row) => row.decidedOn }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.', resolve: (row) => row.startsOn }),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Slutdatum; null om placeringen pågår.', resolve: (row) => row.endedOn }),
    endReason: t.exposeString('endReason', { nullable: true, description: 'Orsak till avslut.' }),
  }),
});

const InterventionRegisterRef = builder.objectRef<InterventionRegister>('InterventionRegister').implement({
  description:
    'Uppgifterna till Socialstyrelsens register över insatser för barn och unga (registret) för ett år: varje placering i vård under året. Den enda rapporten med personnummer; varje läsning loggas per barn.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Den placerande kommunen (kommun).', resolve: (_r, _args, context) => sessionOf(context).actor.organisationId }),
    year: t.exposeInt('year', { description: 'År.' }),
    interventions: t.field({ type: [RegisteredInterventionRef], description: 'Placeringarna, efter personnummer och startdatum.', resolve: (r) => [...r.rows] }),
    started: t.exposeInt('started', { description: 'Placeringar som påbörjades under året.' }),
    ended: t.exposeInt('ended', { description: 'Placeringar som avslutades under året.' }),
    csv: t.string({ description: 'Uppgifterna som CSV för svenska Excel (CSV-export): semikolonseparerad, svenska rubriker, med personnummer.', resolve: (r) => interventionRegisterCsv(r) }),
  }),
});

builder.queryField('interventionRegister', (t) =>
  t.field({
    type: InterventionRegisterRef,
    description: 'Din kommuns uppgifter till Socialstyrelsens register över insatser för barn och unga för ett år (registret). Läsningen loggas per barn.',
    authScopes: { anyRole: [...REPORT_READERS] },
    args: { year: t.arg.int({ required: true, description: 'Året (år).' }) },
    resolve: (_root, args, context) => loadInterventionRegister(sessionOf(context), args.year),
  }),
);
