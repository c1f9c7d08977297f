import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  listMissingTraining,
  listTrainingCourses,
  loadTrainingCourses,
  loadTrainingParticipantsByCourse,
  loadTrainingSessions,
  loadTrainingSessionsByCourse,
  TRAINING_NEED_REASONS,
  TRAINING_READERS,
  type MissingTraining,
  type TrainingAdult,
  type TrainingCourse,
  type TrainingNeedReason,
  type TrainingParticipant,
  type TrainingSession,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { FosterHomeRef } from '../homes/foster-home.js';

export const TrainingAdultRef = builder.objectRef<TrainingAdult>('TrainingAdult').implement({
  description: 'En vuxen i ett familjehems hushåll, som deltagare i utbildning (deltagare). Läsningen loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Hushållsmedlemmens id (globalt id för HouseholdMember).', resolve: (a) => encodeGlobalID('HouseholdMember', a.id) }),
    givenName: t.exposeString('givenName', { description: 'Förnamn.' }),
    familyName: t.exposeString('familyName', { description: 'Efternamn.' }),
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjehemmet den vuxna hör till.', resolve: (a) => a.fosterHomeId }),
  }),
});

export const TrainingSessionRef = builder.loadableNode('TrainingSession', {
  description: 'Ett utbildningstillfälle (träff) i en kurs.',
  authScopes: { anyRole: [...TRAINING_READERS] },
  id: { resolve: (s: TrainingSession) => s.id },
  load: (ids: string[], context) => loadTrainingSessions(sessionOf(context), ids),
  sort: (s) => s.id,
  fields: (t) => ({
    heldOn: t.field({ type: 'Date', description: 'Dagen träffen hålls (datum).', resolve: (s) => s.heldOn }),
    location: t.exposeString('location', { nullable: true, description: 'Plats.' }),
    leader: t.exposeString('leader', { nullable: true, description: 'Kursledare.' }),
  }),
});

export const TrainingParticipantRef = builder.objectRef<TrainingParticipant>('TrainingParticipant').implement({
  description: 'En vuxen som deltagit i eller gått klart en kurs (kursdeltagare).',
  fields: (t) => ({
    adult: t.field({ type: TrainingAdultRef, description: 'Den vuxna.', resolve: (p) => p.adult }),
    attendedSessionIds: t.idList({
      description: 'De träffar hen deltog i (globala id för TrainingSession).',
      resolve: (p) => p.attendedSessionIds.map((id) => encodeGlobalID('TrainingSession', id)),
    }),
    sessionsAttended: t.int({ description: 'Antal träffar hen deltog i.', resolve: (p) => p.attendedSessionIds.length }),
    completedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen kursen registrerades som genomgången (genomförd); null om inte än.', resolve: (p) => p.completedOn }),
  }),
});

export const TrainingCourseRef = builder.loadableNode('TrainingCourse', {
  description: 'En kurs (utbildning), t.ex. grundutbildningen "Ett hem att växa i".',
  authScopes: { anyRole: [...TRAINING_READERS] },
  id: { resolve: (c: TrainingCourse) => c.id },
  load: (ids: string[], context) => loadTrainingCourses(sessionOf(context), ids),
  sort: (c) => c.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Kursens namn.' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning.' }),
    requiredForApproval: t.exposeBoolean('requiredForApproval', { description: 'Krävs för godkännande: alla vuxna ska ha gått den innan utredningen börjar.' }),
    offeredToApprovedHomes: t.exposeBoolean('offeredToApprovedHomes', { description: 'Erbjuds godkända familjehem som fortbildning.' }),
    sessionsRequired: t.exposeInt('sessionsRequired', { description: 'Antal träffar en deltagare måste delta i för att ha gått kursen.' }),
    sessions: t.loadableGroup({
      type: TrainingSessionRef,
      description: 'Kursens träffar i datumordning (tillfällen).',
      load: (ids: string[], context) => loadTrainingSessionsByCourse(sessionOf(context), ids),
      // The loader returns whole sessions (a node's shape may also be its bare id).
      group: (s) => (s as TrainingSession).courseId,
      resolve: (c) => c.id,
    }),
    participants: t.loadableGroup({
      type: TrainingParticipantRef,
      description: 'Vuxna som deltagit i eller gått klart kursen (deltagare). Läsningen loggas per person.',
      load: (ids: string[], context) => loadTrainingParticipantsByCourse(sessionOf(context), ids),
      group: (p) => p.courseId,
      resolve: (c) => c.id,
    }),
  }),
});

const TrainingNeedReasonEnum = builder.enumType('TrainingNeedReason', {
  description: 'Varför den vuxna förväntas gå kursen (skäl).',
  values: enumValues<TrainingNeedReason>(TRAINING_NEED_REASONS, {
    required_for_approval: 'Kursen krävs för godkännande, och familjen har nått grundutbildningen eller längre.',
    offered_to_approved_homes: 'Kursen erbjuds godkända familjehem, och hemmet är aktivt.',
  }),
});

const MissingTrainingRef = builder.objectRef<MissingTraining>('MissingTraining').implement({
  description: 'En vuxen som saknar en kurs (saknad utbildning).',
  fields: (t) => ({
    adult: t.field({ type: TrainingAdultRef, description: 'Den vuxna.', resolve: (m) => m.adult }),
    course: t.field({ type: TrainingCourseRef, description: 'Kursen som saknas.', resolve: (m) => m.courseId }),
    reason: t.field({ type: TrainingNeedReasonEnum, description: 'Varför kursen förväntas.', resolve: (m) => m.reason }),
    sessionsAttended: t.exposeInt('sessionsAttended', { description: 'Antal träffar i kursen hen redan deltagit i.' }),
  }),
});

const TrainingCourseFilter = builder.inputType('TrainingCourseFilter', {
  description: 'Urval av kurser (filter).',
  fields: (t) => ({
    requiredForApproval: t.boolean({ required: false, description: 'Bara kurser som krävs (true) eller inte krävs (false) för godkännande.' }),
    offeredToApprovedHomes: t.boolean({ required: false, description: 'Bara kurser som erbjuds (true) eller inte erbjuds (false) godkända familjehem.' }),
  }),
});

builder.queryFields((t) => ({
  trainingCourses: t.field({
    type: [TrainingCourseRef],
    description: 'Familjehemsenhetens kurser (utbildningar), i namnordning.',
    authScopes: { anyRole: [...TRAINING_READERS] },
    args: { filter: t.arg({ type: TrainingCourseFilter, required: false }) },
    resolve: (_root, args, context) =>
      listTrainingCourses(sessionOf(context), {
        requiredForApproval: args.filter?.requiredForApproval ?? null,
        offeredToApprovedHomes: args.filter?.offeredToApprovedHomes ?? null,
      }),
  }),
  missingTraining: t.field({
    type: [MissingTrainingRef],
    description: 'Vem som saknar vilken utbildning (saknad utbildning): vuxna i familjer från grundutbildningen och framåt, och i aktiva hem.',
    authScopes: { anyRole: [...TRAINING_READERS] },
    resolve: (_root, _args, context) => listMissingTraining(sessionOf(context)),
  }),
}));
