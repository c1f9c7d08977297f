import { operation } from '../../api/graphql';
import { MUNICIPALITIES, resultMutation } from '../../api/operations';
import type {
  LeavingReason,
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
    ${MUNICIPALITIES}
    consultancyAgencies {
      id
      name
    }
  }
`);

export const RegisterInquiryMutation = resultMutation<{ id: string }, RegisterInquiryInput>('registerInquiry', 'RegisterInquiryInput', 'id');

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
  return resultMutation<RecruitmentDetails, TInput>(field, inputType, '...RecruitmentDetails', RECRUITMENT_DETAILS);
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
