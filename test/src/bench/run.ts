import { performance } from 'node:perf_hooks';
import { startTestServer } from '../support/server.js';

/**
 * `npm run bench`: the foster-home register (a page of 50 with owners, agencies and households,
 * one audited read per person) under 10 concurrent clients for 10 s, against the real server on
 * the engine chosen as for tests (DATABASE_URL or PGlite). Prints throughput, latency and memory.
 */
const CONNECTIONS = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const QUERY = `{ fosterHomes(first: 50) { totalCount edges { node { name kind owner { name } approvedBy { name } consultancyAgency { name } householdMembers { givenName } } } } }`;

const server = await startTestServer();
const token = await server.signIn('anna.lind@familjehem-norra.se');
const latencies: number[] = [];
let failures = 0;
const deadline = performance.now() + DURATION_MS;

async function client() {
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await server.graphql(token, QUERY);
    if (response.errors) failures += 1;
    latencies.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: CONNECTIONS }, client));
latencies.sort((a, b) => a - b);
const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(2);
console.log(
  JSON.stringify(
    {
      scenario: 'foster-home register, 50 homes with households (audited), 10 connections',
      engine: server.db.engine,
      requests: latencies.length,
      failures,
      requestsPerSecond: Math.round(latencies.length / (DURATION_MS / 1000)),
      p50Ms: percentile(50),
      p99Ms: percentile(99),
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    },
    null,
    2,
  ),
);
await server.close();
