import { sql } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import type { OrganisationKind } from '../access/roles.js';
import type { IsoDate } from '../db/tables.js';
import { RuleViolationError, ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { consentGap, type ConsentGap } from './consent-coverage.js';
import { consentSubjectOf } from './consents.js';
import { assertCoordinator, assertParty, changeMeeting, loadConvenedMeeting, meetingPartyIds, type NorrbusMeeting } from './meetings.js';
import { partyCountViolation } from './parties.js';
import { findOwnNorrbusPerson, loadOwnNorrbusPerson } from './persons.js';
import { auditNorrbusReads, organisationKinds, organisationNames, requireConvener, requireNorrbusMember } from './support.js';

/** An organisation called to the meeting by the kallelse. */
export interface Invitation {
  readonly meetingId: string;
  readonly organisationId: string;
  readonly invitedOn: IsoDate;
}

/** The invitations of the meetings the actor may see, audited under the young person. */
export async function loadInvitationsByMeeting(session: Session, meetingIds: readonly string[]): Promise<Invitation[]> {
  requireNorrbusMember(session.actor);
  if (meetingIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('norrbus_invitations as i')
    .innerJoin('norrbus_meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.meeting_id', 'i.organisation_id', 'i.invited_on', 'm.person_id'])
    .where('i.meeting_id', 'in', meetingIds)
    .orderBy('i.invited_on')
    .execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'Invitation', entityId: `${row.meeting_id}/${row.organisation_id}`, personId: row.person_id })), 'Norrbusmöte: kallelse');
  return rows.map((row) => ({ meetingId: row.meeting_id, organisationId: row.organisation_id, invitedOn: row.invited_on }));
}

function gapText(gap: ConsentGap, guardianNames: ReadonlyMap<string, string>): string {
  switch (gap.kind) {
    case 'young_person':
      return gap.withdrawnOn
        ? `den unge återkallade sitt samtycke den ${gap.withdrawnOn} och inget mer får delas`
        : 'den unge har inte samtyckt till att organisationen får ta del av uppgifter';
    case 'no_guardian':
      return 'den unge är under 18 år och ingen vårdnadshavare är registrerad';
    case 'guardians':
      return `vårdnadshavaren ${gap.guardianIds.map((id) => guardianNames.get(id) ?? 'som är registrerad').join(' och ')} har inte samtyckt eller har återkallat sitt samtycke`;
  }
}

function consentMissing(details: readonly string[]): RuleViolationError {
  return new RuleViolationError('NORRBUS_CONSENT_MISSING', `Samtycke saknas: ${details.join('; ')}. Registrera samtycket innan organisationen kallas.`);
}

/**
 * Every invited organisation must be covered by the consent in force on the day, before it sees
 * anything of the young person. The registering organisation checks against the consents
 * themselves, to say what is missing; another (calling a follow-up) asks the database's rule, as it
 * may not read the consents.
 */
export async function assertConsentCovers(session: Session, personId: string, organisationIds: readonly string[], day: IsoDate): Promise<void> {
  if (organisationIds.length === 0) return;
  const names = await organisationNames(session, organisationIds);
  const own = await findOwnNorrbusPerson(session, personId);
  if (own) {
    const subject = await consentSubjectOf(session, own);
    const details = organisationIds.flatMap((id, index) => {
      const gap = consentGap(subject, id, day);
      return gap ? [`${names[index]}: ${gapText(gap, subject.guardianNames)}`] : [];
    });
    if (details.length > 0) throw consentMissing(details);
    return;
  }
  const { rows } = await sql<{ organisation_id: string; covered: boolean }>`
    select o as organisation_id, norrbus_has_consent(${personId}::uuid, o, ${day}::date) as covered
    from unnest(${[...organisationIds]}::uuid[]) as o`.execute(session.db);
  const uncovered = organisationIds.flatMap((id, index) => (rows.find((row) => row.organisation_id === id)?.covered ? [] : [`${names[index]} omfattas inte av samtycket`]));
  if (uncovered.length > 0) throw consentMissing(uncovered);
}

/** The kallelse must state its purpose, so the invited can prepare. */
export function purposeViolation(purpose: string | null | undefined): RuleViolationError | null {
  return purpose?.trim()
    ? null
    : new RuleViolationError('NORRBUS_INVITATION_PURPOSE', 'Kallelsen ska ange syftet med mötet, så att de kallade verksamheterna kan förbereda sig.');
}

/** The party rule over the convener and every invited organisation. */
export async function assertParties(session: Session, partyIds: readonly string[], twoPartyReason: string | null | undefined): Promise<void> {
  const kinds = await organisationKinds(session, partyIds, 'organisationIds');
  const violation = partyCountViolation(
    partyIds.map((id) => kinds.get(id) as OrganisationKind),
    twoPartyReason,
  );
  if (violation) throw violation;
}

export const invitationFields = {
  purpose: z.string().trim().max(2000, { error: 'Syftet får vara högst 2000 tecken.' }).nullish(),
  scheduledAt: z.date({ error: 'Ange dag och tid för mötet.' }),
  location: z.string().trim().max(300, { error: 'Platsen får vara högst 300 tecken.' }).nullish(),
  organisationIds: z.array(z.string().uuid({ error: 'Välj organisationer som finns.' })),
  twoPartyReason: z.string().trim().max(2000, { error: 'Skälet får vara högst 2000 tecken.' }).nullish(),
};

const inviteInput = z.object({
  meetingId: z.string().uuid({ error: 'Mötet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  ...invitationFields,
  /** Required as social services when the young person is placed outside the home. */
  coordinatorOrgId: z.string().uuid().nullish(),
});
export type InviteToNorrbusMeetingInput = z.input<typeof inviteInput>;

/**
 * Sends the kallelse: purpose, time and the organisations invited (added to any invited before).
 * Refused without a purpose, with fewer than two parties, with two and no reason, with a
 * coordinator other than social services for a young person placed outside the home, or when an
 * invited organisation is not covered by the consent in force today.
 */
export async function inviteToNorrbusMeeting(session: Session, rawInput: InviteToNorrbusMeetingInput): Promise<NorrbusMeeting> {
  requireConvener(session.actor);
  const input = parseInput(inviteInput, rawInput);
  const meeting = await loadConvenedMeeting(session, input.meetingId);
  if (meeting.status !== 'planned' && meeting.status !== 'invited') {
    throw new RuleViolationError('NORRBUS_MEETING_CLOSED', 'Mötet är redan hållet eller inställt. Kalla till ett uppföljande möte i stället.');
  }
  const purposeMissing = purposeViolation(input.purpose);
  if (purposeMissing) throw purposeMissing;
  if (todayInSweden(input.scheduledAt) < meeting.initiatedOn) throw new ValidationError([{ path: 'scheduledAt', message: `Mötet kan inte hållas före initiativet (${meeting.initiatedOn}).` }]);
  const invitedBefore = await meetingPartyIds(session, meeting);
  const newlyInvited = [...new Set(input.organisationIds)].filter((id) => !invitedBefore.includes(id));
  const parties = [...invitedBefore, ...newlyInvited];
  await assertParties(session, parties, input.twoPartyReason);
  const person = await loadOwnNorrbusPerson(session, meeting.personId);
  const coordinatorOrgId = input.coordinatorOrgId === undefined ? meeting.coordinatorOrgId : input.coordinatorOrgId;
  if (coordinatorOrgId) assertParty(parties, coordinatorOrgId, 'coordinatorOrgId', 'Samordnaren');
  await assertCoordinator(session, person, coordinatorOrgId);
  const today = todayInSweden();
  const invited = parties.filter((id) => id !== meeting.ownerId);
  await assertConsentCovers(session, person.id, invited, today);
  const updated = await changeMeeting(
    session,
    meeting,
    input.expectedVersion,
    {
      purpose: input.purpose!,
      scheduled_at: input.scheduledAt,
      location: input.location || null,
      two_party_reason: input.twoPartyReason || null,
      coordinator_org_id: coordinatorOrgId,
      status: 'invited',
    },
    'Norrbusmöte: kallelse',
    newlyInvited.map((id) => ({ action: 'create' as const, entityType: 'Invitation', entityId: `${meeting.id}/${id}`, personId: person.id, purpose: 'Norrbusmöte: kallelse' })),
  );
  if (newlyInvited.length > 0) {
    await session.db
      .insertInto('norrbus_invitations')
      .values(newlyInvited.map((id) => ({ meeting_id: meeting.id, organisation_id: id, owner_org_id: session.actor.organisationId, invited_on: today })))
      .execute();
  }
  return updated;
}
