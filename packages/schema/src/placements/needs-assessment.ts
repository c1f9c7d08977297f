import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  CASE_ROLES,
  completeNeedsAssessment,
  loadCaseWorkers,
  loadNeedsAssessmentsByChild,
  NEEDS_ASSESSMENT_OUTCOMES,
  startNeedsAssessment,
  type NeedsAssessment,
  type NeedsAssessmentOutcome,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { MUTATION_ERRORS } from '../errors.js';
import { CaseWorkerRef, ChildRef, ownChild } from './child.js';

export const NeedsAssessmentOutcomeEnum = builder.enumType('NeedsAssessmentOutcome', {
  description: 'Vad utredningen av barnets behov ledde till (utfall).',
  values: enumValues<NeedsAssessmentOutcome>(NEEDS_ASSESSMENT_OUTCOMES, {
    placement: 'Placering utanför hemmet.',
    other_intervention: 'Annan insats.',
    no_intervention: 'Ingen insats.',
  }),
});

export const NeedsAssessmentRef = builder.objectRef<NeedsAssessment>('NeedsAssessment').implement({
  description: 'Utredning av barnets behov (utredning, BBIC). Bara den placerande kommunen ser den.',
  fields: (t) => ({
    id: t.id({ description: 'Utredningens id (globalt id).', resolve: (a) => encodeGlobalID('NeedsAssessment', a.id) }),
    worker: t.loadable({
      type: CaseWorkerRef,
      description: 'Den som utreder (utredare).',
      load: (ids: string[], context) => loadCaseWorkers(sessionOf(context), ids),
      sort: (worker) => worker.id,
      resolve: (a) => a.workerId,
    }),
    startedOn: t.field({ type: 'Date', description: 'Startdatum (utredningen inleddes).', resolve: (a) => a.startedOn }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Avslutad (datum); tomt medan utredningen pågår.', resolve: (a) => a.completedOn }),
    outcome: t.field({ type: NeedsAssessmentOutcomeEnum, nullable: true, description: 'Vad utredningen ledde till (utfall).', resolve: (a) => a.outcome }),
    summary: t.exposeString('summary', { nullable: true, description: 'Sammanfattning (sammanfattning).' }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring.' }),
  }),
});

builder.objectFields(ChildRef, (t) => ({
  needsAssessments: t.loadableGroup({
    type: NeedsAssessmentRef,
    description: 'Utredningarna av barnets behov, senaste först (utredningar). Bara den placerande kommunen; varje läsning loggas.',
    authScopes: ownChild,
    load: (childIds: string[], context) => loadNeedsAssessmentsByChild(sessionOf(context), childIds),
    group: (assessment) => assessment.childId,
    resolve: (child) => child.id,
  }),
}));

const StartNeedsAssessmentInput = builder.inputType('StartNeedsAssessmentInput', {
  description: 'Inled en utredning av barnets behov (utredning).',
  fields: (t) => ({
    childId: t.globalID({ required: true, for: ChildRef, description: 'Barnet.' }),
    startedOn: t.field({ type: 'Date', required: true, description: 'Startdatum, inte i framtiden.' }),
    workerId: t.id({ required: true, description: 'Den som utreder (CaseWorker.id).' }),
  }),
});

const CompleteNeedsAssessmentInput = builder.inputType('CompleteNeedsAssessmentInput', {
  description: 'Avsluta en utredning med utfall och sammanfattning.',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'Utredningen (NeedsAssessment.id).' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    completedOn: t.field({ type: 'Date', required: true, description: 'Avslutsdatum, inte före start och inte i framtiden.' }),
    outcome: t.field({ type: NeedsAssessmentOutcomeEnum, required: true, description: 'Utfall.' }),
    summary: t.string({ required: true, description: 'Sammanfattning.' }),
  }),
});

builder.mutationFields((t) => ({
  startNeedsAssessment: t.field({
    type: NeedsAssessmentRef,
    description: 'Inled en utredning av barnets behov; ett barn har en pågående utredning i taget.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: StartNeedsAssessmentInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => startNeedsAssessment(session, { ...input, childId: input.childId.id })),
  }),
  completeNeedsAssessment: t.field({
    type: NeedsAssessmentRef,
    description: 'Avsluta en utredning av barnets behov med utfall och sammanfattning.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CompleteNeedsAssessmentInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => completeNeedsAssessment(session, { ...input, id: input.id.id })),
  }),
}));
