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
  | 'STEERING_GROUP';

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
  householdMembers: HouseholdMember[];
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

export type UpdateFosterHomeResult =
  | { __typename: 'MutationUpdateFosterHomeSuccess'; data: FosterHomeCore }
  | { __typename: 'VersionConflictError'; code: string; message: string; currentVersion: number }
  | { __typename: 'ValidationError'; code: string; message: string; issues: ValidationIssue[] }
  | { __typename: 'NotFoundError'; code: string; message: string }
  | { __typename: 'ForbiddenError'; code: string; message: string }
  | { __typename: 'UnauthenticatedError'; code: string; message: string };
