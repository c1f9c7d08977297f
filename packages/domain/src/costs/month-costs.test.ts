import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Trx } from '../db/database.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { placementCost, type CostedPlacement, type CostRates, type DateRange, type FeeHomeKind } from './daily-cost.js';
import { placementMonthCosts, type PlacementMonthCost } from './month-costs.js';
import { costCategory, loadCostRates } from './rates.js';

/**
 * The SQL aggregation behind the reports must give the same öre as the domain's cost function,
 * month by month, for any placements and any dated rates (age bands, periods changing mid-month,
 * 29 February birthdays, moves, extra costs, treatment assignments, consultant contracts).
 */

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db.dispose();
});

const EPOCH = '2019-01-01';
const dayIn = (span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(EPOCH, n));
const SPAN = 6 * 366;

/** Consecutive periods from 2000 on, the last open: every day is covered by exactly one. */
const periods = fc
  .uniqueArray(fc.integer({ min: 1, max: SPAN }), { maxLength: 4 })
  .map((cuts) => [...cuts].sort((a, b) => a - b).map((n) => addDays(EPOCH, n)))
  .chain((cuts) =>
    fc.tuple(...[null, ...cuts].map(() => fc.integer({ min: 0, max: 400_000 }))).map((amounts) =>
      amounts.map((amount, i) => ({
        validFrom: i === 0 ? '2000-01-01' : cuts[i - 1]!,
        validTo: i < cuts.length ? addDays(cuts[i]!, -1) : null,
        amount,
      })),
    ),
  );

const feeTable = fc.tuple(fc.integer({ min: 1, max: 19 }), ...(['own', 'network', 'emergency', 'treatment'] as const).flatMap(() => [periods, periods])).map(([split, ...bands]) =>
  (['own', 'network', 'emergency', 'treatment'] as const).flatMap((homeKind, k) =>
    [
      { ageFrom: 0, ageTo: split - 1, list: bands[2 * k]! },
      { ageFrom: split, ageTo: 20, list: bands[2 * k + 1]! },
    ].flatMap(({ ageFrom, ageTo, list }) =>
      list.map((p) => ({ homeKind, ageFrom, ageTo, validFrom: p.validFrom, validTo: p.validTo, feePerDay: p.amount, expensesPerDay: Math.floor(p.amount / 3) })),
    ),
  ),
);

const placementArb = fc.record({
  start: dayIn(SPAN),
  length: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
  kind: fc.constantFrom<CostedPlacement['homeKind']>('own', 'network', 'emergency', 'treatment', 'consultant_supported'),
  agency: fc.constantFrom(0, 1),
  treatment: fc.boolean(),
  /** Up to 12 years before the earliest start, so every child is under 21 in every range. */
  birth: fc.oneof(fc.constant('2008-02-29'), fc.constant('2012-02-29'), fc.integer({ min: 0, max: 12 * 365 }).map((n) => addDays(EPOCH, -n))),
  /** Extra costs fall within the stay (the end day included), as recording them requires. */
  extras: fc.array(fc.record({ offset: fc.nat(), amount: fc.integer({ min: -50_000, max: 2_000_000 }).filter((n) => n !== 0) }), { maxLength: 2 }),
}).map((p) => ({ ...p, extras: p.extras.map((x) => ({ on: addDays(p.start, x.offset % ((p.length ?? 900) + 1)), amount: x.amount })) }));

const scenario = fc.record({
  fees: feeTable,
  ownRates: feeTable,
  consultant: fc.tuple(periods, periods),
  supplements: periods,
  placements: fc.array(placementArb, { minLength: 1, maxLength: 6 }),
  range: fc.tuple(dayIn(SPAN), fc.integer({ min: 0, max: 800 })).map(([from, n]): DateRange => ({ from, to: addDays(from, n) })),
});

class Rollback extends Error {}

async function insertOrganisation(trx: Trx, kind: string, name: string): Promise<string> {
  return (await trx.insertInto('organisations').values({ kind, name }).returning('id').executeTakeFirstOrThrow()).id;
}

describe('the SQL cost aggregation', () => {
  it('equals the domain cost function, placement by placement and month by month, on random data', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const compared = await db.kysely
          .transaction()
          .execute(async (trx) => {
            const municipality = await insertOrganisation(trx, 'municipality', 'Slumpköping');
            const payer = await insertOrganisation(trx, 'foster_care_unit', 'Slumpenheten');
            const ownRatesOwner = await insertOrganisation(trx, 'foster_care_unit', 'Jämförelseenheten');
            await trx.insertInto('fee_rates').values(s.fees.map((f) => ({ owner_org_id: payer, home_kind: f.homeKind, age_from: f.ageFrom, age_to: f.ageTo, valid_from: f.validFrom, valid_to: f.validTo, fee_per_day: f.feePerDay, expenses_per_day: f.expensesPerDay }))).execute();
            await trx.insertInto('fee_rates').values(s.ownRates.map((f) => ({ owner_org_id: ownRatesOwner, home_kind: f.homeKind, age_from: f.ageFrom, age_to: f.ageTo, valid_from: f.validFrom, valid_to: f.validTo, fee_per_day: f.feePerDay, expenses_per_day: f.expensesPerDay }))).execute();
            await trx.insertInto('treatment_supplements').values(s.supplements.map((p) => ({ owner_org_id: payer, valid_from: p.validFrom, valid_to: p.validTo, per_day: p.amount }))).execute();
            const agencies: string[] = [];
            for (const [i, list] of s.consultant.entries()) {
              const agency = (await trx.insertInto('consultancy_agencies').values({ owner_org_id: payer, name: `Konsulent ${i}`, ivo_permit_number: `IVO ${i}` }).returning('id').executeTakeFirstOrThrow()).id;
              agencies.push(agency);
              await trx.insertInto('consultant_prices').values(list.map((p) => ({ owner_org_id: payer, agency_id: agency, contract_reference: `Ramavtal ${i}`, valid_from: p.validFrom, valid_to: p.validTo, price_per_day: p.amount }))).execute();
            }

            const expected = new Map<string, ReturnType<typeof placementCost>>();
            const expectedAtOwnRates = new Map<string, number>();
            const rates = (await loadCostRates(trx, [payer])).get(payer)!;
            const ownRates: CostRates = { ...(await loadCostRates(trx, [ownRatesOwner])).get(ownRatesOwner)!, consultantPrices: [], treatmentSupplements: [] };
            for (const [i, p] of s.placements.entries()) {
              const agencyId = p.kind === 'consultant_supported' ? agencies[p.agency]! : null;
              const treatment = p.kind !== 'consultant_supported' && p.treatment;
              const home = await trx
                .insertInto('foster_homes')
                .values({ owner_org_id: payer, kind: p.kind, name: `Hem ${i}`, municipality_id: municipality, places: 2, status: 'active', consultancy_agency_id: agencyId })
                .returning('id')
                .executeTakeFirstOrThrow();
              const child = await trx
                .insertInto('children')
                .values({ owner_org_id: municipality, given_name: 'Barn', family_name: String(i), personal_identity_number: `R00000000${i}`, identity_kind: 'reserve_number', gender: 'girl', birth_date: p.birth })
                .returning('id')
                .executeTakeFirstOrThrow();
              const endedOn = p.length === null ? null : addDays(p.start, p.length);
              const placement = await trx
                .insertInto('placements')
                .values({ owner_org_id: municipality, child_id: child.id, foster_home_id: home.id, starts_on: p.start, ended_on: endedOn, end_reason: endedOn ? 'Avslutad' : null, treatment_assignment: treatment })
                .returning('id')
                .executeTakeFirstOrThrow();
              if (p.extras.length > 0) {
                await trx.insertInto('placement_extra_costs').values(p.extras.map((x) => ({ owner_org_id: municipality, placement_id: placement.id, incurred_on: x.on, amount: x.amount, description: 'Extra kostnad' }))).execute();
              }
              const costed: CostedPlacement = {
                startsOn: p.start,
                endedOn,
                homeKind: p.kind,
                consultancyAgencyId: agencyId,
                childBirthDate: p.birth,
                treatmentAssignment: treatment,
                extraCosts: p.extras.map((x) => ({ on: x.on, amount: x.amount, description: 'Extra kostnad' })),
              };
              expected.set(placement.id, placementCost(costed, rates, s.range));
              if (p.kind === 'consultant_supported') {
                expectedAtOwnRates.set(placement.id, placementCost({ ...costed, homeKind: 'own' as FeeHomeKind, consultancyAgencyId: null, extraCosts: [] }, ownRates, s.range).total);
              }
            }
            const actual = await placementMonthCosts(trx, { municipalityIds: [municipality], ...s.range, ownRatesOwnerId: ownRatesOwner });
            throw new Rollback(JSON.stringify({ actual, expected: [...expected], expectedAtOwnRates: [...expectedAtOwnRates], placements: s.placements }));
          })
          .catch((error: unknown) => {
            if (error instanceof Rollback) return JSON.parse(error.message) as { actual: PlacementMonthCost[]; expected: [string, ReturnType<typeof placementCost>][]; expectedAtOwnRates: [string, number][] };
            throw error;
          });

        const actualByPlacement = new Map<string, PlacementMonthCost[]>();
        for (const row of compared.actual) {
          assert.equal(row.daysWithoutRate, 0, 'every day has a rate');
          actualByPlacement.set(row.placementId, [...(actualByPlacement.get(row.placementId) ?? []), row]);
        }
        for (const [placementId, cost] of compared.expected) {
          const rows = actualByPlacement.get(placementId) ?? [];
          const months = rows
            .filter((r) => r.days > 0 || r.extra !== 0)
            .map(({ month, days, fee, expenses, treatmentSupplement, consultantPrice, extra, total }) => ({ month, days, fee, expenses, treatmentSupplement, consultantPrice, extra, total }));
          assert.deepEqual(months, cost.months.map((m) => ({ ...m })), `placement ${placementId}`);
          const expectedOwn = new Map(compared.expectedAtOwnRates).get(placementId) ?? 0;
          assert.equal(rows.reduce((sum, r) => sum + r.atOwnRates, 0), expectedOwn, 'consultant days at own-home rates');
        }
        return true;
      }),
      { numRuns: 40 },
    );
  });

  it('counts the days no rate covers instead of failing, and files a treatment assignment as its own category', async () => {
    const rows = await db.kysely
      .transaction()
      .execute(async (trx) => {
        const municipality = await insertOrganisation(trx, 'municipality', 'Luckeby');
        const payer = await insertOrganisation(trx, 'foster_care_unit', 'Luckenheten');
        await trx.insertInto('fee_rates').values({ owner_org_id: payer, home_kind: 'own', age_from: 0, age_to: 20, valid_from: '2024-03-15', valid_to: null, fee_per_day: 38_000, expenses_per_day: 18_000 }).execute();
        const home = await trx.insertInto('foster_homes').values({ owner_org_id: payer, kind: 'own', name: 'Hem', municipality_id: municipality, places: 1, status: 'active', consultancy_agency_id: null }).returning('id').executeTakeFirstOrThrow();
        const child = await trx.insertInto('children').values({ owner_org_id: municipality, given_name: 'Barn', family_name: 'Lucka', personal_identity_number: 'R000000001', identity_kind: 'reserve_number', gender: 'boy', birth_date: '2015-06-01' }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('placements').values({ owner_org_id: municipality, child_id: child.id, foster_home_id: home.id, starts_on: '2024-01-10', treatment_assignment: true }).execute();
        const result = await placementMonthCosts(trx, { municipalityIds: [municipality], from: '2024-03-01', to: '2024-03-31', ownRatesOwnerId: payer });
        throw new Rollback(JSON.stringify(result));
      })
      .catch((error: unknown) => {
        if (error instanceof Rollback) return JSON.parse(error.message) as PlacementMonthCost[];
        throw error;
      });
    assert.equal(rows.length, 1);
    const [march] = rows;
    assert.equal(march!.category, costCategory('own', true));
    assert.equal(march!.days, 31);
    // 14 days without arvode, and 31 without a treatment supplement (none is set).
    assert.equal(march!.daysWithoutRate, 14 + 31);
    assert.equal(march!.total, 17 * 56_000);
  });
});
