import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../access/actor.js';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors.js';
import { addDays, addMonths } from '../shared/dates.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { listApprovalsDueForRenewal, loadCurrentApprovals, loadDecisionsByHome, type ApprovalConditions } from './approvals.js';
import { sendAssessmentForDecision } from './assessments.js';
import { assertDecisionAllowed, homeChangesAfterDecision, recordHomeDecision, type DecisionFacts, type RecordHomeDecisionInput } from './decisions.js';
import { loadHomeAssessments, type HomeAssessment } from './home-assessment.js';
import { startReassessment } from './reassessments.js';
import { loadRegisterChecksByAssessment } from './register-checks.js';
import { assessmentFixtures, type AssessmentFixtures, type Family } from './test-support.js';

const NORA = 'nora';
const LINDESBERG = 'lindesberg';

describe('the rules of a decision (beslut), as pure functions', () => {
  const facts: DecisionFacts = {
    outcome: 'approved',
    decidedOn: '2026-11-20',
    today: '2026-11-23',
    sentForDecisionOn: '2026-11-02',
    decidedById: NORA,
    allowedDeciderIds: [LINDESBERG, NORA, 'hallefors', 'ljusnarsberg'],
    assignmentKind: 'own',
    homeHasAgency: false,
  };
  const rule = (overrides: Partial<DecisionFacts>) => {
    try {
      assertDecisionAllowed({ ...facts, ...overrides });
      return null;
    } catch (error) {
      return error instanceof RuleViolationError ? error.rule : error instanceof ValidationError ? `invalid ${error.issues[0]!.path}: ${error.message}` : String(error);
    }
  };

  it('a member municipality’s committee approves an assessment sent for decision', () => {
    assert.equal(rule({}), null);
    assert.equal(rule({ decidedOn: facts.sentForDecisionOn! }), null);
    assert.equal(rule({ decidedOn: facts.today }), null);
  });

  it('nothing can be decided before the assessment is sent, nor dated before it was sent or in the future', () => {
    assert.equal(rule({ sentForDecisionOn: null }), 'ASSESSMENT_NOT_SENT');
    assert.equal(rule({ decidedOn: '2026-11-01' }), 'invalid decidedOn: Beslutsdatum kan inte vara före 2026-11-02, då utredningen lämnades för beslut.');
    assert.equal(rule({ decidedOn: '2026-11-24' }), 'invalid decidedOn: Beslutsdatum kan inte vara i framtiden.');
  });

  it('the decider must be the owner municipality or a member of the unit’s agreement: Piteå or an agency cannot decide', () => {
    assert.equal(rule({ decidedById: 'pitea' }), 'DECIDER_NOT_MEMBER');
    assert.equal(rule({ outcome: 'refused', assignmentKind: null, decidedById: 'bergslagens-familjehemsstod' }), 'DECIDER_NOT_MEMBER');
  });

  it('a consultant-supported home keeps its agency: it is approved as consultant-supported, and only such a home is', () => {
    assert.equal(rule({ homeHasAgency: true, assignmentKind: 'consultant_supported' }), null);
    assert.equal(rule({ homeHasAgency: true, assignmentKind: 'own' }), 'DECISION_AGENCY_KIND');
    assert.equal(rule({ homeHasAgency: false, assignmentKind: 'consultant_supported' }), 'DECISION_AGENCY_KIND');
    assert.equal(rule({ homeHasAgency: true, outcome: 'refused', assignmentKind: null }), null);
  });

  const conditions: ApprovalConditions = { assignmentKind: 'emergency', places: 2, minChildAge: 0, maxChildAge: 12, namedChild: null };

  it('an approval makes the home active with the kind and places of its conditions, first approval recorded on the home', () => {
    assert.deepEqual(homeChangesAfterDecision({ approvedById: null, approvedOn: null }, { outcome: 'approved', decidedOn: '2026-11-20', decidedById: NORA, conditions }), {
      status: 'active',
      kind: 'emergency',
      places: 2,
      approvedById: NORA,
      approvedOn: '2026-11-20',
    });
  });

  it('a renewed approval keeps the first approval’s committee and date on the home', () => {
    assert.deepEqual(homeChangesAfterDecision({ approvedById: LINDESBERG, approvedOn: '2021-03-01' }, { outcome: 'approved', decidedOn: '2026-11-20', decidedById: NORA, conditions }), {
      status: 'active',
      kind: 'emergency',
      places: 2,
    });
  });

  it('a refusal closes the home, whether never approved or refused on re-assessment', () => {
    const refusal = { outcome: 'refused' as const, decidedOn: '2026-11-20', decidedById: NORA, conditions: null };
    assert.deepEqual(homeChangesAfterDecision({ approvedById: null, approvedOn: null }, refusal), { status: 'closed' });
    assert.deepEqual(homeChangesAfterDecision({ approvedById: LINDESBERG, approvedOn: '2021-03-01' }, refusal), { status: 'closed' });
  });
});

let db: TestDatabase;
let fixtures: AssessmentFixtures;
let today: string;
let anna: Actor;
/** Johan Ek, barnsekreterare in Nora. */
let johan: Actor;
let noraId: string;
let lindesbergId: string;
let piteaId: string;

before(async () => {
  db = await createTestDatabase();
  fixtures = await assessmentFixtures(db);
  ({ today, anna } = fixtures);
  johan = await demoActor(db, 'johan.ek@nora.se');
  noraId = await organisationIdByName(db, 'Nora kommun');
  lindesbergId = await organisationIdByName(db, 'Lindesbergs kommun');
  piteaId = await organisationIdByName(db, 'Piteå kommun');
});

after(async () => {
  await db.dispose();
});

/** A family whose complete assessment was sent for decision five days ago. */
async function sentForDecision(name: string, options: { children?: string[]; consultancyAgencyId?: string } = {}): Promise<{ family: Family; assessment: HomeAssessment }> {
  const family = await fixtures.familyAtAssessment({ name, adults: ['Karin', 'Lars'], ...options });
  const complete = await fixtures.completeAssessment(await fixtures.start(family), family);
  const assessment = await fixtures.as(anna, (session) => sendAssessmentForDecision(session, { id: complete.id, expectedVersion: complete.version, sentOn: addDays(today, -5) }));
  return { family, assessment };
}

function approval(assessment: HomeAssessment, overrides: Partial<RecordHomeDecisionInput> = {}): RecordHomeDecisionInput {
  return {
    assessmentId: assessment.id,
    outcome: 'approved',
    decidedOn: today,
    decidedById: noraId,
    decisionMakerKind: 'committee',
    decisionMakerName: 'Sociala myndighetsnämnden',
    reasoning: 'Utredningen visar goda förutsättningar.',
    conditions: { assignmentKind: 'own', places: 2, minChildAge: 4, maxChildAge: 12 },
    ...overrides,
  };
}

const decide = (input: RecordHomeDecisionInput) => fixtures.as(anna, (session) => recordHomeDecision(session, input));
const homeRow = (id: string) => db.kysely.selectFrom('foster_homes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const recruitmentRow = (id: string) => db.kysely.selectFrom('recruitments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('recording the decision', () => {
  it('an approval by Nora’s committee makes the home active with its conditions, valid for the policy’s 36 months', async () => {
    const { family, assessment } = await sentForDecision('Berg', { children: ['Elsa'] });
    const decision = await decide(approval(assessment));
    assert.equal(decision.outcome, 'approved');
    assert.equal(decision.validUntil, addMonths(today, 36));
    assert.deepEqual(decision.conditions, { assignmentKind: 'own', places: 2, minChildAge: 4, maxChildAge: 12, namedChild: null });
    assert.equal(decision.decidedById, noraId);
    assert.equal(decision.assessmentId, assessment.id);
    const home = await homeRow(family.homeId);
    assert.equal(home.status, 'active');
    assert.equal(home.kind, 'own');
    assert.equal(home.places, 2);
    assert.equal(home.approved_by_org_id, noraId);
    assert.equal(home.approved_on, today);
    const recruitment = await recruitmentRow(family.recruitmentId);
    assert.equal(recruitment.step, 'approved');
    assert.equal(recruitment.step_entered_on, today);
  });

  it('a refusal closes the home that was never approved and ends the recruitment as refused', async () => {
    const { family, assessment } = await sentForDecision('Carlsson');
    const decision = await decide(approval(assessment, { outcome: 'refused', conditions: null, decisionMakerKind: 'delegate', decisionMakerName: 'Enhetschef enligt delegationsordning' }));
    assert.equal(decision.validUntil, null);
    assert.equal(decision.conditions, null);
    assert.equal((await homeRow(family.homeId)).status, 'closed');
    assert.equal((await recruitmentRow(family.recruitmentId)).step, 'refused');
  });

  it('the decider must be a member municipality: Piteå is refused and nothing is written', async () => {
    const { family, assessment } = await sentForDecision('Dahlberg');
    await assert.rejects(decide(approval(assessment, { decidedById: piteaId })), (error: RuleViolationError) => error.rule === 'DECIDER_NOT_MEMBER');
    assert.equal((await homeRow(family.homeId)).status, 'recruiting');
    assert.equal((await recruitmentRow(family.recruitmentId)).step, 'decision');
    const agency = await db.kysely.selectFrom('consultancy_agencies').select('id').executeTakeFirstOrThrow();
    await assert.rejects(decide(approval(assessment, { decidedById: agency.id })), (error: RuleViolationError) => error.rule === 'DECIDER_NOT_MEMBER');
  });

  it('a home owned by a municipality is decided by that municipality, not by a member of the unit', async () => {
    const maria = await demoActor(db, 'maria.holm@lindesberg.se');
    await db.kysely
      .insertInto('recruitment_policies')
      .values({ owner_org_id: lindesbergId, valid_from: '2024-01-01', required_registers: ['conviction_register'], register_check_max_age_days: 90, approval_valid_months: 24, inquiry_target_days: 14, information_meeting_target_days: 30, basic_training_target_days: 120, assessment_target_days: 120, decision_target_days: 30 })
      .execute();
    const family = await fixtures.familyAtAssessment({ name: 'Ek', adults: ['Maj'], ownerId: lindesbergId });
    const complete = await fixtures.completeAssessment(await fixtures.start(family, maria), family, 30, maria);
    const sent = await fixtures.as(maria, (session) => sendAssessmentForDecision(session, { id: complete.id, expectedVersion: complete.version, sentOn: today }));
    const asMaria = (input: RecordHomeDecisionInput) => fixtures.as(maria, (session) => recordHomeDecision(session, input));
    await assert.rejects(asMaria(approval(sent, { decidedById: noraId })), (error: RuleViolationError) => error.rule === 'DECIDER_NOT_MEMBER');
    const decision = await asMaria(approval(sent, { decidedById: lindesbergId, conditions: { assignmentKind: 'network', places: 1 } }));
    assert.equal(decision.validUntil, addMonths(today, 24));
  });

  it('an approval needs conditions, a refusal has none, ages run low to high, and a named child needs a valid personnummer and one place', async () => {
    const { assessment } = await sentForDecision('Engström');
    const issues = async (input: RecordHomeDecisionInput) => {
      try {
        await decide(input);
        return [];
      } catch (error) {
        assert.ok(error instanceof ValidationError, String(error));
        return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
    };
    assert.deepEqual(await issues(approval(assessment, { conditions: null })), ['conditions: Ett godkännande ska ha villkor: uppdrag och antal platser.']);
    assert.deepEqual(await issues(approval(assessment, { outcome: 'refused' })), ['conditions: Ett avslag har inga villkor.']);
    assert.deepEqual(await issues(approval(assessment, { conditions: { assignmentKind: 'own', places: 1, minChildAge: 12, maxChildAge: 4 } })), [
      'conditions.maxChildAge: Lägsta ålder kan inte vara högre än högsta ålder.',
    ]);
    const valid = testPersonalIdentityNumber('2015-03-02', 7);
    const wrongCheckDigit = `${valid.slice(0, 11)}${(Number(valid.at(-1)) + 1) % 10}`;
    const named = (personalIdentityNumber: string, places = 1) =>
      approval(assessment, { conditions: { assignmentKind: 'network', places, namedChild: { name: 'Alva Engström', personalIdentityNumber } } });
    assert.deepEqual(await issues(named(wrongCheckDigit)), ['conditions.namedChild.personalIdentityNumber: Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.']);
    assert.deepEqual(await issues(named(valid, 2)), ['conditions.places: Ett godkännande för ett namngivet barn gäller en plats.']);
    assert.deepEqual(await issues(approval(assessment, { decisionMakerName: '  ' })), ['decisionMakerName: Nämndens eller delegatens namn måste anges.']);
  });

  it('an approval for one named child stores the child and is audited when a member municipality reads it', async () => {
    const { family, assessment } = await sentForDecision('Forsberg');
    const alva = testPersonalIdentityNumber('2015-03-02', 8);
    const decision = await decide(approval(assessment, { conditions: { assignmentKind: 'network', places: 1, minChildAge: null, maxChildAge: null, namedChild: { name: 'Alva Forsberg', personalIdentityNumber: `${alva.slice(0, 8)}-${alva.slice(8)}` } } }));
    assert.deepEqual(decision.conditions!.namedChild, { name: 'Alva Forsberg', personalIdentityNumber: alva });
    const before = await db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', decision.id).where('action', '=', 'read').execute();
    const seen = await fixtures.as(johan, (session) => loadDecisionsByHome(session, [family.homeId]));
    assert.equal(seen[0]!.conditions!.namedChild!.name, 'Alva Forsberg');
    const afterRead = await db.kysely.selectFrom('audit_log').select(['id', 'user_id']).where('entity_id', '=', decision.id).where('action', '=', 'read').execute();
    assert.equal(afterRead.length, before.length + 1);
    assert.equal(afterRead.at(-1)!.user_id, johan.userId);
  });

  it('a consultant-supported home keeps its agency: approving it as the unit’s own home is refused', async () => {
    const agency = await db.kysely.selectFrom('consultancy_agencies').select('id').executeTakeFirstOrThrow();
    const { family, assessment } = await sentForDecision('Gunnarsson', { consultancyAgencyId: agency.id });
    await assert.rejects(decide(approval(assessment)), (error: RuleViolationError) => error.rule === 'DECISION_AGENCY_KIND');
    await decide(approval(assessment, { conditions: { assignmentKind: 'consultant_supported', places: 1 } }));
    const home = await homeRow(family.homeId);
    assert.equal(home.kind, 'consultant_supported');
    assert.equal(home.consultancy_agency_id, agency.id);
    assert.equal(home.status, 'active');
  });

  it('a decision cannot be dated before the assessment was sent, nor taken twice', async () => {
    const { assessment } = await sentForDecision('Hedlund');
    await assert.rejects(decide(approval(assessment, { decidedOn: addDays(today, -6) })), (error: ValidationError) => error.issues[0]!.path === 'decidedOn');
    await decide(approval(assessment));
    await assert.rejects(decide(approval(assessment)), (error: RuleViolationError) => error.rule === 'RECRUITMENT_FINISHED');
  });

  it('an assessment still being worked on cannot be decided', async () => {
    const family = await fixtures.familyAtAssessment({ name: 'Isaksson', adults: ['Rolf'] });
    const assessment = await fixtures.start(family);
    await assert.rejects(decide(approval(assessment)), (error: RuleViolationError) => error.rule === 'ASSESSMENT_NOT_SENT');
  });
});

describe('what a member municipality sees of an approval', () => {
  it('Nora’s child social worker sees the current approval with its conditions, but not the assessment or its register checks', async () => {
    const { family, assessment } = await sentForDecision('Jonsson');
    await decide(approval(assessment));
    const current = await fixtures.as(johan, (session) => loadCurrentApprovals(session, [family.homeId], today));
    const seen = current.get(family.homeId)!;
    assert.equal(seen.decidedById, noraId);
    assert.equal(seen.ownerId, fixtures.unitId);
    assert.deepEqual(seen.conditions, { assignmentKind: 'own', places: 2, minChildAge: 4, maxChildAge: 12, namedChild: null });
    await assert.rejects(fixtures.as(johan, (session) => loadHomeAssessments(session, [assessment.id])), ForbiddenError);
    await assert.rejects(fixtures.as(johan, (session) => loadRegisterChecksByAssessment(session, [assessment.id])), ForbiddenError);
  });
});

describe('renewal and re-assessment (omutredning)', () => {
  it('lists the unit’s approvals running out within 90 days, soonest first, and none beyond', async () => {
    const due = await fixtures.as(anna, (session) => listApprovalsDueForRenewal(session, { day: today }));
    assert.ok(due.length > 0, 'the demo has approvals coming up for renewal');
    assert.ok(due.every((d) => d.daysLeft >= 0 && d.daysLeft <= 90 && d.approval.validUntil === addDays(today, d.daysLeft)));
    assert.deepEqual(due.map((d) => d.daysLeft), [...due.map((d) => d.daysLeft)].sort((a, b) => a - b));
    const homes = await db.kysely.selectFrom('foster_homes').select(['id', 'owner_org_id']).where('id', 'in', due.map((d) => d.fosterHomeId)).execute();
    assert.ok(homes.every((home) => home.owner_org_id === fixtures.unitId));
    const narrow = await fixtures.as(anna, (session) => listApprovalsDueForRenewal(session, { day: today, withinDays: 10 }));
    assert.ok(narrow.every((d) => d.daysLeft <= 10));
    await assert.rejects(fixtures.as(anna, (session) => listApprovalsDueForRenewal(session, { day: today, withinDays: 0 })), ValidationError);
  });

  it('a re-assessment of an approved home starts at the assessment step; re-approval keeps the first approval date and renews validity', async () => {
    const [due] = await fixtures.as(anna, (session) => listApprovalsDueForRenewal(session, { day: today }));
    const homeId = due!.fosterHomeId;
    const homeBefore = await homeRow(homeId);
    const assessment = await fixtures.as(anna, (session) => startReassessment(session, { fosterHomeId: homeId, assessorId: anna.userId, method: 'kalvesten', startedOn: today }));
    const recruitment = await recruitmentRow(assessment.recruitmentId);
    assert.equal(recruitment.purpose, 'reassessment');
    assert.equal(recruitment.step, 'assessment');
    const listed = await fixtures.as(anna, (session) => listApprovalsDueForRenewal(session, { day: today }));
    assert.equal(listed.find((d) => d.fosterHomeId === homeId)!.reassessmentId, assessment.id);
    await assert.rejects(
      fixtures.as(anna, (session) => startReassessment(session, { fosterHomeId: homeId, assessorId: anna.userId, method: 'kalvesten', startedOn: today })),
      (error: RuleViolationError) => error.rule === 'RECRUITMENT_ALREADY_OPEN',
    );
    // The home stays active on its current approval while it is re-assessed.
    assert.equal((await homeRow(homeId)).status, homeBefore.status);
  });

  it('a re-assessment is the same workflow: sent, re-approved, and the home keeps its first approval date', async () => {
    const { family, assessment } = await sentForDecision('Karlberg');
    await decide(approval(assessment, { decidedOn: addDays(today, -3) }));
    const firstApproval = await homeRow(family.homeId);
    const reassessment = await fixtures.as(anna, (session) => startReassessment(session, { fosterHomeId: family.homeId, assessorId: anna.userId, method: 'other', startedOn: today }));
    const complete = await fixtures.completeAssessment(reassessment, { ...family, recruitmentId: reassessment.recruitmentId }, 10);
    const sent = await fixtures.as(anna, (session) => sendAssessmentForDecision(session, { id: complete.id, expectedVersion: complete.version, sentOn: today }));
    const renewed = await decide(approval(sent, { decidedById: lindesbergId, conditions: { assignmentKind: 'emergency', places: 3, minChildAge: 0, maxChildAge: 17 } }));
    const home = await homeRow(family.homeId);
    assert.equal(home.approved_on, firstApproval.approved_on);
    assert.equal(home.approved_by_org_id, noraId);
    assert.equal(home.kind, 'emergency');
    assert.equal(home.places, 3);
    const current = (await fixtures.as(anna, (session) => loadCurrentApprovals(session, [family.homeId], today))).get(family.homeId)!;
    assert.equal(current.id, renewed.id);
    assert.equal((await fixtures.as(anna, (session) => loadDecisionsByHome(session, [family.homeId]))).length, 2);
  });

  it('a refused re-assessment closes the approved home and ends its approval', async () => {
    const { family, assessment } = await sentForDecision('Lindahl');
    await decide(approval(assessment, { decidedOn: addDays(today, -3) }));
    const reassessment = await fixtures.as(anna, (session) => startReassessment(session, { fosterHomeId: family.homeId, assessorId: anna.userId, method: 'kalvesten', startedOn: today }));
    const complete = await fixtures.completeAssessment(reassessment, { ...family, recruitmentId: reassessment.recruitmentId }, 10);
    const sent = await fixtures.as(anna, (session) => sendAssessmentForDecision(session, { id: complete.id, expectedVersion: complete.version, sentOn: today }));
    await decide(approval(sent, { outcome: 'refused', conditions: null }));
    assert.equal((await homeRow(family.homeId)).status, 'closed');
    assert.equal((await fixtures.as(anna, (session) => loadCurrentApprovals(session, [family.homeId], today))).size, 0);
  });

  it('a home never approved cannot be re-assessed', async () => {
    const family = await fixtures.familyAtAssessment({ name: 'Mattsson', adults: ['Gun'] });
    await assert.rejects(
      fixtures.as(anna, (session) => startReassessment(session, { fosterHomeId: family.homeId, assessorId: anna.userId, method: 'kalvesten', startedOn: today })),
      (error: RuleViolationError) => error.rule === 'HOME_NOT_APPROVED',
    );
  });
});
