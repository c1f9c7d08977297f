import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A child is the placing municipality's; the unit sees the placements in its own homes.
    create table children (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      given_name text not null,
      family_name text not null,
      personal_identity_number text not null,
      gender text not null check (gender in ('girl', 'boy', 'other')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (owner_org_id, personal_identity_number),
      unique (id, owner_org_id)
    );

    create table placements (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      child_id uuid not null,
      foster_home_id uuid not null references foster_homes(id),
      starts_on date not null,
      planned_end_on date,
      ended_on date,
      end_reason text,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (child_id, owner_org_id) references children(id, owner_org_id),
      check (ended_on is null or ended_on >= starts_on),
      check (planned_end_on is null or planned_end_on >= starts_on),
      check ((ended_on is null) = (end_reason is null))
    );
    create index placements_home_idx on placements(foster_home_id, starts_on);
    create index placements_owner_idx on placements(owner_org_id, starts_on);
    create index placements_child_idx on placements(child_id);

    alter table placements enable row level security;
    alter table placements force row level security;
    create policy placements_read on placements for select using (
      owner_org_id = app_org_id()
      or exists (select 1 from foster_homes h where h.id = foster_home_id and h.owner_org_id = app_org_id())
    );
    create policy placements_write on placements for all
      using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update on placements to samverka_app;

    alter table children enable row level security;
    alter table children force row level security;
    create policy children_read on children for select using (
      owner_org_id = app_org_id()
      or exists (
        select 1 from placements p join foster_homes h on h.id = p.foster_home_id
        where p.child_id = children.id and h.owner_org_id = app_org_id()
          and (p.ended_on is null or p.ended_on >= current_date)
      )
    );
    create policy children_write on children for all
      using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update on children to samverka_app;

    -- Occupied places per home on a day, as counts only: a member municipality matching a child
    -- must see how full the unit's homes are without seeing other municipalities' children.
    create function occupied_places(on_day date)
      returns table (foster_home_id uuid, occupied int)
      language sql stable security definer set search_path = public as $$
        select p.foster_home_id, count(*)::int from placements p
        where p.starts_on <= on_day and (p.ended_on is null or p.ended_on > on_day)
          and app_may_read_owner((select h.owner_org_id from foster_homes h where h.id = p.foster_home_id))
        group by p.foster_home_id
      $$;
    revoke all on function occupied_places(date) from public;
    grant execute on function occupied_places(date) to samverka_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
