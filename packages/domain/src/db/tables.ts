import type { ColumnType, Generated } from 'kysely';

/** An ISO date (YYYY-MM-DD); `date` columns are read as strings on both engines. */
export type IsoDate = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  name: string;
  municipality_code: string | null;
  county: string | null;
  county_part: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  external_subject: string;
  email: string;
  display_name: string;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: ColumnType<number, never, never>;
  occurred_at: ColumnType<Date, never, never>;
  user_id: string;
  organisation_id: string;
  action: string;
  entity_type: string;
  entity_id: string;
  person_id: string | null;
  purpose: string | null;
  request_id: string;
  /** Filled in by the database's chaining trigger. */
  previous_hash: ColumnType<string, never, never>;
  hash: ColumnType<string, never, never>;
}

export interface CollaborationAgreementsTable {
  id: Generated<string>;
  unit_id: string;
  host_municipality_id: string;
  name: string;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  created_at: CreatedAt;
}

export interface AgreementMembersTable {
  agreement_id: string;
  municipality_id: string;
  joined_on: IsoDate;
  left_on: IsoDate | null;
}

export interface CostSharingKeysTable {
  id: Generated<string>;
  owner_org_id: string;
  agreement_id: string;
  year: number;
  basis: string;
  created_at: CreatedAt;
}

export interface CostSharesTable {
  owner_org_id: string;
  key_id: string;
  municipality_id: string;
  basis_points: number;
  population: number | null;
}

export interface ConsultancyAgenciesTable {
  id: Generated<string>;
  owner_org_id: string;
  name: string;
  organisation_number: string | null;
  ivo_permit_number: string;
  created_at: CreatedAt;
}

export interface FosterHomesTable {
  id: Generated<string>;
  owner_org_id: string;
  kind: string;
  name: string;
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  municipality_id: string;
  places: number;
  status: string;
  approved_by_org_id: string | null;
  approved_on: IsoDate | null;
  consultancy_agency_id: string | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HouseholdMembersTable {
  id: Generated<string>;
  owner_org_id: string;
  foster_home_id: string;
  given_name: string;
  family_name: string;
  personal_identity_number: string;
  role: string;
  created_at: CreatedAt;
}

export interface RecruitmentPoliciesTable {
  id: Generated<string>;
  owner_org_id: string;
  valid_from: IsoDate;
  required_registers: string[];
  register_check_max_age_days: number;
  approval_valid_months: number;
  inquiry_target_days: number;
  information_meeting_target_days: number;
  basic_training_target_days: number;
  assessment_target_days: number;
  decision_target_days: number;
  created_at: CreatedAt;
}

export interface RecruitmentsTable {
  id: Generated<string>;
  owner_org_id: string;
  foster_home_id: string;
  purpose: string;
  source: string;
  source_detail: string | null;
  proposed_by_agency_id: string | null;
  received_on: IsoDate;
  step: string;
  step_entered_on: IsoDate;
  paused_on: IsoDate | null;
  left_on: IsoDate | null;
  leaving_reason: string | null;
  screening_result: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RecruitmentEventsTable {
  id: Generated<string>;
  owner_org_id: string;
  recruitment_id: string;
  kind: string;
  step: string;
  occurred_on: IsoDate;
  recorded_by: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface TrainingCoursesTable {
  id: Generated<string>;
  owner_org_id: string;
  name: string;
  description: string | null;
  required_for_approval: boolean;
  offered_to_approved_homes: boolean;
  sessions_required: number;
  created_at: CreatedAt;
}

export interface TrainingSessionsTable {
  id: Generated<string>;
  owner_org_id: string;
  course_id: string;
  held_on: IsoDate;
  location: string | null;
  leader: string | null;
  created_at: CreatedAt;
}

export interface TrainingAttendancesTable {
  owner_org_id: string;
  session_id: string;
  household_member_id: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface TrainingCompletionsTable {
  owner_org_id: string;
  course_id: string;
  household_member_id: string;
  completed_on: IsoDate;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface HomeAssessmentsTable {
  id: Generated<string>;
  owner_org_id: string;
  recruitment_id: string;
  foster_home_id: string;
  assessor_id: string;
  method: string;
  started_on: IsoDate;
  summary: string | null;
  recommendation: string | null;
  sent_for_decision_on: IsoDate | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AssessmentActivitiesTable {
  id: Generated<string>;
  owner_org_id: string;
  assessment_id: string;
  kind: string;
  occurred_on: IsoDate;
  participants: string;
  note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface RegisterChecksTable {
  id: Generated<string>;
  owner_org_id: string;
  assessment_id: string;
  household_member_id: string;
  register: string;
  consent_given_on: IsoDate;
  checked_on: IsoDate;
  result: string;
  note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ChildrenHeardTable {
  owner_org_id: string;
  assessment_id: string;
  household_member_id: string;
  heard_on: IsoDate;
  note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface HomeDecisionsTable {
  id: Generated<string>;
  owner_org_id: string;
  foster_home_id: string;
  assessment_id: string | null;
  outcome: string;
  decided_on: IsoDate;
  decided_by_org_id: string;
  decision_maker_kind: string;
  decision_maker_name: string;
  valid_until: IsoDate | null;
  assignment_kind: string | null;
  places: number | null;
  min_child_age: number | null;
  max_child_age: number | null;
  named_child_personal_identity_number: string | null;
  named_child_name: string | null;
  reasoning: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface ChildrenTable {
  id: Generated<string>;
  owner_org_id: string;
  given_name: string;
  family_name: string;
  personal_identity_number: string;
  gender: string;
  identity_kind: Generated<string>;
  birth_date: IsoDate;
  assigned_worker_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlacementsTable {
  id: Generated<string>;
  owner_org_id: string;
  child_id: string;
  foster_home_id: string;
  starts_on: IsoDate;
  planned_end_on: IsoDate | null;
  ended_on: IsoDate | null;
  end_reason: string | null;
  decision_id: string | null;
  approval_id: string | null;
  agreement_signed_on: IsoDate | null;
  care_plan_on: IsoDate | null;
  implementation_plan_on: IsoDate | null;
  treatment_assignment: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GuardiansTable {
  id: Generated<string>;
  owner_org_id: string;
  child_id: string;
  name: string;
  personal_identity_number: string | null;
  relation: string;
  created_at: CreatedAt;
}

export interface NeedsAssessmentsTable {
  id: Generated<string>;
  owner_org_id: string;
  child_id: string;
  worker_id: string;
  started_on: IsoDate;
  completed_on: IsoDate | null;
  outcome: string | null;
  summary: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PlacementDecisionsTable {
  id: Generated<string>;
  owner_org_id: string;
  child_id: string;
  needs_assessment_id: string | null;
  legal_basis: string;
  kind: string;
  intervention: string;
  decided_on: IsoDate;
  decision_maker_kind: string;
  decision_maker_name: string;
  favourable: boolean;
  child_impact_assessment: string | null;
  interrupted_on: IsoDate | null;
  cancelled_on: IsoDate | null;
  cancellation_reason: string | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface FollowUpPoliciesTable {
  id: Generated<string>;
  owner_org_id: string;
  valid_from: IsoDate;
  visit_interval_months: number;
  review_interval_months: number;
  reexamination_interval_months: number;
  custody_transfer_after_months: number;
  custody_transfer_interval_months: number;
  care_plan_revision_months: number;
  visit_reference: string;
  review_reference: string;
  reexamination_reference: string;
  custody_transfer_reference: string;
  care_plan_revision_reference: string;
  created_at: CreatedAt;
}

export interface FollowUpsTable {
  id: Generated<string>;
  owner_org_id: string;
  placement_id: string;
  kind: string;
  due_on: IsoDate;
  done_on: IsoDate;
  talked_alone: boolean | null;
  note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

/** Money columns are integer öre (int8, parsed to safe integers). */
export interface FeeRatesTable {
  id: Generated<string>;
  owner_org_id: string;
  home_kind: string;
  age_from: number;
  age_to: number;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  fee_per_day: number;
  expenses_per_day: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface RateIndicesTable {
  owner_org_id: string;
  year: number;
  basis_points: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ConsultantPricesTable {
  id: Generated<string>;
  owner_org_id: string;
  agency_id: string;
  contract_reference: string;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  price_per_day: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TreatmentSupplementsTable {
  id: Generated<string>;
  owner_org_id: string;
  valid_from: IsoDate;
  valid_to: IsoDate | null;
  per_day: number;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PlacementExtraCostsTable {
  id: Generated<string>;
  owner_org_id: string;
  placement_id: string;
  incurred_on: IsoDate;
  amount: number;
  description: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface CostBudgetsTable {
  owner_org_id: string;
  year: number;
  category: string;
  amount: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface UnitRunningCostsTable {
  owner_org_id: string;
  year: number;
  amount: number;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LocalForumsTable {
  id: Generated<string>;
  owner_org_id: string;
  name: string;
  convener_org_id: string;
  meeting_schedule: string;
  created_at: CreatedAt;
}

export interface LocalForumMembersTable {
  id: Generated<string>;
  forum_id: string;
  organisation_id: string | null;
  name: string;
  joined_on: IsoDate;
  left_on: IsoDate | null;
}

export interface LocalForumMeetingsTable {
  id: Generated<string>;
  forum_id: string;
  owner_org_id: string;
  held_on: IsoDate;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  minutes: string;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface LocalForumActionsTable {
  id: Generated<string>;
  forum_meeting_id: string;
  owner_org_id: string;
  action: string;
  responsible: string;
  due_on: IsoDate | null;
  done_on: IsoDate | null;
}

export interface NorrbusPersonsTable {
  id: Generated<string>;
  owner_org_id: string;
  given_name: string;
  family_name: string;
  personal_identity_number: string | null;
  birth_date: IsoDate;
  gender: string;
  municipality_id: string;
  placed_outside_home: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NorrbusGuardiansTable {
  id: Generated<string>;
  owner_org_id: string;
  person_id: string;
  name: string;
  created_at: CreatedAt;
}

export interface NorrbusConsentsTable {
  id: Generated<string>;
  owner_org_id: string;
  person_id: string;
  given_by: string;
  guardian_id: string | null;
  given_on: IsoDate;
  limitation: string | null;
  withdrawn_on: IsoDate | null;
  withdrawal_note: string | null;
  recorded_by: string;
  created_at: CreatedAt;
}

export interface NorrbusConsentOrganisationsTable {
  consent_id: string;
  organisation_id: string;
  information: string;
}

export interface NorrbusMeetingsTable {
  id: Generated<string>;
  owner_org_id: string;
  person_id: string;
  follow_up_of_id: string | null;
  initiated_on: IsoDate;
  initiative_reason: string;
  purpose: string | null;
  scheduled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  location: string | null;
  two_party_reason: string | null;
  status: Generated<string>;
  held_on: IsoDate | null;
  notes: string | null;
  coordinator_org_id: string | null;
  follow_up_convener_org_id: string | null;
  created_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface NorrbusInvitationsTable {
  meeting_id: string;
  organisation_id: string;
  owner_org_id: string;
  invited_on: IsoDate;
}

export interface NorrbusParticipantsTable {
  id: Generated<string>;
  meeting_id: string;
  owner_org_id: string;
  organisation_id: string | null;
  name: string;
  role: string;
  mandate: string | null;
}

export interface NorrbusCommitmentsTable {
  id: Generated<string>;
  meeting_id: string;
  owner_org_id: string;
  responsible_org_id: string;
  intervention: string;
  extent: string;
  performer: string;
  follow_up_method: string;
  follow_up_on: IsoDate;
  outcome: string | null;
  outcome_on: IsoDate | null;
  outcome_meeting_id: string | null;
  outcome_note: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface DeviationsTable {
  id: Generated<string>;
  owner_org_id: string;
  county: string;
  county_part: string | null;
  municipality_id: string;
  meeting_id: string | null;
  category: string;
  occurred_on: IsoDate;
  reported_on: IsoDate;
  description: string;
  cleared_summary: string | null;
  cleared_by: string | null;
  cleared_on: IsoDate | null;
  level: Generated<string>;
  status: Generated<string>;
  closed_on: IsoDate | null;
  gender: string | null;
  reported_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DeviationPartiesTable {
  deviation_id: string;
  organisation_id: string;
  analysis: string | null;
  analysed_on: IsoDate | null;
  analysed_by: string | null;
}

export interface DeviationEventsTable {
  id: Generated<string>;
  deviation_id: string;
  occurred_on: IsoDate;
  kind: string;
  level: string;
  organisation_id: string;
  user_id: string;
  decision: string | null;
  created_at: CreatedAt;
}

export interface DisputesTable {
  id: Generated<string>;
  owner_org_id: string;
  county: string;
  county_part: string | null;
  municipality_id: string;
  subject: string;
  intervention: string;
  question: string;
  raised_on: IsoDate;
  level: Generated<string>;
  status: Generated<string>;
  outcome: string | null;
  resolved_on: IsoDate | null;
  raised_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DisputePartiesTable {
  dispute_id: string;
  organisation_id: string;
  position: string | null;
  stated_on: IsoDate | null;
}

export interface DisputeEventsTable {
  id: Generated<string>;
  dispute_id: string;
  occurred_on: IsoDate;
  kind: string;
  level: string;
  organisation_id: string;
  user_id: string;
  note: string | null;
  created_at: CreatedAt;
}

export interface Tables {
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  audit_log: AuditLogTable;
  collaboration_agreements: CollaborationAgreementsTable;
  agreement_members: AgreementMembersTable;
  cost_sharing_keys: CostSharingKeysTable;
  cost_shares: CostSharesTable;
  consultancy_agencies: ConsultancyAgenciesTable;
  foster_homes: FosterHomesTable;
  household_members: HouseholdMembersTable;
  recruitment_policies: RecruitmentPoliciesTable;
  recruitments: RecruitmentsTable;
  recruitment_events: RecruitmentEventsTable;
  training_courses: TrainingCoursesTable;
  training_sessions: TrainingSessionsTable;
  training_attendances: TrainingAttendancesTable;
  training_completions: TrainingCompletionsTable;
  home_assessments: HomeAssessmentsTable;
  assessment_activities: AssessmentActivitiesTable;
  register_checks: RegisterChecksTable;
  children_heard: ChildrenHeardTable;
  home_decisions: HomeDecisionsTable;
  children: ChildrenTable;
  placements: PlacementsTable;
  guardians: GuardiansTable;
  needs_assessments: NeedsAssessmentsTable;
  placement_decisions: PlacementDecisionsTable;
  follow_up_policies: FollowUpPoliciesTable;
  follow_ups: FollowUpsTable;
  fee_rates: FeeRatesTable;
  rate_indices: RateIndicesTable;
  consultant_prices: ConsultantPricesTable;
  treatment_supplements: TreatmentSupplementsTable;
  placement_extra_costs: PlacementExtraCostsTable;
  cost_budgets: CostBudgetsTable;
  unit_running_costs: UnitRunningCostsTable;
  local_forums: LocalForumsTable;
  local_forum_members: LocalForumMembersTable;
  local_forum_meetings: LocalForumMeetingsTable;
  local_forum_actions: LocalForumActionsTable;
  norrbus_persons: NorrbusPersonsTable;
  norrbus_guardians: NorrbusGuardiansTable;
  norrbus_consents: NorrbusConsentsTable;
  norrbus_consent_organisations: NorrbusConsentOrganisationsTable;
  norrbus_meetings: NorrbusMeetingsTable;
  norrbus_invitations: NorrbusInvitationsTable;
  norrbus_participants: NorrbusParticipantsTable;
  norrbus_commitments: NorrbusCommitmentsTable;
  deviations: DeviationsTable;
  deviation_parties: DeviationPartiesTable;
  deviation_events: DeviationEventsTable;
  disputes: DisputesTable;
  dispute_parties: DisputePartiesTable;
  dispute_events: DisputeEventsTable;
}
