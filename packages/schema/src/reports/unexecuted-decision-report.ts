import {
  loadUnexecutedDecisionReport,
  REPORT_READERS,
  todayInSweden,
  UNEXECUTED_STATUSES,
  unexecutedDecisionCsv,
  WAIT_KINDS,
  type ChildGender,
  type UnexecutedDecision,
  type UnexecutedDecisionReport,
  type UnexecutedStatus,
  type WaitKind,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { ChildGenderEnum } from '../placements/child.js';
import { LegalBasisEnum, PlacementKindEnum } from '../placements/placement-decision.js';
import { OrganisationRef } from '../units/organisation.js';

const UnexecutedStatusEnum = builder.enumType('UnexecutedDecisionStatus', {
  description: 'Var ett ej verkställt beslut står vid kvartalets slut (status).',
  values: enumValues<UnexecutedStatus>(UNEXECUTED_STATUSES, {
    not_executed: 'Ej verkställt: väntar fortfarande.',
    executed: 'Verkställt (eller återupptaget efter avbrott) under kvartalet, efter mer än tre månader.',
    cancelled: 'Avslutat (beslutet upphörde) under kvartalet, efter mer än tre månader utan verkställighet.',
  }),
});

const WaitKindEnum = builder.enumType('UnexecutedDecisionWaitKind', {
  description: 'Vad beslutet väntar på (väntan): att verkställas, eller att återupptas efter ett avbrott.',
  values: enumValues<WaitKind>(WAIT_KINDS, {
    awaiting_execution: 'Har inte verkställts inom tre månader från beslutsdatum.',
    interrupted: 'Verkställigheten avbröts och har inte återupptagits inom tre månader (avbrott).',
  }),
});

const UnexecutedDecisionRef = builder.objectRef<UnexecutedDecision>('UnexecutedDecision').implement({
  description: 'Ett gynnande beslut som inte verkställts inom tre månader (ej verkställt beslut), utan den enskildes namn.',
  fields: (t) => ({
    decidedOn: t.field({ type: 'Date', description: 'Beslutsdatum.', resolve: (row) => row.decidedOn }),
    intervention: t.exposeString('intervention', { description: 'Insatsen som beslutet anger (insats), t.ex. Placering i familjehem.' }),
    kind: t.field({ type: PlacementKindEnum, description: 'Slag av placering (placeringsform).', resolve: (row) => row.kind }),
    legalBasis: t.field({ type: LegalBasisEnum, description: 'Lagrum: SoL eller LVU.', resolve: (row) => row.legalBasis }),
    gender: t.field({ type: ChildGenderEnum, description: 'Den enskildes kön (kön): flicka, pojke eller annan könsidentitet.', resolve: (row) => row.gender }),
    waitKind: t.field({ type: WaitKindEnum, description: 'Om beslutet aldrig verkställts eller avbrutits (väntan).', resolve: (row) => row.waitKind }),
    interruptedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen verkställigheten avbröts (avbrott), när det är avbrottet som väntar.', resolve: (row) => row.interruptedOn }),
    daysWaited: t.exposeInt('daysWaited', { description: 'Dagar som gått (väntetid) från beslutet, eller avbrottet, till kvartalets sista dag eller till verkställighet eller avslut.' }),
    status: t.field({ type: UnexecutedStatusEnum, description: 'Läget vid kvartalets slut (status).', resolve: (row) => row.status }),
    statusOn: t.field({ type: 'Date', nullable: true, description: 'Dagen beslutet verkställdes, återupptogs eller avslutades (datum).', resolve: (row) => row.statusOn }),
  }),
});

const GenderCountRef = builder.objectRef<{ gender: ChildGender; count: number }>('UnexecutedDecisionGenderCount').implement({
  description: 'Antal ej verkställda beslut för ett kön (antal per kön).',
  fields: (t) => ({
    gender: t.field({ type: ChildGenderEnum, description: 'Kön.', resolve: (row) => row.gender }),
    count: t.exposeInt('count', { description: 'Antal beslut.' }),
  }),
});

const UnexecutedDecisionReportRef = builder.objectRef<UnexecutedDecisionReport>('UnexecutedDecisionReport').implement({
  description:
    'Kvartalsrapporten om ej verkställda beslut till IVO och fullmäktige (rapport ej verkställda beslut): gynnande beslut om placering som inte verkställts inom tre månader, eller avbrutits i tre månader. Utan namn.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen som rapporterar (kommun).', resolve: (_report, _args, context) => sessionOf(context).actor.organisationId }),
    year: t.exposeInt('year', { description: 'År.' }),
    quarter: t.exposeInt('quarter', { description: 'Kvartal, 1–4.' }),
    first: t.field({ type: 'Date', description: 'Kvartalets första dag.', resolve: (r) => r.first }),
    last: t.field({ type: 'Date', description: 'Kvartalets sista dag.', resolve: (r) => r.last }),
    asOf: t.field({ type: 'Date', description: 'Dagen siffrorna gäller (per datum): kvartalets sista dag, eller i dag medan kvartalet pågår.', resolve: (r) => r.asOf }),
    decisions: t.field({ type: [UnexecutedDecisionRef], description: 'Besluten, äldst först (bilaga).', resolve: (r) => [...r.rows] }),
    total: t.exposeInt('total', { description: 'Antal beslut i rapporten (totalt).' }),
    notExecuted: t.exposeInt('notExecuted', { description: 'Varav ej verkställda vid kvartalets slut.' }),
    executed: t.exposeInt('executed', { description: 'Varav verkställda eller återupptagna under kvartalet.' }),
    cancelled: t.exposeInt('cancelled', { description: 'Varav avslutade under kvartalet.' }),
    byGender: t.field({ type: [GenderCountRef], description: 'Antal per kön: flickor, pojkar, annan könsidentitet.', resolve: (r) => [...r.byGender] }),
    previousQuarterTotal: t.exposeInt('previousQuarterTotal', { description: 'Antal beslut i föregående kvartals rapport (jämförelse).' }),
    csv: t.string({ description: 'Bilagan som CSV för svenska Excel (CSV-export): semikolonseparerad, svenska rubriker, en rad per beslut, inga namn.', resolve: (r) => unexecutedDecisionCsv(r) }),
  }),
});

builder.queryField('unexecutedDecisionReport', (t) =>
  t.field({
    type: UnexecutedDecisionReportRef,
    description: 'Din kommuns kvartalsrapport om ej verkställda beslut (rapport ej verkställda beslut) till IVO och fullmäktige.',
    authScopes: { anyRole: [...REPORT_READERS] },
    args: {
      year: t.arg.int({ required: true, description: 'År (år).' }),
      quarter: t.arg.int({ required: true, description: 'Kvartal (kvartal), 1–4.' }),
    },
    resolve: (_root, args, context) => loadUnexecutedDecisionReport(sessionOf(context), { year: args.year, quarter: args.quarter }, todayInSweden()),
  }),
);
