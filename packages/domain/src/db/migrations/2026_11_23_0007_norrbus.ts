import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code and are never edited once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Norrbus parties beyond the public services: private schools and care providers, and others a
    -- local forum invites (police, landlords, NGOs).
    alter table organisations drop constraint organisations_kind_check;
    alter table organisations add constraint organisations_kind_check check (kind in ('municipality', 'region',
      'foster_care_unit', 'school_unit', 'social_services_unit', 'primary_care_unit', 'specialist_care_unit',
      'steering_group', 'private_school', 'private_care_provider', 'police', 'other'));

    -- Forum barn och unga: the local standing forum. It discusses the local situation, never a child.
    create table local_forums (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      name text not null check (length(trim(name)) > 0),
      convener_org_id uuid not null references organisations(id),
      meeting_schedule text not null check (length(trim(meeting_schedule)) > 0),
      created_at timestamptz not null default now()
    );
    create table local_forum_members (
      id uuid primary key default gen_random_uuid(),
      forum_id uuid not null references local_forums(id),
      organisation_id uuid references organisations(id),
      -- Members outside the platform (the police, a landlord) are named instead.
      name text not null check (length(trim(name)) > 0),
      joined_on date not null,
      left_on date,
      unique (forum_id, organisation_id)
    );
    create table local_forum_meetings (
      id uuid primary key default gen_random_uuid(),
      forum_id uuid not null references local_forums(id),
      owner_org_id uuid not null references organisations(id),
      held_on date not null,
      topics text[] not null default '{}',
      minutes text not null,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now()
    );
    create index local_forum_meetings_forum_idx on local_forum_meetings(forum_id, held_on);
    create table local_forum_actions (
      id uuid primary key default gen_random_uuid(),
      forum_meeting_id uuid not null references local_forum_meetings(id),
      owner_org_id uuid not null references organisations(id),
      action text not null check (length(trim(action)) > 0),
      responsible text not null check (length(trim(responsible)) > 0),
      due_on date,
      done_on date
    );

    -- The young person a Norrbus meeting is about, registered by the organisation that takes the
    -- initiative. Other organisations see them only under a consent that names them.
    create table norrbus_persons (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      given_name text not null check (length(trim(given_name)) > 0),
      family_name text not null check (length(trim(family_name)) > 0),
      personal_identity_number text,
      birth_date date not null,
      gender text not null check (gender in ('girl', 'boy', 'other')),
      -- The municipality the young person lives in: indicators are counted there.
      municipality_id uuid not null references organisations(id),
      placed_outside_home boolean not null default false,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index norrbus_persons_owner_idx on norrbus_persons(owner_org_id);
    create table norrbus_guardians (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      person_id uuid not null references norrbus_persons(id),
      name text not null check (length(trim(name)) > 0),
      created_at timestamptz not null default now()
    );
    create index norrbus_guardians_person_idx on norrbus_guardians(person_id);

    -- Samtycke: one signatory (the young person or a guardian), naming the organisations that may
    -- share and what; withdrawn from a day, after which nothing more is shared.
    create table norrbus_consents (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      person_id uuid not null references norrbus_persons(id),
      given_by text not null check (given_by in ('young_person', 'guardian')),
      guardian_id uuid references norrbus_guardians(id),
      given_on date not null,
      limitation text,
      withdrawn_on date,
      withdrawal_note text,
      recorded_by uuid not null references users(id),
      created_at timestamptz not null default now(),
      check ((given_by = 'guardian') = (guardian_id is not null)),
      check (withdrawn_on is null or withdrawn_on >= given_on)
    );
    create index norrbus_consents_person_idx on norrbus_consents(person_id);
    create table norrbus_consent_organisations (
      consent_id uuid not null references norrbus_consents(id),
      organisation_id uuid not null references organisations(id),
      information text not null check (length(trim(information)) > 0),
      primary key (consent_id, organisation_id)
    );

    create table norrbus_meetings (
      id uuid primary key default gen_random_uuid(),
      -- The convening organisation.
      owner_org_id uuid not null references organisations(id),
      person_id uuid not null references norrbus_persons(id),
      follow_up_of_id uuid references norrbus_meetings(id),
      initiated_on date not null,
      initiative_reason text not null check (length(trim(initiative_reason)) > 0),
      purpose text,
      scheduled_at timestamptz,
      location text,
      two_party_reason text,
      status text not null default 'planned' check (status in ('planned', 'invited', 'held', 'cancelled')),
      held_on date,
      notes text,
      -- Social services coordinates when the young person is placed outside the home.
      coordinator_org_id uuid references organisations(id),
      -- Who calls the follow-up meeting (the convener unless the meeting names another).
      follow_up_convener_org_id uuid references organisations(id),
      created_by uuid not null references users(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'held') = (held_on is not null))
    );
    create index norrbus_meetings_person_idx on norrbus_meetings(person_id);
    create index norrbus_meetings_owner_idx on norrbus_meetings(owner_org_id, initiated_on);
    create table norrbus_invitations (
      meeting_id uuid not null references norrbus_meetings(id),
      organisation_id uuid not null references organisations(id),
      owner_org_id uuid not null references organisations(id),
      invited_on date not null,
      primary key (meeting_id, organisation_id)
    );
    create index norrbus_invitations_org_idx on norrbus_invitations(organisation_id);
    create table norrbus_participants (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references norrbus_meetings(id),
      owner_org_id uuid not null references organisations(id),
      organisation_id uuid references organisations(id),
      -- The young person and guardians take part too (organisation null).
      name text not null check (length(trim(name)) > 0),
      role text not null check (length(trim(role)) > 0),
      mandate text
    );
    create index norrbus_participants_meeting_idx on norrbus_participants(meeting_id);
    create table norrbus_commitments (
      id uuid primary key default gen_random_uuid(),
      meeting_id uuid not null references norrbus_meetings(id),
      owner_org_id uuid not null references organisations(id),
      responsible_org_id uuid not null references organisations(id),
      intervention text not null check (length(trim(intervention)) > 0),
      extent text not null check (length(trim(extent)) > 0),
      performer text not null check (length(trim(performer)) > 0),
      follow_up_method text not null check (length(trim(follow_up_method)) > 0),
      follow_up_on date not null,
      outcome text check (outcome in ('done', 'partly_done', 'not_done')),
      outcome_on date,
      outcome_meeting_id uuid references norrbus_meetings(id),
      outcome_note text,
      version int not null default 1,
      created_at timestamptz not null default now(),
      check ((outcome is null) = (outcome_on is null))
    );
    create index norrbus_commitments_meeting_idx on norrbus_commitments(meeting_id);
    create index norrbus_commitments_responsible_idx on norrbus_commitments(responsible_org_id, follow_up_on);

    -- True when a consent in force on the day from the young person names the organisation and,
    -- under 18, so does one from every registered guardian (and there is at least one). A
    -- signatory's withdrawal ends their consent from that day; a new consent given later counts.
    -- Definer rights: the organisation asking cannot read the consents themselves.
    create function norrbus_has_consent(person uuid, org uuid, on_day date) returns boolean
      language sql stable security definer set search_path = public as $$
        with covering as (
          select c.given_by, c.guardian_id from norrbus_consents c
          join norrbus_consent_organisations co on co.consent_id = c.id and co.organisation_id = org
          where c.person_id = person and c.given_on <= on_day and (c.withdrawn_on is null or c.withdrawn_on > on_day)
        )
        select exists (select 1 from covering where given_by = 'young_person')
          and (
            (select p.birth_date + interval '18 years' <= on_day from norrbus_persons p where p.id = person)
            or (
              exists (select 1 from norrbus_guardians g where g.person_id = person)
              and not exists (
                select 1 from norrbus_guardians g where g.person_id = person
                  and not exists (select 1 from covering cv where cv.guardian_id = g.id)
              )
            )
          )
      $$;
    revoke all on function norrbus_has_consent(uuid, uuid, date) from public;
    grant execute on function norrbus_has_consent(uuid, uuid, date) to samverka_app;

    -- Avvikelse: reported by any party; analysed by each party concerned; decided on by the local
    -- forum and the county part; escalated local → county part → county. The description stays
    -- local; above it only the cleared (de-identified) summary is shown.
    create table deviations (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      county text not null,
      county_part text,
      municipality_id uuid not null references organisations(id),
      meeting_id uuid references norrbus_meetings(id),
      category text not null check (category in ('did_not_attend', 'commitment_not_done',
        'invitation_without_purpose', 'follow_up_not_called', 'shared_without_consent', 'other')),
      occurred_on date not null,
      reported_on date not null,
      description text not null check (length(trim(description)) > 0),
      cleared_summary text,
      cleared_by uuid references users(id),
      cleared_on date,
      level text not null default 'local' check (level in ('local', 'county_part', 'county')),
      status text not null default 'reported' check (status in ('reported', 'analysed', 'action_decided', 'closed')),
      closed_on date,
      -- The young person's gender, kept for the yearly indicators (no other trace of the person).
      gender text check (gender in ('girl', 'boy', 'other')),
      reported_by uuid not null references users(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'closed') = (closed_on is not null)),
      check ((cleared_summary is null) = (cleared_on is null))
    );
    create index deviations_municipality_idx on deviations(municipality_id, reported_on);
    create index deviations_county_idx on deviations(county, reported_on);
    create table deviation_parties (
      deviation_id uuid not null references deviations(id),
      organisation_id uuid not null references organisations(id),
      analysis text,
      analysed_on date,
      analysed_by uuid references users(id),
      primary key (deviation_id, organisation_id),
      check ((analysis is null) = (analysed_on is null))
    );
    create index deviation_parties_org_idx on deviation_parties(organisation_id);
    -- The history: reported, analysed, cleared, escalated, decided, closed; with the level at the time.
    create table deviation_events (
      id uuid primary key default gen_random_uuid(),
      deviation_id uuid not null references deviations(id),
      occurred_on date not null,
      kind text not null check (kind in ('reported', 'analysed', 'cleared', 'escalated', 'decided', 'closed')),
      level text not null check (level in ('local', 'county_part', 'county')),
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      -- Decisions are written for the level that takes them, and shown at that level and above.
      decision text,
      created_at timestamptz not null default now()
    );
    create index deviation_events_deviation_idx on deviation_events(deviation_id, occurred_on);

    -- Oenighet about responsibility or cost for an intervention: each party's position, escalation
    -- through each authority's management to the county, and the outcome. No person is named.
    create table disputes (
      id uuid primary key default gen_random_uuid(),
      owner_org_id uuid not null references organisations(id),
      county text not null,
      county_part text,
      municipality_id uuid not null references organisations(id),
      subject text not null check (subject in ('responsibility', 'cost')),
      intervention text not null check (length(trim(intervention)) > 0),
      question text not null check (length(trim(question)) > 0),
      raised_on date not null,
      level text not null default 'management' check (level in ('management', 'county')),
      status text not null default 'open' check (status in ('open', 'resolved')),
      outcome text,
      resolved_on date,
      raised_by uuid not null references users(id),
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((status = 'resolved') = (resolved_on is not null and outcome is not null))
    );
    create index disputes_county_idx on disputes(county, raised_on);
    create table dispute_parties (
      dispute_id uuid not null references disputes(id),
      organisation_id uuid not null references organisations(id),
      position text,
      stated_on date,
      primary key (dispute_id, organisation_id),
      check ((position is null) = (stated_on is null))
    );
    create index dispute_parties_org_idx on dispute_parties(organisation_id);
    create table dispute_events (
      id uuid primary key default gen_random_uuid(),
      dispute_id uuid not null references disputes(id),
      occurred_on date not null,
      kind text not null check (kind in ('raised', 'position', 'escalated', 'resolved')),
      level text not null check (level in ('management', 'county')),
      organisation_id uuid not null references organisations(id),
      user_id uuid not null references users(id),
      note text,
      created_at timestamptz not null default now()
    );
    create index dispute_events_dispute_idx on dispute_events(dispute_id, occurred_on);

    -- Today in Sweden: a consent dated today is in force from Swedish midnight, whatever the
    -- server's time zone (the domain's todayInSweden is the same day).
    create function app_today() returns date language sql stable as $$ select (now() at time zone 'Europe/Stockholm')::date $$;

    -- Membership tests for policies whose tables refer to each other (a policy reading a table whose
    -- policy reads back would recurse): definer rights, answering only yes or no.
    create function norrbus_is_invited(meeting uuid, org uuid) returns boolean language sql stable security definer set search_path = public as
      $$ select exists (select 1 from norrbus_invitations i where i.meeting_id = meeting and i.organisation_id = org) $$;
    create function deviation_is_party(deviation uuid, org uuid) returns boolean language sql stable security definer set search_path = public as
      $$ select exists (select 1 from deviation_parties dp where dp.deviation_id = deviation and dp.organisation_id = org) $$;
    create function dispute_is_party(dispute uuid, org uuid) returns boolean language sql stable security definer set search_path = public as
      $$ select exists (select 1 from dispute_parties dp where dp.dispute_id = dispute and dp.organisation_id = org) $$;
    revoke all on function norrbus_is_invited(uuid, uuid), deviation_is_party(uuid, uuid), dispute_is_party(uuid, uuid) from public;
    grant execute on function norrbus_is_invited(uuid, uuid), deviation_is_party(uuid, uuid), dispute_is_party(uuid, uuid) to samverka_app;

    -- Row-level security. Forums hold no personal data: every user may read them; the forum's
    -- municipality and its convener write.
    alter table local_forums enable row level security;
    alter table local_forums force row level security;
    create policy local_forums_read on local_forums for select using (app_user_id() is not null);
    create policy local_forums_write on local_forums for insert with check (owner_org_id = app_org_id());
    alter table local_forum_members enable row level security;
    alter table local_forum_members force row level security;
    create policy local_forum_members_read on local_forum_members for select using (app_user_id() is not null);
    create policy local_forum_members_write on local_forum_members for all
      using (exists (select 1 from local_forums f where f.id = forum_id and app_org_id() in (f.owner_org_id, f.convener_org_id)))
      with check (exists (select 1 from local_forums f where f.id = forum_id and app_org_id() in (f.owner_org_id, f.convener_org_id)));
    alter table local_forum_meetings enable row level security;
    alter table local_forum_meetings force row level security;
    create policy local_forum_meetings_read on local_forum_meetings for select using (app_user_id() is not null);
    create policy local_forum_meetings_write on local_forum_meetings for insert with check (
      owner_org_id = app_org_id()
      and exists (select 1 from local_forums f where f.id = forum_id and app_org_id() in (f.owner_org_id, f.convener_org_id)));
    alter table local_forum_actions enable row level security;
    alter table local_forum_actions force row level security;
    create policy local_forum_actions_read on local_forum_actions for select using (app_user_id() is not null);
    create policy local_forum_actions_write on local_forum_actions for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());

    -- The person and everything about their meetings: the convening organisation, and another only
    -- while a consent in force names it.
    alter table norrbus_persons enable row level security;
    alter table norrbus_persons force row level security;
    create policy norrbus_persons_read on norrbus_persons for select using (
      owner_org_id = app_org_id() or norrbus_has_consent(id, app_org_id(), app_today()));
    create policy norrbus_persons_write on norrbus_persons for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table norrbus_guardians enable row level security;
    alter table norrbus_guardians force row level security;
    create policy norrbus_guardians_owner on norrbus_guardians for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table norrbus_consents enable row level security;
    alter table norrbus_consents force row level security;
    create policy norrbus_consents_owner on norrbus_consents for all using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table norrbus_consent_organisations enable row level security;
    alter table norrbus_consent_organisations force row level security;
    create policy norrbus_consent_organisations_owner on norrbus_consent_organisations for all
      using (exists (select 1 from norrbus_consents c where c.id = consent_id))
      with check (exists (select 1 from norrbus_consents c where c.id = consent_id));
    alter table norrbus_meetings enable row level security;
    alter table norrbus_meetings force row level security;
    create policy norrbus_meetings_read on norrbus_meetings for select using (
      owner_org_id = app_org_id()
      or (norrbus_has_consent(person_id, app_org_id(), app_today()) and (
        follow_up_convener_org_id = app_org_id()
        or norrbus_is_invited(id, app_org_id()))));
    create policy norrbus_meetings_insert on norrbus_meetings for insert with check (owner_org_id = app_org_id());
    create policy norrbus_meetings_update on norrbus_meetings for update using (owner_org_id = app_org_id()) with check (owner_org_id = app_org_id());
    alter table norrbus_invitations enable row level security;
    alter table norrbus_invitations force row level security;
    create policy norrbus_invitations_read on norrbus_invitations for select using (
      owner_org_id = app_org_id() or exists (select 1 from norrbus_meetings m where m.id = meeting_id));
    create policy norrbus_invitations_write on norrbus_invitations for insert with check (owner_org_id = app_org_id());
    alter table norrbus_participants enable row level security;
    alter table norrbus_participants force row level security;
    create policy norrbus_participants_read on norrbus_participants for select using (
      owner_org_id = app_org_id() or exists (select 1 from norrbus_meetings m where m.id = meeting_id));
    create policy norrbus_participants_write on norrbus_participants for insert with check (owner_org_id = app_org_id());
    alter table norrbus_commitments enable row level security;
    alter table norrbus_commitments force row level security;
    create policy norrbus_commitments_read on norrbus_commitments for select using (
      owner_org_id = app_org_id() or exists (select 1 from norrbus_meetings m where m.id = meeting_id));
    create policy norrbus_commitments_insert on norrbus_commitments for insert with check (owner_org_id = app_org_id());
    -- The outcome is recorded by whoever convenes the follow-up meeting.
    create policy norrbus_commitments_update on norrbus_commitments for update using (
      exists (select 1 from norrbus_meetings m where m.id = meeting_id and app_org_id() in (m.owner_org_id, m.follow_up_convener_org_id)));

    -- Deviations: the reporter, the parties concerned, and the municipality's forum. The steering
    -- group reads them only through steering_group_deviations(), de-identified.
    alter table deviations enable row level security;
    alter table deviations force row level security;
    create policy deviations_read on deviations for select using (
      owner_org_id = app_org_id() or municipality_id = app_org_id() or deviation_is_party(id, app_org_id()));
    create policy deviations_insert on deviations for insert with check (owner_org_id = app_org_id());
    create policy deviations_update on deviations for update using (owner_org_id = app_org_id() or municipality_id = app_org_id());
    alter table deviation_parties enable row level security;
    alter table deviation_parties force row level security;
    create policy deviation_parties_read on deviation_parties for select using (
      organisation_id = app_org_id() or exists (select 1 from deviations d where d.id = deviation_id and (d.owner_org_id = app_org_id() or d.municipality_id = app_org_id())));
    create policy deviation_parties_insert on deviation_parties for insert with check (
      exists (select 1 from deviations d where d.id = deviation_id and d.owner_org_id = app_org_id()));
    create policy deviation_parties_update on deviation_parties for update using (organisation_id = app_org_id()) with check (organisation_id = app_org_id());
    alter table deviation_events enable row level security;
    alter table deviation_events force row level security;
    create policy deviation_events_read on deviation_events for select using (exists (select 1 from deviations d where d.id = deviation_id));
    create policy deviation_events_insert on deviation_events for insert with check (organisation_id = app_org_id() and exists (select 1 from deviations d where d.id = deviation_id));

    alter table disputes enable row level security;
    alter table disputes force row level security;
    create policy disputes_read on disputes for select using (
      owner_org_id = app_org_id() or dispute_is_party(id, app_org_id()));
    create policy disputes_insert on disputes for insert with check (owner_org_id = app_org_id());
    create policy disputes_update on disputes for update using (owner_org_id = app_org_id() or dispute_is_party(id, app_org_id()));
    alter table dispute_parties enable row level security;
    alter table dispute_parties force row level security;
    create policy dispute_parties_read on dispute_parties for select using (exists (select 1 from disputes d where d.id = dispute_id));
    create policy dispute_parties_insert on dispute_parties for insert with check (exists (select 1 from disputes d where d.id = dispute_id and d.owner_org_id = app_org_id()));
    create policy dispute_parties_update on dispute_parties for update using (organisation_id = app_org_id()) with check (organisation_id = app_org_id());
    alter table dispute_events enable row level security;
    alter table dispute_events force row level security;
    create policy dispute_events_read on dispute_events for select using (exists (select 1 from disputes d where d.id = dispute_id));
    create policy dispute_events_insert on dispute_events for insert with check (organisation_id = app_org_id() and exists (select 1 from disputes d where d.id = dispute_id));

    grant select, insert on local_forums, local_forum_meetings, norrbus_invitations, norrbus_participants,
      norrbus_consent_organisations, deviation_events, dispute_events to samverka_app;
    grant select, insert, update on local_forum_members, local_forum_actions, norrbus_persons, norrbus_guardians,
      norrbus_consents, norrbus_meetings, norrbus_commitments, deviations, deviation_parties, disputes,
      dispute_parties to samverka_app;

    -- The steering group (Samverkansstruktur målgrupp barn och unga) sees its county's figures and
    -- escalated deviations and disputes only through these functions: no person, no id of a person,
    -- no free text that was not cleared. Each returns nothing unless the actor is a steering group
    -- member acting for a steering group of that county. The domain aggregates the facts and
    -- suppresses small counts before anything leaves the server.
    create function norrbus_steering_county() returns text language sql stable security definer set search_path = public as $$
      select o.county from organisations o
      where o.id = app_org_id() and o.kind = 'steering_group' and app_has_role('steering_group_member')
    $$;
    create function norrbus_meeting_facts(from_day date, to_day date)
      returns table (municipality_id uuid, county_part text, gender text, initiated_on date, held_on date, follow_up boolean)
      language sql stable security definer set search_path = public as $$
        select p.municipality_id, o.county_part, p.gender, m.initiated_on, m.held_on, m.follow_up_of_id is not null
        from norrbus_meetings m join norrbus_persons p on p.id = m.person_id join organisations o on o.id = p.municipality_id
        where o.county = norrbus_steering_county() and m.status = 'held' and m.held_on between from_day and to_day
      $$;
    create function norrbus_commitment_facts(from_day date, to_day date)
      returns table (municipality_id uuid, county_part text, gender text, follow_up_on date, outcome text, outcome_on date)
      language sql stable security definer set search_path = public as $$
        select p.municipality_id, o.county_part, p.gender, c.follow_up_on, c.outcome, c.outcome_on
        from norrbus_commitments c join norrbus_meetings m on m.id = c.meeting_id
        join norrbus_persons p on p.id = m.person_id join organisations o on o.id = p.municipality_id
        where o.county = norrbus_steering_county() and c.follow_up_on between from_day and to_day
      $$;
    create function norrbus_deviation_facts(from_day date, to_day date)
      returns table (municipality_id uuid, county_part text, gender text, category text, level text, reported_on date, closed_on date)
      language sql stable security definer set search_path = public as $$
        select d.municipality_id, d.county_part, d.gender, d.category, d.level, d.reported_on, d.closed_on
        from deviations d where d.county = norrbus_steering_county() and d.reported_on between from_day and to_day
      $$;
    create function norrbus_dispute_facts(from_day date, to_day date)
      returns table (municipality_id uuid, county_part text, subject text, level text, raised_on date, resolved_on date)
      language sql stable security definer set search_path = public as $$
        select d.municipality_id, d.county_part, d.subject, d.level, d.raised_on, d.resolved_on
        from disputes d where d.county = norrbus_steering_county() and d.raised_on between from_day and to_day
      $$;
    -- Deviations escalated above the local level: category, level, status, place, dates, the cleared
    -- summary (null until cleared) and the decisions taken above the local level.
    create function steering_group_deviations()
      returns table (id uuid, municipality_id uuid, county_part text, category text, level text, status text,
        occurred_on date, reported_on date, closed_on date, cleared_summary text, decisions jsonb)
      language sql stable security definer set search_path = public as $$
        select d.id, d.municipality_id, d.county_part, d.category, d.level, d.status, d.occurred_on, d.reported_on,
          d.closed_on, d.cleared_summary,
          coalesce((select jsonb_agg(jsonb_build_object('level', e.level, 'decidedOn', e.occurred_on, 'decision', e.decision) order by e.occurred_on)
            from deviation_events e where e.deviation_id = d.id and e.kind = 'decided' and e.level <> 'local'), '[]'::jsonb)
        from deviations d where d.county = norrbus_steering_county() and d.level <> 'local'
      $$;
    -- Disputes escalated to the county, which the steering group decides.
    create function steering_group_disputes()
      returns table (id uuid, municipality_id uuid, county_part text, subject text, intervention text, question text,
        level text, status text, raised_on date, resolved_on date, outcome text, positions jsonb)
      language sql stable security definer set search_path = public as $$
        select d.id, d.municipality_id, d.county_part, d.subject, d.intervention, d.question, d.level, d.status,
          d.raised_on, d.resolved_on, d.outcome,
          coalesce((select jsonb_agg(jsonb_build_object('organisationId', dp.organisation_id, 'position', dp.position, 'statedOn', dp.stated_on) order by dp.stated_on)
            from dispute_parties dp where dp.dispute_id = d.id), '[]'::jsonb)
        from disputes d where d.county = norrbus_steering_county() and d.level = 'county'
      $$;
    revoke all on function norrbus_steering_county(), norrbus_meeting_facts(date, date), norrbus_commitment_facts(date, date),
      norrbus_deviation_facts(date, date), norrbus_dispute_facts(date, date), steering_group_deviations(), steering_group_disputes() from public;
    grant execute on function norrbus_steering_county(), norrbus_meeting_facts(date, date), norrbus_commitment_facts(date, date),
      norrbus_deviation_facts(date, date), norrbus_dispute_facts(date, date), steering_group_deviations(), steering_group_disputes() to samverka_app;
    -- The steering group's two writes: its decision on actions for a deviation escalated to the
    -- county, and its outcome of a dispute escalated to the county. Definer rights like the reads
    -- above, limited the same way: only a steering group member acting for a steering group of the
    -- record's county, only at county level, only while open; dated between the record's start and today.
    create function steering_group_decide_deviation(deviation uuid, on_day date, decision_text text) returns void
      language plpgsql volatile security definer set search_path = public as $$
      begin
        if decision_text is null or length(trim(decision_text)) = 0 then
          raise exception 'a decision is required' using errcode = 'check_violation';
        end if;
        update deviations d set status = 'action_decided', version = d.version + 1, updated_at = now()
          where d.id = deviation and d.county = norrbus_steering_county() and d.level = 'county'
            and d.status in ('analysed', 'action_decided') and on_day between d.reported_on and app_today();
        if not found then
          raise exception 'deviation % is not open to a steering group decision', deviation using errcode = 'insufficient_privilege';
        end if;
        insert into deviation_events (deviation_id, occurred_on, kind, level, organisation_id, user_id, decision)
          values (deviation, on_day, 'decided', 'county', app_org_id(), app_user_id(), decision_text);
      end $$;
    create function steering_group_resolve_dispute(dispute uuid, on_day date, outcome_text text) returns void
      language plpgsql volatile security definer set search_path = public as $$
      begin
        if outcome_text is null or length(trim(outcome_text)) = 0 then
          raise exception 'an outcome is required' using errcode = 'check_violation';
        end if;
        update disputes d set status = 'resolved', outcome = outcome_text, resolved_on = on_day, version = d.version + 1, updated_at = now()
          where d.id = dispute and d.county = norrbus_steering_county() and d.level = 'county' and d.status = 'open'
            and on_day between d.raised_on and app_today();
        if not found then
          raise exception 'dispute % is not open to a steering group outcome', dispute using errcode = 'insufficient_privilege';
        end if;
        insert into dispute_events (dispute_id, occurred_on, kind, level, organisation_id, user_id, note)
          values (dispute, on_day, 'resolved', 'county', app_org_id(), app_user_id(), outcome_text);
      end $$;
    -- Whether a text names the young person of the deviation's meeting, for whoever clears it, even
    -- without a consent to read the person: yes or no, never the name.
    create function deviation_text_names_person(deviation uuid, body text) returns boolean
      language sql stable security definer set search_path = public as $$
        -- Whole words: the text split at spaces and punctuation holds every part of a name.
        with words as (select regexp_split_to_array(lower(body), '[[:space:][:punct:]]+') as tokens)
        select exists (
          select 1 from deviations d
          join norrbus_meetings m on m.id = d.meeting_id
          join norrbus_persons p on p.id = m.person_id
          cross join lateral unnest(array[p.given_name, p.family_name]) as n(name)
          cross join words w
          where d.id = deviation and app_org_id() in (d.owner_org_id, d.municipality_id) and length(trim(n.name)) >= 2
            and not exists (
              select 1 from regexp_split_to_table(lower(trim(n.name)), '[[:space:][:punct:]]+') as part(word)
              where part.word <> '' and not (part.word = any(w.tokens))))
      $$;
    revoke all on function steering_group_decide_deviation(uuid, date, text), steering_group_resolve_dispute(uuid, date, text),
      deviation_text_names_person(uuid, text) from public;
    grant execute on function steering_group_decide_deviation(uuid, date, text), steering_group_resolve_dispute(uuid, date, text),
      deviation_text_names_person(uuid, text) to samverka_app;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Migrations are forward-only');
}
