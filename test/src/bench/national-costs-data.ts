import { performance } from 'node:perf_hooks';
import type { Db, Trx } from '@samverka/domain';
import { sql } from 'kysely';

/**
 * A national-scale data set for the cost reports: Sweden's 290 municipalities in 21 county-wide
 * joint units, 30 000 ongoing and 300 000 ended placements from 2015 to 2026 (one child each),
 * yearly rates from 2015 to 2027 for every paying organisation, consultant contracts, treatment
 * supplements, extra costs, budgets, running costs and cost-sharing keys.
 *
 * Everything is inserted with set-based SQL as the database owner (outside row-level security),
 * in one transaction so the temporary helper tables live on one connection on PostgreSQL too.
 * Deterministic: the draws are hashes of the row number, not random(), so both engines and every
 * run get the same data. Ids are built from numbers so rows can refer to each other without joins.
 */

export const MUNICIPALITIES = 290;
const COUNTIES = 21;
export const ONGOING_PLACEMENTS = 30_000;
export const ENDED_PLACEMENTS = 300_000;
const FIRST_YEAR = 2015;
const LAST_RATE_YEAR = 2027;
/** The last day placements have happened on: the day before the report's `asOf`. */
const DATA_UNTIL = '2026-11-22';
const AGENCIES = 60;
/** Consultancy agencies each municipality has a contract with. */
const CONTRACTS_PER_MUNICIPALITY = 6;
const POPULATION = 10_500_000;
/** Buckets of the lookup that turns a uniform draw into a municipality weighted by size. */
const BUCKETS = 65_536;

/** The municipality of median size (by rank), whose head of unit the bench acts as. */
export const MID_SIZED_MUNICIPALITY = 145;

const ID_PREFIX = { municipality: 1, unit: 2, agreement: 3, agency: 4, home: 5, child: 6, placement: 7, key: 8, user: 9 } as const;
type IdKind = keyof typeof ID_PREFIX;

/** A uuid made from a number, in SQL (`n` is an SQL expression). */
const uid = (kind: IdKind, n: string) => `('${ID_PREFIX[kind]}0000000-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
/** The same id in JavaScript. */
export const benchId = (kind: IdKind, n: number) => `${ID_PREFIX[kind]}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
/** A uniform draw in [0, 1) from a tag and a row number: the same on every engine and run. */
const draw = (tag: string, n: string) => `((hashtext('${tag}' || (${n})::text)::float8 + 2147483648) / 4294967296)`;
/** The year's index over 2022 (about 3 % a year), so rates change every year. */
const yearIndex = (year: string) => `power(1.03, ${year} - 2022)`;

/** 2022 rates in kronor per day, by payer and home kind, in two age bands. */
const RATE_BANDS = `(values
  ('unit', 'own', 0, 12, 380, 180), ('unit', 'own', 13, 20, 335, 225),
  ('unit', 'emergency', 0, 12, 480, 180), ('unit', 'emergency', 13, 20, 480, 180),
  ('unit', 'treatment', 0, 12, 380, 180), ('unit', 'treatment', 13, 20, 335, 225),
  ('municipality', 'network', 0, 12, 250, 180), ('municipality', 'network', 13, 20, 205, 225)
) b(payer, kind, age_from, age_to, fee, expenses)`;

/** Every paying organisation: the units (own, emergency and treatment homes) and the municipalities. */
const PAYERS = `(
  select ${uid('unit', 'c')} as id, 'unit' as payer, 0.9 + 0.2 * ${draw('unit-rate', 'c')} as factor from generate_series(1, ${COUNTIES}) c
  union all
  select ${uid('municipality', 'i')}, 'municipality', 0.9 + 0.2 * ${draw('municipality-rate', 'i')} from bench_municipalities
) o`;

const YEARS = `generate_series(${FIRST_YEAR}, ${LAST_RATE_YEAR}) y`;
/** Yearly periods; the last year's stays open, as a price list in force does. */
const YEAR_PERIOD = `make_date(y, 1, 1), case when y = ${LAST_RATE_YEAR} then null else make_date(y, 12, 31) end`;

/** Home kinds: the share of placements and the children a home of the kind takes on average. */
const HOME_KINDS = {
  unit: `(values ('own', 0.50, 1.6), ('emergency', 0.08, 1.5), ('treatment', 0.06, 1.2)) k(kind, share, per_home)`,
  municipality: `(values ('network', 0.18, 1.2), ('consultant_supported', 0.18, 1.5)) k(kind, share, per_home)`,
};

const END_REASONS = `(array['Återförening med vårdnadshavare', 'Flytt till annat familjehem', 'Vården upphörde enligt beslut', 'Barnet flyttade till eget boende'])`;

/** The steps in order; each is one statement (PGlite runs one statement per query). */
const STEPS: ReadonlyArray<readonly [label: string, statement: string]> = [
  [
    'municipalities (weights like population sizes)',
    `create temp table bench_municipalities on commit drop as
     select i, ((i - 1) % ${COUNTIES}) + 1 as county, weight / sum(weight) over () as share,
       coalesce(sum(weight) over (order by i rows between unbounded preceding and 1 preceding), 0) / sum(weight) over () as cum_from,
       sum(weight) over (order by i) / sum(weight) over () as cum_to
     from (select i, power(i, -0.9) as weight from generate_series(1, ${MUNICIPALITIES}) i) w`,
  ],
  [
    'size buckets',
    `create temp table bench_buckets on commit drop as
     select b, m.i, m.county from bench_municipalities m
     cross join lateral generate_series(ceil(m.cum_from * ${BUCKETS})::int, ceil(m.cum_to * ${BUCKETS})::int - 1) b`,
  ],
  [
    'organisations',
    `insert into organisations (id, kind, name, municipality_code, county)
     select ${uid('municipality', 'i')}, 'municipality', 'Kommun ' || lpad(i::text, 3, '0'), (1000 + i)::text, 'Län ' || county from bench_municipalities
     union all
     select ${uid('unit', 'c')}, 'foster_care_unit', 'Familjehemsenheten i län ' || c, null, 'Län ' || c from generate_series(1, ${COUNTIES}) c`,
  ],
  [
    'collaboration agreements',
    `insert into collaboration_agreements (id, unit_id, host_municipality_id, name, valid_from)
     select ${uid('agreement', 'c')}, ${uid('unit', 'c')}, ${uid('municipality', 'c')}, 'Avtal om familjehemsenhet i län ' || c, date '2010-01-01'
     from generate_series(1, ${COUNTIES}) c`,
  ],
  [
    'agreement members',
    `insert into agreement_members (agreement_id, municipality_id, joined_on)
     select ${uid('agreement', 'county')}, ${uid('municipality', 'i')}, date '2010-01-01' from bench_municipalities`,
  ],
  [
    'cost-sharing keys',
    `insert into cost_sharing_keys (id, owner_org_id, agreement_id, year, basis)
     select ${uid('key', '(y - 2000) * 100 + c')}, ${uid('unit', 'c')}, ${uid('agreement', 'c')}, y, 'population'
     from generate_series(1, ${COUNTIES}) c cross join ${YEARS}`,
  ],
  [
    'cost shares (basis points summing to 10 000 per key)',
    `insert into cost_shares (owner_org_id, key_id, municipality_id, basis_points, population)
     select ${uid('unit', 's.county')}, ${uid('key', '(y - 2000) * 100 + s.county')}, ${uid('municipality', 's.i')},
       s.points + case when s.i = s.host then 10000 - s.county_points else 0 end, s.population
     from (
       select p.*, sum(p.points) over (partition by p.county) as county_points, min(p.i) over (partition by p.county) as host
       from (
         select i, county, population, floor(10000.0 * population / sum(population) over (partition by county))::int as points
         from (select i, county, round(share * ${POPULATION})::int as population from bench_municipalities) m
       ) p
     ) s cross join ${YEARS}`,
  ],
  [
    'unit running costs',
    `insert into unit_running_costs (owner_org_id, year, amount)
     select ${uid('unit', 'c.county')}, y, round(c.members * 650000 * 100 * ${yearIndex('y')})::bigint
     from (select county, count(*) as members from bench_municipalities group by county) c cross join ${YEARS}`,
  ],
  [
    'consultancy agencies',
    `insert into consultancy_agencies (id, owner_org_id, name, ivo_permit_number)
     select ${uid('agency', 'a')}, ${uid('unit', `((a - 1) % ${COUNTIES}) + 1`)}, 'Konsulentstöd ' || lpad(a::text, 2, '0') || ' AB', 'IVO 8.1.1-' || (1000 + a)
     from generate_series(1, ${AGENCIES}) a`,
  ],
  [
    'home groups',
    `create temp table bench_home_groups on commit drop as
     select g.*, coalesce(sum(g.homes) over (order by g.kind, g.owner_key rows between unbounded preceding and 1 preceding), 0)::int as first_n
     from (
       select -u.county as owner_key, u.county, u.host as location_i, k.kind, greatest(2, round(u.share * ${ONGOING_PLACEMENTS} * k.share / k.per_home))::int as homes
       from (select county, min(i) as host, sum(share) as share from bench_municipalities group by county) u cross join ${HOME_KINDS.unit}
       union all
       select m.i, m.county, m.i, k.kind, greatest(2, round(m.share * ${ONGOING_PLACEMENTS} * k.share / k.per_home))::int
       from bench_municipalities m cross join ${HOME_KINDS.municipality}
     ) g`,
  ],
  [
    'foster homes',
    `insert into foster_homes (id, owner_org_id, kind, name, municipality_id, places, status, consultancy_agency_id)
     select ${uid('home', 'g.first_n + h + 1')},
       case when g.owner_key < 0 then ${uid('unit', 'g.county')} else ${uid('municipality', 'g.owner_key')} end,
       g.kind, 'Familjehem ' || (g.first_n + h + 1), ${uid('municipality', 'g.location_i')}, 1 + (h % 3), 'active',
       case when g.kind = 'consultant_supported' then ${uid('agency', `((g.owner_key * 7 + (h % ${CONTRACTS_PER_MUNICIPALITY}) * 11) % ${AGENCIES}) + 1`)} end
     from bench_home_groups g cross join lateral generate_series(0, g.homes - 1) h`,
  ],
  [
    'placements to make (draws)',
    `create temp table bench_placements on commit drop as
     with d as (
       select n, n <= ${ONGOING_PLACEMENTS} as ongoing, b.i, b.county,
         case when ${draw('kind', 'n')} < 0.50 then 'own' when ${draw('kind', 'n')} < 0.68 then 'network'
           when ${draw('kind', 'n')} < 0.76 then 'emergency' when ${draw('kind', 'n')} < 0.82 then 'treatment'
           else 'consultant_supported' end as kind,
         ${draw('start', 'n')} as u_start, ${draw('length', 'n')} as u_length, floor(${draw('age', 'n')} * 18 * 365)::int as age_days,
         ${draw('plan', 'n')} as u_plan, ${draw('home', 'n')} as u_home, ${draw('treated', 'n')} as u_treated, ${draw('reason', 'n')} as u_reason
       from generate_series(1, ${ONGOING_PLACEMENTS + ENDED_PLACEMENTS}) n
       join bench_buckets b on b.b = hashtext('municipality' || n::text) & ${BUCKETS - 1}
     ),
     -- Ongoing: the child is 0-17 today and was placed on a day since 2015 and since birth
     -- (recent starts likelier; emergency placements within four months). Ended: placed on a
     -- day 2015-2026 at 0-17 years, ended by the planned length, the 18th birthday or today.
     dated as (
       select d.*,
         case when ongoing then date '${DATA_UNTIL}' - age_days
           else date '${FIRST_YEAR}-01-01' + floor(u_start * (date '${DATA_UNTIL}' - 7 - date '${FIRST_YEAR}-01-01'))::int - age_days end as birth_date,
         case when ongoing then date '${DATA_UNTIL}' - floor(u_start * u_start * least(date '${DATA_UNTIL}' - date '${FIRST_YEAR}-01-01', age_days, case when kind = 'emergency' then 120 else 100000 end))::int
           else date '${FIRST_YEAR}-01-01' + floor(u_start * (date '${DATA_UNTIL}' - 7 - date '${FIRST_YEAR}-01-01'))::int end as starts_on,
         case when kind = 'emergency' then 1 + floor(u_length * 120)::int else 1 + floor(u_length * u_length * 2500)::int end as length_days
       from d
     )
     select n, ongoing, i, county, kind, birth_date, starts_on,
       case when ongoing then null else least(starts_on + length_days, (birth_date + interval '18 years')::date, date '${DATA_UNTIL}') end as ended_on,
       case when ongoing and kind = 'emergency' then starts_on + 30 + floor(u_plan * 90)::int
         when ongoing and u_plan < 0.5 then (birth_date + interval '18 years')::date
         when u_plan < 0.8 then starts_on + length_days end as planned_end_on,
       kind in ('own', 'network') and u_treated < 0.08 as treatment_assignment,
       u_home, u_reason
     from dated`,
  ],
  [
    'children',
    `insert into children (id, owner_org_id, given_name, family_name, personal_identity_number, identity_kind, gender, birth_date)
     select ${uid('child', 'n')}, ${uid('municipality', 'i')}, case when n % 2 = 0 then 'Alva' else 'Elias' end, 'Barn ' || n,
       'R' || lpad(n::text, 9, '0') || (n % 10)::text, 'reserve_number', case when n % 2 = 0 then 'girl' else 'boy' end, birth_date
     from bench_placements`,
  ],
  [
    'placements',
    `insert into placements (id, owner_org_id, child_id, foster_home_id, starts_on, planned_end_on, ended_on, end_reason, treatment_assignment)
     select ${uid('placement', 'p.n')}, ${uid('municipality', 'p.i')}, ${uid('child', 'p.n')}, ${uid('home', 'g.first_n + 1 + floor(p.u_home * g.homes)::int')},
       p.starts_on, p.planned_end_on, p.ended_on,
       case when p.ended_on is null then null
         when p.ended_on = (p.birth_date + interval '18 years')::date then 'Barnet fyllde 18 år'
         else ${END_REASONS}[1 + floor(p.u_reason * 4)::int] end,
       p.treatment_assignment
     from bench_placements p
     join bench_home_groups g on g.kind = p.kind
       and g.owner_key = case when p.kind in ('own', 'emergency', 'treatment') then -p.county else p.i end`,
  ],
  [
    'fee rates (every payer, kind, age band and year)',
    `insert into fee_rates (owner_org_id, home_kind, age_from, age_to, valid_from, valid_to, fee_per_day, expenses_per_day)
     select o.id, b.kind, b.age_from, b.age_to, ${YEAR_PERIOD},
       round(b.fee * 100 * o.factor * ${yearIndex('y')})::bigint, round(b.expenses * 100 * ${yearIndex('y')})::bigint
     from ${PAYERS} join ${RATE_BANDS} on b.payer = o.payer cross join ${YEARS}`,
  ],
  [
    'treatment supplements',
    `insert into treatment_supplements (owner_org_id, valid_from, valid_to, per_day)
     select o.id, ${YEAR_PERIOD}, round(924 * 100 * o.factor * ${yearIndex('y')})::bigint from ${PAYERS} cross join ${YEARS}`,
  ],
  [
    'consultant prices (municipality × agency × year)',
    `insert into consultant_prices (owner_org_id, agency_id, contract_reference, valid_from, valid_to, price_per_day)
     select ${uid('municipality', 'm.i')}, ${uid('agency', `((m.i * 7 + j * 11) % ${AGENCIES}) + 1`)}, 'Avtal ' || y || ', dnr SN ' || y || '/' || (100 + j),
       ${YEAR_PERIOD}, round((1650 + floor(${draw('price', 'm.i * 100 + j')} * 1250)) * 100 * ${yearIndex('y')})::bigint
     from bench_municipalities m cross join generate_series(0, ${CONTRACTS_PER_MUNICIPALITY - 1}) j cross join ${YEARS}`,
  ],
  [
    'extra costs',
    `insert into placement_extra_costs (owner_org_id, placement_id, incurred_on, amount, description)
     select ${uid('municipality', 'p.i')}, ${uid('placement', 'p.n')}, x.incurred_on, x.amount, x.description
     from bench_placements p
     cross join lateral (values
       (p.starts_on, (2500 + floor(${draw('equipment', 'p.n')} * 30) * 100) * 100, 'Inköp av säng och kläder vid placeringens start', ${draw('extra', 'p.n')} < 0.06),
       (p.starts_on + 45, (400 + floor(${draw('travel', 'p.n')} * 20) * 50) * 100, 'Resor till umgänge med föräldrar',
         ${draw('extra', 'p.n')} < 0.03 and p.starts_on + 45 < coalesce(p.ended_on, date '${DATA_UNTIL}'))
     ) x(incurred_on, amount, description, wanted)
     where x.wanted`,
  ],
  [
    'cost budgets for 2026',
    `insert into cost_budgets (owner_org_id, year, category, amount)
     select ${uid('municipality', 'm.i')}, 2026, c.category, round(m.share * ${ONGOING_PLACEMENTS} * c.share * 365 * c.daily * 100 / 10000)::bigint * 10000
     from bench_municipalities m cross join (values ('own', 0.50, 600), ('network', 0.18, 450), ('emergency', 0.08, 690),
       ('treatment', 0.06, 1500), ('consultant_supported', 0.18, 2200)) c(category, share, daily)
     union all
     select s.municipality_id, 2026, 'unit_share', r.amount * s.basis_points / 10000
     from cost_shares s join cost_sharing_keys k on k.id = s.key_id and k.year = 2026
     join unit_running_costs r on r.owner_org_id = k.owner_org_id and r.year = 2026`,
  ],
  ['statistics (analyze)', `analyze`],
];

export interface GeneratedData {
  readonly seconds: number;
  readonly steps: ReadonlyArray<{ step: string; ms: number }>;
  readonly rows: Readonly<Record<string, number>>;
}

const COUNTED_TABLES = [
  'organisations',
  'collaboration_agreements',
  'agreement_members',
  'consultancy_agencies',
  'foster_homes',
  'children',
  'placements',
  'fee_rates',
  'treatment_supplements',
  'consultant_prices',
  'placement_extra_costs',
  'cost_budgets',
  'unit_running_costs',
  'cost_sharing_keys',
  'cost_shares',
] as const;

/** Fills a freshly migrated, empty database. */
export async function generateNationalCostsData(db: Db): Promise<GeneratedData> {
  const started = performance.now();
  const steps: { step: string; ms: number }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const [step, statement] of STEPS) {
      const stepStarted = performance.now();
      await sql.raw(statement).execute(trx);
      steps.push({ step, ms: Math.round(performance.now() - stepStarted) });
    }
  });
  return { seconds: Number(((performance.now() - started) / 1000).toFixed(1)), steps, rows: await countRows(db) };
}

async function countRows(db: Db | Trx): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const { rows: counted } = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)}`.execute(db);
    rows[table] = counted[0]!.count;
  }
  const { rows: split } = await sql<{ ongoing: number; ended: number }>`
    select count(*) filter (where ended_on is null)::int as ongoing, count(*) filter (where ended_on is not null)::int as ended from placements`.execute(db);
  rows['placements ongoing'] = split[0]!.ongoing;
  rows['placements ended'] = split[0]!.ended;
  return rows;
}

export interface BenchUser {
  readonly subject: string;
  readonly organisationId: string;
  readonly organisationName: string;
}

/** A head of unit of the given organisation, signed in the way the demo users are (an external subject). */
export async function createHeadOfUnit(db: Db, key: number, organisationId: string): Promise<BenchUser> {
  const subject = `bench|head-of-unit-${key}`;
  const userId = benchId('user', key);
  await db.insertInto('users').values({ id: userId, external_subject: subject, email: `chef-${key}@bench.invalid`, display_name: `Enhetschef ${key}` }).execute();
  await db.insertInto('memberships').values({ user_id: userId, organisation_id: organisationId, role: 'head_of_unit' }).execute();
  const organisation = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return { subject, organisationId, organisationName: organisation.name };
}

/** The unit a municipality belongs to in this data set: one per county. */
export const unitOfMunicipality = (i: number) => benchId('unit', ((i - 1) % COUNTIES) + 1);
