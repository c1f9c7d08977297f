import { createTrainingCourse, recordTrainingAttendance, recordTrainingCompletion, scheduleTrainingSession, TRAINING_KEEPERS } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { TrainingCourseRef, TrainingParticipantRef, TrainingSessionRef } from './training-course.js';

const CreateTrainingCourseInput = builder.inputType('CreateTrainingCourseInput', {
  description: 'En ny kurs (utbildning).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Kursens namn.' }),
    description: t.string({ required: false, description: 'Beskrivning.' }),
    requiredForApproval: t.boolean({ required: true, description: 'Krävs för godkännande.' }),
    offeredToApprovedHomes: t.boolean({ required: true, description: 'Erbjuds godkända familjehem.' }),
    sessionsRequired: t.int({ required: true, description: 'Antal träffar som krävs för att ha gått kursen (1–50).' }),
  }),
});

const ScheduleTrainingSessionInput = builder.inputType('ScheduleTrainingSessionInput', {
  description: 'En träff i en kurs (utbildningstillfälle); den får ligga framåt i tiden.',
  fields: (t) => ({
    courseId: t.globalID({ required: true, description: 'Kursen.' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Dagen träffen hålls.' }),
    location: t.string({ required: false, description: 'Plats.' }),
    leader: t.string({ required: false, description: 'Kursledare.' }),
  }),
});

const RecordTrainingAttendanceInput = builder.inputType('RecordTrainingAttendanceInput', {
  description: 'Vilka vuxna som deltog i en hållen träff (närvaro). Den som redan är registrerad räknas inte två gånger.',
  fields: (t) => ({
    sessionId: t.globalID({ required: true, description: 'Träffen.' }),
    householdMemberIds: t.globalIDList({ required: true, description: 'De vuxna som deltog (hushållsmedlemmar).' }),
  }),
});

const RecordTrainingCompletionInput = builder.inputType('RecordTrainingCompletionInput', {
  description: 'En vuxen har gått klart en kurs (genomförd utbildning).',
  fields: (t) => ({
    courseId: t.globalID({ required: true, description: 'Kursen.' }),
    householdMemberId: t.globalID({ required: true, description: 'Den vuxna (hushållsmedlem).' }),
    completedOn: t.field({ type: 'Date', required: true, description: 'Dagen kursen avslutades.' }),
  }),
});

builder.mutationFields((t) => ({
  createTrainingCourse: t.field({
    type: TrainingCourseRef,
    description: 'Lägg till en kurs.',
    authScopes: { anyRole: [...TRAINING_KEEPERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateTrainingCourseInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => createTrainingCourse(session, input)),
  }),
  scheduleTrainingSession: t.field({
    type: TrainingSessionRef,
    description: 'Lägg in en träff i en kurs.',
    authScopes: { anyRole: [...TRAINING_KEEPERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ScheduleTrainingSessionInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => scheduleTrainingSession(session, { ...input, courseId: input.courseId.id })),
  }),
  recordTrainingAttendance: t.field({
    type: TrainingSessionRef,
    description: 'Registrera närvaro vid en hållen träff.',
    authScopes: { anyRole: [...TRAINING_KEEPERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordTrainingAttendanceInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordTrainingAttendance(session, { sessionId: input.sessionId.id, householdMemberIds: input.householdMemberIds.map((m) => m.id) })),
  }),
  recordTrainingCompletion: t.field({
    type: TrainingParticipantRef,
    description: 'Registrera att en vuxen gått klart en kurs; kräver närvaro vid så många träffar som kursen kräver.',
    authScopes: { anyRole: [...TRAINING_KEEPERS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordTrainingCompletionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        recordTrainingCompletion(session, { courseId: input.courseId.id, householdMemberId: input.householdMemberId.id, completedOn: input.completedOn }),
      ),
  }),
}));
