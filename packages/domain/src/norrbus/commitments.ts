import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import type { IsoDate, NorrbusCommitmentsTable } from '../db/tables.js';
import { RuleViolationError, ValidationError } from '../errors.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { changeMeeting, loadConvenedMeeting, meetingPartyIds, type NorrbusMeeting } from './meetings.js';
import { planCompletenessViolation } from './plan-completeness.js';
import { auditNorrbusReads, organisationNames, requireConvener, requireNorrbusMember } from './support.js';

/** What the follow-up found: done, partly done, not done. */
export const COMMITMENT_OUTCOMES = ['done', 'partly_done', 'not_done'] as const;
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number];

/**
 * An åtagande in the meeting's plan: which organisation is responsible, what intervention, its
 * extent, who performs it, and how and when it is followed up; the outcome once followed up.
 */
export interface Commitment {
  readonly id: string;
  readonly meetingId: string;
  /** The young person of the meeting (for the audit and the participant's view). */
  readonly personId: string;
  readonly responsibleOrgId: string;
  readonly intervention: string;
  readonly extent: string;
  readonly performer: string;
  readonly followUpMethod: string;
  readonly followUpOn: IsoDate;
  readonly outcome: CommitmentOutcome | null;
  readonly outcomeOn: IsoDate | null;
  /** The follow-up meeting that recorded the outcome. */
  readonly outcomeMeetingId: string | null;
  readonly outcomeNote: string | null;
  readonly version: number;
}

export const commitmentColumns = [
  'c.id',
  'c.meeting_id',
  'm.person_id',
  'c.responsible_org_id',
  'c.intervention',
  'c.extent',
  'c.performer',
  'c.follow_up_method',
  'c.follow_up_on',
  'c.outcome',
  'c.outcome_on',
  'c.outcome_meeting_id',
  'c.outcome_note',
  'c.version',
] as const;

export type CommitmentRow = Pick<
  Selectable<NorrbusCommitmentsTable>,
  'id' | 'meeting_id' | 'responsible_org_id' | 'intervention' | 'extent' | 'performer' | 'follow_up_method' | 'follow_up_on' | 'outcome' | 'outcome_on' | 'outcome_meeting_id' | 'outcome_note' | 'version'
> & { person_id: string };

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    personId: row.person_id,
    responsibleOrgId: row.responsible_org_id,
    intervention: row.intervention,
    extent: row.extent,
    performer: row.performer,
    followUpMethod: row.follow_up_method,
    followUpOn: row.follow_up_on,
    outcome: row.outcome as CommitmentOutcome | null,
    outcomeOn: row.outcome_on,
    outcomeMeetingId: row.outcome_meeting_id,
    outcomeNote: row.outcome_note,
    version: row.version,
  };
}

/** The commitments with the meeting they belong to, as the actor may see them (RLS on both). */
export function commitmentsQuery(session: Session) {
  return session.db.selectFrom('norrbus_commitments as c').innerJoin('norrbus_meetings as m', 'm.id', 'c.meeting_id').select(commitmentColumns);
}

export function auditCommitmentReads(session: Session, rows: readonly CommitmentRow[], purpose: string): Promise<void> {
  return auditNorrbusReads(session, rows.map((row) => ({ entityType: 'Commitment', entityId: row.id, personId: row.person_id })), purpose);
}

/** The plans of the meetings, each plan by follow-up date (one plan's åtaganden share their time of writing), each read audited. */
export async function loadCommitmentsByMeeting(session: Session, meetingIds: readonly string[]): Promise<Commitment[]> {
  requireNorrbusMember(session.actor);
  if (meetingIds.length === 0) return [];
  const rows = await commitmentsQuery(session).where('c.meeting_id', 'in', meetingIds).orderBy('c.created_at').orderBy('c.follow_up_on').orderBy('c.intervention').orderBy('c.id').execute();
  await auditCommitmentReads(session, rows, 'Norrbusmöte: åtaganden');
  return rows.map(toCommitment);
}

export async function loadCommitments(session: Session, ids: readonly string[]): Promise<Commitment[]> {
  requireNorrbusMember(session.actor);
  if (ids.length === 0) return [];
  const rows = await commitmentsQuery(session).where('c.id', 'in', ids).execute();
  await auditCommitmentReads(session, rows, 'Norrbusmöte: åtaganden');
  return rows.map(toCommitment);
}

// Loose at first, so a plan with a missing part is refused by the plan rule (naming every gap) rather than field by field.
const looseText = z.string().trim().max(2000, { error: 'Texten får vara högst 2000 tecken.' }).nullish();
const documentInput = z.object({
  meetingId: z.string().uuid({ error: 'Mötet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  commitments: z
    .array(z.object({ responsibleOrgId: looseText, intervention: looseText, extent: looseText, performer: looseText, followUpMethod: looseText, followUpOn: looseText }))
    .min(1, { error: 'Planen behöver minst ett åtagande.' }),
});
export type DocumentNorrbusCommitmentsInput = z.input<typeof documentInput>;
const completeCommitment = z.object({ responsibleOrgId: z.string().uuid({ error: 'Välj ansvarig organisation.' }), followUpOn: isoDate });

/**
 * Documents the åtaganden decided at the meeting, all or nothing: one åtagande without a
 * responsible organisation, follow-up date or any other part refuses the whole plan. Each
 * responsible organisation must be a party of the meeting.
 */
export async function documentNorrbusCommitments(session: Session, rawInput: DocumentNorrbusCommitmentsInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(documentInput, rawInput);
  const meeting = await loadConvenedMeeting(session, input.meetingId);
  if (meeting.status !== 'held') {
    throw new RuleViolationError('NORRBUS_MEETING_NOT_HELD', 'Åtagandena dokumenteras från mötet: registrera först att mötet har hållits.');
  }
  const incomplete = planCompletenessViolation(input.commitments);
  if (incomplete) throw incomplete;
  const plan = input.commitments.map((commitment, index) => ({ ...commitment, ...parseInput(completeCommitment, commitment), index }));
  const parties = await meetingPartyIds(session, meeting);
  const outsiders = [...new Set(plan.map((c) => c.responsibleOrgId).filter((id) => !parties.includes(id)))];
  if (outsiders.length > 0) {
    throw new RuleViolationError(
      'NORRBUS_RESPONSIBLE_NOT_PARTY',
      `Ansvaret för ett åtagande ligger hos en part i mötet. ${(await organisationNames(session, outsiders)).join(', ')} är inte kallad.`,
    );
  }
  for (const commitment of plan) {
    if (commitment.followUpOn < meeting.heldOn!) {
      throw new ValidationError([{ path: `commitments.${commitment.index}.followUpOn`, message: `Uppföljningen kan inte ske före mötet (${meeting.heldOn}).` }]);
    }
  }
  const inserted = await session.db
    .insertInto('norrbus_commitments')
    .values(
      plan.map((c) => ({
        meeting_id: meeting.id,
        owner_org_id: session.actor.organisationId,
        responsible_org_id: c.responsibleOrgId,
        intervention: c.intervention!,
        extent: c.extent!,
        performer: c.performer!,
        follow_up_method: c.followUpMethod!,
        follow_up_on: c.followUpOn,
      })),
    )
    .returning('id')
    .execute();
  return changeMeeting(
    session,
    meeting,
    input.expectedVersion,
    {},
    'Norrbusmöte: åtaganden dokumenterade',
    inserted.map((c) => ({ action: 'create' as const, entityType: 'Commitment', entityId: c.id, personId: meeting.personId, purpose: 'Norrbusmöte: åtagande' })),
  );
}
