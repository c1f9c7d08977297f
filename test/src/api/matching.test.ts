import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let anna: string;
let sara: string;
let johan: string;
let municipalities: Record<string, string>;

before(async () => {
  server = await startTestServer();
  anna = await server.signIn('anna.lind@familjehem-norra.se');
  sara = await server.signIn('sara.nilsson@lindesberg.se');
  johan = await server.signIn('johan.ek@nora.se');
  const response = await server.graphql(anna, `{ matchingArea { id name } }`);
  municipalities = Object.fromEntries(response.data!.matchingArea.map((m: any) => [m.name, m.id]));
});
after(async () => {
  await server?.close();
});

const FREE_PLACES = /* GraphQL */ `
  query FreePlaces($filter: FreePlaceFilter) {
    freePlaces(filter: $filter) {
      kind minChildAge maxChildAge approvedPlaces occupiedPlaces freePlaces approvalValidUntil
      municipality { name }
      home { id name status languages freePlaces owner { name } occupancy { approvedPlaces occupiedPlaces freePlaces placeKind } }
    }
  }`;

const MATCH = /* GraphQL */ `
  query Match($needs: ChildNeedsInput!) {
    matchFosterHomes(needs: $needs) {
      __typename
      ... on QueryMatchFosterHomesSuccess {
        data {
          candidates { rank placeKind freePlaces networkForChild sharedLanguages proximity reasons home { id name languages municipality { name } } }
          excluded { reasons home { id name } }
        }
      }
      ... on ValidationError { message issues { path message } }
    }
  }`;

describe('free places over HTTP (lediga platser)', () => {
  it('the unit sees its active, approved homes with a place left, by kind, ages and municipality, in few SQL statements', async () => {
    const response = await server.graphql(anna, FREE_PLACES);
    assert.equal(response.errors, undefined);
    const places = response.data!.freePlaces;
    assert.ok(places.length > 5);
    for (const place of places) {
      assert.equal(place.home.status, 'ACTIVE');
      assert.ok(place.freePlaces > 0);
      assert.equal(place.freePlaces, place.approvedPlaces - place.occupiedPlaces);
      assert.equal(place.home.freePlaces, place.freePlaces);
      assert.deepEqual(place.home.occupancy, { approvedPlaces: place.approvedPlaces, occupiedPlaces: place.occupiedPlaces, freePlaces: place.freePlaces, placeKind: place.kind });
    }
    assert.ok(places.some((p: any) => p.kind === 'EMERGENCY') && places.some((p: any) => p.kind === 'OWN'));
    // identity, homes, decisions, counts, the homes' rows, municipalities, owners, and the nested
    // capacity loaders: constant, not per home
    assert.ok(response.extensions!.queryCount! <= 14, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('the number of SQL statements does not grow with the number of homes listed (no N+1)', async () => {
    const all = await server.graphql(anna, FREE_PLACES);
    const few = await server.graphql(anna, FREE_PLACES, { filter: { kind: 'EMERGENCY' } });
    assert.ok(few.data!.freePlaces.length < all.data!.freePlaces.length);
    assert.ok(few.data!.freePlaces.length > 0);
    assert.equal(few.extensions!.queryCount, all.extensions!.queryCount);
  });

  it('filters by a child’s age and the municipality the home lies in', async () => {
    const response = await server.graphql(sara, FREE_PLACES, { filter: { childAge: 15, municipalityId: municipalities['Nora kommun'] } });
    assert.equal(response.errors, undefined);
    for (const place of response.data!.freePlaces) {
      assert.equal(place.municipality.name, 'Nora kommun');
      assert.ok((place.minChildAge ?? 0) <= 15 && (place.maxChildAge ?? 20) >= 15);
    }
    const refused = await server.graphql(sara, FREE_PLACES, { filter: { childAge: 30 } });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(refused.errors![0]!.message, /högst 20 år/);
  });

  it('the steering group and a signed-out caller are refused', async () => {
    const steering = await server.signIn('ingrid.wikstrom@norrbotten.se');
    assert.equal((await server.graphql(steering, `{ freePlaces { freePlaces } }`)).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((await server.graphql(steering, MATCH, { needs: { ages: [5], kind: 'LONG_TERM' } })).errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal((await server.graphql(null, `{ freePlaces { freePlaces } }`)).errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});

describe('matching over HTTP (matchning)', () => {
  it('ranks the homes that fit a nine-year-old from Lindesberg who speaks Arabic, each with Swedish reasons, and lists the excluded with theirs', async () => {
    const response = await server.graphql(sara, MATCH, {
      needs: { ages: [9], kind: 'LONG_TERM', languages: ['Arabiska'], schoolMunicipalityId: municipalities['Lindesbergs kommun'], familyMunicipalityId: municipalities['Nora kommun'] },
    });
    assert.equal(response.errors, undefined);
    const { candidates, excluded } = response.data!.matchFosterHomes.data;
    assert.ok(candidates.length > 0);
    assert.deepEqual(candidates.map((c: any) => c.rank), candidates.map((_: unknown, i: number) => i + 1));
    assert.ok(candidates.every((c: any) => c.freePlaces >= 1 && c.reasons.length >= 3 && ['OWN', 'NETWORK', 'CONSULTANT_SUPPORTED', 'TREATMENT'].includes(c.placeKind)));
    const firstWithout = candidates.findIndex((c: any) => c.sharedLanguages.length === 0);
    assert.ok(candidates.slice(firstWithout === -1 ? candidates.length : firstWithout).every((c: any) => c.sharedLanguages.length === 0), 'Arabic-speaking homes come first');
    for (const candidate of candidates.filter((c: any) => c.sharedLanguages.length > 0)) {
      assert.ok(candidate.home.languages.includes('arabiska'));
      assert.ok(candidate.reasons.includes('Talar arabiska, som barnet.'));
    }
    const inLindesberg = candidates.find((c: any) => c.proximity === 'SCHOOL_MUNICIPALITY');
    if (inLindesberg) assert.ok(inLindesberg.reasons.includes('Ligger i samma kommun som barnets skola (Lindesbergs kommun).'));
    assert.ok(excluded.length > 0);
    assert.ok(excluded.some((e: any) => e.reasons.includes('Godkänt som jourhem; barnet behöver en långsiktig placering.')));
    assert.ok(excluded.every((e: any) => e.reasons.length > 0));
    // identity, homes, decisions, counts, area, the homes' rows, municipalities: constant
    assert.ok(response.extensions!.queryCount! <= 10, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('refuses needs it cannot match on, field by field in Swedish', async () => {
    const response = await server.graphql(sara, MATCH, { needs: { ages: [], kind: 'EMERGENCY', personalIdentityNumber: '20170314-0000' } });
    const result = response.data!.matchFosterHomes;
    assert.equal(result.__typename, 'ValidationError');
    assert.deepEqual(result.issues.map((i: any) => i.path).sort(), ['ages', 'personalIdentityNumber']);
    assert.ok(result.issues.some((i: any) => i.message === 'Ange barnets ålder.'));
  });

  it('a language the unit records for a home is matched on at once, ranking it first', async () => {
    const list = await server.graphql(anna, FREE_PLACES, { filter: { kind: 'OWN' } });
    const place = list.data!.freePlaces[0];
    const version = (await server.graphql(anna, `query($id: ID!) { fosterHome(id: $id) { version } }`, { id: place.home.id })).data!.fosterHome.version;
    const saved = await server.graphql(
      anna,
      `mutation($input: UpdateFosterHomeInput!) { updateFosterHome(input: $input) { __typename ... on MutationUpdateFosterHomeSuccess { data { languages version } } } }`,
      { input: { id: place.home.id, expectedVersion: version, languages: ['svenska', 'Meänkieli'] } },
    );
    assert.deepEqual(saved.data!.updateFosterHome.data, { languages: ['svenska', 'meänkieli'], version: version + 1 });
    const matched = await server.graphql(anna, MATCH, { needs: { ages: [place.minChildAge ?? 0], kind: 'LONG_TERM', languages: ['meänkieli'] } });
    const [first] = matched.data!.matchFosterHomes.data.candidates;
    assert.equal(first.home.id, place.home.id, 'the only home that speaks meänkieli');
    assert.ok(first.reasons.includes('Talar meänkieli, som barnet.'));
  });
});

describe('what a child’s social worker in Nora sees over HTTP', () => {
  const OCCUPANCY = `query($id: ID!) { fosterHome(id: $id) { name occupancy { approvedPlaces occupiedPlaces freePlaces occupants { child { givenName age } placingMunicipality { name } since } } } }`;

  it('the unit’s homes and their free places as counts, not the children Lindesberg placed in them', async () => {
    const unitView = await server.graphql(anna, FREE_PLACES);
    const homes = unitView.data!.freePlaces.map((p: any) => p.home.id);
    const withLindesbergChild = [];
    for (const id of homes) {
      const occupancy = (await server.graphql(anna, OCCUPANCY, { id })).data!.fosterHome.occupancy;
      if (occupancy.occupants.some((o: any) => o.placingMunicipality.name === 'Lindesbergs kommun')) withLindesbergChild.push({ id, occupancy });
    }
    assert.ok(withLindesbergChild.length > 0, 'the demo places Lindesberg children in the unit’s homes that still have a place');
    for (const { id, occupancy } of withLindesbergChild) {
      const nora = await server.graphql(johan, OCCUPANCY, { id });
      assert.equal(nora.errors, undefined);
      const seen = nora.data!.fosterHome.occupancy;
      assert.equal(seen.occupiedPlaces, occupancy.occupiedPlaces, 'Nora sees the same count');
      assert.equal(seen.freePlaces, occupancy.freePlaces);
      assert.ok(seen.occupants.every((o: any) => o.placingMunicipality.name === 'Nora kommun'), 'but only Nora’s own children');
    }
    const noraPlaces = await server.graphql(johan, FREE_PLACES);
    const noraHomes = new Set(noraPlaces.data!.freePlaces.map((p: any) => p.home.id));
    assert.ok(withLindesbergChild.every(({ id }) => noraHomes.has(id)));
    assert.ok(noraPlaces.data!.freePlaces.every((p: any) => ['Familjehemsenheten Norra länsdelen', 'Nora kommun'].includes(p.home.owner.name)));
  });

  it('not a family in recruitment, nor its household', async () => {
    const created = await server.graphql(
      anna,
      `mutation($input: CreateFosterHomeInput!) { createFosterHome(input: $input) { __typename ... on MutationCreateFosterHomeSuccess { data { id version } } } }`,
      { input: { kind: 'OWN', name: 'Familjen Nyfiken', municipalityId: municipalities['Nora kommun'], places: 2 } },
    );
    const { id, version } = created.data!.createFosterHome.data;
    const recruiting = await server.graphql(
      anna,
      `mutation($input: UpdateFosterHomeInput!) { updateFosterHome(input: $input) { __typename } }`,
      { input: { id, expectedVersion: version, status: 'RECRUITING' } },
    );
    assert.equal(recruiting.data!.updateFosterHome.__typename, 'MutationUpdateFosterHomeSuccess');
    assert.equal((await server.graphql(johan, `query($id: ID!) { fosterHome(id: $id) { name } }`, { id })).data!.fosterHome, null);
    const matched = await server.graphql(johan, MATCH, { needs: { ages: [5], kind: 'LONG_TERM' } });
    const { candidates, excluded } = matched.data!.matchFosterHomes.data;
    assert.ok(![...candidates, ...excluded].some((c: any) => c.home.id === id));
    const households = await server.graphql(johan, `{ freePlaces { home { householdMembers { personalIdentityNumber } } } }`);
    assert.equal(households.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
