import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  loadFollowUpSchedules,
  recordFollowUp,
  type ChildFollowUps,
  type DueFollowUp,
  type FollowUpKind,
  type FollowUpStatus,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { MUTATION_ERRORS } from '../errors.js';
import { ChildRef, ownChild } from '../placements/child.js';

export const FOLLOW_UP_WORKER_ROLES = ['child_social_worker', 'head_of_unit'] as const;

export const FollowUpKindEnum = builder.enumType('FollowUpKind', {
  description: 'Slag av uppföljning av ett placerat barn (uppföljning).',
  values: enumValues<FollowUpKind>(FOLLOW_UP_KINDS, {
    visit: 'Besök hos barnet i familjehemmet, med enskilt samtal med barnet.',
    review: 'Övervägande om vården fortfarande behövs och hur den ska utformas (SoL och 2 § LVU).',
    reexamination: 'Omprövning av om vården enligt 3 § LVU ska upphöra.',
    custody_transfer_consideration: 'Övervägande av vårdnadsöverflyttning, efter två år i samma familjehem och sedan årligen.',
    care_plan_revision: 'Revidering av vårdplanen.',
  }),
});

export const FollowUpStatusEnum = builder.enumType('FollowUpStatus', {
  description: 'Status för en uppföljning (status).',
  values: enumValues<FollowUpStatus>(FOLLOW_UP_STATUSES, {
    done: 'Gjord (genomförd), med datum och av vem.',
    overdue: 'Försenad: förfallodagen har passerat.',
    due: 'Förfaller snart: i dag eller inom de närmaste dagarna.',
    upcoming: 'Kommande: förfaller längre fram.',
  }),
});

export const FollowUpWorkerRef = builder.objectRef<{ id: string; displayName: string }>('FollowUpWorker').implement({
  description: 'En medarbetare i kommunen som följer upp placerade barn (handläggare, barnsekreterare eller enhetschef).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Användarens id, samma som User.id.' }),
    displayName: t.exposeString('displayName', { description: 'Namn.' }),
  }),
});

const DueFollowUpRef = builder.objectRef<DueFollowUp>('DueFollowUp').implement({
  description: 'En uppföljning i barnets uppföljningsplan (uppföljning): gjord, eller nästa av sitt slag med förfallodag och status.',
  fields: (t) => ({
    kind: t.field({ type: FollowUpKindEnum, description: 'Slag av uppföljning.', resolve: (item) => item.kind }),
    dueOn: t.field({ type: 'Date', description: 'Förfallodag: den dag uppföljningen senast ska göras.', resolve: (item) => item.dueOn }),
    status: t.field({ type: FollowUpStatusEnum, description: 'Status den dag planen gäller.', resolve: (item) => item.status }),
    reference: t.exposeString('reference', { description: 'Lagrummet i den policy som gäller på förfallodagen (lagrum).' }),
    placementId: t.id({ description: 'Placeringen (globalt id): där uppföljningen gjordes, eller barnets nuvarande placering.', resolve: (item) => encodeGlobalID('Placement', item.placementId) }),
    countedFrom: t.field({ type: 'Date', nullable: true, description: 'För en öppen uppföljning: dagen den räknas från, och tidigaste datum den kan registreras med.', resolve: (item) => item.countedFrom }),
    doneOn: t.field({ type: 'Date', nullable: true, description: 'Datum då den gjordes (genomförd).', resolve: (item) => item.done?.doneOn ?? null }),
    doneBy: t.field({
      type: FollowUpWorkerRef,
      nullable: true,
      description: 'Vem som gjorde och registrerade den.',
      resolve: (item) => (item.done ? { id: item.done.doneById, displayName: item.done.doneByName } : null),
    }),
    talkedAlone: t.boolean({ nullable: true, description: 'Vid besök: om handläggaren samtalade enskilt med barnet (enskilt samtal).', resolve: (item) => item.done?.talkedAlone ?? null }),
    note: t.string({ nullable: true, description: 'Anteckning.', resolve: (item) => item.done?.note ?? null }),
  }),
});

export const ChildFollowUpScheduleRef = builder.objectRef<ChildFollowUps>('ChildFollowUpSchedule').implement({
  description: 'Ett placerat barns uppföljningsplan (uppföljning): gjorda uppföljningar och nästa av varje slag, beräknade från kommunens policy.',
  fields: (t) => ({
    items: t.field({ type: [DueFollowUpRef], description: 'Uppföljningarna efter förfallodag.', resolve: (s) => [...s.items] }),
  }),
});

builder.objectField(ChildRef, 'followUps', (t) =>
  t.loadable({
    type: ChildFollowUpScheduleRef,
    nullable: true,
    description:
      'Barnets uppföljningsplan (uppföljning), beräknad från kommunens policy; null för ett barn utan placering. Bara den placerande kommunens barnsekreterare och enhetschefer; läsningen loggas.',
    authScopes: ownChild,
    load: (childIds: string[], context) => loadFollowUpSchedules(sessionOf(context), childIds),
    sort: (schedule) => schedule.childId,
    resolve: (child) => child.id,
  }),
);

const RecordFollowUpInput = builder.inputType('RecordFollowUpInput', {
  description: 'En gjord uppföljning (uppföljning): besök, övervägande, omprövning, övervägande av vårdnadsöverflyttning eller revidering av vårdplanen.',
  fields: (t) => ({
    childId: t.globalID({ required: true, for: ChildRef, description: 'Barnet (Child.id).' }),
    kind: t.field({ type: FollowUpKindEnum, required: true, description: 'Slag av uppföljning; måste gälla barnets vård.' }),
    dueOn: t.field({ type: 'Date', required: true, description: 'Förfallodagen den besvarar, som du såg den i planen.' }),
    doneOn: t.field({ type: 'Date', required: true, description: 'Datum då den gjordes: inte i framtiden.' }),
    talkedAlone: t.boolean({ required: false, description: 'Vid besök (krävs): om du samtalade enskilt med barnet.' }),
    note: t.string({ required: false, description: 'Anteckning.' }),
  }),
});

builder.mutationField('recordFollowUp', (t) =>
  t.field({
    type: ChildFollowUpScheduleRef,
    description: 'Registrera en gjord uppföljning mot den förfallodag den besvarar; svarar med barnets uppdaterade uppföljningsplan.',
    authScopes: { anyRole: [...FOLLOW_UP_WORKER_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordFollowUpInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordFollowUp(session, { ...input, childId: input.childId.id })),
  }),
);
