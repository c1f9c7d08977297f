import { operation } from '../../api/graphql';
import { resultMutation } from '../../api/operations';
import type {
  CaseWorker,
  ChildConnection,
  ChildGender,
  ChildIdentityInput,
  ChildRecord,
  FreePlace,
  FreePlaceFilter,
  GuardianInput,
  LegalBasis,
  NeedsAssessment,
  NeedsAssessmentOutcome,
  PlacementDecision,
  PlacementDecisionMaker,
  PlacementKind,
} from '../../api/types';

const CHILD_SUMMARY = /* GraphQL */ `
  id
  givenName
  familyName
  age
  identityKind
  identityNumber
  assignedWorker {
    id
    displayName
  }
  currentPlacement {
    id
    fosterHome {
      id
      name
    }
  }
`;

/** Reads the names of the children listed, which the server records in the audit log. */
export const ChildrenQuery = operation<{ children: ChildConnection }, { search: string | null; first: number; after: string | null }>(/* GraphQL */ `
  query Children($search: String, $first: Int, $after: String) {
    children(search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ${CHILD_SUMMARY}
        }
      }
    }
  }
`);

export const CaseWorkersQuery = operation<{ caseWorkers: CaseWorker[] }>(/* GraphQL */ `
  query CaseWorkers {
    caseWorkers {
      id
      displayName
    }
  }
`);

const NEEDS_ASSESSMENT = /* GraphQL */ `
  id
  worker {
    id
    displayName
  }
  startedOn
  completedOn
  outcome
  summary
  version
`;

const PLACEMENT_DECISION = /* GraphQL */ `
  id
  legalBasis
  kind
  intervention
  decidedOn
  decisionMakerKind
  decisionMakerName
  favourable
  childImpactAssessment
  needsAssessment {
    id
    startedOn
  }
  interruptedOn
  cancelledOn
  cancellationReason
  version
`;

const PLACEMENT = /* GraphQL */ `
  id
  fosterHome {
    id
    name
    kind
  }
  decision {
    id
  }
  approval {
    decidedOn
    validUntil
    decidedBy {
      id
      name
    }
    assessedBy {
      id
      name
    }
  }
  startsOn
  plannedEndOn
  endedOn
  endReason
  ongoing
  agreementSignedOn
  carePlanOn
  implementationPlanOn
  version
`;

const CHILD_RECORD = /* GraphQL */ `
  ${CHILD_SUMMARY}
  birthDate
  gender
  placingMunicipality {
    id
    name
  }
  guardians {
    id
    name
    personalIdentityNumber
    relation
  }
  needsAssessments {
    ${NEEDS_ASSESSMENT}
  }
  placementDecisions {
    ${PLACEMENT_DECISION}
  }
  placements {
    ${PLACEMENT}
  }
  version
`;

/** The child record: reading it is recorded in the audit log. */
export const ChildQuery = operation<{ child: ChildRecord | null }, { id: string }>(/* GraphQL */ `
  query Child($id: ID!) {
    child(id: $id) {
      ${CHILD_RECORD}
    }
  }
`);

/** Approved homes with a free place today, for the placement form. */
export const PlacementHomesQuery = operation<{ freePlaces: FreePlace[] }, { filter: FreePlaceFilter }>(/* GraphQL */ `
  query PlacementHomes($filter: FreePlaceFilter) {
    freePlaces(filter: $filter) {
      kind
      minChildAge
      maxChildAge
      freePlaces
      approvedPlaces
      occupiedPlaces
      approvalValidUntil
      municipality {
        id
        name
      }
      home {
        id
        name
        languages
      }
    }
  }
`);

export const RegisterChildMutation = resultMutation<{ id: string }, { identity: ChildIdentityInput; givenName: string; familyName: string; guardians: GuardianInput[]; assignedWorkerId: string }>(
  'registerChild',
  'RegisterChildInput',
  'id',
);

export const UpdateChildMutation = resultMutation<
  ChildRecord,
  { id: string; expectedVersion: number; givenName?: string; familyName?: string; gender?: ChildGender; assignedWorkerId?: string; guardians?: GuardianInput[] }
>('updateChild', 'UpdateChildInput', CHILD_RECORD);

export const StartNeedsAssessmentMutation = resultMutation<NeedsAssessment, { childId: string; startedOn: string; workerId: string }>(
  'startNeedsAssessment',
  'StartNeedsAssessmentInput',
  NEEDS_ASSESSMENT,
);

export const CompleteNeedsAssessmentMutation = resultMutation<
  NeedsAssessment,
  { id: string; expectedVersion: number; completedOn: string; outcome: NeedsAssessmentOutcome; summary: string }
>('completeNeedsAssessment', 'CompleteNeedsAssessmentInput', NEEDS_ASSESSMENT);

export interface RecordPlacementDecisionInput {
  childId: string;
  needsAssessmentId: string | null;
  legalBasis: LegalBasis;
  kind: PlacementKind;
  intervention: string | null;
  decidedOn: string;
  decisionMakerKind: PlacementDecisionMaker;
  decisionMakerName: string;
  favourable: boolean;
  childImpactAssessment: string | null;
}

export const RecordPlacementDecisionMutation = resultMutation<PlacementDecision, RecordPlacementDecisionInput>(
  'recordPlacementDecision',
  'RecordPlacementDecisionInput',
  PLACEMENT_DECISION,
);

export const InterruptPlacementDecisionMutation = resultMutation<PlacementDecision, { id: string; expectedVersion: number; interruptedOn: string }>(
  'interruptPlacementDecision',
  'InterruptPlacementDecisionInput',
  PLACEMENT_DECISION,
);

export const CancelPlacementDecisionMutation = resultMutation<PlacementDecision, { id: string; expectedVersion: number; cancelledOn: string; reason: string }>(
  'cancelPlacementDecision',
  'CancelPlacementDecisionInput',
  PLACEMENT_DECISION,
);

export interface PlacementDocumentsInput {
  plannedEndOn?: string | null;
  agreementSignedOn?: string | null;
  carePlanOn?: string | null;
  implementationPlanOn?: string | null;
}

export const PlaceChildMutation = resultMutation<{ id: string }, { childId: string; decisionId: string; fosterHomeId: string; startsOn: string } & PlacementDocumentsInput>(
  'placeChild',
  'PlaceChildInput',
  'id',
);

export const MovePlacementMutation = resultMutation<
  { started: { id: string } },
  { id: string; expectedVersion: number; movedOn: string; toFosterHomeId: string; decisionId: string | null } & PlacementDocumentsInput
>('movePlacement', 'MovePlacementInput', 'started { id }');

export const EndPlacementMutation = resultMutation<{ id: string }, { id: string; expectedVersion: number; endedOn: string; endReason: string }>(
  'endPlacement',
  'EndPlacementInput',
  'id',
);

export const UpdatePlacementDocumentsMutation = resultMutation<{ id: string }, { id: string; expectedVersion: number } & PlacementDocumentsInput>(
  'updatePlacementDocuments',
  'UpdatePlacementDocumentsInput',
  'id',
);
