import { operation } from '../../api/graphql';
import { resultMutation } from '../../api/operations';
import type { BudgetCategory, Ore } from './cost-report-operations';

/** Amounts are integer öre (the API's Money). */

export type FeeHomeKind = 'OWN' | 'NETWORK' | 'EMERGENCY' | 'TREATMENT';
export const FEE_HOME_KINDS: readonly FeeHomeKind[] = ['OWN', 'NETWORK', 'EMERGENCY', 'TREATMENT'];
export const FEE_HOME_KIND_LABELS: Record<FeeHomeKind, string> = {
  OWN: 'Egna familjehem',
  NETWORK: 'Nätverkshem',
  EMERGENCY: 'Jourhem',
  TREATMENT: 'Familjehem med behandlingsuppdrag',
};

export type RatePeriodStatus = 'PAST' | 'CURRENT' | 'FUTURE';
export const RATE_PERIOD_STATUS_LABELS: Record<RatePeriodStatus, string> = { PAST: 'Har upphört', CURRENT: 'Gäller', FUTURE: 'Kommande' };

interface Period {
  id: string;
  validFrom: string;
  validTo: string | null;
  status: RatePeriodStatus;
}

export interface FeeRatePeriod extends Period {
  homeKind: FeeHomeKind;
  ageFrom: number;
  ageTo: number;
  feePerDay: Ore;
  expensesPerDay: Ore;
  perDay: Ore;
}

export interface ConsultantPricePeriod extends Period {
  agency: { id: string; name: string };
  contractReference: string;
  pricePerDay: Ore;
}

export interface TreatmentSupplementPeriod extends Period {
  perDay: Ore;
}

export interface PriceList {
  owner: { id: string; name: string };
  on: string;
  canEdit: boolean;
  feeRates: FeeRatePeriod[];
  consultantPrices: ConsultantPricePeriod[];
  treatmentSupplements: TreatmentSupplementPeriod[];
  indices: Array<{ year: number; basisPoints: number }>;
}

export interface PriceListData {
  priceListOwners: Array<{ id: string; name: string }>;
  priceList: PriceList;
  consultancyAgencies: Array<{ id: string; name: string }>;
}

const PERIOD = /* GraphQL */ `
  id
  validFrom
  validTo
  status
`;

export const PriceListQuery = operation<PriceListData, { ownerId: string | null }>(/* GraphQL */ `
  query PriceList($ownerId: ID) {
    priceListOwners {
      id
      name
    }
    priceList(ownerId: $ownerId) {
      owner {
        id
        name
      }
      on
      canEdit
      feeRates {
        ${PERIOD}
        homeKind
        ageFrom
        ageTo
        feePerDay
        expensesPerDay
        perDay
      }
      consultantPrices {
        ${PERIOD}
        agency {
          id
          name
        }
        contractReference
        pricePerDay
      }
      treatmentSupplements {
        ${PERIOD}
        perDay
      }
      indices {
        year
        basisPoints
      }
    }
    consultancyAgencies {
      id
      name
    }
  }
`);

interface NewPeriod {
  validFrom: string;
  validTo: string | null;
}

/** The page fetches the price list again after a change, so the answer only confirms it. */
function priceListMutation<TInput>(field: string, inputType: string) {
  return resultMutation<{ on: string }, TInput>(field, inputType, 'on');
}

export const AddFeeRateMutation = priceListMutation<NewPeriod & { homeKind: FeeHomeKind; ageFrom: number; ageTo: number; feePerDay: Ore; expensesPerDay: Ore }>('addFeeRate', 'AddFeeRateInput');
export const AddConsultantPriceMutation = priceListMutation<NewPeriod & { agencyId: string; contractReference: string; pricePerDay: Ore }>('addConsultantPrice', 'AddConsultantPriceInput');
export const AddTreatmentSupplementMutation = priceListMutation<NewPeriod & { perDay: Ore }>('addTreatmentSupplement', 'AddTreatmentSupplementInput');
export const ApplyRateIndexMutation = priceListMutation<{ year: number; basisPoints: number }>('applyRateIndex', 'ApplyRateIndexInput');


export interface Budget {
  category: BudgetCategory;
  label: string;
  amount: Ore | null;
  version: number | null;
}

export interface UnitRunningCost {
  year: number;
  amount: Ore;
  version: number;
}

export const BudgetsQuery = operation<{ budgets: Budget[] }, { year: number }>(/* GraphQL */ `
  query Budgets($year: Int!) {
    budgets(year: $year) {
      category
      label
      amount
      version
    }
  }
`);

export const UnitRunningCostQuery = operation<{ unitRunningCost: UnitRunningCost | null }, { year: number }>(/* GraphQL */ `
  query UnitRunningCost($year: Int!) {
    unitRunningCost(year: $year) {
      year
      amount
      version
    }
  }
`);

export const SetBudgetMutation = resultMutation<Budget, { year: number; category: BudgetCategory; amount: Ore; expectedVersion: number | null }>(
  'setBudget',
  'SetBudgetInput',
  'category label amount version',
);

export const SetUnitRunningCostMutation = resultMutation<UnitRunningCost, { year: number; amount: Ore; expectedVersion: number | null }>(
  'setUnitRunningCost',
  'SetUnitRunningCostInput',
  'year amount version',
);
