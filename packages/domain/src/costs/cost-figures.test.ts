import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageDailyCost, budgetLines, categoryCost, costsByCategory, monthlyCosts, savingsPotential, type CostFacts } from './cost-figures.js';

const kr = (amount: number) => amount * 100;
const facts = (overrides: Partial<CostFacts>): CostFacts => ({ category: 'own', month: '2025-01', placementId: null, placements: 0, days: 0, total: 0, extra: 0, atOwnRates: 0, daysWithoutRate: 0, ...overrides });

describe('the figures of the cost reports', () => {
  it('the average per day is rounded half up to the öre, and missing without days', () => {
    assert.equal(averageDailyCost(kr(1_000), 3), 33_333);
    assert.equal(averageDailyCost(5, 2), 3);
    assert.equal(averageDailyCost(kr(17_360), 31), kr(560));
    assert.equal(averageDailyCost(kr(100), 0), null);
  });

  it('a placement over several months is counted once, and extra costs stay out of the average', () => {
    const rows = [
      facts({ placementId: 'p1', month: '2025-01', days: 31, total: kr(31 * 560 + 2_500), extra: kr(2_500) }),
      facts({ placementId: 'p1', month: '2025-02', days: 28, total: kr(28 * 560) }),
      facts({ placementId: 'p2', month: '2025-02', days: 10, total: kr(10 * 560) }),
    ];
    const own = categoryCost('own', 'Egna familjehem', rows);
    assert.deepEqual(own, { category: 'own', label: 'Egna familjehem', placements: 2, days: 69, dailyCost: kr(69 * 560), extra: kr(2_500), total: kr(69 * 560 + 2_500), averageDailyCost: kr(560) });
    assert.equal(categoryCost(null, 'Summa', [facts({ placements: 3, days: 5 }), facts({ placements: 2, days: 5 })]).placements, 5);
  });

  it('categories without days or costs are left out, in the order own, network, emergency, treatment, consultant-supported', () => {
    const rows = [facts({ category: 'consultant_supported', days: 1, total: kr(2_100) }), facts({ category: 'own', days: 1, total: kr(560) }), facts({ category: 'network' })];
    assert.deepEqual(costsByCategory(rows).map((c) => c.category), ['own', 'consultant_supported']);
  });

  it('every month of the year is shown, and a month’s forecast is its outcome plus what is expected after the report day', () => {
    const months = monthlyCosts(2025, [facts({ month: '2025-06', days: 30, total: kr(16_800) })], [facts({ month: '2025-07', days: 31, total: kr(17_360) }), facts({ month: '2025-06', days: 0, total: kr(100) })]);
    assert.equal(months.length, 12);
    assert.deepEqual(months.map((m) => m.month).slice(0, 2), ['2025-01', '2025-02']);
    assert.deepEqual([months[5]!.outcome, months[5]!.forecast], [kr(16_800), kr(16_900)]);
    assert.deepEqual([months[6]!.outcome, months[6]!.forecast], [0, kr(17_360)]);
  });

  it('the savings potential compares the consultant days’ daily cost, without extras, with the same days at own rates', () => {
    const savings = savingsPotential([
      facts({ category: 'consultant_supported', days: 10, total: kr(21_000 + 500), extra: kr(500), atOwnRates: kr(5_600) }),
      facts({ category: 'own', days: 10, total: kr(5_600) }),
    ]);
    assert.deepEqual(savings, { consultantDays: 10, consultantCost: kr(21_000), atOwnRates: kr(5_600), potential: kr(15_400) });
  });

  it('a budget line’s deviation is budget minus forecast: negative over budget, null without a budget; the total sums the budgeted lines', () => {
    const { lines, total } = budgetLines(
      new Map([['own', kr(200_000)], ['unit_share', kr(365_000)]]),
      [facts({ category: 'own', total: kr(100_000) })],
      [facts({ category: 'own', total: kr(120_000) }), facts({ category: 'emergency', total: kr(7_000) })],
      { amount: kr(365_000), yearFrom: '2025-01-01', yearTo: '2025-12-31' },
      '2025-01-10',
    );
    const line = (c: string) => lines.find((l) => l.category === c)!;
    assert.deepEqual([line('own').outcomeToDate, line('own').forecast, line('own').deviation], [kr(100_000), kr(220_000), kr(-20_000)]);
    assert.deepEqual([line('emergency').budget, line('emergency').forecast, line('emergency').deviation], [null, kr(7_000), null]);
    // Ten days of 365 passed: 10 000 kr of the 365 000 kr share.
    assert.deepEqual([line('unit_share').outcomeToDate, line('unit_share').forecast, line('unit_share').deviation], [kr(10_000), kr(365_000), 0]);
    assert.deepEqual([total.category, total.budget, total.forecast, total.deviation], [null, kr(565_000), kr(592_000), kr(-27_000)]);
  });
});
