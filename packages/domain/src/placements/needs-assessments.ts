import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, NeedsAssessmentsTable } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { assertCaseWorker, loadOwnChildRow, requireCaseWorker } from './children-records.js';

/** What the utredning of the child's needs concluded: placement, another intervention, or none. */
export const NEEDS_ASSESSMENT_OUTCOMES = ['placement', 'other_intervention', 'no_intervention'] as const;
export type NeedsAssessmentOutcome = (typeof NEEDS_ASSESSMENT_OUTCOMES)[number];

/** Utredning av barnets behov (BBIC): started by a worker, completed with an outcome and summary. */
export interface NeedsAssessment {
  readonly id: string;
  readonly childId: string;
  readonly workerId: string;
  readonly startedOn: IsoDate;
  readonly completedOn: IsoDate | null;
  readonly outcome: NeedsAssessmentOutcome | null;
  readonly summary: string | null;
  readonly version: number;
}

function toNeedsAssessment(row: Selectable<NeedsAssessmentsTable>): NeedsAssessment {
  return {
    id: row.id,
    childId: row.child_id,
    workerId: row.worker_id,
    startedOn: row.started_on,
    completedOn: row.completed_on,
    outcome: row.outcome as NeedsAssessmentOutcome | null,
    summary: row.summary,
    version: row.version,
  };
}

function auditReads(session: Session, rows: ReadonlyArray<{ id: string; child_id: string }>): Promise<void> {
  return recordAudit(session, rows.map((row) => ({ action: 'read' as const, entityType: 'NeedsAssessment', entityId: row.id, personId: row.child_id, purpose: 'barnets akt' })));
}

/** The children's needs assessments, newest first: the placing municipality's alone (RLS). */
export async function loadNeedsAssessmentsByChild(session: Session, childIds: readonly string[]): Promise<NeedsAssessment[]> {
  requireCaseWorker(session.actor);
  if (childIds.length === 0) return [];
  const rows = await session.db.selectFrom('needs_assessments').selectAll().where('child_id', 'in', childIds).orderBy('started_on', 'desc').orderBy('created_at', 'desc').execute();
  await auditReads(session, rows);
  return rows.map(toNeedsAssessment);
}

export async function loadNeedsAssessments(session: Session, ids: readonly string[]): Promise<NeedsAssessment[]> {
  requireCaseWorker(session.actor);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('needs_assessments').selectAll().where('id', 'in', ids).execute();
  await auditReads(session, rows);
  return rows.map(toNeedsAssessment);
}

const notInFuture = (label: string) => isoDate.refine((day) => day <= todayInSweden(), { error: `${label} kan inte vara i framtiden.` });

const startInput = z.object({
  childId: z.string().uuid({ error: 'Barnet finns inte.' }),
  startedOn: notInFuture('Startdatum'),
  workerId: z.string({ error: 'Välj vem som utreder.' }).uuid({ error: 'Välj vem som utreder.' }),
});
export type StartNeedsAssessmentInput = z.input<typeof startInput>;

/** Opens an utredning; a child has one under way at a time, so findings are not split between two. */
export async function startNeedsAssessment(session: Session, rawInput: StartNeedsAssessmentInput): Promise<NeedsAssessment> {
  requireCaseWorker(session.actor);
  const input = parseInput(startInput, rawInput);
  const child = await loadOwnChildRow(session, input.childId);
  await assertCaseWorker(session, input.workerId, 'workerId');
  if (input.startedOn < child.birth_date) throw new ValidationError([{ path: 'startedOn', message: 'Utredningen kan inte börja före barnets födelse.' }]);
  const ongoing = await session.db.selectFrom('needs_assessments').select('started_on').where('child_id', '=', input.childId).where('completed_on', 'is', null).executeTakeFirst();
  if (ongoing) {
    throw new RuleViolationError('NEEDS_ASSESSMENT_ONGOING', `Det finns redan en pågående utredning av barnets behov, startad ${ongoing.started_on}. Avsluta den först.`);
  }
  const row = await session.db
    .insertInto('needs_assessments')
    .values({ owner_org_id: session.actor.organisationId, child_id: input.childId, worker_id: input.workerId, started_on: input.startedOn })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'NeedsAssessment', entityId: row.id, personId: input.childId }]);
  return toNeedsAssessment(row);
}

const completeInput = z.object({
  id: z.string().uuid({ error: 'Utredningen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  completedOn: notInFuture('Datum för avslut'),
  outcome: z.enum(NEEDS_ASSESSMENT_OUTCOMES, { error: 'Välj vad utredningen ledde till.' }),
  summary: requiredText('Sammanfattningen', 4000),
});
export type CompleteNeedsAssessmentInput = z.input<typeof completeInput>;

/** Completes the utredning with its outcome and summary; a completed one is not reopened. */
export async function completeNeedsAssessment(session: Session, rawInput: CompleteNeedsAssessmentInput): Promise<NeedsAssessment> {
  requireCaseWorker(session.actor);
  const input = parseInput(completeInput, rawInput);
  const current = await session.db.selectFrom('needs_assessments').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!current) throw new NotFoundError('Utredningen');
  if (current.completed_on) throw new RuleViolationError('NEEDS_ASSESSMENT_COMPLETED', `Utredningen avslutades redan ${current.completed_on}.`);
  if (input.completedOn < current.started_on) {
    throw new ValidationError([{ path: 'completedOn', message: `Utredningen kan inte avslutas före startdatum (${current.started_on}).` }]);
  }
  const updated = await session.db
    .updateTable('needs_assessments')
    .set({ completed_on: input.completedOn, outcome: input.outcome, summary: input.summary, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Utredningen', current.version);
  await recordAudit(session, [{ action: 'update', entityType: 'NeedsAssessment', entityId: input.id, personId: current.child_id, purpose: 'completed' }]);
  return toNeedsAssessment(updated);
}
