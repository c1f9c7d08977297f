import { sql } from 'kysely';
import { requireRole, type Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { daysBetween, todayInSweden } from '../shared/dates.js';
import { isFinished, RECRUITMENT_STEPS, type RecruitmentStep, type WorkingStep, WORKING_STEPS } from './pipeline.js';
import { recruitmentPolicyOn, type RecruitmentPolicy } from './policy.js';
import { RECRUITERS, toRecruitment, type Recruitment, type RecruitmentEventKind } from './recruitments.js';

const PIPELINE_READERS = [...RECRUITERS, 'administrator'] as const;

/** How long a family has been in its step, against the unit's target for that step. */
export interface RecruitmentProgress {
  readonly recruitmentId: string;
  /** Days since the family entered its step (until it left); null once decided. */
  readonly daysInStep: number | null;
  /** The policy's target days for the step; null once decided. */
  readonly targetDays: number | null;
  /** Past the target in a working step, not paused and not left. */
  readonly overdue: boolean;
}

function finished(recruitment: Recruitment): boolean {
  return isFinished({ purpose: recruitment.purpose, step: recruitment.step, paused: recruitment.pausedOn !== null, left: recruitment.leftOn !== null });
}

function isWorkingStep(step: RecruitmentStep): step is WorkingStep {
  return (WORKING_STEPS as readonly RecruitmentStep[]).includes(step);
}

/**
 * A family is overdue when it has stayed in a working step longer than the policy's target days
 * for that step. A paused family waits by agreement and is not overdue; one that left is not either.
 */
export function recruitmentProgress(recruitment: Recruitment, policy: Pick<RecruitmentPolicy, 'stepTargetDays'>, today: IsoDate): RecruitmentProgress {
  if (!isWorkingStep(recruitment.step)) return { recruitmentId: recruitment.id, daysInStep: null, targetDays: null, overdue: false };
  const daysInStep = daysBetween(recruitment.stepEnteredOn, recruitment.leftOn ?? today);
  const targetDays = policy.stepTargetDays[recruitment.step];
  return { recruitmentId: recruitment.id, daysInStep, targetDays, overdue: !finished(recruitment) && recruitment.pausedOn === null && daysInStep > targetDays };
}

/** The progress of each recruitment, in the order given, against its owner's policy in force today. */
export async function loadRecruitmentProgress(session: Session, recruitments: readonly Recruitment[], today: IsoDate = todayInSweden()): Promise<RecruitmentProgress[]> {
  requireRole(session.actor, ...PIPELINE_READERS);
  const policies = new Map<string, RecruitmentPolicy>();
  for (const ownerId of new Set(recruitments.map((r) => r.ownerId))) policies.set(ownerId, await recruitmentPolicyOn(session, ownerId, today));
  return recruitments.map((recruitment) => recruitmentProgress(recruitment, policies.get(recruitment.ownerId)!, today));
}

export interface PipelineFilter {
  readonly step?: RecruitmentStep | null;
  /** Also families that have left or been decided on. */
  readonly includeFinished?: boolean | null;
}

export interface StepCount {
  readonly step: RecruitmentStep;
  readonly count: number;
  readonly overdue: number;
  readonly paused: number;
}

export interface RecruitmentPipeline {
  /** Families per step (every step, whatever the step filter), as many as the filter on finished allows. */
  readonly counts: readonly StepCount[];
  /** The families, in step order, longest in the step first. */
  readonly recruitments: readonly Recruitment[];
}

/** The unit's families by step (rekryteringstavlan). */
export async function listRecruitmentPipeline(session: Session, filter: PipelineFilter = {}, today: IsoDate = todayInSweden()): Promise<RecruitmentPipeline> {
  requireRole(session.actor, ...PIPELINE_READERS);
  let query = session.db.selectFrom('recruitments').selectAll().where('owner_org_id', '=', session.actor.organisationId);
  if (!filter.includeFinished) query = query.where('left_on', 'is', null).where('step', 'not in', ['approved', 'refused']);
  const all = (await query.orderBy('step_entered_on').orderBy('received_on').orderBy('id').execute()).map(toRecruitment);
  const progress = new Map((await loadRecruitmentProgress(session, all, today)).map((p) => [p.recruitmentId, p]));
  const counts = RECRUITMENT_STEPS.map((step) => {
    const inStep = all.filter((r) => r.step === step);
    return { step, count: inStep.length, overdue: inStep.filter((r) => progress.get(r.id)!.overdue).length, paused: inStep.filter((r) => r.pausedOn !== null).length };
  });
  const order = (step: RecruitmentStep) => RECRUITMENT_STEPS.indexOf(step);
  const recruitments = all.filter((r) => !filter.step || r.step === filter.step).sort((a, b) => order(a.step) - order(b.step));
  return { counts, recruitments };
}

/** The recruitment under way for each home, or else its latest one. */
export async function loadLatestRecruitmentsByHome(session: Session, homeIds: readonly string[]): Promise<Recruitment[]> {
  requireRole(session.actor, ...PIPELINE_READERS);
  if (homeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('recruitments')
    .selectAll()
    .distinctOn('foster_home_id')
    .where('foster_home_id', 'in', homeIds)
    .orderBy('foster_home_id')
    .orderBy(sql`left_on is null and step not in ('approved', 'refused')`, 'desc')
    .orderBy('received_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRecruitment);
}

/** One entry of a family's timeline: a step entered, a pause, a resumption, a screening, leaving. */
export interface RecruitmentEvent {
  readonly id: string;
  readonly recruitmentId: string;
  readonly kind: RecruitmentEventKind;
  readonly step: RecruitmentStep;
  readonly occurredOn: IsoDate;
  readonly recordedById: string;
  readonly note: string | null;
  readonly recordedAt: Date;
}

/** The timelines of several recruitments, oldest first. */
export async function loadRecruitmentEvents(session: Session, recruitmentIds: readonly string[]): Promise<RecruitmentEvent[]> {
  requireRole(session.actor, ...PIPELINE_READERS);
  if (recruitmentIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('recruitment_events')
    .selectAll()
    .where('recruitment_id', 'in', recruitmentIds)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    recruitmentId: row.recruitment_id,
    kind: row.kind as RecruitmentEventKind,
    step: row.step as RecruitmentStep,
    occurredOn: row.occurred_on,
    recordedById: row.recorded_by,
    note: row.note,
    recordedAt: row.created_at,
  }));
}
