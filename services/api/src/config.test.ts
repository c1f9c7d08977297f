import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

const identityProvider = { AUTH_ISSUER: 'https://idp.lindesberg.se', AUTH_JWKS_URL: 'https://idp.lindesberg.se/jwks' };

describe('configuration', () => {
  it('defaults to port 3000, the embedded database, demo data and demo sign-in for a new user', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.database.url, undefined);
    assert.equal(config.loadDemoData, true);
    assert.equal(config.demoSignIn, true);
    assert.equal(config.graphiql, true);
  });

  it('demo sign-in cannot be enabled in production, not even on purpose', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DEMO_SIGN_IN: 'true', ...identityProvider }), ConfigError);
  });

  it('production without an explicit setting has no demo sign-in, no demo data, no GraphiQL and no query counts', () => {
    const config = loadConfig({ NODE_ENV: 'production', ...identityProvider });
    assert.equal(config.demoSignIn, false);
    assert.equal(config.loadDemoData, false);
    assert.equal(config.graphiql, false);
    assert.equal(config.exposeQueryCount, false);
  });

  it('production refuses to start without an identity provider', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /AUTH_ISSUER/);
  });

  it('an issuer without keys to verify its tokens is refused', () => {
    assert.throws(() => loadConfig({ AUTH_ISSUER: 'https://idp.nora.se' }), /AUTH_JWKS_URL/);
  });

  it('a malformed port is refused with the variable named', () => {
    assert.throws(() => loadConfig({ PORT: 'tre tusen' }), /PORT/);
  });
});
