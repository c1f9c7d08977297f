import { operation } from '../../api/graphql';
import type {
  LeavingReason,
  MutationResult,
  OrganisationRef,
  RecruitmentDetails,
  RecruitmentFunnel,
  RecruitmentMoveInput,
  RecruitmentPipeline,
  RecruitmentStep,
  RegisterInquiryInput,
  ScreeningResult,
} from '../../api/types';

export const RecruitmentPipelineQuery = operation<
  { recruitmentPipeline: RecruitmentPipeline },
  { filter: { step: RecruitmentStep | null; includeFinished: boolean } }
>(/* GraphQL */ `
  query RecruitmentPipeline($filter: RecruitmentPipelineFilter) {
    recruitmentPipeline(filter: $filter) {
      counts {
        step
        count
        overdue
        paused
      }
      recruitments {
        id
        step
        stepEnteredOn
        pausedOn
        leftOn
        source
        progress {
          daysInStep
          targetDays
          overdue
        }
        fosterHome {
          id
          name
          kind
          municipality {
            name
          }
        }
      }
    }
  }
`);

/** What the inquiry form offers: the municipalities a family can live in and the agencies that may propose one. */
export const InquiryOptionsQuery = operation<{
  municipalities: OrganisationRef[];
  consultancyAgencies: { id: string; name: string }[];
}>(/* GraphQL */ `
  query InquiryOptions {
    municipalities: organisations(kind: MUNICIPALITY) {
      id
      name
      kind
    }
    consultancyAgencies {
      id
      name
    }
  }
`);

const ERROR_FIELDS = /* GraphQL */ `
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
  ... on VersionConflictError {
    currentVersion
  }
`;

export const RegisterInquiryMutation = operation<
  { result: MutationResult<{ id: string }> },
  { input: RegisterInquiryInput }
>(/* GraphQL */ `
  mutation RegisterInquiry($input: RegisterInquiryInput!) {
    result: registerInquiry(input: $input) {
      __typename
      ... on MutationRegisterInquirySuccess {
        data {
          id
        }
      }
      ${ERROR_FIELDS}
    }
  }
`);

const RECRUITMENT_DETAILS = /* GraphQL */ `
  fragment RecruitmentDetails on Recruitment {
    id
    purpose
    step
    stepEnteredOn
    receivedOn
    pausedOn
    leftOn
    leavingReason
    screeningResult
    source
    sourceDetail
    proposedBy {
      id
      name
    }
    progress {
      daysInStep
      targetDays
      overdue
    }
    version
    timeline {
      kind
      step
      occurredOn
      note
      signedBy
    }
    fosterHome {
      id
      name
      kind
      status
      streetAddress
      postalCode
      city
      municipality {
        id
        name
      }
      householdMembers {
        id
        givenName
        familyName
        personalIdentityNumber
        role
      }
      assessments {
        id
        startedOn
      }
    }
  }
`;

/** Reads the household too, which the server records in the audit log. */
export const RecruitmentQuery = operation<{ recruitment: RecruitmentDetails | null }, { id: string }>(/* GraphQL */ `
  query Recruitment($id: ID!) {
    recruitment(id: $id) {
      ...RecruitmentDetails
    }
  }
  ${RECRUITMENT_DETAILS}
`);

function moveMutation<TInput>(field: string, inputType: string) {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  return operation<{ result: MutationResult<RecruitmentDetails> }, { input: TInput }>(/* GraphQL */ `
    mutation Move($input: ${inputType}!) {
      result: ${field}(input: $input) {
        __typename
        ... on ${success} {
          data {
            ...RecruitmentDetails
          }
        }
        ${ERROR_FIELDS}
      }
    }
    ${RECRUITMENT_DETAILS}
  `);
}

export const AdvanceRecruitmentMutation = moveMutation<RecruitmentMoveInput>('advanceRecruitment', 'RecruitmentMoveInput');
export const PauseRecruitmentMutation = moveMutation<RecruitmentMoveInput>('pauseRecruitment', 'RecruitmentMoveInput');
export const ResumeRecruitmentMutation = moveMutation<RecruitmentMoveInput>('resumeRecruitment', 'RecruitmentMoveInput');
export const LeaveRecruitmentMutation = moveMutation<RecruitmentMoveInput & { reason: LeavingReason }>('leaveRecruitment', 'LeaveRecruitmentInput');
export const RecordScreeningMutation = moveMutation<RecruitmentMoveInput & { result: ScreeningResult }>('recordScreening', 'RecordScreeningInput');

export const RecruitmentFunnelQuery = operation<{ recruitmentFunnel: RecruitmentFunnel }, { from: string; to: string }>(/* GraphQL */ `
  query RecruitmentFunnel($from: Date!, $to: Date!) {
    recruitmentFunnel(from: $from, to: $to) {
      from
      to
      inquiries
      refused
      steps {
        step
        reached
        conversionToNext
        medianDays
      }
      leavingReasons {
        reason
        count
      }
      sources {
        source
        inquiries
        approved
      }
      csv
    }
  }
`);
