import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let sara: string;
let johan: string;
const today = todayInSweden();
const thisYear = Number(today.slice(0, 4));

before(async () => {
  server = await startTestServer();
  sara = await server.signIn('sara.nilsson@lindesberg.se');
  johan = await server.signIn('johan.ek@nora.se');
});
after(async () => {
  await server?.close();
});

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterChildInput!) {
    registerChild(input: $input) { __typename ... on MutationRegisterChildSuccess { data { id } } ... on Error { message } }
  }`;
const DECIDE = /* GraphQL */ `
  mutation ($input: RecordPlacementDecisionInput!) {
    recordPlacementDecision(input: $input) { __typename ... on MutationRecordPlacementDecisionSuccess { data { id } } ... on Error { message } }
  }`;
const PLACE = /* GraphQL */ `
  mutation ($input: PlaceChildInput!) {
    placeChild(input: $input) { __typename ... on MutationPlaceChildSuccess { data { id fosterHome { name } } } ... on Error { message } }
  }`;

const QUARTERLY = /* GraphQL */ `
  query ($year: Int!, $quarter: Int!) {
    unexecutedDecisionReport(year: $year, quarter: $quarter) {
      municipality { name } year quarter first last asOf total notExecuted executed cancelled previousQuarterTotal
      byGender { gender count }
      decisions { decidedOn intervention kind legalBasis gender waitKind interruptedOn daysWaited status statusOn }
      csv
    }
  }`;
const OVERVIEW = /* GraphQL */ `
  query ($on: Date) {
    placementOverview(on: $on) { municipality { name } day children inHomesNotVisible upbringing byHomeKind { kind children } byTerm { term children } csv }
  }`;
const IVO_LIST = /* GraphQL */ `
  query ($year: Int!) {
    ivoFosterChildList(year: $year) {
      year children childrenAtYearEnd dueOn daysUntilDue deadlineApproaching
      placements { gender birthYear homeName homeKind homeMunicipalityName term placementKind legalBasis startsOn endedOn placedAtYearEnd }
      csv
    }
  }`;
const REGISTER_DATA = /* GraphQL */ `
  query ($year: Int!) {
    interventionRegister(year: $year) {
      year started ended
      interventions { childId identityNumber identityKind intervention placementKind homeKind legalBasis decidedOn startsOn endedOn endReason }
      csv
    }
  }`;

async function caseWorkerId(token: string): Promise<string> {
  const response = await server.graphql(token, `{ caseWorkers { id displayName } }`);
  return response.data!.caseWorkers.find((w: any) => w.displayName === 'Sara Nilsson').id;
}

/** Registers a Lindesberg child (the birth number's third digit gives the gender: even a girl, odd a boy) and records a favourable SoL decision for a long-term placement. */
async function childWithDecision(givenName: string, birthDate: string, serial: number, decidedOn: string): Promise<{ childId: string; decisionId: string; number: string }> {
  const number = testPersonalIdentityNumber(birthDate, serial);
  const child = await server.graphql(sara, REGISTER, {
    input: { identity: { identityKind: 'PERSONAL_IDENTITY_NUMBER', identityNumber: number }, givenName, familyName: 'Rapportsson', assignedWorkerId: await caseWorkerId(sara) },
  });
  assert.equal(child.data!.registerChild.__typename, 'MutationRegisterChildSuccess', JSON.stringify(child));
  const childId = child.data!.registerChild.data.id;
  const decision = await server.graphql(sara, DECIDE, {
    input: { childId, legalBasis: 'SOL', kind: 'LONG_TERM', decidedOn, decisionMakerKind: 'DELEGATE', decisionMakerName: 'Individ- och familjeomsorgens chef', favourable: true },
  });
  assert.equal(decision.data!.recordPlacementDecision.__typename, 'MutationRecordPlacementDecisionSuccess', JSON.stringify(decision));
  return { childId, decisionId: decision.data!.recordPlacementDecision.data.id, number };
}

describe('the quarterly report of decisions not executed, over HTTP', () => {
  let csv: string;

  it('a decision of 10 January 2025 still not executed is in Lindesberg’s report for the second quarter, 171 days waited, without the name', async () => {
    await childWithDecision('Tindra', '2015-09-14', 2, '2025-01-10');
    const response = await server.graphql(sara, QUARTERLY, { year: 2025, quarter: 2 });
    assert.equal(response.errors, undefined);
    const report = response.data!.unexecutedDecisionReport;
    assert.deepEqual([report.municipality.name, report.first, report.last, report.asOf], ['Lindesbergs kommun', '2025-04-01', '2025-06-30', '2025-06-30']);
    const row = report.decisions.find((d: any) => d.decidedOn === '2025-01-10' && d.daysWaited === 171);
    assert.deepEqual(row, {
      decidedOn: '2025-01-10',
      intervention: 'Placering i familjehem',
      kind: 'LONG_TERM',
      legalBasis: 'SOL',
      gender: 'GIRL',
      waitKind: 'AWAITING_EXECUTION',
      interruptedOn: null,
      daysWaited: 171,
      status: 'NOT_EXECUTED',
      statusOn: null,
    });
    assert.equal(report.total, report.decisions.length);
    assert.equal(report.byGender.reduce((sum: number, g: any) => sum + g.count, 0), report.total);
    csv = report.csv;
  });

  it('the CSV is the annex for Swedish Excel: Swedish headers, semicolons, CRLF, no names', () => {
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Beslutsdatum;Insats;Placeringsform;Lagrum;Kön;Avbrott;Väntat (dagar);Status;Verkställt/avslutat');
    assert.ok(lines.includes('2025-01-10;Placering i familjehem;Stadigvarande placering;SoL;Flicka;;171;Ej verkställt;'));
    assert.ok(csv.endsWith('\r\n'));
    assert.ok(!csv.includes('Tindra') && !csv.includes('Rapportsson'));
  });

  it('Nora’s report for the same quarter does not have Lindesberg’s decision', async () => {
    const response = await server.graphql(johan, QUARTERLY, { year: 2025, quarter: 2 });
    assert.equal(response.errors, undefined);
    assert.equal(response.data!.unexecutedDecisionReport.municipality.name, 'Nora kommun');
    assert.ok(!response.data!.unexecutedDecisionReport.decisions.some((d: any) => d.decidedOn === '2025-01-10' && d.daysWaited === 171 && d.gender === 'GIRL'));
  });

  it('a fifth quarter is refused in Swedish', async () => {
    const response = await server.graphql(sara, QUARTERLY, { year: 2025, quarter: 5 });
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.equal(response.errors?.[0]?.message, 'Kvartalet är 1, 2, 3 eller 4.');
  });
});

describe('the yearly reports over HTTP', () => {
  let placed: { childId: string; number: string; homeName: string };

  before(async () => {
    const { childId, decisionId, number } = await childWithDecision('Melker', '2016-02-03', 5, today);
    const places = (await server.graphql(sara, `query { freePlaces(filter: { kind: OWN, childAge: 8 }) { home { id name } } }`)).data!.freePlaces;
    assert.ok(places.length > 0, 'the demo has a free place for an eight-year-old, after Melker’s birthday or not');
    const response = await server.graphql(sara, PLACE, { input: { childId, decisionId, fosterHomeId: places[0].home.id, startsOn: today } });
    assert.equal(response.data!.placeChild.__typename, 'MutationPlaceChildSuccess', JSON.stringify(response));
    placed = { childId, number, homeName: response.data!.placeChild.data.fosterHome.name };
  });

  it('the list to IVO has the placement without the name, and says when it is due', async () => {
    const response = await server.graphql(sara, IVO_LIST, { year: thisYear });
    assert.equal(response.errors, undefined);
    const list = response.data!.ivoFosterChildList;
    assert.equal(list.dueOn, `${thisYear + 1}-01-31`);
    assert.equal(list.deadlineApproaching, false, 'no warning while the year runs');
    const row = list.placements.find((p: any) => p.startsOn === today && p.homeName === placed.homeName && p.birthYear === 2016);
    assert.deepEqual(row, {
      gender: 'BOY',
      birthYear: 2016,
      homeName: placed.homeName,
      homeKind: 'OWN',
      homeMunicipalityName: row.homeMunicipalityName,
      term: 'LONG_TERM',
      placementKind: 'LONG_TERM',
      legalBasis: 'SOL',
      startsOn: today,
      endedOn: null,
      placedAtYearEnd: true,
    });
    assert.ok(row.homeMunicipalityName.endsWith('kommun'));
    assert.ok(list.csv.startsWith('Kön;Födelseår;Familjehem;Typ av hem;Hemmets kommun;Jour/stadigvarande;Placeringsform;Lagrum;Placerad från;Placerad till;Placerad 31 december\r\n'));
    assert.ok(!list.csv.includes('Melker') && !list.csv.includes(placed.number));
  });

  it('Socialstyrelsen’s register carries the personnummer, and the read is in the audit log for the child', async () => {
    const response = await server.graphql(sara, REGISTER_DATA, { year: thisYear });
    assert.equal(response.errors, undefined);
    const register = response.data!.interventionRegister;
    const row = register.interventions.find((i: any) => i.identityNumber === placed.number);
    assert.deepEqual({ ...row, childId: undefined }, {
      childId: undefined,
      identityNumber: placed.number,
      identityKind: 'PERSONAL_IDENTITY_NUMBER',
      intervention: 'Placering i familjehem',
      placementKind: 'LONG_TERM',
      homeKind: 'OWN',
      legalBasis: 'SOL',
      decidedOn: today,
      startsOn: today,
      endedOn: null,
      endReason: null,
    });
    assert.ok(register.csv.split('\r\n').some((line: string) => line.startsWith(`${placed.number};Personnummer;Placering i familjehem;Stadigvarande placering;Eget familjehem;SoL;${today};${today};;`)));

    // Eva Ahlin administers both Lindesberg and the unit: she reads Lindesberg's log acting for Lindesberg.
    const lindesbergId = (await server.graphql(sara, `{ viewer { organisation { id } } }`)).data!.viewer.organisation.id;
    const lindesberg = Buffer.from(lindesbergId, 'base64').toString('utf8').split(':')[1]!;
    const admin = await server.signIn('eva.ahlin@lindesberg.se');
    const audit = await server.graphql(admin, `query ($id: ID!) { auditEntries(personId: $id) { userDisplayName action purpose } }`, { id: row.childId }, { 'X-Samverka-Organisation': lindesberg });
    assert.equal(audit.errors, undefined);
    assert.ok(audit.data!.auditEntries.some((e: any) => e.userDisplayName === 'Sara Nilsson' && e.action === 'read' && e.purpose === `Socialstyrelsens register över insatser för barn och unga ${thisYear}`));
  });

  it('Nora’s register and list hold none of Lindesberg’s children', async () => {
    const register = await server.graphql(johan, REGISTER_DATA, { year: thisYear });
    assert.ok(!register.data!.interventionRegister.interventions.some((i: any) => i.identityNumber === placed.number));
    assert.ok(!register.data!.interventionRegister.csv.includes(placed.number));
  });
});

describe('the seed check: Lindesberg’s placed children on 31 May 2022 (seed 001)', () => {
  it('54 children placed in foster homes, 11 in emergency homes (jour) and 43 long-term, on the overview and in its CSV', async () => {
    const response = await server.graphql(sara, OVERVIEW, { on: '2022-05-31' });
    assert.equal(response.errors, undefined);
    const overview = response.data!.placementOverview;
    assert.equal(overview.municipality.name, 'Lindesbergs kommun');
    assert.equal(overview.children, 54);
    assert.equal(overview.byHomeKind.find((k: any) => k.kind === 'EMERGENCY').children, 11);
    assert.deepEqual(overview.byTerm, [{ term: 'EMERGENCY', children: 11 }, { term: 'LONG_TERM', children: 43 }]);
    const lines = overview.csv.split('\r\n');
    assert.equal(lines[0], 'Avsnitt;Rad;Antal barn');
    assert.ok(lines.includes('Totalt;Placerade i familjehem 2022-05-31;54'));
    assert.ok(lines.includes('Placering;Jour;11') && lines.includes('Placering;Stadigvarande;43'));
  });
});

describe('who may read the reports, over HTTP', () => {
  const queries: Array<[string, string, Record<string, unknown>]> = [
    ['unexecutedDecisionReport', QUARTERLY, { year: 2025, quarter: 2 }],
    ['placementOverview', OVERVIEW, { on: '2022-05-31' }],
    ['ivoFosterChildList', IVO_LIST, { year: 2025 }],
    ['interventionRegister', REGISTER_DATA, { year: 2025 }],
  ];

  for (const [email, who] of [
    ['erik.berg@familjehem-norra.se', 'the joint unit’s head of unit'],
    ['anna.lind@familjehem-norra.se', 'the joint unit’s foster-care worker'],
    ['lisa.lundqvist@pitea.se', 'a Norrbus convener'],
    ['ingrid.wikstrom@norrbotten.se', 'the steering group'],
  ] as const) {
    it(`${who} is refused every report with FORBIDDEN and gets no data`, async () => {
      const token = await server.signIn(email);
      for (const [field, query, variables] of queries) {
        const response = await server.graphql(token, query, variables);
        assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN', `${field} for ${email}`);
        assert.equal(response.data ?? null, null);
      }
    });
  }

  it('a municipality’s social worker reads each report in a handful of SQL statements, however many rows (no N+1)', async () => {
    for (const [field, query, variables] of queries) {
      const response = await server.graphql(sara, query, variables);
      assert.equal(response.errors, undefined, field);
      assert.ok(response.extensions!.queryCount! <= 6, `${field}: queryCount was ${response.extensions!.queryCount}`);
    }
  });

  it('a caller who is not signed in is asked to sign in', async () => {
    const response = await server.graphql(null, OVERVIEW, {});
    assert.equal(response.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });
});
