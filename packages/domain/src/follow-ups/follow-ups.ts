import { z } from 'zod';
import { hasRole, requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { assertNotInFuture, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { doneByChild, loadCareRecords, loadFollowUpsDone, type CareRecord } from './care-records.js';
import { FOLLOW_UP_KIND_TITLES, FOLLOW_UP_KINDS, loadFollowUpPolicies, requireMunicipality, type FollowUpPolicy } from './policy.js';
import { currentCare, followUpKindsFor, followUpSchedule, type DueFollowUp, type FollowUpDone, type FollowUpLegalBasis } from './schedule.js';

/** A child's follow-up schedule: what was done and what falls due next. */
export interface ChildFollowUps {
  readonly childId: string;
  readonly items: readonly DueFollowUp[];
}

/** Who follows a placed child up: the placing municipality's social workers and heads of unit. */
export const FOLLOW_UP_WORKERS = ['child_social_worker', 'head_of_unit'] as const;

const AUDIT_PURPOSE = 'uppföljning av placering';

function scheduleOf(record: CareRecord, done: readonly FollowUpDone[], policies: readonly FollowUpPolicy[], today: IsoDate): ChildFollowUps {
  return { childId: record.childId, items: followUpSchedule({ placements: record.placements, done, policies, today }) };
}

/**
 * The follow-up schedules of the acting municipality's children among `childIds` (others are left
 * out), in three statements whatever their number, and the read audited per child.
 */
export async function loadFollowUpSchedules(session: Session, childIds: readonly string[], today: IsoDate = todayInSweden()): Promise<ChildFollowUps[]> {
  requireRole(session.actor, ...FOLLOW_UP_WORKERS);
  requireMunicipality(session.actor);
  const records = await loadCareRecords(session, { childIds });
  if (records.length === 0) return [];
  const done = doneByChild(records, await loadFollowUpsDone(session, records.flatMap((record) => record.placements.map((p) => p.id))));
  const policies = await loadFollowUpPolicies(session);
  await recordAudit(session, records.map((record) => ({ action: 'read' as const, entityType: 'Child', entityId: record.childId, personId: record.childId, purpose: AUDIT_PURPOSE })));
  return records.map((record) => scheduleOf(record, done.get(record.childId)!, policies, today));
}

const LEGAL_BASIS_TITLES: Record<FollowUpLegalBasis | 'none', string> = {
  sol: 'socialtjänstlagen (SoL)',
  lvu_2: '2 § LVU',
  lvu_3: '3 § LVU',
  none: 'en placering utan registrerat beslut',
};

const recordFollowUpInput = z
  .object({
    childId: z.string({ error: 'Ange barnet.' }).uuid({ error: 'Ange barnet.' }),
    kind: z.enum(FOLLOW_UP_KINDS, { error: 'Välj vilken uppföljning som gjorts.' }),
    dueOn: isoDate,
    doneOn: isoDate,
    talkedAlone: z.boolean().nullish(),
    note: z.string().trim().max(4000, { error: 'Anteckningen får vara högst 4000 tecken.' }).nullish(),
  })
  .refine((input) => input.kind !== 'visit' || typeof input.talkedAlone === 'boolean', {
    error: 'Ange om du talade enskilt med barnet vid besöket.',
    path: ['talkedAlone'],
  });
export type RecordFollowUpInput = z.input<typeof recordFollowUpInput>;

/**
 * Records a follow-up done, against the due date it answered: the open item of its kind in the
 * child's schedule (the caller names the due date it saw, so two workers cannot both answer it).
 * Only the child's own social worker or a head of unit of the placing municipality records it,
 * only kinds the care calls for, and only on a day within the period it answers.
 */
export async function recordFollowUp(session: Session, rawInput: RecordFollowUpInput, today: IsoDate = todayInSweden()): Promise<ChildFollowUps> {
  requireRole(session.actor, ...FOLLOW_UP_WORKERS);
  requireMunicipality(session.actor);
  const input = parseInput(recordFollowUpInput, rawInput);
  assertNotInFuture(input.doneOn, 'doneOn');
  const [record] = await loadCareRecords(session, { childIds: [input.childId] });
  if (!record) throw new NotFoundError('Barnet');
  if (!hasRole(session.actor, 'head_of_unit') && record.workerId !== session.actor.userId) {
    throw new ForbiddenError('Bara barnets socialsekreterare eller en enhetschef kan registrera uppföljningar av barnet.');
  }
  const care = currentCare(record.placements);
  const latest = care.at(-1)!;
  const title = FOLLOW_UP_KIND_TITLES[input.kind];
  if (!followUpKindsFor(latest.legalBasis).includes(input.kind)) {
    throw new RuleViolationError('FOLLOW_UP_KIND_NOT_APPLICABLE', `${capitalised(title)} gäller inte vård enligt ${LEGAL_BASIS_TITLES[latest.legalBasis ?? 'none']}.`);
  }
  const done = await loadFollowUpsDone(session, record.placements.map((p) => p.id));
  const policies = await loadFollowUpPolicies(session);
  const open = scheduleOf(record, done, policies, today).items.find((item) => item.kind === input.kind && item.done === null);
  if (!open) throw new RuleViolationError('FOLLOW_UP_NOT_DUE', `Det finns ingen uppföljning (${title}) att registrera: vården upphörde ${latest.endedOn}.`);
  if (open.dueOn !== input.dueOn) {
    throw new RuleViolationError('FOLLOW_UP_ALREADY_ANSWERED', `Nästa uppföljning (${title}) förfaller ${open.dueOn}, inte ${input.dueOn}; någon kan redan ha registrerat den. Ladda om och försök igen.`);
  }
  if (input.doneOn < open.countedFrom!) {
    throw new ValidationError([{ path: 'doneOn', message: `Datumet ligger före ${open.countedFrom}, som uppföljningen (${title}) räknas från.` }]);
  }
  if (latest.endedOn !== null && input.doneOn >= latest.endedOn) {
    throw new ValidationError([{ path: 'doneOn', message: `Vården upphörde ${latest.endedOn}; ange ett datum före det.` }]);
  }
  // Stored with the placement the child was in that day: after a move, an earlier visit stays with the old home.
  const placement = care.filter((p) => p.startsOn <= input.doneOn).at(-1) ?? care[0]!;
  const row = await session.db
    .insertInto('follow_ups')
    .values({
      owner_org_id: session.actor.organisationId,
      placement_id: placement.id,
      kind: input.kind,
      due_on: open.dueOn,
      done_on: input.doneOn,
      talked_alone: input.kind === 'visit' ? input.talkedAlone! : null,
      note: input.note || null,
      recorded_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'FollowUp', entityId: row.id, personId: record.childId, purpose: AUDIT_PURPOSE }]);
  const recorded: FollowUpDone = {
    id: row.id,
    placementId: placement.id,
    kind: input.kind,
    dueOn: open.dueOn,
    doneOn: input.doneOn,
    doneById: session.actor.userId,
    doneByName: session.actor.displayName,
    talkedAlone: input.kind === 'visit' ? input.talkedAlone! : null,
    note: input.note || null,
  };
  return scheduleOf(record, [...done, recorded], policies, today);
}

function capitalised(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
