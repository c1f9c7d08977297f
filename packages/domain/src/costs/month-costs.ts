import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import type { Ore } from './daily-cost.js';
import type { CostCategory } from './rates.js';

/**
 * Placement costs per placement and calendar month computed in SQL (the database function
 * `placement_month_costs`, migration 0006) for reports over many placements. It follows the
 * rules of `placementCost` in daily-cost.ts exactly; month-costs.test.ts checks the two agree on
 * random data. Where the domain function refuses a day without a rate, SQL counts it in
 * `daysWithoutRate` so a report can show the gap instead of failing.
 */
export interface PlacementMonthCost {
  readonly placementId: string;
  readonly municipalityId: string;
  /** YYYY-MM */
  readonly month: string;
  readonly category: CostCategory;
  readonly days: number;
  readonly fee: Ore;
  readonly expenses: Ore;
  readonly treatmentSupplement: Ore;
  readonly consultantPrice: Ore;
  readonly extra: Ore;
  readonly total: Ore;
  readonly daysWithoutRate: number;
  /** Consultant-supported days priced at own-home rates (the savings potential); 0 for other homes. */
  readonly atOwnRates: Ore;
}

export interface MonthCostQuery {
  /** Placing municipalities whose placements are counted (row-level security still applies). */
  readonly municipalityIds: readonly string[];
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Take ongoing placements to their planned end (for a forecast) instead of to `to`. */
  readonly plannedEnds?: boolean;
  /** Whose own-home rates price the consultant-supported days for the savings potential. */
  readonly ownRatesOwnerId: string;
}

export async function placementMonthCosts(db: Db | Trx, query: MonthCostQuery): Promise<PlacementMonthCost[]> {
  if (query.municipalityIds.length === 0) return [];
  const { rows } = await sql<{
    placement_id: string;
    municipality_id: string;
    month: IsoDate;
    category: CostCategory;
    days: number;
    fee: number;
    expenses: number;
    treatment_supplement: number;
    consultant_price: number;
    extra: number;
    total: number;
    days_without_rate: number;
    at_own_rates: number;
  }>`select * from placement_month_costs(${sql.val([...query.municipalityIds])}::uuid[], ${query.from}::date, ${query.to}::date, ${query.plannedEnds ?? false}, ${query.ownRatesOwnerId}::uuid)
     order by month, placement_id`.execute(db);
  return rows.map((r) => ({
    placementId: r.placement_id,
    municipalityId: r.municipality_id,
    month: r.month.slice(0, 7),
    category: r.category,
    days: r.days,
    fee: r.fee,
    expenses: r.expenses,
    treatmentSupplement: r.treatment_supplement,
    consultantPrice: r.consultant_price,
    extra: r.extra,
    total: r.total,
    daysWithoutRate: r.days_without_rate,
    atOwnRates: r.at_own_rates,
  }));
}

/**
 * The joint unit's sums for its members: no placement, no child (database function
 * `unit_month_costs`). `month` null: the whole period, with each placement counted once.
 */
export interface UnitMonthCost {
  readonly municipalityId: string;
  readonly month: string | null;
  readonly category: CostCategory;
  readonly placements: number;
  readonly days: number;
  readonly total: Ore;
  readonly extra: Ore;
  readonly daysWithoutRate: number;
  readonly atOwnRates: Ore;
}

export async function unitMonthCosts(trx: Trx, range: { from: IsoDate; to: IsoDate; plannedEnds?: boolean }): Promise<UnitMonthCost[]> {
  const { rows } = await sql<{
    municipality_id: string;
    month: IsoDate | null;
    category: CostCategory;
    placements: number;
    days: number;
    total: number;
    extra: number;
    days_without_rate: number;
    at_own_rates: number;
  }>`select * from unit_month_costs(${range.from}::date, ${range.to}::date, ${range.plannedEnds ?? false})
     order by month nulls first, municipality_id, category`.execute(trx);
  return rows.map((r) => ({
    municipalityId: r.municipality_id,
    month: r.month === null ? null : r.month.slice(0, 7),
    category: r.category,
    placements: r.placements,
    days: r.days,
    total: r.total,
    extra: r.extra,
    daysWithoutRate: r.days_without_rate,
    atOwnRates: r.at_own_rates,
  }));
}
