import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  decideDeviationActionAtCounty,
  listSteeringGroupDeviations,
  listSteeringGroupDisputes,
  NotFoundError,
  resolveDisputeAtCounty,
  STEERING_GROUP_ROLES,
  type SteeringGroupDecision,
  type SteeringGroupDeviation,
  type SteeringGroupDeviationCell,
  type SteeringGroupDeviationOverview,
  type SteeringGroupDispute,
  type SteeringGroupDisputePosition,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';
import { DeviationCategoryEnum, DeviationLevelEnum, DeviationStatusEnum, DisputeLevelEnum, DisputeStatusEnum, DisputeSubjectEnum } from './deviation-enums.js';

const SteeringGroupDecisionRef = builder.objectRef<SteeringGroupDecision>('SteeringGroupDecision').implement({
  description: 'Ett beslut om åtgärd över lokal nivå (beslut), som styrgruppen ser det.',
  fields: (t) => ({
    level: t.field({ type: DeviationLevelEnum, description: 'Nivån som beslutade.', resolve: (d) => d.level }),
    decidedOn: t.field({ type: 'Date', description: 'Dagen beslutet togs.', resolve: (d) => d.decidedOn }),
    decision: t.exposeString('decision', { nullable: true, description: 'Beslutet.' }),
  }),
});

export const SteeringGroupDeviationRef = builder.objectRef<SteeringGroupDeviation>('SteeringGroupDeviation').implement({
  description:
    'En avvikelse lyft över lokal nivå, avidentifierad för styrgruppen (avvikelse i styrgruppen): slag, plats, nivå, status, datum, den godkända sammanfattningen och besluten. Ingen beskrivning, inget möte, ingen person.',
  fields: (t) => ({
    id: t.id({ description: 'Avvikelsens id för styrgruppen (globalt id för SteeringGroupDeviation).', resolve: (d) => encodeGlobalID('SteeringGroupDeviation', d.id) }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen.', resolve: (d) => d.municipalityId }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen (länsdel).' }),
    category: t.field({ type: DeviationCategoryEnum, description: 'Slag av avvikelse.', resolve: (d) => d.category }),
    level: t.field({ type: DeviationLevelEnum, description: 'Nivån den hanteras på.', resolve: (d) => d.level }),
    status: t.field({ type: DeviationStatusEnum, description: 'Status.', resolve: (d) => d.status }),
    occurredOn: t.field({ type: 'Date', description: 'Dagen det hände.', resolve: (d) => d.occurredOn }),
    reportedOn: t.field({ type: 'Date', description: 'Dagen den rapporterades.', resolve: (d) => d.reportedOn }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen den avslutades.', resolve: (d) => d.closedOn }),
    clearedSummary: t.exposeString('clearedSummary', { nullable: true, description: 'Den godkända, avidentifierade sammanfattningen.' }),
    decisions: t.field({ type: [SteeringGroupDecisionRef], description: 'Besluten om åtgärd över lokal nivå, äldst först.', resolve: (d) => [...d.decisions] }),
  }),
});

const SteeringGroupDeviationCellRef = builder.objectRef<SteeringGroupDeviationCell>('SteeringGroupDeviationCell').implement({
  description: 'Antal lyfta avvikelser i en länsdel och ett slag (cell i översikten).',
  fields: (t) => ({
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen.' }),
    category: t.field({ type: DeviationCategoryEnum, description: 'Slag av avvikelse.', resolve: (c) => c.category }),
    count: t.exposeInt('count', { description: 'Antal avvikelser (var och en syns också i listan).' }),
  }),
});

const SteeringGroupDeviationOverviewRef = builder.objectRef<SteeringGroupDeviationOverview>('SteeringGroupDeviationOverview').implement({
  description: 'Styrgruppens lista över avvikelser lyfta över lokal nivå, med nedbrytning per länsdel och slag (översikt).',
  fields: (t) => ({
    countyParts: t.stringList({ nullable: { list: false, items: true }, description: 'Länets länsdelar i namnordning.', resolve: (o) => [...o.countyParts] }),
    cells: t.field({ type: [SteeringGroupDeviationCellRef], description: 'Antal per länsdel och slag, över alla lyfta avvikelser (urvalet gäller inte).', resolve: (o) => [...o.cells] }),
    total: t.exposeInt('total', { description: 'Antal lyfta avvikelser, oavsett urval.' }),
    deviations: t.field({ type: [SteeringGroupDeviationRef], description: 'De lyfta avvikelser urvalet ger, nyast först.', resolve: (o) => [...o.deviations] }),
  }),
});

const SteeringGroupDisputePositionRef = builder.objectRef<SteeringGroupDisputePosition>('SteeringGroupDisputePosition').implement({
  description: 'En parts ståndpunkt i en oenighet på länsnivå (ståndpunkt).',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Parten.', resolve: (p) => p.organisationId }),
    position: t.exposeString('position', { nullable: true, description: 'Ståndpunkten; null om parten inte angett någon.' }),
    statedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen den angavs.', resolve: (p) => p.statedOn }),
  }),
});

export const SteeringGroupDisputeRef = builder.objectRef<SteeringGroupDispute>('SteeringGroupDispute').implement({
  description: 'En oenighet lyft till länsnivå, som styrgruppen avgör (oenighet i styrgruppen). Ingen person nämns.',
  fields: (t) => ({
    id: t.id({ description: 'Oenighetens id för styrgruppen (globalt id för SteeringGroupDispute).', resolve: (d) => encodeGlobalID('SteeringGroupDispute', d.id) }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen insatsen gäller.', resolve: (d) => d.municipalityId }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen.' }),
    subject: t.field({ type: DisputeSubjectEnum, description: 'Ansvar eller kostnad.', resolve: (d) => d.subject }),
    intervention: t.exposeString('intervention', { description: 'Insatsen.' }),
    question: t.exposeString('question', { description: 'Frågan.' }),
    level: t.field({ type: DisputeLevelEnum, description: 'Nivån.', resolve: (d) => d.level }),
    status: t.field({ type: DisputeStatusEnum, description: 'Status.', resolve: (d) => d.status }),
    raisedOn: t.field({ type: 'Date', description: 'Dagen den togs upp.', resolve: (d) => d.raisedOn }),
    resolvedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen den avgjordes.', resolve: (d) => d.resolvedOn }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'Utfallet.' }),
    positions: t.field({ type: [SteeringGroupDisputePositionRef], description: 'Parternas ståndpunkter.', resolve: (d) => [...d.positions] }),
  }),
});

const SteeringGroupDeviationFilter = builder.inputType('SteeringGroupDeviationFilter', {
  description: 'Nedbrytning av styrgruppens avvikelselista (urval).',
  fields: (t) => ({
    countyPart: t.string({ required: false, description: 'Bara denna länsdel.' }),
    category: t.field({ type: DeviationCategoryEnum, required: false, description: 'Bara detta slag.' }),
  }),
});

builder.queryFields((t) => ({
  steeringGroupDeviations: t.field({
    type: SteeringGroupDeviationOverviewRef,
    description: 'Avvikelser i styrgruppens län som lyfts över lokal nivå, avidentifierade, med antal per länsdel och slag.',
    authScopes: { anyRole: [...STEERING_GROUP_ROLES] },
    args: { filter: t.arg({ type: SteeringGroupDeviationFilter, required: false }) },
    resolve: (_root, args, context) =>
      listSteeringGroupDeviations(sessionOf(context), { countyPart: args.filter?.countyPart ?? null, category: args.filter?.category ?? null }),
  }),
  steeringGroupDisputes: t.field({
    type: [SteeringGroupDisputeRef],
    description: 'Oenigheter i styrgruppens län som lyfts till länsnivå, pågående först.',
    authScopes: { anyRole: [...STEERING_GROUP_ROLES] },
    resolve: (_root, _args, context) => listSteeringGroupDisputes(sessionOf(context)),
  }),
}));

const DecideDeviationActionAtCountyInput = builder.inputType('DecideDeviationActionAtCountyInput', {
  description: 'Styrgruppens beslut om åtgärd för en avvikelse på länsnivå (beslut). Texten får inte innehålla personnummer.',
  fields: (t) => ({
    deviationId: t.globalID({ required: true, description: 'Avvikelsen (SteeringGroupDeviation.id).' }),
    decision: t.string({ required: true, description: 'Beslutet.' }),
    occurredOn: t.field({ type: 'Date', required: false, description: 'Dagen beslutet togs; i dag om inget anges.' }),
  }),
});

const ResolveDisputeAtCountyInput = builder.inputType('ResolveDisputeAtCountyInput', {
  description: 'Styrgruppens avgörande av en oenighet på länsnivå (utfall). Texten får inte innehålla personnummer.',
  fields: (t) => ({
    disputeId: t.globalID({ required: true, description: 'Oenigheten (SteeringGroupDispute.id).' }),
    outcome: t.string({ required: true, description: 'Utfallet.' }),
    occurredOn: t.field({ type: 'Date', required: false, description: 'Dagen den avgjordes; i dag om inget anges.' }),
  }),
});

/** The record's own id from the steering group's global id, refusing an id of another type. */
function ownId(globalId: { typename: string; id: string }, typename: string, what: string): string {
  if (globalId.typename !== typename) throw new NotFoundError(what);
  return globalId.id;
}

builder.mutationFields((t) => ({
  decideDeviationActionAtCounty: t.field({
    type: SteeringGroupDeviationRef,
    description: 'Registrera styrgruppens beslut om åtgärd för en avvikelse lyft till länsnivå.',
    authScopes: { anyRole: [...STEERING_GROUP_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DecideDeviationActionAtCountyInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        decideDeviationActionAtCounty(session, {
          deviationId: ownId(input.deviationId, 'SteeringGroupDeviation', 'Avvikelsen'),
          decision: input.decision,
          occurredOn: input.occurredOn ?? null,
        }),
      ),
  }),
  resolveDisputeAtCounty: t.field({
    type: SteeringGroupDisputeRef,
    description: 'Registrera styrgruppens avgörande av en oenighet på länsnivå.',
    authScopes: { anyRole: [...STEERING_GROUP_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ResolveDisputeAtCountyInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        resolveDisputeAtCounty(session, { disputeId: ownId(input.disputeId, 'SteeringGroupDispute', 'Oenigheten'), outcome: input.outcome, occurredOn: input.occurredOn ?? null }),
      ),
  }),
}));
