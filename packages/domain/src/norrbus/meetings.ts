import { sql, type Selectable, type Updateable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit, type AuditEntryInput } from '../audit/audit.js';
import type { IsoDate, NorrbusMeetingsTable } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { norrbusAgeViolation } from './age-limit.js';
import { insertNorrbusPerson, loadOwnNorrbusPerson, norrbusPersonInput, type NorrbusPerson } from './persons.js';
import { coordinatorViolation } from './parties.js';
import { auditNorrbusReads, organisationKinds, requireConvener, requireNorrbusMember } from './support.js';

/** Planned (initiated), invited (kallelse sent), held, or cancelled. */
export const NORRBUS_MEETING_STATUSES = ['planned', 'invited', 'held', 'cancelled'] as const;
export type NorrbusMeetingStatus = (typeof NORRBUS_MEETING_STATUSES)[number];

/**
 * A Norrbusmöte about one young person, owned by the convening organisation (the initiating unit).
 * A follow-up meeting (uppföljande möte) points at the meeting it follows up.
 */
export interface NorrbusMeeting {
  readonly id: string;
  /** The convening organisation (sammankallande). */
  readonly ownerId: string;
  readonly personId: string;
  readonly followUpOfId: string | null;
  readonly initiatedOn: IsoDate;
  readonly initiativeReason: string;
  readonly purpose: string | null;
  readonly scheduledAt: Date | null;
  readonly location: string | null;
  readonly twoPartyReason: string | null;
  readonly status: NorrbusMeetingStatus;
  readonly heldOn: IsoDate | null;
  readonly notes: string | null;
  readonly coordinatorOrgId: string | null;
  /** Who calls the follow-up: null means the convener. */
  readonly followUpConvenerOrgId: string | null;
  readonly createdBy: string;
  readonly version: number;
}

export const meetingColumns = [
  'id',
  'owner_org_id',
  'person_id',
  'follow_up_of_id',
  'initiated_on',
  'initiative_reason',
  'purpose',
  'scheduled_at',
  'location',
  'two_party_reason',
  'status',
  'held_on',
  'notes',
  'coordinator_org_id',
  'follow_up_convener_org_id',
  'created_by',
  'version',
] as const;
type MeetingRow = Pick<Selectable<NorrbusMeetingsTable>, (typeof meetingColumns)[number]>;

export function toNorrbusMeeting(row: MeetingRow): NorrbusMeeting {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    personId: row.person_id,
    followUpOfId: row.follow_up_of_id,
    initiatedOn: row.initiated_on,
    initiativeReason: row.initiative_reason,
    purpose: row.purpose,
    scheduledAt: row.scheduled_at,
    location: row.location,
    twoPartyReason: row.two_party_reason,
    status: row.status as NorrbusMeetingStatus,
    heldOn: row.held_on,
    notes: row.notes,
    coordinatorOrgId: row.coordinator_org_id,
    followUpConvenerOrgId: row.follow_up_convener_org_id,
    createdBy: row.created_by,
    version: row.version,
  };
}

export const MEETING_PURPOSE = 'Norrbusmöte';

export function auditMeetingReads(session: Session, meetings: ReadonlyArray<{ id: string; person_id: string }>, purpose = MEETING_PURPOSE): Promise<void> {
  return auditNorrbusReads(session, meetings.map((m) => ({ entityType: 'NorrbusMeeting', entityId: m.id, personId: m.person_id })), purpose);
}

/** The meetings the actor's organisation may see (its own; invited or named under consent), each read audited. */
export async function loadNorrbusMeetings(session: Session, ids: readonly string[]): Promise<NorrbusMeeting[]> {
  requireNorrbusMember(session.actor);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('id', 'in', ids).execute();
  await auditMeetingReads(session, rows);
  return rows.map(toNorrbusMeeting);
}

/** The visible meetings about the young persons, the latest first. */
export async function loadNorrbusMeetingsByPerson(session: Session, personIds: readonly string[]): Promise<NorrbusMeeting[]> {
  requireNorrbusMember(session.actor);
  if (personIds.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('person_id', 'in', personIds).orderBy('initiated_on', 'desc').orderBy('created_at', 'desc').execute();
  await auditMeetingReads(session, rows);
  return rows.map(toNorrbusMeeting);
}

/** The visible follow-up meetings of the meetings, oldest first. */
export async function loadFollowUpsByMeeting(session: Session, meetingIds: readonly string[]): Promise<NorrbusMeeting[]> {
  requireNorrbusMember(session.actor);
  if (meetingIds.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('follow_up_of_id', 'in', meetingIds).orderBy('initiated_on').orderBy('created_at').execute();
  await auditMeetingReads(session, rows);
  return rows.map(toNorrbusMeeting);
}

export interface NorrbusMeetingListOptions {
  readonly statuses?: readonly NorrbusMeetingStatus[] | null;
  readonly limit: number;
}

/** The meetings the actor's organisation convenes or is invited to (and may see), the latest first. */
export async function listNorrbusMeetings(session: Session, options: NorrbusMeetingListOptions): Promise<NorrbusMeeting[]> {
  requireNorrbusMember(session.actor);
  let query = session.db.selectFrom('norrbus_meetings').select(meetingColumns);
  if (options.statuses && options.statuses.length > 0) query = query.where('status', 'in', [...options.statuses]);
  const rows = await query
    .orderBy(sql`coalesce(held_on, scheduled_at::date, initiated_on)`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(Math.min(Math.max(options.limit, 1), 500))
    .execute();
  await auditMeetingReads(session, rows, 'Norrbus: mötesöversikt');
  return rows.map(toNorrbusMeeting);
}

/**
 * The meeting for a change by the convening organisation: NotFound when it cannot see it, Forbidden
 * when it sees it (as invited) but does not convene it.
 */
export async function loadConvenedMeeting(session: Session, meetingId: string): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const row = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw new NotFoundError('Norrbusmötet');
  if (row.owner_org_id !== session.actor.organisationId) throw new ForbiddenError('Bara den sammankallande organisationen kan ändra mötet.');
  return toNorrbusMeeting(row);
}

/** The convener and the invited organisations: the parties of the meeting. */
export async function meetingPartyIds(session: Session, meeting: Pick<NorrbusMeeting, 'id' | 'ownerId'>): Promise<string[]> {
  const invited = await session.db.selectFrom('norrbus_invitations').select('organisation_id').where('meeting_id', '=', meeting.id).execute();
  return [meeting.ownerId, ...invited.map((row) => row.organisation_id).filter((id) => id !== meeting.ownerId)];
}

/**
 * Writes changes to a meeting if nobody else has since `expectedVersion` was read, with the audit
 * entries of the change. Every change to a meeting goes through here.
 */
export async function changeMeeting(
  session: Session,
  current: NorrbusMeeting,
  expectedVersion: number,
  changes: Pick<Updateable<NorrbusMeetingsTable>, 'purpose' | 'scheduled_at' | 'location' | 'two_party_reason' | 'status' | 'held_on' | 'notes' | 'coordinator_org_id' | 'follow_up_convener_org_id'>,
  purpose: string,
  moreAudit: readonly AuditEntryInput[] = [],
): Promise<NorrbusMeeting> {
  const row = await session.db
    .updateTable('norrbus_meetings')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', current.id)
    .where('version', '=', expectedVersion)
    .returning(meetingColumns)
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Norrbusmötet', current.version);
  await recordAudit(session, [{ action: 'update', entityType: 'NorrbusMeeting', entityId: row.id, personId: row.person_id, purpose }, ...moreAudit]);
  return toNorrbusMeeting(row);
}

/** An organisation named on the meeting (coordinator, follow-up convener) must be one of its parties. */
export function assertParty(partyIds: readonly string[], organisationId: string, path: string, what: string): void {
  if (!partyIds.includes(organisationId)) throw new ValidationError([{ path, message: `${what} ska vara den sammankallande eller en kallad organisation.` }]);
}

/** Social services coordinates when the young person is placed outside the home. */
export async function assertCoordinator(session: Session, person: Pick<NorrbusPerson, 'placedOutsideHome'>, coordinatorOrgId: string | null): Promise<void> {
  const kind = coordinatorOrgId ? (await organisationKinds(session, [coordinatorOrgId], 'coordinatorOrgId')).get(coordinatorOrgId)! : null;
  const violation = coordinatorViolation(person.placedOutsideHome, kind);
  if (violation) throw violation;
}

const createMeetingInput = z
  .object({
    personId: z.string().uuid({ error: 'Den unge finns inte.' }).nullish(),
    person: norrbusPersonInput.nullish(),
    initiatedOn: isoDate.optional(),
    initiativeReason: requiredText('Skälet till initiativet', 2000),
  })
  .refine((input) => Boolean(input.personId) !== Boolean(input.person), { error: 'Välj en ung person som redan är registrerad eller registrera en ny.', path: ['personId'] });
export type CreateNorrbusMeetingInput = z.input<typeof createMeetingInput>;

/**
 * Takes the initiative to a Norrbusmöte: the convener's organisation (the initiating unit) about a
 * young person it registers now or has registered, with the reason. Refused when the young person
 * is over 20 on the initiative day.
 */
export async function createNorrbusMeeting(session: Session, rawInput: CreateNorrbusMeetingInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(createMeetingInput, rawInput);
  const initiatedOn = input.initiatedOn ?? todayInSweden();
  if (initiatedOn > todayInSweden()) throw new ValidationError([{ path: 'initiatedOn', message: 'Initiativet kan inte tas i framtiden.' }]);
  let person: NorrbusPerson;
  if (input.person) {
    person = await insertNorrbusPerson(session, input.person, initiatedOn);
  } else {
    person = await loadOwnNorrbusPerson(session, input.personId!);
    const tooOld = norrbusAgeViolation(person.birthDate, initiatedOn);
    if (tooOld) throw tooOld;
  }
  const row = await session.db
    .insertInto('norrbus_meetings')
    .values({
      owner_org_id: session.actor.organisationId,
      person_id: person.id,
      initiated_on: initiatedOn,
      initiative_reason: input.initiativeReason,
      created_by: session.actor.userId,
    })
    .returning(meetingColumns)
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'NorrbusMeeting', entityId: row.id, personId: person.id, purpose: MEETING_PURPOSE }]);
  return toNorrbusMeeting(row);
}

const heldFields = {
  meetingId: z.string().uuid({ error: 'Mötet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  heldOn: isoDate,
  notes: requiredText('Anteckningar från mötet', 20000),
};
const recordHeldInput = z.object({
  ...heldFields,
  /** Who calls the follow-up when another party than the convener takes it over. */
  followUpConvenerOrgId: z.string().uuid().nullish(),
  coordinatorOrgId: z.string().uuid().nullish(),
});
export type RecordNorrbusMeetingHeldInput = z.input<typeof recordHeldInput>;
export const heldMeetingInput = z.object(heldFields);

/** The checks and change of holding a meeting: invited, held on a day after the initiative and not in the future. */
export async function holdMeeting(
  session: Session,
  meeting: NorrbusMeeting,
  input: z.output<typeof heldMeetingInput> & { followUpConvenerOrgId?: string | null | undefined; coordinatorOrgId?: string | null | undefined },
  moreAudit: readonly AuditEntryInput[] = [],
): Promise<NorrbusMeeting> {
  if (meeting.status !== 'invited') {
    throw new RuleViolationError(
      'NORRBUS_MEETING_NOT_INVITED',
      meeting.status === 'held' ? `Mötet är redan registrerat som hållet den ${meeting.heldOn}.` : 'Mötet kan registreras som hållet först när kallelsen med syfte är skickad.',
    );
  }
  if (input.heldOn < meeting.initiatedOn) throw new ValidationError([{ path: 'heldOn', message: `Mötet kan inte ha hållits före initiativet (${meeting.initiatedOn}).` }]);
  if (input.heldOn > todayInSweden()) throw new ValidationError([{ path: 'heldOn', message: 'Mötet kan inte registreras som hållet i förväg.' }]);
  const parties = await meetingPartyIds(session, meeting);
  if (input.followUpConvenerOrgId) assertParty(parties, input.followUpConvenerOrgId, 'followUpConvenerOrgId', 'Den som kallar till uppföljningen');
  const coordinatorOrgId = input.coordinatorOrgId === undefined ? meeting.coordinatorOrgId : input.coordinatorOrgId;
  if (coordinatorOrgId) assertParty(parties, coordinatorOrgId, 'coordinatorOrgId', 'Samordnaren');
  const person = await session.db.selectFrom('norrbus_persons').select('placed_outside_home').where('id', '=', meeting.personId).executeTakeFirst();
  if (!person) throw new NotFoundError('Den unge');
  await assertCoordinator(session, { placedOutsideHome: person.placed_outside_home }, coordinatorOrgId);
  return changeMeeting(
    session,
    meeting,
    input.expectedVersion,
    {
      status: 'held',
      held_on: input.heldOn,
      notes: input.notes,
      coordinator_org_id: coordinatorOrgId,
      ...(input.followUpConvenerOrgId !== undefined ? { follow_up_convener_org_id: input.followUpConvenerOrgId === meeting.ownerId ? null : input.followUpConvenerOrgId } : {}),
    },
    'Norrbus: mötet hållet',
    moreAudit,
  );
}

/** Records that the meeting was held, with the notes, and who calls the follow-up if not the convener. */
export async function recordNorrbusMeetingHeld(session: Session, rawInput: RecordNorrbusMeetingHeldInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(recordHeldInput, rawInput);
  const meeting = await loadConvenedMeeting(session, input.meetingId);
  return holdMeeting(session, meeting, input);
}
