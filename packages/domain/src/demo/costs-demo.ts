import type { Insertable } from 'kysely';
import type { FeeRatesTable, IsoDate, PlacementExtraCostsTable } from '../db/tables.js';
import { placementMonthCosts } from '../costs/month-costs.js';
import { COST_CATEGORIES } from '../costs/rates.js';
import { sharesFromPopulation } from '../units/cost-sharing.js';
import { addDays, daysBetween } from '../shared/dates.js';
import { JOINT_UNIT_MUNICIPALITIES, type DemoContext } from './demo-data.js';

/**
 * Rates, prices, budgets and the unit's running cost from 2020 to next year, in integer öre.
 *
 * Seed 001 gives Lindesberg's average daily costs in May 2022: own homes 560 kr, own emergency
 * places 660 kr, treatment assignment 1 484 kr, consultant-supported 1 650–2 900 kr with an
 * average of 2 100 kr. The 2022 price list is built from those figures: the age bands split
 * arvode and omkostnadsersättning differently but add up to the same daily amount, so the
 * averages hold whatever the children's ages. Other years follow by the year's index. The two
 * agencies' 2022 prices in Lindesberg's contracts are set so that the days Lindesberg's children
 * actually spent with each agency in May 2022 average 2 100 kr (whole kronor).
 */

const kr = (amount: number) => Math.round(amount * 100);
const FIRST_YEAR = 2020;
const BASE_YEAR = 2022;
/** The year's index (uppräkning) over the year before, in basis points. */
const INDEX: Readonly<Record<number, number>> = { 2021: 180, 2022: 260, 2023: 460, 2024: 410, 2025: 290, 2026: 260, 2027: 250, 2028: 250 };

interface Band {
  readonly homeKind: 'own' | 'network' | 'emergency' | 'treatment';
  readonly ageFrom: number;
  readonly ageTo: number;
  readonly fee: number;
  readonly expenses: number;
}

/** 2022, in kronor per day. */
const UNIT_BANDS: readonly Band[] = [
  { homeKind: 'own', ageFrom: 0, ageTo: 12, fee: 380, expenses: 180 },
  { homeKind: 'own', ageFrom: 13, ageTo: 20, fee: 335, expenses: 225 },
  { homeKind: 'emergency', ageFrom: 0, ageTo: 20, fee: 480, expenses: 180 },
  { homeKind: 'treatment', ageFrom: 0, ageTo: 12, fee: 380, expenses: 180 },
  { homeKind: 'treatment', ageFrom: 13, ageTo: 20, fee: 335, expenses: 225 },
];
const NETWORK_BANDS: readonly Band[] = [
  { homeKind: 'network', ageFrom: 0, ageTo: 12, fee: 250, expenses: 180 },
  { homeKind: 'network', ageFrom: 13, ageTo: 20, fee: 205, expenses: 225 },
];
const TREATMENT_SUPPLEMENT_2022 = 924;
/** Contract prices in 2022 per agency (in the order of the demo agencies) outside Lindesberg. */
const CONSULTANT_PRICES_2022 = [1_650, 2_900];
const SEED_CONSULTANT_AVERAGE = 2_100;
const UNIT_RUNNING_COST_2023 = 7_400_000;

/** An amount in öre for each year, indexed from the base year and rounded to whole kronor. */
function indexedByYear(base: number, lastYear: number, baseYear = BASE_YEAR): Map<number, number> {
  const amounts = new Map<number, number>([[baseYear, base]]);
  for (let year = baseYear + 1; year <= lastYear; year++) {
    amounts.set(year, kr(Math.round((amounts.get(year - 1)! * (10_000 + INDEX[year]!)) / 10_000 / 100)));
  }
  for (let year = baseYear - 1; year >= FIRST_YEAR; year--) {
    amounts.set(year, kr(Math.round((amounts.get(year + 1)! * 10_000) / (10_000 + INDEX[year + 1]!) / 100)));
  }
  return amounts;
}

const yearPeriod = (year: number, lastYear: number) => ({ valid_from: `${year}-01-01`, valid_to: year === lastYear ? null : `${year}-12-31` });

export async function loadCostsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today, unitId, organisationIds } = context;
  const lastYear = Number(today.slice(0, 4)) + 1;
  const years = Array.from({ length: lastYear - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  const municipalityIds = JOINT_UNIT_MUNICIPALITIES.map((m) => organisationIds.get(m.key)!);
  const lindesberg = organisationIds.get('lindesberg')!;
  const administrator = context.userIds.get('eva.ahlin@lindesberg.se') ?? null;

  const feeRows: Insertable<FeeRatesTable>[] = [];
  const addBands = (owner: string, bands: readonly Band[]) => {
    for (const band of bands) {
      const fees = indexedByYear(kr(band.fee), lastYear);
      const expenses = indexedByYear(kr(band.expenses), lastYear);
      for (const year of years) {
        feeRows.push({ owner_org_id: owner, home_kind: band.homeKind, age_from: band.ageFrom, age_to: band.ageTo, ...yearPeriod(year, lastYear), fee_per_day: fees.get(year)!, expenses_per_day: expenses.get(year)!, created_by: administrator });
      }
    }
  };
  addBands(unitId, UNIT_BANDS);
  for (const id of municipalityIds) addBands(id, NETWORK_BANDS);
  await trx.insertInto('fee_rates').values(feeRows).execute();
  await trx
    .insertInto('rate_indices')
    .values(years.filter((y) => INDEX[y] !== undefined).map((year) => ({ owner_org_id: unitId, year, basis_points: INDEX[year]!, created_by: administrator })))
    .execute();
  const supplements = indexedByYear(kr(TREATMENT_SUPPLEMENT_2022), lastYear);
  await trx
    .insertInto('treatment_supplements')
    .values(years.map((year) => ({ owner_org_id: unitId, ...yearPeriod(year, lastYear), per_day: supplements.get(year)!, created_by: administrator })))
    .execute();

  // A treatment assignment on about one long-term placement in eight in the unit's own homes.
  const ownPlacements = await trx
    .selectFrom('placements')
    .innerJoin('foster_homes', 'foster_homes.id', 'placements.foster_home_id')
    .select(['placements.id', 'placements.starts_on', 'placements.ended_on', 'placements.owner_org_id'])
    .where('foster_homes.kind', '=', 'own')
    .orderBy('placements.starts_on')
    .orderBy('placements.id')
    .execute();
  const treated = ownPlacements.filter((_, i) => i % 8 === 3).map((p) => p.id);
  if (treated.length > 0) await trx.updateTable('placements').set({ treatment_assignment: true }).where('id', 'in', treated).execute();

  await loadConsultantPrices(context, years, lastYear, administrator);

  // Extra costs: equipment when a placement starts, and travel for contact with the parents.
  const extras: Insertable<PlacementExtraCostsTable>[] = [];
  for (const p of ownPlacements.filter((_, i) => i % 5 === 1)) {
    extras.push({ owner_org_id: p.owner_org_id, placement_id: p.id, incurred_on: p.starts_on, amount: kr(2_500 + Math.floor(next() * 30) * 100), description: 'Inköp av säng och kläder vid placeringens start', created_by: null });
    const travelOn = addDays(p.starts_on, 30 + Math.floor(next() * 60));
    if ((p.ended_on === null || travelOn <= p.ended_on) && travelOn <= today) {
      extras.push({ owner_org_id: p.owner_org_id, placement_id: p.id, incurred_on: travelOn, amount: kr(400 + Math.floor(next() * 20) * 50), description: 'Resor till umgänge med föräldrar', created_by: null });
    }
  }
  for (let i = 0; i < extras.length; i += 1000) await trx.insertInto('placement_extra_costs').values(extras.slice(i, i + 1000)).execute();

  await loadUnitRunningCosts(context, years, lastYear, administrator);
  await loadBudgets(context, years.filter((y) => y >= BASE_YEAR && y < lastYear), municipalityIds, lindesberg, administrator);
}

/**
 * Each municipality's contracts with the two agencies, a new contract period every year. In
 * 2022 Lindesberg's prices are set from its children's days in May so that they average 2 100 kr.
 */
async function loadConsultantPrices(context: DemoContext, years: readonly number[], lastYear: number, createdBy: string | null): Promise<void> {
  const { trx, organisationIds } = context;
  const agencies = await trx.selectFrom('consultancy_agencies').select('id').where('owner_org_id', '=', context.unitId).orderBy('name').execute();
  const lindesberg = organisationIds.get('lindesberg')!;
  const mayDays = new Map<string, number>(agencies.map((a) => [a.id, 0]));
  const may = await trx
    .selectFrom('placements')
    .innerJoin('foster_homes', 'foster_homes.id', 'placements.foster_home_id')
    .select(['foster_homes.consultancy_agency_id as agencyId', 'placements.starts_on', 'placements.ended_on'])
    .where('placements.owner_org_id', '=', lindesberg)
    .where('foster_homes.kind', '=', 'consultant_supported')
    .where('placements.starts_on', '<=', '2022-05-31')
    .where((eb) => eb.or([eb('placements.ended_on', 'is', null), eb('placements.ended_on', '>', '2022-05-01')]))
    .execute();
  for (const p of may) {
    const from: IsoDate = p.starts_on > '2022-05-01' ? p.starts_on : '2022-05-01';
    const to: IsoDate = p.ended_on !== null && p.ended_on < '2022-06-01' ? p.ended_on : '2022-06-01';
    mayDays.set(p.agencyId!, (mayDays.get(p.agencyId!) ?? 0) + daysBetween(from, to));
  }
  const lindesbergPrices = fittedPrices(agencies.map((a) => mayDays.get(a.id)!));
  const rows = [];
  for (const m of JOINT_UNIT_MUNICIPALITIES) {
    const owner = organisationIds.get(m.key)!;
    for (const [i, agency] of agencies.entries()) {
      const base = owner === lindesberg ? lindesbergPrices[i]! : kr(CONSULTANT_PRICES_2022[i % CONSULTANT_PRICES_2022.length]!);
      const prices = indexedByYear(base, lastYear);
      for (const year of years) {
        rows.push({ owner_org_id: owner, agency_id: agency.id, contract_reference: `Avtal ${year}, dnr SN ${year}/${100 + i}`, ...yearPeriod(year, lastYear), price_per_day: prices.get(year)!, created_by: createdBy });
      }
    }
  }
  await trx.insertInto('consultant_prices').values(rows).execute();
}

/**
 * Two whole-krona prices, the first 1 650 kr, whose day-weighted average over the given days is
 * 2 100 kr to the krona; with days at only one agency, that agency's price is 2 100 kr.
 */
function fittedPrices(days: readonly number[]): number[] {
  const [first = 0, second = 0] = days;
  if (first === 0 || second === 0) return days.map(() => kr(SEED_CONSULTANT_AVERAGE));
  const low = CONSULTANT_PRICES_2022[0]!;
  const high = Math.round((SEED_CONSULTANT_AVERAGE * (first + second) - low * first) / second);
  return [kr(low), kr(high)];
}

async function loadUnitRunningCosts(context: DemoContext, years: readonly number[], lastYear: number, updatedBy: string | null): Promise<void> {
  const { trx, unitId } = context;
  const agreement = await trx.selectFrom('collaboration_agreements').select(['id', 'valid_from']).where('unit_id', '=', unitId).executeTakeFirstOrThrow();
  const firstYear = Number(agreement.valid_from.slice(0, 4));
  const amounts = indexedByYear(kr(UNIT_RUNNING_COST_2023), lastYear, 2023);
  const agreementYears = years.filter((y) => y >= firstYear);
  await trx.insertInto('unit_running_costs').values(agreementYears.map((year) => ({ owner_org_id: unitId, year, amount: amounts.get(year)!, updated_by: updatedBy }))).execute();
  const keyed = new Set((await trx.selectFrom('cost_sharing_keys').select('year').where('agreement_id', '=', agreement.id).execute()).map((k) => k.year));
  const populations = JOINT_UNIT_MUNICIPALITIES.map((m) => ({ municipalityId: context.organisationIds.get(m.key)!, population: m.population }));
  // The agreement's earlier years get keys on the same population basis; later years are not agreed yet.
  const firstKeyed = Math.min(...keyed);
  for (const year of agreementYears.filter((y) => y < firstKeyed)) {
    const key = await trx.insertInto('cost_sharing_keys').values({ owner_org_id: unitId, agreement_id: agreement.id, year, basis: 'population' }).returning('id').executeTakeFirstOrThrow();
    await trx
      .insertInto('cost_shares')
      .values(sharesFromPopulation(populations).map((share) => ({ owner_org_id: unitId, key_id: key.id, municipality_id: share.municipalityId, basis_points: share.basisPoints, population: populations.find((p) => p.municipalityId === share.municipalityId)!.population })))
      .execute();
  }
}

/**
 * Budgets per municipality, year and category, set near what the year's placements came to
 * (between 8 % under and 6 % over, in whole 10 000 kr), as a committee sets them from last
 * year's outcome; the unit share from the running cost and the year's key.
 */
async function loadBudgets(context: DemoContext, years: readonly number[], municipalityIds: readonly string[], lindesberg: string, updatedBy: string | null): Promise<void> {
  const { trx, next, unitId } = context;
  const rows = [];
  for (const year of years) {
    const costs = await placementMonthCosts(trx, { municipalityIds, from: `${year}-01-01`, to: `${year}-12-31`, plannedEnds: true, ownRatesOwnerId: unitId });
    const byKey = new Map<string, number>();
    for (const c of costs) byKey.set(`${c.municipalityId}:${c.category}`, (byKey.get(`${c.municipalityId}:${c.category}`) ?? 0) + c.total);
    const running = await trx.selectFrom('unit_running_costs').select('amount').where('owner_org_id', '=', unitId).where('year', '=', year).executeTakeFirst();
    const shares = await trx
      .selectFrom('cost_shares')
      .innerJoin('cost_sharing_keys', 'cost_sharing_keys.id', 'cost_shares.key_id')
      .select(['cost_shares.municipality_id', 'cost_shares.basis_points'])
      .where('cost_sharing_keys.year', '=', year)
      .execute();
    for (const municipalityId of municipalityIds) {
      for (const category of COST_CATEGORIES) {
        const outcome = byKey.get(`${municipalityId}:${category}`) ?? 0;
        // Lindesberg budgets consultant-supported homes low: the unit was to replace them (seed 001).
        const factor = municipalityId === lindesberg && category === 'consultant_supported' ? 0.85 : 0.92 + next() * 0.14;
        rows.push({ owner_org_id: municipalityId, year, category, amount: kr(Math.round((outcome / 100) * factor / 10_000) * 10_000), updated_by: updatedBy });
      }
      const share = shares.find((s) => s.municipality_id === municipalityId);
      if (running && share) rows.push({ owner_org_id: municipalityId, year, category: 'unit_share', amount: kr(Math.round(((running.amount / 100) * share.basis_points) / 10_000 / 10_000) * 10_000), updated_by: updatedBy });
    }
  }
  await trx.insertInto('cost_budgets').values(rows).execute();
}
