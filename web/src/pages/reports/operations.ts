import { operation } from '../../api/graphql';
import type { InterventionRegister, IvoFosterChildList, PlacementOverview, UnexecutedDecisionReport } from '../../api/types';

export const UnexecutedDecisionReportQuery = operation<{ unexecutedDecisionReport: UnexecutedDecisionReport }, { year: number; quarter: number }>(/* GraphQL */ `
  query UnexecutedDecisionReport($year: Int!, $quarter: Int!) {
    unexecutedDecisionReport(year: $year, quarter: $quarter) {
      municipality {
        id
        name
      }
      year
      quarter
      first
      last
      asOf
      total
      notExecuted
      executed
      cancelled
      previousQuarterTotal
      byGender {
        gender
        count
      }
      decisions {
        decidedOn
        intervention
        kind
        legalBasis
        gender
        waitKind
        interruptedOn
        daysWaited
        status
        statusOn
      }
      csv
    }
  }
`);

export const IvoFosterChildListQuery = operation<{ ivoFosterChildList: IvoFosterChildList }, { year: number }>(/* GraphQL */ `
  query IvoFosterChildList($year: Int!) {
    ivoFosterChildList(year: $year) {
      municipality {
        id
        name
      }
      year
      children
      childrenAtYearEnd
      dueOn
      daysUntilDue
      deadlineApproaching
      placements {
        gender
        birthYear
        homeName
        homeKind
        homeMunicipalityName
        term
        placementKind
        legalBasis
        startsOn
        endedOn
        placedAtYearEnd
      }
      csv
    }
  }
`);

/** Reads personnummer: the server records a read of each child in the audit log. */
export const InterventionRegisterQuery = operation<{ interventionRegister: InterventionRegister }, { year: number }>(/* GraphQL */ `
  query InterventionRegister($year: Int!) {
    interventionRegister(year: $year) {
      municipality {
        id
        name
      }
      year
      started
      ended
      interventions {
        childId
        identityNumber
        identityKind
        intervention
        placementKind
        homeKind
        legalBasis
        decidedOn
        startsOn
        endedOn
        endReason
      }
      csv
    }
  }
`);

export const PlacementOverviewQuery = operation<{ placementOverview: PlacementOverview }, { on: string }>(/* GraphQL */ `
  query PlacementOverview($on: Date) {
    placementOverview(on: $on) {
      municipality {
        id
        name
      }
      day
      children
      inHomesNotVisible
      upbringing
      byHomeKind {
        kind
        children
      }
      byTerm {
        term
        children
      }
      csv
    }
  }
`);
