import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { addDays, addMonths, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { loadGuardiansByChild, listChildren, loadChildren, registerChild, updateChild, type Child, type RegisterChildInput } from './children-records.js';
import { completeNeedsAssessment, loadNeedsAssessmentsByChild, startNeedsAssessment } from './needs-assessments.js';
import { loadOccupantsByHome } from './occupancy.js';
import {
  cancelPlacementDecision,
  interruptPlacementDecision,
  loadPlacementDecisionsByChild,
  recordPlacementDecision,
  type PlacementDecision,
  type RecordPlacementDecisionInput,
} from './placement-decisions.js';
import { endPlacement, loadPlacementApprovals, loadPlacementsByChild, loadPlacementsByHome, movePlacement, placeChild, updatePlacementDocuments } from './placements.js';
import { insertHome, placeChild as insertPlacedChild } from './test-fixtures.js';

const today = todayInSweden();
let db: TestDatabase;
const org = { unit: '', lindesberg: '', nora: '' };
/** Sara Nilsson (Lindesberg), Maria Holm (Lindesberg, head of unit), Johan Ek (Nora), Anna Lind and Erik Berg (the unit). */
let sara: Actor;
let maria: Actor;
let johan: Actor;
let anna: Actor;
let erik: Actor;
const homes = { ekbacken: '', bjorkhagen: '', jourlyckan: '', tonarsgarden: '', namngiven: '', obeslutad: '', utgangen: '', avslagen: '', trangbodd: '', slaktgarden: '' };

function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/** A personnummer of a child who is `age` today (born a month after the birthday). */
const bornAged = (age: number, serial: number) => testPersonalIdentityNumber(addMonths(today, -12 * age - 1), serial);

before(async () => {
  db = await createTestDatabase();
  org.unit = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  org.lindesberg = await organisationIdByName(db, 'Lindesbergs kommun');
  org.nora = await organisationIdByName(db, 'Nora kommun');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');

  // The unit's homes, assessed and approved by Nora's committee: the placing municipality differs.
  const unitHome = { ownerId: org.unit, municipalityId: org.nora, approvedById: org.nora, recordedBy: anna.userId, today };
  homes.ekbacken = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Ekbacken', approval: { places: 3, minChildAge: 0, maxChildAge: 12 } });
  homes.bjorkhagen = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Björkhagen', approval: { places: 3, minChildAge: 0, maxChildAge: 12 } });
  homes.jourlyckan = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Jourlyckan', kind: 'emergency', approval: { places: 2, minChildAge: 0, maxChildAge: 17 } });
  homes.tonarsgarden = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Tonårsgården', approval: { places: 2, minChildAge: 13, maxChildAge: 17 } });
  homes.namngiven = await insertHome(db.kysely, {
    ...unitHome,
    name: 'Familjen Namngiven',
    kind: 'network',
    approval: { places: 1, namedChild: { name: 'Ett annat barn', personalIdentityNumber: bornAged(7, 990) } },
  });
  homes.obeslutad = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Obeslutad', approval: null });
  homes.utgangen = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Utgången', approval: { places: 2, decidedOn: addMonths(today, -40), validUntil: addMonths(today, -4) } });
  homes.avslagen = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Avslagen', approval: { places: 2, decidedOn: addMonths(today, -20) }, refusedOn: addMonths(today, -2) });
  homes.trangbodd = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Trångbodd', approval: { places: 1 } });
  homes.slaktgarden = await insertHome(db.kysely, { ...unitHome, ownerId: org.nora, municipalityId: org.nora, name: 'Familjen Släktgården', kind: 'network', approval: { places: 1 } });
  // Nora's child fills the only place of Familjen Trångbodd.
  await insertPlacedChild(db.kysely, { placingId: org.nora, givenName: 'Liam', familyName: 'Holmberg', personalIdentityNumber: bornAged(5, 991), fosterHomeId: homes.trangbodd, startsOn: addMonths(today, -6) });
});

after(async () => {
  await db?.dispose();
});

let serial = 970;
const newChild = (input: Partial<RegisterChildInput> = {}): RegisterChildInput => ({
  identityKind: 'personal_identity_number',
  // Eight years old, born on a different day for each serial so that no two share a number.
  identityNumber: testPersonalIdentityNumber(addDays(addMonths(today, -12 * 8 - 1), -(serial % 200)), serial++),
  givenName: 'Elsa',
  familyName: 'Lindqvist',
  guardians: [
    { name: 'Karin Lindqvist', personalIdentityNumber: testPersonalIdentityNumber('1988-02-11', 992), relation: 'parent' },
    { name: 'Peter Lindqvist', relation: 'parent' },
  ],
  assignedWorkerId: sara.userId,
  ...input,
});

const decisionInput = (child: Child, input: Partial<RecordPlacementDecisionInput> = {}): RecordPlacementDecisionInput => ({
  childId: child.id,
  legalBasis: 'sol',
  kind: 'long_term',
  decidedOn: addDays(today, -20),
  decisionMakerKind: 'committee',
  decisionMakerName: 'Sociala myndighetsnämnden',
  favourable: true,
  childImpactAssessment: 'Barnet har fått komma till tals; placeringen bedöms vara till barnets bästa.',
  ...input,
});

/** A child of Lindesberg with a favourable decision of the given kind, ready to be placed. */
async function decidedChild(kind: PlacementDecision['kind'] = 'long_term', childInput: Partial<RegisterChildInput> = {}) {
  const child = await as(sara, (s) => registerChild(s, newChild(childInput)));
  const decision = await as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { kind })));
  return { child, decision };
}

async function refusal(work: Promise<unknown>): Promise<{ rule: string; message: string }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof RuleViolationError) return { rule: error.rule, message: error.message };
    throw error;
  }
  assert.fail('the placement was not refused');
}

describe('registering a child (barn)', () => {
  it('a Lindesberg social worker registers a child with guardians and a worker; reading the record is audited', async () => {
    const child = await as(sara, (s) => registerChild(s, newChild()));
    assert.equal(child.identity?.kind, 'personal_identity_number');
    assert.equal(child.identity?.gender, 'girl');
    assert.equal(child.ownerId, org.lindesberg);
    const requestId = randomUUID();
    const [read, guardians] = await inIdentityTransaction(db.kysely, sara, async (trx) => {
      const session = { db: trx, actor: sara, requestId };
      return [await loadChildren(session, [child.id]), await loadGuardiansByChild(session, [child.id])] as const;
    });
    assert.equal(read[0]!.givenName, 'Elsa');
    assert.deepEqual(guardians.map((g) => [g.name, g.relation, g.personalIdentityNumber !== null]), [['Karin Lindqvist', 'parent', true], ['Peter Lindqvist', 'parent', false]]);
    const audit = await db.kysely.selectFrom('audit_log').select(['entity_type', 'person_id', 'user_id']).where('request_id', '=', requestId).execute();
    assert.deepEqual(audit.map((a) => [a.entity_type, a.user_id]).sort(), [['Child', sara.userId], ['Guardian', sara.userId], ['Guardian', sara.userId]]);
    assert.ok(audit.some((a) => a.entity_type === 'Child' && a.person_id === child.id));
  });

  it('a child with a samordningsnummer keeps the real birth date; one with a reserve number gives it', async () => {
    const coordination = testPersonalIdentityNumber(addMonths(today, -12 * 6 - 1).replace(/-(\d\d)$/, (_, day: string) => `-${Number(day) + 60}`), 993);
    const withCoordination = await as(sara, (s) => registerChild(s, newChild({ identityKind: 'coordination_number', identityNumber: coordination, givenName: 'Nour', familyName: 'Ahmed', gender: 'girl' })));
    assert.equal(withCoordination.birthDate, addMonths(today, -12 * 6 - 1));
    const withReserve = await as(sara, (s) =>
      registerChild(s, newChild({ identityKind: 'reserve_number', identityNumber: 'R2026000170', birthDate: '2018-04-02', gender: 'other', givenName: 'Kim', familyName: 'Okänd', guardians: [] })),
    );
    assert.deepEqual(withReserve.identity, { kind: 'reserve_number', number: 'R2026000170', birthDate: '2018-04-02', gender: 'other' });
    await assert.rejects(
      as(sara, (s) => registerChild(s, newChild({ identityKind: 'reserve_number', identityNumber: 'R2026000170', birthDate: '2018-04-02', gender: 'boy' }))),
      (error) => error instanceof ValidationError && error.issues[0]!.message === 'Kommunen har redan ett barn med det numret. Sök fram barnet i stället.',
    );
  });

  it('refuses a worker outside the municipality and a guardian’s wrong personnummer, in Swedish', async () => {
    await assert.rejects(as(sara, (s) => registerChild(s, newChild({ assignedWorkerId: johan.userId }))), (error) =>
      error instanceof ValidationError && error.issues.some((i) => i.path === 'assignedWorkerId' && i.message === 'Välj en barnsekreterare eller enhetschef i din kommun.'),
    );
    await assert.rejects(
      as(sara, (s) => registerChild(s, newChild({ guardians: [{ name: 'Karin', personalIdentityNumber: '19880211-0000', relation: 'parent' }] }))),
      (error) => error instanceof ValidationError && error.issues.some((i) => i.path === 'guardians.0.personalIdentityNumber'),
    );
  });

  it('an update with a stale version is refused; one with the current version replaces the guardians and changes the worker', async () => {
    const child = await as(sara, (s) => registerChild(s, newChild({ givenName: 'Vera' })));
    const updated = await as(sara, (s) => updateChild(s, { id: child.id, expectedVersion: child.version, guardians: [{ name: 'Anna Sundström', relation: 'appointed_guardian' }], assignedWorkerId: maria.userId }));
    assert.equal(updated.version, child.version + 1);
    assert.equal(updated.assignedWorkerId, maria.userId);
    assert.deepEqual((await as(sara, (s) => loadGuardiansByChild(s, [child.id]))).map((g) => g.relation), ['appointed_guardian']);
    await assert.rejects(as(sara, (s) => updateChild(s, { id: child.id, expectedVersion: child.version, givenName: 'Wilma' })), VersionConflictError);
  });

  it('lists the municipality’s children, searched by name', async () => {
    const { children } = await as(sara, (s) => listChildren(s, { search: 'lindqv', limit: 100, offset: 0 }));
    assert.ok(children.length > 0 && children.every((c) => c.familyName === 'Lindqvist' && c.ownerId === org.lindesberg));
  });
});

describe('the needs assessment (utredning av barnets behov) and the decision', () => {
  it('an utredning is started and completed with its outcome; a second cannot start while one is under way', async () => {
    const child = await as(sara, (s) => registerChild(s, newChild({ givenName: 'Hugo' })));
    const started = await as(sara, (s) => startNeedsAssessment(s, { childId: child.id, startedOn: addMonths(today, -4), workerId: sara.userId }));
    const second = await refusal(as(sara, (s) => startNeedsAssessment(s, { childId: child.id, startedOn: addMonths(today, -3), workerId: sara.userId })));
    assert.equal(second.rule, 'NEEDS_ASSESSMENT_ONGOING');
    const completed = await as(sara, (s) =>
      completeNeedsAssessment(s, { id: started.id, expectedVersion: started.version, completedOn: addMonths(today, -1), outcome: 'placement', summary: 'Barnet behöver placeras i familjehem.' }),
    );
    assert.deepEqual([completed.outcome, completed.completedOn], ['placement', addMonths(today, -1)]);
    const decision = await as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { needsAssessmentId: started.id, intervention: undefined })));
    assert.equal(decision.intervention, 'Placering i familjehem');
    assert.equal(decision.needsAssessmentId, started.id);
  });

  it('a decision cannot be dated in the future, nor rest on another child’s utredning', async () => {
    const { child } = await decidedChild();
    const other = await as(sara, (s) => registerChild(s, newChild({ givenName: 'Selma' })));
    const otherAssessment = await as(sara, (s) => startNeedsAssessment(s, { childId: other.id, startedOn: today, workerId: sara.userId }));
    await assert.rejects(as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { decidedOn: addDays(today, 1) }))), (error) =>
      error instanceof ValidationError && error.issues[0]!.message === 'Beslutsdatum kan inte vara i framtiden.',
    );
    await assert.rejects(as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { needsAssessmentId: otherAssessment.id }))), (error) =>
      error instanceof ValidationError && error.issues[0]!.path === 'needsAssessmentId',
    );
  });

  it('an executed decision can be interrupted once the placement has ended, and cancelled with a reason', async () => {
    const { child, decision } = await decidedChild();
    const notYet = await refusal(as(sara, (s) => interruptPlacementDecision(s, { id: decision.id, expectedVersion: decision.version, interruptedOn: today })));
    assert.equal(notYet.rule, 'DECISION_NOT_EXECUTED');
    const placement = await as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.ekbacken, startsOn: addDays(today, -10) }));
    const ongoing = await refusal(as(sara, (s) => interruptPlacementDecision(s, { id: decision.id, expectedVersion: decision.version, interruptedOn: today })));
    assert.equal(ongoing.rule, 'DECISION_PLACEMENT_ONGOING');
    await as(sara, (s) => endPlacement(s, { id: placement.id, expectedVersion: placement.version, endedOn: addDays(today, -2), endReason: 'Barnet har avvikit från familjehemmet' }));
    const interrupted = await as(sara, (s) => interruptPlacementDecision(s, { id: decision.id, expectedVersion: decision.version, interruptedOn: addDays(today, -2) }));
    assert.equal(interrupted.interruptedOn, addDays(today, -2));
    const cancelled = await as(sara, (s) => cancelPlacementDecision(s, { id: decision.id, expectedVersion: interrupted.version, cancelledOn: today, reason: 'Vården har upphört.' }));
    assert.deepEqual([cancelled.cancelledOn, cancelled.cancellationReason], [today, 'Vården har upphört.']);
    const void_ = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.ekbacken, startsOn: today })));
    assert.equal(void_.rule, 'PLACEMENT_DECISION_CANCELLED');
  });
});

describe('placing a child (placering) in an approved home', () => {
  it('places a Lindesberg child in the unit’s home under the approval in force, which shows that Nora approved the home', async () => {
    const { child, decision } = await decidedChild();
    const placement = await as(sara, (s) =>
      placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.ekbacken, startsOn: addDays(today, -5), plannedEndOn: addMonths(today, 24), agreementSignedOn: addDays(today, -5) }),
    );
    assert.equal(placement.placingMunicipalityId, org.lindesberg);
    const [approval] = await as(sara, (s) => loadPlacementApprovals(s, [placement.approvalId!]));
    assert.deepEqual([approval!.fosterHomeId, approval!.decidedById, approval!.ownerId], [homes.ekbacken, org.nora, org.unit]);
    const documents = await as(sara, (s) => updatePlacementDocuments(s, { id: placement.id, expectedVersion: placement.version, carePlanOn: addDays(today, -6), implementationPlanOn: today }));
    assert.deepEqual([documents.agreementSignedOn, documents.carePlanOn, documents.implementationPlanOn], [addDays(today, -5), addDays(today, -6), today]);
    await assert.rejects(as(sara, (s) => updatePlacementDocuments(s, { id: placement.id, expectedVersion: placement.version, carePlanOn: today })), VersionConflictError);
  });

  it('is refused in a home never approved', async () => {
    const { child, decision } = await decidedChild();
    const refused = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.obeslutad, startsOn: today })));
    assert.deepEqual(refused, { rule: 'PLACEMENT_HOME_NOT_APPROVED', message: 'Familjen Obeslutad har inget godkännande (beslut) och kan inte ta emot barn.' });
  });

  it('is refused in a home whose approval has run out, though it held when it was in force', async () => {
    const { child, decision } = await decidedChild();
    const refused = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.utgangen, startsOn: today })));
    assert.equal(refused.rule, 'PLACEMENT_APPROVAL_EXPIRED');
    assert.equal(refused.message, `Godkännandet av Familjen Utgången gällde till och med ${addMonths(today, -4)}; hemmet måste utredas på nytt innan barn placeras där.`);
  });

  it('is refused in a home refused at its re-assessment', async () => {
    const { child, decision } = await decidedChild();
    const refused = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.avslagen, startsOn: today })));
    assert.deepEqual(refused, { rule: 'PLACEMENT_HOME_REFUSED', message: `Familjen Avslagen fick avslag ${addMonths(today, -2)} och har inget gällande godkännande.` });
  });

  it('is refused in a full home, counting another municipality’s child Lindesberg cannot see', async () => {
    const { child, decision } = await decidedChild();
    const refused = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.trangbodd, startsOn: today })));
    assert.deepEqual(refused, { rule: 'PLACEMENT_HOME_FULL', message: `Familjen Trångbodd kan inte ta emot barnet ${today}: Har inga lediga platser.` });
  });

  it('is refused where the child does not fit the approval: the ages, a named child, the kind of decision', async () => {
    const { child, decision } = await decidedChild();
    const tooYoung = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.tonarsgarden, startsOn: today })));
    assert.deepEqual(tooYoung, { rule: 'PLACEMENT_CHILD_AGE', message: `Familjen Tonårsgården kan inte ta emot barnet ${today}: Godkänt för barn 13–17 år; barnet är 8 år.` });
    const named = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.namngiven, startsOn: today })));
    assert.deepEqual(named, { rule: 'PLACEMENT_NAMED_CHILD', message: `Familjen Namngiven kan inte ta emot barnet ${today}: Godkänt endast för ett namngivet barn, inte för det här barnet.` });
    const intoJour = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.jourlyckan, startsOn: today })));
    assert.deepEqual(intoJour, { rule: 'PLACEMENT_HOME_KIND', message: `Familjen Jourlyckan kan inte ta emot barnet ${today}: Godkänt som jourhem; barnet behöver en långsiktig placering.` });
    const emergency = await decidedChild('emergency');
    const jourOnly = await refusal(as(sara, (s) => placeChild(s, { childId: emergency.child.id, decisionId: emergency.decision.id, fosterHomeId: homes.ekbacken, startsOn: today })));
    assert.equal(jourOnly.rule, 'PLACEMENT_HOME_KIND');
    assert.match(jourOnly.message, /Godkänt som eget familjehem; barnet behöver en jourplacering\.$/);
  });

  it('is refused under an avslag, before the decision, and while the child is placed elsewhere; nothing is written', async () => {
    const child = await as(sara, (s) => registerChild(s, newChild({ givenName: 'Saga' })));
    const refusedDecision = await as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { favourable: false })));
    assert.equal((await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: refusedDecision.id, fosterHomeId: homes.ekbacken, startsOn: today })))).rule, 'PLACEMENT_DECISION_NOT_FAVOURABLE');
    const decision = await as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { decidedOn: addDays(today, -3) })));
    assert.equal((await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.ekbacken, startsOn: addDays(today, -4) })))).rule, 'PLACEMENT_BEFORE_DECISION');
    await as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.ekbacken, startsOn: today }));
    const twice = await refusal(as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.bjorkhagen, startsOn: today })));
    assert.equal(twice.rule, 'PLACEMENT_CHILD_ALREADY_PLACED');
    assert.equal((await as(sara, (s) => loadPlacementsByChild(s, [child.id]))).length, 1);
  });

  it('a move from the emergency home ends that placement and starts the next under the long-term decision, on the same day', async () => {
    const { child, decision: emergency } = await decidedChild('emergency', { givenName: 'Noah', gender: 'boy' });
    const jour = await as(sara, (s) => placeChild(s, { childId: child.id, decisionId: emergency.id, fosterHomeId: homes.jourlyckan, startsOn: addDays(today, -15) }));
    const longTerm = await as(sara, (s) => recordPlacementDecision(s, decisionInput(child, { decidedOn: addDays(today, -3) })));
    const wrongKind = await refusal(as(sara, (s) => movePlacement(s, { id: jour.id, expectedVersion: jour.version, movedOn: today, toFosterHomeId: homes.ekbacken })));
    assert.equal(wrongKind.rule, 'PLACEMENT_HOME_KIND', 'without a new decision the emergency decision still applies');
    const { ended, started } = await as(sara, (s) => movePlacement(s, { id: jour.id, expectedVersion: jour.version, movedOn: today, toFosterHomeId: homes.ekbacken, decisionId: longTerm.id }));
    assert.deepEqual([ended.endedOn, ended.endReason], [today, 'Flytt till annat familjehem']);
    assert.deepEqual([started.startsOn, started.fosterHomeId, started.decisionId], [today, homes.ekbacken, longTerm.id]);
    const history = await as(sara, (s) => loadPlacementsByChild(s, [child.id]));
    assert.deepEqual(history.map((p) => p.fosterHomeId), [homes.ekbacken, homes.jourlyckan]);
    const again = await refusal(as(sara, (s) => movePlacement(s, { id: jour.id, expectedVersion: ended.version, movedOn: today, toFosterHomeId: homes.tonarsgarden })));
    assert.equal(again.rule, 'PLACEMENT_ENDED');
  });

  it('a refused move leaves the placement it would have ended untouched', async () => {
    const { child, decision } = await decidedChild();
    const placement = await as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decision.id, fosterHomeId: homes.bjorkhagen, startsOn: addDays(today, -10) }));
    const refused = await refusal(as(sara, (s) => movePlacement(s, { id: placement.id, expectedVersion: placement.version, movedOn: today, toFosterHomeId: homes.trangbodd })));
    assert.equal(refused.rule, 'PLACEMENT_HOME_FULL');
    const [still] = await as(sara, (s) => loadPlacementsByChild(s, [child.id]));
    assert.deepEqual([still!.endedOn, still!.version], [null, placement.version]);
  });
});

describe('who sees a child’s case', () => {
  let child: Child;
  let placementId: string;
  before(async () => {
    const decided = await decidedChild('long_term', { givenName: 'Astrid', familyName: 'Hedlund' });
    child = decided.child;
    await as(sara, (s) => startNeedsAssessment(s, { childId: child.id, startedOn: addMonths(today, -3), workerId: sara.userId }));
    placementId = (await as(sara, (s) => placeChild(s, { childId: child.id, decisionId: decided.decision.id, fosterHomeId: homes.bjorkhagen, startsOn: addDays(today, -1) }))).id;
  });

  it('another municipality sees none of it: not the child, its guardians, utredning, decisions or placements', async () => {
    assert.deepEqual(await as(johan, (s) => loadChildren(s, [child.id])), []);
    assert.deepEqual(await as(johan, (s) => loadGuardiansByChild(s, [child.id])), []);
    assert.deepEqual(await as(johan, (s) => loadNeedsAssessmentsByChild(s, [child.id])), []);
    assert.deepEqual(await as(johan, (s) => loadPlacementDecisionsByChild(s, [child.id])), []);
    assert.deepEqual(await as(johan, (s) => loadPlacementsByChild(s, [child.id])), []);
    assert.ok((await as(johan, (s) => listChildren(s, { search: 'Hedlund', limit: 50, offset: 0 }))).children.every((c) => c.ownerId === org.nora));
    await assert.rejects(as(johan, (s) => updateChild(s, { id: child.id, expectedVersion: child.version, givenName: 'X' })), NotFoundError);
  });

  it('the unit sees the placement in its home and the child’s name and age, never the identity, decisions or utredning', async () => {
    const [placement] = await as(anna, (s) => loadPlacementsByHome(s, [homes.bjorkhagen])).then((ps) => ps.filter((p) => p.id === placementId));
    assert.equal(placement?.childId, child.id);
    const [seen] = await as(anna, (s) => loadChildren(s, [child.id]));
    assert.deepEqual([seen?.givenName, seen?.familyName, seen?.identity], ['Astrid', 'Hedlund', null]);
    const [occupant] = await as(anna, (s) => loadOccupantsByHome(s, [homes.bjorkhagen], today)).then((os) => os.filter((o) => o.child.id === child.id));
    assert.equal(occupant?.age, 8);
    for (const actor of [anna, erik]) {
      await assert.rejects(as(actor, (s) => loadPlacementDecisionsByChild(s, [child.id])), ForbiddenError);
      await assert.rejects(as(actor, (s) => loadNeedsAssessmentsByChild(s, [child.id])), ForbiddenError);
      await assert.rejects(as(actor, (s) => loadGuardiansByChild(s, [child.id])), ForbiddenError);
      await assert.rejects(as(actor, (s) => registerChild(s, newChild())), ForbiddenError);
    }
    // Row-level security says the same, whatever the application asks.
    const rows = await as(erik, async (s) => ({
      decisions: await s.db.selectFrom('placement_decisions').select('id').where('child_id', '=', child.id).execute(),
      assessments: await s.db.selectFrom('needs_assessments').select('id').where('child_id', '=', child.id).execute(),
      guardians: await s.db.selectFrom('guardians').select('id').where('child_id', '=', child.id).execute(),
    }));
    assert.deepEqual(rows, { decisions: [], assessments: [], guardians: [] });
  });

  it('the unit does not see placements in homes it does not own', async () => {
    assert.deepEqual(await as(anna, (s) => loadPlacementsByHome(s, [homes.slaktgarden])), []);
  });
});
