import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A family in recruitment is a foster home not yet approved: the same record carries its
    -- household, training and assessment, and becomes active when a decision approves it.
    alter table foster_homes drop constraint foster_homes_status_check;
    alter table foster_homes add constraint foster_homes_status_check
      check (status in ('recruiting', 'active', 'paused', 'closed'));
    -- Languages spoken in the home, for matching a child's language.
    alter table foster_homes add column languages text[] not null default '{}';

    -- Member municipalities see approved homes only; families in recruitment are the owner's.
    drop policy foster_homes_read on foster_homes;
    create policy foster_homes_read on foster_homes for select using (
      owner_org_id = app_org_id() or (approved_on is not null and app_may_read_owner(owner_org_id))
    );

    -- Dated policy of the unit: how old a register extract may be, how long an approval holds,
    -- and the target days per pipeline step after which a family is shown as overdue.
    create table recruitment_policies (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      valid_from date not null,
      required_registers text[] not null,
      register_check_max_age_days int not null check (register_check_max_age_days between 1 and 730),
      approval_valid_months int not null check (approval_valid_months between 1 and 120),
      inquiry_target_days int not null check (inquiry_target_days > 0),
      information_meeting_target_days int not null check (information_meeting_target_days > 0),
      basic_training_target_days int not null check (basic_training_target_days > 0),
      assessment_target_days int not null check (assessment_target_days > 0),
      decision_target_days int not null check (decision_target_days > 0),
      created_at timestamptz not null default now(),
      unique (owner_org_id, valid_from)
    );

    create table recruitments (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      foster_home_id uuid not null,
      purpose text not null check (purpose in ('new_home', 'reassessment')),
      source text not null check (source in ('campaign', 'website', 'word_of_mouth', 'social_media', 'event', 'agency', 'other')),
      source_detail text,
      -- A consultancy agency may propose a family; the assessment and decision stay the committee's.
      proposed_by_agency_id uuid references consultancy_agencies(id),
      received_on date not null,
      step text not null check (step in ('inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision', 'approved', 'refused')),
      step_entered_on date not null,
      paused_on date,
      left_on date,
      leaving_reason text check (leaving_reason in ('family_withdrew', 'assessed_unsuitable', 'circumstances_changed', 'no_contact', 'other')),
      screening_result text check (screening_result in ('suitable', 'doubtful', 'unsuitable')),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (foster_home_id, owner_org_id) references foster_homes(id, owner_org_id),
      check ((left_on is null) = (leaving_reason is null)),
      check (step_entered_on >= received_on),
      unique (id, owner_org_id)
    );
    create index recruitments_owner_step_idx on recruitments(owner_org_id, step);
    create index recruitments_home_idx on recruitments(foster_home_id);
    -- A home has at most one recruitment or re-assessment under way.
    create unique index recruitments_one_open_per_home on recruitments(foster_home_id)
      where left_on is null and step not in ('approved', 'refused');

    -- The family's timeline: every step, pause, resumption, screening and leaving, dated and signed.
    create table recruitment_events (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      recruitment_id uuid not null,
      kind text not null check (kind in ('step_entered', 'paused', 'resumed', 'left', 'screening_recorded')),
      step text not null,
      occurred_on date not null,
      recorded_by uuid not null references users(id),
      note text,
      created_at timestamptz not null default now(),
      foreign key (recruitment_id, owner_org_id) references recruitments(id, owner_org_id)
    );
    create index recruitment_events_recruitment_idx on recruitment_events(recruitment_id, occurred_on);
    create index recruitment_events_owner_idx on recruitment_events(owner_org_id, kind, occurred_on);

    create table training_courses (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      name text not null check (length(trim(name)) > 0),
      description text,
      -- Required courses must be completed by every adult before the assessment starts.
      required_for_approval boolean not null,
      offered_to_approved_homes boolean not null,
      sessions_required int not null check (sessions_required between 1 and 50),
      created_at timestamptz not null default now(),
      unique (id, owner_org_id)
    );
    create table training_sessions (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      course_id uuid not null,
      held_on date not null,
      location text,
      leader text,
      created_at timestamptz not null default now(),
      foreign key (course_id, owner_org_id) references training_courses(id, owner_org_id),
      unique (id, owner_org_id)
    );
    create index training_sessions_course_idx on training_sessions(course_id, held_on);
    create table training_attendances (
      owner_org_id uuid not null references organisations(id),
      session_id uuid not null,
      household_member_id uuid not null references household_members(id),
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      primary key (session_id, household_member_id),
      foreign key (session_id, owner_org_id) references training_sessions(id, owner_org_id)
    );
    create index training_attendances_member_idx on training_attendances(household_member_id);
    create table training_completions (
      owner_org_id uuid not null references organisations(id),
      course_id uuid not null,
      household_member_id uuid not null references household_members(id),
      completed_on date not null,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      primary key (course_id, household_member_id),
      foreign key (course_id, owner_org_id) references training_courses(id, owner_org_id)
    );
    create index training_completions_member_idx on training_completions(household_member_id);

    -- Utredning of a home: one per recruitment (a re-assessment is a recruitment of its own).
    create table home_assessments (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      recruitment_id uuid not null unique,
      foster_home_id uuid not null,
      assessor_id uuid not null references users(id),
      method text not null check (method in ('kalvesten', 'other')),
      started_on date not null,
      summary text,
      recommendation text check (recommendation in ('approve', 'refuse')),
      sent_for_decision_on date,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      foreign key (recruitment_id, owner_org_id) references recruitments(id, owner_org_id),
      foreign key (foster_home_id, owner_org_id) references foster_homes(id, owner_org_id),
      unique (id, owner_org_id)
    );
    create index home_assessments_home_idx on home_assessments(foster_home_id);

    create table assessment_activities (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      assessment_id uuid not null,
      kind text not null check (kind in ('interview', 'home_visit', 'reference')),
      occurred_on date not null,
      -- Who was interviewed or gave the reference, as written in the assessment.
      participants text not null,
      note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      foreign key (assessment_id, owner_org_id) references home_assessments(id, owner_org_id)
    );
    create index assessment_activities_assessment_idx on assessment_activities(assessment_id, occurred_on);

    -- Each register check is made on one adult, with the consent that adult gave.
    create table register_checks (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      assessment_id uuid not null,
      household_member_id uuid not null references household_members(id),
      register text not null check (register in ('conviction_register', 'suspicion_register', 'social_services_register', 'enforcement_authority', 'social_insurance_agency')),
      consent_given_on date not null,
      checked_on date not null,
      result text not null check (result in ('no_entries', 'entries_found')),
      note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check (checked_on >= consent_given_on),
      foreign key (assessment_id, owner_org_id) references home_assessments(id, owner_org_id)
    );
    create index register_checks_assessment_idx on register_checks(assessment_id);

    create table children_heard (
      owner_org_id uuid not null references organisations(id),
      assessment_id uuid not null,
      household_member_id uuid not null references household_members(id),
      heard_on date not null,
      note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      primary key (assessment_id, household_member_id),
      foreign key (assessment_id, owner_org_id) references home_assessments(id, owner_org_id)
    );

    -- Beslut: by a committee or a delegate of the deciding municipality, with the approval's conditions.
    create table home_decisions (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      foster_home_id uuid not null,
      assessment_id uuid references home_assessments(id),
      outcome text not null check (outcome in ('approved', 'refused')),
      decided_on date not null,
      decided_by_org_id uuid not null references organisations(id),
      decision_maker_kind text not null check (decision_maker_kind in ('committee', 'delegate')),
      decision_maker_name text not null check (length(trim(decision_maker_name)) > 0),
      valid_until date,
      assignment_kind text check (assignment_kind in ('own', 'network', 'emergency', 'consultant_supported', 'treatment')),
      places int check (places between 1 and 20),
      min_child_age int check (min_child_age between 0 and 20),
      max_child_age int check (max_child_age between 0 and 20),
      -- An approval for one named child only (typical of network homes).
      named_child_personal_identity_number text,
      named_child_name text,
      reasoning text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      foreign key (foster_home_id, owner_org_id) references foster_homes(id, owner_org_id),
      check (min_child_age is null or max_child_age is null or min_child_age <= max_child_age),
      check ((outcome = 'approved') = (valid_until is not null and assignment_kind is not null and places is not null)),
      check (valid_until is null or valid_until > decided_on),
      check ((named_child_personal_identity_number is null) = (named_child_name is null))
    );
    create index home_decisions_home_idx on home_decisions(foster_home_id, decided_on desc);

    alter table recruitment_policies enable row level security;
    alter table recruitment_policies force row level security;
    create policy recruitment_policies_read on recruitment_policies for select using (app_may_read_owner(owner_org_id));
    create policy recruitment_policies_write on recruitment_policies for insert with check (owner_org_id = app_org_id());
    grant select, insert on recruitment_policies to samverka_app;

    alter table home_decisions enable row level security;
    alter table home_decisions force row level security;
    create policy home_decisions_read on home_decisions for select using (app_may_read_owner(owner_org_id));
    create policy home_decisions_write on home_decisions for insert with check (owner_org_id = app_org_id());
    grant select, insert on home_decisions to samverka_app;
  `.execute(db);

  // The recruitment, training and assessment of a family are the owning unit's alone.
  // Timeline events and register checks are records of what happened: never changed afterwards.
  const ownerOnly: ReadonlyArray<[string, 'append_only' | 'editable']> = [
    ['recruitments', 'editable'], ['recruitment_events', 'append_only'], ['training_courses', 'editable'],
    ['training_sessions', 'editable'], ['training_attendances', 'editable'], ['training_completions', 'editable'],
    ['home_assessments', 'editable'], ['assessment_activities', 'append_only'], ['register_checks', 'append_only'],
    ['children_heard', 'append_only'],
  ];
  for (const [table, mode] of ownerOnly) {
    await sql`
      alter table ${sql.table(table)} enable row level security;
      alter table ${sql.table(table)} force row level security;
      create policy ${sql.id(`${table}_owner`)} on ${sql.table(table)} for all
        using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
      grant ${sql.raw(mode === 'append_only' ? 'select, insert' : 'select, insert, update, delete')} on ${sql.table(table)} to samverka_app;
    `.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
