import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createAuthenticator } from './auth.js';
import { loadConfig } from './config.js';

describe('authentication', () => {
  it('accepts a token from the configured identity provider and refuses one from another issuer', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = loadConfig({ NODE_ENV: 'production', AUTH_ISSUER: 'https://idp.nora.se', AUTH_PUBLIC_KEY: await exportSPKI(publicKey), AUTH_AUDIENCE: 'samverka' });
    const auth = await createAuthenticator(config);
    const sign = (issuer: string) =>
      new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).setSubject('nora|johan.ek').setIssuer(issuer).setAudience('samverka').setExpirationTime('5m').sign(privateKey);
    assert.equal(await auth.subjectOf(`Bearer ${await sign('https://idp.nora.se')}`), 'nora|johan.ek');
    assert.equal(await auth.subjectOf(`Bearer ${await sign('https://evil.example')}`), null);
    assert.equal(auth.signDemoToken, null);
  });

  it('a demo token from one server process is worthless to another', async () => {
    const first = await createAuthenticator(loadConfig({}));
    const second = await createAuthenticator(loadConfig({}));
    const token = await first.signDemoToken!('demo|anna.lind@familjehem-norra.se');
    assert.equal(await first.subjectOf(`Bearer ${token}`), 'demo|anna.lind@familjehem-norra.se');
    assert.equal(await second.subjectOf(`Bearer ${token}`), null);
  });

  it('no header, or a header without a bearer token, is nobody', async () => {
    const auth = await createAuthenticator(loadConfig({}));
    assert.equal(await auth.subjectOf(null), null);
    assert.equal(await auth.subjectOf('Basic YWRtaW46YWRtaW4='), null);
  });
});
