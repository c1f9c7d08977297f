import { operation } from '../../api/graphql';
import { MUNICIPALITIES, resultMutation } from '../../api/operations';
import type { ChildNeedsInput, FosterHomePlaces, FreePlace, FreePlaceFilter, MatchFosterHomesResult, OrganisationRef } from '../../api/types';

/** Reads the children placed in the home too, which the server records in the audit log. */
export const FosterHomePlacesQuery = operation<{ fosterHome: FosterHomePlaces | null }, { id: string }>(/* GraphQL */ `
  query FosterHomePlaces($id: ID!) {
    fosterHome(id: $id) {
      id
      languages
      occupancy {
        day
        hasCurrentApproval
        approvedPlaces
        occupiedPlaces
        freePlaces
        placeKind
        minChildAge
        maxChildAge
        forNamedChildOnly
        approvalValidUntil
        occupants {
          child {
            id
            givenName
            familyName
            age
          }
          placingMunicipality {
            id
            name
          }
          since
        }
      }
    }
  }
`);

export const UpdateFosterHomeLanguagesMutation = resultMutation<
  { id: string; version: number; updatedAt: string; languages: string[] },
  { id: string; expectedVersion: number; languages: string[] }
>('updateFosterHome', 'UpdateFosterHomeInput', 'id version updatedAt languages');

export const FreePlacesQuery = operation<{ freePlaces: FreePlace[] }, { filter: FreePlaceFilter }>(/* GraphQL */ `
  query FreePlaces($filter: FreePlaceFilter) {
    freePlaces(filter: $filter) {
      kind
      minChildAge
      maxChildAge
      approvedPlaces
      occupiedPlaces
      freePlaces
      approvalValidUntil
      municipality {
        id
        name
      }
      home {
        id
        name
        languages
      }
    }
  }
`);

/** The unit's member municipalities (where a home counts as near), and every municipality for school and family. */
export const MatchingAreaQuery = operation<{ matchingArea: OrganisationRef[]; municipalities: OrganisationRef[] }>(/* GraphQL */ `
  query MatchingArea {
    matchingArea {
      id
      name
      kind
    }
    ${MUNICIPALITIES}
  }
`);

export const MatchFosterHomesQuery = operation<{ matchFosterHomes: MatchFosterHomesResult }, { needs: ChildNeedsInput }>(/* GraphQL */ `
  query MatchFosterHomes($needs: ChildNeedsInput!) {
    matchFosterHomes(needs: $needs) {
      __typename
      ... on QueryMatchFosterHomesSuccess {
        data {
          candidates {
            rank
            placeKind
            freePlaces
            networkForChild
            sharedLanguages
            proximity
            reasons
            home {
              id
              name
              municipality {
                id
                name
              }
            }
          }
          excluded {
            reasons
            home {
              id
              name
            }
          }
        }
      }
      ... on ValidationError {
        code
        message
        issues {
          path
          message
        }
      }
    }
  }
`);
