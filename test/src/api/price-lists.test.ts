import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const today = todayInSweden();
const thisYear = Number(today.slice(0, 4));
// Tomorrow on 1 January falls on next year's rate, which already starts that day.
const tomorrow = addDays(today, 1).endsWith('-01-01') ? addDays(today, 2) : addDays(today, 1);

before(async () => {
  server = await startTestServer();
  for (const email of ['maria.holm@lindesberg.se', 'erik.berg@familjehem-norra.se', 'johan.ek@nora.se', 'lena.strand@nora.se']) {
    tokens[email] = await server.signIn(email);
  }
});
after(async () => {
  await server?.close();
});

const ERRORS = /* GraphQL */ `
  ... on Error { __typename code message }
  ... on RuleViolationError { rule }
  ... on ValidationError { issues { path message } }
  ... on VersionConflictError { currentVersion }`;

const PRICE_LIST = /* GraphQL */ `
  owner { name } on canEdit
  feeRates { id homeKind ageFrom ageTo validFrom validTo feePerDay expensesPerDay perDay status }
  consultantPrices { agency { name } contractReference validFrom validTo pricePerDay status }
  treatmentSupplements { validFrom validTo perDay status }
  indices { year basisPoints percent }`;

type Result = Record<string, any> & { __typename: string };

/** A mutation over HTTP; its typed result (success or error), never a top-level error. */
async function mutate(email: string, field: string, input: Record<string, unknown>, selection: string): Promise<Result> {
  const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const response = await server.graphql(tokens[email]!, `mutation($input: ${name}Input!) { ${field}(input: $input) { __typename ... on Mutation${name}Success { data { ${selection} } } ${ERRORS} } }`, { input });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data![field] as Result;
}

async function priceList(email: string, ownerId?: string) {
  const response = await server.graphql(tokens[email]!, `query($ownerId: ID) { priceList(ownerId: $ownerId) { ${PRICE_LIST} } }`, { ownerId: ownerId ?? null });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data!.priceList;
}

describe('price lists over HTTP (prislista)', () => {
  it('a member municipality reads its own price list and the unit’s, and may change only its own', async () => {
    const owners = await server.graphql(tokens['maria.holm@lindesberg.se']!, `{ priceListOwners { id name } }`);
    assert.deepEqual(owners.data!.priceListOwners.map((o: { name: string }) => o.name), ['Lindesbergs kommun', 'Familjehemsenheten Norra länsdelen']);
    const own = await priceList('maria.holm@lindesberg.se');
    assert.equal(own.canEdit, true);
    assert.ok(own.feeRates.every((r: { homeKind: string }) => r.homeKind === 'NETWORK'));
    assert.ok(own.consultantPrices.some((p: { status: string }) => p.status === 'CURRENT'));
    const units = await priceList('maria.holm@lindesberg.se', owners.data!.priceListOwners[1].id);
    assert.equal(units.canEdit, false);
    assert.equal(units.owner.name, 'Familjehemsenheten Norra länsdelen');
    const current = units.feeRates.filter((r: { homeKind: string; status: string }) => r.homeKind === 'OWN' && r.status === 'CURRENT');
    assert.equal(current.length, 2);
  });

  it('Erik Berg adds an own-home rate from tomorrow: the current period ends today and the new one is coming', async () => {
    const yearEnd = `${tomorrow.slice(0, 4)}-12-31`;
    const result = await mutate(
      'erik.berg@familjehem-norra.se',
      'addFeeRate',
      { homeKind: 'OWN', ageFrom: 0, ageTo: 12, validFrom: tomorrow, validTo: yearEnd, feePerDay: 41_000, expensesPerDay: 19_050 },
      PRICE_LIST,
    );
    assert.equal(result.__typename, 'MutationAddFeeRateSuccess', JSON.stringify(result));
    const band = result.data.feeRates.filter((r: { homeKind: string; ageFrom: number }) => r.homeKind === 'OWN' && r.ageFrom === 0);
    const added = band.find((r: { validFrom: string }) => r.validFrom === tomorrow);
    assert.deepEqual([added.validTo, added.feePerDay, added.expensesPerDay, added.perDay, added.status], [yearEnd, 41_000, 19_050, 60_050, 'FUTURE']);
    const ended = band.find((r: { validTo: string | null }) => r.validTo === addDays(tomorrow, -1));
    assert.equal(ended.status, 'CURRENT');
  });

  it('a refusal answers with the stable rule code and a Swedish message, and nothing is half-written', async () => {
    const before = await priceList('erik.berg@familjehem-norra.se');
    const overlap = await mutate('erik.berg@familjehem-norra.se', 'addFeeRate', { homeKind: 'OWN', ageFrom: 13, ageTo: 20, validFrom: tomorrow, feePerDay: 40_000, expensesPerDay: 20_000 }, 'on');
    assert.deepEqual([overlap.__typename, overlap.code, overlap.rule], ['RuleViolationError', 'RULE_VIOLATION', 'RATE_PERIOD_OVERLAP']);
    assert.match(overlap.message, /Arvodet för egna familjehem, 13–20 år, har redan en period .* som överlappar den nya perioden/);
    const past = await mutate('erik.berg@familjehem-norra.se', 'addTreatmentSupplement', { validFrom: addDays(today, -1), perDay: 100_000 }, 'on');
    assert.deepEqual([past.rule, past.message], ['RATE_CHANGE_IN_PAST', `En ny taxa kan börja tidigast i dag (${today}): dagar som redan har varit behåller sin taxa. Välj ett datum från och med ${today}.`]);
    const indexed = await mutate('erik.berg@familjehem-norra.se', 'applyRateIndex', { year: thisYear + 1, basisPoints: 250 }, 'on');
    assert.deepEqual([indexed.rule, indexed.message], ['RATE_INDEX_EXISTS', `Taxorna är redan uppräknade för ${thisYear + 1}. Ändra en enskild taxa med en ny period i stället.`]);
    assert.deepEqual(await priceList('erik.berg@familjehem-norra.se'), before);
    // Lindesberg's index would overlap next year's network rates: refused whole, no index recorded.
    const lindesbergBefore = await priceList('maria.holm@lindesberg.se');
    const refused = await mutate('maria.holm@lindesberg.se', 'applyRateIndex', { year: thisYear + 1, basisPoints: 250 }, 'on');
    assert.equal(refused.rule, 'RATE_PERIOD_OVERLAP');
    assert.deepEqual(await priceList('maria.holm@lindesberg.se'), lindesbergBefore);
  });

  it('Erik Berg applies the year’s index: every rate from 1 January, rounded to whole kronor', async () => {
    const year = thisYear + 2;
    const result = await mutate('erik.berg@familjehem-norra.se', 'applyRateIndex', { year, basisPoints: 290 }, PRICE_LIST);
    assert.equal(result.__typename, 'MutationApplyRateIndexSuccess', JSON.stringify(result));
    assert.deepEqual(result.data.indices.at(-1), { year, basisPoints: 290, percent: 2.9 });
    const raised = result.data.feeRates.filter((r: { validFrom: string }) => r.validFrom === `${year}-01-01`);
    assert.equal(raised.length, 5);
    assert.ok(raised.every((r: { feePerDay: number; expensesPerDay: number; validTo: string | null }) => r.feePerDay % 100 === 0 && r.expensesPerDay % 100 === 0 && r.validTo === null));
    assert.equal(result.data.treatmentSupplements.filter((s: { validFrom: string }) => s.validFrom === `${year}-01-01`).length, 1);
  });

  it('Johan Ek, barnsekreterare, cannot change rates or budgets', async () => {
    for (const [field, input] of [
      ['addFeeRate', { homeKind: 'NETWORK', ageFrom: 0, ageTo: 20, validFrom: tomorrow, feePerDay: 1, expensesPerDay: 1 }],
      ['applyRateIndex', { year: thisYear + 3, basisPoints: 100 }],
      ['setBudget', { year: thisYear + 1, category: 'OWN', amount: 100 }],
    ] as const) {
      const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
      const response = await server.graphql(tokens['johan.ek@nora.se']!, `mutation($input: ${name}Input!) { ${field}(input: $input) { __typename } }`, { input });
      assert.deepEqual([response.data?.[field] ?? null, response.errors?.[0]?.extensions?.code, response.errors?.[0]?.message], [null, 'FORBIDDEN', 'Du har inte behörighet till detta.'], field);
    }
    const unchanged = await priceList('lena.strand@nora.se');
    assert.ok(unchanged.feeRates.every((r: { validFrom: string }) => r.validFrom !== tomorrow));
  });

  it('an amount that is not whole öre is refused in Swedish before anything runs', async () => {
    const response = await server.graphql(tokens['erik.berg@familjehem-norra.se']!, `mutation { addTreatmentSupplement(input: { validFrom: "${tomorrow}", perDay: 1000.5 }) { __typename } }`);
    assert.equal(response.data, undefined);
    assert.match(response.errors![0]!.message, /hela ören/);
  });
});

describe('budgets over HTTP (budget)', () => {
  const BUDGET = 'category label amount version';

  it('Maria Holm sets next year’s budget for consultant-supported homes and reads it back in öre', async () => {
    const year = thisYear + 1;
    const set = await mutate('maria.holm@lindesberg.se', 'setBudget', { year, category: 'CONSULTANT_SUPPORTED', amount: 450_000_000 }, BUDGET);
    assert.equal(set.__typename, 'MutationSetBudgetSuccess', JSON.stringify(set));
    assert.deepEqual(set.data, { category: 'CONSULTANT_SUPPORTED', label: 'Konsulentstödda familjehem', amount: 450_000_000, version: 1 });
    const read = await server.graphql(tokens['maria.holm@lindesberg.se']!, `query($year: Int!) { budgets(year: $year) { ${BUDGET} } }`, { year });
    const budgets = read.data!.budgets as { category: string; amount: number | null }[];
    assert.deepEqual(budgets.map((b) => b.category), ['OWN', 'NETWORK', 'EMERGENCY', 'TREATMENT', 'CONSULTANT_SUPPORTED', 'UNIT_SHARE']);
    assert.equal(budgets.find((b) => b.category === 'CONSULTANT_SUPPORTED')!.amount, 450_000_000);
    // A second head of unit who read the empty budget cannot overwrite it.
    const stale = await mutate('maria.holm@lindesberg.se', 'setBudget', { year, category: 'CONSULTANT_SUPPORTED', amount: 1 }, BUDGET);
    assert.deepEqual([stale.__typename, stale.code, stale.currentVersion], ['VersionConflictError', 'VERSION_CONFLICT', 1]);
    const changed = await mutate('maria.holm@lindesberg.se', 'setBudget', { year, category: 'CONSULTANT_SUPPORTED', amount: 400_000_000, expectedVersion: 1 }, BUDGET);
    assert.deepEqual([changed.data.amount, changed.data.version], [400_000_000, 2]);
  });

  it('a budget larger than GraphQL’s Int fits the Money scalar exactly', async () => {
    const amount = 12_345_678_901_23;
    const set = await mutate('maria.holm@lindesberg.se', 'setBudget', { year: thisYear + 1, category: 'OWN', amount }, BUDGET);
    assert.equal(set.data.amount, amount);
  });

  it('the unit’s head of unit sets the running cost, and the member municipality reads it', async () => {
    const year = thisYear + 2;
    const set = await mutate('erik.berg@familjehem-norra.se', 'setUnitRunningCost', { year, amount: 810_000_000 }, 'year amount version unit { name }');
    assert.deepEqual(set.data, { year, amount: 810_000_000, version: 1, unit: { name: 'Familjehemsenheten Norra länsdelen' } });
    const owners = await server.graphql(tokens['maria.holm@lindesberg.se']!, `{ priceListOwners { id } }`);
    const read = await server.graphql(tokens['maria.holm@lindesberg.se']!, `query($unitId: ID, $year: Int!) { unitRunningCost(unitId: $unitId, year: $year) { amount version } }`, {
      unitId: owners.data!.priceListOwners[1].id,
      year,
    });
    assert.deepEqual(read.data!.unitRunningCost, { amount: 810_000_000, version: 1 });
  });
});

describe('extra costs and treatment assignments on placements over HTTP', () => {
  const PLACEMENTS = /* GraphQL */ `
    query($first: Int) { children(first: $first) { edges { node { placements { id version startsOn endedOn treatmentAssignment fosterHome { kind } extraCosts { incurredOn amount description } } } } } }`;
  type PlacementNode = { id: string; version: number; startsOn: string; endedOn: string | null; treatmentAssignment: boolean; fosterHome: { kind: string }; extraCosts: { amount: number }[] | null };
  const placementsOf = (data: any): PlacementNode[] => data.children.edges.flatMap((e: { node: { placements: PlacementNode[] } }) => e.node.placements);

  it('the placing municipality reads each placement’s extra costs and treatment assignment in statements that do not grow with the placements', async () => {
    const small = await server.graphql(tokens['maria.holm@lindesberg.se']!, PLACEMENTS, { first: 3 });
    const large = await server.graphql(tokens['maria.holm@lindesberg.se']!, PLACEMENTS, { first: 30 });
    assert.equal(large.errors, undefined, JSON.stringify(large.errors));
    assert.equal(small.extensions!.queryCount, large.extensions!.queryCount);
    const placements = placementsOf(large.data);
    assert.ok(placements.some((p) => (p.extraCosts ?? []).length > 0));
    assert.ok(placements.every((p) => Array.isArray(p.extraCosts)));
  });

  it('Maria Holm records the cost of a move on a placement’s end day and gives another a treatment assignment; a consultant-supported home is refused one', async () => {
    const placements = placementsOf((await server.graphql(tokens['maria.holm@lindesberg.se']!, PLACEMENTS, { first: 60 })).data);
    const ended = placements.find((p) => p.endedOn !== null && p.fosterHome.kind === 'OWN')!;
    const cost = await mutate('maria.holm@lindesberg.se', 'recordExtraCost', { placementId: ended.id, incurredOn: ended.endedOn, amount: 345_050, description: 'Flyttbil' }, 'incurredOn amount description');
    assert.deepEqual(cost.data, { incurredOn: ended.endedOn, amount: 345_050, description: 'Flyttbil' });
    const outside = await mutate('maria.holm@lindesberg.se', 'recordExtraCost', { placementId: ended.id, incurredOn: addDays(ended.endedOn!, 1), amount: 100, description: 'Resa' }, 'amount');
    assert.deepEqual([outside.__typename, outside.rule], ['RuleViolationError', 'EXTRA_COST_OUTSIDE_PLACEMENT']);

    const own = placements.find((p) => p.endedOn === null && p.fosterHome.kind === 'OWN' && !p.treatmentAssignment)!;
    const treated = await mutate('maria.holm@lindesberg.se', 'setTreatmentAssignment', { placementId: own.id, treatmentAssignment: true, expectedVersion: own.version }, 'treatmentAssignment version');
    assert.deepEqual(treated.data, { treatmentAssignment: true, version: own.version + 1 });
    const consultant = placements.find((p) => p.fosterHome.kind === 'CONSULTANT_SUPPORTED')!;
    const refused = await mutate('maria.holm@lindesberg.se', 'setTreatmentAssignment', { placementId: consultant.id, treatmentAssignment: true, expectedVersion: consultant.version }, 'version');
    assert.deepEqual([refused.__typename, refused.rule], ['RuleViolationError', 'TREATMENT_IN_CONSULTANT_HOME']);
  });
});
