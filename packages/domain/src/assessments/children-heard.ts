import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { RuleViolationError, ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { ASSESSMENT_READERS, assessmentOpenForChange, dateOrderIssues, memberOfHousehold, type HomeAssessment } from './home-assessment.js';

/** A child of the family heard in the assessment (familjens barn har hörts). */
export interface ChildHeard {
  readonly assessmentId: string;
  readonly householdMemberId: string;
  readonly childName: string;
  readonly heardOn: IsoDate;
  readonly note: string | null;
  readonly recordedById: string;
}

/** The children heard in the assessments; what a child said is a person's data, so reads are audited. */
export async function loadChildrenHeardByAssessment(session: Session, assessmentIds: readonly string[]): Promise<ChildHeard[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (assessmentIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('children_heard as h')
    .innerJoin('household_members as m', 'm.id', 'h.household_member_id')
    .select(['h.assessment_id', 'h.household_member_id', 'm.given_name', 'm.family_name', 'h.heard_on', 'h.note', 'h.recorded_by'])
    .where('h.assessment_id', 'in', assessmentIds)
    .orderBy('h.heard_on')
    .orderBy('m.given_name')
    .execute();
  await recordAudit(
    session,
    rows.map((row) => ({ action: 'read' as const, entityType: 'ChildHeard', entityId: row.assessment_id, personId: row.household_member_id, purpose: 'utredning: barn hörda' })),
  );
  return rows.map((row) => ({
    assessmentId: row.assessment_id,
    householdMemberId: row.household_member_id,
    childName: `${row.given_name} ${row.family_name}`,
    heardOn: row.heard_on,
    note: row.note,
    recordedById: row.recorded_by,
  }));
}

const recordChildHeardInput = z.object({
  assessmentId: z.string().uuid({ error: 'Utredningen finns inte.' }),
  householdMemberId: z.string({ error: 'Välj ett av familjens barn.' }).uuid({ error: 'Välj ett av familjens barn.' }),
  heardOn: isoDate,
  note: z.string().trim().max(4000, { error: 'Anteckningen får vara högst 4000 tecken.' }).nullish(),
});
export type RecordChildHeardInput = z.input<typeof recordChildHeardInput>;

/** Records that one of the family's own children has been heard, once per assessment. */
export async function recordChildHeard(session: Session, rawInput: RecordChildHeardInput): Promise<HomeAssessment> {
  const input = parseInput(recordChildHeardInput, rawInput);
  const assessment = await assessmentOpenForChange(session, input.assessmentId);
  const child = await memberOfHousehold(session, assessment, input.householdMemberId, 'child');
  const issues = dateOrderIssues('heardOn', 'Datumet', input.heardOn, {
    today: todayInSweden(),
    notBefore: { date: assessment.startedOn, what: 'då utredningen startade' },
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const inserted = await session.db
    .insertInto('children_heard')
    .values({
      owner_org_id: assessment.ownerId,
      assessment_id: assessment.id,
      household_member_id: child.id,
      heard_on: input.heardOn,
      note: input.note || null,
      recorded_by: session.actor.userId,
    })
    .onConflict((oc) => oc.columns(['assessment_id', 'household_member_id']).doNothing())
    .returning('household_member_id')
    .executeTakeFirst();
  if (!inserted) throw new RuleViolationError('CHILD_ALREADY_HEARD', `${child.name} är redan hörd i den här utredningen.`);
  await recordAudit(session, [{ action: 'create', entityType: 'ChildHeard', entityId: assessment.id, personId: child.id, purpose: 'utredning: barn hörda' }]);
  return assessment;
}
