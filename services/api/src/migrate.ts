import { migrateToLatest, openDatabase } from '@samverka/domain';
import { loadConfig } from './config.js';

/** `npm run migrate`: applies pending migrations to the configured database and exits. */
const config = loadConfig();
const db = await openDatabase({ url: config.database.url, dataDir: config.database.url ? undefined : config.database.pgliteDataDir });
const applied = await migrateToLatest(db.kysely);
console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await db.close();
