import { operation } from '../../api/graphql';
import { resultMutation } from '../../api/operations';
import type { FosterHomeKind, FosterHomeStatus, HouseholdMember, OrganisationKind } from '../../api/types';

// The parts of the assessment and decision schema the web app uses, with their operations.

export type AssessmentMethod = 'KALVESTEN' | 'OTHER';
export type Recommendation = 'APPROVE' | 'REFUSE';
export const ACTIVITY_KINDS = ['INTERVIEW', 'HOME_VISIT', 'REFERENCE'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const REGISTERS = [
  'CONVICTION_REGISTER',
  'SUSPICION_REGISTER',
  'SOCIAL_SERVICES_REGISTER',
  'ENFORCEMENT_AUTHORITY',
  'SOCIAL_INSURANCE_AGENCY',
] as const;
export type Register = (typeof REGISTERS)[number];
export type RegisterCheckResult = 'NO_ENTRIES' | 'ENTRIES_FOUND';
export type RequirementStatus = 'DONE' | 'MISSING' | 'STALE';
export type DecisionOutcome = 'APPROVED' | 'REFUSED';
export type DecisionMakerKind = 'COMMITTEE' | 'DELEGATE';

export interface Assessor {
  id: string;
  displayName: string;
}

export interface ApprovalConditions {
  assignmentKind: FosterHomeKind;
  places: number;
  minChildAge: number | null;
  maxChildAge: number | null;
  namedChild: { name: string; personalIdentityNumber: string } | null;
}

export interface HomeDecision {
  id: string;
  outcome: DecisionOutcome;
  decidedOn: string;
  validUntil: string | null;
  decidedBy: { id: string; name: string };
  assessedBy: { id: string; name: string };
  decisionMakerKind: DecisionMakerKind;
  decisionMakerName: string;
  reasoning: string | null;
  conditions: ApprovalConditions | null;
}

export interface AssessmentRequirement {
  key: string;
  label: string;
  status: RequirementStatus;
  detail: string | null;
  missing: { code: string; message: string } | null;
}

export interface AssessmentChecklist {
  day: string;
  ready: boolean;
  requirements: AssessmentRequirement[];
}

/** An assessment as mutations answer with it: everything but the decision, which an open assessment lacks. */
export interface HomeAssessmentCore {
  id: string;
  version: number;
  method: AssessmentMethod;
  startedOn: string;
  summary: string | null;
  recommendation: Recommendation | null;
  sentForDecisionOn: string | null;
  assessor: Assessor;
  checklist: AssessmentChecklist;
  activities: { id: string; kind: ActivityKind; occurredOn: string; participants: string; note: string | null }[];
  registerChecks: {
    id: string;
    personName: string;
    register: Register;
    consentGivenOn: string;
    checkedOn: string;
    result: RegisterCheckResult;
    note: string | null;
  }[];
  childrenHeard: { householdMemberId: string; childName: string; heardOn: string; note: string | null }[];
  fosterHome: {
    id: string;
    name: string;
    status: FosterHomeStatus;
    consultancyAgency: { id: string; name: string } | null;
    owner: { id: string; name: string; kind: OrganisationKind };
    householdMembers: HouseholdMember[];
  };
}

export interface HomeAssessment extends HomeAssessmentCore {
  decision: HomeDecision | null;
}

const DECISION_FIELDS = /* GraphQL */ `
  fragment HomeDecisionFields on HomeDecision {
    id
    outcome
    decidedOn
    validUntil
    decidedBy { id name }
    assessedBy { id name }
    decisionMakerKind
    decisionMakerName
    reasoning
    conditions {
      assignmentKind
      places
      minChildAge
      maxChildAge
      namedChild { name personalIdentityNumber }
    }
  }
`;

const ASSESSMENT_FIELDS = /* GraphQL */ `
  fragment HomeAssessmentFields on HomeAssessment {
    id
    version
    method
    startedOn
    summary
    recommendation
    sentForDecisionOn
    assessor { id displayName }
    checklist {
      day
      ready
      requirements { key label status detail missing { code message } }
    }
    activities { id kind occurredOn participants note }
    registerChecks { id personName register consentGivenOn checkedOn result note }
    childrenHeard { householdMemberId childName heardOn note }
    fosterHome {
      id
      name
      status
      consultancyAgency { id name }
      owner { id name kind }
      householdMembers { id givenName familyName personalIdentityNumber role }
    }
  }
`;

/** Reads the household and the register checks too: the server records both in the audit log. */
export const HomeAssessmentQuery = operation<{ homeAssessment: HomeAssessment | null }, { id: string }>(/* GraphQL */ `
  query HomeAssessment($id: ID!) {
    homeAssessment(id: $id) {
      ...HomeAssessmentFields
      decision { ...HomeDecisionFields }
    }
  }
  ${ASSESSMENT_FIELDS}
  ${DECISION_FIELDS}
`);

function assessmentMutation<TInput>(field: string, inputType: string) {
  return resultMutation<HomeAssessmentCore, TInput>(field, inputType, '...HomeAssessmentFields', ASSESSMENT_FIELDS);
}

export interface StartAssessmentInput {
  assessorId: string;
  method: AssessmentMethod;
  startedOn: string;
}

export const StartHomeAssessmentMutation = assessmentMutation<StartAssessmentInput & { recruitmentId: string }>('startHomeAssessment', 'StartHomeAssessmentInput');
export const StartReassessmentMutation = assessmentMutation<StartAssessmentInput & { fosterHomeId: string }>('startReassessment', 'StartReassessmentInput');
export const RecordAssessmentActivityMutation = assessmentMutation<{
  assessmentId: string;
  kind: ActivityKind;
  occurredOn: string;
  participants: string;
  note: string | null;
}>('recordAssessmentActivity', 'RecordAssessmentActivityInput');
export const RecordRegisterCheckMutation = assessmentMutation<{
  assessmentId: string;
  householdMemberId: string;
  register: Register;
  consentGivenOn: string;
  checkedOn: string;
  result: RegisterCheckResult;
  note: string | null;
}>('recordRegisterCheck', 'RecordRegisterCheckInput');
export const RecordChildHeardMutation = assessmentMutation<{
  assessmentId: string;
  householdMemberId: string;
  heardOn: string;
  note: string | null;
}>('recordChildHeard', 'RecordChildHeardInput');
export const UpdateAssessmentSummaryMutation = assessmentMutation<{
  id: string;
  expectedVersion: number;
  summary: string | null;
  recommendation: Recommendation | null;
}>('updateAssessmentSummary', 'UpdateAssessmentSummaryInput');
export const SendAssessmentForDecisionMutation = assessmentMutation<{ id: string; expectedVersion: number; sentOn: string }>(
  'sendAssessmentForDecision',
  'SendAssessmentForDecisionInput',
);

export interface RecordHomeDecisionInput {
  assessmentId: string;
  outcome: DecisionOutcome;
  decidedOn: string;
  decidedById: string;
  decisionMakerKind: DecisionMakerKind;
  decisionMakerName: string;
  reasoning: string | null;
  conditions: ApprovalConditions | null;
}

export const RecordHomeDecisionMutation = resultMutation<HomeDecision, RecordHomeDecisionInput>(
  'recordHomeDecision',
  'RecordHomeDecisionInput',
  '...HomeDecisionFields',
  DECISION_FIELDS,
);

/** The municipalities that may decide: the members of the unit's agreement (and the home's owner, if a municipality). */
export const DeciderOptionsQuery = operation<{
  fosterCareUnits: { organisation: { id: string }; agreement: { members: { id: string; name: string }[] } | null }[];
}>(/* GraphQL */ `
  query DeciderOptions {
    fosterCareUnits {
      organisation { id }
      agreement { members { id name } }
    }
  }
`);

export const AssessorsQuery = operation<{ assessors: Assessor[] }>(/* GraphQL */ `
  query Assessors {
    assessors { id displayName }
  }
`);

/** What everyone who sees the home sees: the approval in force and the decision history. */
export const FosterHomeApprovalQuery = operation<
  { fosterHome: { id: string; currentApproval: HomeDecision | null; decisions: HomeDecision[] } | null },
  { id: string }
>(/* GraphQL */ `
  query FosterHomeApproval($id: ID!) {
    fosterHome(id: $id) {
      id
      currentApproval { ...HomeDecisionFields }
      decisions { ...HomeDecisionFields }
    }
  }
  ${DECISION_FIELDS}
`);

export interface AssessmentListItem {
  id: string;
  startedOn: string;
  sentForDecisionOn: string | null;
  assessor: Assessor;
  decision: { id: string; outcome: DecisionOutcome; decidedOn: string } | null;
}

/** Only for the unit that owns the home: its assessments and re-assessments. */
export const FosterHomeAssessmentsQuery = operation<{ fosterHome: { id: string; assessments: AssessmentListItem[] } | null }, { id: string }>(/* GraphQL */ `
  query FosterHomeAssessments($id: ID!) {
    fosterHome(id: $id) {
      id
      assessments {
        id
        startedOn
        sentForDecisionOn
        assessor { id displayName }
        decision { id outcome decidedOn }
      }
    }
  }
`);

export interface ApprovalRenewal {
  daysLeft: number;
  fosterHome: { id: string; name: string; city: string | null; kind: FosterHomeKind };
  approval: HomeDecision;
  reassessment: { id: string; startedOn: string } | null;
}

export const ApprovalsDueForRenewalQuery = operation<{ approvalsDueForRenewal: ApprovalRenewal[] }, { withinDays: number }>(/* GraphQL */ `
  query ApprovalsDueForRenewal($withinDays: Int) {
    approvalsDueForRenewal(withinDays: $withinDays) {
      daysLeft
      fosterHome { id name city kind }
      approval { ...HomeDecisionFields }
      reassessment { id startedOn }
    }
  }
  ${DECISION_FIELDS}
`);

/** The family an assessment is to be started for, and the assessment if it already has one. */
export const RecruitmentToAssessQuery = operation<
  { recruitment: { id: string; step: string; fosterHome: { id: string; name: string }; assessment: { id: string } | null } | null },
  { id: string }
>(/* GraphQL */ `
  query RecruitmentToAssess($id: ID!) {
    recruitment(id: $id) {
      id
      step
      fosterHome { id name }
      assessment { id }
    }
  }
`);
