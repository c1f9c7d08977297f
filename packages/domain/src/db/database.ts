import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql, type ControlledTransaction, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { Tables } from './tables.js';

export type Engine = 'pglite' | 'postgres';
export type Db = Kysely<Tables>;
export type Trx = Transaction<Tables>;

export interface Database {
  readonly kysely: Db;
  readonly engine: Engine;
  /** The embedded instance, when on PGlite (to dump it as a template). */
  readonly pglite: PGlite | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; without it PGlite lives in memory. */
  dataDir?: string | undefined;
  /** A PGlite data directory dump to start from (tests clone a migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number | undefined;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

function toSafeNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`int8 value ${value} is beyond JavaScript's safe integers`);
  return parsed;
}

/** Counts the SQL statements run on behalf of one unit of work (a GraphQL request, say). */
export const queryCounter = new AsyncLocalStorage<{ count: number }>();

const log = () => {
  const store = queryCounter.getStore();
  if (store) store.count += 1;
};

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // JIT compilation cost more than it saved on the report queries (seconds per call, measured
      // by the cost benchmark); the requests are many small queries and a few planned aggregates.
      options: '-c jit=off',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return (value: string) => value;
          if (oid === INT8_OID) return toSafeNumber;
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    const kysely = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log });
    return { kysely, engine: 'postgres', pglite: undefined, close: () => kysely.destroy() };
  }
  // PGlite creates only the last folder of its data directory.
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: {
      [DATE_OID]: (value: string) => value,
      [INT8_OID]: toSafeNumber,
      [NUMERIC_OID]: (value: string) => value,
    },
  });
  await pglite.waitReady;
  const kysely = new Kysely<Tables>({ dialect: new PGliteDialect(pglite), log });
  return {
    kysely,
    engine: 'pglite',
    pglite,
    close: async () => {
      await kysely.destroy();
      await pglite.close();
    },
  };
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const APPLICATION_ROLE = 'samverka_app';

export interface TransactionIdentity {
  readonly userId: string;
  readonly organisationId: string;
  readonly roles: readonly string[];
}

/**
 * Switches an open transaction to the application role and the actor's identity. Everything is
 * local to the transaction, so nothing leaks to the next user of a pooled connection.
 */
export async function assumeIdentity(trx: Trx, identity: TransactionIdentity): Promise<void> {
  await sql`select
      set_config('role', ${APPLICATION_ROLE}, true),
      set_config('app.user_id', ${identity.userId}, true),
      set_config('app.org_id', ${identity.organisationId}, true),
      set_config('app.roles', ${identity.roles.join(',')}, true)`.execute(trx);
}

/** Runs `work` in one transaction as the given identity, under row-level security. */
export async function inIdentityTransaction<T>(
  db: Db,
  identity: TransactionIdentity,
  work: (trx: Trx) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await assumeIdentity(trx, identity);
    return work(trx);
  });
}

/** Starts a transaction as the identity and leaves commit or rollback to the caller. */
export async function beginIdentityTransaction(
  db: Db,
  identity: TransactionIdentity,
): Promise<ControlledTransaction<Tables>> {
  const trx = await db.startTransaction().execute();
  try {
    await assumeIdentity(trx, identity);
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  return trx;
}

/**
 * Runs `work` inside a savepoint of an open transaction: if it fails, everything it wrote is
 * undone while the surrounding transaction (and its audit rows for reads) carries on.
 */
export async function atomically<T>(trx: Trx, work: () => Promise<T>): Promise<T> {
  await sql`savepoint atomic_unit`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint atomic_unit`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint atomic_unit`.execute(trx);
    throw error;
  }
}
