import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { DEVIATION_CATEGORIES, DEVIATION_LEVELS } from '../deviations/deviation-workflow.js';
import { ForbiddenError } from '../errors.js';
import type { ChildGender } from '../placements/children.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import {
  computeNorrbusIndicators,
  COUNT_INDICATORS,
  loadNorrbusIndicators,
  type CommitmentFact,
  type ComparedFigure,
  type CountIndicator,
  type DeviationFact,
  type DisputeFact,
  type IndicatorCell,
  type IndicatorGeography,
  type MeasureIndicator,
  type MeetingFact,
  type NorrbusIndicators,
} from './indicators.js';

/**
 * A hand-built county: Norr (Alfa, Beta) and Söder (Ceta, Delta), with 2026 against 2025. Every
 * expected figure below is worked out by hand from the facts written here.
 */
const GEOGRAPHY: IndicatorGeography = {
  county: 'Testlän',
  municipalities: [
    { id: 'a', name: 'Alfa kommun', countyPart: 'Norr' },
    { id: 'b', name: 'Beta kommun', countyPart: 'Norr' },
    { id: 'c', name: 'Ceta kommun', countyPart: 'Söder' },
    { id: 'd', name: 'Delta kommun', countyPart: 'Söder' },
  ],
};
const PARTS: Record<string, string> = { a: 'Norr', b: 'Norr', c: 'Söder', d: 'Söder' };
const EVERY = ['a', 'b', 'c', 'd'];
const GENDERS: ChildGender[] = ['girl', 'boy', 'other'];

/** Meetings held on 15 May, each `days` after its initiative. */
function meetings(municipalityId: string, year: number, gender: ChildGender, days: readonly number[], followUp = false): MeetingFact[] {
  const heldOn = `${year}-05-15`;
  return days.map((d) => ({ municipalityId, countyPart: PARTS[municipalityId]!, gender, initiatedOn: addDays(heldOn, -d), heldOn, followUp }));
}
const times = (count: number, days = 10) => Array.from({ length: count }, () => days);

/** An åtagande due on 10 April; `outcome` recorded `late` days after the follow-up day (0: on the day). */
function commitment(municipalityId: string, year: number, gender: ChildGender, outcome: CommitmentFact['outcome'], late = 0, followUpOn = `${year}-04-10`): CommitmentFact {
  return { municipalityId, countyPart: PARTS[municipalityId]!, gender, followUpOn, outcome, outcomeOn: outcome ? addDays(followUpOn, late) : null };
}

function buildFacts() {
  const meetingFacts: MeetingFact[] = [];
  const commitmentFacts: CommitmentFact[] = [];
  const deviationFacts: DeviationFact[] = [];
  const disputeFacts: DisputeFact[] = [];
  // 2026: first meetings.
  meetingFacts.push(...meetings('a', 2026, 'girl', times(5)), ...meetings('a', 2026, 'boy', [2, 4, 6, 8, 10, 30]), ...meetings('a', 2026, 'other', times(5, 20)));
  meetingFacts.push(...meetings('b', 2026, 'girl', times(5)), ...meetings('b', 2026, 'boy', times(5)), ...meetings('b', 2026, 'other', times(1)));
  meetingFacts.push(...meetings('c', 2026, 'girl', times(5)), ...meetings('c', 2026, 'boy', times(5)), ...meetings('c', 2026, 'other', times(5)));
  meetingFacts.push(...meetings('d', 2026, 'girl', times(6)), ...meetings('d', 2026, 'boy', times(5)), ...meetings('d', 2026, 'other', times(5)));
  for (const m of EVERY) {
    for (const g of GENDERS) {
      // 2026 follow-ups; 2025 first meetings and follow-ups.
      meetingFacts.push(...meetings(m, 2026, g, times(5), true), ...meetings(m, 2025, g, times(4)), ...meetings(m, 2025, g, times(3), true));
      // 2026: five åtaganden per cell: three done on time, one done late, one without outcome (Alfa's girls: one partly done on time instead of late).
      const fourth = m === 'a' && g === 'girl' ? commitment(m, 2026, g, 'partly_done') : commitment(m, 2026, g, 'done', 7);
      commitmentFacts.push(commitment(m, 2026, g, 'done'), commitment(m, 2026, g, 'done', -3), commitment(m, 2026, g, 'done'), fourth, commitment(m, 2026, g, null));
      // 2025: five, all done on time.
      for (let i = 0; i < 5; i++) commitmentFacts.push(commitment(m, 2025, g, 'done'));
    }
    // 2026: thirty avvikelser, five per category, ten per level; closed after 5, 10 or 30 days (Delta closed only two).
    for (let i = 0; i < 30; i++) {
      const closedAfter = i < 10 ? 5 : i < 20 ? 10 : 30;
      const closed = m !== 'd' || i < 2;
      deviationFacts.push({
        municipalityId: m,
        countyPart: PARTS[m]!,
        gender: ([...GENDERS, null] as const)[i % 4]!,
        category: DEVIATION_CATEGORIES[i % 6]!,
        level: DEVIATION_LEVELS[i % 3]!,
        reportedOn: '2026-03-02',
        closedOn: closed ? addDays('2026-03-02', closedAfter) : null,
      });
    }
    // Oenigheter: 2026 three about responsibility (resolved) and four about cost (open); 2025 three and three, none resolved.
    const dispute = (subject: DisputeFact['subject'], raisedOn: string, resolvedOn: string | null): DisputeFact => ({ municipalityId: m, countyPart: PARTS[m]!, subject, raisedOn, resolvedOn });
    for (let i = 0; i < 3; i++) disputeFacts.push(dispute('responsibility', '2026-02-01', '2026-06-01'), dispute('responsibility', '2025-02-01', null), dispute('cost', '2025-02-01', null));
    for (let i = 0; i < 4; i++) disputeFacts.push(dispute('cost', '2026-02-01', null));
  }
  // Three more of Ceta's girls' åtaganden are due in September, without outcome.
  for (let i = 0; i < 3; i++) commitmentFacts.push(commitment('c', 2026, 'girl', null, 0, '2026-09-01'));
  // Facts outside the two years are ignored.
  meetingFacts.push(...meetings('a', 2024, 'girl', times(9)));
  return { meetings: meetingFacts, commitments: commitmentFacts, deviations: deviationFacts, disputes: disputeFacts };
}

const indicators = computeNorrbusIndicators({ year: 2026, asOf: '2027-02-01', geography: GEOGRAPHY, facts: buildFacts() });

/** The row of an indicator in an area (by name), for one cell: the total unless another is named. */
function figure(result: NorrbusIndicators, areaName: string, indicator: CountIndicator | MeasureIndicator, where: Partial<IndicatorCell> = { breakdown: 'total' }): ComparedFigure {
  const area = result.areas.find((a) => a.name === areaName);
  assert.ok(area, `no area ${areaName}`);
  const found = [...result.counts, ...result.measures].find(
    (r) => r.area === area.key && r.indicator === indicator && Object.entries(where).every(([k, v]) => r[k as keyof IndicatorCell] === v),
  );
  assert.ok(found, `no ${indicator} in ${areaName} for ${JSON.stringify(where)}`);
  return found;
}
const girls = { gender: 'girl' } as const;
const boys = { gender: 'boy' } as const;
const other = { gender: 'other' } as const;

const AREAS = ['Alfa kommun', 'Beta kommun', 'Ceta kommun', 'Delta kommun', 'Norr', 'Söder', 'Testlän'];
/** girls, boys, other, all: this year's displays per area. */
const table = (result: NorrbusIndicators, indicator: CountIndicator | MeasureIndicator) =>
  Object.fromEntries(AREAS.map((name) => [name, [girls, boys, other, { breakdown: 'total' as const }].map((where) => figure(result, name, indicator, where).current.display)]));
const shown = (f: ComparedFigure) => [f.current.display, f.previous.display, f.change.display];

describe('Norrbus indicators for a hand-built year', () => {
  it('lists the county, then its county parts and its municipalities by name', () => {
    assert.deepEqual(indicators.areas.map((a) => [a.kind, a.name, a.countyPart]), [
      ['county', 'Testlän', null],
      ['county_part', 'Norr', 'Norr'],
      ['county_part', 'Söder', 'Söder'],
      ...GEOGRAPHY.municipalities.map((m) => ['municipality', m.name, m.countyPart]),
    ]);
    assert.equal(indicators.asOf, '2026-12-31');
    assert.equal(indicators.previousYear, 2025);
  });

  it('counts meetings held by gender and place, with no small count shown', () => {
    assert.deepEqual(table(indicators, 'meetings_held'), {
      'Alfa kommun': ['10', '11', '10', '31'],
      'Beta kommun': ['10', '10', '6', '26'],
      'Ceta kommun': ['10', '10', '10', '30'],
      'Delta kommun': ['11', '10', '10', '31'],
      Norr: ['20', '21', '16', '57'],
      Söder: ['21', '20', '20', '61'],
      Testlän: ['41', '41', '36', '118'],
    });
  });

  it('hides one first meeting in Beta as "<3" and, so it cannot be subtracted back out, the cells that would give it away', () => {
    // Beta's other: 1. Then Beta's girls (the next smallest in the row), Alfa's girls and other (Norr minus Beta),
    // and the follow-ups that would give those back from meetings held.
    assert.deepEqual(table(indicators, 'first_meetings'), {
      'Alfa kommun': ['x', '6', 'x', '16'],
      'Beta kommun': ['x', '5', '<3', '11'],
      'Ceta kommun': ['5', '5', '5', '15'],
      'Delta kommun': ['6', '5', '5', '16'],
      Norr: ['10', '11', '6', '27'],
      Söder: ['11', '10', '10', '31'],
      Testlän: ['21', '21', '16', '58'],
    });
    assert.deepEqual(table(indicators, 'follow_up_meetings'), {
      'Alfa kommun': ['x', '5', 'x', '15'],
      'Beta kommun': ['x', '5', 'x', '15'],
      'Ceta kommun': ['5', '5', '5', '15'],
      'Delta kommun': ['5', '5', '5', '15'],
      Norr: ['10', '10', '10', '30'],
      Söder: ['10', '10', '10', '30'],
      Testlän: ['20', '20', '20', '60'],
    });
    assert.deepEqual(figure(indicators, 'Beta kommun', 'first_meetings', other).current, { value: null, display: '<3' });
  });

  it('gives the median and mean days from initiative to first meeting, hidden where the first meetings are', () => {
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'median_days_to_first_meeting')), ['10 dagar', '10 dagar', '±0 dagar']);
    // (5 × 10 + 2 + 4 + 6 + 8 + 10 + 30 + 5 × 20) / 16 = 13,125.
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'mean_days_to_first_meeting')), ['13,1 dagar', '10 dagar', '+3,1 dagar']);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'median_days_to_first_meeting', boys)), ['7 dagar', '10 dagar', '−3 dagar']);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'mean_days_to_first_meeting', boys)), ['10 dagar', '10 dagar', '±0 dagar']);
    assert.deepEqual(table(indicators, 'median_days_to_first_meeting')['Alfa kommun'], ['x', '7 dagar', 'x', '10 dagar']);
    assert.deepEqual(table(indicators, 'mean_days_to_first_meeting')['Beta kommun'], ['x', '10 dagar', '<3', '10 dagar']);
    // 630 days over 58 first meetings in the county.
    assert.deepEqual(shown(figure(indicators, 'Testlän', 'mean_days_to_first_meeting')), ['10,9 dagar', '10 dagar', '+0,9 dagar']);
  });

  it('shares of åtaganden followed up and done on time: a late or partly done one is followed up but not on time', () => {
    const alfa = (indicator: CountIndicator | MeasureIndicator) => shown(figure(indicators, 'Alfa kommun', indicator, girls));
    assert.deepEqual(alfa('commitments_due'), ['5', '5', '±0']);
    assert.deepEqual(alfa('commitments_followed_up'), ['4', '5', '−1']);
    assert.deepEqual(alfa('commitments_done_on_time'), ['3', '5', '−2']);
    assert.deepEqual(alfa('commitments_followed_up_share'), ['80 %', '100 %', '−20 procentenheter']);
    assert.deepEqual(alfa('commitments_done_on_time_share'), ['60 %', '100 %', '−40 procentenheter']);
    const ceta = (['commitments_due', 'commitments_followed_up_share', 'commitments_done_on_time_share'] as const).map((i) => figure(indicators, 'Ceta kommun', i, girls).current.display);
    assert.deepEqual(ceta, ['8', '50 %', '37,5 %']);
    // 63 due in the county, 48 followed up, 36 on time.
    const county = (['commitments_due', 'commitments_followed_up', 'commitments_done_on_time', 'commitments_followed_up_share', 'commitments_done_on_time_share'] as const).map((i) => figure(indicators, 'Testlän', i).current.display);
    assert.deepEqual(county, ['63', '48', '36', '76,2 %', '57,1 %']);
    assert.deepEqual(shown(figure(indicators, 'Testlän', 'commitments_done_on_time_share')), ['57,1 %', '100 %', '−42,9 procentenheter']);
  });

  it('counts only what has happened by the day the figures are made', () => {
    const midYear = computeNorrbusIndicators({ year: 2026, asOf: '2026-06-30', geography: GEOGRAPHY, facts: buildFacts() });
    assert.equal(midYear.asOf, '2026-06-30');
    assert.deepEqual(table(midYear, 'commitments_due')['Ceta kommun'], ['5', '5', '5', '15']);
    assert.equal(figure(midYear, 'Ceta kommun', 'commitments_followed_up_share', girls).current.display, '80 %');
  });

  it('avvikelser by gender (or none stated), category and level, closed and the median days to close', () => {
    const alfa = indicators.areas.find((a) => a.name === 'Alfa kommun')!.key;
    const rows = indicators.counts.filter((r) => r.area === alfa && r.indicator === 'deviations_reported');
    assert.deepEqual(rows.map((r) => [r.breakdown, r.gender ?? r.category ?? r.level, r.current.display]), [
      ['total', null, '30'],
      ['gender', 'girl', '8'],
      ['gender', 'boy', '8'],
      ['gender', 'other', '7'],
      ['gender_not_stated', null, '7'],
      ...DEVIATION_CATEGORIES.map((c) => ['category', c, '5']),
      ...DEVIATION_LEVELS.map((l) => ['level', l, '10']),
    ]);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'deviations_reported')), ['30', '<3', '–']);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'median_days_to_close_deviation')), ['10 dagar', '<3', '–']);
    // Delta closed two: hidden, and so is Ceta's 30 (Söder's 32 minus it would give Delta's back).
    assert.deepEqual(['Delta kommun', 'Ceta kommun', 'Söder', 'Testlän'].map((a) => [figure(indicators, a, 'deviations_closed').current.display, figure(indicators, a, 'median_days_to_close_deviation').current.display]), [
      ['<3', '<3'],
      ['x', 'x'],
      ['32', '10 dagar'],
      ['92', '10 dagar'],
    ]);
    assert.equal(figure(indicators, 'Testlän', 'deviations_reported', { category: 'shared_without_consent' }).current.display, '20');
  });

  it('oenigheter raised, resolved and by subject', () => {
    assert.deepEqual(shown(figure(indicators, 'Beta kommun', 'disputes_raised')), ['7', '6', '+1']);
    assert.deepEqual(shown(figure(indicators, 'Beta kommun', 'disputes_resolved')), ['3', '<3', '–']);
    assert.deepEqual(shown(figure(indicators, 'Beta kommun', 'disputes_raised', { subject: 'responsibility' })), ['3', '3', '±0']);
    assert.deepEqual(shown(figure(indicators, 'Beta kommun', 'disputes_raised', { subject: 'cost' })), ['4', '3', '+1']);
    assert.deepEqual(shown(figure(indicators, 'Testlän', 'disputes_raised')), ['28', '24', '+4']);
  });

  it('compares the year with the one before, and shows no change where either is hidden', () => {
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'meetings_held')), ['31', '21', '+10']);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'meetings_held', girls)), ['10', '7', '+3']);
    assert.deepEqual(shown(figure(indicators, 'Beta kommun', 'meetings_held', other)), ['6', '7', '−1']);
    assert.deepEqual(shown(figure(indicators, 'Alfa kommun', 'first_meetings', girls)), ['x', '4', '–']);
    assert.deepEqual(shown(figure(indicators, 'Testlän', 'meetings_held')), ['118', '84', '+34']);
  });

  it('never publishes a count under 3 anywhere, nor a value for a hidden figure', () => {
    const rows = [...indicators.counts, ...indicators.measures];
    assert.equal(indicators.counts.length, 7 * 43);
    assert.equal(indicators.measures.length, 7 * 17);
    for (const row of rows) {
      for (const v of [row.current, row.previous, row.change]) {
        if (v.display === '<3' || v.display === 'x' || v.display === '–') assert.equal(v.value, null);
        else assert.notEqual(v.value, null);
      }
    }
    for (const row of indicators.counts) for (const v of [row.current, row.previous]) assert.ok(v.value === null || v.value >= 3, `a count ${v.value} was shown`);
    assert.deepEqual([...new Set(indicators.counts.map((r) => r.indicator))], [...COUNT_INDICATORS]);
  });
});

describe('loading the indicators from the database', () => {
  let db: TestDatabase;
  before(async () => {
    db = await createTestDatabase();
  });
  after(async () => {
    await db?.dispose();
  });
  const as = <T>(actor: Actor, work: (session: Session) => Promise<T>) => inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));

  it('the steering group gets Norrbotten’s fourteen municipalities in four county parts', async () => {
    const ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');
    const result = await as(ingrid, (session) => loadNorrbusIndicators(session, { year: 2026 }));
    assert.equal(result.areas[0]!.name, 'Norrbottens län');
    assert.equal(result.areas.filter((a) => a.kind === 'municipality').length, 14);
    assert.deepEqual(result.areas.filter((a) => a.kind === 'county_part').map((p) => p.name), ['Inlandet', 'Malmfälten', 'Södra Norrbotten', 'Östra Norrbotten']);
    assert.equal(result.previousYear, 2025);
  });

  for (const email of ['lisa.lundqvist@pitea.se', 'maria.holm@lindesberg.se', 'sofia.backman@pitea.se']) {
    it(`${email} is refused the indicators, and the facts functions answer nothing for them`, async () => {
      const actor = await demoActor(db, email);
      await assert.rejects(as(actor, (session) => loadNorrbusIndicators(session, { year: 2026 })), ForbiddenError);
      const facts = await as(actor, (session) => sql<{ n: number }>`select (select count(*) from norrbus_meeting_facts('2000-01-01', '2100-12-31'))
        + (select count(*) from norrbus_commitment_facts('2000-01-01', '2100-12-31'))
        + (select count(*) from norrbus_deviation_facts('2000-01-01', '2100-12-31'))
        + (select count(*) from norrbus_dispute_facts('2000-01-01', '2100-12-31')) as n`.execute(session.db));
      assert.equal(Number(facts.rows[0]!.n), 0);
    });
  }

  it('a year outside 2000–2100 is refused with a Swedish message', async () => {
    const ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');
    await assert.rejects(as(ingrid, (session) => loadNorrbusIndicators(session, { year: 1999 })), /Ange ett år från 2000/);
  });
});
