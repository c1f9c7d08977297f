import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startTestServer } from '../support/server.js';

describe('graceful shutdown', () => {
  it('requests in flight when shutdown begins still get their answer; new ones are refused', async () => {
    const server = await startTestServer();
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const { totalCount } = (await server.graphql(token, `{ fosterHomes { totalCount } }`)).data!.fosterHomes;
    let received = 0;
    const allReceived = new Promise<void>((resolve) => server.httpServer.on('request', () => ++received === 5 && resolve()));
    const inFlight = Promise.all(
      Array.from({ length: 5 }, () => server.graphql(token, `{ fosterHomes(first: 50) { totalCount edges { node { name householdMembers { givenName } } } } }`)),
    );
    await allReceived;
    const closing = server.close();
    const answers = await inFlight;
    for (const answer of answers) assert.equal(answer.data!.fosterHomes.totalCount, totalCount);
    await closing;
    await assert.rejects(fetch(`${server.url}/healthz`));
  });
});
