import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { JOINT_UNIT_MUNICIPALITIES } from '../demo/demo-data.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { sharesFromPopulation } from './cost-sharing.js';
import { loadAgreementsByUnit, loadCostSharingKeysByAgreement, loadMembersByAgreement, setCostSharingKey, type CollaborationAgreement } from './units.js';

let db: TestDatabase;
let unitId: string;
let agreement: CollaborationAgreement;
/** The four member municipalities with the demo's folkmängd, by organisation id. */
let populations: Array<{ municipalityId: string; population: number }>;
/** Erik Berg, enhetschef at the joint unit. */
let erik: Actor;

before(async () => {
  db = await createTestDatabase();
  unitId = (
    await db.kysely.selectFrom('organisations').select('id').where('name', '=', 'Familjehemsenheten Norra länsdelen').executeTakeFirstOrThrow()
  ).id;
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  const [current] = await as(erik, (session) => loadAgreementsByUnit(session, [unitId]));
  agreement = current!;
  const members = await as(erik, (session) => loadMembersByAgreement(session, [agreement.id]));
  populations = members.map(({ municipality }) => ({
    municipalityId: municipality.id,
    population: JOINT_UNIT_MUNICIPALITIES.find((m) => m.code === municipality.municipalityCode)!.population,
  }));
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));
}

/** Every key and share, as the database owner sees them. */
async function allKeys() {
  return db.kysely
    .selectFrom('cost_sharing_keys as k')
    .innerJoin('cost_shares as s', 's.key_id', 'k.id')
    .select(['k.id', 'k.year', 'k.basis', 'k.owner_org_id', 's.municipality_id', 's.basis_points', 's.population'])
    .orderBy('k.year')
    .orderBy('s.municipality_id')
    .execute();
}

describe('the cost-sharing key (fördelningsnyckel) of the joint unit', () => {
  it('the demo agreement has four member municipalities and keys for every year from its start in 2023 to 2026', async () => {
    assert.equal(populations.length, 4);
    const keys = await as(erik, (session) => loadCostSharingKeysByAgreement(session, [agreement.id]));
    assert.deepEqual(keys.map((k) => k.year), [2026, 2025, 2024, 2023]);
  });

  it('the unit’s enhetschef sets the 2027 key by population, and the shares add up to 10 000 basis points', async () => {
    const requestId = randomUUID();
    const key = await as(erik, (session) => setCostSharingKey(session, { agreementId: agreement.id, year: 2027, basis: 'population', populations }), requestId);
    assert.equal(key.year, 2027);
    assert.equal(key.basis, 'population');
    assert.equal(key.agreementId, agreement.id);
    assert.equal(key.shares.reduce((sum, s) => sum + s.basisPoints, 0), 10_000);
    const expected = new Map(sharesFromPopulation(populations).map((s) => [s.municipalityId, s.basisPoints]));
    assert.equal(key.shares.length, 4);
    for (const share of key.shares) {
      assert.equal(share.basisPoints, expected.get(share.municipalityId));
      assert.equal(share.population, populations.find((p) => p.municipalityId === share.municipalityId)!.population);
    }
    // Lindesberg, the largest, carries the largest share.
    const lindesberg = populations.reduce((a, b) => (a.population >= b.population ? a : b));
    assert.equal(Math.max(...key.shares.map((s) => s.basisPoints)), expected.get(lindesberg.municipalityId));

    const stored = (await allKeys()).filter((row) => row.year === 2027);
    assert.equal(stored.length, 4);
    assert.ok(stored.every((row) => row.owner_org_id === unitId && row.id === key.id));
    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.entity_type, a.entity_id, a.user_id, a.organisation_id, a.purpose]),
      [['create', 'CostSharingKey', key.id, erik.userId, unitId, 'fördelningsnyckel 2027']],
    );
    const keys = await as(erik, (session) => loadCostSharingKeysByAgreement(session, [agreement.id]));
    assert.deepEqual(keys.map((k) => k.year), [2027, 2026, 2025, 2024, 2023]);
  });

  it('setting 2026 again is refused with a Swedish message, and the agreed 2026 key stays as it was', async () => {
    const before = await allKeys();
    const shares = populations.map((p, index) => ({ municipalityId: p.municipalityId, basisPoints: index === 0 ? 10_000 : 0 }));
    for (const input of [
      { agreementId: agreement.id, year: 2026, basis: 'population' as const, populations },
      { agreementId: agreement.id, year: 2026, basis: 'fixed' as const, shares },
    ]) {
      await assert.rejects(
        as(erik, (session) => setCostSharingKey(session, input)),
        (error: unknown) =>
          error instanceof ValidationError &&
          error.issues.some((i) => i.path === 'year' && i.message === 'Fördelningsnyckeln för 2026 är redan fastställd och kan inte skrivas över.'),
      );
    }
    assert.deepEqual(await allKeys(), before);
  });

  it('a key that leaves out a member municipality is refused and nothing is written', async () => {
    const before = await allKeys();
    await assert.rejects(
      as(erik, (session) => setCostSharingKey(session, { agreementId: agreement.id, year: 2028, basis: 'population', populations: populations.slice(1) })),
      (error: unknown) => error instanceof ValidationError && /Varje medlemskommun måste ha en andel/.test(error.message),
    );
    await assert.rejects(
      as(erik, (session) =>
        setCostSharingKey(session, {
          agreementId: agreement.id,
          year: 2028,
          basis: 'fixed',
          shares: populations.map((p) => ({ municipalityId: p.municipalityId, basisPoints: 2000 })),
        }),
      ),
      (error: unknown) => error instanceof ValidationError && /100 %/.test(error.message),
    );
    assert.deepEqual(await allKeys(), before);
  });

  it('a municipality user cannot set the unit’s key: ForbiddenError or NotFoundError, and nothing changes', async () => {
    const before = await allKeys();
    for (const email of ['maria.holm@lindesberg.se', 'lena.strand@nora.se', 'sara.nilsson@lindesberg.se', 'karin.sjoberg@hallefors.se']) {
      const actor = await demoActor(db, email);
      await assert.rejects(
        as(actor, (session) => setCostSharingKey(session, { agreementId: agreement.id, year: 2029, basis: 'population', populations })),
        (error: unknown) => error instanceof ForbiddenError || error instanceof NotFoundError,
        `${email} set the key`,
      );
    }
    assert.deepEqual(await allKeys(), before);
  });

  it('the unit’s familjehemssekreterare (not a head of unit) cannot set the key', async () => {
    const anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
    await assert.rejects(
      as(anna, (session) => setCostSharingKey(session, { agreementId: agreement.id, year: 2029, basis: 'population', populations })),
      ForbiddenError,
    );
  });

  it('a municipality cannot write a key for the unit in SQL either: the policy refuses the insert', async () => {
    const maria = await demoActor(db, 'maria.holm@lindesberg.se');
    const before = await allKeys();
    await assert.rejects(
      as(maria, ({ db: trx }) =>
        sql`insert into cost_sharing_keys (owner_org_id, agreement_id, year, basis) values (${unitId}, ${agreement.id}, 2030, 'fixed')`.execute(trx),
      ),
      /row-level security/,
    );
    await assert.rejects(
      as(maria, ({ db: trx }) => sql`update cost_shares set basis_points = 10000 where municipality_id = ${maria.organisationId}`.execute(trx)),
      /permission denied/,
    );
    assert.deepEqual(await allKeys(), before);
  });
});
