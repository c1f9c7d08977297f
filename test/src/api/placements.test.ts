import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let sara: string;
let anna: string;
let johan: string;
const today = todayInSweden();

before(async () => {
  server = await startTestServer();
  sara = await server.signIn('sara.nilsson@lindesberg.se');
  anna = await server.signIn('anna.lind@familjehem-norra.se');
  johan = await server.signIn('johan.ek@nora.se');
});
after(async () => {
  await server?.close();
});

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterChildInput!) {
    registerChild(input: $input) {
      __typename
      ... on MutationRegisterChildSuccess { data { id givenName age identityKind identityNumber gender version guardians { name relation } assignedWorker { displayName } } }
      ... on ValidationError { issues { path message } }
    }
  }`;

const DECIDE = /* GraphQL */ `
  mutation ($input: RecordPlacementDecisionInput!) {
    recordPlacementDecision(input: $input) {
      __typename
      ... on MutationRecordPlacementDecisionSuccess { data { id kind intervention favourable decidedOn } }
      ... on ValidationError { issues { path message } }
    }
  }`;

const PLACE = /* GraphQL */ `
  mutation ($input: PlaceChildInput!) {
    placeChild(input: $input) {
      __typename
      ... on MutationPlaceChildSuccess { data { id startsOn ongoing fosterHome { name } approval { decidedBy { name } assessedBy { name } validUntil } decision { kind } } }
      ... on RuleViolationError { rule message }
      ... on ValidationError { issues { path message } }
    }
  }`;

const FREE_PLACES = `query ($filter: FreePlaceFilter) { freePlaces(filter: $filter) { kind minChildAge maxChildAge freePlaces home { id name } } }`;

async function caseWorkerId(token: string): Promise<string> {
  const response = await server.graphql(token, `{ caseWorkers { id displayName } }`);
  return response.data!.caseWorkers.find((w: any) => w.displayName === 'Sara Nilsson').id;
}

describe('a child’s placement over HTTP', () => {
  let childId: string;
  let decisionId: string;

  it('Lindesberg’s social worker registers a seven-year-old with a guardian and is the assigned worker', async () => {
    const response = await server.graphql(sara, REGISTER, {
      input: {
        identity: { identityKind: 'PERSONAL_IDENTITY_NUMBER', identityNumber: testPersonalIdentityNumber(addDays(addMonths(today, -12 * 7), -40), 6) },
        givenName: 'Wilma',
        familyName: 'Åkesson',
        guardians: [{ name: 'Lena Åkesson', relation: 'PARENT' }],
        assignedWorkerId: await caseWorkerId(sara),
      },
    });
    const child = response.data!.registerChild.data;
    assert.equal(response.data!.registerChild.__typename, 'MutationRegisterChildSuccess');
    assert.deepEqual([child.givenName, child.age, child.identityKind, child.gender, child.assignedWorker.displayName], ['Wilma', 7, 'PERSONAL_IDENTITY_NUMBER', 'GIRL', 'Sara Nilsson']);
    assert.deepEqual(child.guardians, [{ name: 'Lena Åkesson', relation: 'PARENT' }]);
    childId = child.id;
  });

  it('a reserve number without a birth date is refused field by field in Swedish', async () => {
    const response = await server.graphql(sara, REGISTER, {
      input: { identity: { identityKind: 'RESERVE_NUMBER', identityNumber: 'R2026000170' }, givenName: 'Kim', familyName: 'Okänd', assignedWorkerId: await caseWorkerId(sara) },
    });
    assert.deepEqual(response.data!.registerChild.issues.map((i: any) => i.path).sort(), ['birthDate', 'gender']);
  });

  it('the committee decides a long-term placement, named Placering i familjehem by default', async () => {
    const response = await server.graphql(sara, DECIDE, {
      input: { childId, legalBasis: 'SOL', kind: 'LONG_TERM', decidedOn: addDays(today, -7), decisionMakerKind: 'COMMITTEE', decisionMakerName: 'Sociala myndighetsnämnden', favourable: true },
    });
    const decision = response.data!.recordPlacementDecision.data;
    assert.deepEqual([decision.kind, decision.intervention, decision.favourable], ['LONG_TERM', 'Placering i familjehem', true]);
    decisionId = decision.id;
  });

  it('placing the child in an emergency home under a long-term decision is refused with the rule and reason', async () => {
    const emergency = (await server.graphql(sara, FREE_PLACES, { filter: { kind: 'EMERGENCY' } })).data!.freePlaces[0];
    const response = await server.graphql(sara, PLACE, { input: { childId, decisionId, fosterHomeId: emergency.home.id, startsOn: today } });
    const result = response.data!.placeChild;
    assert.equal(result.__typename, 'RuleViolationError');
    assert.equal(result.rule, 'PLACEMENT_HOME_KIND');
    assert.equal(result.message, `${emergency.home.name} kan inte ta emot barnet ${today}: Godkänt som jourhem; barnet behöver en långsiktig placering.`);
  });

  it('places the child in one of the unit’s homes with a free place, recording who approved the home', async () => {
    const places = (await server.graphql(sara, FREE_PLACES, { filter: { kind: 'OWN', childAge: 7 } })).data!.freePlaces;
    assert.ok(places.length > 0, 'the demo has a free place for a seven-year-old');
    const response = await server.graphql(sara, PLACE, { input: { childId, decisionId, fosterHomeId: places[0].home.id, startsOn: today, agreementSignedOn: today } });
    const placement = response.data!.placeChild.data;
    assert.equal(response.data!.placeChild.__typename, 'MutationPlaceChildSuccess');
    assert.deepEqual([placement.startsOn, placement.ongoing, placement.fosterHome.name, placement.decision.kind], [today, true, places[0].home.name, 'LONG_TERM']);
    assert.equal(placement.approval.assessedBy.name, 'Familjehemsenheten Norra länsdelen');
    assert.ok(placement.approval.decidedBy.name.endsWith('kommun'));
  });

  it('the child record shows the decision and placement to Lindesberg, in few SQL statements', async () => {
    const response = await server.graphql(
      sara,
      `query ($id: ID!) { child(id: $id) { givenName identityNumber guardians { name } needsAssessments { id } placementDecisions { kind } currentPlacement { fosterHome { name } } placements { startsOn approval { decidedBy { name } } } } }`,
      { id: childId },
    );
    assert.equal(response.errors, undefined);
    const child = response.data!.child;
    assert.equal(child.placementDecisions.length, 1);
    assert.equal(child.placements.length, 1);
    assert.ok(child.currentPlacement.fosterHome.name);
    assert.ok(response.extensions!.queryCount! <= 20, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('the unit sees the placement in its home and the child’s name and age, but not the decision or the identity', async () => {
    const list = await server.graphql(sara, `query ($id: ID!) { child(id: $id) { placements { id } } }`, { id: childId });
    const placementId = list.data!.child.placements[0].id;
    const seen = await server.graphql(anna, `query ($id: ID!) { placement(id: $id) { startsOn child { givenName age } } }`, { id: placementId });
    assert.equal(seen.errors, undefined);
    assert.deepEqual(seen.data!.placement.child, { givenName: 'Wilma', age: 7 });
    const decision = await server.graphql(anna, `query ($id: ID!) { placement(id: $id) { decision { kind } } }`, { id: placementId });
    assert.equal(decision.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const identity = await server.graphql(anna, `query ($id: ID!) { child(id: $id) { identityNumber } }`, { id: childId });
    assert.equal(identity.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('Nora sees neither the child nor the placement, and its children list holds only Nora’s children', async () => {
    const response = await server.graphql(johan, `query ($id: ID!) { child(id: $id) { givenName } }`, { id: childId });
    assert.equal(response.data!.child, null);
    const list = await server.graphql(johan, `{ children(search: "Åkesson", first: 50) { totalCount edges { node { placingMunicipality { name } } } } }`);
    assert.ok(list.data!.children.edges.every((e: any) => e.node.placingMunicipality.name === 'Nora kommun'));
  });
});
