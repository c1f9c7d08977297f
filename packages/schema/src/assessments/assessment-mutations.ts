import {
  recordAssessmentActivity,
  recordChildHeard,
  recordRegisterCheck,
  sendAssessmentForDecision,
  startHomeAssessment,
  startReassessment,
  updateAssessmentSummary,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { FosterHomeRef } from '../homes/foster-home.js';
import {
  AssessmentActivityKindEnum,
  AssessmentMethodEnum,
  HomeAssessmentRef,
  RecommendationEnum,
  RegisterCheckResultEnum,
  RegisterEnum,
} from './home-assessment.js';

/** Who records an assessment: the unit's foster-care workers and heads of unit. */
const ASSESSMENT_WRITERS = ['foster_care_worker', 'head_of_unit'] as const;

const StartHomeAssessmentInput = builder.inputType('StartHomeAssessmentInput', {
  description: 'Starta utredningen av en familj som har kommit till steget utredning (ny utredning).',
  fields: (t) => ({
    recruitmentId: t.globalID({ required: true, description: 'Familjens rekrytering (rekrytering).' }),
    assessorId: t.id({ required: true, description: 'Utredaren: en familjehemssekreterare eller enhetschef i enheten (Assessor.id).' }),
    method: t.field({ type: AssessmentMethodEnum, required: true, description: 'Metod.' }),
    startedOn: t.field({ type: 'Date', required: true, description: 'Startdatum.' }),
  }),
});

const StartReassessmentInput = builder.inputType('StartReassessmentInput', {
  description: 'Starta en omutredning av ett godkänt familjehem (omutredning).',
  fields: (t) => ({
    fosterHomeId: t.globalID({ required: true, for: FosterHomeRef, description: 'Familjehemmet.' }),
    assessorId: t.id({ required: true, description: 'Utredaren (Assessor.id).' }),
    method: t.field({ type: AssessmentMethodEnum, required: true, description: 'Metod.' }),
    startedOn: t.field({ type: 'Date', required: true, description: 'Startdatum.' }),
  }),
});

const RecordAssessmentActivityInput = builder.inputType('RecordAssessmentActivityInput', {
  description: 'En intervju, ett hembesök eller en referens i utredningen (utredningsmoment).',
  fields: (t) => ({
    assessmentId: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    kind: t.field({ type: AssessmentActivityKindEnum, required: true, description: 'Slag av moment.' }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'Datum.' }),
    participants: t.string({ required: true, description: 'Vem som deltog eller lämnade referensen.' }),
    note: t.string({ required: false, description: 'Anteckning.' }),
  }),
});

const RecordRegisterCheckInput = builder.inputType('RecordRegisterCheckInput', {
  description: 'En registerkontroll av en vuxen i hushållet, med personens samtycke (registerkontroll).',
  fields: (t) => ({
    assessmentId: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    householdMemberId: t.globalID({ required: true, description: 'Den vuxne som kontrolleras (HouseholdMember.id).' }),
    register: t.field({ type: RegisterEnum, required: true, description: 'Registret.' }),
    consentGivenOn: t.field({ type: 'Date', required: true, description: 'Datum då personen gav sitt samtycke; senast samma dag som kontrollen (samtycke).' }),
    checkedOn: t.field({ type: 'Date', required: true, description: 'Datum för kontrollen.' }),
    result: t.field({ type: RegisterCheckResultEnum, required: true, description: 'Resultat.' }),
    note: t.string({ required: false, description: 'Anteckning, t.ex. utredarens bedömning av en uppgift.' }),
  }),
});

const RecordChildHeardInput = builder.inputType('RecordChildHeardInput', {
  description: 'Ett av familjens barn har hörts i utredningen (barn hörda).',
  fields: (t) => ({
    assessmentId: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    householdMemberId: t.globalID({ required: true, description: 'Barnet (HouseholdMember.id).' }),
    heardOn: t.field({ type: 'Date', required: true, description: 'Datum.' }),
    note: t.string({ required: false, description: 'Anteckning om vad barnet sa.' }),
  }),
});

const UpdateAssessmentSummaryInput = builder.inputType('UpdateAssessmentSummaryInput', {
  description: 'Utredarens sammanfattning och rekommendation. expectedVersion är den version du läste.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    summary: t.string({ required: false, description: 'Sammanfattning.' }),
    recommendation: t.field({ type: RecommendationEnum, required: false, description: 'Rekommendation.' }),
  }),
});

const SendAssessmentForDecisionInput = builder.inputType('SendAssessmentForDecisionInput', {
  description: 'Lämna utredningen för beslut. Vägras med ASSESSMENT_INCOMPLETE så länge något saknas eller ett registerutdrag är för gammalt.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    sentOn: t.field({ type: 'Date', required: true, description: 'Datum då utredningen lämnas för beslut.' }),
  }),
});

/** Every assessment mutation answers with the assessment as it now is, so the checklist can be read again at once. */
function assessmentMutation(description: string) {
  return { type: HomeAssessmentRef, description, authScopes: { anyRole: [...ASSESSMENT_WRITERS] }, errors: { types: MUTATION_ERRORS } } as const;
}

builder.mutationFields((t) => ({
  startHomeAssessment: t.field({
    ...assessmentMutation('Starta utredningen av en familj i steget utredning; en utredning per rekrytering.'),
    args: { input: t.arg({ type: StartHomeAssessmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        startHomeAssessment(session, { recruitmentId: input.recruitmentId.id, assessorId: String(input.assessorId), method: input.method, startedOn: input.startedOn }),
      ),
  }),
  startReassessment: t.field({
    ...assessmentMutation('Starta en omutredning av ett godkänt familjehem: en ny rekrytering som börjar i steget utredning, och dess utredning.'),
    args: { input: t.arg({ type: StartReassessmentInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        startReassessment(session, { fosterHomeId: input.fosterHomeId.id, assessorId: String(input.assessorId), method: input.method, startedOn: input.startedOn }),
      ),
  }),
  recordAssessmentActivity: t.field({
    ...assessmentMutation('Registrera en intervju, ett hembesök eller en referens.'),
    args: { input: t.arg({ type: RecordAssessmentActivityInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => recordAssessmentActivity(session, { ...input, assessmentId: input.assessmentId.id })),
  }),
  recordRegisterCheck: t.field({
    ...assessmentMutation('Registrera en registerkontroll av en vuxen, med datum för samtycket.'),
    args: { input: t.arg({ type: RecordRegisterCheckInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordRegisterCheck(session, { ...input, assessmentId: input.assessmentId.id, householdMemberId: input.householdMemberId.id })),
  }),
  recordChildHeard: t.field({
    ...assessmentMutation('Registrera att ett av familjens barn har hörts.'),
    args: { input: t.arg({ type: RecordChildHeardInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordChildHeard(session, { ...input, assessmentId: input.assessmentId.id, householdMemberId: input.householdMemberId.id })),
  }),
  updateAssessmentSummary: t.field({
    ...assessmentMutation('Spara sammanfattning och rekommendation, med skydd mot att skriva över någon annans ändring.'),
    args: { input: t.arg({ type: UpdateAssessmentSummaryInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => updateAssessmentSummary(session, { ...input, id: input.id.id })),
  }),
  sendAssessmentForDecision: t.field({
    ...assessmentMutation('Lämna en komplett utredning för beslut; familjen går till steget beslut.'),
    args: { input: t.arg({ type: SendAssessmentForDecisionInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => sendAssessmentForDecision(session, { ...input, id: input.id.id })),
  }),
}));
