import type {
  FosterHomeKind,
  FosterHomeStatus,
  HouseholdRole,
  OrganisationKind,
  Role,
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
