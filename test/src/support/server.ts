import { startServer, type RunningServer } from '@samverka/api';
import { loadConfig } from '@samverka/api/config';
import { createTestDatabase, type TestDatabase } from '@samverka/domain/testing';
import { pino } from 'pino';

export interface GraphQLResponse<Data = Record<string, any>> {
  readonly data?: Data;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
  readonly extensions?: { queryCount?: number };
}

export interface TestServer {
  readonly url: string;
  readonly db: TestDatabase;
  readonly httpServer: RunningServer['server'];
  signIn(email: string): Promise<string>;
  graphql<Data = Record<string, any>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

/**
 * The real server on a free port, over a private database with the demo data: PGlite by default,
 * the PostgreSQL server when DATABASE_URL is set. Tests talk to it over HTTP only.
 */
export async function startTestServer(): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', LOAD_DEMO_DATA: 'false', ...(db.url ? { DATABASE_URL: db.url } : {}) });
  let running: RunningServer;
  try {
    running = await startServer(config, { db, logger: pino({ level: 'silent' }) });
  } catch (error) {
    await db.dispose();
    throw error;
  }
  const url = running.url;
  return {
    url,
    db,
    httpServer: running.server,
    async signIn(email) {
      const response = await fetch(`${url}/auth/demo/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
      if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async graphql(token, query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async close() {
      await running.close();
      await db.dispose();
    },
  };
}
