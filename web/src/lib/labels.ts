import type {
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
