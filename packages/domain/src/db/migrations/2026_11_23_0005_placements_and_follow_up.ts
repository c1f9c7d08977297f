import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A child without a personnummer has a samordningsnummer or a reserve number; the birth date is
    -- then recorded separately, and ages are always computed from it.
    alter table children add column identity_kind text not null default 'personal_identity_number'
      check (identity_kind in ('personal_identity_number', 'coordination_number', 'reserve_number'));
    alter table children add column birth_date date;
    update children set birth_date = to_date(substr(personal_identity_number, 1, 8), 'YYYYMMDD');
    alter table children alter column birth_date set not null;
    -- The child's social worker (barnsekreterare) in the placing municipality.
    alter table children add column assigned_worker_id uuid references users(id);
    create index children_worker_idx on children(assigned_worker_id);

    create table guardians (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      child_id uuid not null,
      name text not null check (length(trim(name)) > 0),
      personal_identity_number text,
      relation text not null check (relation in ('parent', 'appointed_guardian', 'other')),
      created_at timestamptz not null default now(),
      foreign key (child_id, owner_org_id) references children(id, owner_org_id)
    );
    create index guardians_child_idx on guardians(child_id);

    -- Utredning of the child's need (BBIC), ending in an outcome.
    create table needs_assessments (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      child_id uuid not null,
      worker_id uuid not null references users(id),
      started_on date not null,
      completed_on date,
      outcome text check (outcome in ('placement', 'other_intervention', 'no_intervention')),
      summary text,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((completed_on is null) = (outcome is null)),
      check (completed_on is null or completed_on >= started_on),
      foreign key (child_id, owner_org_id) references children(id, owner_org_id),
      unique (id, owner_org_id)
    );
    create index needs_assessments_child_idx on needs_assessments(child_id);

    -- Beslut om placering under SoL or LVU (2 § or 3 §). A favourable decision that is not executed
    -- within three months, or interrupted for three months, goes in the quarterly report to IVO.
    create table placement_decisions (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      child_id uuid not null,
      needs_assessment_id uuid,
      legal_basis text not null check (legal_basis in ('sol', 'lvu_2', 'lvu_3')),
      kind text not null check (kind in ('emergency', 'long_term', 'upbringing')),
      -- The intervention as named in the reports (e.g. "Placering i familjehem").
      intervention text not null check (length(trim(intervention)) > 0),
      decided_on date not null,
      decision_maker_kind text not null check (decision_maker_kind in ('committee', 'delegate', 'chair')),
      decision_maker_name text not null check (length(trim(decision_maker_name)) > 0),
      favourable boolean not null,
      child_impact_assessment text,
      interrupted_on date,
      cancelled_on date,
      cancellation_reason text,
      recorded_by uuid not null references users(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((cancelled_on is null) = (cancellation_reason is null)),
      check (cancelled_on is null or cancelled_on >= decided_on),
      check (interrupted_on is null or interrupted_on >= decided_on),
      foreign key (child_id, owner_org_id) references children(id, owner_org_id),
      foreign key (needs_assessment_id, owner_org_id) references needs_assessments(id, owner_org_id),
      unique (id, owner_org_id)
    );
    create index placement_decisions_owner_idx on placement_decisions(owner_org_id, decided_on);
    create index placement_decisions_child_idx on placement_decisions(child_id);

    -- A placement carries out a decision in a home, under the approval in force that day (which
    -- records who assessed and approved the home), with the written agreement and the plans.
    alter table placements add column decision_id uuid;
    alter table placements add constraint placements_decision_fk
      foreign key (decision_id, owner_org_id) references placement_decisions(id, owner_org_id);
    alter table placements add column approval_id uuid references home_decisions(id);
    alter table placements add column agreement_signed_on date;
    alter table placements add column care_plan_on date;
    alter table placements add column implementation_plan_on date;
    create index placements_decision_idx on placements(decision_id);

    -- Follow-up intervals and their legal references per municipality, dated: the law and each
    -- municipality's policy change, and a change applies to what falls due after it.
    create table follow_up_policies (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      valid_from date not null,
      visit_interval_months int not null check (visit_interval_months between 1 and 12),
      review_interval_months int not null check (review_interval_months between 1 and 12),
      reexamination_interval_months int not null check (reexamination_interval_months between 1 and 12),
      custody_transfer_after_months int not null check (custody_transfer_after_months between 1 and 120),
      custody_transfer_interval_months int not null check (custody_transfer_interval_months between 1 and 60),
      care_plan_revision_months int not null check (care_plan_revision_months between 1 and 60),
      visit_reference text not null,
      review_reference text not null,
      reexamination_reference text not null,
      custody_transfer_reference text not null,
      care_plan_revision_reference text not null,
      created_at timestamptz not null default now(),
      unique (owner_org_id, valid_from)
    );

    -- A follow-up done: the visit (with a talk alone with the child), review, re-examination,
    -- custody-transfer consideration or care-plan revision, against the due date it answered.
    create table follow_ups (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      placement_id uuid not null references placements(id),
      kind text not null check (kind in ('visit', 'review', 'reexamination', 'custody_transfer_consideration', 'care_plan_revision')),
      due_on date not null,
      done_on date not null,
      talked_alone boolean,
      note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check ((kind = 'visit') = (talked_alone is not null))
    );
    create index follow_ups_placement_idx on follow_ups(placement_id, kind, done_on);
    -- One record answers one due date: two workers cannot both record the same visit.
    create unique index follow_ups_answer_idx on follow_ups(placement_id, kind, due_on);

    alter table follow_up_policies enable row level security;
    alter table follow_up_policies force row level security;
    create policy follow_up_policies_read on follow_up_policies for select using (owner_org_id = app_org_id());
    create policy follow_up_policies_write on follow_up_policies for insert with check (owner_org_id = app_org_id());
    grant select, insert on follow_up_policies to samverka_app;
  `.execute(db);

  // The child's case is the placing municipality's alone; follow-ups are records, never changed.
  const ownerOnly: ReadonlyArray<[string, string]> = [
    ['guardians', 'select, insert, update, delete'],
    ['needs_assessments', 'select, insert, update'],
    ['placement_decisions', 'select, insert, update'],
    ['follow_ups', 'select, insert'],
  ];
  for (const [table, grants] of ownerOnly) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      alter table ${sql.table(table)} force row level security;
      create policy ${sql.id(`${table}_owner`)} on ${sql.table(table)} for all
        using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
      grant ${sql.raw(grants)} on ${sql.table(table)} to samverka_app;
    `.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
