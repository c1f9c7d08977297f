import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { computeFunnel, funnelCsv, loadRecruitmentFunnel, median, type FunnelEvent, type FunnelRecruitment } from './funnel.js';
import type { RecruitmentStep } from './pipeline.js';

/**
 * A hand-built cohort for the first half of 2025. R1–R7 were received in the period; R8 and R9
 * just outside it and R10 is a re-assessment, so none of those three count.
 *
 *        received    source         information  basic       assessment  decision    outcome
 *   R1   2025-01-10  website        01-20 (10)   02-10 (21)  05-01 (80)  08-01 (92)  approved 08-21 (20)
 *   R2   2025-02-01  campaign       02-15 (14)   03-01 (14)  06-01 (92)  09-01 (92)  approved 09-11 (10)
 *   R3   2025-02-15  website        03-01 (14)   04-01 (31)  left 05-01, family_withdrew
 *   R4   2025-03-01  word_of_mouth  03-11 (10)   left 03-20, no_contact
 *   R5   2025-03-15  website        left 04-01 at the inquiry, no_contact
 *   R6   2025-04-01  campaign       04-21 (20)   05-01 (10)  08-01 (92)  10-01 (61)  refused 10-15 (14)
 *   R7   2025-06-30  social_media   still at the inquiry (the last day of the period counts)
 * (days in brackets: from entering the step before)
 */
function recruitment(id: string, receivedOn: string, source: FunnelRecruitment['source'], leavingReason: FunnelRecruitment['leavingReason'] = null, purpose: FunnelRecruitment['purpose'] = 'new_home'): FunnelRecruitment {
  return { id, purpose, source, receivedOn, leavingReason };
}
function entered(recruitmentId: string, steps: Partial<Record<RecruitmentStep, string>>): FunnelEvent[] {
  return Object.entries(steps).map(([step, occurredOn]) => ({ recruitmentId, kind: 'step_entered', step: step as RecruitmentStep, occurredOn }));
}

const RECRUITMENTS: FunnelRecruitment[] = [
  recruitment('R1', '2025-01-10', 'website'),
  recruitment('R2', '2025-02-01', 'campaign'),
  recruitment('R3', '2025-02-15', 'website', 'family_withdrew'),
  recruitment('R4', '2025-03-01', 'word_of_mouth', 'no_contact'),
  recruitment('R5', '2025-03-15', 'website', 'no_contact'),
  recruitment('R6', '2025-04-01', 'campaign'),
  recruitment('R7', '2025-06-30', 'social_media'),
  recruitment('R8', '2024-12-31', 'website'),
  recruitment('R9', '2025-07-01', 'event'),
  recruitment('R10', '2025-03-01', 'other', null, 'reassessment'),
];
const EVENTS: FunnelEvent[] = [
  ...entered('R1', { inquiry: '2025-01-10', information_meeting: '2025-01-20', basic_training: '2025-02-10', assessment: '2025-05-01', decision: '2025-08-01', approved: '2025-08-21' }),
  ...entered('R2', { inquiry: '2025-02-01', information_meeting: '2025-02-15', basic_training: '2025-03-01', assessment: '2025-06-01', decision: '2025-09-01', approved: '2025-09-11' }),
  ...entered('R3', { inquiry: '2025-02-15', information_meeting: '2025-03-01', basic_training: '2025-04-01' }),
  { recruitmentId: 'R3', kind: 'left', step: 'basic_training', occurredOn: '2025-05-01' },
  ...entered('R4', { inquiry: '2025-03-01', information_meeting: '2025-03-11' }),
  { recruitmentId: 'R4', kind: 'paused', step: 'information_meeting', occurredOn: '2025-03-12' },
  { recruitmentId: 'R4', kind: 'left', step: 'information_meeting', occurredOn: '2025-03-20' },
  ...entered('R5', { inquiry: '2025-03-15' }),
  { recruitmentId: 'R5', kind: 'left', step: 'inquiry', occurredOn: '2025-04-01' },
  ...entered('R6', { inquiry: '2025-04-01', information_meeting: '2025-04-21', basic_training: '2025-05-01', assessment: '2025-08-01', decision: '2025-10-01', refused: '2025-10-15' }),
  { recruitmentId: 'R6', kind: 'screening_recorded', step: 'information_meeting', occurredOn: '2025-04-21' },
  ...entered('R7', { inquiry: '2025-06-30' }),
  ...entered('R8', { inquiry: '2024-12-31', information_meeting: '2025-01-05', basic_training: '2025-01-20', assessment: '2025-04-01', decision: '2025-06-01', approved: '2025-06-10' }),
  ...entered('R9', { inquiry: '2025-07-01' }),
  ...entered('R10', { assessment: '2025-03-01', decision: '2025-04-01', approved: '2025-04-20' }),
];

describe('the recruitment funnel (rekryteringstratten), worked out by hand', () => {
  const funnel = computeFunnel('2025-01-01', '2025-06-30', RECRUITMENTS, EVENTS);

  it('the cohort is the seven inquiries received in the period; neighbours of the period and re-assessments are left out', () => {
    assert.equal(funnel.inquiries, 7);
    assert.deepEqual([funnel.from, funnel.to], ['2025-01-01', '2025-06-30']);
  });

  it('7 inquiries, 5 reached the information meeting, 4 the basic training, 3 the assessment and the decision, 2 were approved and 1 refused', () => {
    assert.deepEqual(funnel.steps.map((s) => [s.step, s.reached]), [
      ['inquiry', 7],
      ['information_meeting', 5],
      ['basic_training', 4],
      ['assessment', 3],
      ['decision', 3],
      ['approved', 2],
    ]);
    assert.equal(funnel.refused, 1);
  });

  it('conversion between steps: 5/7, 4/5, 3/4, 3/3 and 2/3; none after approval', () => {
    assert.deepEqual(funnel.steps.map((s) => s.conversionToNext), [5 / 7, 4 / 5, 3 / 4, 1, 2 / 3, null]);
  });

  it('median days per step: 14 (10,10,14,14,20), 17.5 (10,14,21,31), 92 (80,92,92), 92 (61,92,92) and 14 at the decision (10,14,20, a refusal included)', () => {
    assert.deepEqual(funnel.steps.map((s) => s.medianDays), [14, 17.5, 92, 92, 14, null]);
  });

  it('reasons for leaving, most common first: no contact twice, the family withdrew once', () => {
    assert.deepEqual(funnel.leavingReasons, [
      { reason: 'no_contact', count: 2 },
      { reason: 'family_withdrew', count: 1 },
    ]);
  });

  it('sources with their inquiries and approved homes: the campaign and the website brought one approved home each', () => {
    assert.deepEqual(funnel.sources, [
      { source: 'campaign', inquiries: 2, approved: 1 },
      { source: 'website', inquiries: 3, approved: 1 },
      { source: 'word_of_mouth', inquiries: 1, approved: 0 },
      { source: 'social_media', inquiries: 1, approved: 0 },
    ]);
  });

  it('exports as CSV for Swedish Excel: Swedish headers, semicolons, decimal commas, CRLF', () => {
    assert.equal(
      funnelCsv(funnel),
      [
        'Avsnitt;Rad;Antal;Varav godkända;Andel till nästa steg (%);Mediantid i steget (dagar)',
        'Steg;Intresseanmälan;7;;71,4;14',
        'Steg;Informationsträff/inledande samtal;5;;80,0;17,5',
        'Steg;Grundutbildning;4;;75,0;92',
        'Steg;Utredning;3;;100,0;92',
        'Steg;Beslut;3;;66,7;14',
        'Steg;Godkänd;2;;;',
        'Beslut;Avslag;1;;;',
        'Orsak att lämna;Ingen kontakt;2;;;',
        'Orsak att lämna;Familjen avbröt;1;;;',
        'Källa;Kampanj;2;1;;',
        'Källa;Webbplats;3;1;;',
        'Källa;Någon som berättade;1;0;;',
        'Källa;Sociala medier;1;0;;',
        '',
      ].join('\r\n'),
    );
  });

  it('an empty period has no conversions or medians rather than zeros', () => {
    const empty = computeFunnel('2020-01-01', '2020-12-31', RECRUITMENTS, EVENTS);
    assert.equal(empty.inquiries, 0);
    assert.ok(empty.steps.every((s) => s.reached === 0 && s.conversionToNext === null && s.medianDays === null));
    assert.deepEqual([empty.leavingReasons, empty.sources], [[], []]);
  });

  it('the median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
    assert.equal(median([]), null);
    assert.equal(median([7]), 7);
    assert.equal(median([30, 10, 20]), 20);
    assert.equal(median([40, 10, 30, 20]), 25);
  });
});

describe('the funnel of the unit from its recruitments (loadRecruitmentFunnel)', () => {
  let db: TestDatabase;
  let anna: Actor;
  let johan: Actor;
  before(async () => {
    db = await createTestDatabase();
    anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
    johan = await demoActor(db, 'johan.ek@nora.se');
  });
  after(async () => {
    await db.dispose();
  });
  const funnelFor = (actor: Actor, period: { from: string; to: string }) =>
    inIdentityTransaction(db.kysely, actor, (trx) => loadRecruitmentFunnel({ db: trx, actor, requestId: randomUUID() }, period));

  it('the demo unit’s last 600 days: 25 inquiries, 3 approved homes, 5 families that left, every source accounted for', async () => {
    const today = todayInSweden();
    const funnel = await funnelFor(anna, { from: addDays(today, -600), to: today });
    assert.equal(funnel.inquiries, 25);
    assert.equal(funnel.steps.at(-1)!.reached, 3);
    assert.equal(funnel.steps[0]!.reached, 25);
    assert.equal(funnel.leavingReasons.reduce((sum, r) => sum + r.count, 0), 5);
    assert.equal(funnel.sources.reduce((sum, s) => sum + s.inquiries, 0), 25);
    assert.equal(funnel.sources.reduce((sum, s) => sum + s.approved, 0), 3);
    assert.ok(funnel.steps.slice(0, -1).every((s) => s.medianDays !== null && s.medianDays > 0));
  });

  it('a period that ends before it begins is refused in Swedish', async () => {
    await assert.rejects(funnelFor(anna, { from: '2025-06-30', to: '2025-01-01' }), (error: unknown) => error instanceof ValidationError && error.message === 'Periodens början kan inte vara efter dess slut.');
  });

  it('a municipality’s barnsekreterare cannot see the unit’s funnel', async () => {
    await assert.rejects(funnelFor(johan, { from: '2025-01-01', to: '2025-12-31' }), ForbiddenError);
  });
});
