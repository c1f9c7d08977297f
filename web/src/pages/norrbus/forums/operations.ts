import { operation } from '../../../api/graphql';
import { resultMutation } from '../../../api/operations';

// TypeScript mirror of LocalForum (Forum barn och unga) and its meetings, members and actions.

export interface ForumAction {
  id: string;
  action: string;
  responsible: string;
  dueOn: string | null;
  doneOn: string | null;
  overdue: boolean;
  canMarkDone: boolean;
}

export interface ForumMeeting {
  id: string;
  heldOn: string;
  topics: string[];
  minutes: string;
  recordedBy: { name: string };
  recordedByName: string | null;
  actions: ForumAction[];
}

export interface ForumMember {
  id: string;
  name: string;
  joinedOn: string;
  leftOn: string | null;
  organisation: { id: string; name: string } | null;
}

interface ForumCore {
  id: string;
  name: string;
  countyPart: string | null;
  municipality: { id: string; name: string };
  convener: { id: string; name: string };
  meetingSchedule: string;
}

export interface ForumSummary extends ForumCore {
  members: Array<{ id: string; leftOn: string | null }>;
  meetings: Array<{ id: string; heldOn: string }>;
  openActions: Array<{ id: string; overdue: boolean }>;
}

export interface ForumDetails extends ForumCore {
  owner: { id: string; name: string };
  canRecordMeetings: boolean;
  members: ForumMember[];
  meetings: ForumMeeting[];
  openActions: ForumAction[];
}

export interface UpcomingAction extends ForumAction {
  forum: { id: string; name: string };
}

const CORE = 'id name countyPart municipality { id name } convener { id name } meetingSchedule';
const ACTION = 'id action responsible dueOn doneOn overdue canMarkDone';

export const LocalForumsQuery = operation<{ localForums: ForumSummary[]; upcomingLocalForumActions: UpcomingAction[] }>(/* GraphQL */ `
  query LocalForums {
    localForums {
      ${CORE}
      members { id leftOn }
      meetings { id heldOn }
      openActions { id overdue }
    }
    upcomingLocalForumActions { ${ACTION} forum { id name } }
  }
`);

export const LocalForumQuery = operation<{ localForum: ForumDetails | null }, { id: string }>(/* GraphQL */ `
  query LocalForum($id: ID!) {
    localForum(id: $id) {
      ${CORE}
      owner { id name }
      canRecordMeetings
      members { id name joinedOn leftOn organisation { id name } }
      openActions { ${ACTION} }
      meetings { id heldOn topics minutes recordedBy { name } recordedByName actions { ${ACTION} } }
    }
  }
`);

export const ForumOrganisationsQuery = operation<{ organisations: Array<{ id: string; name: string; kind: string; county: string | null }> }>(/* GraphQL */ `
  query ForumOrganisations {
    organisations { id name kind county }
  }
`);

export interface RecordForumMeetingInput {
  forumId: string;
  heldOn: string;
  topics: string[];
  minutes: string;
  actions: Array<{ action: string; responsible: string; dueOn: string | null }>;
}

export const RecordForumMeetingMutation = resultMutation<{ id: string; heldOn: string }, RecordForumMeetingInput>('recordLocalForumMeeting', 'RecordLocalForumMeetingInput', 'id heldOn');

export const SetForumActionDoneMutation = resultMutation<{ id: string; doneOn: string | null }, { actionId: string; doneOn: string | null }>('setLocalForumActionDone', 'SetLocalForumActionDoneInput', 'id doneOn');

export interface CreateForumInput {
  name: string;
  convenerId: string;
  meetingSchedule: string;
  members: Array<{ organisationId: string | null; name: string | null }>;
}

export const CreateForumMutation = resultMutation<{ id: string }, CreateForumInput>('createLocalForum', 'CreateLocalForumInput', 'id');
