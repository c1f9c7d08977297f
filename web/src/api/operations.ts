import { operation } from './graphql';
import type {
  FosterHomeConnection,
  FosterHomeDetails,
  FosterHomeFilter,
  OrganisationRef,
  UpdateFosterHomeInput,
  UpdateFosterHomeResult,
  Viewer,
} from './types';

export const ViewerQuery = operation<{ viewer: Viewer | null }>(/* GraphQL */ `
  query Viewer {
    viewer {
      user {
        id
        displayName
      }
      organisation {
        id
        name
        kind
      }
      roles
    }
  }
`);

export const FosterHomesQuery = operation<
  { fosterHomes: FosterHomeConnection },
  { first: number; after: string | null; filter: FosterHomeFilter }
>(/* GraphQL */ `
  query FosterHomes($first: Int, $after: String, $filter: FosterHomeFilter) {
    fosterHomes(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          kind
          status
          places
          city
          municipality {
            id
            name
          }
          owner {
            id
            name
          }
          consultancyAgency {
            id
            name
          }
        }
      }
    }
  }
`);

/** Organisations that can own (be responsible for) a foster home. */
export const FosterHomeOwnerOptionsQuery = operation<{
  units: OrganisationRef[];
  municipalities: OrganisationRef[];
}>(/* GraphQL */ `
  query FosterHomeOwnerOptions {
    units: organisations(kind: FOSTER_CARE_UNIT) {
      id
      name
      kind
    }
    municipalities: organisations(kind: MUNICIPALITY) {
      id
      name
      kind
    }
  }
`);

const FOSTER_HOME_CORE_FIELDS = /* GraphQL */ `
  fragment FosterHomeCoreFields on FosterHome {
    id
    name
    kind
    status
    places
    streetAddress
    postalCode
    city
    municipality {
      id
      name
    }
    owner {
      id
      name
      kind
    }
    approvedBy {
      id
      name
    }
    approvedOn
    consultancyAgency {
      id
      name
      ivoPermitNumber
      organisationNumber
    }
    version
    updatedAt
  }
`;

/**
 * Reads the household too when the viewer keeps the register (the server records that read in
 * the audit log); a placing municipality's social worker sees the home without it.
 */
export const FosterHomeQuery = operation<{ fosterHome: FosterHomeDetails | null }, { id: string; withHousehold: boolean }>(
  /* GraphQL */ `
  query FosterHome($id: ID!, $withHousehold: Boolean!) {
    fosterHome(id: $id) {
      ...FosterHomeCoreFields
      householdMembers @include(if: $withHousehold) {
        id
        givenName
        familyName
        personalIdentityNumber
        role
      }
    }
  }
  ${FOSTER_HOME_CORE_FIELDS}
`,
);

/** The success payload leaves out the household so that saving does not log another read. */
export const UpdateFosterHomeMutation = operation<
  { updateFosterHome: UpdateFosterHomeResult },
  { input: UpdateFosterHomeInput }
>(/* GraphQL */ `
  mutation UpdateFosterHome($input: UpdateFosterHomeInput!) {
    updateFosterHome(input: $input) {
      __typename
      ... on MutationUpdateFosterHomeSuccess {
        data {
          ...FosterHomeCoreFields
        }
      }
      ... on VersionConflictError {
        code
        message
        currentVersion
      }
      ... on ValidationError {
        code
        message
        issues {
          path
          message
        }
      }
      ... on NotFoundError {
        code
        message
      }
      ... on ForbiddenError {
        code
        message
      }
      ... on UnauthenticatedError {
        code
        message
      }
    }
  }
  ${FOSTER_HOME_CORE_FIELDS}
`);
