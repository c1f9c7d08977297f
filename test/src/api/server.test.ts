import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

describe('the running server', () => {
  it('answers health and readiness, and echoes a request id', async () => {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${server.url}/readyz`, { headers: { 'x-request-id': 'req-123' } });
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get('x-request-id'), 'req-123');
  });

  it('serves the web app at / and for the app’s own paths', async () => {
    for (const path of ['/', '/familjehem', '/logga-in']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<html lang="sv"/);
    }
  });

  it('concurrent requests from two municipalities never see each other’s rows (one PGlite session, queued transactions)', async () => {
    const [nora, lindesberg] = await Promise.all([server.signIn('johan.ek@nora.se'), server.signIn('sara.nilsson@lindesberg.se')]);
    const query = `{ viewer { organisation { name } } fosterHomes(first: 100) { edges { node { owner { name } } } } }`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => server.graphql(i % 2 === 0 ? nora : lindesberg, query)),
    );
    for (const response of responses) {
      assert.equal(response.errors, undefined);
      const own = response.data!.viewer.organisation.name;
      const other = own === 'Nora kommun' ? 'Lindesbergs kommun' : 'Nora kommun';
      const owners = response.data!.fosterHomes.edges.map((e: any) => e.node.owner.name);
      assert.ok(!owners.includes(other), `${own} saw ${other}'s homes`);
    }
  });

  it('a query deeper than the limit is refused before it runs', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const deep = `{ viewer { organisation { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    const response = await server.graphql(token, deep);
    assert.ok(response.errors?.length);
    assert.equal(response.data, undefined);
  });
});
