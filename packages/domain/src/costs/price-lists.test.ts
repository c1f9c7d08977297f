import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { beginIdentityTransaction, inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { placementCost, type CostedPlacement, type CostRates, type FeeRate } from './daily-cost.js';
import {
  addConsultantPrice,
  addFeeRate,
  addTreatmentSupplement,
  applyRateIndex,
  indexedAmount,
  indexedRates,
  indexRefusal,
  listPriceListOwners,
  loadPriceList,
  periodStatus,
  planNewPeriod,
} from './price-lists.js';
import { loadCostRates } from './rates.js';

const kr = (amount: number) => amount * 100;
const today = todayInSweden();
const tomorrow = addDays(today, 1);
const thisYear = Number(today.slice(0, 4));

function ruleOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolationError) return error.rule;
    throw error;
  }
  throw new Error('expected a rule violation');
}

async function refusal(promise: Promise<unknown>): Promise<RuleViolationError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(error instanceof RuleViolationError, `expected a rule violation, got ${String(error)}`);
  return error;
}

const own = (validFrom: string, validTo: string | null, perDay: number, id = validFrom): FeeRate & { id: string } => ({
  id,
  homeKind: 'own',
  ageFrom: 0,
  ageTo: 20,
  validFrom,
  validTo,
  feePerDay: kr(perDay) - kr(180),
  expensesPerDay: kr(180),
});
const name = () => 'Arvodet för egna familjehem, 0–20 år,';

describe('a change of the price list (pure rules)', () => {
  it('a rate change from a day leaves the cost of the days before it unchanged', () => {
    const before: CostRates = { fees: [own('2026-01-01', null, 560)], consultantPrices: [], treatmentSupplements: [] };
    const change = own('2026-07-01', null, 600, 'new');
    const closings = planNewPeriod(change, before.fees as (FeeRate & { id: string })[], '2026-06-15', name);
    assert.deepEqual(closings, [{ id: '2026-01-01', validTo: '2026-06-30' }]);
    const after: CostRates = { ...before, fees: [{ ...before.fees[0]!, validTo: '2026-06-30' }, change] };
    const placement: CostedPlacement = { startsOn: '2025-09-01', endedOn: null, homeKind: 'own', childBirthDate: '2016-02-02' };
    const firstHalf = { from: '2026-01-01', to: '2026-06-30' };
    assert.equal(placementCost(placement, after, firstHalf).total, placementCost(placement, before, firstHalf).total);
    assert.equal(placementCost(placement, after, firstHalf).total, 181 * kr(560));
    assert.equal(placementCost(placement, after, { from: '2026-07-01', to: '2026-07-31' }).total, 31 * kr(600));
  });

  it('a new period may start today but not a day that has already been', () => {
    assert.deepEqual(planNewPeriod(own('2026-06-15', null, 600), [], '2026-06-15', name), []);
    assert.equal(ruleOf(() => planNewPeriod(own('2026-06-14', null, 600), [], '2026-06-15', name)), 'RATE_CHANGE_IN_PAST');
  });

  it('a period that began earlier and runs until further notice ends the day before the new one, even when the new one is bounded', () => {
    const closings = planNewPeriod(own('2026-07-01', '2026-09-30', 600), [own('2026-01-01', null, 560)], '2026-06-15', name);
    assert.deepEqual(closings, [{ id: '2026-01-01', validTo: '2026-06-30' }]);
  });

  it('a bounded period that began earlier ends the day before when the new period covers the rest of it', () => {
    const year = own('2026-01-01', '2026-12-31', 560);
    const nextYear = own('2027-01-01', null, 576);
    assert.deepEqual(planNewPeriod(own('2026-07-01', '2026-12-31', 600), [year, nextYear], '2026-06-15', name), [{ id: '2026-01-01', validTo: '2026-06-30' }]);
    // Ending earlier would leave days without a rate: refused.
    assert.equal(ruleOf(() => planNewPeriod(own('2026-07-01', '2026-11-30', 600), [year, nextYear], '2026-06-15', name)), 'RATE_PERIOD_OVERLAP');
  });

  it('a new period may not overlap a period that starts on the same day or later', () => {
    const planned = own('2027-01-01', null, 576);
    assert.equal(ruleOf(() => planNewPeriod(own('2026-07-01', null, 600), [own('2026-01-01', '2026-12-31', 560), planned], '2026-06-15', name)), 'RATE_PERIOD_OVERLAP');
    assert.equal(ruleOf(() => planNewPeriod(own('2027-01-01', null, 600), [planned], '2026-06-15', name)), 'RATE_PERIOD_OVERLAP');
    assert.deepEqual(planNewPeriod(own('2026-07-01', '2026-12-31', 600), [planned], '2026-06-15', name), []);
  });

  it('the refusal names the period in the way', () => {
    try {
      planNewPeriod(own('2027-01-01', null, 600), [own('2027-01-01', null, 576)], '2026-06-15', name);
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(error instanceof RuleViolationError);
      assert.match(error.message, /Arvodet för egna familjehem, 0–20 år, har redan en period 2027-01-01 – tills vidare/);
    }
  });

  it('a period has ended, is in force or is coming on a day', () => {
    const period = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    assert.equal(periodStatus(period, '2025-12-31'), 'future');
    assert.equal(periodStatus(period, '2026-01-01'), 'current');
    assert.equal(periodStatus(period, '2026-12-31'), 'current');
    assert.equal(periodStatus(period, '2027-01-01'), 'past');
    assert.equal(periodStatus({ validFrom: '2026-01-01', validTo: null }, '2099-01-01'), 'current');
  });
});

describe('the year’s index (uppräkning, pure rules)', () => {
  it('an index of 2,9 % on 560 kr gives 576 kr from 1 January', () => {
    assert.equal(indexedAmount(kr(560), 290), kr(576));
    const rates: CostRates = { fees: [own('2026-01-01', null, 560)], consultantPrices: [], treatmentSupplements: [{ validFrom: '2026-01-01', validTo: null, perDay: kr(924) }] };
    const next = indexedRates(rates, 2027, 290);
    assert.equal(next.fees[0]!.feePerDay + next.fees[0]!.expensesPerDay, kr(576));
    assert.deepEqual(next.treatmentSupplements, [{ validFrom: '2027-01-01', validTo: null, perDay: kr(951) }]);
    const indexed: CostRates = { fees: [{ ...rates.fees[0]!, validTo: '2026-12-31' }, ...next.fees], consultantPrices: [], treatmentSupplements: [] };
    const placement: CostedPlacement = { startsOn: '2026-05-01', endedOn: null, homeKind: 'own', childBirthDate: '2016-02-02' };
    assert.equal(placementCost(placement, indexed, { from: '2026-12-31', to: '2026-12-31' }).total, kr(560));
    assert.equal(placementCost(placement, indexed, { from: '2027-01-01', to: '2027-01-01' }).total, kr(576));
  });

  it('rounds each amount to whole kronor, half up, exactly in integers', () => {
    assert.equal(indexedAmount(kr(50), 100), kr(51), '50,50 kr rounds up');
    assert.equal(indexedAmount(4_999, 100), kr(50), '50,49 kr rounds down');
    assert.equal(indexedAmount(kr(560), 0), kr(560));
    assert.equal(indexedAmount(kr(1_000), -150), kr(985), 'a negative index lowers the rate');
    assert.equal(indexedAmount(kr(380) + 50, 290), kr(392), 'öre in the old amount count: 380,50 × 1,029 = 391,53');
    assert.equal(indexedAmount(9_000_000_000_000, 290), 9_261_000_000_000);
  });

  it('indexes only what is in force on 31 December, and never the consultant prices', () => {
    const rates: CostRates = {
      fees: [own('2025-01-01', '2025-12-31', 500, 'a'), own('2026-01-01', '2026-12-31', 560, 'b'), { ...own('2026-01-01', null, 660, 'c'), homeKind: 'emergency' }],
      consultantPrices: [{ agencyId: 'x', validFrom: '2026-01-01', validTo: null, pricePerDay: kr(2_100) }],
      treatmentSupplements: [{ validFrom: '2026-01-01', validTo: '2026-06-30', perDay: kr(900) }],
    };
    const next = indexedRates(rates, 2027, 290);
    assert.deepEqual(next.fees.map((f) => [f.homeKind, f.feePerDay + f.expensesPerDay, f.validFrom, f.validTo]), [
      ['own', kr(576), '2027-01-01', null],
      ['emergency', kr(679), '2027-01-01', null],
    ]);
    assert.deepEqual(next.treatmentSupplements, []);
  });

  it('a year is indexed once, and not once it has begun', () => {
    assert.equal(indexRefusal(2027, '2026-11-23', [2026]), null);
    assert.equal(indexRefusal(2027, '2027-01-01', []), null);
    assert.equal(indexRefusal(2027, '2026-11-23', [2026, 2027])?.rule, 'RATE_INDEX_EXISTS');
    assert.equal(indexRefusal(2026, '2026-11-23', [])?.rule, 'RATE_CHANGE_IN_PAST');
  });
});

let db: TestDatabase;
let unitId: string;
let lindesbergId: string;
/** Enhetschef of the joint unit. */
let erik: Actor;
/** Enhetschef in Lindesberg. */
let maria: Actor;
/** Barnsekreterare in Lindesberg. */
let sara: Actor;
/** Familjehemssekreterare of the unit. */
let anna: Actor;

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/** Every rate row of an owner, as the database owner sees them, to prove nothing changed. */
async function snapshot(ownerId: string) {
  const k = db.kysely;
  return {
    fees: await k.selectFrom('fee_rates').selectAll().where('owner_org_id', '=', ownerId).orderBy('id').execute(),
    prices: await k.selectFrom('consultant_prices').selectAll().where('owner_org_id', '=', ownerId).orderBy('id').execute(),
    supplements: await k.selectFrom('treatment_supplements').selectAll().where('owner_org_id', '=', ownerId).orderBy('id').execute(),
    indices: await k.selectFrom('rate_indices').selectAll().where('owner_org_id', '=', ownerId).orderBy('year').execute(),
  };
}

before(async () => {
  db = await createTestDatabase();
  unitId = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  lindesbergId = await organisationIdByName(db, 'Lindesbergs kommun');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
});

after(async () => {
  await db.dispose();
});

describe('reading a price list', () => {
  it('the unit’s price list holds its fee rates by home kind and age band, the supplement and the yearly indices, current and historical', async () => {
    const list = await as(erik, (session) => loadPriceList(session));
    assert.equal(list.ownerId, unitId);
    assert.equal(list.on, today);
    assert.deepEqual([...new Set(list.feeRates.map((r) => `${r.homeKind} ${r.ageFrom}–${r.ageTo}`))], ['own 0–12', 'own 13–20', 'emergency 0–20', 'treatment 0–12', 'treatment 13–20']);
    const ownYoung = list.feeRates.filter((r) => r.homeKind === 'own' && r.ageFrom === 0);
    assert.deepEqual(ownYoung.map((r) => r.validFrom), [...ownYoung.map((r) => r.validFrom)].sort());
    assert.equal(ownYoung.filter((r) => periodStatus(r, today) === 'current').length, 1);
    assert.ok(ownYoung.some((r) => periodStatus(r, today) === 'past'));
    assert.ok(list.treatmentSupplements.length > 1);
    assert.deepEqual(list.consultantPrices, []);
    assert.equal(list.indices.find((i) => i.year === 2025)?.basisPoints, 290);
  });

  it('a member municipality reads its own network rates and contracts, and its unit’s price list', async () => {
    assert.deepEqual(await as(maria, (session) => listPriceListOwners(session)), [lindesbergId, unitId]);
    const own = await as(maria, (session) => loadPriceList(session));
    assert.ok(own.feeRates.every((r) => r.homeKind === 'network'));
    assert.ok(own.consultantPrices.length > 0);
    assert.ok(own.consultantPrices.every((p) => p.contractReference.startsWith('Avtal ')));
    const units = await as(maria, (session) => loadPriceList(session, { ownerId: unitId, on: '2022-05-31' }));
    assert.equal(units.on, '2022-05-31');
    const may2022 = units.feeRates.filter((r) => r.homeKind === 'own' && periodStatus(r, '2022-05-31') === 'current');
    assert.deepEqual(may2022.map((r) => r.feePerDay + r.expensesPerDay), [kr(560), kr(560)], 'seed 001: own homes 560 kr/dygn');
  });
});

describe('a new rate from a day', () => {
  it('the unit’s enhetschef sets a new own-home rate from tomorrow to the year’s end; the days before keep their cost', async () => {
    // Tomorrow on 1 January falls in next year's period, which already starts that day.
    const from = tomorrow.endsWith('-01-01') ? addDays(tomorrow, 1) : tomorrow;
    const yearEnd = `${from.slice(0, 4)}-12-31`;
    const child: CostedPlacement = { startsOn: `${thisYear - 1}-03-01`, endedOn: null, homeKind: 'own', childBirthDate: `${thisYear - 8}-06-15` };
    const before = (await loadCostRates(db.kysely, [unitId])).get(unitId)!;
    const list = await as(erik, (session) =>
      addFeeRate(session, { homeKind: 'own', ageFrom: 0, ageTo: 12, validFrom: from, validTo: yearEnd, feePerDay: kr(400), expensesPerDay: kr(190) }),
    );
    const year = from.slice(0, 4);
    const yearsRate = before.fees.find((f) => f.homeKind === 'own' && f.ageFrom === 0 && f.validFrom === `${year}-01-01`)!;
    const band = list.feeRates.filter((r) => r.homeKind === 'own' && r.ageFrom === 0);
    assert.deepEqual(
      band.filter((r) => r.validFrom.startsWith(year)).map((r) => [r.validFrom, r.validTo, r.feePerDay + r.expensesPerDay]),
      [
        [`${year}-01-01`, addDays(from, -1), yearsRate.feePerDay + yearsRate.expensesPerDay],
        [from, yearEnd, kr(590)],
      ],
    );
    // Next year's rate, already set, is untouched.
    assert.deepEqual(
      band.filter((r) => r.validFrom > yearEnd),
      before.fees.filter((f) => f.homeKind === 'own' && f.ageFrom === 0 && f.validFrom > yearEnd).map((f) => ({ ...f, id: band.find((r) => r.validFrom === f.validFrom)!.id, ownerId: unitId })),
    );
    const afterRates = (await loadCostRates(db.kysely, [unitId])).get(unitId)!;
    const untilToday = { from: `${thisYear - 1}-03-01`, to: addDays(from, -1) };
    assert.equal(placementCost(child, afterRates, untilToday).total, placementCost(child, before, untilToday).total);
    assert.equal(placementCost(child, afterRates, { from, to: from }).total, kr(590));
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type']).where('user_id', '=', erik.userId).where('entity_type', '=', 'FeeRate').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['create', 'update']);
  });

  it('a rate from a day already past is refused with RATE_CHANGE_IN_PAST, and nothing is written', async () => {
    const unchanged = await snapshot(unitId);
    const error = await refusal(
      as(erik, (session) => addFeeRate(session, { homeKind: 'emergency', ageFrom: 0, ageTo: 20, validFrom: addDays(today, -1), feePerDay: kr(500), expensesPerDay: kr(200) })),
    );
    assert.equal(error.rule, 'RATE_CHANGE_IN_PAST');
    assert.match(error.message, /tidigast i dag/);
    assert.deepEqual(await snapshot(unitId), unchanged);
  });

  it('a rate until further notice from tomorrow is refused while next year’s rate is set, naming it', async () => {
    const unchanged = await snapshot(unitId);
    const error = await refusal(
      as(erik, (session) => addFeeRate(session, { homeKind: 'own', ageFrom: 13, ageTo: 20, validFrom: tomorrow, feePerDay: kr(400), expensesPerDay: kr(200) })),
    );
    assert.equal(error.rule, 'RATE_PERIOD_OVERLAP');
    assert.match(error.message, new RegExp(`Arvodet för egna familjehem, 13–20 år, har redan en period ${thisYear + 1}-01-01 – tills vidare`));
    assert.deepEqual(await snapshot(unitId), unchanged);
  });

  it('an age band overlapping another band of the same kind is checked against it', async () => {
    const error = await refusal(
      as(erik, (session) => addFeeRate(session, { homeKind: 'emergency', ageFrom: 10, ageTo: 15, validFrom: tomorrow, validTo: tomorrow, feePerDay: kr(1), expensesPerDay: 0 })),
    );
    assert.equal(error.rule, 'RATE_PERIOD_OVERLAP');
    assert.match(error.message, /jourhem, 0–20 år/);
  });

  it('amounts are whole öre and not negative; a period cannot end before it starts', async () => {
    const attempt = (input: Partial<Parameters<typeof addFeeRate>[1]>) =>
      as(erik, (session) => addFeeRate(session, { homeKind: 'own', ageFrom: 0, ageTo: 12, validFrom: `${thisYear + 1}-06-01`, feePerDay: kr(400), expensesPerDay: kr(200), ...input }));
    await assert.rejects(attempt({ feePerDay: 400.5 }), (e: unknown) => e instanceof ValidationError && /hela ören/.test(e.message));
    await assert.rejects(attempt({ expensesPerDay: -100 }), (e: unknown) => e instanceof ValidationError && /negativt/.test(e.message));
    await assert.rejects(attempt({ validTo: `${thisYear + 1}-05-31` }), (e: unknown) => e instanceof ValidationError && e.issues[0]?.path === 'validTo');
    await assert.rejects(attempt({ ageFrom: 13, ageTo: 12 }), ValidationError);
  });

  it('only the head of unit or administrator of the paying organisation changes its price list', async () => {
    const input = { homeKind: 'own' as const, ageFrom: 0, ageTo: 12, validFrom: `${thisYear + 1}-06-01`, feePerDay: kr(400), expensesPerDay: kr(200) };
    await assert.rejects(as(sara, (session) => addFeeRate(session, input)), ForbiddenError);
    await assert.rejects(as(anna, (session) => addFeeRate(session, input)), ForbiddenError);
    await assert.rejects(as(anna, (session) => applyRateIndex(session, { year: thisYear + 2, basisPoints: 290 })), ForbiddenError);
  });

  it('a municipality’s new contract price with an agency closes the open contract period the day before', async () => {
    const list = await as(maria, (session) => loadPriceList(session));
    const agencyId = list.consultantPrices[0]!.agencyId;
    const from = `${thisYear + 1}-07-01`;
    const updated = await as(maria, (session) => addConsultantPrice(session, { agencyId, contractReference: `Avtal ${thisYear + 1}:2, dnr SN ${thisYear + 1}/200`, validFrom: from, pricePerDay: kr(2_250) }));
    const periods = updated.consultantPrices.filter((p) => p.agencyId === agencyId && p.validFrom >= `${thisYear + 1}-01-01`);
    assert.deepEqual(periods.map((p) => [p.validFrom, p.validTo, p.contractReference.startsWith(`Avtal ${thisYear + 1}:2`)]), [
      [`${thisYear + 1}-01-01`, `${thisYear + 1}-06-30`, false],
      [from, null, true],
    ]);
  });

  it('a new treatment supplement closes the open period the day before', async () => {
    const updated = await as(erik, (session) => addTreatmentSupplement(session, { validFrom: `${thisYear + 1}-04-01`, perDay: kr(1_000) }));
    const last = updated.treatmentSupplements.slice(-2);
    assert.deepEqual(last.map((s) => [s.validFrom, s.validTo, s.perDay]), [
      [`${thisYear + 1}-01-01`, `${thisYear + 1}-03-31`, last[0]!.perDay],
      [`${thisYear + 1}-04-01`, null, kr(1_000)],
    ]);
  });
});

describe('two editors at the same time', () => {
  it(
    'the second of two administrators adding the same rate waits for the first and is refused, so the periods never overlap',
    process.env.DATABASE_URL ? {} : { skip: 'PGlite is one session: transactions cannot interleave there' },
    async () => {
      const eva = await demoActor(db, 'eva.ahlin@lindesberg.se', unitId);
      const input = { homeKind: 'emergency' as const, ageFrom: 0, ageTo: 20, validFrom: `${thisYear + 1}-06-01`, feePerDay: kr(500), expensesPerDay: kr(200) };
      const first = await beginIdentityTransaction(db.kysely, erik);
      const second = await beginIdentityTransaction(db.kysely, eva);
      try {
        await addFeeRate({ db: first, actor: erik, requestId: 'concurrent-1' }, input);
        const waiting = addFeeRate({ db: second, actor: eva, requestId: 'concurrent-2' }, input).then(
          () => null,
          (error: unknown) => error,
        );
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
          if (rows[0]!.n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await first.commit().execute();
        const refused = await waiting;
        assert.ok(refused instanceof RuleViolationError && refused.rule === 'RATE_PERIOD_OVERLAP', String(refused));
        await second.rollback().execute();
      } finally {
        if (!first.isCommitted && !first.isRolledBack) await first.rollback().execute();
        if (!second.isCommitted && !second.isRolledBack) await second.rollback().execute();
      }
      const june = await db.kysely.selectFrom('fee_rates').select('id').where('owner_org_id', '=', unitId).where('home_kind', '=', 'emergency').where('valid_from', '=', input.validFrom).execute();
      assert.equal(june.length, 1);
    },
  );
});

describe('applying the year’s index', () => {
  it('refuses a year already indexed (RATE_INDEX_EXISTS) and a year that has begun (RATE_CHANGE_IN_PAST)', async () => {
    assert.equal((await refusal(as(erik, (session) => applyRateIndex(session, { year: thisYear + 1, basisPoints: 250 })))).rule, 'RATE_INDEX_EXISTS');
    assert.equal((await refusal(as(maria, (session) => applyRateIndex(session, { year: thisYear, basisPoints: 250 })))).rule, 'RATE_CHANGE_IN_PAST');
  });

  it('is refused while next year’s rates are already set', async () => {
    const error = await refusal(as(maria, (session) => applyRateIndex(session, { year: thisYear + 1, basisPoints: 250 })));
    assert.equal(error.rule, 'RATE_PERIOD_OVERLAP');
    assert.match(error.message, new RegExp(`Arvodet för nätverkshem, 0–12 år, har redan en period ${thisYear + 1}-01-01`));
  });

  it('leaves nothing half-written when a rate late in the list cannot be indexed', async () => {
    const year = thisYear + 2;
    const unchanged = await snapshot(unitId);
    // A planned treatment-home rate from March that the index from 1 January would overlap; the
    // own-home and emergency rates before it in the list are indexed first, then undone.
    const blocking = await db.kysely
      .insertInto('fee_rates')
      .values({ owner_org_id: unitId, home_kind: 'treatment', age_from: 13, age_to: 20, valid_from: `${year}-03-01`, valid_to: null, fee_per_day: kr(500), expenses_per_day: kr(250) })
      .returning('id')
      .executeTakeFirstOrThrow();
    try {
      const error = await refusal(as(erik, (session) => applyRateIndex(session, { year, basisPoints: 290 })));
      assert.equal(error.rule, 'RATE_PERIOD_OVERLAP');
      assert.match(error.message, /behandlingsuppdrag, 13–20 år/);
    } finally {
      await db.kysely.deleteFrom('fee_rates').where('id', '=', blocking.id).execute();
    }
    assert.deepEqual(await snapshot(unitId), unchanged);
  });

  it('raises every rate in force on 31 December from 1 January, to whole kronor, and records the index', async () => {
    const year = thisYear + 2;
    const yearEnd = `${year - 1}-12-31`;
    const before = await as(erik, (session) => loadPriceList(session));
    const inForce = before.feeRates.filter((r) => periodStatus(r, yearEnd) === 'current');
    const supplement = before.treatmentSupplements.find((s) => periodStatus(s, yearEnd) === 'current')!;
    const after = await as(erik, (session) => applyRateIndex(session, { year, basisPoints: 290 }));
    const raised = after.feeRates.filter((r) => r.validFrom === `${year}-01-01`);
    assert.equal(raised.length, inForce.length);
    for (const old of inForce) {
      const closed = after.feeRates.find((r) => r.id === old.id)!;
      assert.equal(closed.validTo, yearEnd);
      const next = raised.find((r) => r.homeKind === old.homeKind && r.ageFrom === old.ageFrom && r.ageTo === old.ageTo)!;
      assert.equal(next.feePerDay, indexedAmount(old.feePerDay, 290));
      assert.equal(next.expensesPerDay, indexedAmount(old.expensesPerDay, 290));
      assert.equal(next.feePerDay % 100, 0);
      assert.equal(next.validTo, null);
    }
    assert.equal(after.treatmentSupplements.find((s) => s.validFrom === `${year}-01-01`)?.perDay, indexedAmount(supplement.perDay, 290));
    assert.deepEqual(after.indices.at(-1), { ...after.indices.at(-1)!, ownerId: unitId, year, basisPoints: 290 });
    const audit = await db.kysely.selectFrom('audit_log').select('entity_id').where('entity_type', '=', 'RateIndex').execute();
    assert.deepEqual(audit.map((a) => a.entity_id), [`${unitId}:${year}`]);
  });
});
