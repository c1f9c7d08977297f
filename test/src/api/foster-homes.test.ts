import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => {
  await server?.close();
});

const REGISTER = /* GraphQL */ `
  query Register($filter: FosterHomeFilter, $first: Int, $after: String) {
    fosterHomes(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name kind status places version owner { name kind } approvedBy { name } consultancyAgency { name ivoPermitNumber } householdMembers { id givenName personalIdentityNumber } } }
    }
  }`;

describe('the foster-home register over HTTP', () => {
  it('the unit’s foster-care worker sees its 33 own and emergency homes and the families recruited past the pipeline, with their households, in few SQL statements', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const response = await server.graphql(token, REGISTER, { first: 50 });
    assert.equal(response.errors, undefined);
    const homes = response.data!.fosterHomes.edges.map((e: any) => e.node);
    // Families approved or closed after leaving the recruitment are in the register too; those still in recruitment are not.
    const recruited = await server.db.kysely
      .selectFrom('foster_homes')
      .innerJoin('recruitments', 'recruitments.foster_home_id', 'foster_homes.id')
      .select('foster_homes.kind')
      .where('recruitments.purpose', '=', 'new_home')
      .where('foster_homes.status', '!=', 'recruiting')
      .execute();
    assert.ok(recruited.length > 0);
    assert.equal(response.data!.fosterHomes.totalCount, 33 + recruited.length);
    assert.equal(homes.filter((h: any) => h.kind === 'OWN').length, 30 + recruited.filter((h) => h.kind === 'own').length);
    assert.equal(homes.filter((h: any) => h.kind === 'EMERGENCY').length, 3 + recruited.filter((h) => h.kind === 'emergency').length);
    assert.ok(homes.every((h: any) => h.status !== 'RECRUITING'));
    assert.ok(homes.every((h: any) => h.householdMembers.length >= 1));
    // identity, page, owners, approvers, agencies, households, audit insert: constant, not per home
    assert.ok(response.extensions!.queryCount! <= 8, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('the number of SQL statements does not grow with the page size (no N+1)', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const small = await server.graphql(token, REGISTER, { first: 2 });
    const large = await server.graphql(token, REGISTER, { first: 30 });
    assert.equal(small.extensions!.queryCount, large.extensions!.queryCount);
  });

  it('a Nora social worker sees the unit’s homes and Nora’s own, never another municipality’s, and no households', async () => {
    const token = await server.signIn('johan.ek@nora.se');
    const response = await server.graphql(token, `{ fosterHomes(first: 100) { totalCount edges { node { name owner { name } municipality { name } } } } }`);
    assert.equal(response.errors, undefined);
    const owners = new Set(response.data!.fosterHomes.edges.map((e: any) => e.node.owner.name));
    const nora = response.data!.fosterHomes.edges.filter((e: any) => e.node.owner.name === 'Nora kommun');
    assert.ok(nora.length > 0 && nora.every((e: any) => e.node.municipality.name === 'Nora kommun'), 'Nora’s own homes lie in Nora');
    assert.deepEqual([...owners].sort(), ['Familjehemsenheten Norra länsdelen', 'Nora kommun']);
    const households = await server.graphql(token, `{ fosterHomes(first: 1) { edges { node { householdMembers { personalIdentityNumber } } } } }`);
    assert.equal(households.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });

  it('filters by kind and pages with cursors', async () => {
    const token = await server.signIn('maria.holm@lindesberg.se');
    const first = await server.graphql(token, REGISTER.replace('householdMembers { id givenName personalIdentityNumber }', ''), { filter: { kind: 'CONSULTANT_SUPPORTED' }, first: 1 });
    assert.equal(first.errors, undefined);
    const page = first.data!.fosterHomes;
    assert.ok(page.totalCount >= 1);
    assert.equal(page.edges[0].node.kind, 'CONSULTANT_SUPPORTED');
    assert.ok(page.edges[0].node.consultancyAgency.ivoPermitNumber);
    if (page.totalCount > 1) {
      const second = await server.graphql(token, REGISTER.replace('householdMembers { id givenName personalIdentityNumber }', ''), { filter: { kind: 'CONSULTANT_SUPPORTED' }, first: 1, after: page.pageInfo.endCursor });
      assert.notEqual(second.data!.fosterHomes.edges[0].node.id, page.edges[0].node.id);
    }
  });

  it('a steering-group member and a signed-out caller are refused the register with a code', async () => {
    const steering = await server.signIn('ingrid.wikstrom@norrbotten.se');
    const refused = await server.graphql(steering, `{ fosterHomes { totalCount } }`);
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    const anonymous = await server.graphql(null, `{ fosterHomes { totalCount } }`);
    assert.equal(anonymous.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    const viewer = await server.graphql(null, `{ viewer { user { displayName } } }`);
    assert.equal(viewer.data!.viewer, null);
  });
});

describe('changing a foster home', () => {
  const UPDATE = /* GraphQL */ `
    mutation Update($input: UpdateFosterHomeInput!) {
      updateFosterHome(input: $input) {
        __typename
        ... on MutationUpdateFosterHomeSuccess { data { id name places version } }
        ... on Error { code message }
        ... on VersionConflictError { currentVersion }
        ... on ValidationError { issues { path message } }
      }
    }`;

  async function municipalityId(token: string, name: string): Promise<string> {
    const response = await server.graphql(token, `{ organisations(kind: MUNICIPALITY) { id name } }`);
    return response.data!.organisations.find((o: any) => o.name === name).id;
  }

  async function firstOwnHome(token: string) {
    const response = await server.graphql(token, `{ fosterHomes(first: 1, filter: { kind: OWN }) { edges { node { id name places version } } } }`);
    return response.data!.fosterHomes.edges[0].node;
  }

  it('a stale version is refused with a Swedish message and nothing is overwritten', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const home = await firstOwnHome(token);
    const saved = await server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, places: 2 } });
    assert.equal(saved.data!.updateFosterHome.__typename, 'MutationUpdateFosterHomeSuccess');
    assert.equal(saved.data!.updateFosterHome.data.version, home.version + 1);
    const stale = await server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, name: 'Familjen Skrivöver' } });
    assert.equal(stale.data!.updateFosterHome.__typename, 'VersionConflictError');
    assert.equal(stale.data!.updateFosterHome.code, 'VERSION_CONFLICT');
    assert.equal(stale.data!.updateFosterHome.currentVersion, home.version + 1);
    assert.match(stale.data!.updateFosterHome.message, /ändrats av någon annan/);
    const after = await firstOwnHome(token);
    assert.equal(after.name, home.name);
  });

  it('invalid input is refused field by field, in Swedish', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const home = await firstOwnHome(token);
    const refused = await server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, places: -1, postalCode: '12' } });
    assert.equal(refused.data!.updateFosterHome.__typename, 'ValidationError');
    const paths = refused.data!.updateFosterHome.issues.map((i: any) => i.path).sort();
    assert.deepEqual(paths, ['places', 'postalCode']);
  });

  it('a municipality cannot change the unit’s home', async () => {
    const unitToken = await server.signIn('anna.lind@familjehem-norra.se');
    const home = await firstOwnHome(unitToken);
    const nora = await server.signIn('lena.strand@nora.se');
    const refused = await server.graphql(nora, UPDATE, { input: { id: home.id, expectedVersion: home.version, name: 'Kapad' } });
    assert.equal(refused.data!.updateFosterHome.__typename, 'ForbiddenError');
  });

  it('creating a home with a wrong personnummer saves nothing', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const before = (await server.graphql(token, `{ fosterHomes { totalCount } }`)).data!.fosterHomes.totalCount;
    const refused = await server.graphql(
      token,
      `mutation($input: CreateFosterHomeInput!) { createFosterHome(input: $input) { __typename ... on ValidationError { message issues { path message } } } }`,
      { input: { kind: 'OWN', name: 'Familjen Test', municipalityId: await municipalityId(token, 'Nora kommun'), places: 1, householdMembers: [{ givenName: 'Test', familyName: 'Testsson', personalIdentityNumber: '198211059955', role: 'adult' }] } },
    );
    assert.equal(refused.data!.createFosterHome.__typename, 'ValidationError');
    assert.match(refused.data!.createFosterHome.issues[0].message, /Personnumret/);
    const after = (await server.graphql(token, `{ fosterHomes { totalCount } }`)).data!.fosterHomes.totalCount;
    assert.equal(after, before);
  });

  it('an impossible date is refused before it reaches the domain', async () => {
    const token = await server.signIn('anna.lind@familjehem-norra.se');
    const refused = await server.graphql(
      token,
      `mutation($input: CreateFosterHomeInput!) { createFosterHome(input: $input) { __typename } }`,
      { input: { kind: 'OWN', name: 'Familjen Datum', municipalityId: await municipalityId(token, 'Nora kommun'), places: 1, approvedOn: '2023-02-29' } },
    );
    assert.match(refused.errors![0]!.message, /Datumet finns inte/);
  });
});

describe('the audit trail over HTTP', () => {
  it('an administrator of the unit sees who has looked at a household member; others are refused', async () => {
    const anna = await server.signIn('anna.lind@familjehem-norra.se');
    const read = await server.graphql(anna, `{ fosterHomes(first: 1, filter: { kind: OWN }) { edges { node { householdMembers { id } } } } }`);
    const personId = read.data!.fosterHomes.edges[0].node.householdMembers[0].id;
    const unitId = (await server.graphql(anna, `{ viewer { organisation { id } } }`)).data!.viewer.organisation.id;
    const organisationUuid = Buffer.from(unitId, 'base64').toString('utf8').split(':')[1]!;

    const eva = await server.signIn('eva.ahlin@lindesberg.se');
    const AUDIT = `query($personId: ID!) { auditEntries(personId: $personId) { userDisplayName action entityType purpose requestId } }`;
    const log = await server.graphql(eva, AUDIT, { personId }, { 'x-samverka-organisation': organisationUuid });
    assert.equal(log.errors, undefined);
    assert.ok(log.data!.auditEntries.some((e: any) => e.userDisplayName === 'Anna Lind' && e.action === 'read' && e.entityType === 'HouseholdMember'));

    const refused = await server.graphql(anna, AUDIT, { personId });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
