import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { inIdentityTransaction } from './database.js';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db.dispose();
});

describe('the database walls', () => {
  it('a request transaction runs as an application role that is no superuser, cannot bypass RLS and owns no table', async () => {
    const nora = await demoActor(db, 'johan.ek@nora.se');
    const facts = await inIdentityTransaction(db.kysely, nora, async (trx) => {
      const { rows } = await sql<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owned: number }>`
        select current_user, r.rolsuper, r.rolbypassrls,
          (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
        from pg_roles r where r.rolname = current_user`.execute(trx);
      return rows[0]!;
    });
    assert.deepEqual(facts, { current_user: 'samverka_app', rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('every table that holds an owner’s rows has row-level security enabled, forced and a policy', async () => {
    const { rows } = await sql<{ table_name: string; enabled: boolean; forced: boolean; policies: number }>`
      select c.relname as table_name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'kysely_migration' and c.relname <> 'kysely_migration_lock'
      order by c.relname`.execute(db.kysely);
    assert.ok(rows.length >= 10);
    const unprotected = rows.filter((r) => !r.enabled || !r.forced || r.policies === 0).map((r) => r.table_name);
    assert.deepEqual(unprotected, []);
    const { rows: ownerless } = await sql<{ table_name: string }>`
      select c.table_name from information_schema.tables c
      where c.table_schema = 'public' and c.table_type = 'BASE TABLE'
        and c.table_name in ('foster_homes', 'household_members', 'consultancy_agencies', 'cost_sharing_keys', 'cost_shares')
        and not exists (select 1 from information_schema.columns k where k.table_schema = 'public' and k.table_name = c.table_name and k.column_name = 'owner_org_id')`.execute(db.kysely);
    assert.deepEqual(ownerless, []);
  });

  it('without an identity set, the application role sees no rows at all (policies fail closed)', async () => {
    const count = await db.kysely.transaction().execute(async (trx) => {
      await sql`select set_config('role', 'samverka_app', true)`.execute(trx);
      const { rows } = await sql<{ homes: number; orgs: number }>`select (select count(*)::int from foster_homes) as homes, (select count(*)::int from organisations) as orgs`.execute(trx);
      return rows[0]!;
    });
    assert.deepEqual(count, { homes: 0, orgs: 0 });
  });

  it('identity settings are local to the transaction and do not leak to the next one', async () => {
    const nora = await demoActor(db, 'johan.ek@nora.se');
    await inIdentityTransaction(db.kysely, nora, async () => undefined);
    const { rows } = await sql<{ role: string; org: string | null }>`select current_user as role, nullif(current_setting('app.org_id', true), '') as org`.execute(db.kysely);
    assert.notEqual(rows[0]!.role, 'samverka_app');
    assert.equal(rows[0]!.org, null);
  });
});
