import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RuleViolationError, ValidationError } from '../errors.js';
import { FOSTER_HOME_KINDS } from '../homes/foster-homes.js';
import { addDays, ageOn, daysBetween } from '../shared/dates.js';
import { placementCost, type CostedPlacement, type CostRates, type FeeHomeKind, type FeeRate } from './daily-cost.js';

const kr = (amount: number) => amount * 100;

/**
 * Seed 001 (Lindesberg, May 2022): own homes 560 kr/dygn, consultant-supported 2 100, own
 * emergency places 660, treatment assignment 1 484. Split here into arvode + omkostnadsersättning.
 */
const seedRates: CostRates = {
  fees: [
    { homeKind: 'own', ageFrom: 0, ageTo: 12, validFrom: '2022-01-01', validTo: '2022-12-31', feePerDay: kr(380), expensesPerDay: kr(180) },
    { homeKind: 'own', ageFrom: 13, ageTo: 20, validFrom: '2022-01-01', validTo: '2022-12-31', feePerDay: kr(400), expensesPerDay: kr(210) },
    { homeKind: 'network', ageFrom: 0, ageTo: 20, validFrom: '2022-01-01', validTo: '2022-12-31', feePerDay: kr(380), expensesPerDay: kr(180) },
    { homeKind: 'emergency', ageFrom: 0, ageTo: 20, validFrom: '2022-01-01', validTo: '2022-12-31', feePerDay: kr(480), expensesPerDay: kr(180) },
    { homeKind: 'treatment', ageFrom: 0, ageTo: 20, validFrom: '2022-01-01', validTo: '2022-12-31', feePerDay: kr(380), expensesPerDay: kr(180) },
  ],
  consultantPrices: [{ agencyId: 'agency-1', validFrom: '2021-07-01', validTo: '2023-06-30', pricePerDay: kr(2100) }],
  treatmentSupplements: [{ validFrom: '2022-01-01', validTo: null, perDay: kr(924) }],
};

const ownHome = (overrides: Partial<CostedPlacement> = {}): CostedPlacement => ({
  startsOn: '2021-09-01',
  endedOn: null,
  homeKind: 'own',
  childBirthDate: '2014-03-10',
  ...overrides,
});

const may2022 = { from: '2022-05-01', to: '2022-05-31' };

function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolationError) return error.rule;
    throw error;
  }
  throw new Error('expected a rule violation');
}

describe('the daily cost of a placement', () => {
  it('of an own home for May 2022 is 31 × 560 kr', () => {
    const cost = placementCost(ownHome(), seedRates, may2022);
    assert.equal(cost.total, 31 * kr(560));
    assert.equal(cost.days, 31);
    assert.deepEqual(cost.months, [
      { month: '2022-05', days: 31, fee: 31 * kr(380), expenses: 31 * kr(180), treatmentSupplement: 0, consultantPrice: 0, extra: 0, total: 31 * kr(560) },
    ]);
  });

  it('follows the seed figures for consultant-supported, emergency and treatment homes', () => {
    const consultant = placementCost(ownHome({ homeKind: 'consultant_supported', consultancyAgencyId: 'agency-1' }), seedRates, may2022);
    assert.equal(consultant.total, 31 * kr(2100));
    assert.equal(consultant.months[0]!.consultantPrice, 31 * kr(2100));
    assert.equal(placementCost(ownHome({ homeKind: 'emergency' }), seedRates, may2022).total, 31 * kr(660));
    const treatment = placementCost(ownHome({ homeKind: 'treatment' }), seedRates, may2022);
    assert.equal(treatment.total, 31 * kr(1484));
    assert.equal(treatment.months[0]!.treatmentSupplement, 31 * kr(924));
  });

  it('adds the treatment supplement to an own home with a treatment assignment', () => {
    assert.equal(placementCost(ownHome({ treatmentAssignment: true }), seedRates, may2022).total, 31 * kr(560 + 924));
  });

  it('pays the day of moving to the new placement, so the day is paid once', () => {
    const before = placementCost(ownHome({ endedOn: '2022-05-15' }), seedRates, may2022);
    const after = placementCost(ownHome({ startsOn: '2022-05-15', homeKind: 'consultant_supported', consultancyAgencyId: 'agency-1' }), seedRates, may2022);
    assert.equal(before.days, 14);
    assert.equal(after.days, 17);
    assert.equal(before.total + after.total, 14 * kr(560) + 17 * kr(2100));
  });

  it('counts part months and breaks an ongoing placement down per calendar month', () => {
    const cost = placementCost(ownHome({ startsOn: '2022-05-20' }), seedRates, { from: '2022-04-01', to: '2022-06-10' });
    assert.deepEqual(
      cost.months.map((m) => [m.month, m.days, m.total]),
      [
        ['2022-05', 12, 12 * kr(560)],
        ['2022-06', 10, 10 * kr(560)],
      ],
    );
    assert.equal(cost.days, 22);
  });

  it('moves a child to the next age band on the 13th birthday itself', () => {
    const cost = placementCost(ownHome({ childBirthDate: '2009-05-14' }), seedRates, may2022);
    assert.equal(cost.total, 13 * kr(560) + 18 * kr(610));
    assert.equal(cost.months[0]!.fee, 13 * kr(380) + 18 * kr(400));
  });

  it('lets a child born on 29 February change band on 1 March in other years', () => {
    const band = (ageFrom: number, ageTo: number, feePerDay: number): FeeRate => ({
      homeKind: 'own', ageFrom, ageTo, validFrom: '2022-01-01', validTo: null, feePerDay, expensesPerDay: 0,
    });
    const rates = { ...seedRates, fees: [band(0, 13, kr(500)), band(14, 20, kr(700))] };
    const cost = placementCost(ownHome({ childBirthDate: '2008-02-29' }), rates, { from: '2022-02-27', to: '2022-03-02' });
    assert.equal(cost.total, 2 * kr(500) + 2 * kr(700));
    assert.deepEqual(
      cost.months.map((m) => [m.month, m.days, m.total]),
      [
        ['2022-02', 2, 2 * kr(500)],
        ['2022-03', 2, 2 * kr(700)],
      ],
    );
  });

  it('prices each day by the rate in force then when the rate changes mid-placement', () => {
    const rates: CostRates = {
      ...seedRates,
      fees: [
        ...seedRates.fees,
        { homeKind: 'own', ageFrom: 0, ageTo: 12, validFrom: '2023-01-01', validTo: null, feePerDay: kr(400), expensesPerDay: kr(190) },
      ],
    };
    const cost = placementCost(ownHome(), rates, { from: '2022-12-20', to: '2023-01-10' });
    assert.equal(cost.total, 12 * kr(560) + 10 * kr(590));
    assert.deepEqual(
      cost.months.map((m) => [m.month, m.total]),
      [
        ['2022-12', 12 * kr(560)],
        ['2023-01', 10 * kr(590)],
      ],
    );
  });

  it('puts extra costs in the month of their day, when that day is in the range', () => {
    const placement = ownHome({
      endedOn: '2022-06-01',
      extraCosts: [
        { on: '2022-05-03', amount: kr(1500), description: 'Cykel' },
        { on: '2022-06-01', amount: kr(2000), description: 'Flyttkostnad' },
        { on: '2022-07-15', amount: kr(999), description: 'Utanför perioden' },
      ],
    });
    const cost = placementCost(placement, seedRates, { from: '2022-05-01', to: '2022-06-30' });
    assert.deepEqual(
      cost.months.map((m) => [m.month, m.days, m.extra, m.total]),
      [
        ['2022-05', 31, kr(1500), 31 * kr(560) + kr(1500)],
        ['2022-06', 0, kr(2000), kr(2000)],
      ],
    );
    assert.equal(cost.total, 31 * kr(560) + kr(3500));
  });

  it('costs nothing for a range outside the placement', () => {
    assert.deepEqual(placementCost(ownHome({ startsOn: '2022-06-01' }), seedRates, may2022), { total: 0, days: 0, months: [] });
    assert.deepEqual(placementCost(ownHome({ endedOn: '2022-05-01' }), seedRates, may2022), { total: 0, days: 0, months: [] });
  });

  it('refuses a day without a rate, naming the day in Swedish', () => {
    const error = (() => {
      try {
        placementCost(ownHome(), seedRates, { from: '2022-12-30', to: '2023-01-02' });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof RuleViolationError);
    assert.equal(error.rule, 'DAILY_RATE_MISSING');
    assert.match(error.message, /Det finns inget arvode .* eget familjehem .* 8 år som gäller 2023-01-01/);
    assert.equal(ruleOf(() => placementCost(ownHome({ homeKind: 'consultant_supported', consultancyAgencyId: 'agency-2' }), seedRates, may2022)), 'DAILY_RATE_MISSING');
    assert.equal(ruleOf(() => placementCost(ownHome({ childBirthDate: '2000-01-01' }), seedRates, may2022)), 'DAILY_RATE_MISSING');
  });

  it('refuses two rates for the same day', () => {
    const rates = { ...seedRates, treatmentSupplements: [...seedRates.treatmentSupplements, { validFrom: '2022-05-10', validTo: '2022-05-10', perDay: 1 }] };
    assert.equal(ruleOf(() => placementCost(ownHome({ homeKind: 'treatment' }), rates, may2022)), 'DAILY_RATE_AMBIGUOUS');
  });

  it('refuses malformed input and amounts that cannot be counted exactly', () => {
    assert.throws(() => placementCost(ownHome(), seedRates, { from: '2022-05-31', to: '2022-05-01' }), ValidationError);
    assert.throws(() => placementCost(ownHome({ startsOn: '2022-02-30' }), seedRates, may2022), ValidationError);
    assert.throws(() => placementCost(ownHome({ homeKind: 'consultant_supported' }), seedRates, may2022), ValidationError);
    const fractional = { ...seedRates, consultantPrices: [{ agencyId: 'agency-1', validFrom: '2022-01-01', validTo: null, pricePerDay: 2100.5 }] };
    assert.throws(() => placementCost(ownHome({ homeKind: 'consultant_supported', consultancyAgencyId: 'agency-1' }), fractional, may2022), ValidationError);
    const huge = { ...seedRates, consultantPrices: [{ agencyId: 'agency-1', validFrom: '2022-01-01', validTo: null, pricePerDay: Number.MAX_SAFE_INTEGER }] };
    assert.equal(ruleOf(() => placementCost(ownHome({ homeKind: 'consultant_supported', consultancyAgencyId: 'agency-1' }), huge, may2022)), 'AMOUNT_OUT_OF_RANGE');
  });
});

// ---- Properties, on random placements, rate histories and ranges ----

const EPOCH = '2019-01-01';
const day = (offset: number) => addDays(EPOCH, offset);
const FEE_KINDS = FOSTER_HOME_KINDS.filter((k): k is FeeHomeKind => k !== 'consultant_supported');
const BANDS: readonly [number, number][] = [
  [0, 3],
  [4, 6],
  [7, 9],
  [10, 12],
  [13, 17],
  [18, 150],
];
const amount = fc.integer({ min: 0, max: 500_000 });

/** Contiguous, never-overlapping rate periods from EPOCH on, changing on random days. */
const ratesArb: fc.Arbitrary<CostRates> = fc
  .uniqueArray(fc.integer({ min: 1, max: 3000 }), { maxLength: 6 })
  .chain((changes) => {
    const starts = [0, ...changes.sort((a, b) => a - b)];
    const periods = starts.map((start, i) => ({ validFrom: day(start), validTo: i + 1 < starts.length ? day(starts[i + 1]! - 1) : null }));
    const perPeriod = fc.record({
      fees: fc.array(fc.tuple(amount, amount), { minLength: FEE_KINDS.length * BANDS.length, maxLength: FEE_KINDS.length * BANDS.length }),
      price: amount,
      supplement: amount,
    });
    return fc.array(perPeriod, { minLength: periods.length, maxLength: periods.length }).map((values) => ({
      fees: periods.flatMap((period, p) =>
        FEE_KINDS.flatMap((homeKind, k) =>
          BANDS.map(([ageFrom, ageTo], b) => {
            const [feePerDay, expensesPerDay] = values[p]!.fees[k * BANDS.length + b]!;
            return { ...period, homeKind, ageFrom, ageTo, feePerDay, expensesPerDay };
          }),
        ),
      ),
      consultantPrices: periods.map((period, p) => ({ ...period, agencyId: 'agency-1', pricePerDay: values[p]!.price })),
      treatmentSupplements: periods.map((period, p) => ({ ...period, perDay: values[p]!.supplement })),
    }));
  });

const placementArb: fc.Arbitrary<CostedPlacement> = fc
  .record({
    start: fc.integer({ min: 0, max: 2500 }),
    length: fc.option(fc.integer({ min: 0, max: 1500 })),
    ageAtStart: fc.integer({ min: 0, max: 7000 }),
    homeKind: fc.constantFrom(...FOSTER_HOME_KINDS),
    treatmentAssignment: fc.boolean(),
    extras: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 3500 }), amount: fc.integer({ min: -100_000, max: 1_000_000 }) }), { maxLength: 4 }),
  })
  .map((p) => ({
    startsOn: day(p.start),
    endedOn: p.length === null ? null : day(p.start + p.length),
    homeKind: p.homeKind,
    consultancyAgencyId: p.homeKind === 'consultant_supported' ? 'agency-1' : null,
    treatmentAssignment: (p.homeKind === 'own' || p.homeKind === 'network') && p.treatmentAssignment,
    childBirthDate: day(p.start - p.ageAtStart),
    extraCosts: p.extras.map((e) => ({ on: day(e.offset), amount: e.amount, description: 'Extra' })),
  }));

const rangeArb = fc.record({ from: fc.integer({ min: 0, max: 3000 }), length: fc.integer({ min: 0, max: 800 }) }).map((r) => ({ from: day(r.from), to: day(r.from + r.length) }));

/** The obvious, slow way: every day on its own, by the rate covering it. */
function dayByDay(placement: CostedPlacement, rates: CostRates, range: { from: string; to: string }): Map<string, number> {
  const covering = <T extends { validFrom: string; validTo: string | null }>(list: readonly T[], d: string) =>
    list.find((r) => r.validFrom <= d && (r.validTo === null || d <= r.validTo))!;
  const months = new Map<string, number>();
  const add = (d: string, amount: number) => months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + amount);
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) {
    if (d < placement.startsOn || (placement.endedOn !== null && d >= placement.endedOn)) continue;
    if (placement.homeKind === 'consultant_supported') {
      add(d, covering(rates.consultantPrices, d).pricePerDay);
      continue;
    }
    const age = ageOn(placement.childBirthDate, d);
    const fee = covering(rates.fees.filter((r) => r.homeKind === placement.homeKind && r.ageFrom <= age && age <= r.ageTo), d);
    add(d, fee.feePerDay + fee.expensesPerDay);
    if (placement.homeKind === 'treatment' || placement.treatmentAssignment) add(d, covering(rates.treatmentSupplements, d).perDay);
  }
  for (const extra of placement.extraCosts ?? []) if (range.from <= extra.on && extra.on <= range.to) add(extra.on, extra.amount);
  return months;
}

describe('the daily cost, for any placement, rates and range', () => {
  it('is the same, month by month, as pricing every day on its own', () => {
    fc.assert(
      fc.property(placementArb, ratesArb, rangeArb, (placement, rates, range) => {
        const expected = [...dayByDay(placement, rates, range).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
        assert.deepEqual(placementCost(placement, rates, range).months.map((m) => [m.month, m.total]), expected);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same total and days when the range is split at any day', () => {
    fc.assert(
      fc.property(placementArb, ratesArb, rangeArb, fc.nat(), (placement, rates, range, at) => {
        const length = daysBetween(range.from, range.to);
        fc.pre(length > 0);
        const splitAfter = addDays(range.from, at % length);
        const whole = placementCost(placement, rates, range);
        const first = placementCost(placement, rates, { from: range.from, to: splitAfter });
        const second = placementCost(placement, rates, { from: addDays(splitAfter, 1), to: range.to });
        assert.equal(first.total + second.total, whole.total);
        assert.equal(first.days + second.days, whole.days);
      }),
    );
  });

  it('changes only the days on or after a rate change', () => {
    fc.assert(
      fc.property(placementArb, ratesArb, rangeArb, fc.integer({ min: 1, max: 3500 }), fc.integer({ min: 1, max: 100_000 }), (placement, rates, range, changeOffset, delta) => {
        const changeOn = day(changeOffset);
        /** From changeOn on, every daily amount is `delta` öre higher: each period covering it is split there. */
        const splitAt = <T extends { validFrom: string; validTo: string | null }>(list: readonly T[], raise: (rate: T) => T): T[] =>
          list.flatMap((rate) => {
            if (rate.validTo !== null && rate.validTo < changeOn) return [rate];
            if (rate.validFrom >= changeOn) return [raise(rate)];
            return [{ ...rate, validTo: addDays(changeOn, -1) }, raise({ ...rate, validFrom: changeOn })];
          });
        const changed: CostRates = {
          fees: splitAt(rates.fees, (r) => ({ ...r, feePerDay: r.feePerDay + delta })),
          consultantPrices: splitAt(rates.consultantPrices, (r) => ({ ...r, pricePerDay: r.pricePerDay + delta })),
          treatmentSupplements: rates.treatmentSupplements,
        };
        const before = placementCost(placement, rates, range);
        const after = placementCost(placement, changed, range);
        const daysFromChange = changeOn > range.to ? 0 : placementCost(placement, rates, { from: changeOn > range.from ? changeOn : range.from, to: range.to }).days;
        assert.equal(after.total - before.total, delta * daysFromChange);
        if (changeOn > range.from) {
          const untouched = { from: range.from, to: addDays(changeOn, -1) < range.to ? addDays(changeOn, -1) : range.to };
          assert.equal(placementCost(placement, changed, untouched).total, placementCost(placement, rates, untouched).total);
        }
      }),
    );
  });

  it('breaks down into months that sum to the total and the days', () => {
    fc.assert(
      fc.property(placementArb, ratesArb, rangeArb, (placement, rates, range) => {
        const cost = placementCost(placement, rates, range);
        assert.equal(cost.months.reduce((sum, m) => sum + m.total, 0), cost.total);
        assert.equal(cost.months.reduce((sum, m) => sum + m.days, 0), cost.days);
        for (const m of cost.months) {
          assert.equal(m.fee + m.expenses + m.treatmentSupplement + m.consultantPrice + m.extra, m.total);
          assert.ok(range.from.slice(0, 7) <= m.month && m.month <= range.to.slice(0, 7));
        }
        assert.deepEqual(cost.months.map((m) => m.month), [...new Set(cost.months.map((m) => m.month))].sort());
      }),
    );
  });

  it('counts exactly the days where the range and the placement overlap', () => {
    fc.assert(
      fc.property(placementArb, ratesArb, rangeArb, (placement, rates, range) => {
        const first = placement.startsOn > range.from ? placement.startsOn : range.from;
        const afterRange = addDays(range.to, 1);
        const end = placement.endedOn !== null && placement.endedOn < afterRange ? placement.endedOn : afterRange;
        assert.equal(placementCost(placement, rates, range).days, Math.max(0, daysBetween(first, end)));
      }),
    );
  });
});
