import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { HttpBindings } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { DEMO_SUBJECT_PREFIX, listDemoUsers, type Database } from '@samverka/domain';
import { sql } from 'kysely';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Authenticator } from './auth.js';
import type { Config } from './config.js';
import { createGraphQL } from './graphql.js';

export interface AppOptions {
  readonly config: Config;
  readonly db: Database;
  readonly auth: Authenticator;
  readonly logger: Logger;
  /** Flips /readyz to 503 once shutdown has begun. */
  readonly isShuttingDown: () => boolean;
}

const demoSignIn = z.object({ email: z.string().email() });

/** The whole HTTP surface: health, demo sign-in, GraphQL, and the built web app. */
export function createApp(options: AppOptions) {
  const { config, db, auth, logger } = options;
  const yoga = createGraphQL({ config, db, auth, logger });
  const app = new Hono<{ Bindings: HttpBindings }>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id') ?? randomUUID();
    c.env.incoming.headers['x-request-id'] = requestId;
    c.env.outgoing.setHeader('x-request-id', requestId);
    c.env.outgoing.once('finish', () => {
      logger.info({ requestId, method: c.req.method, path: c.req.path, status: c.env.outgoing.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    await next();
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (options.isShuttingDown()) return c.json({ status: 'shutting down' }, 503);
    try {
      await sql`select 1`.execute(db.kysely);
      return c.json({ status: 'ready', database: db.engine });
    } catch (error) {
      logger.error({ err: error }, 'readiness check failed');
      return c.json({ status: 'database unavailable' }, 503);
    }
  });

  const signDemoToken = auth.signDemoToken;
  if (signDemoToken) {
    app.get('/auth/demo/users', async (c) => c.json({ users: await listDemoUsers(db.kysely) }));
    app.post('/auth/demo/sign-in', async (c) => {
      const parsed = demoSignIn.safeParse(await c.req.json().catch(() => null));
      if (!parsed.success) return c.json({ code: 'VALIDATION_FAILED', message: 'Ange en e-postadress.' }, 400);
      const users = await listDemoUsers(db.kysely);
      if (!users.some((user) => user.email === parsed.data.email)) {
        return c.json({ code: 'UNAUTHENTICATED', message: 'Det finns ingen demoanvändare med den e-postadressen.' }, 401);
      }
      return c.json({ token: await signDemoToken(`${DEMO_SUBJECT_PREFIX}${parsed.data.email}`) });
    });
  }

  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', async (c) => {
    await yoga.requestListener(c.env.incoming, c.env.outgoing);
    return RESPONSE_ALREADY_SENT;
  });

  if (existsSync(config.webDist)) {
    const indexHtml = join(config.webDist, 'index.html');
    app.use('/*', serveStatic({ root: relative(process.cwd(), config.webDist) }));
    // The web app routes in the browser: any other GET gets its shell.
    app.get('*', async (c) => c.html(await readFile(indexHtml, 'utf8')));
  }

  return { app, yoga };
}
