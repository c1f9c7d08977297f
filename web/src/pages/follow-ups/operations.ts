import { operation } from '../../api/graphql';
import type { ChildFollowUpSchedule, FollowUpChild, FollowUpDashboard, MutationResult, RecordFollowUpInput } from '../../api/types';

const DASHBOARD_ITEM = /* GraphQL */ `
  child {
    id
    givenName
    familyName
  }
  kind
  dueOn
  status
  daysOverdue
  reference
`;

/** Reads the names of the children listed, which the server records in the audit log. */
export const FollowUpDashboardQuery = operation<{ followUpDashboard: FollowUpDashboard }, { withinDays: number }>(/* GraphQL */ `
  query FollowUpDashboard($withinDays: Int) {
    followUpDashboard(withinDays: $withinDays) {
      municipality {
        id
        name
      }
      day
      withinDays
      caseload
      overdueCount
      dueSoonCount
      workers {
        worker {
          id
          displayName
        }
        caseload
        overdue {
          ${DASHBOARD_ITEM}
        }
        dueSoon {
          ${DASHBOARD_ITEM}
        }
      }
    }
  }
`);

const SCHEDULE = /* GraphQL */ `
  items {
    kind
    dueOn
    status
    reference
    countedFrom
    doneOn
    doneBy {
      id
      displayName
    }
    talkedAlone
    note
  }
`;

/** A child's follow-up timeline, with the name for the page's heading; the read is audited. */
export const ChildFollowUpsQuery = operation<{ child: (FollowUpChild & { followUps: ChildFollowUpSchedule | null }) | null }, { childId: string }>(/* GraphQL */ `
  query ChildFollowUps($childId: ID!) {
    child(id: $childId) {
      id
      givenName
      familyName
      followUps {
        ${SCHEDULE}
      }
    }
  }
`);

export const RecordFollowUpMutation = operation<{ result: MutationResult<ChildFollowUpSchedule> }, { input: RecordFollowUpInput }>(/* GraphQL */ `
  mutation RecordFollowUp($input: RecordFollowUpInput!) {
    result: recordFollowUp(input: $input) {
      __typename
      ... on MutationRecordFollowUpSuccess {
        data {
          ${SCHEDULE}
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on RuleViolationError {
        rule
      }
    }
  }
`);
