import { sql } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { norrbusAgeViolation } from './age-limit.js';
import { COMMITMENT_OUTCOMES, commitmentsQuery } from './commitments.js';
import { assertConsentCovers, assertParties, invitationFields, purposeViolation } from './invitations.js';
import {
  assertCoordinator,
  heldMeetingInput,
  holdMeeting,
  loadConvenedMeeting,
  meetingColumns,
  meetingPartyIds,
  toNorrbusMeeting,
  type NorrbusMeeting,
} from './meetings.js';
import { requireConvener } from './support.js';

const callInput = z.object({
  meetingId: z.string().uuid({ error: 'Mötet finns inte.' }),
  ...invitationFields,
  /** Without it, the parties of the meeting followed up are invited again. */
  organisationIds: invitationFields.organisationIds.nullish(),
});
export type CallNorrbusFollowUpInput = z.input<typeof callInput>;

/**
 * Calls the uppföljande möte of a held meeting: by its convener, or by the party the meeting named
 * to take over. The follow-up is a meeting of its own (owned by whoever calls it), invited at once
 * under the same rules as any kallelse: purpose, parties, coordinator and consent in force.
 */
export async function callNorrbusFollowUp(session: Session, rawInput: CallNorrbusFollowUpInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(callInput, rawInput);
  const row = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('id', '=', input.meetingId).executeTakeFirst();
  if (!row) throw new NotFoundError('Norrbusmötet');
  const followed = toNorrbusMeeting(row);
  const caller = session.actor.organisationId;
  if (caller !== (followed.followUpConvenerOrgId ?? followed.ownerId)) {
    throw new ForbiddenError('Uppföljande möte kallas av den sammankallande, eller av den part som mötet utsåg att ta över.');
  }
  if (followed.status !== 'held') throw new RuleViolationError('NORRBUS_MEETING_NOT_HELD', 'Det går att kalla till uppföljning först när mötet har hållits.');
  const purposeMissing = purposeViolation(input.purpose);
  if (purposeMissing) throw purposeMissing;
  const person = await session.db.selectFrom('norrbus_persons').select(['id', 'birth_date', 'placed_outside_home']).where('id', '=', followed.personId).executeTakeFirst();
  if (!person) throw new NotFoundError('Den unge');
  const today = todayInSweden();
  const tooOld = norrbusAgeViolation(person.birth_date, today);
  if (tooOld) throw tooOld;
  if (todayInSweden(input.scheduledAt) < today) throw new ValidationError([{ path: 'scheduledAt', message: 'Det uppföljande mötet kan inte kallas till en dag som redan har varit.' }]);
  const invited = [...new Set(input.organisationIds ?? (await meetingPartyIds(session, followed)))].filter((id) => id !== caller);
  await assertParties(session, [caller, ...invited], input.twoPartyReason);
  const coordinatorOrgId = followed.coordinatorOrgId && [caller, ...invited].includes(followed.coordinatorOrgId) ? followed.coordinatorOrgId : null;
  await assertCoordinator(session, { placedOutsideHome: person.placed_outside_home }, coordinatorOrgId);
  await assertConsentCovers(session, person.id, invited, today);
  const created = await session.db
    .insertInto('norrbus_meetings')
    .values({
      owner_org_id: caller,
      person_id: person.id,
      follow_up_of_id: followed.id,
      initiated_on: today,
      initiative_reason: `Uppföljning av Norrbusmötet den ${followed.heldOn}.`,
      purpose: input.purpose!,
      scheduled_at: input.scheduledAt,
      location: input.location || null,
      two_party_reason: input.twoPartyReason || null,
      status: 'invited',
      coordinator_org_id: coordinatorOrgId,
      created_by: session.actor.userId,
    })
    .returning(meetingColumns)
    .executeTakeFirstOrThrow();
  if (invited.length > 0) {
    await session.db
      .insertInto('norrbus_invitations')
      .values(invited.map((id) => ({ meeting_id: created.id, organisation_id: id, owner_org_id: caller, invited_on: today })))
      .execute();
  }
  await recordAudit(session, [
    { action: 'create', entityType: 'NorrbusMeeting', entityId: created.id, personId: person.id, purpose: 'Norrbus: uppföljande möte' },
    ...invited.map((id) => ({ action: 'create' as const, entityType: 'Invitation', entityId: `${created.id}/${id}`, personId: person.id, purpose: 'Norrbusmöte: kallelse' })),
  ]);
  return toNorrbusMeeting(created);
}

const recordFollowUpInput = heldMeetingInput.extend({
  outcomes: z.array(
    z.object({
      commitmentId: z.string().uuid({ error: 'Åtagandet finns inte.' }),
      outcome: z.enum(COMMITMENT_OUTCOMES, { error: 'Ange om åtagandet är genomfört, delvis genomfört eller inte genomfört.' }),
      note: z.string().trim().max(2000, { error: 'Kommentaren får vara högst 2000 tecken.' }).nullish(),
    }),
  ),
});
export type RecordNorrbusFollowUpInput = z.input<typeof recordFollowUpInput>;

/**
 * Records the follow-up meeting as held, and for each åtagande of the meeting it follows up whether
 * it was done, partly done or not done. An åtagande with an outcome leaves the open list.
 */
export async function recordNorrbusFollowUp(session: Session, rawInput: RecordNorrbusFollowUpInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(recordFollowUpInput, rawInput);
  const meeting = await loadConvenedMeeting(session, input.meetingId);
  if (!meeting.followUpOfId) throw new RuleViolationError('NORRBUS_NOT_A_FOLLOW_UP', 'Utfall av åtaganden registreras på det uppföljande mötet.');
  const ids = input.outcomes.map((o) => o.commitmentId);
  if (new Set(ids).size !== ids.length) throw new ValidationError([{ path: 'outcomes', message: 'Samma åtagande står två gånger.' }]);
  const commitments = ids.length === 0 ? [] : await commitmentsQuery(session).where('c.id', 'in', ids).execute();
  input.outcomes.forEach((outcome, index) => {
    const commitment = commitments.find((c) => c.id === outcome.commitmentId);
    if (!commitment || commitment.meeting_id !== meeting.followUpOfId) {
      throw new ValidationError([{ path: `outcomes.${index}.commitmentId`, message: 'Åtagandet hör inte till mötet som följs upp.' }]);
    }
    if (commitment.outcome) {
      throw new RuleViolationError('NORRBUS_OUTCOME_ALREADY_RECORDED', `Åtagandet "${commitment.intervention}" följdes redan upp den ${commitment.outcome_on}.`);
    }
  });
  const held = await holdMeeting(
    session,
    meeting,
    input,
    input.outcomes.map((o) => ({ action: 'update' as const, entityType: 'Commitment', entityId: o.commitmentId, personId: meeting.personId, purpose: `Norrbus: utfall ${o.outcome}` })),
  );
  for (const outcome of input.outcomes) {
    await session.db
      .updateTable('norrbus_commitments')
      .set({ outcome: outcome.outcome, outcome_on: input.heldOn, outcome_meeting_id: meeting.id, outcome_note: outcome.note || null, version: sql`version + 1` })
      .where('id', '=', outcome.commitmentId)
      .where('outcome', 'is', null)
      .execute();
  }
  return held;
}
