import { ivoFosterChildCsv, loadIvoFosterChildList, REPORT_READERS, todayInSweden, type IvoFosterChild, type IvoFosterChildList } from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { FosterHomeKindEnum } from '../homes/foster-home.js';
import { ChildGenderEnum } from '../placements/child.js';
import { LegalBasisEnum, PlacementKindEnum } from '../placements/placement-decision.js';
import { OrganisationRef } from '../units/organisation.js';
import { PlacementTermEnum } from './placement-overview.js';

const IvoFosterChildRef = builder.objectRef<IvoFosterChild>('IvoFosterChild').implement({
  description: 'Ett barns placering i ett familjehem under året (rad i förteckningen till IVO), utan namn.',
  fields: (t) => ({
    gender: t.field({ type: ChildGenderEnum, description: 'Kön.', resolve: (row) => row.gender }),
    birthYear: t.exposeInt('birthYear', { description: 'Födelseår.' }),
    homeName: t.exposeString('homeName', { nullable: true, description: 'Familjehemmet (familjehem); null om hemmet är en annan organisations som kommunen inte ser.' }),
    homeKind: t.field({ type: FosterHomeKindEnum, nullable: true, description: 'Typ av hem.', resolve: (row) => row.homeKind }),
    homeMunicipalityName: t.exposeString('homeMunicipalityName', { nullable: true, description: 'Kommunen där hemmet ligger (hemmets kommun).' }),
    term: t.field({ type: PlacementTermEnum, description: 'Jour eller stadigvarande.', resolve: (row) => row.term }),
    placementKind: t.field({ type: PlacementKindEnum, nullable: true, description: 'Slag av placering enligt beslutet (placeringsform); null utan registrerat beslut.', resolve: (row) => row.decisionKind }),
    legalBasis: t.field({ type: LegalBasisEnum, nullable: true, description: 'Lagrum enligt beslutet: SoL eller LVU.', resolve: (row) => row.legalBasis }),
    startsOn: t.field({ type: 'Date', description: 'Placerad från (startdatum).', resolve: (row) => row.startsOn }),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Placerad till (slutdatum); null om placeringen pågår.', resolve: (row) => row.endedOn }),
    placedAtYearEnd: t.exposeBoolean('placedAtYearEnd', { description: 'Om barnet var placerat i hemmet den 31 december.' }),
  }),
});

const IvoFosterChildListRef = builder.objectRef<IvoFosterChildList>('IvoFosterChildList').implement({
  description:
    'Förteckningen till IVO över barn i familjehem under ett år (årlig förteckning), som ska lämnas senast 31 januari året efter: varje placering i familjehem under året, utan namn.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Den placerande kommunen (kommun).', resolve: (_l, _args, context) => sessionOf(context).actor.organisationId }),
    year: t.exposeInt('year', { description: 'Året förteckningen gäller (år).' }),
    placements: t.field({ type: [IvoFosterChildRef], description: 'Placeringarna, efter startdatum.', resolve: (l) => [...l.rows] }),
    children: t.exposeInt('children', { description: 'Antal barn placerade i familjehem någon gång under året.' }),
    childrenAtYearEnd: t.exposeInt('childrenAtYearEnd', { description: 'Antal barn placerade i familjehem den 31 december.' }),
    dueOn: t.field({ type: 'Date', description: 'Sista dag att lämna förteckningen (31 januari året efter).', resolve: (l) => l.deadline.dueOn }),
    daysUntilDue: t.int({ description: 'Dagar kvar till sista dagen (negativt när den passerats).', resolve: (l) => l.deadline.daysUntilDue }),
    deadlineApproaching: t.boolean({ description: 'Om sista dagen närmar sig (i januari året efter, till och med 31 januari): då varnar sidan.', resolve: (l) => l.deadline.approaching }),
    csv: t.string({ description: 'Förteckningen som CSV för svenska Excel (CSV-export): semikolonseparerad, svenska rubriker, inga namn.', resolve: (l) => ivoFosterChildCsv(l) }),
  }),
});

builder.queryField('ivoFosterChildList', (t) =>
  t.field({
    type: IvoFosterChildListRef,
    description: 'Din kommuns förteckning till IVO över barn i familjehem under ett år (årlig förteckning).',
    authScopes: { anyRole: [...REPORT_READERS] },
    args: { year: t.arg.int({ required: true, description: 'Året (år).' }) },
    resolve: (_root, args, context) => loadIvoFosterChildList(sessionOf(context), args.year, todayInSweden()),
  }),
);
