import { performance } from 'node:perf_hooks';
import { startTestServer } from '../support/server.js';
import { costReportBench } from './costs.js';
import { percentile, rssMb } from './stats.js';

/**
 * `npm run bench`: two scenarios, on the engine chosen as for tests (DATABASE_URL or PGlite).
 * 1. The foster-home register (a page of 50 with owners, agencies and households, one audited
 *    read per person) under 10 concurrent clients for 10 s, against the real server. Prints
 *    throughput, latency and memory.
 * 2. The yearly cost report at national scale (costs.ts).
 * BENCH_SCENARIO=register or BENCH_SCENARIO=costs runs one of them.
 */
const SCENARIO = process.env.BENCH_SCENARIO;
const CONNECTIONS = 10;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const QUERY = `{ fosterHomes(first: 50) { totalCount edges { node { name kind owner { name } approvedBy { name } consultancyAgency { name } householdMembers { givenName } } } } }`;

async function registerBench(): Promise<void> {
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
  console.log(
    JSON.stringify(
      {
        scenario: 'foster-home register, 50 homes with households (audited), 10 connections',
        engine: server.db.engine,
        requests: latencies.length,
        failures,
        requestsPerSecond: Math.round(latencies.length / (DURATION_MS / 1000)),
        p50Ms: percentile(latencies, 50).toFixed(2),
        p99Ms: percentile(latencies, 99).toFixed(2),
        rssMb: rssMb(),
      },
      null,
      2,
    ),
  );
  await server.close();
}

if (SCENARIO !== 'costs') await registerBench();
if (SCENARIO !== 'register') await costReportBench();
