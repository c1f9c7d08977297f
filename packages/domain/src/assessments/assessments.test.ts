import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { recordAssessmentActivity } from './activities.js';
import { listAssessors, loadAssessmentChecklists, sendAssessmentForDecision, startHomeAssessment, updateAssessmentSummary } from './assessments.js';
import { loadChildrenHeardByAssessment, recordChildHeard } from './children-heard.js';
import { getHomeAssessment, loadHomeAssessments } from './home-assessment.js';
import { loadRegisterChecksByAssessment, recordRegisterCheck } from './register-checks.js';
import { assessmentFixtures, type AssessmentFixtures } from './test-support.js';

let db: TestDatabase;
let fixtures: AssessmentFixtures;
let today: string;
/** Anna Lind, familjehemssekreterare at the joint unit. */
let anna: Actor;
/** Erik Berg, enhetschef at the joint unit. */
let erik: Actor;
/** Johan Ek, barnsekreterare in Nora, a member municipality. */
let johan: Actor;
/** Maria Holm, enhetschef in Lindesberg: a head of unit, but not of the joint unit. */
let maria: Actor;

before(async () => {
  db = await createTestDatabase();
  fixtures = await assessmentFixtures(db);
  ({ today, anna } = fixtures);
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
});

after(async () => {
  await db.dispose();
});

const as: AssessmentFixtures['as'] = (actor, work) => fixtures.as(actor, work);
const familyAtAssessment: AssessmentFixtures['familyAtAssessment'] = (options) => fixtures.familyAtAssessment(options);
const start: AssessmentFixtures['start'] = (family, actor) => fixtures.start(family, actor);
const completeAssessment: AssessmentFixtures['completeAssessment'] = (assessment, family, days) => fixtures.completeAssessment(assessment, family, days);

function recruitmentRow(id: string) {
  return db.kysely.selectFrom('recruitments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('starting an assessment (utredning)', () => {
  it('a foster-care worker starts the assessment of a family at the assessment step, led by a worker of the unit', async () => {
    const family = await familyAtAssessment({ name: 'Ekström', adults: ['Karin'] });
    const assessment = await start(family);
    assert.equal(assessment.recruitmentId, family.recruitmentId);
    assert.equal(assessment.fosterHomeId, family.homeId);
    assert.equal(assessment.assessorId, anna.userId);
    assert.equal(assessment.method, 'kalvesten');
    assert.equal(assessment.sentForDecisionOn, null);
    const audit = await db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', assessment.id).where('entity_type', '=', 'HomeAssessment').execute();
    assert.ok(audit.some((row) => row.action === 'create'));
  });

  it('one assessment per recruitment', async () => {
    const family = await familyAtAssessment({ name: 'Dahl', adults: ['Per'] });
    await start(family);
    await assert.rejects(start(family), (error: RuleViolationError) => error.rule === 'ASSESSMENT_ALREADY_STARTED');
  });

  it('a family not yet at the assessment step cannot be assessed', async () => {
    const family = await familyAtAssessment({ name: 'Falk', adults: ['Eva'] });
    await db.kysely.updateTable('recruitments').set({ step: 'basic_training' }).where('id', '=', family.recruitmentId).execute();
    await assert.rejects(start(family), (error: RuleViolationError) => error.rule === 'ASSESSMENT_STEP' && /steget utredning/.test(error.message));
  });

  it('the assessor must be a foster-care worker or head of the unit, and the start cannot be before the step or in the future', async () => {
    const family = await familyAtAssessment({ name: 'Gran', adults: ['Ola'] });
    const refused = as(anna, (session) =>
      startHomeAssessment(session, { recruitmentId: family.recruitmentId, assessorId: maria.userId, method: 'other', startedOn: addDays(today, 1) }),
    );
    await assert.rejects(refused, (error: ValidationError) =>
      error instanceof ValidationError &&
      error.issues.some((i) => i.path === 'assessorId' && /familjehemssekreterare eller enhetschef i enheten/.test(i.message)) &&
      error.issues.some((i) => i.path === 'startedOn' && /framtiden/.test(i.message)),
    );
    const early = as(anna, (session) =>
      startHomeAssessment(session, { recruitmentId: family.recruitmentId, assessorId: erik.userId, method: 'other', startedOn: addDays(today, -61) }),
    );
    await assert.rejects(early, (error: ValidationError) => error.issues[0]!.message.includes('då familjen kom till steget utredning'));
  });

  it('the unit’s assessors are its foster-care workers and heads of unit', async () => {
    const assessors = await as(anna, (session) => listAssessors(session));
    assert.deepEqual(assessors.map((a) => a.displayName), ['Anna Lind', 'Erik Berg']);
  });
});

describe('recording the assessment', () => {
  it('register checks need the adult’s consent given before the check, and are made on adults only', async () => {
    const family = await familyAtAssessment({ name: 'Holm', adults: ['Lena'], children: ['Alice'] });
    const assessment = await start(family);
    const check = (overrides: Record<string, unknown>) =>
      as(anna, (session) =>
        recordRegisterCheck(session, {
          assessmentId: assessment.id,
          householdMemberId: family.adults[0]!,
          register: 'conviction_register',
          consentGivenOn: addDays(today, -10),
          checkedOn: addDays(today, -12),
          result: 'no_entries',
          ...overrides,
        }),
      );
    await assert.rejects(check({}), (error: ValidationError) => error.issues[0]!.path === 'checkedOn' && /samtycke/.test(error.issues[0]!.message));
    await assert.rejects(check({ consentGivenOn: undefined }), ValidationError);
    await assert.rejects(check({ checkedOn: addDays(today, 1) }), (error: ValidationError) => /framtiden/.test(error.message));
    await assert.rejects(check({ householdMemberId: family.children[0]!, checkedOn: addDays(today, -5) }), (error: ValidationError) => error.issues[0]!.message === 'Välj en vuxen i familjehemmets hushåll.');
    await check({ checkedOn: addDays(today, -10), result: 'entries_found', note: 'Gammal trafikförseelse, bedöms sakna betydelse.' });
    const checks = await as(anna, (session) => loadRegisterChecksByAssessment(session, [assessment.id]));
    assert.equal(checks.length, 1);
    assert.equal(checks[0]!.personName, 'Lena Holm');
    assert.equal(checks[0]!.result, 'entries_found');
  });

  it('reading register checks is reading a person’s data: each read is audited with the person', async () => {
    const family = await familyAtAssessment({ name: 'Ivarsson', adults: ['Sten', 'Ulla'] });
    const assessment = await completeAssessment(await start(family), family);
    const requestId = randomUUID();
    await inIdentityTransaction(db.kysely, erik, (trx) => loadRegisterChecksByAssessment({ db: trx, actor: erik, requestId }, [assessment.id]));
    const rows = await db.kysely.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
    assert.equal(rows.length, 10);
    assert.ok(rows.every((row) => row.action === 'read' && row.entity_type === 'RegisterCheck' && row.user_id === erik.userId));
    assert.deepEqual(new Set(rows.map((row) => row.person_id)), new Set(family.adults));
  });

  it('each child of the family is heard once; an adult is not one of the children', async () => {
    const family = await familyAtAssessment({ name: 'Jansson', adults: ['Mats'], children: ['Vera'] });
    const assessment = await start(family);
    const hear = (memberId: string) => as(anna, (session) => recordChildHeard(session, { assessmentId: assessment.id, householdMemberId: memberId, heardOn: addDays(today, -3) }));
    await assert.rejects(hear(family.adults[0]!), (error: ValidationError) => error.issues[0]!.message === 'Välj ett av familjens barn.');
    await hear(family.children[0]!);
    await assert.rejects(hear(family.children[0]!), (error: RuleViolationError) => error.rule === 'CHILD_ALREADY_HEARD' && /Vera Jansson/.test(error.message));
    const heard = await as(anna, (session) => loadChildrenHeardByAssessment(session, [assessment.id]));
    assert.deepEqual(heard.map((h) => h.childName), ['Vera Jansson']);
  });

  it('an activity cannot be dated before the assessment started', async () => {
    const family = await familyAtAssessment({ name: 'Kvist', adults: ['Nina'] });
    const assessment = await start(family);
    await assert.rejects(
      as(anna, (session) => recordAssessmentActivity(session, { assessmentId: assessment.id, kind: 'interview', occurredOn: addDays(today, -51), participants: 'Nina' })),
      (error: ValidationError) => /då utredningen startade/.test(error.message),
    );
  });

  it('two workers saving the summary from the same version: the second is refused, not overwritten', async () => {
    const family = await familyAtAssessment({ name: 'Lund', adults: ['Olle'] });
    const assessment = await start(family);
    await as(anna, (session) => updateAssessmentSummary(session, { id: assessment.id, expectedVersion: assessment.version, summary: 'Annas text', recommendation: 'approve' }));
    await assert.rejects(
      as(erik, (session) => updateAssessmentSummary(session, { id: assessment.id, expectedVersion: assessment.version, summary: 'Eriks text', recommendation: 'refuse' })),
      VersionConflictError,
    );
    const saved = await as(anna, (session) => getHomeAssessment(session, assessment.id));
    assert.equal(saved.summary, 'Annas text');
  });
});

describe('sending an assessment for decision', () => {
  it('an assessment with a missing register check cannot go to decision: refused with every missing item, nothing changed', async () => {
    const family = await familyAtAssessment({ name: 'Mårtensson', adults: ['Karin', 'Lars'], children: ['Elsa'] });
    let assessment = await start(family);
    assessment = await as(anna, async (session) => {
      await recordRegisterCheck(session, { assessmentId: assessment.id, householdMemberId: family.adults[0]!, register: 'conviction_register', consentGivenOn: addDays(today, -9), checkedOn: addDays(today, -8), result: 'no_entries' });
      return updateAssessmentSummary(session, { id: assessment.id, expectedVersion: assessment.version, summary: 'Utkast', recommendation: 'approve' });
    });
    const send = as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version, sentOn: today }));
    await assert.rejects(send, (error: RuleViolationError) => {
      assert.equal(error.rule, 'ASSESSMENT_INCOMPLETE');
      assert.match(error.message, /Utdrag ur misstankeregistret för Karin Mårtensson saknas/);
      assert.match(error.message, /Utdrag ur belastningsregistret för Lars Mårtensson saknas/);
      assert.doesNotMatch(error.message, /belastningsregistret för Karin/);
      assert.match(error.message, /Ingen intervju är registrerad; Inget hembesök är registrerat; Inga referenser är registrerade; minst 2 krävs; Barnet Elsa Mårtensson har inte hörts\.$/);
      return true;
    });
    const after = await as(anna, (session) => getHomeAssessment(session, assessment.id));
    assert.equal(after.sentForDecisionOn, null);
    assert.equal((await recruitmentRow(family.recruitmentId)).step, 'assessment');
  });

  it('an assessment with a stale belastningsregister extract cannot go to decision', async () => {
    const family = await familyAtAssessment({ name: 'Nyström', adults: ['Maja'] });
    const assessment = await completeAssessment(await start(family), family, 120);
    await assert.rejects(
      as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version, sentOn: today })),
      (error: RuleViolationError) =>
        error.rule === 'ASSESSMENT_INCOMPLETE' && error.message.includes('Utdrag ur belastningsregistret för Maja Nyström är 120 dagar gammalt; högst 90 dagar enligt policyn'),
    );
    const checklist = (await as(anna, (session) => loadAssessmentChecklists(session, [assessment])).then((map) => map.get(assessment.id)))!;
    assert.equal(checklist.requirements.filter((r) => r.status === 'stale').length, 5);
  });

  it('staleness is judged on the day of sending: an extract valid then still holds when the decision comes later', async () => {
    const family = await familyAtAssessment({ name: 'Olofsson', adults: ['Rut'] });
    const assessment = await completeAssessment(await start(family), family, 95);
    const sent = await as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version, sentOn: addDays(today, -6) }));
    assert.equal(sent.sentForDecisionOn, addDays(today, -6));
    const checklist = (await as(anna, (session) => loadAssessmentChecklists(session, [sent]))).get(sent.id)!;
    assert.equal(checklist.day, addDays(today, -6));
    assert.equal(checklist.ready, true);
  });

  it('a complete assessment is sent: dated, and the family moves to the decision step with a signed event', async () => {
    const family = await familyAtAssessment({ name: 'Pålsson', adults: ['Anders', 'Sofia'], children: ['Hugo'] });
    const assessment = await completeAssessment(await start(family), family);
    const sent = await as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version, sentOn: today }));
    assert.equal(sent.sentForDecisionOn, today);
    assert.equal(sent.version, assessment.version + 1);
    const recruitment = await recruitmentRow(family.recruitmentId);
    assert.equal(recruitment.step, 'decision');
    assert.equal(recruitment.step_entered_on, today);
    const event = await db.kysely.selectFrom('recruitment_events').selectAll().where('recruitment_id', '=', family.recruitmentId).where('step', '=', 'decision').executeTakeFirstOrThrow();
    assert.equal(event.recorded_by, anna.userId);
  });

  it('a sent assessment stays as it was sent: nothing can be added or changed', async () => {
    const family = await familyAtAssessment({ name: 'Quist', adults: ['Tove'] });
    const assessment = await completeAssessment(await start(family), family);
    const sent = await as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version, sentOn: today }));
    await assert.rejects(
      as(anna, (session) => recordAssessmentActivity(session, { assessmentId: sent.id, kind: 'reference', occurredOn: today, participants: 'Ny referens' })),
      (error: RuleViolationError) => error.rule === 'ASSESSMENT_SENT',
    );
    await assert.rejects(
      as(anna, (session) => updateAssessmentSummary(session, { id: sent.id, expectedVersion: sent.version, summary: 'Ändrad' })),
      (error: RuleViolationError) => error.rule === 'ASSESSMENT_SENT',
    );
  });

  it('the assessment of a family that has left the recruitment cannot be added to', async () => {
    const family = await familyAtAssessment({ name: 'Ström', adults: ['Yvonne'] });
    const assessment = await start(family);
    await db.kysely.updateTable('recruitments').set({ left_on: today, leaving_reason: 'family_withdrew' }).where('id', '=', family.recruitmentId).execute();
    await assert.rejects(
      as(anna, (session) => recordAssessmentActivity(session, { assessmentId: assessment.id, kind: 'interview', occurredOn: today, participants: 'Yvonne' })),
      (error: RuleViolationError) => error.rule === 'RECRUITMENT_FINISHED',
    );
  });

  it('sending from a version someone else has changed since is refused', async () => {
    const family = await familyAtAssessment({ name: 'Rask', adults: ['Ulf'] });
    const assessment = await completeAssessment(await start(family), family);
    await assert.rejects(
      as(anna, (session) => sendAssessmentForDecision(session, { id: assessment.id, expectedVersion: assessment.version - 1, sentOn: today })),
      VersionConflictError,
    );
  });
});

describe('who may read an assessment', () => {
  it('a member municipality’s child social worker cannot read assessments or register checks', async () => {
    const family = await familyAtAssessment({ name: 'Sandell', adults: ['Vilma'] });
    const assessment = await completeAssessment(await start(family), family);
    await assert.rejects(as(johan, (session) => loadHomeAssessments(session, [assessment.id])), ForbiddenError);
    await assert.rejects(as(johan, (session) => loadRegisterChecksByAssessment(session, [assessment.id])), ForbiddenError);
  });

  it('a head of unit of another organisation passes the role check but the database shows her nothing', async () => {
    const family = await familyAtAssessment({ name: 'Tell', adults: ['Åsa'] });
    const assessment = await completeAssessment(await start(family), family);
    await assert.rejects(as(maria, (session) => getHomeAssessment(session, assessment.id)), NotFoundError);
    assert.deepEqual(await as(maria, (session) => loadRegisterChecksByAssessment(session, [assessment.id])), []);
    await assert.rejects(
      as(maria, (session) => recordAssessmentActivity(session, { assessmentId: assessment.id, kind: 'interview', occurredOn: today, participants: 'x' })),
      NotFoundError,
    );
  });
});
