import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Municipalities in a joint unit (avtalssamverkan), dated so membership history stays.
    create table collaboration_agreements (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references organisations(id),
      host_municipality_id uuid not null references organisations(id),
      name text not null,
      valid_from date not null,
      valid_to date,
      created_at timestamptz not null default now(),
      check (valid_to is null or valid_to >= valid_from)
    );
    create index collaboration_agreements_unit_idx on collaboration_agreements(unit_id);

    create table agreement_members (
      agreement_id uuid not null references collaboration_agreements(id),
      municipality_id uuid not null references organisations(id),
      joined_on date not null,
      left_on date,
      primary key (agreement_id, municipality_id)
    );
    create index agreement_members_municipality_idx on agreement_members(municipality_id);

    -- Fördelningsnyckel: one per agreement and year, shares in basis points summing to 10 000.
    create table cost_sharing_keys (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      agreement_id uuid not null references collaboration_agreements(id),
      year int not null check (year between 2000 and 2100),
      basis text not null check (basis in ('population', 'placement_days', 'fixed')),
      created_at timestamptz not null default now(),
      unique (agreement_id, year)
    );
    create table cost_shares (
      owner_org_id uuid not null references organisations(id),
      key_id uuid not null references cost_sharing_keys(id),
      municipality_id uuid not null references organisations(id),
      basis_points int not null check (basis_points between 0 and 10000),
      population int check (population >= 0),
      primary key (key_id, municipality_id)
    );

    -- The structure of joint units is reference data for every signed-in actor.
    alter table collaboration_agreements enable row level security;
    alter table collaboration_agreements force row level security;
    create policy collaboration_agreements_read on collaboration_agreements for select using (app_user_id() is not null);
    alter table agreement_members enable row level security;
    alter table agreement_members force row level security;
    create policy agreement_members_read on agreement_members for select using (app_user_id() is not null);
    alter table cost_sharing_keys enable row level security;
    alter table cost_sharing_keys force row level security;
    create policy cost_sharing_keys_read on cost_sharing_keys for select using (app_user_id() is not null);
    create policy cost_sharing_keys_write on cost_sharing_keys for insert with check (owner_org_id = app_org_id());
    alter table cost_shares enable row level security;
    alter table cost_shares force row level security;
    create policy cost_shares_read on cost_shares for select using (app_user_id() is not null);
    create policy cost_shares_write on cost_shares for insert with check (owner_org_id = app_org_id());
    grant select on collaboration_agreements, agreement_members, cost_sharing_keys, cost_shares to samverka_app;
    -- A year's key is replaced as a whole by the unit that owns the agreement.
    grant insert on cost_sharing_keys, cost_shares to samverka_app;

    -- True when the acting organisation is the owner, or a current member of the joint unit that owns.
    create function app_may_read_owner(owner_id uuid) returns boolean language sql stable as $$
      select owner_id = app_org_id() or exists (
        select 1 from collaboration_agreements ca
        join agreement_members am on am.agreement_id = ca.id
        where ca.unit_id = owner_id and am.municipality_id = app_org_id()
          and am.joined_on <= current_date and (am.left_on is null or am.left_on > current_date)
          and ca.valid_from <= current_date and (ca.valid_to is null or ca.valid_to >= current_date)
      )
    $$;

    create table consultancy_agencies (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      name text not null,
      organisation_number text,
      ivo_permit_number text not null,
      created_at timestamptz not null default now()
    );
    alter table consultancy_agencies enable row level security;
    alter table consultancy_agencies force row level security;
    create policy consultancy_agencies_read on consultancy_agencies for select using (app_user_id() is not null);
    create policy consultancy_agencies_write on consultancy_agencies for all
      using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update on consultancy_agencies to samverka_app;

    create table foster_homes (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      kind text not null check (kind in ('own', 'network', 'emergency', 'consultant_supported', 'treatment')),
      name text not null check (length(trim(name)) > 0),
      street_address text,
      postal_code text check (postal_code ~ '^[0-9]{3} ?[0-9]{2}$'),
      city text,
      -- The municipality the home lies in, which may differ from the organisation responsible for it.
      municipality_id uuid not null references organisations(id),
      places int not null check (places between 0 and 20),
      status text not null check (status in ('active', 'paused', 'closed')),
      approved_by_org_id uuid references organisations(id),
      approved_on date,
      consultancy_agency_id uuid references consultancy_agencies(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'consultant_supported') = (consultancy_agency_id is not null)),
      unique (id, owner_org_id)
    );
    create index foster_homes_owner_idx on foster_homes(owner_org_id, name, id);
    create index foster_homes_agency_idx on foster_homes(consultancy_agency_id);
    create index foster_homes_municipality_idx on foster_homes(municipality_id);

    create table household_members (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      foster_home_id uuid not null,
      given_name text not null,
      family_name text not null,
      personal_identity_number text not null,
      role text not null check (role in ('adult', 'child', 'other')),
      created_at timestamptz not null default now(),
      -- A household member always belongs to the same owner as the home.
      foreign key (foster_home_id, owner_org_id) references foster_homes(id, owner_org_id)
    );
    create index household_members_home_idx on household_members(foster_home_id);

    -- Member municipalities see the unit's register; only the owner sees who lives in a home.
    alter table foster_homes enable row level security;
    alter table foster_homes force row level security;
    create policy foster_homes_read on foster_homes for select using (app_may_read_owner(owner_org_id));
    create policy foster_homes_insert on foster_homes for insert with check (owner_org_id = app_org_id());
    create policy foster_homes_update on foster_homes for update
      using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update on foster_homes to samverka_app;

    alter table household_members enable row level security;
    alter table household_members force row level security;
    create policy household_members_owner on household_members for all
      using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    grant select, insert, update, delete on household_members to samverka_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
