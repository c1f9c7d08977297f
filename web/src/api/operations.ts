import { operation } from './graphql';
import type {
  FosterHomeConnection,
  FosterHomeCore,
  FosterHomeDetails,
  FosterHomeFilter,
  MutationResult,
  OrganisationRef,
  UpdateFosterHomeInput,
  Viewer,
} from './types';

/** The typed errors every mutation may answer with. */
const MUTATION_ERROR_FIELDS = /* GraphQL */ `
  ... on Error {
    code
    message
  }
  ... on ValidationError {
    issues {
      path
      message
    }
  }
  ... on RuleViolationError {
    rule
  }
  ... on VersionConflictError {
    currentVersion
  }
`;

/**
 * A mutation that answers with a result union, as `result`: the success payload's `data` (the
 * fields in `selection`, and the fragments they spread) or one of the typed errors.
 */
export function resultMutation<TData, TInput>(field: string, inputType: string, selection: string, fragments = '') {
  const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  return operation<{ result: MutationResult<TData> }, { input: TInput }>(/* GraphQL */ `
    mutation ${name}($input: ${inputType}!) {
      result: ${field}(input: $input) {
        __typename
        ... on Mutation${name}Success {
          data {
            ${selection}
          }
        }
        ${MUTATION_ERROR_FIELDS}
      }
    }
    ${fragments}
  `);
}

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

/** Every municipality, to choose one from: the field `municipalities` of a query. */
export const MUNICIPALITIES = /* GraphQL */ `
  municipalities: organisations(kind: MUNICIPALITY) {
    id
    name
    kind
  }
`;

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
    ${MUNICIPALITIES}
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
export const UpdateFosterHomeMutation = resultMutation<FosterHomeCore, UpdateFosterHomeInput>(
  'updateFosterHome',
  'UpdateFosterHomeInput',
  '...FosterHomeCoreFields',
  FOSTER_HOME_CORE_FIELDS,
);
