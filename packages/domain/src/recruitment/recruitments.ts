import type { Selectable, Updateable } from 'kysely';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, RecruitmentsTable } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { assertNotInFuture, todayInSweden } from '../shared/dates.js';
import { assertRequiredTrainingCompleted } from '../training/requirements.js';
import {
  applyPipelineCommand,
  firstStep,
  type LeavingReason,
  type PipelineCommand,
  type RecruitmentPurpose,
  type RecruitmentStep,
  type ScreeningResult,
} from './pipeline.js';

export const RECRUITMENT_EVENT_KINDS = ['step_entered', 'paused', 'resumed', 'left', 'screening_recorded'] as const;
export type RecruitmentEventKind = (typeof RECRUITMENT_EVENT_KINDS)[number];

export const RECRUITMENT_SOURCES = ['campaign', 'website', 'word_of_mouth', 'social_media', 'event', 'agency', 'other'] as const;
export type RecruitmentSource = (typeof RECRUITMENT_SOURCES)[number];
/** Where the family heard of the unit, as the unit asks it. */
export const RECRUITMENT_SOURCE_TITLES: Record<RecruitmentSource, string> = {
  campaign: 'kampanj',
  website: 'webbplats',
  word_of_mouth: 'någon som berättade',
  social_media: 'sociala medier',
  event: 'evenemang eller informationsträff',
  agency: 'konsulentverksamhet',
  other: 'annat',
};

/** The people who recruit and assess homes: the unit's own staff (RLS limits rows to the owner). */
export const RECRUITERS = ['foster_care_worker', 'head_of_unit'] as const;

export interface Recruitment {
  readonly id: string;
  readonly ownerId: string;
  readonly fosterHomeId: string;
  readonly purpose: RecruitmentPurpose;
  readonly source: RecruitmentSource;
  readonly sourceDetail: string | null;
  readonly proposedByAgencyId: string | null;
  readonly receivedOn: IsoDate;
  readonly step: RecruitmentStep;
  readonly stepEnteredOn: IsoDate;
  readonly pausedOn: IsoDate | null;
  readonly leftOn: IsoDate | null;
  readonly leavingReason: LeavingReason | null;
  readonly screeningResult: ScreeningResult | null;
  readonly version: number;
}

export function toRecruitment(row: Selectable<RecruitmentsTable>): Recruitment {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    fosterHomeId: row.foster_home_id,
    purpose: row.purpose as RecruitmentPurpose,
    source: row.source as RecruitmentSource,
    sourceDetail: row.source_detail,
    proposedByAgencyId: row.proposed_by_agency_id,
    receivedOn: row.received_on,
    step: row.step as RecruitmentStep,
    stepEnteredOn: row.step_entered_on,
    pausedOn: row.paused_on,
    leftOn: row.left_on,
    leavingReason: row.leaving_reason as LeavingReason | null,
    screeningResult: row.screening_result as ScreeningResult | null,
    version: row.version,
  };
}

export async function loadRecruitments(session: Session, ids: readonly string[]): Promise<Recruitment[]> {
  requireRole(session.actor, ...RECRUITERS, 'administrator');
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('recruitments').selectAll().where('id', 'in', ids).execute()).map(toRecruitment);
}

export async function getRecruitment(session: Session, id: string): Promise<Recruitment> {
  const [recruitment] = await loadRecruitments(session, [id]);
  if (!recruitment) throw new NotFoundError('Rekryteringen');
  return recruitment;
}

export interface NewRecruitment {
  readonly fosterHomeId: string;
  readonly purpose: RecruitmentPurpose;
  readonly source: RecruitmentSource;
  readonly sourceDetail?: string | null;
  readonly proposedByAgencyId?: string | null;
  readonly receivedOn: IsoDate;
  readonly note?: string | null;
}

/**
 * Opens a recruitment (or re-assessment) of a home the actor's organisation owns, at the first
 * step for its purpose, and signs the first timeline event. One may be under way per home.
 */
export async function openRecruitment(session: Session, input: NewRecruitment): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  assertNotInFuture(input.receivedOn, 'receivedOn');
  const open = await session.db
    .selectFrom('recruitments')
    .select('id')
    .where('foster_home_id', '=', input.fosterHomeId)
    .where('left_on', 'is', null)
    .where('step', 'not in', ['approved', 'refused'])
    .executeTakeFirst();
  if (open) throw new RuleViolationError('RECRUITMENT_ALREADY_OPEN', 'Hemmet har redan en pågående rekrytering eller utredning.');
  const step = firstStep(input.purpose);
  const row = await session.db
    .insertInto('recruitments')
    .values({
      owner_org_id: session.actor.organisationId,
      foster_home_id: input.fosterHomeId,
      purpose: input.purpose,
      source: input.source,
      source_detail: input.sourceDetail ?? null,
      proposed_by_agency_id: input.proposedByAgencyId ?? null,
      received_on: input.receivedOn,
      step,
      step_entered_on: input.receivedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await session.db
    .insertInto('recruitment_events')
    .values({ owner_org_id: row.owner_org_id, recruitment_id: row.id, kind: 'step_entered', step, occurred_on: input.receivedOn, recorded_by: session.actor.userId, note: input.note ?? null })
    .execute();
  await recordAudit(session, [{ action: 'create', entityType: 'Recruitment', entityId: row.id, personId: null, purpose: 'rekrytering' }]);
  return toRecruitment(row);
}

export interface PipelineTransition {
  readonly recruitmentId: string;
  /** The version the user saw; omitted only by use cases that already hold the current row. */
  readonly expectedVersion?: number;
  readonly command: PipelineCommand;
  readonly occurredOn: IsoDate;
  readonly note?: string | null;
}

/**
 * The one way a recruitment changes step, pauses, resumes or ends: the state machine decides,
 * then the row and a signed, dated timeline event are written together.
 */
export async function recordPipelineTransition(session: Session, transition: PipelineTransition): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  const current = await getRecruitment(session, transition.recruitmentId);
  if (transition.expectedVersion !== undefined && transition.expectedVersion !== current.version) {
    throw new VersionConflictError('Rekryteringen', current.version);
  }
  assertNotInFuture(transition.occurredOn, 'occurredOn');
  const since = current.pausedOn ?? current.stepEnteredOn;
  if (transition.occurredOn < since) {
    throw new RuleViolationError('RECRUITMENT_DATE_ORDER', `Datumet kan inte vara före ${since}, då familjen kom till nuvarande läge.`);
  }
  const { command } = transition;
  const next = applyPipelineCommand(
    { purpose: current.purpose, step: current.step, paused: current.pausedOn !== null, left: current.leftOn !== null },
    command,
  );
  // Every adult must have the unit's required training before the home study starts.
  if (command.type === 'advance' && next.step === 'assessment') await assertRequiredTrainingCompleted(session, current.fosterHomeId);
  const { kind, changes } = pipelineChanges(command, next.step, transition.occurredOn);
  const row = await session.db
    .updateTable('recruitments')
    .set({ ...changes, version: current.version + 1, updated_at: new Date() })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Rekryteringen', current.version + 1);
  await session.db
    .insertInto('recruitment_events')
    .values({
      owner_org_id: row.owner_org_id,
      recruitment_id: row.id,
      kind,
      step: next.step,
      occurred_on: transition.occurredOn,
      recorded_by: session.actor.userId,
      note: transition.note ?? null,
    })
    .execute();
  await recordAudit(session, [{ action: 'update', entityType: 'Recruitment', entityId: row.id, personId: null, purpose: 'rekrytering' }]);
  return toRecruitment(row);
}

/** What a command changes on the recruitment row, and which kind of timeline event records it. */
function pipelineChanges(command: PipelineCommand, step: RecruitmentStep, on: IsoDate): { kind: RecruitmentEventKind; changes: Updateable<RecruitmentsTable> } {
  switch (command.type) {
    case 'advance':
    case 'decide':
      return { kind: 'step_entered', changes: { step, step_entered_on: on } };
    case 'pause':
      return { kind: 'paused', changes: { paused_on: on } };
    case 'resume':
      return { kind: 'resumed', changes: { paused_on: null } };
    case 'leave':
      return { kind: 'left', changes: { left_on: on, leaving_reason: command.reason, paused_on: null } };
    case 'screen':
      return { kind: 'screening_recorded', changes: { screening_result: command.result } };
  }
}

