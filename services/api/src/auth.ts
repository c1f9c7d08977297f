import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Config } from './config.js';

const DEMO_ISSUER = 'samverka-demo';

export interface Authenticator {
  /** The subject of a valid bearer token, or null when the request carries none or an invalid one. */
  subjectOf(authorization: string | null | undefined): Promise<string | null>;
  /** Signs a demo token; only exists when demo sign-in is on. */
  readonly signDemoToken: ((subject: string) => Promise<string>) | null;
}

/**
 * Tokens from the municipality's identity provider are verified against its issuer and keys. Demo
 * tokens are signed with a key made at start-up and never stored, so they are worthless to any
 * other process, and the whole path is absent unless the config allows demo sign-in.
 */
export async function createAuthenticator(config: Config): Promise<Authenticator> {
  const provider = config.identityProvider;
  const verifyOptions = provider ? { issuer: provider.issuer, ...(provider.audience ? { audience: provider.audience } : {}) } : {};
  let verifyProviderToken: ((token: string) => Promise<{ payload: JWTPayload }>) | null = null;
  if (provider?.jwksUrl) {
    const keySet = createRemoteJWKSet(new URL(provider.jwksUrl));
    verifyProviderToken = (token) => jwtVerify(token, keySet, verifyOptions);
  } else if (provider?.publicKey) {
    const key = await importSPKI(provider.publicKey, 'RS256');
    verifyProviderToken = (token) => jwtVerify(token, key, verifyOptions);
  }
  const demoKey = config.demoSignIn ? randomBytes(32) : null;

  return {
    async subjectOf(authorization) {
      const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
      if (!token) return null;
      if (demoKey) {
        try {
          const { payload } = await jwtVerify(token, demoKey, { issuer: DEMO_ISSUER, algorithms: ['HS256'] });
          return payload.sub ?? null;
        } catch {
          // Not a demo token; it may still be the identity provider's.
        }
      }
      if (verifyProviderToken) {
        try {
          return (await verifyProviderToken(token)).payload.sub ?? null;
        } catch {
          return null;
        }
      }
      return null;
    },
    signDemoToken: demoKey
      ? (subject) =>
          new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(subject).setIssuer(DEMO_ISSUER).setIssuedAt().setExpirationTime('8h').sign(demoKey)
      : null,
  };
}
