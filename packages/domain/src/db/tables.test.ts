import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type Selectable } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import type { Tables } from './tables.js';

type Nullability<Row> = { [Column in keyof Row]-?: null extends Row[Column] ? 'null' : 'not null' };

/**
 * The table types as the compiler sees them: TypeScript forces this literal to list exactly the
 * columns of each interface with their nullability, and the test compares it with the migrated
 * database, so the hand-kept types cannot drift from the migrations.
 */
const declared: { [Table in keyof Tables]: Nullability<Selectable<Tables[Table]>> } = {
  organisations: { id: 'not null', kind: 'not null', name: 'not null', municipality_code: 'null', county: 'null', county_part: 'null', parent_id: 'null', created_at: 'not null' },
  users: { id: 'not null', external_subject: 'not null', email: 'not null', display_name: 'not null', created_at: 'not null' },
  memberships: { id: 'not null', user_id: 'not null', organisation_id: 'not null', role: 'not null', created_at: 'not null' },
  audit_log: { id: 'not null', occurred_at: 'not null', user_id: 'not null', organisation_id: 'not null', action: 'not null', entity_type: 'not null', entity_id: 'not null', person_id: 'null', purpose: 'null', request_id: 'not null', previous_hash: 'not null', hash: 'not null' },
  collaboration_agreements: { id: 'not null', unit_id: 'not null', host_municipality_id: 'not null', name: 'not null', valid_from: 'not null', valid_to: 'null', created_at: 'not null' },
  agreement_members: { agreement_id: 'not null', municipality_id: 'not null', joined_on: 'not null', left_on: 'null' },
  cost_sharing_keys: { id: 'not null', owner_org_id: 'not null', agreement_id: 'not null', year: 'not null', basis: 'not null', created_at: 'not null' },
  cost_shares: { owner_org_id: 'not null', key_id: 'not null', municipality_id: 'not null', basis_points: 'not null', population: 'null' },
  consultancy_agencies: { id: 'not null', owner_org_id: 'not null', name: 'not null', organisation_number: 'null', ivo_permit_number: 'not null', created_at: 'not null' },
  foster_homes: { id: 'not null', owner_org_id: 'not null', kind: 'not null', name: 'not null', street_address: 'null', postal_code: 'null', city: 'null', municipality_id: 'not null', places: 'not null', status: 'not null', approved_by_org_id: 'null', approved_on: 'null', consultancy_agency_id: 'null', languages: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  household_members: { id: 'not null', owner_org_id: 'not null', foster_home_id: 'not null', given_name: 'not null', family_name: 'not null', personal_identity_number: 'not null', role: 'not null', created_at: 'not null' },
  recruitment_policies: { id: 'not null', owner_org_id: 'not null', valid_from: 'not null', required_registers: 'not null', register_check_max_age_days: 'not null', approval_valid_months: 'not null', inquiry_target_days: 'not null', information_meeting_target_days: 'not null', basic_training_target_days: 'not null', assessment_target_days: 'not null', decision_target_days: 'not null', created_at: 'not null' },
  recruitments: { id: 'not null', owner_org_id: 'not null', foster_home_id: 'not null', purpose: 'not null', source: 'not null', source_detail: 'null', proposed_by_agency_id: 'null', received_on: 'not null', step: 'not null', step_entered_on: 'not null', paused_on: 'null', left_on: 'null', leaving_reason: 'null', screening_result: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  recruitment_events: { id: 'not null', owner_org_id: 'not null', recruitment_id: 'not null', kind: 'not null', step: 'not null', occurred_on: 'not null', recorded_by: 'not null', note: 'null', created_at: 'not null' },
  training_courses: { id: 'not null', owner_org_id: 'not null', name: 'not null', description: 'null', required_for_approval: 'not null', offered_to_approved_homes: 'not null', sessions_required: 'not null', created_at: 'not null' },
  training_sessions: { id: 'not null', owner_org_id: 'not null', course_id: 'not null', held_on: 'not null', location: 'null', leader: 'null', created_at: 'not null' },
  training_attendances: { owner_org_id: 'not null', session_id: 'not null', household_member_id: 'not null', recorded_by: 'not null', created_at: 'not null' },
  training_completions: { owner_org_id: 'not null', course_id: 'not null', household_member_id: 'not null', completed_on: 'not null', recorded_by: 'not null', created_at: 'not null' },
  home_assessments: { id: 'not null', owner_org_id: 'not null', recruitment_id: 'not null', foster_home_id: 'not null', assessor_id: 'not null', method: 'not null', started_on: 'not null', summary: 'null', recommendation: 'null', sent_for_decision_on: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  assessment_activities: { id: 'not null', owner_org_id: 'not null', assessment_id: 'not null', kind: 'not null', occurred_on: 'not null', participants: 'not null', note: 'null', recorded_by: 'not null', created_at: 'not null' },
  register_checks: { id: 'not null', owner_org_id: 'not null', assessment_id: 'not null', household_member_id: 'not null', register: 'not null', consent_given_on: 'not null', checked_on: 'not null', result: 'not null', note: 'null', recorded_by: 'not null', created_at: 'not null' },
  children_heard: { owner_org_id: 'not null', assessment_id: 'not null', household_member_id: 'not null', heard_on: 'not null', note: 'null', recorded_by: 'not null', created_at: 'not null' },
  home_decisions: { id: 'not null', owner_org_id: 'not null', foster_home_id: 'not null', assessment_id: 'null', outcome: 'not null', decided_on: 'not null', decided_by_org_id: 'not null', decision_maker_kind: 'not null', decision_maker_name: 'not null', valid_until: 'null', assignment_kind: 'null', places: 'null', min_child_age: 'null', max_child_age: 'null', named_child_personal_identity_number: 'null', named_child_name: 'null', reasoning: 'null', recorded_by: 'not null', created_at: 'not null' },
  children: { id: 'not null', owner_org_id: 'not null', given_name: 'not null', family_name: 'not null', personal_identity_number: 'not null', gender: 'not null', identity_kind: 'not null', birth_date: 'not null', assigned_worker_id: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  placements: { id: 'not null', owner_org_id: 'not null', child_id: 'not null', foster_home_id: 'not null', starts_on: 'not null', planned_end_on: 'null', ended_on: 'null', end_reason: 'null', decision_id: 'null', approval_id: 'null', agreement_signed_on: 'null', care_plan_on: 'null', implementation_plan_on: 'null', treatment_assignment: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  guardians: { id: 'not null', owner_org_id: 'not null', child_id: 'not null', name: 'not null', personal_identity_number: 'null', relation: 'not null', created_at: 'not null' },
  needs_assessments: { id: 'not null', owner_org_id: 'not null', child_id: 'not null', worker_id: 'not null', started_on: 'not null', completed_on: 'null', outcome: 'null', summary: 'null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  placement_decisions: { id: 'not null', owner_org_id: 'not null', child_id: 'not null', needs_assessment_id: 'null', legal_basis: 'not null', kind: 'not null', intervention: 'not null', decided_on: 'not null', decision_maker_kind: 'not null', decision_maker_name: 'not null', favourable: 'not null', child_impact_assessment: 'null', interrupted_on: 'null', cancelled_on: 'null', cancellation_reason: 'null', recorded_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  follow_up_policies: { id: 'not null', owner_org_id: 'not null', valid_from: 'not null', visit_interval_months: 'not null', review_interval_months: 'not null', reexamination_interval_months: 'not null', custody_transfer_after_months: 'not null', custody_transfer_interval_months: 'not null', care_plan_revision_months: 'not null', visit_reference: 'not null', review_reference: 'not null', reexamination_reference: 'not null', custody_transfer_reference: 'not null', care_plan_revision_reference: 'not null', created_at: 'not null' },
  follow_ups: { id: 'not null', owner_org_id: 'not null', placement_id: 'not null', kind: 'not null', due_on: 'not null', done_on: 'not null', talked_alone: 'null', note: 'null', recorded_by: 'not null', created_at: 'not null' },
  fee_rates: { id: 'not null', owner_org_id: 'not null', home_kind: 'not null', age_from: 'not null', age_to: 'not null', valid_from: 'not null', valid_to: 'null', fee_per_day: 'not null', expenses_per_day: 'not null', created_by: 'null', created_at: 'not null' },
  rate_indices: { owner_org_id: 'not null', year: 'not null', basis_points: 'not null', created_by: 'null', created_at: 'not null' },
  consultant_prices: { id: 'not null', owner_org_id: 'not null', agency_id: 'not null', contract_reference: 'not null', valid_from: 'not null', valid_to: 'null', price_per_day: 'not null', created_by: 'null', created_at: 'not null' },
  treatment_supplements: { id: 'not null', owner_org_id: 'not null', valid_from: 'not null', valid_to: 'null', per_day: 'not null', created_by: 'null', created_at: 'not null' },
  placement_extra_costs: { id: 'not null', owner_org_id: 'not null', placement_id: 'not null', incurred_on: 'not null', amount: 'not null', description: 'not null', created_by: 'null', created_at: 'not null' },
  cost_budgets: { owner_org_id: 'not null', year: 'not null', category: 'not null', amount: 'not null', version: 'not null', updated_by: 'null', updated_at: 'not null' },
  unit_running_costs: { owner_org_id: 'not null', year: 'not null', amount: 'not null', version: 'not null', updated_by: 'null', updated_at: 'not null' },
  local_forums: { id: 'not null', owner_org_id: 'not null', name: 'not null', convener_org_id: 'not null', meeting_schedule: 'not null', created_at: 'not null' },
  local_forum_members: { id: 'not null', forum_id: 'not null', organisation_id: 'null', name: 'not null', joined_on: 'not null', left_on: 'null' },
  local_forum_meetings: { id: 'not null', forum_id: 'not null', owner_org_id: 'not null', held_on: 'not null', topics: 'not null', minutes: 'not null', recorded_by: 'not null', created_at: 'not null' },
  local_forum_actions: { id: 'not null', forum_meeting_id: 'not null', owner_org_id: 'not null', action: 'not null', responsible: 'not null', due_on: 'null', done_on: 'null' },
  norrbus_persons: { id: 'not null', owner_org_id: 'not null', given_name: 'not null', family_name: 'not null', personal_identity_number: 'null', birth_date: 'not null', gender: 'not null', municipality_id: 'not null', placed_outside_home: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  norrbus_guardians: { id: 'not null', owner_org_id: 'not null', person_id: 'not null', name: 'not null', created_at: 'not null' },
  norrbus_consents: { id: 'not null', owner_org_id: 'not null', person_id: 'not null', given_by: 'not null', guardian_id: 'null', given_on: 'not null', limitation: 'null', withdrawn_on: 'null', withdrawal_note: 'null', recorded_by: 'not null', created_at: 'not null' },
  norrbus_consent_organisations: { consent_id: 'not null', organisation_id: 'not null', information: 'not null' },
  norrbus_meetings: { id: 'not null', owner_org_id: 'not null', person_id: 'not null', follow_up_of_id: 'null', initiated_on: 'not null', initiative_reason: 'not null', purpose: 'null', scheduled_at: 'null', location: 'null', two_party_reason: 'null', status: 'not null', held_on: 'null', notes: 'null', coordinator_org_id: 'null', follow_up_convener_org_id: 'null', created_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  norrbus_invitations: { meeting_id: 'not null', organisation_id: 'not null', owner_org_id: 'not null', invited_on: 'not null' },
  norrbus_participants: { id: 'not null', meeting_id: 'not null', owner_org_id: 'not null', organisation_id: 'null', name: 'not null', role: 'not null', mandate: 'null' },
  norrbus_commitments: { id: 'not null', meeting_id: 'not null', owner_org_id: 'not null', responsible_org_id: 'not null', intervention: 'not null', extent: 'not null', performer: 'not null', follow_up_method: 'not null', follow_up_on: 'not null', outcome: 'null', outcome_on: 'null', outcome_meeting_id: 'null', outcome_note: 'null', version: 'not null', created_at: 'not null' },
  deviations: { id: 'not null', owner_org_id: 'not null', county: 'not null', county_part: 'null', municipality_id: 'not null', meeting_id: 'null', category: 'not null', occurred_on: 'not null', reported_on: 'not null', description: 'not null', cleared_summary: 'null', cleared_by: 'null', cleared_on: 'null', level: 'not null', status: 'not null', closed_on: 'null', gender: 'null', reported_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  deviation_parties: { deviation_id: 'not null', organisation_id: 'not null', analysis: 'null', analysed_on: 'null', analysed_by: 'null' },
  deviation_events: { id: 'not null', deviation_id: 'not null', occurred_on: 'not null', kind: 'not null', level: 'not null', organisation_id: 'not null', user_id: 'not null', decision: 'null', created_at: 'not null' },
  disputes: { id: 'not null', owner_org_id: 'not null', county: 'not null', county_part: 'null', municipality_id: 'not null', subject: 'not null', intervention: 'not null', question: 'not null', raised_on: 'not null', level: 'not null', status: 'not null', outcome: 'null', resolved_on: 'null', raised_by: 'not null', version: 'not null', created_at: 'not null', updated_at: 'not null' },
  dispute_parties: { dispute_id: 'not null', organisation_id: 'not null', position: 'null', stated_on: 'null' },
  dispute_events: { id: 'not null', dispute_id: 'not null', occurred_on: 'not null', kind: 'not null', level: 'not null', organisation_id: 'not null', user_id: 'not null', note: 'null', created_at: 'not null' },
};

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db.dispose();
});

describe('the table types', () => {
  it('name every table and column of the migrated database with the same nullability', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      select table_name, column_name, is_nullable from information_schema.columns
      where table_schema = 'public' and table_name not like 'kysely_%'
      order by table_name, column_name`.execute(db.kysely);
    const actual: Record<string, Record<string, string>> = {};
    for (const row of rows) (actual[row.table_name] ??= {})[row.column_name] = row.is_nullable === 'YES' ? 'null' : 'not null';
    const sortedDeclared = Object.fromEntries(
      Object.entries(declared).map(([table, columns]) => [table, Object.fromEntries(Object.entries(columns).sort(([a], [b]) => a.localeCompare(b)))]),
    );
    assert.deepEqual(actual, sortedDeclared);
  });

  it('keep dates as ISO strings and money-sized integers as numbers on this engine', async () => {
    const row = await db.kysely.selectFrom('collaboration_agreements').select(['valid_from', sql<number>`count(*) over ()`.as('n')]).executeTakeFirstOrThrow();
    assert.equal(typeof row.valid_from, 'string');
    assert.match(row.valid_from, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(typeof row.n, 'number');
  });
});
