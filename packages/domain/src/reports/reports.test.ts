import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { insertHome } from '../placements/test-fixtures.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { loadInterventionRegister, interventionRegisterCsv } from './intervention-register.js';
import { loadIvoFosterChildList } from './ivo-foster-children.js';
import { loadPlacementOverview, type PlacementOverview } from './placement-overview.js';
import { insertCase, type CaseFixture } from './test-fixtures.js';
import { loadUnexecutedDecisionReport, unexecutedDecisionCsv, type UnexecutedDecision, type UnexecutedDecisionReport } from './unexecuted-decisions.js';

let db: TestDatabase;
let lindesbergId: string;
let noraId: string;
/** Sara Nilsson, barnsekreterare in Lindesberg; Maria Holm, enhetschef in Lindesberg; Johan Ek, barnsekreterare in Nora. */
let sara: Actor;
let maria: Actor;
let johan: Actor;
/** The joint unit's head and foster-care worker, the steering group and a Norrbus convener: none of them reads these reports. */
let refused: Actor[];

const Q2_2024 = { year: 2024, quarter: 2 } as const;
const AFTERWARDS = '2025-03-01';

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/** What the demo data already puts in a report, so each test sees exactly what its own cases add. */
let baseline: {
  lindesbergQ2: UnexecutedDecisionReport;
  noraQ2: UnexecutedDecisionReport;
  overview: PlacementOverview;
};

/** Personnummer of the hand-built cases, by letter. */
const cases = new Map<string, string>();

/**
 * A hand-built second quarter of 2024 (1 April – 30 June) in Lindesberg, with Nora beside it:
 *
 *   A  decided 2024-01-10, never executed                      → not executed, 172 days
 *   B  decided 2024-03-31, never executed                      → not yet late on 30 June: not reported
 *   C  decided 2024-02-20, placed 2024-06-30 (the last day)    → executed 2024-06-30 after 131 days
 *   D  decided 2023-10-02, placed 2023-11-01, broke down 2024-02-15, not resumed
 *                                                              → interrupted, not executed, 136 days
 *   E  decided 2023-12-01, cancelled 2024-04-20                → cancelled after 141 days (late since 2 March)
 *   F  decided 2024-01-05, not favourable                      → never reported
 *   H  decided 2024-01-15, placed 2024-04-15 (the limit day)   → in time: not reported
 *   I  decided 2023-09-01, cancelled 2024-02-01                → reported in Q1 only
 *   J  decided 2023-06-01, placed 2023-07-01                   → in time
 *   L  uppväxtplacering since 2022-04-01; M placed in a jourhem 2024-05-01 without a recorded decision;
 *   N  moved from an own home to a network home on 2024-05-31
 *   G  Nora: decided 2024-01-10, never executed                → Nora's report only
 *   K  Nora: placed in the same own home as C                  → never in Lindesberg's lists
 */
before(async () => {
  db = await createTestDatabase();
  const unitId = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  lindesbergId = await organisationIdByName(db, 'Lindesbergs kommun');
  noraId = await organisationIdByName(db, 'Nora kommun');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  refused = await Promise.all(
    ['erik.berg@familjehem-norra.se', 'anna.lind@familjehem-norra.se', 'ingrid.wikstrom@norrbotten.se', 'lisa.lundqvist@pitea.se'].map((email) => demoActor(db, email)),
  );

  baseline = {
    lindesbergQ2: await as(sara, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS)),
    noraQ2: await as(johan, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS)),
    overview: await as(sara, (s) => loadPlacementOverview(s, '2024-05-31')),
  };

  const home = (name: string, kind: 'own' | 'emergency' | 'network', ownerId: string, municipalityId: string) =>
    insertHome(db.kysely, { ownerId, name, municipalityId, approvedById: ownerId, recordedBy: sara.userId, kind, approval: { places: 3, decidedOn: '2021-01-01', validUntil: '2026-12-31' }, today: '2024-01-01' });
  const own = await home('Familjen Åkerlund, Frövi (rapporttest)', 'own', unitId, lindesbergId);
  const emergency = await home('Jourhemmet Gyttorp (rapporttest)', 'emergency', unitId, noraId);
  const network = await home('Nätverkshemmet Storå (rapporttest)', 'network', lindesbergId, lindesbergId);

  const lindesberg = (letter: string, birthDate: string, gender: CaseFixture['gender'], rest: Partial<CaseFixture>): [string, CaseFixture] => [
    letter,
    { placingId: lindesbergId, recordedBy: sara.userId, givenName: `Barn ${letter}`, familyName: 'Rapportsson', birthDate, gender, serial: 7, ...rest },
  ];
  const all: Array<[string, CaseFixture]> = [
    lindesberg('A', '2012-03-14', 'girl', { decision: { decidedOn: '2024-01-10' } }),
    lindesberg('B', '2015-07-02', 'boy', { decision: { decidedOn: '2024-03-31' } }),
    lindesberg('C', '2010-11-23', 'boy', { decision: { decidedOn: '2024-02-20', legalBasis: 'lvu_2' }, placements: [{ homeId: own, startsOn: '2024-06-30' }] }),
    lindesberg('D', '2009-01-30', 'other', { decision: { decidedOn: '2023-10-02', interruptedOn: '2024-02-15' }, placements: [{ homeId: own, startsOn: '2023-11-01', endedOn: '2024-02-15' }] }),
    lindesberg('E', '2016-05-05', 'girl', { decision: { decidedOn: '2023-12-01', cancelledOn: '2024-04-20', kind: 'emergency', intervention: 'Placering i jourhem' } }),
    lindesberg('F', '2013-09-09', 'girl', { decision: { decidedOn: '2024-01-05', favourable: false } }),
    lindesberg('H', '2019-02-11', 'boy', { decision: { decidedOn: '2024-01-15', kind: 'emergency', intervention: 'Placering i jourhem' }, placements: [{ homeId: emergency, startsOn: '2024-04-15', endedOn: '2024-07-01' }] }),
    lindesberg('I', '2011-12-24', 'boy', { decision: { decidedOn: '2023-09-01', cancelledOn: '2024-02-01' } }),
    lindesberg('J', '2014-06-18', 'girl', { decision: { decidedOn: '2023-06-01' }, placements: [{ homeId: network, startsOn: '2023-07-01' }] }),
    lindesberg('L', '2008-04-04', 'girl', { decision: { decidedOn: '2022-03-01', kind: 'upbringing' }, placements: [{ homeId: own, startsOn: '2022-04-01' }] }),
    lindesberg('M', '2020-10-10', 'boy', { placements: [{ homeId: emergency, startsOn: '2024-05-01' }] }),
    lindesberg('N', '2017-08-08', 'other', {
      decision: { decidedOn: '2023-12-20' },
      placements: [
        { homeId: own, startsOn: '2024-01-10', endedOn: '2024-05-31' },
        { homeId: network, startsOn: '2024-05-31' },
      ],
    }),
    ['G', { placingId: noraId, recordedBy: johan.userId, givenName: 'Barn G', familyName: 'Rapportsson', birthDate: '2012-03-14', gender: 'girl', serial: 7, decision: { decidedOn: '2024-01-10' } }],
    ['K', { placingId: noraId, recordedBy: johan.userId, givenName: 'Barn K', familyName: 'Rapportsson', birthDate: '2013-01-01', gender: 'boy', serial: 7, decision: { decidedOn: '2024-02-01' }, placements: [{ homeId: own, startsOn: '2024-03-01' }] }],
  ];
  for (const [letter, fixture] of all) cases.set(letter, (await insertCase(db.kysely, fixture)).personalIdentityNumber);
});

after(async () => {
  await db?.dispose();
});

const signature = (row: UnexecutedDecision) => JSON.stringify(row);

/** The rows a report has beyond the baseline's: what the hand-built cases added. */
function added(report: UnexecutedDecisionReport, base: UnexecutedDecisionReport): UnexecutedDecision[] {
  const remaining = base.rows.map(signature);
  return report.rows.filter((row) => {
    const index = remaining.indexOf(signature(row));
    if (index === -1) return true;
    remaining.splice(index, 1);
    return false;
  });
}

describe('the quarterly report of favourable decisions not executed (ej verkställda beslut)', () => {
  it('lists exactly A, C, D and E for Lindesberg’s second quarter of 2024, with decision date, intervention, gender, days waited and status', async () => {
    const report = await as(sara, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS));
    assert.deepEqual(
      { first: report.first, last: report.last, asOf: report.asOf },
      { first: '2024-04-01', last: '2024-06-30', asOf: '2024-06-30' },
    );
    const sol = { intervention: 'Placering i familjehem', kind: 'long_term', legalBasis: 'sol' } as const;
    assert.deepEqual(added(report, baseline.lindesbergQ2), [
      { decidedOn: '2023-10-02', ...sol, gender: 'other', waitKind: 'interrupted', interruptedOn: '2024-02-15', daysWaited: 136, status: 'not_executed', statusOn: null },
      { decidedOn: '2023-12-01', intervention: 'Placering i jourhem', kind: 'emergency', legalBasis: 'sol', gender: 'girl', waitKind: 'awaiting_execution', interruptedOn: null, daysWaited: 141, status: 'cancelled', statusOn: '2024-04-20' },
      { decidedOn: '2024-01-10', ...sol, gender: 'girl', waitKind: 'awaiting_execution', interruptedOn: null, daysWaited: 172, status: 'not_executed', statusOn: null },
      { decidedOn: '2024-02-20', ...sol, legalBasis: 'lvu_2', gender: 'boy', waitKind: 'awaiting_execution', interruptedOn: null, daysWaited: 131, status: 'executed', statusOn: '2024-06-30' },
    ]);
  });

  it('totals by status and gender, and compares with the first quarter (E and I were late then)', async () => {
    const report = await as(maria, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS));
    const base = baseline.lindesbergQ2;
    assert.equal(report.total - base.total, 4);
    assert.equal(report.notExecuted - base.notExecuted, 2);
    assert.equal(report.executed - base.executed, 1);
    assert.equal(report.cancelled - base.cancelled, 1);
    assert.deepEqual(
      report.byGender.map((g, i) => [g.gender, g.count - base.byGender[i]!.count]),
      [['girl', 2], ['boy', 1], ['other', 1]],
    );
    assert.equal(report.previousQuarterTotal - base.previousQuarterTotal, 2);
  });

  it('the annex as CSV has Swedish headers and words, and no name or personnummer', async () => {
    const report = await as(sara, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS));
    const csv = unexecutedDecisionCsv(report);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'Beslutsdatum;Insats;Placeringsform;Lagrum;Kön;Avbrott;Väntat (dagar);Status;Verkställt/avslutat');
    assert.ok(lines.includes('2024-01-10;Placering i familjehem;Stadigvarande placering;SoL;Flicka;;172;Ej verkställt;'));
    assert.ok(lines.includes('2023-10-02;Placering i familjehem;Stadigvarande placering;SoL;Annan könsidentitet;2024-02-15;136;Ej verkställt;'));
    assert.ok(lines.includes('2024-02-20;Placering i familjehem;Stadigvarande placering;LVU 2 §;Pojke;;131;Verkställt;2024-06-30'));
    assert.ok(lines.includes('2023-12-01;Placering i jourhem;Jourplacering;SoL;Flicka;;141;Avslutat;2024-04-20'));
    assert.ok(!csv.includes('Rapportsson') && ![...cases.values()].some((number) => csv.includes(number)));
  });

  it('the third quarter no longer has C (executed) or E (cancelled), and now has B, late since 1 July', async () => {
    const report = await as(sara, (s) => loadUnexecutedDecisionReport(s, { year: 2024, quarter: 3 }, AFTERWARDS));
    const decided = report.rows.map((row) => row.decidedOn);
    assert.ok(decided.includes('2024-03-31') && decided.includes('2024-01-10') && decided.includes('2023-10-02'));
    assert.ok(!decided.includes('2024-02-20') && !decided.includes('2023-12-01'));
  });

  it('Nora’s report has Nora’s decision G and none of Lindesberg’s', async () => {
    const report = await as(johan, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS));
    assert.deepEqual(
      added(report, baseline.noraQ2).map((row) => [row.decidedOn, row.gender, row.daysWaited, row.status]),
      [['2024-01-10', 'girl', 172, 'not_executed']],
    );
  });

  it('a quarter still running counts days until today', async () => {
    const report = await as(sara, (s) => loadUnexecutedDecisionReport(s, Q2_2024, '2024-05-01'));
    assert.equal(report.asOf, '2024-05-01');
    assert.ok(report.rows.some((row) => row.decidedOn === '2024-01-10' && row.daysWaited === 112));
  });

  it('refuses a fifth quarter and a year before 2000 in Swedish', async () => {
    await assert.rejects(as(sara, (s) => loadUnexecutedDecisionReport(s, { year: 2024, quarter: 5 }, AFTERWARDS)), (error: unknown) => error instanceof ValidationError && /Kvartalet är 1, 2, 3 eller 4/.test(error.message));
    await assert.rejects(as(sara, (s) => loadUnexecutedDecisionReport(s, { year: 1999, quarter: 1 }, AFTERWARDS)), ValidationError);
  });
});

const TEST_HOMES = /\(rapporttest\)$/;

describe('the yearly list of children in foster homes to IVO', () => {
  it('lists every placement of Lindesberg’s children in a foster home during 2024, without names, and whether each was placed on 31 December', async () => {
    const list = await as(sara, (s) => loadIvoFosterChildList(s, 2024, '2025-01-20'));
    const ours = list.rows.filter((row) => row.homeName && TEST_HOMES.test(row.homeName));
    assert.deepEqual(
      ours.map((row) => [row.startsOn, row.gender, row.birthYear, row.homeKind, row.homeMunicipalityName, row.term, row.legalBasis, row.placedAtYearEnd]),
      [
        ['2022-04-01', 'girl', 2008, 'own', 'Lindesbergs kommun', 'long_term', 'sol', true],
        ['2023-07-01', 'girl', 2014, 'network', 'Lindesbergs kommun', 'long_term', 'sol', true],
        ['2023-11-01', 'other', 2009, 'own', 'Lindesbergs kommun', 'long_term', 'sol', false],
        ['2024-01-10', 'other', 2017, 'own', 'Lindesbergs kommun', 'long_term', 'sol', false],
        ['2024-04-15', 'boy', 2019, 'emergency', 'Nora kommun', 'emergency', 'sol', false],
        ['2024-05-01', 'boy', 2020, 'emergency', 'Nora kommun', 'emergency', null, true],
        ['2024-05-31', 'other', 2017, 'network', 'Lindesbergs kommun', 'long_term', 'sol', true],
        ['2024-06-30', 'boy', 2010, 'own', 'Lindesbergs kommun', 'long_term', 'lvu_2', true],
      ],
    );
    assert.deepEqual(list.deadline, { dueOn: '2025-01-31', daysUntilDue: 11, approaching: true });
  });

  it('Nora’s list has Nora’s child K in the unit’s home, and none of Lindesberg’s', async () => {
    const list = await as(johan, (s) => loadIvoFosterChildList(s, 2024, '2025-06-01'));
    const ours = list.rows.filter((row) => row.homeName && TEST_HOMES.test(row.homeName));
    assert.deepEqual(ours.map((row) => [row.startsOn, row.gender, row.birthYear]), [['2024-03-01', 'boy', 2013]]);
    assert.equal(list.deadline.approaching, false);
  });
});

describe('Socialstyrelsen’s register of interventions for children', () => {
  it('carries each placement with the personnummer, intervention, decision date, start, end and SoL or LVU', async () => {
    const register = await as(sara, (s) => loadInterventionRegister(s, 2024));
    const d = register.rows.find((row) => row.identityNumber === cases.get('D'));
    assert.deepEqual(d && { ...d, childId: undefined }, {
      childId: undefined,
      identityNumber: cases.get('D'),
      identityKind: 'personal_identity_number',
      intervention: 'Placering i familjehem',
      decisionKind: 'long_term',
      legalBasis: 'sol',
      decidedOn: '2023-10-02',
      homeKind: 'own',
      startsOn: '2023-11-01',
      endedOn: '2024-02-15',
      endReason: 'Placeringen bröt samman',
    });
    const numbers = new Set(register.rows.map((row) => row.identityNumber));
    for (const letter of ['C', 'D', 'H', 'J', 'L', 'M', 'N']) assert.ok(numbers.has(cases.get(letter)!), `${letter} is in the register`);
    for (const letter of ['A', 'B', 'E', 'F', 'I', 'G', 'K']) assert.ok(!numbers.has(cases.get(letter)!), `${letter} is not`);
    assert.equal(register.rows.filter((row) => row.identityNumber === cases.get('N')).length, 2, 'a move is two placements');
    assert.ok(interventionRegisterCsv(register).startsWith('Personnummer;Typ av nummer;Insats;Placeringsform;Vårdform;Lagrum;Beslutsdatum;Startdatum;Slutdatum;Orsak till avslut\r\n'));
  });

  it('records a read of each child’s identity in the audit log, once per child', async () => {
    const register = await as(maria, (s) => loadInterventionRegister(s, 2024));
    const child = register.rows.find((row) => row.identityNumber === cases.get('N'))!.childId;
    const entries = await db.kysely.selectFrom('audit_log').select(['user_id', 'purpose']).where('person_id', '=', child).where('user_id', '=', maria.userId).execute();
    assert.deepEqual(entries, [{ user_id: maria.userId, purpose: 'Socialstyrelsens register över insatser för barn och unga 2024' }]);
  });

  it('Nora’s register holds none of Lindesberg’s children', async () => {
    const register = await as(johan, (s) => loadInterventionRegister(s, 2024));
    const numbers = new Set(register.rows.map((row) => row.identityNumber));
    assert.ok(numbers.has(cases.get('K')!));
    for (const letter of ['C', 'D', 'H', 'J', 'L', 'M', 'N']) assert.ok(!numbers.has(cases.get(letter)!));
  });
});

describe('the placement overview for a day', () => {
  it('on 31 May 2024 the hand-built cases add five children: two in jour (H and M), three stadigvarande, N counted once in the network home', async () => {
    const overview = await as(sara, (s) => loadPlacementOverview(s, '2024-05-31'));
    const base = baseline.overview;
    assert.equal(overview.children - base.children, 5);
    assert.deepEqual(
      overview.byHomeKind.map((row, i) => [row.kind, row.children - base.byHomeKind[i]!.children]),
      [['own', 1], ['network', 2], ['emergency', 2], ['consultant_supported', 0], ['treatment', 0]],
    );
    assert.deepEqual(overview.byTerm.map((row, i) => [row.term, row.children - base.byTerm[i]!.children]), [['emergency', 2], ['long_term', 3]]);
    assert.equal(overview.upbringing - base.upbringing, 1);
  });

  it('refuses a day that does not exist', async () => {
    await assert.rejects(as(sara, (s) => loadPlacementOverview(s, '2024-02-30')), ValidationError);
  });
});

describe('who reads the reports', () => {
  it('the joint unit, the steering group and Norrbus are refused every report', async () => {
    for (const actor of refused) {
      await assert.rejects(as(actor, (s) => loadUnexecutedDecisionReport(s, Q2_2024, AFTERWARDS)), ForbiddenError);
      await assert.rejects(as(actor, (s) => loadIvoFosterChildList(s, 2024, AFTERWARDS)), ForbiddenError);
      await assert.rejects(as(actor, (s) => loadInterventionRegister(s, 2024)), ForbiddenError);
      await assert.rejects(as(actor, (s) => loadPlacementOverview(s, '2024-05-31')), ForbiddenError);
    }
  });
});
