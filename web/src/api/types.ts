// TypeScript mirrors of the parts of the GraphQL schema the web app uses.

export type Role =
  | 'FOSTER_CARE_WORKER'
  | 'CHILD_SOCIAL_WORKER'
  | 'HEAD_OF_UNIT'
  | 'NORRBUS_CONVENER'
  | 'NORRBUS_PARTICIPANT'
  | 'STEERING_GROUP_MEMBER'
  | 'ADMINISTRATOR';

export type OrganisationKind =
  | 'MUNICIPALITY'
  | 'REGION'
  | 'FOSTER_CARE_UNIT'
  | 'SCHOOL_UNIT'
  | 'SOCIAL_SERVICES_UNIT'
  | 'PRIMARY_CARE_UNIT'
  | 'SPECIALIST_CARE_UNIT'
  | 'STEERING_GROUP'
  | 'PRIVATE_SCHOOL'
  | 'PRIVATE_CARE_PROVIDER'
  | 'POLICE'
  | 'OTHER';

export const FOSTER_HOME_KINDS = [
  'OWN',
  'NETWORK',
  'EMERGENCY',
  'CONSULTANT_SUPPORTED',
  'TREATMENT',
] as const;
export type FosterHomeKind = (typeof FOSTER_HOME_KINDS)[number];

export const FOSTER_HOME_STATUSES = ['RECRUITING', 'ACTIVE', 'PAUSED', 'CLOSED'] as const;
export type FosterHomeStatus = (typeof FOSTER_HOME_STATUSES)[number];

export type HouseholdRole = 'ADULT' | 'CHILD' | 'OTHER';

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Viewer {
  user: { id: string; displayName: string };
  organisation: OrganisationRef;
  roles: Role[];
}

export interface FosterHomeFilter {
  kind?: FosterHomeKind;
  status?: FosterHomeStatus;
  ownerId?: string;
  search?: string;
}

export interface FosterHomeListItem {
  id: string;
  name: string;
  kind: FosterHomeKind;
  status: FosterHomeStatus;
  places: number;
  city: string | null;
  municipality: { id: string; name: string };
  owner: { id: string; name: string };
  consultancyAgency: { id: string; name: string } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface FosterHomeConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: FosterHomeListItem }[];
}

export interface HouseholdMember {
  id: string;
  givenName: string;
  familyName: string;
  personalIdentityNumber: string;
  role: HouseholdRole;
}

/** Everything about a home except its household (reading the household is audited). */
export interface FosterHomeCore {
  id: string;
  name: string;
  kind: FosterHomeKind;
  status: FosterHomeStatus;
  places: number;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  municipality: { id: string; name: string };
  owner: OrganisationRef;
  approvedBy: { id: string; name: string } | null;
  approvedOn: string | null;
  consultancyAgency: {
    id: string;
    name: string;
    ivoPermitNumber: string;
    organisationNumber: string | null;
  } | null;
  version: number;
  updatedAt: string;
}

export interface FosterHomeDetails extends FosterHomeCore {
  /** Absent unless the viewer's organisation keeps the register the home belongs to. */
  householdMembers?: HouseholdMember[];
}

export interface UpdateFosterHomeInput {
  id: string;
  expectedVersion: number;
  name?: string;
  status?: FosterHomeStatus;
  places?: number;
  streetAddress?: string | null;
  postalCode?: string | null;
  city?: string | null;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

/** The answer of a mutation with a result union: the saved data, or one of the typed errors. */
export type MutationResult<TData> =
  | { __typename: `Mutation${string}Success`; data: TData }
  | { __typename: 'ValidationError'; code: string; message: string; issues: ValidationIssue[] }
  | { __typename: 'RuleViolationError'; code: string; message: string; rule: string }
  | { __typename: 'VersionConflictError'; code: string; message: string; currentVersion: number }
  | { __typename: 'NotFoundError' | 'ForbiddenError' | 'UnauthenticatedError'; code: string; message: string };

// --- Capacity and matching (platser, lediga platser, matchning) ---

export const PLACEMENT_NEED_KINDS = ['EMERGENCY', 'LONG_TERM', 'TREATMENT'] as const;
export type PlacementNeedKind = (typeof PLACEMENT_NEED_KINDS)[number];

export type MatchProximity = 'SCHOOL_MUNICIPALITY' | 'FAMILY_MUNICIPALITY' | 'UNIT_AREA' | 'OUTSIDE_AREA';

export interface Occupant {
  child: { id: string; givenName: string; familyName: string; age: number };
  placingMunicipality: { id: string; name: string };
  since: string;
}

export interface Occupancy {
  day: string;
  hasCurrentApproval: boolean;
  approvedPlaces: number;
  occupiedPlaces: number;
  freePlaces: number;
  placeKind: FosterHomeKind | null;
  minChildAge: number | null;
  maxChildAge: number | null;
  forNamedChildOnly: boolean;
  approvalValidUntil: string | null;
  occupants: Occupant[];
}

export interface FosterHomePlaces {
  id: string;
  languages: string[];
  occupancy: Occupancy;
}

export interface FreePlace {
  kind: FosterHomeKind;
  minChildAge: number | null;
  maxChildAge: number | null;
  approvedPlaces: number;
  occupiedPlaces: number;
  freePlaces: number;
  approvalValidUntil: string;
  municipality: { id: string; name: string };
  home: { id: string; name: string; languages: string[] };
}

export interface FreePlaceFilter {
  kind?: FosterHomeKind;
  childAge?: number;
  municipalityId?: string;
}

export interface ChildNeedsInput {
  ages: number[];
  kind: PlacementNeedKind;
  languages: string[];
  schoolMunicipalityId: string | null;
  familyMunicipalityId: string | null;
  personalIdentityNumber: string | null;
  networkFirst: boolean;
}

export interface MatchedFosterHome {
  rank: number;
  placeKind: FosterHomeKind;
  freePlaces: number;
  networkForChild: boolean;
  sharedLanguages: string[];
  proximity: MatchProximity;
  reasons: string[];
  home: { id: string; name: string; municipality: { id: string; name: string } };
}

export interface ExcludedFosterHome {
  reasons: string[];
  home: { id: string; name: string };
}

export type MatchFosterHomesResult =
  | { __typename: 'QueryMatchFosterHomesSuccess'; data: { candidates: MatchedFosterHome[]; excluded: ExcludedFosterHome[] } }
  | { __typename: 'ValidationError'; code: string; message: string; issues: ValidationIssue[] };

// --- Recruitment, training and the funnel (rekrytering, utbildning, tratt) ---

export const RECRUITMENT_STEPS = [
  'INQUIRY',
  'INFORMATION_MEETING',
  'BASIC_TRAINING',
  'ASSESSMENT',
  'DECISION',
  'APPROVED',
  'REFUSED',
] as const;
export type RecruitmentStep = (typeof RECRUITMENT_STEPS)[number];
/** The steps a family works through; the board has a column for each. */
export const WORKING_STEPS = ['INQUIRY', 'INFORMATION_MEETING', 'BASIC_TRAINING', 'ASSESSMENT', 'DECISION'] as const;

export const INQUIRY_KINDS = ['OWN', 'NETWORK', 'EMERGENCY', 'TREATMENT'] as const;
export const RECRUITMENT_SOURCES = ['CAMPAIGN', 'WEBSITE', 'WORD_OF_MOUTH', 'SOCIAL_MEDIA', 'EVENT', 'AGENCY', 'OTHER'] as const;
export type RecruitmentSource = (typeof RECRUITMENT_SOURCES)[number];
export const LEAVING_REASONS = ['FAMILY_WITHDREW', 'ASSESSED_UNSUITABLE', 'CIRCUMSTANCES_CHANGED', 'NO_CONTACT', 'OTHER'] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
export const SCREENING_RESULTS = ['SUITABLE', 'DOUBTFUL', 'UNSUITABLE'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export type RecruitmentEventKind = 'STEP_ENTERED' | 'PAUSED' | 'RESUMED' | 'LEFT' | 'SCREENING_RECORDED';
export type RecruitmentPurpose = 'NEW_HOME' | 'REASSESSMENT';

export interface RecruitmentProgress {
  daysInStep: number | null;
  targetDays: number | null;
  overdue: boolean;
}

export interface RecruitmentCard {
  id: string;
  step: RecruitmentStep;
  stepEnteredOn: string;
  pausedOn: string | null;
  leftOn: string | null;
  source: RecruitmentSource;
  progress: RecruitmentProgress;
  fosterHome: { id: string; name: string; kind: FosterHomeKind; municipality: { name: string } };
}

export interface RecruitmentStepCount {
  step: RecruitmentStep;
  count: number;
  overdue: number;
  paused: number;
}

export interface RecruitmentPipeline {
  counts: RecruitmentStepCount[];
  recruitments: RecruitmentCard[];
}

export interface RecruitmentEvent {
  kind: RecruitmentEventKind;
  step: RecruitmentStep;
  occurredOn: string;
  note: string | null;
  signedBy: string;
}

export interface RecruitmentDetails {
  id: string;
  purpose: RecruitmentPurpose;
  step: RecruitmentStep;
  stepEnteredOn: string;
  receivedOn: string;
  pausedOn: string | null;
  leftOn: string | null;
  leavingReason: LeavingReason | null;
  screeningResult: ScreeningResult | null;
  source: RecruitmentSource;
  sourceDetail: string | null;
  proposedBy: { id: string; name: string } | null;
  progress: RecruitmentProgress;
  version: number;
  timeline: RecruitmentEvent[];
  fosterHome: {
    id: string;
    name: string;
    kind: FosterHomeKind;
    status: FosterHomeStatus;
    streetAddress: string | null;
    postalCode: string | null;
    city: string | null;
    municipality: { id: string; name: string };
    householdMembers: HouseholdMember[];
    assessments: { id: string; startedOn: string }[];
  };
}

export interface InquiryMemberInput {
  givenName: string;
  familyName: string;
  personalIdentityNumber: string;
  role: 'adult' | 'child' | 'other';
}

export interface RegisterInquiryInput {
  kindSought: FosterHomeKind;
  name: string;
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityId: string;
  householdMembers: InquiryMemberInput[];
  receivedOn: string;
  source: RecruitmentSource;
  sourceDetail: string | null;
  proposedByAgencyId: string | null;
  note: string | null;
}

export interface RecruitmentMoveInput {
  recruitmentId: string;
  expectedVersion: number;
  occurredOn: string;
  note: string | null;
}

export interface RecruitmentFunnelStep {
  step: RecruitmentStep;
  reached: number;
  conversionToNext: number | null;
  medianDays: number | null;
}

export interface RecruitmentFunnel {
  from: string;
  to: string;
  inquiries: number;
  refused: number;
  steps: RecruitmentFunnelStep[];
  leavingReasons: { reason: LeavingReason; count: number }[];
  sources: { source: RecruitmentSource; inquiries: number; approved: number }[];
  csv: string;
}

export type TrainingNeedReason = 'REQUIRED_FOR_APPROVAL' | 'OFFERED_TO_APPROVED_HOMES';

export interface TrainingAdult {
  id: string;
  givenName: string;
  familyName: string;
  fosterHome: { id: string; name: string; status: FosterHomeStatus };
}

export interface TrainingSession {
  id: string;
  heldOn: string;
  location: string | null;
  leader: string | null;
}

export interface TrainingCourse {
  id: string;
  name: string;
  description: string | null;
  requiredForApproval: boolean;
  offeredToApprovedHomes: boolean;
  sessionsRequired: number;
  sessions: TrainingSession[];
  participants: {
    adult: TrainingAdult;
    attendedSessionIds: string[];
    sessionsAttended: number;
    completedOn: string | null;
  }[];
}

export interface MissingTraining {
  adult: TrainingAdult;
  course: { id: string; name: string };
  reason: TrainingNeedReason;
  sessionsAttended: number;
}

export type FollowUpKind = 'VISIT' | 'REVIEW' | 'REEXAMINATION' | 'CUSTODY_TRANSFER_CONSIDERATION' | 'CARE_PLAN_REVISION';
export type FollowUpStatus = 'DONE' | 'OVERDUE' | 'DUE' | 'UPCOMING';

export interface FollowUpChild {
  id: string;
  givenName: string;
  familyName: string;
}

export interface DashboardFollowUp {
  child: FollowUpChild;
  kind: FollowUpKind;
  dueOn: string;
  status: FollowUpStatus;
  daysOverdue: number;
  reference: string;
}

export interface WorkerFollowUps {
  worker: { id: string; displayName: string } | null;
  caseload: number;
  overdue: DashboardFollowUp[];
  dueSoon: DashboardFollowUp[];
}

export interface FollowUpDashboard {
  municipality: { id: string; name: string };
  day: string;
  withinDays: number;
  caseload: number;
  overdueCount: number;
  dueSoonCount: number;
  workers: WorkerFollowUps[];
}

export interface DueFollowUp {
  kind: FollowUpKind;
  dueOn: string;
  status: FollowUpStatus;
  reference: string;
  countedFrom: string | null;
  doneOn: string | null;
  doneBy: { id: string; displayName: string } | null;
  talkedAlone: boolean | null;
  note: string | null;
}

export interface ChildFollowUpSchedule {
  items: DueFollowUp[];
}

export interface RecordFollowUpInput {
  childId: string;
  kind: FollowUpKind;
  dueOn: string;
  doneOn: string;
  talkedAlone: boolean | null;
  note: string | null;
}

// Placement decisions and children, as the reports show them.
export type ChildGender = 'GIRL' | 'BOY' | 'OTHER';
export type ChildIdentityKind = 'PERSONAL_IDENTITY_NUMBER' | 'COORDINATION_NUMBER' | 'RESERVE_NUMBER';
export type LegalBasis = 'SOL' | 'LVU_2' | 'LVU_3';
export type PlacementKind = 'EMERGENCY' | 'LONG_TERM' | 'UPBRINGING';

// The statutory reports (/rapporter).
export type PlacementTerm = 'EMERGENCY' | 'LONG_TERM';
export type UnexecutedDecisionStatus = 'NOT_EXECUTED' | 'EXECUTED' | 'CANCELLED';
export type UnexecutedDecisionWaitKind = 'AWAITING_EXECUTION' | 'INTERRUPTED';

export interface UnexecutedDecision {
  decidedOn: string;
  intervention: string;
  kind: PlacementKind;
  legalBasis: LegalBasis;
  gender: ChildGender;
  waitKind: UnexecutedDecisionWaitKind;
  interruptedOn: string | null;
  daysWaited: number;
  status: UnexecutedDecisionStatus;
  statusOn: string | null;
}

export interface UnexecutedDecisionReport {
  municipality: { id: string; name: string };
  year: number;
  quarter: number;
  first: string;
  last: string;
  asOf: string;
  total: number;
  notExecuted: number;
  executed: number;
  cancelled: number;
  previousQuarterTotal: number;
  byGender: { gender: ChildGender; count: number }[];
  decisions: UnexecutedDecision[];
  csv: string;
}

export interface IvoFosterChild {
  gender: ChildGender;
  birthYear: number;
  homeName: string | null;
  homeKind: FosterHomeKind | null;
  homeMunicipalityName: string | null;
  term: PlacementTerm;
  placementKind: PlacementKind | null;
  legalBasis: LegalBasis | null;
  startsOn: string;
  endedOn: string | null;
  placedAtYearEnd: boolean;
}

export interface IvoFosterChildList {
  municipality: { id: string; name: string };
  year: number;
  children: number;
  childrenAtYearEnd: number;
  dueOn: string;
  daysUntilDue: number;
  deadlineApproaching: boolean;
  placements: IvoFosterChild[];
  csv: string;
}

export interface RegisteredIntervention {
  childId: string;
  identityNumber: string;
  identityKind: ChildIdentityKind;
  intervention: string | null;
  placementKind: PlacementKind | null;
  homeKind: FosterHomeKind | null;
  legalBasis: LegalBasis | null;
  decidedOn: string | null;
  startsOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export interface InterventionRegister {
  municipality: { id: string; name: string };
  year: number;
  started: number;
  ended: number;
  interventions: RegisteredIntervention[];
  csv: string;
}

export interface PlacementOverview {
  municipality: { id: string; name: string };
  day: string;
  children: number;
  inHomesNotVisible: number;
  upbringing: number;
  byHomeKind: { kind: FosterHomeKind; children: number }[];
  byTerm: { term: PlacementTerm; children: number }[];
  csv: string;
}

// A child's case: the child, the utredning, decisions and placements (/barn).
export type GuardianRelation = 'PARENT' | 'APPOINTED_GUARDIAN' | 'OTHER';
export type NeedsAssessmentOutcome = 'PLACEMENT' | 'OTHER_INTERVENTION' | 'NO_INTERVENTION';
export type PlacementDecisionMaker = 'COMMITTEE' | 'DELEGATE' | 'CHAIR';

export interface CaseWorker {
  id: string;
  displayName: string;
}

export interface Guardian {
  id: string;
  name: string;
  personalIdentityNumber: string | null;
  relation: GuardianRelation;
}

export interface GuardianInput {
  name: string;
  personalIdentityNumber: string | null;
  relation: GuardianRelation;
}

export interface ChildIdentityInput {
  identityKind: ChildIdentityKind;
  identityNumber: string;
  birthDate: string | null;
  gender: ChildGender | null;
}

export interface ChildSummary {
  id: string;
  givenName: string;
  familyName: string;
  age: number;
  identityKind: ChildIdentityKind;
  identityNumber: string;
  assignedWorker: CaseWorker | null;
  currentPlacement: { id: string; fosterHome: { id: string; name: string } } | null;
}

export interface ChildConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: Array<{ node: ChildSummary }>;
}

export interface NeedsAssessment {
  id: string;
  worker: CaseWorker;
  startedOn: string;
  completedOn: string | null;
  outcome: NeedsAssessmentOutcome | null;
  summary: string | null;
  version: number;
}

export interface PlacementDecision {
  id: string;
  legalBasis: LegalBasis;
  kind: PlacementKind;
  intervention: string;
  decidedOn: string;
  decisionMakerKind: PlacementDecisionMaker;
  decisionMakerName: string;
  favourable: boolean;
  childImpactAssessment: string | null;
  needsAssessment: { id: string; startedOn: string } | null;
  interruptedOn: string | null;
  cancelledOn: string | null;
  cancellationReason: string | null;
  version: number;
}

export interface ChildPlacement {
  id: string;
  fosterHome: { id: string; name: string; kind: FosterHomeKind };
  decision: { id: string } | null;
  approval: { decidedOn: string; validUntil: string | null; decidedBy: OrganisationRef; assessedBy: OrganisationRef } | null;
  startsOn: string;
  plannedEndOn: string | null;
  endedOn: string | null;
  endReason: string | null;
  ongoing: boolean;
  agreementSignedOn: string | null;
  carePlanOn: string | null;
  implementationPlanOn: string | null;
  version: number;
}

export interface ChildRecord extends ChildSummary {
  birthDate: string;
  gender: ChildGender;
  placingMunicipality: OrganisationRef;
  guardians: Guardian[];
  needsAssessments: NeedsAssessment[];
  placementDecisions: PlacementDecision[];
  placements: ChildPlacement[];
  version: number;
}
