import type { Db, Trx } from '../db/database.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import type { CostRates, FeeHomeKind } from './daily-cost.js';

/**
 * The price lists as the cost function takes them, per paying organisation (the owner of the
 * home: the unit for its homes, a municipality for its network and consultant-supported homes).
 */
export async function loadCostRates(db: Db | Trx, payerIds: readonly string[]): Promise<Map<string, CostRates>> {
  const ids = [...new Set(payerIds)];
  const byPayer = new Map<string, { fees: CostRates['fees'][number][]; consultantPrices: CostRates['consultantPrices'][number][]; treatmentSupplements: CostRates['treatmentSupplements'][number][] }>();
  for (const id of ids) byPayer.set(id, { fees: [], consultantPrices: [], treatmentSupplements: [] });
  if (ids.length === 0) return byPayer;
  const [fees, prices, supplements] = await Promise.all([
    db.selectFrom('fee_rates').selectAll().where('owner_org_id', 'in', ids).orderBy('valid_from').execute(),
    db.selectFrom('consultant_prices').selectAll().where('owner_org_id', 'in', ids).orderBy('valid_from').execute(),
    db.selectFrom('treatment_supplements').selectAll().where('owner_org_id', 'in', ids).orderBy('valid_from').execute(),
  ]);
  for (const r of fees) {
    byPayer.get(r.owner_org_id)!.fees.push({
      homeKind: r.home_kind as FeeHomeKind,
      ageFrom: r.age_from,
      ageTo: r.age_to,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      feePerDay: r.fee_per_day,
      expensesPerDay: r.expenses_per_day,
    });
  }
  for (const p of prices) {
    byPayer.get(p.owner_org_id)!.consultantPrices.push({ agencyId: p.agency_id, validFrom: p.valid_from, validTo: p.valid_to, pricePerDay: p.price_per_day });
  }
  for (const s of supplements) {
    byPayer.get(s.owner_org_id)!.treatmentSupplements.push({ validFrom: s.valid_from, validTo: s.valid_to, perDay: s.per_day });
  }
  return byPayer;
}

/** How reports group placements: by the home's kind, and a treatment assignment as its own category. */
export const COST_CATEGORIES = ['own', 'network', 'emergency', 'treatment', 'consultant_supported'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  own: 'Egna familjehem',
  network: 'Nätverkshem',
  emergency: 'Jourhem',
  treatment: 'Behandlingsuppdrag',
  consultant_supported: 'Konsulentstödda familjehem',
};

export function costCategory(homeKind: FosterHomeKind, treatmentAssignment: boolean): CostCategory {
  if (homeKind === 'consultant_supported') return 'consultant_supported';
  if (homeKind === 'treatment' || treatmentAssignment) return 'treatment';
  return homeKind;
}
