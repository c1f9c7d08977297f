import { operation } from '../../api/graphql';

/** Money crosses the API as whole öre (1 kr = 100 öre). */
export type Ore = number;

export const COST_CATEGORIES = ['OWN', 'NETWORK', 'EMERGENCY', 'TREATMENT', 'CONSULTANT_SUPPORTED'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type BudgetCategory = CostCategory | 'UNIT_SHARE';

export interface CategoryCost {
  category: CostCategory | null;
  label: string;
  placements: number;
  days: number;
  dailyCost: Ore;
  extra: Ore;
  total: Ore;
  averageDailyCost: Ore | null;
}

export interface MonthCost {
  /** YYYY-MM */
  month: string;
  categories: CategoryCost[];
  outcome: Ore;
  forecast: Ore;
}

export interface BudgetLine {
  category: BudgetCategory | null;
  label: string;
  budget: Ore | null;
  outcomeToDate: Ore;
  forecast: Ore;
  deviation: Ore | null;
}

export interface SavingsPotential {
  consultantDays: number;
  consultantCost: Ore;
  atOwnRates: Ore;
  potential: Ore;
}

export interface SavingsTrendYear {
  year: number;
  ownDays: number;
  consultantDays: number;
  /** Percent with one decimal (12.5 = 12,5 %). */
  consultantShare: number;
  potential: Ore;
}

export interface UnitCostShare {
  municipality: { id: string; name: string };
  /** Hundredths of a percent: 10 000 = 100 %. */
  basisPoints: number;
  amount: Ore;
}

/** What both reports have: the months, the categories, egen regi against konsulentstött and the savings. */
export interface CostReport {
  year: number;
  asOf: string;
  months: MonthCost[];
  categories: CategoryCost[];
  own: CategoryCost;
  consultant: CategoryCost;
  savings: SavingsPotential;
  savingsTrend: SavingsTrendYear[];
  daysWithoutRate: number;
  csv: string;
}

export interface MunicipalityCostReport extends CostReport {
  municipality: { id: string; name: string };
  budget: BudgetLine[];
  budgetTotal: BudgetLine;
  unitShare: UnitCostShare | null;
  unitRunningCost: Ore | null;
}

export interface MunicipalityCostSummary {
  municipality: { id: string; name: string };
  categories: CategoryCost[];
  total: CategoryCost;
  savings: SavingsPotential;
}

export interface UnitCostReport extends CostReport {
  unit: { id: string; name: string };
  municipalities: MunicipalityCostSummary[];
  runningCost: Ore | null;
  split: UnitCostShare[];
}

export interface PlacementCostLine {
  placementId: string;
  childId: string;
  childName: string;
  homeName: string;
  category: CostCategory;
  startsOn: string;
  endedOn: string | null;
  days: number;
  dailyCost: Ore;
  extra: Ore;
  total: Ore;
  averageDailyCost: Ore | null;
}

export interface ReportPeriod {
  year: number;
  asOf: string | null;
}

export interface PlacementCostsFilter extends ReportPeriod {
  category: CostCategory | null;
  month: string | null;
}

const COST_FIELDS = /* GraphQL */ `
  fragment CostFields on CategoryCost {
    category
    label
    placements
    days
    dailyCost
    extra
    total
    averageDailyCost
  }
`;

const SAVINGS_FIELDS = /* GraphQL */ `
  fragment SavingsFields on SavingsPotential {
    consultantDays
    consultantCost
    atOwnRates
    potential
  }
`;

const SHARE_FIELDS = /* GraphQL */ `
  fragment ShareFields on UnitCostShare {
    municipality {
      id
      name
    }
    basisPoints
    amount
  }
`;

/** The fields of the CostReport interface both reports implement. */
const COST_REPORT_FIELDS = /* GraphQL */ `
  fragment CostReportFields on CostReport {
    year
    asOf
    months {
      month
      categories {
        ...CostFields
      }
      outcome
      forecast
    }
    categories {
      ...CostFields
    }
    own {
      ...CostFields
    }
    consultant {
      ...CostFields
    }
    savings {
      ...SavingsFields
    }
    savingsTrend {
      year
      ownDays
      consultantDays
      consultantShare
      potential
    }
    daysWithoutRate
  }
  ${COST_FIELDS}
  ${SAVINGS_FIELDS}
`;

const BUDGET_FIELDS = /* GraphQL */ `
  fragment BudgetFields on BudgetLine {
    category
    label
    budget
    outcomeToDate
    forecast
    deviation
  }
`;

export const MunicipalityCostReportQuery = operation<{ municipalityCostReport: MunicipalityCostReport }, ReportPeriod>(/* GraphQL */ `
  query MunicipalityCostReport($year: Int!, $asOf: Date) {
    municipalityCostReport(year: $year, asOf: $asOf) {
      ...CostReportFields
      municipality {
        id
        name
      }
      budget {
        ...BudgetFields
      }
      budgetTotal {
        ...BudgetFields
      }
      unitShare {
        ...ShareFields
      }
      unitRunningCost
      csv
    }
  }
  ${COST_REPORT_FIELDS}
  ${BUDGET_FIELDS}
  ${SHARE_FIELDS}
`);

/** Sums per member municipality only: the unit never sees a placement or a child here. */
export const UnitCostReportQuery = operation<{ unitCostReport: UnitCostReport }, ReportPeriod>(/* GraphQL */ `
  query UnitCostReport($year: Int!, $asOf: Date) {
    unitCostReport(year: $year, asOf: $asOf) {
      ...CostReportFields
      unit {
        id
        name
      }
      municipalities {
        municipality {
          id
          name
        }
        categories {
          ...CostFields
        }
        total {
          ...CostFields
        }
        savings {
          ...SavingsFields
        }
      }
      runningCost
      split {
        ...ShareFields
      }
      csv
    }
  }
  ${COST_REPORT_FIELDS}
  ${SHARE_FIELDS}
`);

/** Reads the children's names: the server logs the read per child. */
export const PlacementCostsQuery = operation<{ placementCosts: PlacementCostLine[] }, PlacementCostsFilter>(/* GraphQL */ `
  query PlacementCosts($year: Int!, $asOf: Date, $category: CostCategory, $month: String) {
    placementCosts(year: $year, asOf: $asOf, category: $category, month: $month) {
      placementId
      childId
      childName
      homeName
      category
      startsOn
      endedOn
      days
      dailyCost
      extra
      total
      averageDailyCost
    }
  }
`);

/** Fetched only when asked for, so showing the list does not read every child twice. */
export const PlacementCostsCsvQuery = operation<{ placementCostsCsv: string }, PlacementCostsFilter>(/* GraphQL */ `
  query PlacementCostsCsv($year: Int!, $asOf: Date, $category: CostCategory, $month: String) {
    placementCostsCsv(year: $year, asOf: $asOf, category: $category, month: $month)
  }
`);
