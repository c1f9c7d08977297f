import type { IsoDate } from '../db/tables.js';
import { addDays, daysBetween } from '../shared/dates.js';
import type { Ore } from './daily-cost.js';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from './rates.js';

/**
 * The arithmetic of the cost reports, pure: sums per category and month, own against
 * consultant-supported, budget against outcome and forecast, and the savings potential.
 * The figures come from placement costs per month (month-costs.ts); nothing here rounds
 * except the average per day, which is rounded to the öre.
 */

/** One row of costs: a placement's month (with its id) or a sum over placements (with a count). */
export interface CostFacts {
  readonly category: CostCategory;
  /** YYYY-MM, or null for a sum over a whole period. */
  readonly month: string | null;
  /** Set when the row is one placement's; such rows count placements by distinct id. */
  readonly placementId: string | null;
  /** For summed rows: the distinct placements behind them. */
  readonly placements: number;
  readonly days: number;
  readonly total: Ore;
  readonly extra: Ore;
  readonly atOwnRates: Ore;
  readonly daysWithoutRate: number;
}

export interface CategoryCost {
  /** Null on combined rows (own homes together, everything). */
  readonly category: CostCategory | null;
  readonly label: string;
  readonly placements: number;
  readonly days: number;
  /** Daily costs only: fee, expense allowance, treatment supplement, consultant price. */
  readonly dailyCost: Ore;
  readonly extra: Ore;
  readonly total: Ore;
  /** dailyCost per day, rounded to the öre; null without days. */
  readonly averageDailyCost: Ore | null;
}

export const BUDGET_CATEGORIES = [...COST_CATEGORIES, 'unit_share'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];
export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, string> = { ...COST_CATEGORY_LABELS, unit_share: 'Andel av familjehemsenhetens kostnad' };

export const OWN_HOMES_LABEL = 'Egen regi (egna, nätverks-, jour- och behandlingshem)';
export const TOTAL_LABEL = 'Totalt';

/** Average per day rounded half up to the öre; exact in integers. */
export function averageDailyCost(dailyCost: Ore, days: number): Ore | null {
  if (days === 0) return null;
  return Number((2n * BigInt(dailyCost) + BigInt(days)) / (2n * BigInt(days)));
}

/** Sums rows into one category row; placements are counted once each. */
export function categoryCost(category: CostCategory | null, label: string, rows: readonly CostFacts[]): CategoryCost {
  const ids = new Set<string>();
  let placements = 0;
  let days = 0;
  let total = 0;
  let extra = 0;
  for (const row of rows) {
    if (row.placementId !== null) ids.add(row.placementId);
    else placements += row.placements;
    days += row.days;
    total += row.total;
    extra += row.extra;
  }
  const dailyCost = total - extra;
  return { category, label, placements: placements + ids.size, days, dailyCost, extra, total, averageDailyCost: averageDailyCost(dailyCost, days) };
}

/** One row per category that has days or costs, in the categories' order. */
export function costsByCategory(rows: readonly CostFacts[]): CategoryCost[] {
  return COST_CATEGORIES.map((category) => categoryCost(category, COST_CATEGORY_LABELS[category], rows.filter((r) => r.category === category))).filter(
    (c) => c.days > 0 || c.total !== 0,
  );
}

export const isConsultant = (row: CostFacts) => row.category === 'consultant_supported';

export function ownVersusConsultant(rows: readonly CostFacts[]): { own: CategoryCost; consultant: CategoryCost } {
  return {
    own: categoryCost(null, OWN_HOMES_LABEL, rows.filter((r) => !isConsultant(r))),
    consultant: categoryCost('consultant_supported', COST_CATEGORY_LABELS.consultant_supported, rows.filter(isConsultant)),
  };
}

export interface MonthCost {
  readonly month: string;
  /** The month's outcome (utfall) up to the report day. */
  readonly categories: readonly CategoryCost[];
  readonly outcome: Ore;
  /** Outcome plus what the rest of the month is expected to cost. */
  readonly forecast: Ore;
}

const sum = (rows: readonly CostFacts[], pick: (r: CostFacts) => number) => rows.reduce((acc, r) => acc + pick(r), 0);

/** All twelve months of the year, with the outcome and the forecast of each. */
export function monthlyCosts(year: number, outcome: readonly CostFacts[], expected: readonly CostFacts[]): MonthCost[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const actual = outcome.filter((r) => r.month === month);
    const outcomeTotal = sum(actual, (r) => r.total);
    return {
      month,
      categories: costsByCategory(actual),
      outcome: outcomeTotal,
      forecast: outcomeTotal + sum(expected.filter((r) => r.month === month), (r) => r.total),
    };
  });
}

export interface SavingsPotential {
  readonly consultantDays: number;
  /** Daily costs of the consultant-supported days (extra costs left out on both sides). */
  readonly consultantCost: Ore;
  /** The same days at own-home rates for the child's age. */
  readonly atOwnRates: Ore;
  readonly potential: Ore;
}

export function savingsPotential(rows: readonly CostFacts[]): SavingsPotential {
  const consultant = rows.filter(isConsultant);
  const consultantCost = sum(consultant, (r) => r.total - r.extra);
  const atOwnRates = sum(consultant, (r) => r.atOwnRates);
  return { consultantDays: sum(consultant, (r) => r.days), consultantCost, atOwnRates, potential: consultantCost - atOwnRates };
}

export interface SavingsTrendYear {
  readonly year: number;
  readonly ownDays: number;
  readonly consultantDays: number;
  /** Consultant-supported days as a percentage of all days, one decimal; 0 without days. */
  readonly consultantShare: number;
  readonly potential: Ore;
}

/**
 * Per year, from rows whose month says the year; years before the first with placement days are
 * left out (the report's own year always stays).
 */
export function savingsTrend(years: readonly number[], rows: readonly CostFacts[]): SavingsTrendYear[] {
  const trend = years.map((year) => {
    const inYear = rows.filter((r) => r.month !== null && r.month.startsWith(`${year}-`));
    const savings = savingsPotential(inYear);
    const ownDays = sum(inYear.filter((r) => !isConsultant(r)), (r) => r.days);
    const all = ownDays + savings.consultantDays;
    return { year, ownDays, consultantDays: savings.consultantDays, consultantShare: all === 0 ? 0 : Math.round((savings.consultantDays * 1000) / all) / 10, potential: savings.potential };
  });
  const first = trend.findIndex((t) => t.ownDays + t.consultantDays > 0);
  return trend.slice(first === -1 ? trend.length - 1 : Math.min(first, trend.length - 1));
}

export interface BudgetLine {
  /** Null on the total line. */
  readonly category: BudgetCategory | null;
  readonly label: string;
  readonly budget: Ore | null;
  readonly outcomeToDate: Ore;
  /** Prognos helår: outcome so far and what current placements cost to their planned ends. */
  readonly forecast: Ore;
  /** Avvikelse: budget minus forecast; negative when the year is expected to go over budget. */
  readonly deviation: Ore | null;
}

/** The municipality's share of the unit's running cost for the year. */
export interface UnitShareFigures {
  readonly amount: Ore;
  readonly yearFrom: IsoDate;
  readonly yearTo: IsoDate;
}

/**
 * Budget lines per category and in total. The unit share is charged evenly over the year: its
 * outcome to date is the share of the days passed (rounded down to the öre), its forecast the
 * whole share.
 */
export function budgetLines(
  budgets: ReadonlyMap<BudgetCategory, Ore>,
  outcome: readonly CostFacts[],
  expected: readonly CostFacts[],
  unitShare: UnitShareFigures | null,
  asOf: IsoDate,
): { lines: BudgetLine[]; total: BudgetLine } {
  const lines = BUDGET_CATEGORIES.map((category): BudgetLine => {
    let outcomeToDate: Ore;
    let forecast: Ore;
    if (category === 'unit_share') {
      const share = unitShare?.amount ?? 0;
      const yearDays = unitShare ? daysBetween(unitShare.yearFrom, addDays(unitShare.yearTo, 1)) : 1;
      const passed = unitShare ? Math.max(0, Math.min(yearDays, daysBetween(unitShare.yearFrom, addDays(asOf, 1)))) : 0;
      outcomeToDate = Number((BigInt(share) * BigInt(passed)) / BigInt(yearDays));
      forecast = share;
    } else {
      outcomeToDate = sum(outcome.filter((r) => r.category === category), (r) => r.total);
      forecast = outcomeToDate + sum(expected.filter((r) => r.category === category), (r) => r.total);
    }
    const budget = budgets.get(category) ?? null;
    return { category, label: BUDGET_CATEGORY_LABELS[category], budget, outcomeToDate, forecast, deviation: budget === null ? null : budget - forecast };
  });
  const budgeted = lines.filter((l) => l.budget !== null);
  const totalBudget = budgeted.length === 0 ? null : budgeted.reduce((acc, l) => acc + l.budget!, 0);
  const totalForecast = lines.reduce((acc, l) => acc + l.forecast, 0);
  return {
    lines,
    total: {
      category: null,
      label: TOTAL_LABEL,
      budget: totalBudget,
      outcomeToDate: lines.reduce((acc, l) => acc + l.outcomeToDate, 0),
      forecast: totalForecast,
      deviation: totalBudget === null ? null : totalBudget - totalForecast,
    },
  };
}
