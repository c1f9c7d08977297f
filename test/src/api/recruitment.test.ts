import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let anna: string;
let johan: string;
let noraId: string;
const today = todayInSweden();
const daysAgo = (n: number) => addDays(today, -n);

before(async () => {
  server = await startTestServer();
  anna = await server.signIn('anna.lind@familjehem-norra.se');
  johan = await server.signIn('johan.ek@nora.se');
  const organisations = await server.graphql(anna, `{ organisations(kind: MUNICIPALITY) { id name } }`);
  noraId = organisations.data!.organisations.find((o: { name: string }) => o.name === 'Nora kommun').id;
});
after(async () => {
  await server?.close();
});

const RECRUITMENT_FIELDS = /* GraphQL */ `
  fragment RecruitmentFields on Recruitment {
    id
    step
    version
    pausedOn
    leftOn
    leavingReason
    screeningResult
    source
    progress { daysInStep targetDays overdue }
    fosterHome { id name status places kind householdMembers { givenName role } }
    timeline { kind step occurredOn note signedBy }
  }`;

const ERRORS = /* GraphQL */ `
  ... on Error { __typename code message }
  ... on RuleViolationError { rule }
  ... on ValidationError { issues { path message } }
  ... on VersionConflictError { currentVersion }`;

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInquiryInput!) {
    registerInquiry(input: $input) {
      __typename
      ... on MutationRegisterInquirySuccess { data { ...RecruitmentFields } }
      ${ERRORS}
    }
  }
  ${RECRUITMENT_FIELDS}`;

const move = (mutation: string, input = 'RecruitmentMoveInput') => /* GraphQL */ `
  mutation Move($input: ${input}!) {
    ${mutation}(input: $input) {
      __typename
      ... on Mutation${mutation[0]!.toUpperCase()}${mutation.slice(1)}Success { data { ...RecruitmentFields } }
      ${ERRORS}
    }
  }
  ${RECRUITMENT_FIELDS}`;

let serial = 100;
function inquiryInput(family: string, receivedDaysAgo: number) {
  return {
    kindSought: 'OWN',
    name: `Familjen ${family}`,
    streetAddress: 'Bergsmansgatan 3',
    postalCode: '713 30',
    city: 'Nora',
    municipalityId: noraId,
    householdMembers: [
      { givenName: 'Lena', familyName: family, personalIdentityNumber: testPersonalIdentityNumber('1985-04-17', serial++), role: 'adult' },
      { givenName: 'Jonas', familyName: family, personalIdentityNumber: testPersonalIdentityNumber('1983-09-02', serial++), role: 'adult' },
    ],
    receivedOn: daysAgo(receivedDaysAgo),
    source: 'SOCIAL_MEDIA',
    sourceDetail: 'Instagram',
    note: 'Skrev via formuläret.',
  };
}

async function register(family: string, receivedDaysAgo: number) {
  const response = await server.graphql(anna, REGISTER, { input: inquiryInput(family, receivedDaysAgo) });
  assert.equal(response.errors, undefined);
  assert.equal(response.data!.registerInquiry.__typename, 'MutationRegisterInquirySuccess', JSON.stringify(response.data));
  return response.data!.registerInquiry.data;
}

async function moveFamily(mutation: string, recruitment: { id: string; version: number }, occurredDaysAgo: number, extra: Record<string, unknown> = {}, inputType?: string) {
  const response = await server.graphql(anna, move(mutation, inputType), {
    input: { recruitmentId: recruitment.id, expectedVersion: recruitment.version, occurredOn: daysAgo(occurredDaysAgo), ...extra },
  });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data![mutation];
}

describe('registering an inquiry and moving the family, over HTTP', () => {
  it('registers an inquiry: a home in recruitment with its household and a signed first timeline entry', async () => {
    const recruitment = await register('Instagramsson', 4);
    assert.equal(recruitment.step, 'INQUIRY');
    assert.equal(recruitment.source, 'SOCIAL_MEDIA');
    assert.deepEqual(recruitment.progress, { daysInStep: 4, targetDays: 14, overdue: false });
    assert.deepEqual(
      { status: recruitment.fosterHome.status, places: recruitment.fosterHome.places, kind: recruitment.fosterHome.kind },
      { status: 'RECRUITING', places: 0, kind: 'OWN' },
    );
    assert.deepEqual(recruitment.fosterHome.householdMembers.map((m: { givenName: string }) => m.givenName).sort(), ['Jonas', 'Lena']);
    assert.deepEqual(recruitment.timeline, [{ kind: 'STEP_ENTERED', step: 'INQUIRY', occurredOn: daysAgo(4), note: 'Skrev via formuläret.', signedBy: 'Anna Lind' }]);

    // Not in the register by default; there with the status filter; on the board.
    const listed = await server.graphql(anna, `query($filter: FosterHomeFilter) { fosterHomes(filter: $filter) { totalCount } }`, { filter: { search: 'Instagramsson' } });
    assert.equal(listed.data!.fosterHomes.totalCount, 0);
    const recruiting = await server.graphql(anna, `query($filter: FosterHomeFilter) { fosterHomes(filter: $filter) { totalCount } }`, { filter: { search: 'Instagramsson', status: 'RECRUITING' } });
    assert.equal(recruiting.data!.fosterHomes.totalCount, 1);
    const board = await server.graphql(anna, `{ recruitmentPipeline(filter: { step: INQUIRY }) { recruitments { id } } }`);
    assert.ok(board.data!.recruitmentPipeline.recruitments.some((r: { id: string }) => r.id === recruitment.id));
  });

  it('a wrong personnummer answers with a ValidationError naming the field, in Swedish', async () => {
    const input = inquiryInput('Felnummersson', 2);
    input.householdMembers[1]!.personalIdentityNumber = '198309029999';
    const response = await server.graphql(anna, REGISTER, { input });
    assert.equal(response.data!.registerInquiry.__typename, 'ValidationError');
    assert.deepEqual(response.data!.registerInquiry.issues, [
      { path: 'householdMembers.1.personalIdentityNumber', message: 'Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.' },
    ]);
  });

  it('moves the family: information meeting with a BRA-Fam screening, a pause and its resumption, each dated and signed', async () => {
    let recruitment = await register('Flyttsson', 40);
    const moved = await moveFamily('advanceRecruitment', recruitment, 30, { note: 'Inledande samtal.' });
    assert.equal(moved.__typename, 'MutationAdvanceRecruitmentSuccess');
    recruitment = moved.data;
    assert.equal(recruitment.step, 'INFORMATION_MEETING');
    recruitment = (await moveFamily('recordScreening', recruitment, 30, { result: 'SUITABLE' }, 'RecordScreeningInput')).data;
    assert.equal(recruitment.screeningResult, 'SUITABLE');
    recruitment = (await moveFamily('pauseRecruitment', recruitment, 20, { note: 'Semester.' })).data;
    assert.equal(recruitment.pausedOn, daysAgo(20));
    assert.equal(recruitment.progress.overdue, false);
    recruitment = (await moveFamily('resumeRecruitment', recruitment, 10)).data;
    assert.equal(recruitment.pausedOn, null);
    assert.deepEqual(
      recruitment.timeline.map((e: { kind: string; step: string; signedBy: string }) => `${e.kind} ${e.step} ${e.signedBy}`),
      ['STEP_ENTERED INQUIRY Anna Lind', 'STEP_ENTERED INFORMATION_MEETING Anna Lind', 'SCREENING_RECORDED INFORMATION_MEETING Anna Lind', 'PAUSED INFORMATION_MEETING Anna Lind', 'RESUMED INFORMATION_MEETING Anna Lind'],
    );
    assert.equal(recruitment.version, 5);

    const stale = await moveFamily('advanceRecruitment', { ...recruitment, version: 3 }, 5);
    assert.deepEqual([stale.__typename, stale.code, stale.currentVersion], ['VersionConflictError', 'VERSION_CONFLICT', 5]);
    const future = await moveFamily('advanceRecruitment', { ...recruitment }, -3);
    assert.deepEqual([future.__typename, future.issues[0].path], ['ValidationError', 'occurredOn']);
  });

  it('the assessment cannot start while an adult lacks the required basic training: TRAINING_INCOMPLETE names who lacks what', async () => {
    let recruitment = await register('Kurssson', 60);
    recruitment = (await moveFamily('advanceRecruitment', recruitment, 50)).data;
    recruitment = (await moveFamily('advanceRecruitment', recruitment, 40)).data;
    assert.equal(recruitment.step, 'BASIC_TRAINING');
    const refused = await moveFamily('advanceRecruitment', recruitment, 1);
    assert.equal(refused.__typename, 'RuleViolationError');
    assert.equal(refused.rule, 'TRAINING_INCOMPLETE');
    assert.equal(
      refused.message,
      'Alla vuxna i hushållet ska ha gått den obligatoriska utbildningen innan utredningen börjar. Jonas Kurssson saknar Ett hem att växa i. Lena Kurssson saknar Ett hem att växa i.',
    );
    const after = await server.graphql(anna, `query($id: ID!) { recruitment(id: $id) { step version } }`, { id: recruitment.id });
    assert.deepEqual(after.data!.recruitment, { step: 'BASIC_TRAINING', version: recruitment.version });
  });

  it('from the assessment the family goes on by sending the assessment for decision, not by "next step"', async () => {
    const board = await server.graphql(anna, `{ recruitmentPipeline(filter: { step: ASSESSMENT }) { recruitments { id version pausedOn } } }`);
    const atAssessment = board.data!.recruitmentPipeline.recruitments.find((r: { pausedOn: string | null }) => r.pausedOn === null);
    const refused = await moveFamily('advanceRecruitment', atAssessment, 0);
    assert.deepEqual([refused.__typename, refused.rule], ['RuleViolationError', 'ASSESSMENT_SENDS_FOR_DECISION']);
  });

  it('a family that leaves with a reason closes its home in recruitment', async () => {
    const recruitment = await register('Avslutsson', 10);
    const left = await moveFamily('leaveRecruitment', recruitment, 2, { reason: 'NO_CONTACT', note: 'Svarar inte.' }, 'LeaveRecruitmentInput');
    assert.equal(left.__typename, 'MutationLeaveRecruitmentSuccess');
    assert.deepEqual([left.data.leftOn, left.data.leavingReason, left.data.fosterHome.status], [daysAgo(2), 'NO_CONTACT', 'CLOSED']);
  });
});

describe('the board, the record and the funnel over HTTP', () => {
  it('the board gives counts per step and every family with its progress, in a constant number of SQL statements', async () => {
    const query = `{ recruitmentPipeline { counts { step count overdue paused } recruitments { id step progress { overdue daysInStep } fosterHome { name } timeline { signedBy } } } }`;
    const response = await server.graphql(anna, query);
    assert.equal(response.errors, undefined);
    const { counts, recruitments } = response.data!.recruitmentPipeline;
    assert.equal(counts.length, 7);
    assert.equal(recruitments.length, counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0));
    assert.ok(counts.reduce((sum: number, c: { overdue: number }) => sum + c.overdue, 0) >= 5);
    assert.ok(response.extensions!.queryCount! <= 10, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('a home’s recruitment is visible to the unit, and null for a municipality’s barnsekreterare who sees the approved home', async () => {
    const board = await server.graphql(anna, `{ recruitmentPipeline(filter: { includeFinished: true, step: APPROVED }) { recruitments { id fosterHome { id } } } }`);
    const approved = board.data!.recruitmentPipeline.recruitments[0];
    const query = `query($id: ID!) { fosterHome(id: $id) { name recruitment { id step } } }`;
    const asUnit = await server.graphql(anna, query, { id: approved.fosterHome.id });
    assert.deepEqual(asUnit.data!.fosterHome.recruitment, { id: approved.id, step: 'APPROVED' });
    const asNora = await server.graphql(johan, query, { id: approved.fosterHome.id });
    assert.equal(asNora.errors, undefined);
    assert.ok(asNora.data!.fosterHome.name);
    assert.equal(asNora.data!.fosterHome.recruitment, null);
  });

  it('a municipality’s barnsekreterare is refused the board, a recruitment and the funnel', async () => {
    for (const query of [`{ recruitmentPipeline { counts { count } } }`, `{ recruitmentFunnel(from: "2025-01-01", to: "2025-12-31") { inquiries } }`]) {
      const response = await server.graphql(johan, query);
      assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN', query);
    }
  });

  it('the funnel for the last 600 days with its CSV: Swedish headers, semicolons, one row per step, reason and source', async () => {
    const response = await server.graphql(anna, `query($from: Date!, $to: Date!) { recruitmentFunnel(from: $from, to: $to) { inquiries steps { step reached conversionToNext medianDays } sources { source inquiries approved } csv } }`, {
      from: daysAgo(600),
      to: today,
    });
    assert.equal(response.errors, undefined);
    const funnel = response.data!.recruitmentFunnel;
    assert.ok(funnel.inquiries >= 25);
    assert.deepEqual(funnel.steps.map((s: { step: string }) => s.step), ['INQUIRY', 'INFORMATION_MEETING', 'BASIC_TRAINING', 'ASSESSMENT', 'DECISION', 'APPROVED']);
    const lines = funnel.csv.split('\r\n');
    assert.equal(lines[0], 'Avsnitt;Rad;Antal;Varav godkända;Andel till nästa steg (%);Mediantid i steget (dagar)');
    assert.equal(lines[1], `Steg;Intresseanmälan;${funnel.inquiries};;${(funnel.steps[0].conversionToNext * 100).toFixed(1).replace('.', ',')};${String(funnel.steps[0].medianDays).replace('.', ',')}`);
    assert.ok(lines.every((line: string) => line === '' || line.split(';').length === 6));
    assert.equal(lines.filter((line: string) => line.startsWith('Källa;')).length, funnel.sources.length);
    assert.equal(lines.at(-1), '');
  });

  it('a period that ends before it begins is refused with a Swedish message', async () => {
    const response = await server.graphql(anna, `{ recruitmentFunnel(from: "2025-06-30", to: "2025-01-01") { inquiries } }`);
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.equal(response.errors?.[0]?.message, 'Periodens början kan inte vara efter dess slut.');
  });
});
