import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, ValidationError, VersionConflictError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { loadBudgets, loadUnitRunningCost, setBudget, setUnitRunningCost, versionConflict } from './budgets.js';
import { BUDGET_CATEGORIES } from './cost-figures.js';

const kr = (amount: number) => amount * 100;
const thisYear = Number(todayInSweden().slice(0, 4));

describe('the version check of a budget figure (pure rule)', () => {
  it('passes when the version read is still the current one, also when nothing was set', () => {
    assert.equal(versionConflict('Budgeten', null, null), null);
    assert.equal(versionConflict('Budgeten', 3, 3), null);
  });

  it('refuses when someone else saved in between', () => {
    assert.equal(versionConflict('Budgeten', 4, 3)?.currentVersion, 4);
    assert.equal(versionConflict('Budgeten', 1, null)?.currentVersion, 1, 'set by someone else since the page was opened');
    assert.equal(versionConflict('Budgeten', null, 2)?.currentVersion, 0);
  });
});

let db: TestDatabase;
let unitId: string;
/** Enhetschef in Lindesberg. */
let maria: Actor;
/** Enhetschef in Nora. */
let lena: Actor;
/** Barnsekreterare in Lindesberg. */
let sara: Actor;
/** Enhetschef of the joint unit. */
let erik: Actor;

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

before(async () => {
  db = await createTestDatabase();
  unitId = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
  lena = await demoActor(db, 'lena.strand@nora.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
});

after(async () => {
  await db.dispose();
});

describe('a municipality’s budget', () => {
  it('has one line per budget category, empty where no budget is set', async () => {
    const set = await as(maria, (session) => loadBudgets(session, 2025));
    assert.deepEqual(set.map((b) => b.category), [...BUDGET_CATEGORIES]);
    assert.ok(set.every((b) => b.amount !== null && b.amount > 0 && b.version === 1));
    assert.equal(set.find((b) => b.category === 'unit_share')?.label, 'Andel av familjehemsenhetens kostnad');
    const empty = await as(maria, (session) => loadBudgets(session, thisYear + 1));
    assert.ok(empty.every((b) => b.amount === null && b.version === null));
  });

  it('the head of unit sets a budget, changes the version she read, and cannot overwrite a change made since', async () => {
    const year = thisYear + 1;
    const first = await as(maria, (session) => setBudget(session, { year, category: 'consultant_supported', amount: kr(4_500_000) }));
    assert.deepEqual([first.amount, first.version], [kr(4_500_000), 1]);
    const changed = await as(maria, (session) => setBudget(session, { year, category: 'consultant_supported', amount: kr(4_000_000), expectedVersion: 1 }));
    assert.deepEqual([changed.amount, changed.version], [kr(4_000_000), 2]);
    await assert.rejects(
      as(maria, (session) => setBudget(session, { year, category: 'consultant_supported', amount: kr(1), expectedVersion: 1 })),
      (e: unknown) => e instanceof VersionConflictError && e.currentVersion === 2 && /Budgeten för konsulentstödda familjehem/.test(e.message),
    );
    await assert.rejects(as(maria, (session) => setBudget(session, { year, category: 'consultant_supported', amount: kr(1) })), VersionConflictError);
    assert.equal((await as(maria, (session) => loadBudgets(session, year))).find((b) => b.category === 'consultant_supported')?.amount, kr(4_000_000));
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('user_id', '=', maria.userId).where('entity_type', '=', 'CostBudget').orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['create', 'update']);
  });

  it('is the municipality’s own: Nora does not see Lindesberg’s budget', async () => {
    const year = thisYear + 1;
    const nora = await as(lena, (session) => loadBudgets(session, year));
    assert.equal(nora.find((b) => b.category === 'consultant_supported')?.amount, null);
  });

  it('amounts are whole öre and not negative', async () => {
    await assert.rejects(as(maria, (session) => setBudget(session, { year: thisYear + 1, category: 'own', amount: -1 })), ValidationError);
    await assert.rejects(as(maria, (session) => setBudget(session, { year: thisYear + 1, category: 'own', amount: 0.5 })), ValidationError);
  });

  it('is set by the municipality’s head of unit or administrator only', async () => {
    await assert.rejects(as(sara, (session) => setBudget(session, { year: thisYear + 1, category: 'own', amount: kr(1) })), ForbiddenError);
    await assert.rejects(as(sara, (session) => loadBudgets(session, thisYear)), ForbiddenError);
    await assert.rejects(as(erik, (session) => setBudget(session, { year: thisYear + 1, category: 'own', amount: kr(1) })), ForbiddenError);
  });
});

describe('the joint unit’s running cost', () => {
  it('the unit’s head of unit sets next year’s running cost, and a member municipality reads it', async () => {
    const year = thisYear + 2;
    assert.equal(await as(maria, (session) => loadUnitRunningCost(session, { unitId, year })), null);
    const set = await as(erik, (session) => setUnitRunningCost(session, { year, amount: kr(8_100_000) }));
    assert.deepEqual(set, { unitId, year, amount: kr(8_100_000), version: 1 });
    const changed = await as(erik, (session) => setUnitRunningCost(session, { year, amount: kr(8_200_000), expectedVersion: 1 }));
    assert.equal(changed.version, 2);
    assert.deepEqual(await as(maria, (session) => loadUnitRunningCost(session, { unitId, year })), changed);
    await assert.rejects(as(erik, (session) => setUnitRunningCost(session, { year, amount: kr(1), expectedVersion: 1 })), VersionConflictError);
  });

  it('is set by the unit only', async () => {
    await assert.rejects(as(maria, (session) => setUnitRunningCost(session, { year: thisYear + 2, amount: kr(1) })), ForbiddenError);
  });
});
