import type {
  ChildGender,
  ChildIdentityKind,
  LegalBasis,
  PlacementKind,
  PlacementTerm,
  UnexecutedDecisionStatus,
  FosterHomeKind,
  FosterHomeStatus,
  HouseholdRole,
  MatchProximity,
  OrganisationKind,
  PlacementNeedKind,
  Role,
  LeavingReason,
  RecruitmentEventKind,
  RecruitmentSource,
  RecruitmentStep,
  ScreeningResult,
  TrainingNeedReason,
  FollowUpKind,
  FollowUpStatus,
  GuardianRelation,
  NeedsAssessmentOutcome,
  PlacementDecisionMaker,
} from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  FOSTER_CARE_WORKER: 'familjehemssekreterare',
  CHILD_SOCIAL_WORKER: 'barnsekreterare',
  HEAD_OF_UNIT: 'enhetschef',
  NORRBUS_CONVENER: 'sammankallande Norrbus',
  NORRBUS_PARTICIPANT: 'Norrbusdeltagare',
  STEERING_GROUP_MEMBER: 'styrgruppsledamot',
  ADMINISTRATOR: 'administratör',
};

/** Accepts `HEAD_OF_UNIT`, `head_of_unit` or `head-of-unit`; unknown roles are shown as they are. */
export function roleLabel(role: string): string {
  const key = role.trim().toUpperCase().replace(/[-\s]+/g, '_');
  return key in ROLE_LABELS ? ROLE_LABELS[key as Role] : role;
}

export const FOSTER_HOME_KIND_LABELS: Record<FosterHomeKind, string> = {
  OWN: 'Eget familjehem',
  NETWORK: 'Nätverkshem',
  EMERGENCY: 'Jourhem',
  CONSULTANT_SUPPORTED: 'Konsulentstött familjehem',
  TREATMENT: 'Behandlingsuppdrag',
};

export const FOSTER_HOME_STATUS_LABELS: Record<FosterHomeStatus, string> = {
  RECRUITING: 'Under rekrytering',
  ACTIVE: 'Aktiv',
  PAUSED: 'Pausad',
  CLOSED: 'Avslutad',
};

export const HOUSEHOLD_ROLE_LABELS: Record<HouseholdRole, string> = {
  ADULT: 'Vuxen',
  CHILD: 'Barn',
  OTHER: 'Annan',
};

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  MUNICIPALITY: 'Kommun',
  REGION: 'Region',
  FOSTER_CARE_UNIT: 'Familjehemsenhet',
  SCHOOL_UNIT: 'Skolenhet',
  SOCIAL_SERVICES_UNIT: 'Socialtjänstenhet',
  PRIMARY_CARE_UNIT: 'Primärvårdsenhet',
  SPECIALIST_CARE_UNIT: 'Specialistvårdsenhet',
  STEERING_GROUP: 'Styrgrupp',
  PRIVATE_SCHOOL: 'Fristående skola',
  PRIVATE_CARE_PROVIDER: 'Privat vårdgivare',
  POLICE: 'Polis',
  OTHER: 'Annan organisation',
};

/** Looks up a label, falling back to the raw value if the server sends something new. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value as K] : value;
}

export const PLACEMENT_NEED_KIND_LABELS: Record<PlacementNeedKind, string> = {
  EMERGENCY: 'Jourplacering',
  LONG_TERM: 'Långsiktig placering',
  TREATMENT: 'Placering med behandlingsuppdrag',
};

export const MATCH_PROXIMITY_LABELS: Record<MatchProximity, string> = {
  SCHOOL_MUNICIPALITY: 'Skolans kommun',
  FAMILY_MUNICIPALITY: 'Familjens kommun',
  UNIT_AREA: 'Inom enhetens område',
  OUTSIDE_AREA: 'Utanför enhetens område',
};

export const RECRUITMENT_STEP_LABELS: Record<RecruitmentStep, string> = {
  INQUIRY: 'Intresseanmälan',
  INFORMATION_MEETING: 'Informationsträff/inledande samtal',
  BASIC_TRAINING: 'Grundutbildning',
  ASSESSMENT: 'Utredning',
  DECISION: 'Beslut',
  APPROVED: 'Godkänd',
  REFUSED: 'Avslag',
};

export const RECRUITMENT_SOURCE_LABELS: Record<RecruitmentSource, string> = {
  CAMPAIGN: 'Kampanj',
  WEBSITE: 'Webbplats',
  WORD_OF_MOUTH: 'Någon som berättade',
  SOCIAL_MEDIA: 'Sociala medier',
  EVENT: 'Evenemang eller informationsträff',
  AGENCY: 'Konsulentverksamhet',
  OTHER: 'Annat',
};

export const LEAVING_REASON_LABELS: Record<LeavingReason, string> = {
  FAMILY_WITHDREW: 'Familjen avbröt',
  ASSESSED_UNSUITABLE: 'Bedömdes inte lämplig',
  CIRCUMSTANCES_CHANGED: 'Ändrade förhållanden',
  NO_CONTACT: 'Ingen kontakt',
  OTHER: 'Annan orsak',
};

export const SCREENING_RESULT_LABELS: Record<ScreeningResult, string> = {
  SUITABLE: 'Lämplig att gå vidare',
  DOUBTFUL: 'Tveksam',
  UNSUITABLE: 'Inte lämplig',
};

export const RECRUITMENT_EVENT_LABELS: Record<RecruitmentEventKind, string> = {
  STEP_ENTERED: 'Nytt steg',
  PAUSED: 'Pausad',
  RESUMED: 'Återupptagen',
  LEFT: 'Lämnade rekryteringen',
  SCREENING_RECORDED: 'BRA-Fam-screening',
};

export const TRAINING_NEED_REASON_LABELS: Record<TrainingNeedReason, string> = {
  REQUIRED_FOR_APPROVAL: 'Krävs för godkännande',
  OFFERED_TO_APPROVED_HOMES: 'Erbjuds godkända familjehem',
};

export const FOLLOW_UP_KIND_LABELS: Record<FollowUpKind, string> = {
  VISIT: 'Besök hos barnet',
  REVIEW: 'Övervägande',
  REEXAMINATION: 'Omprövning',
  CUSTODY_TRANSFER_CONSIDERATION: 'Övervägande av vårdnadsöverflyttning',
  CARE_PLAN_REVISION: 'Revidering av vårdplanen',
};

export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = {
  DONE: 'Gjord',
  OVERDUE: 'Försenad',
  DUE: 'Förfaller snart',
  UPCOMING: 'Kommande',
};

/** Flicka, pojke, annan könsidentitet: the breakdown of the reports to IVO and Norrbus. */
export const CHILD_GENDER_LABELS: Record<ChildGender, string> = {
  GIRL: 'Flicka',
  BOY: 'Pojke',
  OTHER: 'Annan könsidentitet',
};

export const CHILD_IDENTITY_KIND_LABELS: Record<ChildIdentityKind, string> = {
  PERSONAL_IDENTITY_NUMBER: 'Personnummer',
  COORDINATION_NUMBER: 'Samordningsnummer',
  RESERVE_NUMBER: 'Reservnummer',
};

export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  SOL: 'SoL',
  LVU_2: 'LVU 2 §',
  LVU_3: 'LVU 3 §',
};

export const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = {
  EMERGENCY: 'Jourplacering',
  LONG_TERM: 'Stadigvarande placering',
  UPBRINGING: 'Uppväxtplacering',
};

export const PLACEMENT_TERM_LABELS: Record<PlacementTerm, string> = {
  EMERGENCY: 'Jour',
  LONG_TERM: 'Stadigvarande',
};

export const UNEXECUTED_DECISION_STATUS_LABELS: Record<UnexecutedDecisionStatus, string> = {
  NOT_EXECUTED: 'Ej verkställt',
  EXECUTED: 'Verkställt',
  CANCELLED: 'Avslutat',
};

export const GUARDIAN_RELATION_LABELS: Record<GuardianRelation, string> = {
  PARENT: 'Förälder',
  APPOINTED_GUARDIAN: 'Särskilt förordnad vårdnadshavare',
  OTHER: 'Annan vårdnadshavare',
};

export const NEEDS_ASSESSMENT_OUTCOME_LABELS: Record<NeedsAssessmentOutcome, string> = {
  PLACEMENT: 'Placering',
  OTHER_INTERVENTION: 'Annan insats',
  NO_INTERVENTION: 'Ingen insats',
};

export const PLACEMENT_DECISION_MAKER_LABELS: Record<PlacementDecisionMaker, string> = {
  COMMITTEE: 'Nämnden',
  DELEGATE: 'Delegat',
  CHAIR: 'Ordföranden',
};
