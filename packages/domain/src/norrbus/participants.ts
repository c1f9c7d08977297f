import { z } from 'zod';
import { hasRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { parseInput, requiredText } from '../shared/validation.js';
import { meetingColumns, meetingPartyIds, toNorrbusMeeting, type NorrbusMeeting } from './meetings.js';
import { auditNorrbusReads, requireNorrbusMember } from './support.js';

/** Someone taking part in the meeting: a professional with their organisation's mandate, or the young person or a guardian. */
export interface Participant {
  readonly id: string;
  readonly meetingId: string;
  /** Null for the young person and the guardians. */
  readonly organisationId: string | null;
  readonly name: string;
  readonly role: string;
  /** What the participant may decide on for their organisation (mandat). */
  readonly mandate: string | null;
}

/** The participants of the meetings the actor may see, each read audited under the young person. */
export async function loadParticipantsByMeeting(session: Session, meetingIds: readonly string[]): Promise<Participant[]> {
  requireNorrbusMember(session.actor);
  if (meetingIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('norrbus_participants as p')
    .innerJoin('norrbus_meetings as m', 'm.id', 'p.meeting_id')
    .select(['p.id', 'p.meeting_id', 'p.organisation_id', 'p.name', 'p.role', 'p.mandate', 'm.person_id'])
    .where('p.meeting_id', 'in', meetingIds)
    .orderBy('p.organisation_id')
    .orderBy('p.name')
    .execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'Participant', entityId: row.id, personId: row.person_id })), 'Norrbusmöte: deltagare');
  return rows.map((row) => ({ id: row.id, meetingId: row.meeting_id, organisationId: row.organisation_id, name: row.name, role: row.role, mandate: row.mandate }));
}

const addParticipantsInput = z.object({
  meetingId: z.string().uuid({ error: 'Mötet finns inte.' }),
  participants: z
    .array(
      z.object({
        organisationId: z.string().uuid({ error: 'Välj organisation.' }).nullish(),
        name: requiredText('Namn', 200),
        role: requiredText('Roll', 200),
        mandate: z.string().trim().max(1000, { error: 'Mandatet får vara högst 1000 tecken.' }).nullish(),
      }),
    )
    .min(1, { error: 'Ange minst en deltagare.' }),
});
export type AddNorrbusParticipantsInput = z.input<typeof addParticipantsInput>;

/**
 * Adds participants: the convener adds anyone of the parties (and the young person and guardians);
 * an invited organisation adds its own people. Each professional comes with a mandate to decide on
 * interventions.
 */
export async function addNorrbusParticipants(session: Session, rawInput: AddNorrbusParticipantsInput): Promise<NorrbusMeeting> {
  requireNorrbusMember(session.actor);
  const input = parseInput(addParticipantsInput, rawInput);
  const row = await session.db.selectFrom('norrbus_meetings').select(meetingColumns).where('id', '=', input.meetingId).executeTakeFirst();
  if (!row) throw new NotFoundError('Norrbusmötet');
  const meeting = toNorrbusMeeting(row);
  if (meeting.status === 'cancelled') throw new RuleViolationError('NORRBUS_MEETING_CANCELLED', 'Mötet är inställt.');
  const convening = meeting.ownerId === session.actor.organisationId;
  if (convening && !hasRole(session.actor, 'norrbus_convener')) throw new ForbiddenError('Bara en sammankallande i Norrbus kan göra detta.');
  const parties = await meetingPartyIds(session, meeting);
  input.participants.forEach((participant, index) => {
    const organisationId = participant.organisationId ?? null;
    if (!convening && organisationId !== session.actor.organisationId) {
      throw new ForbiddenError('En kallad organisation registrerar bara sina egna deltagare.');
    }
    if (organisationId && !parties.includes(organisationId)) {
      throw new ValidationError([{ path: `participants.${index}.organisationId`, message: 'Deltagaren ska komma från den sammankallande eller en kallad organisation.' }]);
    }
    if (organisationId && !participant.mandate) {
      throw new ValidationError([{ path: `participants.${index}.mandate`, message: `Ange ${participant.name}s mandat att besluta om insatser för sin organisation.` }]);
    }
  });
  const inserted = await session.db
    .insertInto('norrbus_participants')
    .values(
      input.participants.map((p) => ({
        meeting_id: meeting.id,
        owner_org_id: session.actor.organisationId,
        organisation_id: p.organisationId ?? null,
        name: p.name,
        role: p.role,
        mandate: p.mandate || null,
      })),
    )
    .returning('id')
    .execute();
  await recordAudit(session, inserted.map((p) => ({ action: 'create' as const, entityType: 'Participant', entityId: p.id, personId: meeting.personId, purpose: 'Norrbusmöte: deltagare' })));
  return meeting;
}
