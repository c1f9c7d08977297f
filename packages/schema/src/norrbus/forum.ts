import {
  addLocalForumMember,
  createLocalForum,
  endLocalForumMembership,
  FORUM_EDITORS,
  hasRole,
  listLocalForums,
  listUpcomingForumActions,
  loadLocalForumActionsByMeeting,
  loadLocalForumMeetingsByForum,
  loadLocalForumMembers,
  loadLocalForums,
  mayRecordForumMeetings,
  recordLocalForumMeeting,
  setLocalForumActionDone,
  todayInSweden,
  type LocalForum,
  type LocalForumAction,
  type LocalForumMeeting,
  type LocalForumMember,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';

// Declared before its fields, which refer to the meeting and action types that refer back to it.
export const LocalForumRef = builder.loadableNodeRef('LocalForum', {
  id: { resolve: (forum: LocalForum) => forum.id },
  load: (ids: string[], context) => loadLocalForums(sessionOf(context), ids),
  sort: (forum) => forum.id,
});

const LocalForumMemberRef = builder.objectRef<LocalForumMember>('LocalForumMember').implement({
  description: 'En medlem i Forum barn och unga (medlem): en organisation, eller någon utanför plattformen som namnges (t.ex. polisen).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Medlemskapets id.' }),
    organisation: t.field({ type: OrganisationRef, nullable: true, description: 'Organisationen; tom för en namngiven medlem utanför plattformen.', resolve: (m) => m.organisationId }),
    name: t.exposeString('name', { description: 'Namn (organisationens, eller det angivna).' }),
    joinedOn: t.field({ type: 'Date', description: 'Medlem från (datum).', resolve: (m) => m.joinedOn }),
    leftOn: t.field({ type: 'Date', nullable: true, description: 'Lämnade forumet (datum); tom för en nuvarande medlem.', resolve: (m) => m.leftOn }),
  }),
});

export const LocalForumActionRef = builder.objectRef<LocalForumAction>('LocalForumAction').implement({
  description: 'En åtgärd som forumet kom överens om (åtgärd): vad, vem som ansvarar och när den ska vara klar.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Åtgärdens id.' }),
    action: t.exposeString('action', { description: 'Vad som ska göras (åtgärd).' }),
    responsible: t.exposeString('responsible', { description: 'Vem som ansvarar (ansvarig).' }),
    dueOn: t.field({ type: 'Date', nullable: true, description: 'Klar senast (datum).', resolve: (a) => a.dueOn }),
    doneOn: t.field({ type: 'Date', nullable: true, description: 'Klar (datum); tom om inte klar.', resolve: (a) => a.doneOn }),
    overdue: t.boolean({ description: 'Försenad: inte klar och sista dagen har passerat.', resolve: (a) => a.doneOn === null && a.dueOn !== null && a.dueOn < todayInSweden() }),
    forum: t.field({ type: LocalForumRef, description: 'Forumet (Forum barn och unga).', resolve: (a) => a.forumId }),
    meetingId: t.exposeID('meetingId', { description: 'Mötet där åtgärden bestämdes.' }),
    canMarkDone: t.boolean({
      description: 'Om du får markera åtgärden som klar (den organisation som protokollförde den).',
      resolve: (a, _args, context) => context.actor !== null && a.ownerId === context.actor.organisationId && hasRole(context.actor, ...FORUM_EDITORS),
    }),
  }),
});

const LocalForumMeetingRef = builder.objectRef<LocalForumMeeting>('LocalForumMeeting').implement({
  description: 'Ett möte i Forum barn och unga (forumsmöte) med ämnen, protokoll och åtgärder. Handlar om läget i kommunen, aldrig om ett enskilt barn.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Mötets id.' }),
    heldOn: t.field({ type: 'Date', description: 'Mötesdag (datum).', resolve: (m) => m.heldOn }),
    topics: t.stringList({ description: 'Ämnen som togs upp (dagordning).', resolve: (m) => [...m.topics] }),
    minutes: t.exposeString('minutes', { description: 'Protokoll (minnesanteckningar).' }),
    recordedBy: t.field({ type: OrganisationRef, description: 'Organisationen som protokollförde mötet.', resolve: (m) => m.ownerId }),
    recordedByName: t.exposeString('recordedByName', { nullable: true, description: 'Vem som protokollförde; syns bara inom den egna organisationen.' }),
    actions: t.loadableGroup({
      type: LocalForumActionRef,
      description: 'Åtgärder som bestämdes på mötet (åtgärder).',
      load: (ids: string[], context) => loadLocalForumActionsByMeeting(sessionOf(context), ids),
      group: (a) => a.meetingId,
      resolve: (m) => m.id,
    }),
  }),
});

LocalForumRef.implement({
  description: 'Forum barn och unga (lokalt forum): kommunens stående forum i Norrbus för dialog om läget för barn och unga, med sammankallande, medlemmar, mötesplan och protokoll. Diskuterar aldrig enskilda barn.',
  authScopes: { signedIn: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Forumets namn.' }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen forumet hör till (kommun).', resolve: (f) => f.municipalityId }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdel (länsdel).' }),
    owner: t.field({ type: OrganisationRef, description: 'Organisationen som inrättade forumet: kommunen eller en av dess enheter.', resolve: (f) => f.ownerId }),
    convener: t.field({ type: OrganisationRef, description: 'Sammankallande organisation (sammankallande).', resolve: (f) => f.convenerId }),
    meetingSchedule: t.exposeString('meetingSchedule', { description: 'Mötesplan: hur ofta och när forumet möts (mötesfrekvens).' }),
    createdAt: t.field({ type: 'DateTime', description: 'När forumet inrättades.', resolve: (f) => f.createdAt }),
    canRecordMeetings: t.boolean({
      description: 'Om du får protokollföra möten och ändra medlemmar (sammankallande eller den organisation som inrättade forumet).',
      resolve: (f, _args, context) => context.actor !== null && mayRecordForumMeetings(context.actor, f),
    }),
    members: t.loadableGroup({
      type: LocalForumMemberRef,
      description: 'Medlemmar, nuvarande först (medlemmar).',
      load: (ids: string[], context) => loadLocalForumMembers(sessionOf(context), ids),
      group: (m) => m.forumId,
      resolve: (f) => f.id,
    }),
    meetings: t.loadableGroup({
      type: LocalForumMeetingRef,
      description: 'Möten, senaste först (forumsmöten).',
      load: (ids: string[], context) => loadLocalForumMeetingsByForum(sessionOf(context), ids),
      group: (m) => m.forumId,
      resolve: (f) => f.id,
    }),
    openActions: t.loadableGroup({
      type: LocalForumActionRef,
      description: 'Åtgärder som inte är klara, efter sista dag (försenade först, de utan datum sist).',
      load: (ids: string[], context) => listUpcomingForumActions(sessionOf(context), { forumIds: ids }),
      group: (a) => a.forumId,
      resolve: (f) => f.id,
    }),
  }),
});

builder.queryFields((t) => ({
  localForums: t.field({
    type: [LocalForumRef],
    description: 'Forum barn och unga, efter namn; valfritt i en kommun eller en länsdel.',
    authScopes: { signedIn: true },
    args: {
      municipalityId: t.arg.globalID({ required: false, for: OrganisationRef, description: 'Bara forum i denna kommun.' }),
      countyPart: t.arg.string({ required: false, description: 'Bara forum i denna länsdel.' }),
    },
    resolve: (_root, args, context) => listLocalForums(sessionOf(context), { municipalityId: args.municipalityId?.id ?? null, countyPart: args.countyPart ?? null }),
  }),
  localForum: t.field({
    type: LocalForumRef,
    nullable: true,
    description: 'Ett Forum barn och unga med medlemmar, möten och åtgärder.',
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: LocalForumRef, description: 'Forumet.' }) },
    resolve: async (_root, args, context) => (await loadLocalForums(sessionOf(context), [args.id.id]))[0] ?? null,
  }),
  upcomingLocalForumActions: t.field({
    type: [LocalForumActionRef],
    description: 'Åtgärder som inte är klara i de forum din organisation inrättat, är sammankallande för eller är medlem i; försenade först.',
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) => listUpcomingForumActions(sessionOf(context)),
  }),
}));

const LocalForumMemberInput = builder.inputType('LocalForumMemberInput', {
  description: 'En medlem: en organisation på plattformen, eller ett namn för någon utanför (t.ex. polisen, en fastighetsägare). Ange det ena.',
  fields: (t) => ({
    organisationId: t.globalID({ required: false, for: OrganisationRef, description: 'Organisationen.' }),
    name: t.string({ required: false, description: 'Namnet, för en medlem utanför plattformen.' }),
  }),
});

const memberOf = (member: { organisationId?: { id: string } | null; name?: string | null }) => ({ organisationId: member.organisationId?.id ?? null, name: member.name ?? null });

const CreateLocalForumInput = builder.inputType('CreateLocalForumInput', {
  description: 'Ett nytt Forum barn och unga för kommunen du agerar för (som kommunen eller en av dess enheter).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Forumets namn.' }),
    convenerId: t.globalID({ required: true, for: OrganisationRef, description: 'Sammankallande organisation.' }),
    meetingSchedule: t.string({ required: true, description: 'Mötesplan, t.ex. "Andra tisdagen varannan månad".' }),
    members: t.field({ type: [LocalForumMemberInput], required: false, description: 'Medlemmar.' }),
    joinedOn: t.field({ type: 'Date', required: false, description: 'Medlemmarna är med från (i dag om inget anges).' }),
  }),
});

const LocalForumActionInput = builder.inputType('LocalForumActionInput', {
  description: 'En åtgärd som forumet kom överens om.',
  fields: (t) => ({
    action: t.string({ required: true, description: 'Vad som ska göras.' }),
    responsible: t.string({ required: true, description: 'Vem som ansvarar.' }),
    dueOn: t.field({ type: 'Date', required: false, description: 'Klar senast.' }),
  }),
});

const RecordLocalForumMeetingInput = builder.inputType('RecordLocalForumMeetingInput', {
  description: 'Protokoll från ett hållet möte. Texten får inte identifiera ett barn: personnummer vägras (FORUM_TEXT_IDENTIFIES).',
  fields: (t) => ({
    forumId: t.globalID({ required: true, for: LocalForumRef, description: 'Forumet.' }),
    heldOn: t.field({ type: 'Date', required: true, description: 'Mötesdag, i dag eller tidigare.' }),
    topics: t.stringList({ required: true, description: 'Ämnen som togs upp.' }),
    minutes: t.string({ required: true, description: 'Protokoll.' }),
    actions: t.field({ type: [LocalForumActionInput], required: false, description: 'Åtgärder som bestämdes.' }),
  }),
});

const SetLocalForumActionDoneInput = builder.inputType('SetLocalForumActionDoneInput', {
  description: 'Markera en åtgärd som klar, eller öppna den igen (doneOn tomt).',
  fields: (t) => ({
    actionId: t.id({ required: true, description: 'Åtgärden (LocalForumAction.id).' }),
    doneOn: t.field({ type: 'Date', required: false, description: 'Dagen den blev klar; tomt öppnar den igen.' }),
  }),
});

const AddLocalForumMemberInput = builder.inputType('AddLocalForumMemberInput', {
  description: 'En ny medlem i forumet; en organisation som lämnat tidigare blir medlem igen.',
  fields: (t) => ({
    forumId: t.globalID({ required: true, for: LocalForumRef, description: 'Forumet.' }),
    member: t.field({ type: LocalForumMemberInput, required: true, description: 'Medlemmen.' }),
    joinedOn: t.field({ type: 'Date', required: false, description: 'Medlem från (i dag om inget anges).' }),
  }),
});

const EndLocalForumMembershipInput = builder.inputType('EndLocalForumMembershipInput', {
  description: 'En medlem lämnar forumet från ett datum.',
  fields: (t) => ({
    memberId: t.id({ required: true, description: 'Medlemskapet (LocalForumMember.id).' }),
    leftOn: t.field({ type: 'Date', required: true, description: 'Sista dagen som medlem.' }),
  }),
});

builder.mutationFields((t) => ({
  createLocalForum: t.field({
    type: LocalForumRef,
    description: 'Inrätta ett Forum barn och unga (enhetschef, administratör eller sammankallande i kommunen eller en av dess enheter).',
    authScopes: { anyRole: [...FORUM_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateLocalForumInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        createLocalForum(session, {
          name: input.name,
          convenerId: input.convenerId.id,
          meetingSchedule: input.meetingSchedule,
          members: (input.members ?? []).map(memberOf),
          joinedOn: input.joinedOn ?? null,
        }),
      ),
  }),
  recordLocalForumMeeting: t.field({
    type: LocalForumMeetingRef,
    description: 'Protokollför ett möte i forumet med ämnen, protokoll och åtgärder (sammankallande).',
    authScopes: { anyRole: [...FORUM_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordLocalForumMeetingInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        recordLocalForumMeeting(session, {
          forumId: input.forumId.id,
          heldOn: input.heldOn,
          topics: input.topics,
          minutes: input.minutes,
          actions: (input.actions ?? []).map((a) => ({ action: a.action, responsible: a.responsible, dueOn: a.dueOn ?? null })),
        }),
      ),
  }),
  setLocalForumActionDone: t.field({
    type: LocalForumActionRef,
    description: 'Markera en åtgärd som klar eller öppna den igen (den organisation som protokollförde den).',
    authScopes: { anyRole: [...FORUM_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SetLocalForumActionDoneInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => setLocalForumActionDone(session, { actionId: input.actionId, doneOn: input.doneOn ?? null })),
  }),
  addLocalForumMember: t.field({
    type: LocalForumMemberRef,
    description: 'Lägg till en medlem i forumet.',
    authScopes: { anyRole: [...FORUM_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddLocalForumMemberInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => addLocalForumMember(session, { forumId: input.forumId.id, member: memberOf(input.member), joinedOn: input.joinedOn ?? null })),
  }),
  endLocalForumMembership: t.field({
    type: LocalForumMemberRef,
    description: 'En medlem lämnar forumet.',
    authScopes: { anyRole: [...FORUM_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: EndLocalForumMembershipInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => endLocalForumMembership(session, { memberId: input.memberId, leftOn: input.leftOn })),
  }),
}));
