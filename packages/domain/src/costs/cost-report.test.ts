import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveActor, type Actor, type Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { municipalityCostReport, municipalityCostReportCsv, placementCostLines, reportPeriod, unitCostReport, unitCostReportCsv } from './cost-report.js';

const kr = (amount: number) => Math.round(amount * 100);
let db: TestDatabase;
let maria: Actor;
let johan: Actor;
let erik: Actor;
let ingrid: Actor;
/** The head of unit of Provby, a hand-built municipality in its own joint unit (Provenheten). */
let provby: Actor;
let provenheten: Actor;

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

async function headOfUnit(organisationId: string, name: string): Promise<Actor> {
  const user = await db.kysely.insertInto('users').values({ external_subject: `test|${name}`, email: `${name}@prov.se`, display_name: name }).returning('id').executeTakeFirstOrThrow();
  await db.kysely.insertInto('memberships').values({ user_id: user.id, organisation_id: organisationId, role: 'head_of_unit' }).execute();
  return (await resolveActor(db.kysely, `test|${name}`))!;
}

/**
 * A year built by hand (2025, reported per 30 June), priced by hand below:
 * - A: own home from 2024-11-01, ongoing; own rate 600 kr/dygn, 650 kr from 1 July; an extra cost of 1 500 kr on 15 February.
 * - B: consultant-supported from 2025-03-01, planned to end 2025-09-30; 2 000 kr/dygn.
 * - C: emergency home 2025-01-10 to 2025-02-10 (moved out that day); 700 kr/dygn.
 * Budget: own 250 000, consultant 300 000, emergency 20 000, unit share 1 000 000 kr; the unit's running cost 1 000 000 kr, Provby its only member.
 */
async function buildProvby(): Promise<void> {
  const k = db.kysely;
  const org = async (kind: string, name: string) => (await k.insertInto('organisations').values({ kind, name }).returning('id').executeTakeFirstOrThrow()).id;
  const municipality = await org('municipality', 'Provby kommun');
  const unit = await org('foster_care_unit', 'Provenheten');
  const agreement = await k.insertInto('collaboration_agreements').values({ unit_id: unit, host_municipality_id: municipality, name: 'Provavtalet', valid_from: '2024-01-01' }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('agreement_members').values({ agreement_id: agreement.id, municipality_id: municipality, joined_on: '2024-01-01' }).execute();
  const key = await k.insertInto('cost_sharing_keys').values({ owner_org_id: unit, agreement_id: agreement.id, year: 2025, basis: 'population' }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('cost_shares').values({ owner_org_id: unit, key_id: key.id, municipality_id: municipality, basis_points: 10_000, population: 5_000 }).execute();
  await k.insertInto('unit_running_costs').values({ owner_org_id: unit, year: 2025, amount: kr(1_000_000) }).execute();
  await k
    .insertInto('fee_rates')
    .values([
      { owner_org_id: unit, home_kind: 'own', age_from: 0, age_to: 20, valid_from: '2024-01-01', valid_to: '2025-06-30', fee_per_day: kr(400), expenses_per_day: kr(200) },
      { owner_org_id: unit, home_kind: 'own', age_from: 0, age_to: 20, valid_from: '2025-07-01', valid_to: null, fee_per_day: kr(430), expenses_per_day: kr(220) },
      { owner_org_id: unit, home_kind: 'emergency', age_from: 0, age_to: 20, valid_from: '2024-01-01', valid_to: null, fee_per_day: kr(500), expenses_per_day: kr(200) },
    ])
    .execute();
  const agency = await k.insertInto('consultancy_agencies').values({ owner_org_id: municipality, name: 'Provkonsulent AB', ivo_permit_number: 'IVO 1' }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('consultant_prices').values({ owner_org_id: municipality, agency_id: agency.id, contract_reference: 'Ramavtal 2025', valid_from: '2025-01-01', valid_to: null, price_per_day: kr(2_000) }).execute();
  const home = async (kind: string, owner: string, agencyId: string | null) =>
    (await k.insertInto('foster_homes').values({ owner_org_id: owner, kind, name: `Familjen ${kind}`, municipality_id: municipality, places: 2, status: 'active', approved_on: '2020-01-01', approved_by_org_id: municipality, consultancy_agency_id: agencyId }).returning('id').executeTakeFirstOrThrow()).id;
  const child = async (name: string, n: number) =>
    (await k.insertInto('children').values({ owner_org_id: municipality, given_name: name, family_name: 'Provsson', personal_identity_number: `R00000010${n}`, identity_kind: 'reserve_number', gender: 'girl', birth_date: '2015-04-04' }).returning('id').executeTakeFirstOrThrow()).id;
  const place = async (values: { child_id: string; foster_home_id: string; starts_on: string; ended_on?: string; planned_end_on?: string }) =>
    (await k.insertInto('placements').values({ owner_org_id: municipality, end_reason: values.ended_on ? 'Flytt' : null, ...values }).returning('id').executeTakeFirstOrThrow()).id;
  const a = await place({ child_id: await child('Alma', 1), foster_home_id: await home('own', unit, null), starts_on: '2024-11-01' });
  await place({ child_id: await child('Bea', 2), foster_home_id: await home('consultant_supported', municipality, agency.id), starts_on: '2025-03-01', planned_end_on: '2025-09-30' });
  await place({ child_id: await child('Cleo', 3), foster_home_id: await home('emergency', unit, null), starts_on: '2025-01-10', ended_on: '2025-02-10' });
  await k.insertInto('placement_extra_costs').values({ owner_org_id: municipality, placement_id: a, incurred_on: '2025-02-15', amount: kr(1_500), description: 'Resor till umgänge' }).execute();
  await k
    .insertInto('cost_budgets')
    .values([
      { owner_org_id: municipality, year: 2025, category: 'own', amount: kr(250_000) },
      { owner_org_id: municipality, year: 2025, category: 'consultant_supported', amount: kr(300_000) },
      { owner_org_id: municipality, year: 2025, category: 'emergency', amount: kr(20_000) },
      { owner_org_id: municipality, year: 2025, category: 'unit_share', amount: kr(1_000_000) },
    ])
    .execute();
  provby = await headOfUnit(municipality, 'Provchef');
  provenheten = await headOfUnit(unit, 'Enhetschef Prov');
}

before(async () => {
  db = await createTestDatabase();
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');
  await buildProvby();
});
after(async () => {
  await db.dispose();
});

describe('the report period', () => {
  it('runs to today in the current year, to 31 December for a past year, and is all forecast for a coming year', () => {
    assert.deepEqual(reportPeriod(2026, null, '2026-11-23').outcome, { from: '2026-01-01', to: '2026-11-23' });
    assert.deepEqual(reportPeriod(2026, null, '2026-11-23').expected, { from: '2026-11-24', to: '2026-12-31' });
    assert.equal(reportPeriod(2022, null, '2026-11-23').asOf, '2022-12-31');
    assert.equal(reportPeriod(2022, null, '2026-11-23').expected, null);
    assert.equal(reportPeriod(2027, null, '2026-11-23').outcome, null);
    assert.deepEqual(reportPeriod(2027, null, '2026-11-23').expected, { from: '2027-01-01', to: '2027-12-31' });
  });
});

describe('a municipality’s cost report', () => {
  it('shows seed 001’s average daily costs for Lindesberg in May 2022: own 560, emergency 660, treatment 1 484, consultant-supported 2 100 kr', async () => {
    const report = await as(maria, (s) => municipalityCostReport(s, { year: 2022 }));
    const may = report.months.find((m) => m.month === '2022-05')!;
    const average = (category: string) => may.categories.find((c) => c.category === category)?.averageDailyCost;
    assert.equal(average('own'), kr(560));
    assert.equal(average('emergency'), kr(660));
    assert.equal(average('treatment'), kr(1_484));
    assert.equal(average('consultant_supported'), kr(2_100));
    assert.equal(report.daysWithoutRate, 0);
    assert.equal(report.asOf, '2022-12-31');
    assert.equal(report.months.length, 12);
  });

  it('prices a hand-built year: outcome to 30 June, forecast to the planned ends, budget deviation and savings potential', async () => {
    const report = await as(provby, (s) => municipalityCostReport(s, { year: 2025, asOf: '2025-06-30' }));
    const category = (c: string) => report.categories.find((x) => x.category === c)!;
    // A: 181 days × 600 kr + 1 500 kr extra; B: 122 days × 2 000 kr; C: 31 days × 700 kr.
    assert.deepEqual([category('own').days, category('own').dailyCost, category('own').extra], [181, kr(108_600), kr(1_500)]);
    assert.equal(category('own').averageDailyCost, kr(600));
    assert.deepEqual([category('consultant_supported').days, category('consultant_supported').total], [122, kr(244_000)]);
    assert.deepEqual([category('emergency').days, category('emergency').total, category('emergency').placements], [31, kr(21_700), 1]);
    assert.deepEqual([report.own.days, report.own.total, report.own.placements], [212, kr(131_800), 2]);

    const line = (c: string) => report.budget.find((l) => l.category === c)!;
    // The rest of the year: A 184 days × 650 kr; B 1 July to its planned end 30 September, 92 days × 2 000 kr.
    assert.deepEqual(line('own'), { category: 'own', label: 'Egna familjehem', budget: kr(250_000), outcomeToDate: kr(110_100), forecast: kr(229_700), deviation: kr(20_300) });
    assert.deepEqual([line('consultant_supported').forecast, line('consultant_supported').deviation], [kr(428_000), kr(-128_000)]);
    assert.deepEqual([line('emergency').forecast, line('emergency').deviation], [kr(21_700), kr(-1_700)]);
    assert.deepEqual([line('network').budget, line('network').forecast, line('network').deviation], [null, 0, null]);
    // The unit share is charged evenly: 181 of 365 days passed, rounded down to the öre.
    assert.deepEqual([line('unit_share').outcomeToDate, line('unit_share').forecast, line('unit_share').deviation], [49_589_041, kr(1_000_000), 0]);
    assert.deepEqual([report.budgetTotal.budget, report.budgetTotal.forecast, report.budgetTotal.deviation], [kr(1_570_000), kr(1_679_400), kr(-109_400)]);

    assert.deepEqual(report.savings, { consultantDays: 122, consultantCost: kr(244_000), atOwnRates: kr(73_200), potential: kr(170_800) });
    assert.deepEqual(report.savingsTrend.at(-1), { year: 2025, ownDays: 212, consultantDays: 122, consultantShare: 36.5, potential: kr(170_800) });
    assert.deepEqual(report.savingsTrend.at(-2), { year: 2024, ownDays: 61, consultantDays: 0, consultantShare: 0, potential: 0 });
    assert.deepEqual(report.unitShare && [report.unitShare.basisPoints, report.unitShare.amount], [10_000, kr(1_000_000)]);

    const july = report.months.find((m) => m.month === '2025-07')!;
    assert.deepEqual([july.outcome, july.forecast], [0, kr(31 * 650 + 31 * 2_000)]);
    const june = report.months.find((m) => m.month === '2025-06')!;
    assert.deepEqual([june.outcome, june.forecast], [kr(30 * 600 + 30 * 2_000), kr(30 * 600 + 30 * 2_000)]);

    const csv = municipalityCostReportCsv(report);
    assert.match(csv, /Egna familjehem;250000,00;110100,00;229700,00;20300,00\r\n/);
  });

  it('lists the placements behind a figure, and logs that the children were read', async () => {
    const lines = await as(provby, (s) => placementCostLines(s, { year: 2025, asOf: '2025-06-30', category: 'consultant_supported' }));
    assert.deepEqual(
      lines.map((l) => [l.childName, l.days, l.total, l.averageDailyCost]),
      [['Bea Provsson', 122, kr(244_000), kr(2_000)]],
    );
    const logged = await db.kysely.selectFrom('audit_log').select('purpose').where('entity_id', '=', lines[0]!.childId).where('action', '=', 'read').execute();
    assert.ok(logged.some((entry) => entry.purpose?.startsWith('kostnader')));
    const may = await as(provby, (s) => placementCostLines(s, { year: 2025, asOf: '2025-06-30', month: '2025-02' }));
    assert.deepEqual(may.map((l) => l.childName), ['Alma Provsson', 'Cleo Provsson']);
  });

  it('is refused to a social worker, to the unit and to the steering group', async () => {
    await assert.rejects(as(johan, (s) => municipalityCostReport(s, { year: 2026 })), ForbiddenError);
    await assert.rejects(as(erik, (s) => municipalityCostReport(s, { year: 2026 })), ForbiddenError);
    await assert.rejects(as(ingrid, (s) => municipalityCostReport(s, { year: 2026 })), ForbiddenError);
    await assert.rejects(as(ingrid, (s) => placementCostLines(s, { year: 2022 })), ForbiddenError);
  });
});

describe('the joint unit’s cost report', () => {
  it('splits the running cost by the year’s key to the öre, and gives sums per municipality but no placement or child', async () => {
    const report = await as(erik, (s) => unitCostReport(s, { year: 2026 }));
    assert.equal(report.split.length, 4);
    assert.equal(report.split.reduce((acc, s) => acc + s.amount, 0), report.runningCost);
    assert.equal(report.split.reduce((acc, s) => acc + s.basisPoints, 0), 10_000);
    assert.equal(report.municipalities.length, 4);
    assert.ok(report.categories.length > 0);
    const text = JSON.stringify(report);
    assert.doesNotMatch(text, /placementId|childId|birth/);
    const names = await db.kysely.selectFrom('children').select(['given_name', 'family_name', 'personal_identity_number']).execute();
    for (const child of names) {
      assert.ok(!text.includes(`${child.given_name} ${child.family_name}`) && !text.includes(child.personal_identity_number), 'no child is named');
    }
    assert.match(unitCostReportCsv(report), /enligt fördelningsnyckeln/);
  });

  it('adds up its members: the hand-built unit’s year equals Provby’s own report', async () => {
    const unit = await as(provenheten, (s) => unitCostReport(s, { year: 2025, asOf: '2025-06-30' }));
    const municipality = await as(provby, (s) => municipalityCostReport(s, { year: 2025, asOf: '2025-06-30' }));
    assert.deepEqual(unit.categories, municipality.categories);
    assert.deepEqual(unit.months, municipality.months);
    assert.deepEqual(unit.savings, municipality.savings);
    assert.deepEqual(unit.split.map((s) => s.amount), [kr(1_000_000)]);
  });

  it('is refused to a municipality and to the steering group', async () => {
    await assert.rejects(as(maria, (s) => unitCostReport(s, { year: 2026 })), ForbiddenError);
    await assert.rejects(as(ingrid, (s) => unitCostReport(s, { year: 2026 })), ForbiddenError);
  });
});
