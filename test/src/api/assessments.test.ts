import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addMonths, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let anna: string;
let johan: string;
const today = todayInSweden();

before(async () => {
  server = await startTestServer();
  anna = await server.signIn('anna.lind@familjehem-norra.se');
  johan = await server.signIn('johan.ek@nora.se');
});
after(async () => {
  await server?.close();
});

const ASSESSMENT_FIELDS = /* GraphQL */ `
  id version sentForDecisionOn recommendation
  assessor { displayName }
  checklist { ready day requirements { key status label detail householdMemberId register missing { code message } } missing { code message } }
  activities { kind occurredOn participants }
  registerChecks { personName register consentGivenOn checkedOn result }
  childrenHeard { childName heardOn }
  fosterHome { id name status householdMembers { id givenName familyName role } }
`;

/** Every assessment mutation answers with the assessment or a typed error. */
function assessmentMutation(name: string, inputType: string): string {
  return /* GraphQL */ `
    mutation ($input: ${inputType}!) {
      ${name}(input: $input) {
        __typename
        ... on Error { code message }
        ... on RuleViolationError { rule }
        ... on ValidationError { issues { path message } }
        ... on ${`Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success`} { data { ${ASSESSMENT_FIELDS} } }
      }
    }`;
}

const SEND = assessmentMutation('sendAssessmentForDecision', 'SendAssessmentForDecisionInput');
const RECORD_CHECK = assessmentMutation('recordRegisterCheck', 'RecordRegisterCheckInput');
const RECORD_ACTIVITY = assessmentMutation('recordAssessmentActivity', 'RecordAssessmentActivityInput');
const RECORD_CHILD = assessmentMutation('recordChildHeard', 'RecordChildHeardInput');
const UPDATE_SUMMARY = assessmentMutation('updateAssessmentSummary', 'UpdateAssessmentSummaryInput');
const START_REASSESSMENT = assessmentMutation('startReassessment', 'StartReassessmentInput');
const DECIDE = /* GraphQL */ `
  mutation ($input: RecordHomeDecisionInput!) {
    recordHomeDecision(input: $input) {
      __typename
      ... on Error { code message }
      ... on RuleViolationError { rule }
      ... on ValidationError { issues { path message } }
      ... on MutationRecordHomeDecisionSuccess { data { id outcome decidedOn validUntil decidedBy { name } assessedBy { name } conditions { assignmentKind places minChildAge maxChildAge } } }
    }
  }`;

async function mutate(token: string, document: string, input: Record<string, unknown>) {
  const response = await server.graphql(token, document, { input });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return Object.values(response.data!)[0] as any;
}

async function organisationId(name: string): Promise<string> {
  const response = await server.graphql(anna, `{ organisations(kind: MUNICIPALITY) { id name } }`);
  return response.data!.organisations.find((o: any) => o.name === name).id;
}

describe('an assessment (utredning) over HTTP, from the demo family at the assessment step to an approved home', () => {
  it('a stale belastningsregister extract refuses the decision with ASSESSMENT_INCOMPLETE; a new extract lets it through; Nora approves; the home is active', async () => {
    const found = await server.graphql(anna, `{ fosterHomes(first: 5, filter: { status: RECRUITING, search: "Lundmark" }) { edges { node { id assessments { ${ASSESSMENT_FIELDS} } } } } }`);
    assert.equal(found.errors, undefined, JSON.stringify(found.errors));
    const assessment = found.data!.fosterHomes.edges[0].node.assessments[0];
    assert.equal(assessment.checklist.ready, false);
    const stale = assessment.checklist.requirements.filter((r: any) => r.status === 'STALE');
    assert.equal(stale.length, 1);
    assert.equal(stale[0].register, 'CONVICTION_REGISTER');
    assert.match(stale[0].missing.message, /^Utdrag ur belastningsregistret för \S+ Lundmark är \d+ dagar gammalt; högst 90 dagar enligt policyn$/);

    const refused = await mutate(anna, SEND, { id: assessment.id, expectedVersion: assessment.version, sentOn: today });
    assert.equal(refused.__typename, 'RuleViolationError');
    assert.equal(refused.rule, 'ASSESSMENT_INCOMPLETE');
    assert.ok(refused.message.includes(stale[0].missing.message), refused.message);

    const checked = await mutate(anna, RECORD_CHECK, {
      assessmentId: assessment.id,
      householdMemberId: stale[0].householdMemberId,
      register: 'CONVICTION_REGISTER',
      consentGivenOn: today,
      checkedOn: today,
      result: 'NO_ENTRIES',
    });
    assert.equal(checked.__typename, 'MutationRecordRegisterCheckSuccess');
    assert.equal(checked.data.checklist.ready, true);

    const sent = await mutate(anna, SEND, { id: assessment.id, expectedVersion: assessment.version, sentOn: today });
    assert.equal(sent.__typename, 'MutationSendAssessmentForDecisionSuccess', sent.message);
    assert.equal(sent.data.sentForDecisionOn, today);

    const nora = await organisationId('Nora kommun');
    const decided = await mutate(anna, DECIDE, {
      assessmentId: assessment.id,
      outcome: 'APPROVED',
      decidedOn: today,
      decidedById: nora,
      decisionMakerKind: 'COMMITTEE',
      decisionMakerName: 'Sociala myndighetsnämnden',
      reasoning: 'Utredningen visar goda förutsättningar.',
      conditions: { assignmentKind: 'OWN', places: 2, minChildAge: 3, maxChildAge: 12 },
    });
    assert.equal(decided.__typename, 'MutationRecordHomeDecisionSuccess', decided.message);
    assert.equal(decided.data.validUntil, addMonths(today, 36));
    assert.equal(decided.data.decidedBy.name, 'Nora kommun');
    assert.equal(decided.data.assessedBy.name, 'Familjehemsenheten Norra länsdelen');

    const home = await server.graphql(anna, `query ($id: ID!) { fosterHome(id: $id) { status kind places approvedOn approvedBy { name } currentApproval { id } decisions { outcome } assessments { sentForDecisionOn decision { outcome } } } }`, {
      id: assessment.fosterHome.id,
    });
    assert.equal(home.errors, undefined, JSON.stringify(home.errors));
    assert.deepEqual(home.data!.fosterHome, {
      status: 'ACTIVE',
      kind: 'OWN',
      places: 2,
      approvedOn: today,
      approvedBy: { name: 'Nora kommun' },
      currentApproval: { id: decided.data.id },
      decisions: [{ outcome: 'APPROVED' }],
      assessments: [{ sentForDecisionOn: today, decision: { outcome: 'APPROVED' } }],
    });

    // Nora's child social worker now sees the home, who assessed and approved it and on what conditions, but not the assessment.
    const seen = await server.graphql(johan, `query ($id: ID!) { fosterHome(id: $id) { name currentApproval { decidedBy { name } assessedBy { name } validUntil conditions { assignmentKind places minChildAge maxChildAge } } } }`, {
      id: assessment.fosterHome.id,
    });
    assert.equal(seen.errors, undefined, JSON.stringify(seen.errors));
    assert.deepEqual(seen.data!.fosterHome.currentApproval, {
      decidedBy: { name: 'Nora kommun' },
      assessedBy: { name: 'Familjehemsenheten Norra länsdelen' },
      validUntil: addMonths(today, 36),
      conditions: { assignmentKind: 'OWN', places: 2, minChildAge: 3, maxChildAge: 12 },
    });
    const assessments = await server.graphql(johan, `query ($id: ID!) { fosterHome(id: $id) { assessments { id } } }`, { id: assessment.fosterHome.id });
    assert.equal(assessments.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const direct = await server.graphql(johan, `query ($id: ID!) { homeAssessment(id: $id) { registerChecks { personName } } }`, { id: assessment.id });
    assert.equal(direct.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('a decider outside the agreement is refused with DECIDER_NOT_MEMBER, and an invalid check is refused field by field', async () => {
    const found = await server.graphql(anna, `{ fosterHomes(first: 5, filter: { status: RECRUITING, search: "Rask" }) { edges { node { assessments { id fosterHome { householdMembers { id role } } } } } } }`);
    const assessment = found.data!.fosterHomes.edges[0].node.assessments[0];
    const adult = assessment.fosterHome.householdMembers.find((m: any) => m.role === 'ADULT');
    const invalid = await mutate(anna, RECORD_CHECK, {
      assessmentId: assessment.id,
      householdMemberId: adult.id,
      register: 'SUSPICION_REGISTER',
      consentGivenOn: today,
      checkedOn: '2026-01-01',
      result: 'NO_ENTRIES',
    });
    assert.equal(invalid.__typename, 'ValidationError');
    assert.equal(invalid.issues[0].path, 'checkedOn');
    assert.match(invalid.issues[0].message, /samtycke/);

    const sent = await server.graphql(anna, `{ fosterHomes(first: 5, filter: { status: RECRUITING, search: "Ekdahl" }) { edges { node { assessments { id sentForDecisionOn } } } } }`);
    const ekdahl = sent.data!.fosterHomes.edges[0].node.assessments[0];
    assert.ok(ekdahl.sentForDecisionOn, 'the demo family at the decision step has its assessment sent');
    const pitea = (await server.graphql(anna, `{ organisations(kind: MUNICIPALITY) { id name } }`)).data!.organisations.find((o: any) => o.name === 'Piteå kommun').id;
    const refused = await mutate(anna, DECIDE, {
      assessmentId: ekdahl.id,
      outcome: 'REFUSED',
      decidedOn: today,
      decidedById: pitea,
      decisionMakerKind: 'DELEGATE',
      decisionMakerName: 'Enhetschef',
    });
    assert.equal(refused.__typename, 'RuleViolationError');
    assert.equal(refused.rule, 'DECIDER_NOT_MEMBER');
  });
});

describe('renewing an approval over HTTP', () => {
  it('an approval due for renewal is re-assessed from scratch: incomplete until every part is recorded, then re-approved', async () => {
    const due = await server.graphql(anna, `{ approvalsDueForRenewal(withinDays: 90) { daysLeft fosterHome { id name } approval { validUntil } reassessment { id } } }`);
    assert.equal(due.errors, undefined, JSON.stringify(due.errors));
    const renewal = due.data!.approvalsDueForRenewal.find((r: any) => r.reassessment === null);
    assert.ok(renewal, 'the demo has an approval coming up for renewal');

    const assessors = await server.graphql(anna, `{ assessors { id displayName } }`);
    const erik = assessors.data!.assessors.find((a: any) => a.displayName === 'Erik Berg');
    const started = await mutate(anna, START_REASSESSMENT, { fosterHomeId: renewal.fosterHome.id, assessorId: erik.id, method: 'KALVESTEN', startedOn: today });
    assert.equal(started.__typename, 'MutationStartReassessmentSuccess', started.message);
    let assessment = started.data;
    assert.equal(assessment.assessor.displayName, 'Erik Berg');

    const incomplete = await mutate(anna, SEND, { id: assessment.id, expectedVersion: assessment.version, sentOn: today });
    assert.equal(incomplete.rule, 'ASSESSMENT_INCOMPLETE');
    assert.match(incomplete.message, /^Utredningen kan inte lämnas för beslut\. Det här saknas: Utdrag ur belastningsregistret för /);
    assert.match(incomplete.message, /Ingen intervju är registrerad; Inget hembesök är registrerat; Inga referenser är registrerade; minst 2 krävs/);

    for (const [kind, participants] of [['INTERVIEW', 'Båda vuxna'], ['HOME_VISIT', 'Hela familjen'], ['REFERENCE', 'Skolan'], ['REFERENCE', 'Arbetsgivare']]) {
      assessment = (await mutate(anna, RECORD_ACTIVITY, { assessmentId: assessment.id, kind, occurredOn: today, participants })).data;
    }
    for (const member of assessment.fosterHome.householdMembers) {
      if (member.role === 'ADULT') {
        for (const register of ['CONVICTION_REGISTER', 'SUSPICION_REGISTER', 'SOCIAL_SERVICES_REGISTER', 'ENFORCEMENT_AUTHORITY', 'SOCIAL_INSURANCE_AGENCY']) {
          const result = await mutate(anna, RECORD_CHECK, { assessmentId: assessment.id, householdMemberId: member.id, register, consentGivenOn: today, checkedOn: today, result: 'NO_ENTRIES' });
          assert.equal(result.__typename, 'MutationRecordRegisterCheckSuccess', result.message);
        }
      } else if (member.role === 'CHILD') {
        await mutate(anna, RECORD_CHILD, { assessmentId: assessment.id, householdMemberId: member.id, heardOn: today, note: 'Trivs med att familjen har placerade barn.' });
      }
    }
    const summarised = await mutate(anna, UPDATE_SUMMARY, { id: assessment.id, expectedVersion: assessment.version, summary: 'Hemmet fungerar fortsatt väl.', recommendation: 'APPROVE' });
    assert.equal(summarised.data.checklist.ready, true);
    assert.deepEqual(summarised.data.checklist.missing, []);

    const sent = await mutate(anna, SEND, { id: assessment.id, expectedVersion: summarised.data.version, sentOn: today });
    assert.equal(sent.__typename, 'MutationSendAssessmentForDecisionSuccess', sent.message);
    const lindesberg = await organisationId('Lindesbergs kommun');
    const decided = await mutate(anna, DECIDE, {
      assessmentId: assessment.id,
      outcome: 'APPROVED',
      decidedOn: today,
      decidedById: lindesberg,
      decisionMakerKind: 'DELEGATE',
      decisionMakerName: 'Enhetschef enligt delegationsordning',
      conditions: { assignmentKind: 'OWN', places: 1 },
    });
    assert.equal(decided.__typename, 'MutationRecordHomeDecisionSuccess', decided.message);

    const after = await server.graphql(anna, `{ approvalsDueForRenewal(withinDays: 90) { fosterHome { id } } }`);
    assert.ok(!after.data!.approvalsDueForRenewal.some((r: any) => r.fosterHome.id === renewal.fosterHome.id), 'the renewed approval is no longer due');
    const home = await server.graphql(anna, `query ($id: ID!) { fosterHome(id: $id) { decisions { outcome validUntil } currentApproval { validUntil } } }`, { id: renewal.fosterHome.id });
    assert.equal(home.data!.fosterHome.currentApproval.validUntil, addMonths(today, 36));
    assert.ok(home.data!.fosterHome.decisions.length >= 2);
  });

  it('approvals due for renewal are the unit’s list: a municipality’s child social worker is refused', async () => {
    const refused = await server.graphql(johan, `{ approvalsDueForRenewal { daysLeft } }`);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('the approvals on a page of the register load in a constant number of statements (no N+1)', async () => {
    const page = (first: number) => server.graphql(johan, `query ($first: Int) { fosterHomes(first: $first) { edges { node { currentApproval { validUntil decidedBy { name } conditions { places } } decisions { decidedOn } } } } }`, { first });
    const small = await page(2);
    const large = await page(30);
    assert.equal(large.errors, undefined, JSON.stringify(large.errors));
    assert.equal(small.extensions!.queryCount, large.extensions!.queryCount);
  });
});
