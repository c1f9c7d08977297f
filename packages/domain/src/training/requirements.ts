import type { Session } from '../access/actor.js';
import { requireRole } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { RuleViolationError } from '../errors.js';
import { loadTrainingAdults, TRAINING_READERS, type TrainingAdult } from './courses.js';
import { describeMissingTraining, missingCourses, type CourseCompletionKey } from './rules.js';

/** Why an adult is expected to take a course: to be approved, or as an approved home's further training. */
export const TRAINING_NEED_REASONS = ['required_for_approval', 'offered_to_approved_homes'] as const;
export type TrainingNeedReason = (typeof TRAINING_NEED_REASONS)[number];

/**
 * The guard before the home study (utredning): every adult of the household has completed every
 * course the unit marks as required for approval, else TRAINING_INCOMPLETE naming who lacks what.
 */
export async function assertRequiredTrainingCompleted(session: Session, fosterHomeId: string): Promise<void> {
  const courses = await session.db
    .selectFrom('training_courses')
    .select(['id', 'name'])
    .where('owner_org_id', '=', session.actor.organisationId)
    .where('required_for_approval', '=', true)
    .orderBy('name')
    .execute();
  if (courses.length === 0) return;
  const adults = await loadTrainingAdults(session, session.db.selectFrom('foster_homes').select('id').where('id', '=', fosterHomeId));
  const completions = await loadCompletions(session, courses.map((c) => c.id), adults.map((a) => a.id));
  const missing = missingCourses(adults, courses, completions);
  if (missing.length > 0) {
    throw new RuleViolationError(
      'TRAINING_INCOMPLETE',
      `Alla vuxna i hushållet ska ha gått den obligatoriska utbildningen innan utredningen börjar. ${describeMissingTraining(missing)}`,
    );
  }
}

async function loadCompletions(session: Session, courseIds: readonly string[], memberIds: readonly string[]): Promise<CourseCompletionKey[]> {
  if (courseIds.length === 0 || memberIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('training_completions')
    .select(['course_id', 'household_member_id'])
    .where('course_id', 'in', courseIds)
    .where('household_member_id', 'in', memberIds)
    .execute();
  return rows.map((row) => ({ courseId: row.course_id, householdMemberId: row.household_member_id }));
}

/** One adult lacking one course, and how far the adult has come in it. */
export interface MissingTraining {
  readonly adult: TrainingAdult;
  readonly courseId: string;
  readonly reason: TrainingNeedReason;
  readonly sessionsAttended: number;
}

/**
 * Who lacks which training: adults of families in recruitment at or beyond the basic training
 * lacking a course required for approval, and adults of active homes lacking a course offered to
 * approved homes. Reading who they are is audited, one row per person.
 */
export async function listMissingTraining(session: Session): Promise<MissingTraining[]> {
  requireRole(session.actor, ...TRAINING_READERS);
  const courses = await session.db
    .selectFrom('training_courses')
    .select(['id', 'name', 'required_for_approval', 'offered_to_approved_homes'])
    .where('owner_org_id', '=', session.actor.organisationId)
    .where((eb) => eb.or([eb('required_for_approval', '=', true), eb('offered_to_approved_homes', '=', true)]))
    .orderBy('name')
    .execute();
  const required = courses.filter((c) => c.required_for_approval);
  const offered = courses.filter((c) => c.offered_to_approved_homes);
  const inRecruitment =
    required.length === 0
      ? []
      : await loadTrainingAdults(
          session,
          session.db
            .selectFrom('recruitments')
            .select('foster_home_id as id')
            .where('purpose', '=', 'new_home')
            .where('left_on', 'is', null)
            .where('step', 'in', ['basic_training', 'assessment', 'decision']),
        );
  const approved =
    offered.length === 0
      ? []
      : await loadTrainingAdults(
          session,
          session.db.selectFrom('foster_homes').select('id').where('owner_org_id', '=', session.actor.organisationId).where('status', '=', 'active'),
        );
  const memberIds = [...new Set([...inRecruitment, ...approved].map((a) => a.id))];
  const completions = await loadCompletions(session, courses.map((c) => c.id), memberIds);
  const attended =
    memberIds.length === 0
      ? []
      : await session.db
          .selectFrom('training_attendances as a')
          .innerJoin('training_sessions as s', 's.id', 'a.session_id')
          .select(['s.course_id', 'a.household_member_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('a.household_member_id', 'in', memberIds)
          .groupBy(['s.course_id', 'a.household_member_id'])
          .execute();
  const attendedCount = new Map(attended.map((row) => [`${row.course_id}:${row.household_member_id}`, Number(row.n)]));
  const needs = [
    ...missingCourses(inRecruitment, required, completions).map((gap) => ({ ...gap, reason: 'required_for_approval' as const })),
    ...missingCourses(approved, offered, completions).map((gap) => ({ ...gap, reason: 'offered_to_approved_homes' as const })),
  ];
  await recordAudit(
    session,
    [...new Set(needs.map((need) => need.adult.id))].map((id) => ({ action: 'read' as const, entityType: 'HouseholdMember', entityId: id, personId: id, purpose: 'utbildning' })),
  );
  return needs.map(({ adult, course, reason }) => ({ adult, courseId: course.id, reason, sessionsAttended: attendedCount.get(`${course.id}:${adult.id}`) ?? 0 }));
}

