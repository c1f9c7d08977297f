import { operation } from '../../api/graphql';
import { resultMutation } from '../../api/operations';

// TypeScript mirrors of the deviation and dispute parts of the GraphQL schema.

export const DEVIATION_CATEGORIES = ['DID_NOT_ATTEND', 'COMMITMENT_NOT_DONE', 'INVITATION_WITHOUT_PURPOSE', 'FOLLOW_UP_NOT_CALLED', 'SHARED_WITHOUT_CONSENT', 'OTHER'] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];
export const DEVIATION_LEVELS = ['LOCAL', 'COUNTY_PART', 'COUNTY'] as const;
export type DeviationLevel = (typeof DEVIATION_LEVELS)[number];
export const DEVIATION_STATUSES = ['REPORTED', 'ANALYSED', 'ACTION_DECIDED', 'CLOSED'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];
export type DeviationAction = 'ANALYSE' | 'CLEAR' | 'ESCALATE' | 'DECIDE' | 'CLOSE';
export type DeviationEventKind = 'REPORTED' | 'ANALYSED' | 'CLEARED' | 'ESCALATED' | 'DECIDED' | 'CLOSED';
export const DISPUTE_SUBJECTS = ['RESPONSIBILITY', 'COST'] as const;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];
export type DisputeLevel = 'MANAGEMENT' | 'COUNTY';
export type DisputeStatus = 'OPEN' | 'RESOLVED';
export type DisputeAction = 'STATE_POSITION' | 'ESCALATE' | 'RESOLVE';
export type DisputeEventKind = 'RAISED' | 'POSITION' | 'ESCALATED' | 'RESOLVED';

interface Named {
  id: string;
  name: string;
}

export interface OrganisationOption extends Named {
  kind: string;
  county: string | null;
  countyPart: string | null;
  parent: { id: string } | null;
}

export interface DeviationSummary {
  id: string;
  category: DeviationCategory;
  occurredOn: string;
  reportedOn: string;
  municipality: Named;
  reportingOrganisation: Named;
  countyPart: string | null;
  level: DeviationLevel;
  status: DeviationStatus;
  closedOn: string | null;
  actions: DeviationAction[];
}

export interface DeviationDetails extends DeviationSummary {
  reportedBy: string | null;
  county: string;
  meetingId: string | null;
  description: string;
  clearedSummary: string | null;
  clearedOn: string | null;
  clearedBy: string | null;
  decidingBody: string;
  version: number;
  parties: Array<{ organisation: Named; analysis: string | null; analysedOn: string | null; analysedBy: string | null }>;
  history: Array<{ kind: DeviationEventKind; level: DeviationLevel; occurredOn: string; organisation: Named; signedBy: string | null; decision: string | null }>;
}

export interface DisputeSummary {
  id: string;
  subject: DisputeSubject;
  intervention: string;
  raisedOn: string;
  municipality: Named;
  raisingOrganisation: Named;
  level: DisputeLevel;
  status: DisputeStatus;
  resolvedOn: string | null;
  actions: DisputeAction[];
}

export interface DisputeDetails extends DisputeSummary {
  question: string;
  countyPart: string | null;
  outcome: string | null;
  version: number;
  parties: Array<{ organisation: Named; position: string | null; statedOn: string | null }>;
  history: Array<{ kind: DisputeEventKind; level: DisputeLevel; occurredOn: string; organisation: Named; signedBy: string | null; note: string | null }>;
}

export interface SteeringGroupDeviation {
  id: string;
  municipality: Named;
  countyPart: string | null;
  category: DeviationCategory;
  level: DeviationLevel;
  status: DeviationStatus;
  occurredOn: string;
  reportedOn: string;
  closedOn: string | null;
  clearedSummary: string | null;
  decisions: Array<{ level: DeviationLevel; decidedOn: string; decision: string | null }>;
}

export interface SteeringGroupDeviationOverview {
  countyParts: Array<string | null>;
  total: number;
  cells: Array<{ countyPart: string | null; category: DeviationCategory; count: number }>;
  deviations: SteeringGroupDeviation[];
}

export interface SteeringGroupDispute {
  id: string;
  municipality: Named;
  countyPart: string | null;
  subject: DisputeSubject;
  intervention: string;
  question: string;
  level: DisputeLevel;
  status: DisputeStatus;
  raisedOn: string;
  resolvedOn: string | null;
  outcome: string | null;
  positions: Array<{ organisation: Named; position: string | null; statedOn: string | null }>;
}

const ORGANISATIONS = /* GraphQL */ `
  organisations {
    id
    name
    kind
    county
    countyPart
    parent { id }
  }
`;

const DEVIATION_SUMMARY = /* GraphQL */ `
  id
  category
  occurredOn
  reportedOn
  municipality { id name }
  reportingOrganisation { id name }
  countyPart
  level
  status
  closedOn
  actions
`;

const DEVIATION_DETAILS = /* GraphQL */ `
  fragment DeviationDetailsFields on Deviation {
    ${DEVIATION_SUMMARY}
    reportedBy
    county
    meetingId
    description
    clearedSummary
    clearedOn
    clearedBy
    decidingBody
    version
    parties { organisation { id name } analysis analysedOn analysedBy }
    history { kind level occurredOn organisation { id name } signedBy decision }
  }
`;

export const DeviationsQuery = operation<
  { deviations: DeviationSummary[]; organisations: OrganisationOption[] },
  { filter: { status: DeviationStatus | null; level: DeviationLevel | null; category: DeviationCategory | null } }
>(/* GraphQL */ `
  query Deviations($filter: DeviationFilter) {
    deviations(filter: $filter) {
      ${DEVIATION_SUMMARY}
    }
    ${ORGANISATIONS}
  }
`);

export const DeviationQuery = operation<{ deviation: DeviationDetails | null }, { id: string }>(/* GraphQL */ `
  query Deviation($id: ID!) {
    deviation(id: $id) {
      ...DeviationDetailsFields
    }
  }
  ${DEVIATION_DETAILS}
`);

function deviationMutation<TInput>(field: string, inputType: string) {
  return resultMutation<DeviationDetails, TInput>(field, inputType, '...DeviationDetailsFields', DEVIATION_DETAILS);
}

export interface ReportDeviationInput {
  municipalityId: string;
  meetingId: string | null;
  category: DeviationCategory;
  occurredOn: string;
  description: string;
  partyIds: string[];
}
export const ReportDeviationMutation = resultMutation<{ id: string }, ReportDeviationInput>('reportDeviation', 'ReportDeviationInput', 'id');

interface Versioned {
  deviationId: string;
  expectedVersion: number;
  occurredOn: string | null;
}
export const RecordDeviationAnalysisMutation = deviationMutation<{ deviationId: string; analysis: string; occurredOn: string | null }>(
  'recordDeviationAnalysis',
  'RecordDeviationAnalysisInput',
);
export const ClearDeviationSummaryMutation = deviationMutation<Versioned & { summary: string }>('clearDeviationSummary', 'ClearDeviationSummaryInput');
export const EscalateDeviationMutation = deviationMutation<Versioned & { to: DeviationLevel }>('escalateDeviation', 'EscalateDeviationInput');
export const DecideDeviationActionMutation = deviationMutation<Versioned & { decision: string }>('decideDeviationAction', 'DecideDeviationActionInput');
export const CloseDeviationMutation = deviationMutation<Versioned>('closeDeviation', 'CloseDeviationInput');

const DISPUTE_SUMMARY = /* GraphQL */ `
  id
  subject
  intervention
  raisedOn
  municipality { id name }
  raisingOrganisation { id name }
  level
  status
  resolvedOn
  actions
`;

const DISPUTE_DETAILS = /* GraphQL */ `
  fragment DisputeDetailsFields on Dispute {
    ${DISPUTE_SUMMARY}
    question
    countyPart
    outcome
    version
    parties { organisation { id name } position statedOn }
    history { kind level occurredOn organisation { id name } signedBy note }
  }
`;

export const DisputesQuery = operation<{ disputes: DisputeSummary[]; organisations: OrganisationOption[] }>(/* GraphQL */ `
  query Disputes {
    disputes {
      ${DISPUTE_SUMMARY}
    }
    ${ORGANISATIONS}
  }
`);

export const DisputeQuery = operation<{ dispute: DisputeDetails | null }, { id: string }>(/* GraphQL */ `
  query Dispute($id: ID!) {
    dispute(id: $id) {
      ...DisputeDetailsFields
    }
  }
  ${DISPUTE_DETAILS}
`);

export interface RaiseDisputeInput {
  municipalityId: string;
  subject: DisputeSubject;
  intervention: string;
  question: string;
  partyIds: string[];
}
export const RaiseDisputeMutation = resultMutation<{ id: string }, RaiseDisputeInput>('raiseDispute', 'RaiseDisputeInput', 'id');

interface DisputeVersioned {
  disputeId: string;
  expectedVersion: number;
  occurredOn: string | null;
}
function disputeMutation<TInput>(field: string, inputType: string) {
  return resultMutation<DisputeDetails, TInput>(field, inputType, '...DisputeDetailsFields', DISPUTE_DETAILS);
}
export const StateDisputePositionMutation = disputeMutation<DisputeVersioned & { position: string }>('stateDisputePosition', 'StateDisputePositionInput');
export const EscalateDisputeMutation = disputeMutation<DisputeVersioned>('escalateDispute', 'EscalateDisputeInput');
export const ResolveDisputeMutation = disputeMutation<DisputeVersioned & { outcome: string }>('resolveDispute', 'ResolveDisputeInput');

const STEERING_DEVIATION = /* GraphQL */ `
  id
  municipality { id name }
  countyPart
  category
  level
  status
  occurredOn
  reportedOn
  closedOn
  clearedSummary
  decisions { level decidedOn decision }
`;

export const SteeringGroupQuery = operation<
  { steeringGroupDeviations: SteeringGroupDeviationOverview; steeringGroupDisputes: SteeringGroupDispute[] },
  { filter: { countyPart: string | null; category: DeviationCategory | null } }
>(/* GraphQL */ `
  query SteeringGroup($filter: SteeringGroupDeviationFilter) {
    steeringGroupDeviations(filter: $filter) {
      countyParts
      total
      cells { countyPart category count }
      deviations {
        ${STEERING_DEVIATION}
      }
    }
    steeringGroupDisputes {
      id
      municipality { id name }
      countyPart
      subject
      intervention
      question
      level
      status
      raisedOn
      resolvedOn
      outcome
      positions { organisation { id name } position statedOn }
    }
  }
`);

export const DecideDeviationActionAtCountyMutation = resultMutation<{ id: string }, { deviationId: string; decision: string; occurredOn: string | null }>(
  'decideDeviationActionAtCounty',
  'DecideDeviationActionAtCountyInput',
  'id',
);
export const ResolveDisputeAtCountyMutation = resultMutation<{ id: string }, { disputeId: string; outcome: string; occurredOn: string | null }>(
  'resolveDisputeAtCounty',
  'ResolveDisputeAtCountyInput',
  'id',
);
