import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { loadDemoData, migrateToLatest, openDatabase, type Database } from '@samverka/domain';
import { pino, type Logger } from 'pino';
import { createApp } from './app.js';
import { createAuthenticator } from './auth.js';
import type { Config } from './config.js';

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  /** Stops taking requests, lets in-flight ones finish, then closes the database it opened. */
  close(): Promise<void>;
}

export interface StartOptions {
  readonly logger?: Logger;
  /** An already open database (tests pass a private one); otherwise opened from the config. */
  readonly db?: Database;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const db =
    options.db ??
    (await openDatabase({
      url: config.database.url,
      dataDir: config.database.url ? undefined : config.database.pgliteDataDir,
      poolSize: config.database.poolSize,
    }));
  const applied = await migrateToLatest(db.kysely);
  if (applied.length > 0) logger.info({ migrations: applied }, 'migrations applied');
  if (config.loadDemoData) {
    const { count } = await db.kysely.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    if (Number(count) === 0) logger.info({ demo: await loadDemoData(db.kysely) }, 'demo data loaded');
  }

  let shuttingDown = false;
  const auth = await createAuthenticator(config);
  const { app } = createApp({ config, db, auth, logger, isShuttingDown: () => shuttingDown });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url,
    server,
    close: () => {
      closing ??= (async () => {
        shuttingDown = true;
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timeout = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
        await closed;
        clearTimeout(timeout);
        // A database handed in belongs to the caller, who closes it.
        if (!options.db) await db.close();
      })();
      return closing;
    },
  };
}
