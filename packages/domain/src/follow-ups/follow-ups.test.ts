import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction, queryCounter } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { DomainError, ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { addDays, addMonths, daysBetween, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { followUpDashboard } from './dashboard.js';
import { loadFollowUpSchedules, recordFollowUp, type ChildFollowUps } from './follow-ups.js';
import { addFollowUpPolicy, followUpPolicyOn, loadFollowUpPolicies, type NewFollowUpPolicyInput } from './policy.js';
import type { FollowUpLegalBasis } from './schedule.js';

const today = todayInSweden();
let db: TestDatabase;
const org = { unit: '', lindesberg: '', nora: '' };
/** Sara Nilsson (barnsekreterare) and Maria Holm (enhetschef) in Lindesberg; Johan Ek in Nora; Anna Lind and Erik Berg at the unit; Eva Ahlin, administrator. */
let sara: Actor;
let maria: Actor;
let johan: Actor;
let anna: Actor;
let erik: Actor;
let eva: Actor;
/** Lindesberg's children: Elsa (SoL, Sara's), Adam (LVU 3 §, Sara's), Selma (SoL, no social worker), Nour (SoL, Sara's, care ended). */
const child = { elsa: '', adam: '', selma: '', nour: '' };
let unitHome = '';
let serial = 950;

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/** A Lindesberg child placed in the unit's home under a decision, as the database owner. */
async function placedChild(givenName: string, options: { startsOn: IsoDate; legalBasis: FollowUpLegalBasis; workerId: string | null; endedOn?: IsoDate }): Promise<string> {
  serial += 1;
  const birthDate = addDays(addMonths(today, -12 * 9), -serial);
  const row = await db.kysely
    .insertInto('children')
    .values({ owner_org_id: org.lindesberg, given_name: givenName, family_name: 'Uppföljd', personal_identity_number: testPersonalIdentityNumber(birthDate, serial), birth_date: birthDate, gender: 'girl', assigned_worker_id: options.workerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decision = await db.kysely
    .insertInto('placement_decisions')
    .values({
      owner_org_id: org.lindesberg,
      child_id: row.id,
      legal_basis: options.legalBasis,
      kind: 'long_term',
      intervention: 'Placering i familjehem',
      decided_on: addDays(options.startsOn, -3),
      decision_maker_kind: 'committee',
      decision_maker_name: 'Sociala myndighetsnämnden',
      favourable: true,
      recorded_by: sara.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('placements')
    .values({
      owner_org_id: org.lindesberg,
      child_id: row.id,
      foster_home_id: unitHome,
      starts_on: options.startsOn,
      ended_on: options.endedOn ?? null,
      end_reason: options.endedOn ? 'Återförening med vårdnadshavare' : null,
      decision_id: decision.id,
    })
    .execute();
  return row.id;
}

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
  eva = await demoActor(db, 'eva.ahlin@lindesberg.se', org.lindesberg);
  unitHome = (await db.kysely.selectFrom('foster_homes').select('id').where('owner_org_id', '=', org.unit).where('kind', '=', 'own').orderBy('name').executeTakeFirstOrThrow()).id;
  // Placed seven months ago: the first visit (after three months) and the first review (after six) are overdue.
  child.elsa = await placedChild('Elsa', { startsOn: addMonths(today, -7), legalBasis: 'sol', workerId: sara.userId });
  child.adam = await placedChild('Adam', { startsOn: addMonths(today, -2), legalBasis: 'lvu_3', workerId: sara.userId });
  child.selma = await placedChild('Selma', { startsOn: addMonths(today, -4), legalBasis: 'sol', workerId: null });
  child.nour = await placedChild('Nour', { startsOn: addMonths(today, -5), legalBasis: 'sol', workerId: sara.userId, endedOn: addMonths(today, -1) });
});

after(async () => {
  await db.dispose();
});

function openItem(schedule: ChildFollowUps, kind: string) {
  return schedule.items.find((item) => item.kind === kind && item.done === null);
}

async function scheduleOf(actor: Actor, childId: string): Promise<ChildFollowUps> {
  const [schedule] = await as(actor, (session) => loadFollowUpSchedules(session, [childId]));
  assert.ok(schedule, 'the schedule is visible');
  return schedule;
}

async function followUpRows(childId: string) {
  return db.kysely.selectFrom('follow_ups').innerJoin('placements', 'placements.id', 'follow_ups.placement_id').selectAll('follow_ups').where('placements.child_id', '=', childId).execute();
}

function rejectsWith<E extends DomainError>(ErrorClass: new (...args: never[]) => E, check?: (error: E) => boolean) {
  return (error: unknown) => error instanceof ErrorClass && (check ? check(error) : true);
}

describe('recording a follow-up', () => {
  it('records the social worker’s visit against the due date it answered, audited, and makes the next visit due three months after it', async () => {
    const before = await scheduleOf(sara, child.elsa);
    const visit = openItem(before, 'visit')!;
    assert.equal(visit.dueOn, addMonths(today, -4));
    assert.equal(visit.status, 'overdue');
    const doneOn = addDays(today, -2);
    const after = await as(sara, (session) =>
      recordFollowUp(session, { childId: child.elsa, kind: 'visit', dueOn: visit.dueOn, doneOn, talkedAlone: true, note: 'Enskilt samtal om skolan.' }),
    );
    const done = after.items.find((item) => item.kind === 'visit' && item.done !== null)!;
    assert.equal(done.dueOn, visit.dueOn);
    assert.equal(done.status, 'done');
    assert.equal(done.done!.doneOn, doneOn);
    assert.equal(done.done!.doneByName, 'Sara Nilsson');
    assert.equal(done.done!.talkedAlone, true);
    assert.equal(openItem(after, 'visit')!.dueOn, addMonths(doneOn, 3));
    const [row] = await followUpRows(child.elsa);
    assert.equal(row!.due_on, visit.dueOn);
    assert.equal(row!.recorded_by, sara.userId);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type']).where('person_id', '=', child.elsa).where('entity_type', '=', 'FollowUp').execute();
    assert.deepEqual(audit, [{ action: 'create', entity_type: 'FollowUp' }]);
    assert.deepEqual(await scheduleOf(sara, child.elsa), after, 'what the mutation answers is what a fresh read shows');
  });

  it('lets the head of unit record a review for a child without a social worker', async () => {
    const review = openItem(await scheduleOf(maria, child.selma), 'review')!;
    const after = await as(maria, (session) => recordFollowUp(session, { childId: child.selma, kind: 'review', dueOn: review.dueOn, doneOn: today, note: 'Vården behövs fortfarande.' }));
    assert.equal(after.items.find((item) => item.kind === 'review' && item.done)!.done!.doneByName, 'Maria Holm');
    assert.equal((await followUpRows(child.selma))[0]!.talked_alone, null);
  });

  it('refuses a social worker who is not the child’s own', async () => {
    const visit = openItem(await scheduleOf(sara, child.selma), 'visit')!;
    await assert.rejects(
      as(sara, (session) => recordFollowUp(session, { childId: child.selma, kind: 'visit', dueOn: visit.dueOn, doneOn: today, talkedAlone: true })),
      rejectsWith(ForbiddenError),
    );
  });

  it('refuses a re-examination of a placement under SoL, and a review of one under LVU 3 §, writing nothing', async () => {
    await assert.rejects(
      as(sara, (session) => recordFollowUp(session, { childId: child.elsa, kind: 'reexamination', dueOn: today, doneOn: today })),
      rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_KIND_NOT_APPLICABLE' && /Omprövning gäller inte vård enligt socialtjänstlagen/.test(error.message)),
    );
    await assert.rejects(
      as(sara, (session) => recordFollowUp(session, { childId: child.adam, kind: 'review', dueOn: today, doneOn: today })),
      rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_KIND_NOT_APPLICABLE' && /3 § LVU/.test(error.message)),
    );
    assert.deepEqual(await followUpRows(child.adam), []);
    assert.ok(openItem(await scheduleOf(sara, child.adam), 'reexamination'), 'LVU 3 § care is re-examined instead');
  });

  it('refuses a date in the future, a visit without the talk alone answered, and a date before what the follow-up counts from', async () => {
    const visit = openItem(await scheduleOf(sara, child.adam), 'visit')!;
    const record = (input: Partial<Parameters<typeof recordFollowUp>[1]>) =>
      as(sara, (session) => recordFollowUp(session, { childId: child.adam, kind: 'visit', dueOn: visit.dueOn, doneOn: today, talkedAlone: true, ...input }));
    await assert.rejects(record({ doneOn: addDays(today, 1) }), rejectsWith(ValidationError, (error) => error.issues[0]!.path === 'doneOn'));
    await assert.rejects(record({ talkedAlone: null }), rejectsWith(ValidationError, (error) => error.issues[0]!.path === 'talkedAlone' && /enskilt/.test(error.message)));
    await assert.rejects(record({ doneOn: addMonths(today, -3) }), rejectsWith(ValidationError, (error) => /räknas från/.test(error.message)));
    await assert.rejects(record({ doneOn: '2026-02-30' }), rejectsWith(ValidationError));
    assert.deepEqual(await followUpRows(child.adam), []);
  });

  it('refuses to answer a due date that is no longer the open one, so two workers cannot record the same visit', async () => {
    const visit = openItem(await scheduleOf(sara, child.adam), 'visit')!;
    await as(sara, (session) => recordFollowUp(session, { childId: child.adam, kind: 'visit', dueOn: visit.dueOn, doneOn: today, talkedAlone: false }));
    await assert.rejects(
      as(maria, (session) => recordFollowUp(session, { childId: child.adam, kind: 'visit', dueOn: visit.dueOn, doneOn: today, talkedAlone: true })),
      rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_ALREADY_ANSWERED'),
    );
    assert.equal((await followUpRows(child.adam)).length, 1);
  });

  it('has nothing to record after care ended, except what fell due before the end', async () => {
    const schedule = await scheduleOf(sara, child.nour);
    assert.deepEqual(schedule.items.map((item) => [item.kind, item.status]), [['visit', 'overdue']]);
    await assert.rejects(
      as(sara, (session) => recordFollowUp(session, { childId: child.nour, kind: 'review', dueOn: addMonths(today, 1), doneOn: today })),
      rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_NOT_DUE'),
    );
    await assert.rejects(
      as(sara, (session) => recordFollowUp(session, { childId: child.nour, kind: 'visit', dueOn: schedule.items[0]!.dueOn, doneOn: today, talkedAlone: true })),
      rejectsWith(ValidationError, (error) => /Vården upphörde/.test(error.message)),
    );
  });
});

describe('who sees a child’s follow-up', () => {
  it('another municipality sees none of it and cannot record', async () => {
    assert.deepEqual(await as(johan, (session) => loadFollowUpSchedules(session, [child.elsa])), []);
    await assert.rejects(
      as(johan, (session) => recordFollowUp(session, { childId: child.elsa, kind: 'visit', dueOn: today, doneOn: today, talkedAlone: true })),
      rejectsWith(NotFoundError),
    );
    const nora = await as(johan, (session) => followUpDashboard(session));
    assert.ok(nora.workers.every((worker) => [...worker.overdue, ...worker.dueSoon].every((item) => ![child.elsa, child.adam, child.selma].includes(item.childId))));
    const rows = await as(johan, (session) => session.db.selectFrom('follow_ups').select('owner_org_id').distinct().execute());
    assert.ok(rows.every((row) => row.owner_org_id === org.nora), 'row-level security shows Nora only its own follow-ups');
  });

  it('the joint unit sees no follow-ups, not even of children placed in its homes', async () => {
    for (const actor of [anna, erik]) {
      await assert.rejects(as(actor, (session) => followUpDashboard(session)), rejectsWith(ForbiddenError));
      await assert.rejects(as(actor, (session) => loadFollowUpSchedules(session, [child.elsa])), rejectsWith(ForbiddenError));
      await assert.rejects(as(actor, (session) => loadFollowUpPolicies(session)), rejectsWith(ForbiddenError));
    }
    const { rows } = await as(erik, (session) => sql<{ n: number }>`select count(*)::int as n from follow_ups`.execute(session.db));
    assert.equal(rows[0]!.n, 0, 'row-level security hides every follow-up from the unit');
    const policies = await as(erik, (session) => session.db.selectFrom('follow_up_policies').select('id').execute());
    assert.deepEqual(policies, []);
  });
});

describe('the head of unit’s view', () => {
  it('lists overdue and soon-due follow-ups per social worker with each one’s caseload, in four statements', async () => {
    const counter = { count: 0 };
    const dashboard = await queryCounter.run(counter, () => as(maria, (session) => followUpDashboard(session, { withinDays: 30 })));
    // begin, set_config and commit around: placements, follow-ups done, policies, audit.
    assert.equal(counter.count, 4 + 3);
    assert.equal(dashboard.municipalityId, org.lindesberg);
    const saras = dashboard.workers.find((worker) => worker.workerId === sara.userId)!;
    const placedNow = await db.kysely
      .selectFrom('children')
      .select('id')
      .where('owner_org_id', '=', org.lindesberg)
      .where('assigned_worker_id', '=', sara.userId)
      .where((eb) => eb.exists(eb.selectFrom('placements').select('id').whereRef('placements.child_id', '=', 'children.id').where('starts_on', '<=', today).where((inner) => inner.or([inner('ended_on', 'is', null), inner('ended_on', '>', today)]))))
      .execute();
    assert.equal(saras.caseload, placedNow.length);
    assert.ok(saras.overdue.some((item) => item.childId === child.elsa && item.kind === 'review' && item.daysOverdue === daysBetween(addMonths(addMonths(today, -7), 6), today)));
    assert.ok(!saras.overdue.some((item) => item.childId === child.nour), 'ended care is not in the caseload');
    const unassigned = dashboard.workers.find((worker) => worker.workerId === null)!;
    assert.ok(unassigned.overdue.some((item) => item.childId === child.selma && item.kind === 'visit'));
    for (const worker of dashboard.workers) {
      assert.ok(worker.overdue.every((item, index, all) => item.status === 'overdue' && (index === 0 || all[index - 1]!.dueOn <= item.dueOn)), 'oldest first');
      assert.ok(worker.dueSoon.every((item) => item.status === 'due' && item.dueOn >= today && item.dueOn <= addDays(today, 30)));
    }
    assert.equal(dashboard.overdueCount, dashboard.workers.reduce((sum, worker) => sum + worker.overdue.length, 0));
    const audited = await db.kysely.selectFrom('audit_log').select('person_id').where('user_id', '=', maria.userId).where('purpose', '=', 'uppföljning: enhetschefens översikt').execute();
    assert.ok(audited.some((row) => row.person_id === child.elsa));
  });

  it('shows a social worker only their own children, and shrinks the overdue list when a follow-up is recorded', async () => {
    const before = await as(sara, (session) => followUpDashboard(session));
    assert.deepEqual(before.workers.map((worker) => worker.workerId), [sara.userId]);
    const review = before.workers[0]!.overdue.find((item) => item.childId === child.elsa && item.kind === 'review')!;
    await as(sara, (session) => recordFollowUp(session, { childId: child.elsa, kind: 'review', dueOn: review.dueOn, doneOn: today }));
    const after = await as(sara, (session) => followUpDashboard(session));
    assert.equal(after.overdueCount, before.overdueCount - 1);
    assert.ok(!after.workers[0]!.overdue.some((item) => item.childId === child.elsa && item.kind === 'review'));
  });

  it('takes the number of days ahead, within a year', async () => {
    const wide = await as(maria, (session) => followUpDashboard(session, { withinDays: 365 }));
    const narrow = await as(maria, (session) => followUpDashboard(session, { withinDays: 0 }));
    assert.ok(wide.dueSoonCount >= narrow.dueSoonCount);
    assert.equal(wide.overdueCount, narrow.overdueCount);
    await assert.rejects(as(maria, (session) => followUpDashboard(session, { withinDays: 400 })), rejectsWith(ValidationError));
  });
});

describe('the follow-up policy', () => {
  const policy = (validFrom: IsoDate, visitIntervalMonths = 1): NewFollowUpPolicyInput => ({
    validFrom,
    visitIntervalMonths,
    reviewIntervalMonths: 6,
    reexaminationIntervalMonths: 6,
    custodyTransferAfterMonths: 24,
    custodyTransferIntervalMonths: 12,
    carePlanRevisionMonths: 24,
    visitReference: 'Socialtjänstlagen (2025:400), besök',
    reviewReference: 'Socialtjänstlagen (2025:400), övervägande; 13 § LVU',
    reexaminationReference: '13 § andra stycket LVU',
    custodyTransferReference: 'Socialtjänstlagen (2025:400), vårdnadsöverflyttning; 13 § LVU',
    carePlanRevisionReference: 'Socialtjänstlagen (2025:400), vårdplan',
  });

  it('is dated per municipality, with the law’s references as data: SoL 2001:453 before 1 July 2025, Socialtjänstlag 2025:400 after', async () => {
    const before = await as(sara, (session) => followUpPolicyOn(session, '2025-06-30'));
    const after = await as(sara, (session) => followUpPolicyOn(session, '2025-07-01'));
    assert.match(before.references.review, /2001:453/);
    assert.match(after.references.review, /2025:400/);
    assert.equal(after.visitIntervalMonths, 3);
    const nora = await as(johan, (session) => followUpPolicyOn(session, '2025-07-01'));
    assert.equal(nora.visitIntervalMonths, 2, 'Nora visits its children every second month');
  });

  it('may be added by the head of unit or an administrator, not by a social worker or the unit', async () => {
    await assert.rejects(as(sara, (session) => addFollowUpPolicy(session, policy(addDays(today, 10)))), rejectsWith(ForbiddenError));
    await assert.rejects(as(erik, (session) => addFollowUpPolicy(session, policy(addDays(today, 10)))), rejectsWith(ForbiddenError));
    const added = await as(eva, (session) => addFollowUpPolicy(session, policy(addDays(today, 60), 2)));
    assert.equal(added.ownerId, org.lindesberg);
    assert.equal(added.references.care_plan_revision, 'Socialtjänstlagen (2025:400), vårdplan');
  });

  it('is never overwritten nor back-dated', async () => {
    const before = await as(maria, (session) => loadFollowUpPolicies(session));
    await assert.rejects(as(maria, (session) => addFollowUpPolicy(session, policy(addDays(today, 60)))), rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_POLICY_EXISTS'));
    await assert.rejects(as(maria, (session) => addFollowUpPolicy(session, policy(addDays(today, -1)))), rejectsWith(RuleViolationError, (error) => error.rule === 'FOLLOW_UP_POLICY_BACKDATED'));
    await assert.rejects(as(maria, (session) => addFollowUpPolicy(session, { ...policy(today), visitIntervalMonths: 0, visitReference: ' ' })), rejectsWith(ValidationError, (error) => error.issues.length === 2));
    assert.deepEqual(await as(maria, (session) => loadFollowUpPolicies(session)), before);
  });

  it('re-computes the next visit from the day a new policy applies, leaving what was done as it was', async () => {
    const before = await scheduleOf(maria, child.elsa);
    const nextVisit = openItem(before, 'visit')!;
    // Monthly visits from tomorrow bring Elsa's next visit forward to a month after her last one, but not before tomorrow.
    await as(maria, (session) => addFollowUpPolicy(session, policy(addDays(today, 1))));
    const after = await scheduleOf(maria, child.elsa);
    const lastVisit = after.items.filter((item) => item.kind === 'visit' && item.done).at(-1)!;
    const expected = [addMonths(lastVisit.done!.doneOn, 1), addDays(today, 1)].sort().at(-1);
    assert.equal(openItem(after, 'visit')!.dueOn, expected);
    assert.ok(openItem(after, 'visit')!.dueOn < nextVisit.dueOn);
    assert.deepEqual(
      after.items.filter((item) => item.done),
      before.items.filter((item) => item.done),
      'done items keep the due dates they answered',
    );
  });
});
