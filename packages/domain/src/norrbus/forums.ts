import { sql, type ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import { hasRole, type Actor, type Session } from '../access/actor.js';
import { recordAudit, type AuditEntryInput } from '../audit/audit.js';
import type { IsoDate, Tables } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { describeFindings, identifyingFindings } from '../shared/identifying-text.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';

/**
 * Forum barn och unga: a municipality's standing local forum, with a convening organisation,
 * members from the services (and others such as the police, named when they are not on the
 * platform), a meeting schedule, and minutes with topics and agreed actions. The forum discusses the
 * local situation, never an individual: free text that carries a personnummer is refused. Forums
 * hold no personal data, so every user may read them (row-level security agrees); the forum's own
 * organisation and its convener write.
 */

/** Who may create a forum, for the municipality they act for or one of its units; and record its meetings. */
export const FORUM_EDITORS = ['head_of_unit', 'administrator', 'norrbus_convener'] as const;

export interface LocalForum {
  readonly id: string;
  readonly name: string;
  /** The organisation that created the forum: the municipality or one of its units. */
  readonly ownerId: string;
  readonly municipalityId: string;
  readonly countyPart: string | null;
  /** The convening organisation (sammankallande). */
  readonly convenerId: string;
  readonly meetingSchedule: string;
  readonly createdAt: Date;
}

export interface LocalForumMember {
  readonly id: string;
  readonly forumId: string;
  /** Null for members outside the platform, who are named instead. */
  readonly organisationId: string | null;
  readonly name: string;
  readonly joinedOn: IsoDate;
  readonly leftOn: IsoDate | null;
}

export interface LocalForumMeeting {
  readonly id: string;
  readonly forumId: string;
  /** The organisation that recorded the minutes. */
  readonly ownerId: string;
  readonly heldOn: IsoDate;
  readonly topics: readonly string[];
  readonly minutes: string;
  /** Shown only within the recording organisation (users are not visible beyond their own). */
  readonly recordedByName: string | null;
  readonly createdAt: Date;
}

export interface LocalForumAction {
  readonly id: string;
  readonly forumId: string;
  readonly meetingId: string;
  readonly ownerId: string;
  readonly action: string;
  readonly responsible: string;
  readonly dueOn: IsoDate | null;
  readonly doneOn: IsoDate | null;
}

// ---------------------------------------------------------------------------------------------
// Pure rules

/**
 * Minutes, topics and actions leave the organisation that wrote them and must not identify a child.
 * Refused (FORUM_TEXT_IDENTIFIES) when any text holds something shaped like a personnummer.
 */
export function forumTextRefusal(texts: ReadonlyArray<{ readonly label: string; readonly text: string }>): RuleViolationError | null {
  for (const { label, text } of texts) {
    const findings = identifyingFindings(text);
    if (findings.length > 0) {
      return new RuleViolationError(
        'FORUM_TEXT_IDENTIFIES',
        `${label}: ${describeFindings(findings)} Forum barn och unga diskuterar läget i kommunen, inte enskilda barn.`,
      );
    }
  }
  return null;
}

/** The forum's own organisation and its convener record meetings, with an editor's role. */
export function mayRecordForumMeetings(actor: Actor, forum: Pick<LocalForum, 'ownerId' | 'convenerId'>): boolean {
  return hasRole(actor, ...FORUM_EDITORS) && (actor.organisationId === forum.ownerId || actor.organisationId === forum.convenerId);
}

/** Open actions first by due day (those without one last), then by what they say. */
export function compareOpenActions(a: LocalForumAction, b: LocalForumAction): number {
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn.localeCompare(b.dueOn);
  return a.action.localeCompare(b.action, 'sv');
}

// ---------------------------------------------------------------------------------------------
// Reading

type ForumScope = ExpressionBuilder<Tables & { f: Tables['local_forums']; o: Tables['organisations']; p: Tables['organisations'] }, 'f' | 'o' | 'p'>;

/** The forum's municipality: its owner when that is a municipality, else the owner's municipality. */
const municipalityOf = (eb: ForumScope) => sql<string>`case when ${eb.ref('o.kind')} = 'municipality' then ${eb.ref('o.id')} else ${eb.ref('p.id')} end`;
const countyPartOf = (eb: ForumScope) => sql<string | null>`case when ${eb.ref('o.kind')} = 'municipality' then ${eb.ref('o.county_part')} else ${eb.ref('p.county_part')} end`;

function forumQuery(session: Session) {
  return session.db
    .selectFrom('local_forums as f')
    .innerJoin('organisations as o', 'o.id', 'f.owner_org_id')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select((eb) => [
      'f.id',
      'f.name',
      'f.owner_org_id',
      'f.convener_org_id',
      'f.meeting_schedule',
      'f.created_at',
      municipalityOf(eb).as('municipality_id'),
      countyPartOf(eb).as('county_part'),
    ])
    .orderBy('f.name');
}

type ForumRow = Awaited<ReturnType<ReturnType<typeof forumQuery>['execute']>>[number];

function toForum(row: ForumRow): LocalForum {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_org_id,
    municipalityId: row.municipality_id,
    countyPart: row.county_part,
    convenerId: row.convener_org_id,
    meetingSchedule: row.meeting_schedule,
    createdAt: row.created_at,
  };
}

const listInput = z.object({
  municipalityId: z.string().uuid({ error: 'Välj en kommun.' }).nullish(),
  countyPart: z.string().trim().min(1).nullish(),
});
export type ListLocalForumsInput = z.input<typeof listInput>;

/** Forums by name, optionally of one municipality or one county part. */
export async function listLocalForums(session: Session, rawInput: ListLocalForumsInput = {}): Promise<LocalForum[]> {
  const input = parseInput(listInput, rawInput);
  let query = forumQuery(session);
  if (input.municipalityId) query = query.where((eb) => eb(municipalityOf(eb), '=', input.municipalityId!));
  if (input.countyPart) query = query.where((eb) => eb(countyPartOf(eb), '=', input.countyPart!));
  return (await query.execute()).map(toForum);
}

export async function loadLocalForums(session: Session, ids: readonly string[]): Promise<LocalForum[]> {
  if (ids.length === 0) return [];
  return (await forumQuery(session).where('f.id', 'in', [...ids]).execute()).map(toForum);
}

async function loadForum(session: Session, id: string): Promise<LocalForum> {
  const [forum] = await loadLocalForums(session, [id]);
  if (!forum) throw new NotFoundError('Forumet');
  return forum;
}

/** Members of each forum, current ones first, by name. */
export async function loadLocalForumMembers(session: Session, forumIds: readonly string[]): Promise<LocalForumMember[]> {
  if (forumIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('local_forum_members')
    .selectAll()
    .where('forum_id', 'in', [...forumIds])
    .orderBy(sql`left_on is not null`)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: r.id, forumId: r.forum_id, organisationId: r.organisation_id, name: r.name, joinedOn: r.joined_on, leftOn: r.left_on }));
}

function meetingQuery(session: Session) {
  return session.db
    .selectFrom('local_forum_meetings as m')
    .leftJoin('users as u', 'u.id', 'm.recorded_by')
    .select(['m.id', 'm.forum_id', 'm.owner_org_id', 'm.held_on', 'm.topics', 'm.minutes', 'm.created_at', 'u.display_name'])
    .orderBy('m.held_on', 'desc')
    .orderBy('m.created_at', 'desc');
}

function toMeeting(row: Awaited<ReturnType<ReturnType<typeof meetingQuery>['execute']>>[number]): LocalForumMeeting {
  return {
    id: row.id,
    forumId: row.forum_id,
    ownerId: row.owner_org_id,
    heldOn: row.held_on,
    topics: row.topics,
    minutes: row.minutes,
    recordedByName: row.display_name,
    createdAt: row.created_at,
  };
}

/** The meetings of each forum, latest first. */
export async function loadLocalForumMeetingsByForum(session: Session, forumIds: readonly string[]): Promise<LocalForumMeeting[]> {
  if (forumIds.length === 0) return [];
  return (await meetingQuery(session).where('m.forum_id', 'in', [...forumIds]).execute()).map(toMeeting);
}

export async function loadLocalForumMeetings(session: Session, ids: readonly string[]): Promise<LocalForumMeeting[]> {
  if (ids.length === 0) return [];
  return (await meetingQuery(session).where('m.id', 'in', [...ids]).execute()).map(toMeeting);
}

function actionQuery(session: Session) {
  return session.db
    .selectFrom('local_forum_actions as a')
    .innerJoin('local_forum_meetings as m', 'm.id', 'a.forum_meeting_id')
    .select(['a.id', 'm.forum_id', 'a.forum_meeting_id', 'a.owner_org_id', 'a.action', 'a.responsible', 'a.due_on', 'a.done_on']);
}

function toAction(row: Awaited<ReturnType<ReturnType<typeof actionQuery>['execute']>>[number]): LocalForumAction {
  return {
    id: row.id,
    forumId: row.forum_id,
    meetingId: row.forum_meeting_id,
    ownerId: row.owner_org_id,
    action: row.action,
    responsible: row.responsible,
    dueOn: row.due_on,
    doneOn: row.done_on,
  };
}

/** The actions agreed at each meeting, in the order they were recorded. */
export async function loadLocalForumActionsByMeeting(session: Session, meetingIds: readonly string[]): Promise<LocalForumAction[]> {
  if (meetingIds.length === 0) return [];
  const rows = await actionQuery(session).where('a.forum_meeting_id', 'in', [...meetingIds]).orderBy('a.due_on').orderBy('a.action').execute();
  return rows.map(toAction);
}

const upcomingInput = z.object({ forumIds: z.array(z.string().uuid({ error: 'Forumet finns inte.' })).nullish() });
export type UpcomingForumActionsInput = z.input<typeof upcomingInput>;

/**
 * Actions not yet done, by due day (overdue first, those without a day last): of the forums named,
 * or else of the forums the actor's organisation owns, convenes or is a current member of.
 */
export async function listUpcomingForumActions(session: Session, rawInput: UpcomingForumActionsInput = {}): Promise<LocalForumAction[]> {
  const input = parseInput(upcomingInput, rawInput);
  const org = session.actor.organisationId;
  let query = actionQuery(session).innerJoin('local_forums as f', 'f.id', 'm.forum_id').where('a.done_on', 'is', null);
  if (input.forumIds) {
    if (input.forumIds.length === 0) return [];
    query = query.where('f.id', 'in', input.forumIds);
  } else {
    query = query.where((eb) =>
      eb.or([
        eb('f.owner_org_id', '=', org),
        eb('f.convener_org_id', '=', org),
        eb.exists(
          eb
            .selectFrom('local_forum_members as lm')
            .select('lm.id')
            .whereRef('lm.forum_id', '=', 'f.id')
            .where('lm.organisation_id', '=', org)
            .where('lm.left_on', 'is', null),
        ),
      ]),
    );
  }
  return (await query.execute()).map(toAction).sort(compareOpenActions);
}

// ---------------------------------------------------------------------------------------------
// Changing

/** The municipality the actor acts for, itself or through the unit it belongs to; null for others. */
async function actorMunicipality(session: Session): Promise<string | null> {
  const row = await session.db
    .selectFrom('organisations as o')
    .leftJoin('organisations as p', 'p.id', 'o.parent_id')
    .select(['o.id', 'o.kind', 'p.id as parent_id', 'p.kind as parent_kind'])
    .where('o.id', '=', session.actor.organisationId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.kind === 'municipality') return row.id;
  return row.parent_kind === 'municipality' ? row.parent_id : null;
}

const organisationId = z.string({ error: 'Välj en organisation.' }).uuid({ error: 'Välj en organisation.' });

/** A member is an organisation on the platform, or someone named (the police, a landlord). */
const memberInput = z
  .object({ organisationId: organisationId.nullish(), name: z.string().trim().max(200, { error: 'Namnet får vara högst 200 tecken.' }).nullish() })
  .refine((m) => Boolean(m.organisationId) !== Boolean(m.name), { error: 'Välj en organisation eller skriv ett namn, inte båda.', path: ['name'] });

const createInput = z.object({
  name: requiredText('Forumets namn'),
  convenerId: organisationId,
  meetingSchedule: requiredText('Mötesplanen', 500),
  members: z.array(memberInput).max(50, { error: 'Ett forum kan ha högst 50 medlemmar.' }).default([]),
  joinedOn: isoDate.nullish(),
});
export type CreateLocalForumInput = z.input<typeof createInput>;

type MemberInput = z.output<typeof memberInput>;

/** Organisation members get the organisation's name; one organisation can be a member once. */
async function memberRows(session: Session, members: readonly MemberInput[], path: string): Promise<Array<{ organisationId: string | null; name: string }>> {
  const ids = members.flatMap((m) => (m.organisationId ? [m.organisationId] : []));
  if (new Set(ids).size !== ids.length) throw new ValidationError([{ path, message: 'En organisation kan bara vara medlem en gång.' }]);
  const names = new Map<string, string>();
  if (ids.length > 0) {
    for (const row of await session.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute()) names.set(row.id, row.name);
  }
  if (names.size !== ids.length) throw new ValidationError([{ path, message: 'Välj organisationer som finns.' }]);
  return members.map((m) => (m.organisationId ? { organisationId: m.organisationId, name: names.get(m.organisationId)! } : { organisationId: null, name: m.name! }));
}

function refuseIdentifying(texts: ReadonlyArray<{ readonly label: string; readonly text: string }>): void {
  const refusal = forumTextRefusal(texts);
  if (refusal) throw refusal;
}

/**
 * A new Forum barn och unga for the municipality the actor acts for (as the municipality or one of
 * its units), with its convener, members and meeting schedule.
 */
export async function createLocalForum(session: Session, rawInput: CreateLocalForumInput): Promise<LocalForum> {
  if (!hasRole(session.actor, ...FORUM_EDITORS)) throw new ForbiddenError('Bara enhetschef, administratör eller sammankallande i Norrbus inrättar ett forum.');
  const input = parseInput(createInput, rawInput);
  const municipalityId = await actorMunicipality(session);
  if (!municipalityId) throw new ForbiddenError('Ett Forum barn och unga inrättas av kommunen eller någon av dess enheter.');
  refuseIdentifying([
    { label: 'Forumets namn', text: input.name },
    { label: 'Mötesplanen', text: input.meetingSchedule },
    ...input.members.flatMap((m) => (m.name ? [{ label: 'Medlemmens namn', text: m.name }] : [])),
  ]);
  const convener = await session.db.selectFrom('organisations').select('id').where('id', '=', input.convenerId).executeTakeFirst();
  if (!convener) throw new ValidationError([{ path: 'convenerId', message: 'Välj en sammankallande organisation som finns.' }]);
  const members = await memberRows(session, input.members, 'members');
  const forum = await session.db
    .insertInto('local_forums')
    .values({ owner_org_id: session.actor.organisationId, name: input.name, convener_org_id: input.convenerId, meeting_schedule: input.meetingSchedule })
    .returning('id')
    .executeTakeFirstOrThrow();
  const joinedOn = input.joinedOn ?? todayInSweden();
  const inserted =
    members.length === 0
      ? []
      : await session.db
          .insertInto('local_forum_members')
          .values(members.map((m) => ({ forum_id: forum.id, organisation_id: m.organisationId, name: m.name, joined_on: joinedOn })))
          .returning(['id', 'name'])
          .execute();
  await recordAudit(session, [
    { action: 'create', entityType: 'LocalForum', entityId: forum.id, purpose: input.name },
    ...inserted.map((m): AuditEntryInput => ({ action: 'create', entityType: 'LocalForumMember', entityId: m.id, purpose: m.name })),
  ]);
  return loadForum(session, forum.id);
}

async function forumForEditing(session: Session, forumId: string): Promise<LocalForum> {
  const forum = await loadForum(session, forumId);
  if (!mayRecordForumMeetings(session.actor, forum)) throw new ForbiddenError('Bara forumets sammankallande eller den organisation som inrättade forumet ändrar det.');
  return forum;
}

const addMemberInput = z.object({ forumId: z.string().uuid({ error: 'Forumet finns inte.' }), member: memberInput, joinedOn: isoDate.nullish() });
export type AddLocalForumMemberInput = z.input<typeof addMemberInput>;

/** A new member; an organisation that left earlier joins again from the day given. */
export async function addLocalForumMember(session: Session, rawInput: AddLocalForumMemberInput): Promise<LocalForumMember> {
  const input = parseInput(addMemberInput, rawInput);
  const forum = await forumForEditing(session, input.forumId);
  if (input.member.name) refuseIdentifying([{ label: 'Medlemmens namn', text: input.member.name }]);
  const [member] = await memberRows(session, [input.member], 'member');
  const joinedOn = input.joinedOn ?? todayInSweden();
  const earlier = member!.organisationId
    ? await session.db.selectFrom('local_forum_members').select(['id', 'left_on']).where('forum_id', '=', forum.id).where('organisation_id', '=', member!.organisationId).executeTakeFirst()
    : undefined;
  if (earlier && earlier.left_on === null) throw new RuleViolationError('FORUM_MEMBER_EXISTS', `${member!.name} är redan medlem i forumet.`);
  const row = earlier
    ? await session.db.updateTable('local_forum_members').set({ joined_on: joinedOn, left_on: null }).where('id', '=', earlier.id).returningAll().executeTakeFirstOrThrow()
    : await session.db
        .insertInto('local_forum_members')
        .values({ forum_id: forum.id, organisation_id: member!.organisationId, name: member!.name, joined_on: joinedOn })
        .returningAll()
        .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: earlier ? 'update' : 'create', entityType: 'LocalForumMember', entityId: row.id, purpose: `${row.name} från ${joinedOn}` }]);
  return { id: row.id, forumId: row.forum_id, organisationId: row.organisation_id, name: row.name, joinedOn: row.joined_on, leftOn: row.left_on };
}

const endMembershipInput = z.object({ memberId: z.string().uuid({ error: 'Medlemmen finns inte.' }), leftOn: isoDate });
export type EndLocalForumMembershipInput = z.input<typeof endMembershipInput>;

/** A member leaves the forum from a day (kept in the list as a former member). */
export async function endLocalForumMembership(session: Session, rawInput: EndLocalForumMembershipInput): Promise<LocalForumMember> {
  const input = parseInput(endMembershipInput, rawInput);
  const existing = await session.db.selectFrom('local_forum_members').selectAll().where('id', '=', input.memberId).executeTakeFirst();
  if (!existing) throw new NotFoundError('Medlemmen');
  await forumForEditing(session, existing.forum_id);
  if (input.leftOn < existing.joined_on) throw new ValidationError([{ path: 'leftOn', message: 'Medlemmen kan inte lämna forumet före den dag den gick med.' }]);
  const row = await session.db.updateTable('local_forum_members').set({ left_on: input.leftOn }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'update', entityType: 'LocalForumMember', entityId: row.id, purpose: `lämnar ${input.leftOn}` }]);
  return { id: row.id, forumId: row.forum_id, organisationId: row.organisation_id, name: row.name, joinedOn: row.joined_on, leftOn: row.left_on };
}

const actionInput = z.object({
  action: requiredText('Åtgärden', 1000),
  responsible: requiredText('Ansvarig', 200),
  dueOn: isoDate.nullish(),
});

const recordMeetingInput = z
  .object({
    forumId: z.string().uuid({ error: 'Forumet finns inte.' }),
    heldOn: isoDate,
    topics: z.array(requiredText('Ämnet')).min(1, { error: 'Ange minst ett ämne.' }).max(30, { error: 'Ett möte kan ha högst 30 ämnen.' }),
    minutes: requiredText('Protokollet', 20_000),
    actions: z.array(actionInput).max(50, { error: 'Ett möte kan ha högst 50 åtgärder.' }).default([]),
  })
  .superRefine((input, ctx) => {
    input.actions.forEach((a, i) => {
      if (a.dueOn && a.dueOn < input.heldOn) ctx.addIssue({ code: 'custom', path: ['actions', i, 'dueOn'], message: 'En åtgärd kan inte vara klar senast före mötet.' });
    });
  });
export type RecordLocalForumMeetingInput = z.input<typeof recordMeetingInput>;

/** The convener's minutes of a held meeting: topics, minutes and the actions agreed. */
export async function recordLocalForumMeeting(session: Session, rawInput: RecordLocalForumMeetingInput): Promise<LocalForumMeeting> {
  const input = parseInput(recordMeetingInput, rawInput);
  const forum = await forumForEditing(session, input.forumId);
  if (input.heldOn > todayInSweden()) throw new ValidationError([{ path: 'heldOn', message: 'Mötet kan inte ha hållits efter i dag. Protokollför det när det har hållits.' }]);
  refuseIdentifying([
    ...input.topics.map((text) => ({ label: 'Ämnet', text })),
    { label: 'Protokollet', text: input.minutes },
    ...input.actions.flatMap((a) => [
      { label: 'Åtgärden', text: a.action },
      { label: 'Ansvarig', text: a.responsible },
    ]),
  ]);
  const meeting = await session.db
    .insertInto('local_forum_meetings')
    .values({ forum_id: forum.id, owner_org_id: session.actor.organisationId, held_on: input.heldOn, topics: input.topics, minutes: input.minutes, recorded_by: session.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actions =
    input.actions.length === 0
      ? []
      : await session.db
          .insertInto('local_forum_actions')
          .values(input.actions.map((a) => ({ forum_meeting_id: meeting.id, owner_org_id: session.actor.organisationId, action: a.action, responsible: a.responsible, due_on: a.dueOn ?? null })))
          .returning('id')
          .execute();
  await recordAudit(session, [
    { action: 'create', entityType: 'LocalForumMeeting', entityId: meeting.id, purpose: `${forum.name} ${input.heldOn}` },
    ...actions.map((a): AuditEntryInput => ({ action: 'create', entityType: 'LocalForumAction', entityId: a.id })),
  ]);
  const [saved] = await loadLocalForumMeetings(session, [meeting.id]);
  return saved!;
}

const actionDoneInput = z.object({ actionId: z.string().uuid({ error: 'Åtgärden finns inte.' }), doneOn: isoDate.nullish() });
export type MarkLocalForumActionDoneInput = z.input<typeof actionDoneInput>;

/** An agreed action is done (or, with doneOn null, reopened), recorded by the organisation that wrote it down. */
export async function setLocalForumActionDone(session: Session, rawInput: MarkLocalForumActionDoneInput): Promise<LocalForumAction> {
  const input = parseInput(actionDoneInput, rawInput);
  const [action] = await actionQuery(session).where('a.id', '=', input.actionId).execute();
  if (!action) throw new NotFoundError('Åtgärden');
  if (!hasRole(session.actor, ...FORUM_EDITORS) || action.owner_org_id !== session.actor.organisationId) {
    throw new ForbiddenError('Bara den organisation som protokollförde åtgärden markerar den som klar.');
  }
  const doneOn = input.doneOn ?? null;
  if (doneOn !== null && doneOn > todayInSweden()) throw new ValidationError([{ path: 'doneOn', message: 'En åtgärd kan inte vara klar efter i dag.' }]);
  await session.db.updateTable('local_forum_actions').set({ done_on: doneOn }).where('id', '=', action.id).execute();
  await recordAudit(session, [{ action: 'update', entityType: 'LocalForumAction', entityId: action.id, purpose: doneOn ? `klar ${doneOn}` : 'öppnad igen' }]);
  return toAction({ ...action, done_on: doneOn });
}
