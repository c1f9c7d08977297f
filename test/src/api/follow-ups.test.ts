import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

const encodeGlobalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const ITEM = 'child { id givenName familyName } kind dueOn status daysOverdue reference';
const DASHBOARD = /* GraphQL */ `
  query Dashboard($withinDays: Int) {
    followUpDashboard(withinDays: $withinDays) {
      municipality { name }
      day withinDays caseload overdueCount dueSoonCount
      workers { worker { id displayName } caseload overdue { ${ITEM} } dueSoon { ${ITEM} } }
    }
  }`;

const SCHEDULE = 'items { kind dueOn status reference countedFrom doneOn doneBy { displayName } talkedAlone note }';
const FOR_CHILD = `query Child($childId: ID!) { child(id: $childId) { id followUps { ${SCHEDULE} } } }`;
const RECORD = /* GraphQL */ `
  mutation Record($input: RecordFollowUpInput!) {
    recordFollowUp(input: $input) {
      __typename
      ... on MutationRecordFollowUpSuccess { data { ${SCHEDULE} } }
      ... on Error { code message }
      ... on RuleViolationError { rule }
      ... on ValidationError { issues { path message } }
    }
  }`;

async function dashboardOf(email: string, withinDays?: number) {
  const response = await server.graphql(await server.signIn(email), DASHBOARD, withinDays === undefined ? {} : { withinDays });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return { dashboard: response.data!.followUpDashboard, queryCount: response.extensions!.queryCount! };
}

describe('the follow-up of placed children over HTTP', () => {
  it('gives Lindesberg’s head of unit the overdue and soon-due follow-ups per social worker in a constant, small number of SQL statements', async () => {
    const { dashboard, queryCount } = await dashboardOf('maria.holm@lindesberg.se');
    assert.equal(dashboard.municipality.name, 'Lindesbergs kommun');
    assert.equal(dashboard.day, todayInSweden());
    assert.equal(dashboard.withinDays, 30);
    assert.ok(dashboard.caseload > 0);
    assert.ok(dashboard.overdueCount > 0, 'the demo has overdue follow-ups for the head of unit to see');
    assert.equal(dashboard.caseload, dashboard.workers.reduce((sum: number, worker: any) => sum + worker.caseload, 0));
    assert.equal(dashboard.overdueCount, dashboard.workers.reduce((sum: number, worker: any) => sum + worker.overdue.length, 0));
    for (const worker of dashboard.workers) {
      assert.ok(worker.overdue.every((item: any) => item.status === 'OVERDUE' && item.daysOverdue > 0 && item.reference.length > 0));
      assert.ok(worker.dueSoon.every((item: any) => item.status === 'DUE' && item.daysOverdue <= 0 && item.daysOverdue >= -30));
    }
    // begin, identity, commit; placements, follow-ups done, policies, audit; the municipality's name.
    assert.ok(queryCount <= 8, `queryCount was ${queryCount}`);
  });

  it('uses as many SQL statements for a municipality with few children as for one with many (no N+1)', async () => {
    const lindesberg = await dashboardOf('maria.holm@lindesberg.se');
    const nora = await dashboardOf('lena.strand@nora.se');
    assert.ok(lindesberg.dashboard.caseload > nora.dashboard.caseload);
    // Nora may have nothing to audit (no child with anything due), never more statements than Lindesberg.
    assert.ok(nora.queryCount <= lindesberg.queryCount && lindesberg.queryCount <= 8, `${nora.queryCount} / ${lindesberg.queryCount}`);
  });

  it('records a visit to an overdue child, answers with the child’s new schedule, and the overdue list shrinks', async () => {
    const token = await server.signIn('maria.holm@lindesberg.se');
    const { dashboard } = await dashboardOf('maria.holm@lindesberg.se');
    const overdue = dashboard.workers.flatMap((worker: any) => worker.overdue);
    const visit = overdue.find((item: any) => item.kind === 'VISIT');
    assert.ok(visit, 'an overdue visit in the demo');
    const today = todayInSweden();
    const response = await server.graphql(token, RECORD, {
      input: { childId: visit.child.id, kind: 'VISIT', dueOn: visit.dueOn, doneOn: today, talkedAlone: true, note: 'Besök i familjehemmet, enskilt samtal med barnet.' },
    });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const result = response.data!.recordFollowUp;
    assert.equal(result.__typename, 'MutationRecordFollowUpSuccess', JSON.stringify(result));
    const done = result.data.items.find((item: any) => item.kind === 'VISIT' && item.dueOn === visit.dueOn);
    assert.deepEqual([done.status, done.doneOn, done.doneBy.displayName, done.talkedAlone], ['DONE', today, 'Maria Holm', true]);
    assert.ok(result.data.items.some((item: any) => item.kind === 'VISIT' && item.status !== 'DONE' && item.dueOn > today));
    const after = (await dashboardOf('maria.holm@lindesberg.se')).dashboard;
    assert.equal(after.overdueCount, dashboard.overdueCount - 1);
    const reread = await server.graphql(token, FOR_CHILD, { childId: visit.child.id });
    assert.deepEqual(reread.data!.child.followUps.items, result.data.items);
  });

  it('refuses a follow-up the care does not call for, a visit without the talk alone answered, and a repeated answer, with codes', async () => {
    const token = await server.signIn('maria.holm@lindesberg.se');
    const { dashboard } = await dashboardOf('maria.holm@lindesberg.se', 365);
    const items = dashboard.workers.flatMap((worker: any) => [...worker.overdue, ...worker.dueSoon]);
    const children = await Promise.all([...new Set(items.map((item: any) => item.child.id))].map(async (childId) => (await server.graphql(token, FOR_CHILD, { childId })).data!.child));
    const notUnderLvu3 = children.find((child: any) => !child.followUps.items.some((item: any) => item.kind === 'REEXAMINATION'))!;
    const today = todayInSweden();
    const refused = (await server.graphql(token, RECORD, { input: { childId: notUnderLvu3.id, kind: 'REEXAMINATION', dueOn: today, doneOn: today } })).data!.recordFollowUp;
    assert.deepEqual([refused.__typename, refused.code, refused.rule], ['RuleViolationError', 'RULE_VIOLATION', 'FOLLOW_UP_KIND_NOT_APPLICABLE']);
    const visit = notUnderLvu3.followUps.items.find((item: any) => item.kind === 'VISIT' && item.status !== 'DONE');
    const silent = (await server.graphql(token, RECORD, { input: { childId: notUnderLvu3.id, kind: 'VISIT', dueOn: visit.dueOn, doneOn: today } })).data!.recordFollowUp;
    assert.deepEqual([silent.__typename, silent.issues[0].path], ['ValidationError', 'talkedAlone']);
    const stale = (await server.graphql(token, RECORD, { input: { childId: notUnderLvu3.id, kind: 'VISIT', dueOn: '2020-01-01', doneOn: today, talkedAlone: true } })).data!.recordFollowUp;
    assert.equal(stale.rule, 'FOLLOW_UP_ALREADY_ANSWERED');
  });

  it('shows another municipality nothing of Lindesberg’s children, and the joint unit no follow-ups, not even of a child in its home', async () => {
    const { dashboard } = await dashboardOf('maria.holm@lindesberg.se');
    const childId = dashboard.workers.flatMap((worker: any) => worker.overdue)[0].child.id;
    const nora = await server.graphql(await server.signIn('lena.strand@nora.se'), FOR_CHILD, { childId });
    assert.equal(nora.errors, undefined);
    assert.equal(nora.data!.child, null);
    const unit = await server.graphql(await server.signIn('erik.berg@familjehem-norra.se'), DASHBOARD);
    assert.equal(unit.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const inUnitHome = await server.db.kysely
      .selectFrom('placements')
      .innerJoin('foster_homes', 'foster_homes.id', 'placements.foster_home_id')
      .innerJoin('organisations', 'organisations.id', 'foster_homes.owner_org_id')
      .select('placements.child_id')
      .where('organisations.kind', '=', 'foster_care_unit')
      .where('placements.ended_on', 'is', null)
      .executeTakeFirstOrThrow();
    const anna = await server.graphql(await server.signIn('anna.lind@familjehem-norra.se'), FOR_CHILD, { childId: encodeGlobalId('Child', inUnitHome.child_id) });
    assert.equal(anna.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(anna.data?.child?.followUps ?? null, null);
  });

  it('lets the head of unit add a dated policy, shown beside the earlier ones, and refuses a social worker', async () => {
    const input = {
      validFrom: todayInSweden(),
      visitIntervalMonths: 2,
      reviewIntervalMonths: 6,
      reexaminationIntervalMonths: 6,
      custodyTransferAfterMonths: 24,
      custodyTransferIntervalMonths: 12,
      carePlanRevisionMonths: 24,
      visitReference: 'Socialtjänstlagen (2025:400), besök',
      reviewReference: 'Socialtjänstlagen (2025:400), övervägande; 13 § LVU',
      reexaminationReference: '13 § andra stycket LVU',
      custodyTransferReference: 'Socialtjänstlagen (2025:400), vårdnadsöverflyttning',
      carePlanRevisionReference: 'Socialtjänstlagen (2025:400), vårdplan',
    };
    const ADD = `mutation Add($input: AddFollowUpPolicyInput!) { addFollowUpPolicy(input: $input) { __typename ... on MutationAddFollowUpPolicySuccess { data { validFrom visitIntervalMonths } } ... on RuleViolationError { rule } } }`;
    const sara = await server.graphql(await server.signIn('sara.nilsson@lindesberg.se'), ADD, { input });
    assert.equal(sara.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const token = await server.signIn('maria.holm@lindesberg.se');
    const added = await server.graphql(token, ADD, { input });
    assert.deepEqual(added.data!.addFollowUpPolicy.data, { validFrom: input.validFrom, visitIntervalMonths: 2 });
    const again = await server.graphql(token, ADD, { input });
    assert.equal(again.data!.addFollowUpPolicy.rule, 'FOLLOW_UP_POLICY_EXISTS');
    const policies = await server.graphql(token, `{ followUpPolicies { validFrom visitReference } followUpPolicyInForce { validFrom visitIntervalMonths } }`);
    assert.deepEqual(policies.data!.followUpPolicies.map((p: any) => p.validFrom), ['2020-01-01', '2022-07-01', '2025-07-01', input.validFrom]);
    assert.match(policies.data!.followUpPolicies[0].visitReference, /2001:453/);
    assert.deepEqual(policies.data!.followUpPolicyInForce, { validFrom: input.validFrom, visitIntervalMonths: 2 });
  });
});
