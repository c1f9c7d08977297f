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
}
