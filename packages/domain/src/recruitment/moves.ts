import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { RuleViolationError } from '../errors.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { recruitmentNote } from './inquiries.js';
import { LEAVING_REASONS, nextStep, SCREENING_RESULTS, type PipelineCommand } from './pipeline.js';
import { getRecruitment, RECRUITERS, recordPipelineTransition, type Recruitment } from './recruitments.js';

/** What every move of a family carries: which family, the version the user saw, the day, a note. */
const moveFields = {
  recruitmentId: z.string({ error: 'Rekryteringen finns inte.' }).uuid({ error: 'Rekryteringen finns inte.' }),
  expectedVersion: z.number({ error: 'Ange versionen du läste.' }).int().positive(),
  occurredOn: isoDate,
  note: recruitmentNote,
};
const moveInput = z.object(moveFields);
export type RecruitmentMoveInput = z.input<typeof moveInput>;

async function move(session: Session, input: z.output<typeof moveInput>, command: PipelineCommand): Promise<Recruitment> {
  return recordPipelineTransition(session, {
    recruitmentId: input.recruitmentId,
    expectedVersion: input.expectedVersion,
    command,
    occurredOn: input.occurredOn,
    note: input.note || null,
  });
}

/**
 * Moves the family to the next step, signed and dated. From the assessment the way on is to send
 * the assessment for decision, which checks it first: it cannot be done here.
 */
export async function advanceRecruitment(session: Session, rawInput: RecruitmentMoveInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(moveInput, rawInput);
  const current = await getRecruitment(session, input.recruitmentId);
  if (current.step === 'assessment' && current.leftOn === null) {
    throw new RuleViolationError(
      'ASSESSMENT_SENDS_FOR_DECISION',
      'Utredningen går till beslut när den lämnas för beslut: öppna utredningen och skicka den för beslut där, så kontrolleras den först.',
    );
  }
  // At the decision and after it there is no next step; the state machine says why.
  return move(session, input, { type: 'advance', to: nextStep(current.step) ?? current.step });
}

export async function pauseRecruitment(session: Session, rawInput: RecruitmentMoveInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  return move(session, parseInput(moveInput, rawInput), { type: 'pause' });
}

export async function resumeRecruitment(session: Session, rawInput: RecruitmentMoveInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  return move(session, parseInput(moveInput, rawInput), { type: 'resume' });
}

const leaveInput = z
  .object({ ...moveFields, reason: z.enum(LEAVING_REASONS, { error: 'Ange varför familjen lämnar rekryteringen.' }) })
  .refine((input) => input.reason !== 'other' || Boolean(input.note), { error: 'Beskriv orsaken i anteckningen när du väljer annan orsak.', path: ['note'] });
export type LeaveRecruitmentInput = z.input<typeof leaveInput>;

/**
 * The family leaves the recruitment, with a reason. A family that was applying to become a home
 * is then no home at all: its register entry is closed.
 */
export async function leaveRecruitment(session: Session, rawInput: LeaveRecruitmentInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(leaveInput, rawInput);
  const left = await move(session, input, { type: 'leave', reason: input.reason });
  if (left.purpose === 'new_home') {
    const closed = await session.db
      .updateTable('foster_homes')
      .set({ status: 'closed', version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', left.fosterHomeId)
      .where('status', '=', 'recruiting')
      .returning('id')
      .executeTakeFirst();
    if (closed) await recordAudit(session, [{ action: 'update', entityType: 'FosterHome', entityId: closed.id, purpose: 'status' }]);
  }
  return left;
}

const screeningInput = z.object({ ...moveFields, result: z.enum(SCREENING_RESULTS, { error: 'Ange resultatet av BRA-Fam-screeningen.' }) });
export type RecordScreeningInput = z.input<typeof screeningInput>;

/** Records a BRA-Fam screening result, at the inquiry or the information meeting. */
export async function recordScreening(session: Session, rawInput: RecordScreeningInput): Promise<Recruitment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(screeningInput, rawInput);
  return move(session, input, { type: 'screen', result: input.result });
}
