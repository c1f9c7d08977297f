import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Selectable } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import type { Tables } from './tables.js';

type Nullability<Row> = { [Column in keyof Row]-?: null extends Row[Column] ? 'null' : 'not null' };

/**
 * The table types as the compiler sees them: TypeScript forces this literal to list exactly the
 * columns of each interface with their nullability, and the test compares it with the migrated
 * database, so the hand-kept types cannot drift from the migrations.
 */
const declared: { [Table in keyof Tables]: Nullability<Selectable<Tables[Table]>> } = {
  organisations: { id: 'not null', kind: 'not null', name: 'not null', municipality_code: 'null', county: 'null', county_part: 'null', parent_id: 'null', created_at: 'not null' },
  users: { id: 'not null', external_subject: 'not null', email: 'not null', display_name: 'not null', created_at: 'not null' },
  memberships: { id: 'not null', user_id: 'not null', organisation_id: 'not null', role: 'not null', created_at: 'not null' },
  audit_log: { id: 'not null', occurred_at: 'not null', user_id: 'not null', organisation_id: 'not null', action: 'not null', entity_type: 'not null', entity_id: 'not null', person_id: 'null', purpose: 'null', request_id: 'not null', previous_hash: 'not null', hash: 'not null' },
  collaboration_agreements: { id: 'not null', unit_id: 'not null', host_municipality_id: 'not null', name: 'not null', valid_from: 'not null', valid_to: 'null', created_at: 'not null' },
  agreement_members: { agreement_id: 'not null', municipality_id: 'not null', joined_on: 'not null', left_on: 'null' },
  cost_sharing_keys: { id: 'not null', owner_org_id: 'not null', agreement_id: 'not null', year: 'not null', basis: 'not null', created_at: 'not null' },
  cost_shares: { owner_org_id: 'not null', key_id: 'not null', municipality_id: 'not null', basis_points: 'not null', population: 'null' },
  consultancy_agencies: { id: 'not null', owner_org_id: 'not null', name: 'not null', organisation_number: 'null', ivo_permit_number: 'not null', created_at: 'not null' },
  foster_homes: { id: 'not null', owner_org_id: 'not null', kind: 'not null', name: 'not null', street_address: 'null', postal_code: 'null', city: 'null', municipality_id: 'not null', places: 'not null', status: 'not null', approved_by_org_id: 'null', approved_on: 'null', consultancy_agency_id: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  household_members: { id: 'not null', owner_org_id: 'not null', foster_home_id: 'not null', given_name: 'not null', family_name: 'not null', personal_identity_number: 'not null', role: 'not null', created_at: 'not null' },
};

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db.dispose();
});

describe('the table types', () => {
  it('name every table and column of the migrated database with the same nullability', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name, column_name`.execute(db.kysely);
    const actual: Record<string, Record<string, string>> = {};
    for (const row of rows) (actual[row.table_name] ??= {})[row.column_name] = row.is_nullable === 'YES' ? 'null' : 'not null';
    const sortedDeclared = Object.fromEntries(
      Object.entries(declared).map(([table, columns]) => [table, Object.fromEntries(Object.entries(columns).sort(([a], [b]) => a.localeCompare(b)))]),
    );
    assert.deepEqual(actual, sortedDeclared);
  });

  it('keep dates as ISO strings and money-sized integers as numbers on this engine', async () => {
    const row = await db.kysely.selectFrom('collaboration_agreements').select(['valid_from', sql<number>`count(*) over ()`.as('n')]).executeTakeFirstOrThrow();
    assert.equal(typeof row.valid_from, 'string');
    assert.match(row.valid_from, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof row.n, 'number');
  });
});
