// TypeScript mirrors of the parts of the Norrbus meeting schema these pages use.
import type { OrganisationKind } from '../../../api/types';

export type NorrbusGender = 'GIRL' | 'BOY' | 'OTHER';
export type NorrbusMeetingStatus = 'PLANNED' | 'INVITED' | 'HELD' | 'CANCELLED';
export type CommitmentOutcome = 'DONE' | 'PARTLY_DONE' | 'NOT_DONE';
export type ConsentGiver = 'YOUNG_PERSON' | 'GUARDIAN';

export interface NamedOrganisation {
  id: string;
  name: string;
}

/** An organisation to name in a consent or a kallelse. */
export interface PartyOrganisation extends NamedOrganisation {
  kind: OrganisationKind;
  county: string | null;
}

export interface PersonName {
  id: string;
  givenName: string;
  familyName: string;
}

export interface Consent {
  id: string;
  givenBy: ConsentGiver;
  guardianName: string | null;
  givenOn: string;
  limitation: string | null;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
  inForce: boolean;
  organisations: Array<{ organisation: NamedOrganisation; information: string }>;
}

export interface NorrbusPerson extends PersonName {
  personalIdentityNumber: string | null;
  birthDate: string;
  age: number;
  gender: NorrbusGender;
  placedOutsideHome: boolean;
  registeredByViewer: boolean;
  municipality: NamedOrganisation;
  guardians: Array<{ id: string; name: string }>;
  consents: Consent[];
  version: number;
}

export interface Commitment {
  id: string;
  intervention: string;
  extent: string;
  performer: string;
  followUpMethod: string;
  followUpOn: string;
  outcome: CommitmentOutcome | null;
  outcomeOn: string | null;
  outcomeNote: string | null;
  daysOverdue: number | null;
  overdue: boolean;
  responsibleOrganisation: NamedOrganisation;
}

export interface Participant {
  id: string;
  organisation: NamedOrganisation | null;
  name: string;
  role: string;
  mandate: string | null;
}

export interface MeetingListItem {
  id: string;
  status: NorrbusMeetingStatus;
  initiatedOn: string;
  scheduledAt: string | null;
  heldOn: string | null;
  location: string | null;
  convener: NamedOrganisation;
  person: PersonName | null;
  followUpOf: { id: string } | null;
}

export interface NorrbusMeeting extends MeetingListItem {
  version: number;
  convenedByViewer: boolean;
  canCallFollowUp: boolean;
  initiativeReason: string;
  purpose: string | null;
  twoPartyReason: string | null;
  notes: string | null;
  coordinator: NamedOrganisation | null;
  followUpConvener: NamedOrganisation;
  person: NorrbusPerson | null;
  invitations: Array<{ organisation: NamedOrganisation; invitedOn: string }>;
  participants: Participant[];
  commitments: Commitment[];
  followUpOf: { id: string; heldOn: string | null; commitments: Commitment[] } | null;
  followUps: Array<{ id: string; status: NorrbusMeetingStatus; scheduledAt: string | null; heldOn: string | null }>;
}

export interface OverviewCommitment extends Commitment {
  meeting: { id: string; person: PersonName | null };
}

export interface NorrbusOverview {
  organisation: NamedOrganisation;
  day: string;
  upcomingMeetings: MeetingListItem[];
  openCommitments: OverviewCommitment[];
}

export interface NorrbusPersonInput {
  givenName: string;
  familyName: string;
  personalIdentityNumber: string | null;
  birthDate: string | null;
  gender: NorrbusGender;
  municipalityId: string;
  guardians: string[];
  placedOutsideHome: boolean;
}

export interface CommitmentInput {
  responsibleOrganisationId: string | null;
  intervention: string;
  extent: string;
  performer: string;
  followUpMethod: string;
  followUpOn: string | null;
}
