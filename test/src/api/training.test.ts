import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let anna: string;
let sara: string;
const today = todayInSweden();

before(async () => {
  server = await startTestServer();
  anna = await server.signIn('anna.lind@familjehem-norra.se');
  sara = await server.signIn('sara.nilsson@lindesberg.se');
});
after(async () => {
  await server?.close();
});

const ERRORS = /* GraphQL */ `
  ... on Error { __typename code message }
  ... on RuleViolationError { rule }
  ... on ValidationError { issues { path message } }`;

async function mutate(mutation: string, input: Record<string, unknown>, selection: string) {
  const name = `Mutation${mutation[0]!.toUpperCase()}${mutation.slice(1)}Success`;
  const response = await server.graphql(anna, `mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename ... on ${name} { data { ${selection} } } ${ERRORS} } }`, { input });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data![mutation];
}

describe('training over HTTP (utbildning)', () => {
  it('lists the courses with their sessions and participants, required and further training apart', async () => {
    const response = await server.graphql(anna, `{ trainingCourses { id name requiredForApproval offeredToApprovedHomes sessionsRequired sessions { id heldOn location leader } participants { adult { givenName familyName fosterHome { name } } sessionsAttended completedOn } } }`);
    assert.equal(response.errors, undefined);
    const courses = response.data!.trainingCourses;
    assert.deepEqual(courses.map((c: { name: string; requiredForApproval: boolean; offeredToApprovedHomes: boolean }) => [c.name, c.requiredForApproval, c.offeredToApprovedHomes]), [
      ['Ett hem att växa i', true, false],
      ['Traumamedveten omsorg', false, true],
    ]);
    const basic = courses[0];
    assert.ok(basic.sessions.some((s: { heldOn: string }) => s.heldOn > today), 'a coming round is scheduled');
    assert.ok(basic.participants.some((p: { completedOn: string | null; sessionsAttended: number }) => p.completedOn !== null && p.sessionsAttended === 6));
    const offered = await server.graphql(anna, `{ trainingCourses(filter: { offeredToApprovedHomes: true }) { name } }`);
    assert.deepEqual(offered.data!.trainingCourses, [{ name: 'Traumamedveten omsorg' }]);
  });

  it('shows who lacks which training, with the reason and the sessions already attended', async () => {
    const response = await server.graphql(anna, `{ missingTraining { adult { id givenName familyName fosterHome { name status } } course { name } reason sessionsAttended } }`);
    assert.equal(response.errors, undefined);
    const missing = response.data!.missingTraining;
    const dahlgren = missing.filter((m: { adult: { familyName: string } }) => m.adult.familyName === 'Dahlgren');
    assert.deepEqual(dahlgren.map((m: { course: { name: string }; reason: string; sessionsAttended: number }) => [m.course.name, m.reason, m.sessionsAttended]), [
      ['Ett hem att växa i', 'REQUIRED_FOR_APPROVAL', 4],
      ['Ett hem att växa i', 'REQUIRED_FOR_APPROVAL', 4],
    ]);
    assert.ok(missing.filter((m: { reason: string }) => m.reason === 'OFFERED_TO_APPROVED_HOMES').every((m: { adult: { fosterHome: { status: string } } }) => m.adult.fosterHome.status === 'ACTIVE'));
  });

  it('creates a course, schedules sessions, records attendance, and refuses completion before the required sessions', async () => {
    const course = await mutate('createTrainingCourse', { name: 'Barns rättigheter', requiredForApproval: false, offeredToApprovedHomes: true, sessionsRequired: 2 }, 'id name');
    assert.equal(course.__typename, 'MutationCreateTrainingCourseSuccess');
    const sessions = [];
    for (const daysAgo of [21, 7]) {
      const scheduled = await mutate('scheduleTrainingSession', { courseId: course.data.id, heldOn: addDays(today, -daysAgo), location: 'Kopparbergs bibliotek', leader: 'Erik Berg' }, 'id heldOn');
      sessions.push(scheduled.data);
    }
    const missing = await server.graphql(anna, `{ missingTraining { adult { id givenName familyName } course { name } } }`);
    const adult = missing.data!.missingTraining.find((m: { course: { name: string } }) => m.course.name === 'Barns rättigheter').adult;

    const attended = await mutate('recordTrainingAttendance', { sessionId: sessions[0].id, householdMemberIds: [adult.id] }, 'id');
    assert.equal(attended.__typename, 'MutationRecordTrainingAttendanceSuccess');
    const early = await mutate('recordTrainingCompletion', { courseId: course.data.id, householdMemberId: adult.id, completedOn: today }, 'completedOn');
    assert.deepEqual([early.__typename, early.rule], ['RuleViolationError', 'TRAINING_SESSIONS_MISSING']);
    assert.equal(early.message, `${adult.givenName} ${adult.familyName} har deltagit i 1 av de 2 träffar som Barns rättigheter kräver; registrera närvaron först.`);

    await mutate('recordTrainingAttendance', { sessionId: sessions[1].id, householdMemberIds: [adult.id] }, 'id');
    const completed = await mutate('recordTrainingCompletion', { courseId: course.data.id, householdMemberId: adult.id, completedOn: today }, 'completedOn sessionsAttended attendedSessionIds');
    assert.equal(completed.__typename, 'MutationRecordTrainingCompletionSuccess');
    assert.deepEqual([completed.data.completedOn, completed.data.sessionsAttended], [today, 2]);
    assert.deepEqual([...completed.data.attendedSessionIds].sort(), sessions.map((s) => s.id).sort());
  });

  it('bad course input answers with Swedish validation messages', async () => {
    const refused = await mutate('createTrainingCourse', { name: '', requiredForApproval: true, offeredToApprovedHomes: false, sessionsRequired: 51 }, 'id');
    assert.equal(refused.__typename, 'ValidationError');
    assert.deepEqual(refused.issues.map((i: { message: string }) => i.message), ['Kursens namn måste anges.', 'En kurs kan kräva högst 50 träffar.']);
  });

  it('a municipality’s barnsekreterare is refused courses and who lacks training', async () => {
    for (const query of [`{ trainingCourses { name } }`, `{ missingTraining { reason } }`]) {
      const response = await server.graphql(sara, query);
      assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN', query);
    }
  });
});
