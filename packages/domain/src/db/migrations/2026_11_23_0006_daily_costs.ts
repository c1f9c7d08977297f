import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Rates are dated periods owned by the organisation that pays the home (the unit for its homes,
    -- a municipality for its network and consultant-supported homes). A change is a new period;
    -- the domain refuses overlapping periods and periods that would reprice days already past.
    -- Amounts are integer öre.
    create table fee_rates (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      home_kind text not null check (home_kind in ('own', 'network', 'emergency', 'treatment')),
      age_from int not null check (age_from between 0 and 20),
      age_to int not null check (age_to between age_from and 20),
      valid_from date not null,
      valid_to date,
      fee_per_day bigint not null check (fee_per_day >= 0),
      expenses_per_day bigint not null check (expenses_per_day >= 0),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index fee_rates_owner_idx on fee_rates(owner_org_id, home_kind, valid_from);

    -- The year's index (uppräkning) a unit applied to last year's rates, in basis points.
    create table rate_indices (
      owner_org_id uuid not null references organisations(id),
      year int not null check (year between 2000 and 2100),
      basis_points int not null check (basis_points between -5000 and 5000),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      primary key (owner_org_id, year)
    );

    create table consultant_prices (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      agency_id uuid not null references consultancy_agencies(id),
      contract_reference text not null check (length(trim(contract_reference)) > 0),
      valid_from date not null,
      valid_to date,
      price_per_day bigint not null check (price_per_day >= 0),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index consultant_prices_agency_idx on consultant_prices(owner_org_id, agency_id, valid_from);

    create table treatment_supplements (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      valid_from date not null,
      valid_to date,
      per_day bigint not null check (per_day >= 0),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index treatment_supplements_owner_idx on treatment_supplements(owner_org_id, valid_from);

    -- A treatment assignment (behandlingsuppdrag) on an own or network home adds the supplement.
    alter table placements add column treatment_assignment boolean not null default false;

    -- One-off and extra costs on a placement, paid by the placing municipality. May be negative (a credit).
    create table placement_extra_costs (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      placement_id uuid not null references placements(id),
      incurred_on date not null,
      amount bigint not null check (amount <> 0),
      description text not null check (length(trim(description)) > 0),
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index placement_extra_costs_placement_idx on placement_extra_costs(placement_id, incurred_on);
    create index placement_extra_costs_owner_idx on placement_extra_costs(owner_org_id, incurred_on);

    -- A municipality's yearly budget per cost category.
    create table cost_budgets (
      owner_org_id uuid not null references organisations(id),
      year int not null check (year between 2000 and 2100),
      category text not null check (category in ('own', 'network', 'emergency', 'treatment', 'consultant_supported', 'unit_share')),
      amount bigint not null check (amount >= 0),
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (owner_org_id, year, category)
    );

    -- The joint unit's own running cost for a year (staff, premises, training), shared by the key.
    create table unit_running_costs (
      owner_org_id uuid not null references organisations(id),
      year int not null check (year between 2000 and 2100),
      amount bigint not null check (amount >= 0),
      version int not null default 1,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      primary key (owner_org_id, year)
    );

    -- Price lists and contract prices are public documents among the users; writes by the owner only.
    alter table fee_rates enable row level security;
    alter table fee_rates force row level security;
    create policy fee_rates_read on fee_rates for select using (app_user_id() is not null);
    create policy fee_rates_write on fee_rates for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table rate_indices enable row level security;
    alter table rate_indices force row level security;
    create policy rate_indices_read on rate_indices for select using (app_user_id() is not null);
    create policy rate_indices_write on rate_indices for insert with check (owner_org_id = app_org_id());
    alter table consultant_prices enable row level security;
    alter table consultant_prices force row level security;
    create policy consultant_prices_read on consultant_prices for select using (app_user_id() is not null);
    create policy consultant_prices_write on consultant_prices for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table treatment_supplements enable row level security;
    alter table treatment_supplements force row level security;
    create policy treatment_supplements_read on treatment_supplements for select using (app_user_id() is not null);
    create policy treatment_supplements_write on treatment_supplements for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table placement_extra_costs enable row level security;
    alter table placement_extra_costs force row level security;
    create policy placement_extra_costs_owner on placement_extra_costs for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table cost_budgets enable row level security;
    alter table cost_budgets force row level security;
    create policy cost_budgets_owner on cost_budgets for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table unit_running_costs enable row level security;
    alter table unit_running_costs force row level security;
    create policy unit_running_costs_read on unit_running_costs for select using (app_may_read_owner(owner_org_id));
    create policy unit_running_costs_write on unit_running_costs for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update on fee_rates, consultant_prices, treatment_supplements, cost_budgets, unit_running_costs to samverka_app;
    grant select, insert on rate_indices, placement_extra_costs to samverka_app;

    -- The first day a child has completed the given years: the birthday, and for a child born on
    -- 29 February 1 March in other years (the same rule as the domain's ageOn).
    create function app_birthday(birth date, years int) returns date language sql immutable as $$
      select case
        when extract(month from birth) = 2 and extract(day from birth) = 29
          and extract(day from birth + make_interval(years => years)) = 28
        then (birth + make_interval(years => years))::date + 1
        else (birth + make_interval(years => years))::date
      end
    $$;

    -- The cost of placements per placement and calendar month, exactly as the domain's placementCost
    -- computes it (costs/daily-cost.ts; a test compares the two on random data), for reports over
    -- many placements. Days are paid from the start day up to, not including, the end day; with
    -- planned_ends an ongoing placement is taken to its planned end (inclusive) when that is still
    -- ahead. at_own_rates prices consultant-supported days at own_rates_owner's own-home rates
    -- (the savings potential). days_without_rate counts placement days no rate period covers.
    -- Security invoker: the caller's row-level security decides which placements are counted.
    create function placement_month_costs(
      placing_ids uuid[], from_day date, to_day date, planned_ends boolean, own_rates_owner uuid
    ) returns table (
      placement_id uuid, municipality_id uuid, month date, category text, days int, fee bigint,
      expenses bigint, treatment_supplement bigint, consultant_price bigint, extra bigint,
      total bigint, days_without_rate int, at_own_rates bigint
    ) language sql stable as $$
      with placed as (
        select p.id, p.owner_org_id as municipality_id, h.kind, h.owner_org_id as payer_id,
          h.consultancy_agency_id as agency_id,
          (select c.birth_date from children c where c.id = p.child_id) as birth_date,
          (h.kind = 'treatment' or p.treatment_assignment) as treated,
          case when h.kind = 'consultant_supported' then 'consultant_supported'
            when h.kind = 'treatment' or p.treatment_assignment then 'treatment' else h.kind end as category,
          greatest(p.starts_on, from_day) as s,
          least(coalesce(p.ended_on,
            case when planned_ends and p.planned_end_on >= from_day then p.planned_end_on + 1 end,
            'infinity'::date), to_day + 1) as e
        from placements p
        join foster_homes h on h.id = p.foster_home_id
        where p.owner_org_id = any(placing_ids) and p.starts_on <= to_day
          and (p.ended_on is null or p.ended_on > from_day or p.id in (
            select x.placement_id from placement_extra_costs x
            where x.owner_org_id = any(placing_ids) and x.incurred_on between from_day and to_day))
      ),
      stretch as (
        select pl.*, m.month, greatest(pl.s, m.month) as ms,
          least(pl.e, (m.month + interval '1 month')::date) as me
        from placed pl
        cross join lateral (
          select g::date as month from generate_series(date_trunc('month', pl.s::timestamp), (pl.e - 1)::timestamp, interval '1 month') g
        ) m
        where pl.s < pl.e
      ),
      parts as (
        select st.id, st.municipality_id, st.category, st.treated, st.kind, st.month, st.me - st.ms as days, 0::bigint as fee, 0::bigint as expenses,
          0::bigint as supplement, 0::bigint as price, 0::bigint as extra, 0 as priced_days,
          0 as supplemented_days, 0::bigint as own_rate
        from stretch st
        union all
        select st.id, st.municipality_id, st.category, st.treated, st.kind, st.month, 0, r.fee_per_day * x.days, r.expenses_per_day * x.days, 0, 0, 0, x.days, 0, 0
        from stretch st
        join fee_rates r on r.owner_org_id = st.payer_id and r.home_kind = st.kind
          and r.valid_from <= to_day and (r.valid_to is null or r.valid_to >= from_day)
          and r.valid_from < st.me and (r.valid_to is null or r.valid_to >= st.ms)
        cross join lateral (select
          least(st.me, coalesce(r.valid_to + 1, st.me), app_birthday(st.birth_date, r.age_to + 1))
          - greatest(st.ms, r.valid_from, app_birthday(st.birth_date, r.age_from)) as days) x
        where st.kind <> 'consultant_supported' and x.days > 0
        union all
        select st.id, st.municipality_id, st.category, st.treated, st.kind, st.month, 0, 0, 0, t.per_day * x.days, 0, 0, 0, x.days, 0
        from stretch st
        join treatment_supplements t on t.owner_org_id = st.payer_id
          and t.valid_from <= to_day and (t.valid_to is null or t.valid_to >= from_day)
          and t.valid_from < st.me and (t.valid_to is null or t.valid_to >= st.ms)
        cross join lateral (select
          least(st.me, coalesce(t.valid_to + 1, st.me)) - greatest(st.ms, t.valid_from) as days) x
        where st.treated and st.kind <> 'consultant_supported' and x.days > 0
        union all
        select st.id, st.municipality_id, st.category, st.treated, st.kind, st.month, 0, 0, 0, 0, c.price_per_day * x.days, 0, x.days, 0, 0
        from stretch st
        join consultant_prices c on c.owner_org_id = st.payer_id and c.agency_id = st.agency_id
          and c.valid_from <= to_day and (c.valid_to is null or c.valid_to >= from_day)
          and c.valid_from < st.me and (c.valid_to is null or c.valid_to >= st.ms)
        cross join lateral (select
          least(st.me, coalesce(c.valid_to + 1, st.me)) - greatest(st.ms, c.valid_from) as days) x
        where st.kind = 'consultant_supported' and x.days > 0
        union all
        select st.id, st.municipality_id, st.category, st.treated, st.kind, st.month, 0, 0, 0, 0, 0, 0, 0, 0, (r.fee_per_day + r.expenses_per_day) * x.days
        from stretch st
        join fee_rates r on r.owner_org_id = own_rates_owner and r.home_kind = 'own'
          and r.valid_from <= to_day and (r.valid_to is null or r.valid_to >= from_day)
          and r.valid_from < st.me and (r.valid_to is null or r.valid_to >= st.ms)
        cross join lateral (select
          least(st.me, coalesce(r.valid_to + 1, st.me), app_birthday(st.birth_date, r.age_to + 1))
          - greatest(st.ms, r.valid_from, app_birthday(st.birth_date, r.age_from)) as days) x
        where st.kind = 'consultant_supported' and x.days > 0
        union all
        select pl.id, pl.municipality_id, pl.category, pl.treated, pl.kind, date_trunc('month', x.incurred_on::timestamp)::date, 0, 0, 0, 0, 0, x.amount, 0, 0, 0
        from placement_extra_costs x join placed pl on pl.id = x.placement_id
        where x.owner_org_id = any(placing_ids) and x.incurred_on between from_day and to_day
      )
      select pa.id, pa.municipality_id, pa.month, pa.category, sum(pa.days)::int,
        sum(pa.fee)::bigint, sum(pa.expenses)::bigint, sum(pa.supplement)::bigint, sum(pa.price)::bigint,
        sum(pa.extra)::bigint, sum(pa.fee + pa.expenses + pa.supplement + pa.price + pa.extra)::bigint,
        (greatest(sum(pa.days) - sum(pa.priced_days), 0)
          + case when pa.treated and pa.kind <> 'consultant_supported'
              then greatest(sum(pa.days) - sum(pa.supplemented_days), 0) else 0 end)::int,
        sum(pa.own_rate)::bigint
      from parts pa
      group by pa.id, pa.municipality_id, pa.month, pa.category, pa.treated, pa.kind
    $$;
    revoke all on function placement_month_costs(uuid[], date, date, boolean, uuid) from public;
    grant execute on function placement_month_costs(uuid[], date, date, boolean, uuid) to samverka_app;

    -- The joint unit's view of its members' costs: sums per municipality, month and category, and
    -- per municipality and category for the whole period (month null, placements counted once),
    -- never a placement or a child. Runs as the definer so the unit counts placements in every
    -- home; the municipalities are the unit's members during the period asked for. PL/pgSQL with
    -- custom plans: the member list is known before planning, so the cost function is planned for
    -- the actual members (a generic plan over all placements was 10× slower); no JIT for it.
    create function unit_month_costs(from_day date, to_day date, planned_ends boolean)
      returns table (
        municipality_id uuid, month date, category text, placements int, days int, total bigint,
        extra bigint, days_without_rate int, at_own_rates bigint
      ) language plpgsql stable security definer
      set search_path = public set plan_cache_mode = force_custom_plan set jit = off set work_mem = '32MB' as $$
      declare
        members uuid[] := array(
          select am.municipality_id from collaboration_agreements ca
          join agreement_members am on am.agreement_id = ca.id
          where ca.unit_id = app_org_id() and am.joined_on <= to_day
            and (am.left_on is null or am.left_on > from_day));
      begin
        return query
          select c.municipality_id, c.month, c.category, count(distinct c.placement_id)::int, sum(c.days)::int,
            sum(c.total)::bigint, sum(c.extra)::bigint, sum(c.days_without_rate)::int, sum(c.at_own_rates)::bigint
          from placement_month_costs(members, from_day, to_day, planned_ends, app_org_id()) c
          group by grouping sets ((c.municipality_id, c.month, c.category), (c.municipality_id, c.category));
      end
    $$;
    revoke all on function unit_month_costs(date, date, boolean) from public;
    grant execute on function unit_month_costs(date, date, boolean) to samverka_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
