import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { resolveActor, type Actor, type Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import {
  clearDeviationSummary,
  closeDeviation,
  decideDeviationAction,
  escalateDeviation,
  getDeviation,
  listDeviations,
  loadDeviationEventsByDeviation,
  loadDeviationPartiesByDeviation,
  recordDeviationAnalysis,
  reportDeviation,
  type Deviation,
} from './deviations.js';
import { escalateDispute, getDispute, listDisputes, raiseDispute, resolveDispute, stateDisputePosition } from './disputes.js';
import { decideDeviationActionAtCounty, listSteeringGroupDeviations, listSteeringGroupDisputes, resolveDisputeAtCounty } from './steering.js';

let db: TestDatabase;
let lisa: Actor; // Strömbackaskolan, Piteå: reports
let sofia: Actor; // Piteå IFO: a party
let mats: Actor; // Hälsocentralen Öjebyn: a party
let karl: Actor; // Hertsöskolan, Luleå: another municipality
let maja: Actor; // Kiruna IFO: another municipality
let ingrid: Actor; // the steering group
let piteaHead: Actor; // Piteå kommun itself (made here: the demo has no user there)
const ids: Record<string, string> = {};
const today = todayInSweden();
const PERSONNUMMER = '20100314-9816';

before(async () => {
  db = await createTestDatabase();
  lisa = await demoActor(db, 'lisa.lundqvist@pitea.se');
  sofia = await demoActor(db, 'sofia.backman@pitea.se');
  mats = await demoActor(db, 'mats.nyberg@norrbotten.se');
  karl = await demoActor(db, 'karl.nilsson@lulea.se');
  maja = await demoActor(db, 'maja.kero@kiruna.se');
  ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');
  for (const name of ['Piteå kommun', 'Luleå kommun', 'Piteå kommun, Individ- och familjeomsorgen', 'Hälsocentralen Öjebyn', 'Piteå kommun, Strömbackaskolan']) {
    ids[name] = await organisationIdByName(db, name);
  }
  const user = await db.kysely.insertInto('users').values({ external_subject: 'test|pitea-head', email: 'chef@pitea.se', display_name: 'Anders Öberg' }).returning('id').executeTakeFirstOrThrow();
  await db.kysely.insertInto('memberships').values({ user_id: user.id, organisation_id: ids['Piteå kommun']!, role: 'head_of_unit' }).execute();
  piteaHead = (await resolveActor(db.kysely, 'test|pitea-head'))!;
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

function refusedBy(rule: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof RuleViolationError, `expected ${rule}, got ${String(error)}`);
    assert.equal(error.rule, rule);
    if (message) assert.match(error.message, message);
    return true;
  };
}

/** A young person and a held meeting convened by Strömbackaskolan, written as the database owner. */
async function meetingAboutAYoungPerson(): Promise<{ meetingId: string; personId: string }> {
  const school = ids['Piteå kommun, Strömbackaskolan']!;
  const person = await db.kysely
    .insertInto('norrbus_persons')
    .values({ owner_org_id: school, given_name: 'Tindra', family_name: 'Vikström', personal_identity_number: PERSONNUMMER, birth_date: '2010-03-14', gender: 'girl', municipality_id: ids['Piteå kommun']! })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db.kysely
    .insertInto('norrbus_meetings')
    .values({ owner_org_id: school, person_id: person.id, initiated_on: addDays(today, -30), initiative_reason: 'Hög frånvaro', status: 'held', held_on: addDays(today, -10), created_by: lisa.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { meetingId: meeting.id, personId: person.id };
}

describe('a deviation from report to close (avvikelse)', () => {
  let deviation: Deviation;
  let meeting: { meetingId: string; personId: string };

  it('is reported by a participant for a municipality, with its county and county part, and the young person’s gender only', async () => {
    meeting = await meetingAboutAYoungPerson();
    deviation = await as(lisa, (s) =>
      reportDeviation(s, {
        municipalityId: ids['Piteå kommun']!,
        meetingId: meeting.meetingId,
        category: 'did_not_attend',
        occurredOn: addDays(today, -10),
        description: 'Hälsocentralen kom inte till mötet om Tindra.',
        partyIds: [ids['Piteå kommun, Individ- och familjeomsorgen']!, ids['Hälsocentralen Öjebyn']!],
      }),
    );
    assert.deepEqual([deviation.county, deviation.countyPart, deviation.level, deviation.status, deviation.reportedOn], ['Norrbottens län', 'Södra Norrbotten', 'local', 'reported', today]);
    assert.deepEqual(deviation.actions, ['clear']);
    const row = await db.kysely.selectFrom('deviations').select(['gender', 'meeting_id']).where('id', '=', deviation.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { gender: 'girl', meeting_id: meeting.meetingId });
    const reads = await db.kysely.selectFrom('audit_log').select(['action', 'purpose']).where('person_id', '=', meeting.personId).execute();
    assert.deepEqual(reads, [{ action: 'read', purpose: 'kön till indikatorer för avvikelse' }]);
  });

  it('a meeting the organisation does not take part in cannot be named', async () => {
    await assert.rejects(
      as(karl, (s) => reportDeviation(s, { municipalityId: ids['Luleå kommun']!, meetingId: meeting.meetingId, category: 'other', occurredOn: today, description: 'x', partyIds: [karl.organisationId] })),
      NotFoundError,
    );
  });

  it('another municipality’s organisations and the steering group cannot read it', async () => {
    for (const outsider of [karl, maja]) {
      assert.deepEqual(await as(outsider, (s) => listDeviations(s)).then((list) => list.filter((d) => d.id === deviation.id)), []);
      await assert.rejects(as(outsider, (s) => getDeviation(s, deviation.id)), NotFoundError);
    }
    await assert.rejects(as(ingrid, (s) => listDeviations(s)), ForbiddenError);
  });

  it('each party records its analysis once; the reporter, not a party, cannot', async () => {
    const afterSofia = await as(sofia, (s) => recordDeviationAnalysis(s, { deviationId: deviation.id, analysis: 'Kallelsen nådde inte hälsocentralen.' }));
    assert.deepEqual([afterSofia.status, afterSofia.actions], ['reported', []]);
    await assert.rejects(as(sofia, (s) => recordDeviationAnalysis(s, { deviationId: deviation.id, analysis: 'Igen.' })), refusedBy('DEVIATION_ALREADY_ANALYSED'));
    await assert.rejects(as(lisa, (s) => recordDeviationAnalysis(s, { deviationId: deviation.id, analysis: 'Vi också.' })), ForbiddenError);
    // A party sees its own analysis; the reporter sees every party's.
    const seenBySofia = await as(sofia, (s) => loadDeviationPartiesByDeviation(s, [deviation.id]));
    assert.deepEqual(seenBySofia.map((p) => p.organisationId), [sofia.organisationId]);
    const seenByLisa = await as(lisa, (s) => loadDeviationPartiesByDeviation(s, [deviation.id]));
    assert.equal(seenByLisa.length, 2);
  });

  it('cannot be escalated before a de-identified summary is cleared', async () => {
    const current = await as(lisa, (s) => getDeviation(s, deviation.id));
    await assert.rejects(
      as(lisa, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: current.version, to: 'county_part' })),
      refusedBy('DEVIATION_NOT_CLEARED', /avidentifierad sammanfattning/),
    );
  });

  it('is analysed once the last party has analysed, even though that party may not change the row', async () => {
    await as(mats, (s) => recordDeviationAnalysis(s, { deviationId: deviation.id, analysis: 'Ersättaren kände inte till mötet.' }));
    const seen = await as(lisa, (s) => getDeviation(s, deviation.id));
    assert.equal(seen.status, 'analysed');
    assert.deepEqual(seen.actions, ['clear', 'decide']);
    const stored = await db.kysely.selectFrom('deviations').select('status').where('id', '=', deviation.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'reported');
    deviation = seen;
  });

  it('refuses a summary with a personnummer or the young person’s name', async () => {
    await assert.rejects(
      as(lisa, (s) => clearDeviationSummary(s, { deviationId: deviation.id, expectedVersion: deviation.version, summary: `Gäller ${PERSONNUMMER}.` })),
      refusedBy('DEVIATION_SUMMARY_IDENTIFIES', /ett personnummer/),
    );
    await assert.rejects(
      as(lisa, (s) => clearDeviationSummary(s, { deviationId: deviation.id, expectedVersion: deviation.version, summary: 'Vårdcentralen uteblev från mötet om tindra.' })),
      refusedBy('DEVIATION_SUMMARY_IDENTIFIES', /namnet Tindra/),
    );
  });

  it('is cleared by the reporter, which stores the analysed status and audits the read of the name; a stale version is refused', async () => {
    const cleared = await as(lisa, (s) =>
      clearDeviationSummary(s, { deviationId: deviation.id, expectedVersion: deviation.version, summary: 'En kallad part uteblev från ett Norrbusmöte utan att meddela förhinder.' }),
    );
    assert.equal(cleared.version, deviation.version + 1);
    assert.equal(cleared.clearedOn, today);
    const stored = await db.kysely.selectFrom('deviations').select('status').where('id', '=', deviation.id).executeTakeFirstOrThrow();
    assert.equal(stored.status, 'analysed');
    const purposes = await db.kysely.selectFrom('audit_log').select('purpose').where('person_id', '=', meeting.personId).execute();
    assert.ok(purposes.some((p) => p.purpose === 'kontroll att text som lämnar lokal nivå är avidentifierad'));
    await assert.rejects(as(lisa, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: deviation.version, to: 'county_part' })), VersionConflictError);
    deviation = cleared;
  });

  it('climbs one level at a time, and a party that is neither reporter nor municipality cannot lift it', async () => {
    await assert.rejects(
      as(lisa, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: deviation.version, to: 'county' })),
      refusedBy('DEVIATION_ESCALATION_ORDER'),
    );
    await assert.rejects(as(sofia, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: deviation.version, to: 'county_part' })), ForbiddenError);
    deviation = await as(lisa, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: deviation.version, to: 'county_part' }));
    assert.equal(deviation.level, 'county_part');
  });

  it('the steering group sees it de-identified, and cannot decide before it reaches the county', async () => {
    const overview = await as(ingrid, (s) => listSteeringGroupDeviations(s));
    const seen = overview.deviations.find((d) => d.id === deviation.id)!;
    assert.deepEqual(Object.keys(seen).sort(), ['category', 'clearedSummary', 'closedOn', 'countyPart', 'decisions', 'id', 'level', 'municipalityId', 'occurredOn', 'reportedOn', 'status']);
    assert.equal(seen.clearedSummary, 'En kallad part uteblev från ett Norrbusmöte utan att meddela förhinder.');
    const cell = overview.cells.find((c) => c.countyPart === 'Södra Norrbotten' && c.category === 'did_not_attend')!;
    const filtered = await as(ingrid, (s) => listSteeringGroupDeviations(s, { countyPart: 'Södra Norrbotten', category: 'did_not_attend' }));
    assert.equal(filtered.deviations.length, cell.count);
    assert.ok(filtered.deviations.every((d) => d.countyPart === 'Södra Norrbotten' && d.category === 'did_not_attend'));
    assert.deepEqual(overview.countyParts, ['Inlandet', 'Malmfälten', 'Södra Norrbotten', 'Östra Norrbotten']);
    await assert.rejects(as(ingrid, (s) => decideDeviationActionAtCounty(s, { deviationId: deviation.id, decision: 'Utbildning.' })), refusedBy('DEVIATION_DECISION_LEVEL'));
    await assert.rejects(as(lisa, (s) => listSteeringGroupDeviations(s)), ForbiddenError);
  });

  it('a decision above the local level is checked for identity like the summary', async () => {
    await assert.rejects(
      as(lisa, (s) => decideDeviationAction(s, { deviationId: deviation.id, expectedVersion: deviation.version, decision: 'Vikström får en ny kallelse.' })),
      refusedBy('DEVIATION_DECISION_IDENTIFIES', /namnet Vikström/),
    );
    // The municipality holds no consent for the young person, so it cannot see the name to check
    // for it (row-level security); a personnummer is refused all the same.
    await assert.rejects(
      as(piteaHead, (s) => decideDeviationAction(s, { deviationId: deviation.id, expectedVersion: deviation.version, decision: `Ny kallelse för ${PERSONNUMMER.replace('-', '')}.` })),
      refusedBy('DEVIATION_DECISION_IDENTIFIES'),
    );
  });

  it('the municipality records the county part’s decision and lifts it to the county', async () => {
    const mine = await as(piteaHead, (s) => getDeviation(s, deviation.id));
    assert.deepEqual(mine.actions, ['clear', 'escalate', 'decide']);
    const decided = await as(piteaHead, (s) => decideDeviationAction(s, { deviationId: deviation.id, expectedVersion: mine.version, decision: 'Gemensam rutin för förhinder i länsdelen.' }));
    assert.equal(decided.status, 'action_decided');
    deviation = await as(piteaHead, (s) => escalateDeviation(s, { deviationId: deviation.id, expectedVersion: decided.version, to: 'county' }));
    await assert.rejects(
      as(piteaHead, (s) => decideDeviationAction(s, { deviationId: deviation.id, expectedVersion: deviation.version, decision: 'Vi beslutar själva.' })),
      refusedBy('DEVIATION_DECIDED_BY_STEERING_GROUP'),
    );
  });

  it('the steering group records its decision at county level (de-identified), which everyone concerned sees', async () => {
    await assert.rejects(
      as(ingrid, (s) => decideDeviationActionAtCounty(s, { deviationId: deviation.id, decision: `Gäller ${PERSONNUMMER}` })),
      refusedBy('DEVIATION_DECISION_IDENTIFIES'),
    );
    const seen = await as(ingrid, (s) => decideDeviationActionAtCounty(s, { deviationId: deviation.id, decision: 'Länsgemensam rutin för förhinder.' }));
    assert.deepEqual(
      seen.decisions.map((d) => [d.level, d.decision]),
      [
        ['county_part', 'Gemensam rutin för förhinder i länsdelen.'],
        ['county', 'Länsgemensam rutin för förhinder.'],
      ],
    );
    const events = await as(lisa, (s) => loadDeviationEventsByDeviation(s, [deviation.id]));
    assert.deepEqual(
      events.map((e) => `${e.kind}@${e.level}`),
      ['reported@local', 'analysed@local', 'analysed@local', 'cleared@local', 'escalated@county_part', 'decided@county_part', 'escalated@county', 'decided@county'],
    );
    assert.equal(events.at(-1)!.organisationId, ingrid.organisationId);
    const audit = await db.kysely.selectFrom('audit_log').select('organisation_id').where('entity_id', '=', deviation.id).where('action', '=', 'update').execute();
    assert.ok(audit.some((a) => a.organisation_id === ingrid.organisationId));
  });

  it('is closed by the reporter, after which nothing more is recorded', async () => {
    const current = await as(lisa, (s) => getDeviation(s, deviation.id));
    const closed = await as(lisa, (s) => closeDeviation(s, { deviationId: deviation.id, expectedVersion: current.version }));
    assert.deepEqual([closed.status, closed.closedOn, closed.actions], ['closed', today, []]);
    await assert.rejects(as(lisa, (s) => clearDeviationSummary(s, { deviationId: deviation.id, expectedVersion: closed.version, summary: 'Ny text.' })), refusedBy('DEVIATION_CLOSED'));
    const steering = await as(ingrid, (s) => listSteeringGroupDeviations(s));
    assert.equal(steering.deviations.find((d) => d.id === deviation.id)!.closedOn, today);
  });
});

describe('a dispute from question to the steering group’s outcome (oenighet)', () => {
  it('refuses a question with a personnummer', async () => {
    await assert.rejects(
      as(lisa, (s) =>
        raiseDispute(s, { municipalityId: ids['Piteå kommun']!, subject: 'cost', intervention: 'Skolskjuts', question: `Vem betalar för ${PERSONNUMMER}?`, partyIds: [sofia.organisationId] }),
      ),
      refusedBy('DISPUTE_TEXT_IDENTIFIES'),
    );
  });

  it('goes through the managements to the county, where only the steering group decides it', async () => {
    let dispute = await as(lisa, (s) =>
      raiseDispute(s, {
        municipalityId: ids['Piteå kommun']!,
        subject: 'responsibility',
        intervention: 'Anpassad studiegång med stöd i hemmet',
        question: 'Vem ansvarar för stödet i hemmet?',
        partyIds: [sofia.organisationId],
      }),
    );
    assert.deepEqual([dispute.level, dispute.status, dispute.countyPart], ['management', 'open', 'Södra Norrbotten']);
    await assert.rejects(as(lisa, (s) => escalateDispute(s, { disputeId: dispute.id, expectedVersion: dispute.version })), refusedBy('DISPUTE_POSITIONS_MISSING'));
    await assert.rejects(as(karl, (s) => getDispute(s, dispute.id)), NotFoundError);
    assert.deepEqual(await as(ingrid, (s) => listSteeringGroupDisputes(s)).then((list) => list.filter((d) => d.id === dispute.id)), []);

    dispute = await as(lisa, (s) => stateDisputePosition(s, { disputeId: dispute.id, expectedVersion: dispute.version, position: 'Stödet ges i hemmet och är socialtjänstens.' }));
    dispute = await as(sofia, (s) => stateDisputePosition(s, { disputeId: dispute.id, expectedVersion: dispute.version, position: 'Målet är skolgång; skolan ansvarar.' }));
    assert.deepEqual(dispute.actions, ['state_position', 'escalate', 'resolve']);
    dispute = await as(sofia, (s) => escalateDispute(s, { disputeId: dispute.id, expectedVersion: dispute.version }));
    assert.equal(dispute.level, 'county');
    await assert.rejects(
      as(lisa, (s) => resolveDispute(s, { disputeId: dispute.id, expectedVersion: dispute.version, outcome: 'Vi enades.' })),
      refusedBy('DISPUTE_DECIDED_BY_STEERING_GROUP'),
    );

    const seen = (await as(ingrid, (s) => listSteeringGroupDisputes(s))).find((d) => d.id === dispute.id)!;
    assert.deepEqual(seen.positions.map((p) => p.position), ['Stödet ges i hemmet och är socialtjänstens.', 'Målet är skolgång; skolan ansvarar.']);
    const resolved = await as(ingrid, (s) => resolveDisputeAtCounty(s, { disputeId: dispute.id, outcome: 'Skolan leder, socialtjänsten bidrar med familjebehandlare.' }));
    assert.deepEqual([resolved.status, resolved.resolvedOn], ['resolved', today]);
    const afterwards = await as(lisa, (s) => getDispute(s, dispute.id));
    assert.deepEqual([afterwards.status, afterwards.outcome, afterwards.actions], ['resolved', 'Skolan leder, socialtjänsten bidrar med familjebehandlare.', []]);
    await assert.rejects(as(ingrid, (s) => resolveDisputeAtCounty(s, { disputeId: dispute.id, outcome: 'Igen.' })), refusedBy('DISPUTE_RESOLVED'));
  });

  it('a dispute settled by the managements is resolved by a party at management level', async () => {
    let dispute = await as(mats, (s) =>
      raiseDispute(s, { municipalityId: ids['Piteå kommun']!, subject: 'cost', intervention: 'Kontaktperson', question: 'Vem bekostar kontaktpersonen?', partyIds: [sofia.organisationId] }),
    );
    dispute = await as(sofia, (s) => resolveDispute(s, { disputeId: dispute.id, expectedVersion: dispute.version, outcome: 'Kommunen bekostar.' }));
    assert.deepEqual([dispute.level, dispute.status], ['management', 'resolved']);
    assert.ok((await as(sofia, (s) => listDisputes(s))).some((d) => d.id === dispute.id));
  });
});

describe('the demo deviations and disputes', () => {
  it('span 2025 and 2026, every level and status, and one dispute decided at county level', async () => {
    const rows = await db.kysely.selectFrom('deviations').select(['level', 'status', 'reported_on', 'cleared_summary']).where('county', '=', 'Norrbottens län').execute();
    assert.ok(rows.length >= 28, `${rows.length} deviations`);
    assert.deepEqual([...new Set(rows.map((r) => r.level))].sort(), ['county', 'county_part', 'local']);
    assert.deepEqual([...new Set(rows.map((r) => r.status))].sort(), ['action_decided', 'analysed', 'closed', 'reported']);
    assert.deepEqual([...new Set(rows.map((r) => r.reported_on.slice(0, 4)))].sort(), ['2025', '2026']);
    assert.ok(rows.filter((r) => r.level !== 'local').every((r) => r.cleared_summary !== null));
    const disputes = await db.kysely.selectFrom('disputes').select(['level', 'status']).execute();
    assert.ok(disputes.some((d) => d.level === 'county' && d.status === 'resolved'));
  });
});
