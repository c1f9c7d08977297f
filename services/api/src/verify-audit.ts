import { findBrokenAuditLinks, openDatabase } from '@samverka/domain';
import { loadConfig } from './config.js';

/** `npm run audit:verify`: recomputes the audit log's hash chains; exits 1 if any link is broken. */
const config = loadConfig();
const db = await openDatabase({ url: config.database.url, dataDir: config.database.url ? undefined : config.database.pgliteDataDir });
const broken = await findBrokenAuditLinks(db.kysely);
await db.close();
if (broken.length > 0) {
  console.error(`The audit log has been altered: ${broken.length} broken link(s), first at id ${broken[0]!.id}.`);
  process.exit(1);
}
console.log('The audit log is intact.');
