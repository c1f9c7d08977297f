import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const environment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DATA_DIR: z.string().default(`${repositoryRoot}.data/pglite`),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LOAD_DEMO_DATA: flag.optional(),
  DEMO_SIGN_IN: flag.optional(),
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_PUBLIC_KEY: z.string().optional(),
  WEB_DIST: z.string().default(`${repositoryRoot}web/dist`),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
});

export interface Config {
  readonly environment: 'development' | 'test' | 'production';
  readonly port: number;
  readonly host: string;
  readonly logLevel: string;
  readonly database: Readonly<{ url: string | undefined; pgliteDataDir: string; poolSize: number }>;
  /** Load the demo data when the database is empty. */
  readonly loadDemoData: boolean;
  /** The demo users' sign-in. Never on in production: the config refuses to load if asked to. */
  readonly demoSignIn: boolean;
  readonly identityProvider: Readonly<{ issuer: string; audience: string | undefined; jwksUrl: string | undefined; publicKey: string | undefined }> | null;
  readonly webDist: string;
  readonly graphiql: boolean;
  /** Adds the SQL statement count to GraphQL responses, for the N+1 tests. Never in production. */
  readonly exposeQueryCount: boolean;
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {}

/** Reads the environment once, at start-up; nothing else reads process.env. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  if (production && env.DEMO_SIGN_IN) {
    throw new ConfigError('DEMO_SIGN_IN cannot be enabled when NODE_ENV=production.');
  }
  if (env.AUTH_ISSUER && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY) {
    throw new ConfigError('AUTH_ISSUER needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify tokens.');
  }
  if (production && !env.AUTH_ISSUER) {
    throw new ConfigError('Production needs an identity provider: set AUTH_ISSUER and AUTH_JWKS_URL (or AUTH_PUBLIC_KEY).');
  }
  return Object.freeze({
    environment: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    database: Object.freeze({ url: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, poolSize: env.DATABASE_POOL_SIZE }),
    loadDemoData: env.LOAD_DEMO_DATA ?? !production,
    demoSignIn: !production && (env.DEMO_SIGN_IN ?? true),
    identityProvider: env.AUTH_ISSUER
      ? Object.freeze({ issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL, publicKey: env.AUTH_PUBLIC_KEY })
      : null,
    webDist: env.WEB_DIST,
    graphiql: env.NODE_ENV === 'development',
    exposeQueryCount: !production,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  });
}
