import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  inIdentityTransaction,
  migrateToLatest,
  municipalityCostReport,
  openDatabase,
  resolveActor,
  unitCostReport,
  type Actor,
  type Database,
  type Session,
} from '@samverka/domain';
import { sql } from 'kysely';
import pg from 'pg';
import {
  benchId,
  createHeadOfUnit,
  ENDED_PLACEMENTS,
  generateNationalCostsData,
  MID_SIZED_MUNICIPALITY,
  MUNICIPALITIES,
  ONGOING_PLACEMENTS,
  unitOfMunicipality,
  type BenchUser,
} from './national-costs-data.js';
import { percentile, rssMb } from './stats.js';

/**
 * `npm run bench`, second scenario: the yearly cost report at national scale (290 municipalities,
 * 30 000 ongoing and 300 000 ended placements, rates changing every year), for a head of unit of a
 * mid-sized municipality and of a joint unit, called through the domain as a request does (one
 * identity transaction, row-level security on). Target: p50 under 300 ms on the CI machine.
 * Engine as for tests: a throwaway database on DATABASE_URL's server, else in-memory PGlite.
 */
const TARGET_MS = 300;
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Timed runs stop early (after at least 5) once a report has used this much, so slow code cannot stall the bench. */
const BUDGET_MS = Number(process.env.BENCH_REPORT_BUDGET_MS ?? 60_000);
const REPORT = { year: 2026, asOf: '2026-11-23' } as const;
/** Which municipality by size rank (1 = largest) the head of unit works for; default the median. */
const MUNICIPALITY_RANK = Number(process.env.BENCH_MUNICIPALITY_RANK ?? MID_SIZED_MUNICIPALITY);
/** SQL to apply after a first measurement and measure again (a candidate migration), if any. */
const CANDIDATE_SQL = process.env.BENCH_CANDIDATE_SQL;

interface FreshDatabase extends Database {
  dispose(): Promise<void>;
}

/** A migrated, empty database (no demo data), opened the way the app opens one. */
async function freshDatabase(serverUrl: string | undefined): Promise<FreshDatabase> {
  if (!serverUrl) {
    const db = await openDatabase();
    await migrateToLatest(db.kysely);
    return { ...db, dispose: db.close };
  }
  const name = `samverka_bench_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 5 });
  try {
    await migrateToLatest(db.kysely);
  } catch (error) {
    await db.close();
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
  return {
    ...db,
    dispose: async () => {
      await db.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

async function actorOf(db: Database, user: BenchUser): Promise<Actor> {
  const actor = await resolveActor(db.kysely, user.subject);
  if (!actor) throw new Error(`No bench user ${user.subject}`);
  return actor;
}

/** Warm-up runs, then timed runs of one report, each in its own identity transaction. */
async function timeReport<T>(db: Database, actor: Actor, report: (session: Session) => Promise<T>) {
  const run = () => inIdentityTransaction(db.kysely, actor, (trx) => report({ db: trx, actor, requestId: randomUUID() }));
  for (let i = 0; i < WARM_UP; i++) await run();
  const latencies: number[] = [];
  let spent = 0;
  let result!: T;
  while (latencies.length < RUNS && (latencies.length < 5 || spent < BUDGET_MS)) {
    const started = performance.now();
    result = await run();
    latencies.push(performance.now() - started);
    spent += latencies.at(-1)!;
  }
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  return {
    result,
    figures: {
      runs: latencies.length,
      p50Ms: Number(p50.toFixed(1)),
      p95Ms: Number(percentile(latencies, 95).toFixed(1)),
      maxMs: Number(latencies.at(-1)!.toFixed(1)),
      meetsTarget: p50 < TARGET_MS,
    },
  };
}

/** Both reports timed for the bench users: the municipality's head of unit and the unit's. */
async function timeReports(db: Database, municipalityActor: Actor, unitActor: Actor) {
  const municipality = await timeReport(db, municipalityActor, (session) => municipalityCostReport(session, REPORT));
  const unit = await timeReport(db, unitActor, (session) => unitCostReport(session, REPORT));
  return {
    municipalityReport: { placementDaysToDate: municipality.result.own.days + municipality.result.consultant.days, ...municipality.figures },
    unitReport: { memberMunicipalities: unit.result.municipalities.length, placementDaysToDate: unit.result.own.days + unit.result.consultant.days, ...unit.figures },
  };
}

/** Applies several statements: PGlite's extended protocol takes one statement per query. */
async function applySql(db: Database, text: string): Promise<void> {
  if (db.pglite) await db.pglite.exec(text);
  else await sql.raw(text).execute(db.kysely);
}

export async function costReportBench(): Promise<void> {
  const db = await freshDatabase(process.env.DATABASE_URL);
  try {
    const generated = await generateNationalCostsData(db.kysely);
    console.error(`cost bench: national data generated on ${db.engine} in ${generated.seconds} s; timing the reports`);
    if (ONGOING_PLACEMENTS + ENDED_PLACEMENTS !== generated.rows['placements']) throw new Error('The generator made the wrong number of placements');
    const municipalityUser = await createHeadOfUnit(db.kysely, 1, benchId('municipality', MUNICIPALITY_RANK));
    const unitUser = await createHeadOfUnit(db.kysely, 2, unitOfMunicipality(MUNICIPALITY_RANK));
    const municipalityActor = await actorOf(db, municipalityUser);
    const unitActor = await actorOf(db, unitUser);
    const own = await db.kysely
      .selectFrom('placements')
      .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('ended_on').as('ended')])
      .where('owner_org_id', '=', municipalityUser.organisationId)
      .executeTakeFirstOrThrow();
    const current = await timeReports(db, municipalityActor, unitActor);
    let withCandidate: Awaited<ReturnType<typeof timeReports>> | undefined;
    if (CANDIDATE_SQL) {
      await applySql(db, await readFile(CANDIDATE_SQL, 'utf8'));
      withCandidate = await timeReports(db, municipalityActor, unitActor);
    }
    const rateRows = generated.rows['fee_rates']! + generated.rows['consultant_prices']! + generated.rows['treatment_supplements']!;
    console.log(
      JSON.stringify(
        {
          scenario: `yearly cost report ${REPORT.year} as of ${REPORT.asOf}, national scale, through the domain in one identity transaction`,
          engine: db.engine,
          data: {
            municipalities: MUNICIPALITIES,
            ongoingPlacements: generated.rows['placements ongoing'],
            endedPlacements: generated.rows['placements ended'],
            rateRows,
            rows: generated.rows,
            generationSeconds: generated.seconds,
            generationSteps: Object.fromEntries(generated.steps.map((s) => [s.step, s.ms])),
          },
          municipality: {
            name: municipalityUser.organisationName,
            sizeRank: MUNICIPALITY_RANK,
            placements: Number(own.all),
            ongoingPlacements: Number(own.all) - Number(own.ended),
          },
          unit: unitUser.organisationName,
          targetP50Ms: TARGET_MS,
          ...current,
          ...(withCandidate ? { candidateSql: CANDIDATE_SQL, withCandidate } : {}),
          rssMb: rssMb(),
        },
        null,
        2,
      ),
    );
  } finally {
    await db.dispose();
  }
}

// Also runnable alone: `npx tsx src/bench/costs.ts` in test/.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await costReportBench();
