import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { ASSESSMENT_READERS, assessmentOpenForChange, dateOrderIssues, type HomeAssessment } from './home-assessment.js';

/** What an assessment is made of besides the register checks: intervjuer, hembesök, referenser. */
export const ASSESSMENT_ACTIVITY_KINDS = ['interview', 'home_visit', 'reference'] as const;
export type AssessmentActivityKind = (typeof ASSESSMENT_ACTIVITY_KINDS)[number];

export interface AssessmentActivity {
  readonly id: string;
  readonly assessmentId: string;
  readonly kind: AssessmentActivityKind;
  readonly occurredOn: IsoDate;
  /** Who was interviewed or visited, or who gave the reference, as written in the assessment. */
  readonly participants: string;
  readonly note: string | null;
  readonly recordedById: string;
}

export async function loadActivitiesByAssessment(session: Session, assessmentIds: readonly string[]): Promise<AssessmentActivity[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (assessmentIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('assessment_activities')
    .selectAll()
    .where('assessment_id', 'in', assessmentIds)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    assessmentId: row.assessment_id,
    kind: row.kind as AssessmentActivityKind,
    occurredOn: row.occurred_on,
    participants: row.participants,
    note: row.note,
    recordedById: row.recorded_by,
  }));
}

const recordActivityInput = z.object({
  assessmentId: z.string().uuid({ error: 'Utredningen finns inte.' }),
  kind: z.enum(ASSESSMENT_ACTIVITY_KINDS, { error: 'Välj intervju, hembesök eller referens.' }),
  occurredOn: isoDate,
  participants: requiredText('Vem som deltog', 300),
  note: z.string().trim().max(4000, { error: 'Anteckningen får vara högst 4000 tecken.' }).nullish(),
});
export type RecordAssessmentActivityInput = z.input<typeof recordActivityInput>;

/** Records an interview, home visit or reference, dated within the assessment and signed by the actor. */
export async function recordAssessmentActivity(session: Session, rawInput: RecordAssessmentActivityInput): Promise<HomeAssessment> {
  const input = parseInput(recordActivityInput, rawInput);
  const assessment = await assessmentOpenForChange(session, input.assessmentId);
  const issues = dateOrderIssues('occurredOn', 'Datumet', input.occurredOn, {
    today: todayInSweden(),
    notBefore: { date: assessment.startedOn, what: 'då utredningen startade' },
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const row = await session.db
    .insertInto('assessment_activities')
    .values({
      owner_org_id: assessment.ownerId,
      assessment_id: assessment.id,
      kind: input.kind,
      occurred_on: input.occurredOn,
      participants: input.participants,
      note: input.note || null,
      recorded_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'AssessmentActivity', entityId: row.id, purpose: 'utredning' }]);
  return assessment;
}
