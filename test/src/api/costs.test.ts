import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const tokens: Record<string, string> = {};

before(async () => {
  server = await startTestServer();
  for (const email of ['maria.holm@lindesberg.se', 'erik.berg@familjehem-norra.se', 'ingrid.wikstrom@norrbotten.se', 'johan.ek@nora.se', 'sara.nilsson@lindesberg.se']) {
    tokens[email] = await server.signIn(email);
  }
});
after(async () => {
  await server?.close();
});

const CATEGORY = 'category label placements days dailyCost extra total averageDailyCost';
const SHARED = `year asOf daysWithoutRate months { month outcome forecast categories { ${CATEGORY} } } categories { ${CATEGORY} } own { ${CATEGORY} } consultant { ${CATEGORY} }
  savings { consultantDays consultantCost atOwnRates potential } savingsTrend { year ownDays consultantDays consultantShare potential }`;
const MUNICIPALITY_REPORT = /* GraphQL */ `
  query ($year: Int!, $asOf: Date) {
    municipalityCostReport(year: $year, asOf: $asOf) {
      ${SHARED} municipality { name } unitRunningCost unitShare { basisPoints amount municipality { name } }
      budget { category label budget outcomeToDate forecast deviation } budgetTotal { label budget outcomeToDate forecast deviation } csv
    }
  }`;
const UNIT_REPORT = /* GraphQL */ `
  query ($year: Int!) {
    unitCostReport(year: $year) {
      ${SHARED} unit { name } runningCost split { basisPoints amount municipality { name } }
      municipalities { municipality { name } total { ${CATEGORY} } categories { ${CATEGORY} } savings { potential } } csv
    }
  }`;
const DRILL_DOWN = /* GraphQL */ `
  query ($year: Int!, $category: CostCategory, $month: String) {
    placementCosts(year: $year, category: $category, month: $month) { placementId childId childName homeName category startsOn endedOn days dailyCost extra total averageDailyCost }
  }`;

type CategoryCost = { category: string | null; averageDailyCost: number | null; days: number; total: number };

describe('cost reports over HTTP', () => {
  it('Maria Holm sees Lindesberg’s May 2022 average daily costs of seed 001, in öre, in a handful of statements', async () => {
    const response = await server.graphql(tokens['maria.holm@lindesberg.se']!, MUNICIPALITY_REPORT, { year: 2022 });
    assert.equal(response.errors, undefined);
    const report = response.data!.municipalityCostReport as { months: { month: string; categories: CategoryCost[] }[]; municipality: { name: string }; csv: string };
    assert.equal(report.municipality.name, 'Lindesbergs kommun');
    const may = report.months.find((m) => m.month === '2022-05')!;
    const average = (category: string) => may.categories.find((c) => c.category === category)?.averageDailyCost;
    assert.deepEqual(
      ['OWN', 'EMERGENCY', 'TREATMENT', 'CONSULTANT_SUPPORTED'].map(average),
      [56_000, 66_000, 148_400, 210_000],
    );
    assert.match(report.csv, /^Kostnad per kategori hittills i år/);
    assert.ok(response.extensions!.queryCount! <= 12, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('the drill-down lists the placements behind a month and category, and the statements do not grow with them', async () => {
    const response = await server.graphql(tokens['maria.holm@lindesberg.se']!, DRILL_DOWN, { year: 2022, category: 'OWN', month: '2022-05' });
    assert.equal(response.errors, undefined);
    const lines = response.data!.placementCosts as { childName: string; days: number; averageDailyCost: number }[];
    assert.ok(lines.length > 10);
    assert.ok(lines.every((l) => l.averageDailyCost === 56_000 && l.days > 0 && l.days <= 31));
    assert.ok(response.extensions!.queryCount! <= 10, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('the unit sees the sums of its members and the split of its running cost, exact to the öre', async () => {
    const response = await server.graphql(tokens['erik.berg@familjehem-norra.se']!, UNIT_REPORT, { year: 2026 });
    assert.equal(response.errors, undefined);
    const report = response.data!.unitCostReport as { runningCost: number; split: { amount: number; basisPoints: number }[]; municipalities: unknown[] };
    assert.equal(report.split.length, 4);
    assert.equal(report.split.reduce((sum, s) => sum + s.amount, 0), report.runningCost);
    assert.equal(report.municipalities.length, 4);
    assert.ok(response.extensions!.queryCount! <= 14, `queryCount was ${response.extensions!.queryCount}`);
  });

  for (const [who, field, query, variables] of [
    ['ingrid.wikstrom@norrbotten.se', 'municipalityCostReport', MUNICIPALITY_REPORT, { year: 2026 }],
    ['ingrid.wikstrom@norrbotten.se', 'unitCostReport', UNIT_REPORT, { year: 2026 }],
    ['ingrid.wikstrom@norrbotten.se', 'placementCosts', DRILL_DOWN, { year: 2022 }],
    ['erik.berg@familjehem-norra.se', 'placementCosts', DRILL_DOWN, { year: 2022 }],
    ['johan.ek@nora.se', 'municipalityCostReport', MUNICIPALITY_REPORT, { year: 2026 }],
    ['maria.holm@lindesberg.se', 'unitCostReport', UNIT_REPORT, { year: 2026 }],
  ] as const) {
    it(`${who} is refused ${field} with FORBIDDEN and no data`, async () => {
      const response = await server.graphql(tokens[who]!, query, variables);
      assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(response.data ?? null, null);
    });
  }

  it('a year outside 2000–2100 is refused with a Swedish message', async () => {
    const response = await server.graphql(tokens['maria.holm@lindesberg.se']!, MUNICIPALITY_REPORT, { year: 1899 });
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(response.errors![0]!.message, /Året måste vara 2000 eller senare/);
  });
});
