import type { Selectable, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, Tables, TrainingCoursesTable, TrainingSessionsTable } from '../db/tables.js';
import { NotFoundError, RuleViolationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { assertCompletionAllowed } from './rules.js';

/** The unit's own staff arrange training; its administrators may read it too (RLS limits to the owner). */
export const TRAINING_KEEPERS = ['foster_care_worker', 'head_of_unit'] as const;
export const TRAINING_READERS = [...TRAINING_KEEPERS, 'administrator'] as const;

/** A course (utbildning), e.g. "Ett hem att växa i", the national basic training. */
export interface TrainingCourse {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly description: string | null;
  /** Every adult must complete it before the home study starts. */
  readonly requiredForApproval: boolean;
  /** Offered as further training to homes already approved. */
  readonly offeredToApprovedHomes: boolean;
  /** How many of its sessions an adult must attend to complete it. */
  readonly sessionsRequired: number;
}

/** One meeting of a course (utbildningstillfälle). */
export interface TrainingSession {
  readonly id: string;
  readonly courseId: string;
  readonly heldOn: IsoDate;
  readonly location: string | null;
  readonly leader: string | null;
}

/** An adult of a household, as training knows them. */
export interface TrainingAdult {
  readonly id: string;
  readonly fosterHomeId: string;
  readonly givenName: string;
  readonly familyName: string;
}

/** An adult who has attended a course or completed it. */
export interface TrainingParticipant {
  readonly courseId: string;
  readonly adult: TrainingAdult;
  readonly attendedSessionIds: readonly string[];
  readonly completedOn: IsoDate | null;
}

function toCourse(row: Selectable<TrainingCoursesTable>): TrainingCourse {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    name: row.name,
    description: row.description,
    requiredForApproval: row.required_for_approval,
    offeredToApprovedHomes: row.offered_to_approved_homes,
    sessionsRequired: row.sessions_required,
  };
}

function toSession(row: Selectable<TrainingSessionsTable>): TrainingSession {
  return { id: row.id, courseId: row.course_id, heldOn: row.held_on, location: row.location, leader: row.leader };
}

export interface TrainingCourseFilter {
  readonly requiredForApproval?: boolean | null;
  readonly offeredToApprovedHomes?: boolean | null;
}

export async function listTrainingCourses(session: Session, filter: TrainingCourseFilter = {}): Promise<TrainingCourse[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  let query = session.db.selectFrom('training_courses').selectAll().orderBy('name').orderBy('id');
  if (filter.requiredForApproval != null) query = query.where('required_for_approval', '=', filter.requiredForApproval);
  if (filter.offeredToApprovedHomes != null) query = query.where('offered_to_approved_homes', '=', filter.offeredToApprovedHomes);
  return (await query.execute()).map(toCourse);
}

export async function loadTrainingCourses(session: Session, ids: readonly string[]): Promise<TrainingCourse[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('training_courses').selectAll().where('id', 'in', ids).execute()).map(toCourse);
}

export async function loadTrainingSessions(session: Session, ids: readonly string[]): Promise<TrainingSession[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('training_sessions').selectAll().where('id', 'in', ids).execute()).map(toSession);
}

/** The sessions of several courses, in date order. */
export async function loadTrainingSessionsByCourse(session: Session, courseIds: readonly string[]): Promise<TrainingSession[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  if (courseIds.length === 0) return [];
  const rows = await session.db.selectFrom('training_sessions').selectAll().where('course_id', 'in', courseIds).orderBy('held_on').orderBy('id').execute();
  return rows.map(toSession);
}

/** The adults of the homes the subquery names (RLS keeps them to the actor's organisation). */
export async function loadTrainingAdults(session: Session, homes: SelectQueryBuilder<Tables, keyof Tables, { id: string }>): Promise<TrainingAdult[]> {
  const rows = await session.db
    .selectFrom('household_members')
    .select(['id', 'foster_home_id', 'given_name', 'family_name'])
    .where('role', '=', 'adult')
    .where('foster_home_id', 'in', homes)
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, fosterHomeId: row.foster_home_id, givenName: row.given_name, familyName: row.family_name }));
}

const courseInput = z.object({
  name: requiredText('Kursens namn'),
  description: z.string().trim().max(2000, { error: 'Beskrivningen får vara högst 2000 tecken.' }).nullish(),
  requiredForApproval: z.boolean({ error: 'Ange om kursen krävs för godkännande.' }),
  offeredToApprovedHomes: z.boolean({ error: 'Ange om kursen erbjuds godkända familjehem.' }),
  sessionsRequired: z
    .number({ error: 'Ange hur många träffar som krävs.' })
    .int({ error: 'Antal träffar ska vara ett heltal.' })
    .min(1, { error: 'Minst en träff krävs för att gå en kurs.' })
    .max(50, { error: 'En kurs kan kräva högst 50 träffar.' }),
});
export type CreateTrainingCourseInput = z.input<typeof courseInput>;

export async function createTrainingCourse(session: Session, rawInput: CreateTrainingCourseInput): Promise<TrainingCourse> {
  requireRole(session.actor, ...TRAINING_KEEPERS);
  const input = parseInput(courseInput, rawInput);
  const row = await session.db
    .insertInto('training_courses')
    .values({
      owner_org_id: session.actor.organisationId,
      name: input.name,
      description: input.description || null,
      required_for_approval: input.requiredForApproval,
      offered_to_approved_homes: input.offeredToApprovedHomes,
      sessions_required: input.sessionsRequired,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'TrainingCourse', entityId: row.id }]);
  return toCourse(row);
}

const optionalText = (label: string) => z.string().trim().max(200, { error: `${label} får vara högst 200 tecken.` }).nullish();

const sessionInput = z.object({
  courseId: z.string().uuid({ error: 'Kursen finns inte.' }),
  heldOn: isoDate,
  location: optionalText('Platsen'),
  leader: optionalText('Kursledaren'),
});
export type ScheduleTrainingSessionInput = z.input<typeof sessionInput>;

/** Puts a session of a course in the calendar; it may lie ahead (attendance waits until it is held). */
export async function scheduleTrainingSession(session: Session, rawInput: ScheduleTrainingSessionInput): Promise<TrainingSession> {
  requireRole(session.actor, ...TRAINING_KEEPERS);
  const input = parseInput(sessionInput, rawInput);
  const [course] = await loadTrainingCourses(session, [input.courseId]);
  if (!course) throw new NotFoundError('Kursen');
  const row = await session.db
    .insertInto('training_sessions')
    .values({ owner_org_id: course.ownerId, course_id: course.id, held_on: input.heldOn, location: input.location || null, leader: input.leader || null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'TrainingSession', entityId: row.id }]);
  return toSession(row);
}

/** The adults with these ids, refusing anyone who is not an adult of one of the organisation's homes. */
async function adultsByIds(session: Session, ids: readonly string[]): Promise<TrainingAdult[]> {
  const rows = await session.db.selectFrom('household_members').select(['id', 'foster_home_id', 'given_name', 'family_name', 'role']).where('id', 'in', ids).execute();
  if (rows.length < new Set(ids).size) throw new NotFoundError('Hushållsmedlemmen');
  const notAdult = rows.find((row) => row.role !== 'adult');
  if (notAdult) {
    throw new RuleViolationError('TRAINING_ADULTS_ONLY', `${notAdult.given_name} ${notAdult.family_name} är inte vuxen i hushållet; utbildningen gäller familjehemmets vuxna.`);
  }
  return rows.map((row) => ({ id: row.id, fosterHomeId: row.foster_home_id, givenName: row.given_name, familyName: row.family_name }));
}

const attendanceInput = z.object({
  sessionId: z.string().uuid({ error: 'Utbildningstillfället finns inte.' }),
  householdMemberIds: z
    .array(z.string().uuid({ error: 'Hushållsmedlemmen finns inte.' }))
    .min(1, { error: 'Välj minst en deltagare.' })
    .max(100, { error: 'Registrera högst 100 deltagare åt gången.' }),
});
export type RecordTrainingAttendanceInput = z.input<typeof attendanceInput>;

/**
 * Records that adults attended a session that has been held. Recording someone again changes
 * nothing, so a list can be sent twice.
 */
export async function recordTrainingAttendance(session: Session, rawInput: RecordTrainingAttendanceInput): Promise<TrainingSession> {
  requireRole(session.actor, ...TRAINING_KEEPERS);
  const input = parseInput(attendanceInput, rawInput);
  const [held] = await loadTrainingSessions(session, [input.sessionId]);
  if (!held) throw new NotFoundError('Utbildningstillfället');
  if (held.heldOn > todayInSweden()) {
    throw new RuleViolationError('TRAINING_SESSION_NOT_HELD', `Tillfället hålls ${held.heldOn}; närvaro registreras när det har hållits.`);
  }
  const adults = await adultsByIds(session, input.householdMemberIds);
  const added = await session.db
    .insertInto('training_attendances')
    .values(adults.map((adult) => ({ owner_org_id: session.actor.organisationId, session_id: held.id, household_member_id: adult.id, recorded_by: session.actor.userId })))
    .onConflict((oc) => oc.columns(['session_id', 'household_member_id']).doNothing())
    .returning('household_member_id')
    .execute();
  await recordAudit(
    session,
    added.map((row) => ({ action: 'create' as const, entityType: 'TrainingAttendance', entityId: held.id, personId: row.household_member_id, purpose: 'utbildning' })),
  );
  return held;
}

const completionInput = z.object({
  courseId: z.string().uuid({ error: 'Kursen finns inte.' }),
  householdMemberId: z.string().uuid({ error: 'Hushållsmedlemmen finns inte.' }),
  completedOn: isoDate,
});
export type RecordTrainingCompletionInput = z.input<typeof completionInput>;

/**
 * Records that an adult has completed a course: refused unless the adult attended at least the
 * sessions the course requires by that day, and never twice.
 */
export async function recordTrainingCompletion(session: Session, rawInput: RecordTrainingCompletionInput): Promise<TrainingParticipant> {
  requireRole(session.actor, ...TRAINING_KEEPERS);
  const input = parseInput(completionInput, rawInput);
  if (input.completedOn > todayInSweden()) {
    throw new RuleViolationError('TRAINING_COMPLETION_AHEAD', `Datumet ${input.completedOn} har inte varit än; ange den dag kursen avslutades.`);
  }
  const [course] = await loadTrainingCourses(session, [input.courseId]);
  if (!course) throw new NotFoundError('Kursen');
  const [adult] = await adultsByIds(session, [input.householdMemberId]);
  const done = await session.db
    .selectFrom('training_completions')
    .select('completed_on')
    .where('course_id', '=', course.id)
    .where('household_member_id', '=', adult!.id)
    .executeTakeFirst();
  if (done) {
    throw new RuleViolationError('TRAINING_ALREADY_COMPLETED', `${adult!.givenName} ${adult!.familyName} har redan gått ${course.name} (${done.completed_on}).`);
  }
  const attended = await session.db
    .selectFrom('training_attendances as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .select(['s.id', 's.held_on'])
    .where('s.course_id', '=', course.id)
    .where('a.household_member_id', '=', adult!.id)
    .execute();
  assertCompletionAllowed(course, adult!, attended.map((row) => row.held_on), input.completedOn);
  await session.db
    .insertInto('training_completions')
    .values({ owner_org_id: course.ownerId, course_id: course.id, household_member_id: adult!.id, completed_on: input.completedOn, recorded_by: session.actor.userId })
    .execute();
  await recordAudit(session, [{ action: 'create', entityType: 'TrainingCompletion', entityId: course.id, personId: adult!.id, purpose: 'utbildning' }]);
  return { courseId: course.id, adult: adult!, attendedSessionIds: attended.map((row) => row.id), completedOn: input.completedOn };
}

/**
 * Everyone who has attended or completed each course, with the sessions they attended.
 * Reading who they are is audited, one row per person.
 */
export async function loadTrainingParticipantsByCourse(session: Session, courseIds: readonly string[]): Promise<TrainingParticipant[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  if (courseIds.length === 0) return [];
  const attendances = await session.db
    .selectFrom('training_attendances as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .select(['s.course_id', 's.id as session_id', 'a.household_member_id'])
    .where('s.course_id', 'in', courseIds)
    .orderBy('s.held_on')
    .execute();
  const completions = await session.db
    .selectFrom('training_completions')
    .select(['course_id', 'household_member_id', 'completed_on'])
    .where('course_id', 'in', courseIds)
    .execute();
  const memberIds = [...new Set([...attendances, ...completions].map((row) => row.household_member_id))];
  if (memberIds.length === 0) return [];
  const adults = (await loadTrainingAdults(session, session.db.selectFrom('household_members').select('foster_home_id as id').where('id', 'in', memberIds))).filter((adult) =>
    memberIds.includes(adult.id),
  );
  const byId = new Map(adults.map((adult) => [adult.id, adult]));
  const participants = new Map<string, { courseId: string; adult: TrainingAdult; attendedSessionIds: string[]; completedOn: IsoDate | null }>();
  const participant = (courseId: string, memberId: string) => {
    const key = `${courseId}:${memberId}`;
    const adult = byId.get(memberId)!;
    const entry = participants.get(key) ?? { courseId, adult, attendedSessionIds: [], completedOn: null };
    participants.set(key, entry);
    return entry;
  };
  for (const row of attendances) participant(row.course_id, row.household_member_id).attendedSessionIds.push(row.session_id);
  for (const row of completions) participant(row.course_id, row.household_member_id).completedOn = row.completed_on;
  await recordAudit(session, memberIds.map((id) => ({ action: 'read' as const, entityType: 'HouseholdMember', entityId: id, personId: id, purpose: 'utbildning' })));
  const order = new Map(adults.map((adult, index) => [adult.id, index]));
  return [...participants.values()].sort((a, b) => order.get(a.adult.id)! - order.get(b.adult.id)!);
}
