import { operation } from '../../../api/graphql';
import { resultMutation } from '../../../api/operations';
import type { CommitmentInput, CommitmentOutcome, ConsentGiver, MeetingListItem, NorrbusMeeting, NorrbusOverview, NorrbusPersonInput, PartyOrganisation, PersonName } from './types';

const MEETING_LIST_ITEM = /* GraphQL */ `
  id
  status
  initiatedOn
  scheduledAt
  heldOn
  location
  convener { id name }
  person { id givenName familyName }
  followUpOf { id }
`;

/** My organisation's upcoming meetings and open åtaganden, and its recent meetings; every person read is audited. */
export const NorrbusOverviewQuery = operation<{ myNorrbusOverview: NorrbusOverview; norrbusMeetings: MeetingListItem[] }>(/* GraphQL */ `
  query NorrbusOverview {
    myNorrbusOverview {
      organisation { id name }
      day
      upcomingMeetings { ${MEETING_LIST_ITEM} }
      openCommitments {
        id intervention extent performer followUpMethod followUpOn outcome outcomeOn outcomeNote daysOverdue overdue
        responsibleOrganisation { id name }
        meeting { id person { id givenName familyName } }
      }
    }
    norrbusMeetings(limit: 60) { ${MEETING_LIST_ITEM} }
  }
`);

export const NewMeetingChoicesQuery = operation<{ norrbusPersons: PersonName[]; organisations: PartyOrganisation[] }>(/* GraphQL */ `
  query NewNorrbusMeetingChoices {
    norrbusPersons { id givenName familyName }
    organisations { id name kind county }
  }
`);

const COMMITMENT = 'id intervention extent performer followUpMethod followUpOn outcome outcomeOn outcomeNote daysOverdue overdue responsibleOrganisation { id name }';

const MEETING = /* GraphQL */ `
  ${MEETING_LIST_ITEM}
  version convenedByViewer canCallFollowUp initiativeReason purpose twoPartyReason notes
  coordinator { id name }
  followUpConvener { id name }
  person {
    id givenName familyName personalIdentityNumber birthDate age gender placedOutsideHome registeredByViewer version
    municipality { id name }
    guardians { id name }
    consents { id givenBy guardianName givenOn limitation withdrawnOn withdrawalNote inForce organisations { organisation { id name } information } }
  }
  invitations { organisation { id name } invitedOn }
  participants { id organisation { id name } name role mandate }
  commitments { ${COMMITMENT} }
  followUpOf { id heldOn commitments { ${COMMITMENT} } }
  followUps { id status scheduledAt heldOn }
`;

export const NorrbusMeetingQuery = operation<{ norrbusMeeting: NorrbusMeeting | null; organisations: PartyOrganisation[] }, { id: string }>(/* GraphQL */ `
  query NorrbusMeeting($id: ID!) {
    norrbusMeeting(id: $id) { ${MEETING} }
    organisations { id name kind county }
  }
`);

type Saved = { id: string };

export const CreateNorrbusMeetingMutation = resultMutation<Saved, { personId: string | null; person: NorrbusPersonInput | null; initiatedOn: string; initiativeReason: string }>(
  'createNorrbusMeeting',
  'CreateNorrbusMeetingInput',
  'id',
);

export const RecordConsentMutation = resultMutation<Saved, {
  personId: string;
  givenOn: string;
  limitation: string | null;
  signatories: Array<{ givenBy: ConsentGiver; guardianId: string | null }>;
  organisations: Array<{ organisationId: string; information: string }>;
}>('recordNorrbusConsent', 'RecordNorrbusConsentInput', 'id');

export const WithdrawConsentMutation = resultMutation<Saved, { consentId: string; withdrawnOn: string; note: string | null }>('withdrawNorrbusConsent', 'WithdrawNorrbusConsentInput', 'id');

export const InviteMutation = resultMutation<Saved, {
  meetingId: string;
  expectedVersion: number;
  purpose: string;
  scheduledAt: string;
  location: string | null;
  organisationIds: string[];
  twoPartyReason: string | null;
  coordinatorId: string | null;
}>('inviteToNorrbusMeeting', 'InviteToNorrbusMeetingInput', 'id');

export const AddParticipantsMutation = resultMutation<Saved, {
  meetingId: string;
  participants: Array<{ organisationId: string | null; name: string; role: string; mandate: string | null }>;
}>('addNorrbusParticipants', 'AddNorrbusParticipantsInput', 'id');

export const RecordHeldMutation = resultMutation<Saved, { meetingId: string; expectedVersion: number; heldOn: string; notes: string; followUpConvenerId: string | null }>(
  'recordNorrbusMeetingHeld',
  'RecordNorrbusMeetingHeldInput',
  'id',
);

export const DocumentCommitmentsMutation = resultMutation<Saved, { meetingId: string; expectedVersion: number; commitments: CommitmentInput[] }>(
  'documentNorrbusCommitments',
  'DocumentNorrbusCommitmentsInput',
  'id',
);

export const CallFollowUpMutation = resultMutation<Saved, { meetingId: string; purpose: string; scheduledAt: string; location: string | null }>('callNorrbusFollowUp', 'CallNorrbusFollowUpInput', 'id');

export const RecordFollowUpMutation = resultMutation<Saved, {
  meetingId: string;
  expectedVersion: number;
  heldOn: string;
  notes: string;
  outcomes: Array<{ commitmentId: string; outcome: CommitmentOutcome; note: string | null }>;
}>('recordNorrbusFollowUp', 'RecordNorrbusFollowUpInput', 'id');
