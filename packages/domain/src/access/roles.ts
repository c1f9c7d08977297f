import { z } from 'zod';

export const ROLES = [
  'foster_care_worker',
  'child_social_worker',
  'head_of_unit',
  'norrbus_convener',
  'norrbus_participant',
  'steering_group_member',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** Swedish titles, as the users call themselves. */
export const ROLE_TITLES: Record<Role, string> = {
  foster_care_worker: 'familjehemssekreterare',
  child_social_worker: 'barnsekreterare',
  head_of_unit: 'enhetschef',
  norrbus_convener: 'sammankallande Norrbus',
  norrbus_participant: 'Norrbusdeltagare',
  steering_group_member: 'styrgruppsledamot',
  administrator: 'administratör',
};

export const ORGANISATION_KINDS = [
  'municipality',
  'region',
  'foster_care_unit',
  'school_unit',
  'social_services_unit',
  'primary_care_unit',
  'specialist_care_unit',
  'steering_group',
  'private_school',
  'private_care_provider',
  'police',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
