import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The application role: no login, no superuser, no BYPASSRLS, owns nothing. Every request
    -- transaction switches to it with set_config('role', ...), so policies always apply.
    do $$
    begin
      create role samverka_app nologin nosuperuser nobypassrls noinherit;
    exception when duplicate_object or unique_violation then null;
    end $$;

    grant usage on schema public to samverka_app;

    -- The acting identity of the current transaction. Unset or empty settings give null,
    -- so every policy built on them fails closed.
    create function app_user_id() returns uuid language sql stable as
      $$ select nullif(current_setting('app.user_id', true), '')::uuid $$;
    create function app_org_id() returns uuid language sql stable as
      $$ select nullif(current_setting('app.org_id', true), '')::uuid $$;
    create function app_has_role(wanted text) returns boolean language sql stable as
      $$ select coalesce(wanted = any(string_to_array(nullif(current_setting('app.roles', true), ''), ',')), false) $$;

    create table organisations (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('municipality', 'region', 'foster_care_unit', 'school_unit',
        'social_services_unit', 'primary_care_unit', 'specialist_care_unit', 'steering_group')),
      name text not null check (length(trim(name)) > 0),
      municipality_code text check (municipality_code ~ '^[0-9]{4}$'),
      county text,
      county_part text,
      parent_id uuid references organisations(id),
      created_at timestamptz not null default now()
    );
    create index organisations_parent_idx on organisations(parent_id);

    create table users (
      id uuid primary key default gen_random_uuid(),
      external_subject text not null unique,
      email text not null unique,
      display_name text not null,
      created_at timestamptz not null default now()
    );

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id),
      role text not null check (role in ('foster_care_worker', 'child_social_worker', 'head_of_unit',
        'norrbus_convener', 'norrbus_participant', 'steering_group_member', 'administrator')),
      created_at timestamptz not null default now(),
      unique (user_id, organisation_id, role)
    );
    create index memberships_organisation_idx on memberships(organisation_id);

    -- Organisation structure is shared reference data: any signed-in actor may read it.
    alter table organisations enable row level security;
    alter table organisations force row level security;
    create policy organisations_read on organisations for select using (app_user_id() is not null);

    alter table users enable row level security;
    alter table users force row level security;
    create policy users_read on users for select using (
      id = app_user_id()
      or exists (select 1 from memberships m where m.user_id = users.id and m.organisation_id = app_org_id())
    );

    alter table memberships enable row level security;
    alter table memberships force row level security;
    create policy memberships_read on memberships for select using (
      user_id = app_user_id() or organisation_id = app_org_id()
    );

    grant select on organisations, users, memberships to samverka_app;

    -- The audit trail: append-only, one hash chain per acting organisation.
    create table audit_log (
      id bigint generated always as identity primary key,
      occurred_at timestamptz not null default now(),
      user_id uuid not null references users(id),
      organisation_id uuid not null references organisations(id),
      action text not null,
      entity_type text not null,
      entity_id text not null,
      person_id text,
      purpose text,
      request_id text not null,
      previous_hash text not null,
      hash text not null
    );
    create index audit_log_person_idx on audit_log(person_id) where person_id is not null;
    create index audit_log_chain_idx on audit_log(organisation_id, id);

    create function audit_row_hash(previous_hash text, entry audit_log) returns text
      language sql immutable as $$
        select encode(sha256(convert_to(concat_ws('|',
          previous_hash, entry.id::text,
          to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          entry.user_id::text, entry.organisation_id::text, entry.action, entry.entity_type,
          entry.entity_id, coalesce(entry.person_id, ''), coalesce(entry.purpose, ''),
          entry.request_id), 'UTF8')), 'hex')
      $$;

    -- Runs as the table owner so it can read the chain's tail whatever the caller may see.
    create function audit_log_chain() returns trigger language plpgsql security definer
      set search_path = public as $$
      declare
        tail text;
      begin
        perform pg_advisory_xact_lock(hashtext('audit_log:' || new.organisation_id::text));
        -- The id is drawn under the lock, so ids rise along each chain even when transactions
        -- that started earlier commit later; the verifier walks the chain in id order.
        new.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
        select a.hash into tail from audit_log a
          where a.organisation_id = new.organisation_id order by a.id desc limit 1;
        new.previous_hash := coalesce(tail, 'genesis');
        new.hash := audit_row_hash(new.previous_hash, new);
        return new;
      end $$;
    create trigger audit_log_chain before insert on audit_log
      for each row execute function audit_log_chain();

    create function audit_log_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
      end $$;
    create trigger audit_log_no_update before update or delete on audit_log
      for each row execute function audit_log_refuse_change();
    create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_refuse_change();

    -- Recomputes every chain; returns the rows whose hash or link does not match.
    create function audit_log_broken_links() returns table (id bigint, organisation_id uuid)
      language sql stable security definer set search_path = public as $$
        select a.id, a.organisation_id from (
          select l.*, lag(l.hash, 1, 'genesis') over (partition by l.organisation_id order by l.id) as expected_previous
          from audit_log l
        ) a
        where a.previous_hash <> a.expected_previous
           or a.hash <> audit_row_hash(a.previous_hash, row(a.id, a.occurred_at, a.user_id, a.organisation_id,
                a.action, a.entity_type, a.entity_id, a.person_id, a.purpose, a.request_id,
                a.previous_hash, a.hash)::audit_log)
        order by a.id
      $$;

    alter table audit_log enable row level security;
    alter table audit_log force row level security;
    create policy audit_log_append on audit_log for insert
      with check (user_id = app_user_id() and organisation_id = app_org_id());
    create policy audit_log_read on audit_log for select
      using (organisation_id = app_org_id() and app_has_role('administrator'));
    grant select, insert on audit_log to samverka_app;
    revoke update, delete, truncate on audit_log from samverka_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
