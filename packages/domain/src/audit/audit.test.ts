import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { beginIdentityTransaction, inIdentityTransaction } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import { loadHouseholdMembersByHome, type HouseholdMember } from '../homes/foster-homes.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { findBrokenAuditLinks, listAuditEntriesForPerson, recordAudit } from './audit.js';

/**
 * DOMAIN.md §4: "Every read and change of a person's data is logged (who, when, which person,
 * why), and the log cannot be altered."
 */

const onPglite = !process.env.DATABASE_URL;

let db: TestDatabase;
let unitId: string;
let lindesbergId: string;
/** Anna Lind, familjehemssekreterare at the joint unit. */
let anna: Actor;
/** Eva Ahlin, administratör, acting for the joint unit. */
let evaForUnit: Actor;
/** Eva Ahlin, administratör, acting for Lindesberg. */
let evaForLindesberg: Actor;
/** Two of the unit's own homes, whose households hold three or more people together. */
let unitHomeIds: string[];
/** What Anna read in the first test, and in which request. */
let annasRead: { requestId: string; members: HouseholdMember[] } | undefined;

before(async () => {
  db = await createTestDatabase();
  const organisation = (name: string) =>
    db.kysely.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  unitId = (await organisation('Familjehemsenheten Norra länsdelen')).id;
  lindesbergId = (await organisation('Lindesbergs kommun')).id;
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  evaForUnit = await demoActor(db, 'eva.ahlin@lindesberg.se', unitId);
  evaForLindesberg = await demoActor(db, 'eva.ahlin@lindesberg.se', lindesbergId);
  const homes = await db.kysely
    .selectFrom('foster_homes as h')
    .innerJoin('household_members as m', 'm.foster_home_id', 'h.id')
    .select(['h.id', (eb) => eb.fn.countAll<number>().as('members')])
    .where('h.owner_org_id', '=', unitId)
    .groupBy('h.id')
    .having((eb) => eb.fn.countAll(), '>=', 2)
    .orderBy('h.id')
    .limit(2)
    .execute();
  unitHomeIds = homes.map((h) => h.id);
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));
}

/** The audit rows of one request, read as the database owner. */
function auditRowsOfRequest(requestId: string) {
  return db.kysely.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}

async function auditSnapshot() {
  return db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

class Rollback extends Error {}

describe('reading household members is audited, one row per person', () => {
  it('reading two homes’ households leaves one audit row per person: who, for which organisation, read, which person, in which request', async () => {
    const requestId = randomUUID();
    const members = await as(anna, (session) => loadHouseholdMembersByHome(session, unitHomeIds), requestId);
    assert.ok(members.length >= 4, 'both homes have at least two members');
    annasRead = { requestId, members };

    const rows = await auditRowsOfRequest(requestId);
    assert.equal(rows.length, members.length);
    assert.deepEqual(
      rows.map((r) => r.person_id).sort(),
      members.map((m) => m.id).sort(),
    );
    for (const row of rows) {
      assert.equal(row.user_id, anna.userId);
      assert.equal(row.organisation_id, unitId);
      assert.equal(row.action, 'read');
      assert.equal(row.entity_type, 'HouseholdMember');
      assert.equal(row.entity_id, row.person_id);
      assert.equal(row.request_id, requestId);
      assert.equal(row.purpose, 'familjehemsregistret');
      assert.ok(row.occurred_at instanceof Date);
    }
  });

  it('the audit rows are written in the reading transaction: when it rolls back, no audit row remains', async () => {
    const requestId = randomUUID();
    let seenInside = -1;
    await assert.rejects(
      as(
        evaForUnit,
        async (session) => {
          const members = await loadHouseholdMembersByHome(session, unitHomeIds);
          assert.ok(members.length > 0);
          // The administrator can see her own organisation's log, so the rows are there before the rollback.
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where request_id = ${requestId}`.execute(session.db);
          seenInside = rows[0]!.n;
          throw new Rollback();
        },
        requestId,
      ),
      Rollback,
    );
    assert.ok(seenInside > 0);
    assert.deepEqual(await auditRowsOfRequest(requestId), []);
  });

  it('reading a household the actor may not see returns nobody and audits nothing', async () => {
    const maria = await demoActor(db, 'maria.holm@lindesberg.se');
    const requestId = randomUUID();
    const members = await as(maria, (session) => loadHouseholdMembersByHome(session, unitHomeIds), requestId);
    assert.deepEqual(members, []);
    assert.deepEqual(await auditRowsOfRequest(requestId), []);
  });

  it('the rows of one statement are linked into their organisation’s hash chain, and the whole log verifies', async () => {
    assert.ok(annasRead);
    const rows = await auditRowsOfRequest(annasRead.requestId);
    for (let i = 1; i < rows.length; i += 1) {
      assert.equal(rows[i]!.previous_hash, rows[i - 1]!.hash);
    }
    assert.match(rows[0]!.hash, /^[0-9a-f]{64}$/);
    assert.deepEqual(await findBrokenAuditLinks(db.kysely), []);
  });

  it('an actor cannot write audit rows in another user’s or organisation’s name', async () => {
    const erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
    const forged = [
      { user_id: erik.userId, organisation_id: unitId },
      { user_id: anna.userId, organisation_id: lindesbergId },
    ];
    for (const values of forged) {
      await assert.rejects(
        as(anna, ({ db: trx }) =>
          trx
            .insertInto('audit_log')
            .values({ ...values, action: 'read', entity_type: 'HouseholdMember', entity_id: 'x', request_id: 'forged' })
            .execute(),
        ),
        /row-level security/,
      );
    }
    assert.deepEqual(await auditRowsOfRequest('forged'), []);
  });
});

describe('the audit log cannot be altered', () => {
  const statements = [
    ['UPDATE', sql`update audit_log set action = 'tampered'`],
    ['DELETE', sql`delete from audit_log`],
    ['TRUNCATE', sql`truncate audit_log`],
  ] as const;

  for (const [name, statement] of statements) {
    it(`${name} on audit_log fails for the application role, even for an administrator of the organisation`, async () => {
      const before = await auditSnapshot();
      assert.ok(before.length > 0);
      for (const actor of [anna, evaForUnit]) {
        await assert.rejects(
          as(actor, ({ db: trx }) => statement.execute(trx)),
          /permission denied|append-only/,
        );
      }
      assert.deepEqual(await auditSnapshot(), before);
    });

    it(`${name} on audit_log fails for the table owner too`, async () => {
      const before = await auditSnapshot();
      assert.ok(before.length > 0);
      await assert.rejects(statement.execute(db.kysely), /append-only/);
      assert.deepEqual(await auditSnapshot(), before);
    });
  }
});

describe('administrators read the log: "who has looked at this person?"', () => {
  it('an administrator of the joint unit lists who read a household member, with name, action and request', async () => {
    assert.ok(annasRead);
    const person = annasRead.members[0]!;
    const entries = await as(evaForUnit, (session) => listAuditEntriesForPerson(session, person.id));
    const annas = entries.filter((e) => e.requestId === annasRead!.requestId);
    assert.equal(annas.length, 1);
    assert.deepEqual(
      { ...annas[0]!, id: 0, occurredAt: null },
      {
        id: 0,
        occurredAt: null,
        userId: anna.userId,
        userDisplayName: 'Anna Lind',
        organisationId: unitId,
        action: 'read',
        entityType: 'HouseholdMember',
        entityId: person.id,
        personId: person.id,
        purpose: 'familjehemsregistret',
        requestId: annasRead.requestId,
      },
    );
    assert.ok(entries.every((e) => e.personId === person.id && e.organisationId === unitId));
    // Newest first.
    assert.deepEqual(entries.map((e) => e.id), [...entries.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('someone who is not an administrator gets ForbiddenError', async () => {
    assert.ok(annasRead);
    const personId = annasRead.members[0]!.id;
    for (const email of ['anna.lind@familjehem-norra.se', 'erik.berg@familjehem-norra.se', 'sara.nilsson@lindesberg.se']) {
      const actor = await demoActor(db, email);
      await assert.rejects(as(actor, (session) => listAuditEntriesForPerson(session, personId)), ForbiddenError);
    }
  });

  it('an administrator of another organisation (Lindesberg) sees none of the joint unit’s entries, also not in SQL', async () => {
    assert.ok(annasRead);
    const personId = annasRead.members[0]!.id;
    const seen = await as(evaForLindesberg, async (session) => {
      const entries = await listAuditEntriesForPerson(session, personId);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where organisation_id = ${unitId}`.execute(session.db);
      return { entries, unitRows: rows[0]!.n };
    });
    assert.deepEqual(seen, { entries: [], unitRows: 0 });
  });

  it('Lindesberg’s administrator sees who in Lindesberg read a Lindesberg household, and the unit’s administrator does not', async () => {
    const maria = await demoActor(db, 'maria.holm@lindesberg.se');
    const lindesbergHome = await db.kysely
      .selectFrom('foster_homes as h')
      .innerJoin('household_members as m', 'm.foster_home_id', 'h.id')
      .select(['h.id', 'm.id as memberId'])
      .where('h.owner_org_id', '=', lindesbergId)
      .orderBy('h.id')
      .executeTakeFirstOrThrow();
    const requestId = randomUUID();
    const members = await as(maria, (session) => loadHouseholdMembersByHome(session, [lindesbergHome.id]), requestId);
    assert.ok(members.some((m) => m.id === lindesbergHome.memberId));

    const forLindesberg = await as(evaForLindesberg, (session) => listAuditEntriesForPerson(session, lindesbergHome.memberId));
    assert.deepEqual(
      forLindesberg.map((e) => [e.userDisplayName, e.organisationId, e.action, e.requestId]),
      [['Maria Holm', lindesbergId, 'read', requestId]],
    );
    const forUnit = await as(evaForUnit, (session) => listAuditEntriesForPerson(session, lindesbergHome.memberId));
    assert.deepEqual(forUnit, []);
  });
});

describe('concurrent requests', () => {
  it(
    'two requests of the same organisation auditing at the same time leave an intact hash chain',
    onPglite
      ? { skip: 'PGlite is one session: transactions cannot interleave there' }
      : {},
    async () => {
      const entry = { action: 'read' as const, entityType: 'HouseholdMember', entityId: 'concurrency', personId: 'concurrency' };
      const first = await beginIdentityTransaction(db.kysely, anna);
      const second = await beginIdentityTransaction(db.kysely, anna);
      try {
        await recordAudit({ db: first, actor: anna, requestId: 'concurrent-1' }, [entry]);
        // The second request draws its id and then waits for the first one's chain lock.
        const waiting = recordAudit({ db: second, actor: anna, requestId: 'concurrent-2' }, [entry]);
        for (let attempt = 0; attempt < 100; attempt += 1) {
          const { rows } = await sql<{ n: number }>`
            select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(db.kysely);
          if (rows[0]!.n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        // The first request audits once more (say, it reads and then updates) and commits.
        await recordAudit({ db: first, actor: anna, requestId: 'concurrent-1' }, [entry]);
        await first.commit().execute();
        await waiting;
        await second.commit().execute();
      } finally {
        if (!first.isCommitted && !first.isRolledBack) await first.rollback().execute();
        if (!second.isCommitted && !second.isRolledBack) await second.rollback().execute();
      }
      assert.equal((await auditRowsOfRequest('concurrent-1')).length + (await auditRowsOfRequest('concurrent-2')).length, 3);
      assert.deepEqual(await findBrokenAuditLinks(db.kysely), []);
    },
  );
});

// Last: this breaks the chain on purpose.
describe('tampering is detected', () => {
  it('a row changed behind the triggers’ back (session_replication_role = replica) is reported by findBrokenAuditLinks', async () => {
    assert.ok(annasRead);
    const rows = await auditRowsOfRequest(annasRead.requestId);
    const target = rows[1]!;
    // The concurrency test above may have broken the chain through the known bug; only judge the other rows.
    const concurrencyRows = new Set(
      (await db.kysely.selectFrom('audit_log').select('id').where('request_id', 'in', ['concurrent-1', 'concurrent-2']).execute()).map((r) => r.id),
    );
    const brokenBefore = (await findBrokenAuditLinks(db.kysely)).filter((b) => !concurrencyRows.has(b.id));
    assert.deepEqual(brokenBefore, []);

    await db.kysely.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      const result = await sql`update audit_log set action = 'update' where id = ${target.id}`.execute(trx);
      assert.equal(result.numAffectedRows, 1n);
    });

    const after = await db.kysely.selectFrom('audit_log').select('action').where('id', '=', target.id).executeTakeFirstOrThrow();
    assert.equal(after.action, 'update');
    const broken = (await findBrokenAuditLinks(db.kysely)).filter((b) => !concurrencyRows.has(b.id));
    assert.deepEqual(broken, [{ id: target.id, organisationId: unitId }]);
  });
});
