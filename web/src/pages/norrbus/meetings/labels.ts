import type { OrganisationKind } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import type { Commitment, CommitmentOutcome, ConsentGiver, NorrbusGender, NorrbusMeetingStatus, PartyOrganisation, PersonName } from './types';

export const GENDER_LABELS: Record<NorrbusGender, string> = { GIRL: 'Flicka', BOY: 'Pojke', OTHER: 'Annan könsidentitet' };

export const MEETING_STATUS_LABELS: Record<NorrbusMeetingStatus, string> = {
  PLANNED: 'Initiativ taget',
  INVITED: 'Kallat',
  HELD: 'Hållet',
  CANCELLED: 'Inställt',
};

export const OUTCOME_LABELS: Record<CommitmentOutcome, string> = { DONE: 'Genomfört', PARTLY_DONE: 'Delvis genomfört', NOT_DONE: 'Inte genomfört' };

export const CONSENT_GIVER_LABELS: Record<ConsentGiver, string> = { YOUNG_PERSON: 'Den unge', GUARDIAN: 'Vårdnadshavare' };

/** The kinds of organisation that take part in Norrbusmöten: school, social services, health care. */
const PARTY_KINDS: ReadonlySet<OrganisationKind> = new Set(['SCHOOL_UNIT', 'PRIVATE_SCHOOL', 'SOCIAL_SERVICES_UNIT', 'PRIMARY_CARE_UNIT', 'SPECIALIST_CARE_UNIT', 'PRIVATE_CARE_PROVIDER']);

/** The parties of the viewer's county (the county of the viewer's own organisation), by name. */
export function partyOrganisations(organisations: readonly PartyOrganisation[], viewerOrganisationId: string): PartyOrganisation[] {
  const county = organisations.find((o) => o.id === viewerOrganisationId)?.county ?? null;
  return organisations.filter((o) => PARTY_KINDS.has(o.kind) && (county === null || o.county === county)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

export function municipalitiesOf(organisations: readonly PartyOrganisation[], viewerOrganisationId: string): PartyOrganisation[] {
  const county = organisations.find((o) => o.id === viewerOrganisationId)?.county ?? null;
  return organisations.filter((o) => o.kind === 'MUNICIPALITY' && (county === null || o.county === county)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The young person's name, or why it is not shown. */
export function personName(person: Pick<PersonName, 'givenName' | 'familyName'> | null): string {
  return person ? `${person.givenName} ${person.familyName}` : 'Uppgifterna visas inte (samtycke saknas)';
}

/** An open åtagande's place in time, in words: overdue is said, not only coloured. */
export function dueText(commitment: Pick<Commitment, 'daysOverdue' | 'outcome'>): string {
  if (commitment.outcome || commitment.daysOverdue === null) return '';
  if (commitment.daysOverdue > 0) return `Försenat ${commitment.daysOverdue} ${commitment.daysOverdue === 1 ? 'dag' : 'dagar'}`;
  if (commitment.daysOverdue === 0) return 'I dag';
  return `Om ${-commitment.daysOverdue} ${commitment.daysOverdue === -1 ? 'dag' : 'dagar'}`;
}

export function meetingTime(meeting: { scheduledAt: string | null; heldOn: string | null }): string {
  if (meeting.heldOn) return `Hölls ${meeting.heldOn}`;
  return meeting.scheduledAt ? formatDateTime(meeting.scheduledAt) : 'Inte bestämd';
}

/** A date and time of day in Swedish local time as an ISO timestamp with the right offset (summer or winter time). */
export function swedishDateTime(date: string, time: string): string {
  const offset =
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${date}T${time}:00${offset}`;
}
