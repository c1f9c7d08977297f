import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import {
  createTrainingCourse,
  listTrainingCourses,
  loadTrainingParticipantsByCourse,
  loadTrainingSessionsByCourse,
  recordTrainingAttendance,
  recordTrainingCompletion,
  scheduleTrainingSession,
  type TrainingCourse,
} from './courses.js';
import { listMissingTraining } from './requirements.js';
import { assertCompletionAllowed, describeMissingTraining, missingCourses } from './rules.js';

let db: TestDatabase;
let anna: Actor;
let erik: Actor;
let johan: Actor;
const today = todayInSweden();
const daysAgo = (n: number) => addDays(today, -n);

before(async () => {
  db = await createTestDatabase();
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));
}

/** The household members of a demo home by its name, as the database owner reads them. */
async function householdOf(homeName: string) {
  return db.kysely
    .selectFrom('household_members')
    .innerJoin('foster_homes', 'foster_homes.id', 'household_members.foster_home_id')
    .select(['household_members.id', 'given_name', 'family_name', 'role', 'foster_home_id'])
    .where('foster_homes.name', '=', homeName)
    .orderBy('given_name')
    .execute();
}

function refusedBy(rule: string, message?: string | RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof RuleViolationError, `expected ${rule}, got ${String(error)}`);
    assert.equal(error.rule, rule);
    if (typeof message === 'string') assert.equal(error.message, message);
    else if (message) assert.match(error.message, message);
    return true;
  };
}

describe('the training rules (pure)', () => {
  const karin = { id: 'k', givenName: 'Karin', familyName: 'Berg' };
  const per = { id: 'p', givenName: 'Per', familyName: 'Berg' };
  const basic = { id: 'b', name: 'Ett hem att växa i', sessionsRequired: 6 };
  const trauma = { id: 't', name: 'Traumamedveten omsorg', sessionsRequired: 3 };

  it('an adult lacks every course not completed; adults keep their order', () => {
    const missing = missingCourses([karin, per], [basic, trauma], [{ courseId: 'b', householdMemberId: 'k' }]);
    assert.deepEqual(missing.map(({ adult, course }) => `${adult.givenName}: ${course.name}`), ['Karin: Traumamedveten omsorg', 'Per: Ett hem att växa i', 'Per: Traumamedveten omsorg']);
    assert.deepEqual(missingCourses([karin], [basic], [{ courseId: 'b', householdMemberId: 'k' }]), []);
  });

  it('the refusal names each adult once with the courses they lack, in Swedish', () => {
    const missing = missingCourses([karin, per], [basic, trauma], [{ courseId: 'b', householdMemberId: 'k' }, { courseId: 't', householdMemberId: 'k' }]);
    assert.equal(describeMissingTraining(missing), 'Per Berg saknar Ett hem att växa i och Traumamedveten omsorg.');
    assert.equal(
      describeMissingTraining(missingCourses([karin, per], [basic], [])),
      'Karin Berg saknar Ett hem att växa i. Per Berg saknar Ett hem att växa i.',
    );
  });

  it('a course is completed only after the sessions it requires, counted up to the completion day', () => {
    const six = ['2025-01-10', '2025-01-24', '2025-02-07', '2025-02-21', '2025-03-07', '2025-03-21'];
    assert.doesNotThrow(() => assertCompletionAllowed(basic, karin, six, '2025-03-21'));
    assert.throws(() => assertCompletionAllowed(basic, karin, six.slice(0, 5), '2025-03-21'), refusedBy('TRAINING_SESSIONS_MISSING', 'Karin Berg har deltagit i 5 av de 6 träffar som Ett hem att växa i kräver; registrera närvaron först.'));
    assert.throws(() => assertCompletionAllowed(basic, karin, six, '2025-03-20'), refusedBy('TRAINING_SESSIONS_MISSING', /5 av de 6 .* fram till 2025-03-20/));
  });
});

describe('courses, sessions, attendance and completion', () => {
  let course: TrainingCourse;

  it('the unit creates a course with the sessions it requires; bad input is refused in Swedish', async () => {
    await assert.rejects(
      as(anna, (session) => createTrainingCourse(session, { name: ' ', requiredForApproval: false, offeredToApprovedHomes: true, sessionsRequired: 0 })),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.issues.map((i) => i.message), ['Kursens namn måste anges.', 'Minst en träff krävs för att gå en kurs.']);
        return true;
      },
    );
    course = await as(anna, (session) =>
      createTrainingCourse(session, { name: 'Nätverksarbete', description: 'Att samarbeta med barnets nätverk.', requiredForApproval: false, offeredToApprovedHomes: true, sessionsRequired: 2 }),
    );
    assert.deepEqual([course.name, course.requiredForApproval, course.offeredToApprovedHomes, course.sessionsRequired], ['Nätverksarbete', false, true, 2]);
    const offered = await as(erik, (session) => listTrainingCourses(session, { offeredToApprovedHomes: true }));
    assert.deepEqual(offered.map((c) => c.name), ['Nätverksarbete', 'Traumamedveten omsorg']);
  });

  it('sessions are scheduled with date, place and leader, also ahead; attendance waits until a session is held', async () => {
    const held = await as(anna, (session) => scheduleTrainingSession(session, { courseId: course.id, heldOn: daysAgo(14), location: 'Folkets hus, Nora', leader: 'Anna Lind' }));
    await as(anna, (session) => scheduleTrainingSession(session, { courseId: course.id, heldOn: daysAgo(7), location: 'Folkets hus, Nora', leader: 'Anna Lind' }));
    const ahead = await as(anna, (session) => scheduleTrainingSession(session, { courseId: course.id, heldOn: addDays(today, 7), location: null, leader: null }));
    const sessions = await as(anna, (session) => loadTrainingSessionsByCourse(session, [course.id]));
    assert.deepEqual(sessions.map((s) => [s.heldOn, s.location]), [[daysAgo(14), 'Folkets hus, Nora'], [daysAgo(7), 'Folkets hus, Nora'], [addDays(today, 7), null]]);
    assert.equal(held.leader, 'Anna Lind');
    const [adult] = (await householdOf('Familjen Björk')).filter((m) => m.role === 'adult');
    await assert.rejects(
      as(anna, (session) => recordTrainingAttendance(session, { sessionId: ahead.id, householdMemberIds: [adult!.id] })),
      refusedBy('TRAINING_SESSION_NOT_HELD', `Tillfället hålls ${addDays(today, 7)}; närvaro registreras när det har hållits.`),
    );
  });

  it('attendance is per adult: a child of the household is refused, and recording an adult twice changes nothing', async () => {
    const household = await householdOf('Familjen Björk');
    const [first] = await as(anna, (session) => loadTrainingSessionsByCourse(session, [course.id]));
    const child = household.find((m) => m.role === 'child')!;
    await assert.rejects(as(anna, (session) => recordTrainingAttendance(session, { sessionId: first!.id, householdMemberIds: [child.id] })), refusedBy('TRAINING_ADULTS_ONLY', /Ebba Björk är inte vuxen/));
    const adults = household.filter((m) => m.role === 'adult').map((m) => m.id);
    await as(anna, (session) => recordTrainingAttendance(session, { sessionId: first!.id, householdMemberIds: adults }));
    await as(anna, (session) => recordTrainingAttendance(session, { sessionId: first!.id, householdMemberIds: adults }));
    const count = await db.kysely.selectFrom('training_attendances').select((eb) => eb.fn.countAll<number>().as('n')).where('session_id', '=', first!.id).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 2);
  });

  it('completion is refused until the adult has attended the sessions the course requires, and is recorded once', async () => {
    const [helena] = (await householdOf('Familjen Björk')).filter((m) => m.given_name === 'Helena');
    const [, second] = await as(anna, (session) => loadTrainingSessionsByCourse(session, [course.id]));
    await assert.rejects(
      as(anna, (session) => recordTrainingCompletion(session, { courseId: course.id, householdMemberId: helena!.id, completedOn: daysAgo(7) })),
      refusedBy('TRAINING_SESSIONS_MISSING', 'Helena Björk har deltagit i 1 av de 2 träffar som Nätverksarbete kräver; registrera närvaron först.'),
    );
    await as(anna, (session) => recordTrainingAttendance(session, { sessionId: second!.id, householdMemberIds: [helena!.id] }));
    await assert.rejects(
      as(anna, (session) => recordTrainingCompletion(session, { courseId: course.id, householdMemberId: helena!.id, completedOn: addDays(today, 1) })),
      refusedBy('TRAINING_COMPLETION_AHEAD'),
    );
    const requestId = randomUUID();
    const completed = await as(anna, (session) => recordTrainingCompletion(session, { courseId: course.id, householdMemberId: helena!.id, completedOn: daysAgo(7) }), requestId);
    assert.deepEqual([completed.completedOn, completed.attendedSessionIds.length], [daysAgo(7), 2]);
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type', 'person_id']).where('request_id', '=', requestId).execute();
    assert.deepEqual(audit, [{ action: 'create', entity_type: 'TrainingCompletion', person_id: helena!.id }]);
    await assert.rejects(
      as(anna, (session) => recordTrainingCompletion(session, { courseId: course.id, householdMemberId: helena!.id, completedOn: daysAgo(6) })),
      refusedBy('TRAINING_ALREADY_COMPLETED', /Helena Björk har redan gått Nätverksarbete/),
    );
  });

  it('a course’s participants are the adults who attended or completed it, with their sessions; the read is audited per person', async () => {
    const requestId = randomUUID();
    const participants = await as(anna, (session) => loadTrainingParticipantsByCourse(session, [course.id]), requestId);
    assert.deepEqual(
      participants.map((p) => [p.adult.givenName, p.attendedSessionIds.length, p.completedOn]),
      [['Helena', 2, daysAgo(7)], ['Jonas', 1, null]],
    );
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'person_id']).where('request_id', '=', requestId).execute();
    assert.deepEqual(audit.map((a) => a.person_id).sort(), participants.map((p) => p.adult.id).sort());
  });
});

describe('who lacks which training (listMissingTraining)', () => {
  it('adults of families at the basic training or beyond lacking the required course, with how many sessions they attended', async () => {
    const missing = await as(anna, (session) => listMissingTraining(session));
    const required = missing.filter((m) => m.reason === 'required_for_approval');
    const byFamily = (family: string) => required.filter((m) => m.adult.familyName === family).map((m) => [m.adult.givenName, m.sessionsAttended]);
    assert.deepEqual(byFamily('Dahlgren'), [['Niklas', 4], ['Sara', 4]]);
    assert.deepEqual(byFamily('Holmgren'), [['David', 3], ['Karolina', 3]]);
    assert.deepEqual(byFamily('Berggren'), [['Louise', 3], ['Patrik', 3]]);
    // Families before the basic training, and those who completed it, are not on the list.
    assert.deepEqual(byFamily('Forsman'), []);
    assert.deepEqual(byFamily('Lundmark'), []);
    assert.equal(new Set(required.map((m) => m.adult.familyName)).size, 5);
  });

  it('adults of active homes lacking a course offered to approved homes; those who finished it are not listed', async () => {
    const missing = await as(anna, (session) => listMissingTraining(session));
    const trauma = (await as(anna, (session) => listTrainingCourses(session))).find((c) => c.name === 'Traumamedveten omsorg')!;
    const offered = missing.filter((m) => m.reason === 'offered_to_approved_homes' && m.courseId === trauma.id);
    const completedIds = new Set((await db.kysely.selectFrom('training_completions').select('household_member_id').where('course_id', '=', trauma.id).execute()).map((r) => r.household_member_id));
    assert.ok(offered.length > 0 && completedIds.size > 0);
    assert.ok(offered.every((m) => !completedIds.has(m.adult.id)));
    assert.ok(offered.some((m) => m.sessionsAttended === 2), 'someone who came to two of the three sessions');
    const homes = await db.kysely.selectFrom('foster_homes').select(['id', 'status']).where('id', 'in', offered.map((m) => m.adult.fosterHomeId)).execute();
    assert.ok(homes.every((h) => h.status === 'active'));
  });

  it('a municipality’s barnsekreterare can see neither courses nor who lacks training, in the domain or in SQL', async () => {
    await assert.rejects(as(johan, (session) => listTrainingCourses(session)), ForbiddenError);
    await assert.rejects(as(johan, (session) => listMissingTraining(session)), ForbiddenError);
    await assert.rejects(as(johan, (session) => loadTrainingParticipantsByCourse(session, [randomUUID()])), ForbiddenError);
    const counts = await as(johan, async ({ db: trx }) => {
      const { rows } = await sql<{ courses: number; attendances: number }>`
        select (select count(*)::int from training_courses) as courses, (select count(*)::int from training_attendances) as attendances`.execute(trx);
      return rows[0]!;
    });
    assert.deepEqual(counts, { courses: 0, attendances: 0 });
  });
});
