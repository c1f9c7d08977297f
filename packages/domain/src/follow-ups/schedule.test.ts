import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleViolationError } from '../errors.js';
import type { FollowUpKind, FollowUpPolicy } from './policy.js';
import { currentCare, followUpSchedule, nextDueOn, type CarePlacement, type DueFollowUp, type FollowUpDone, type ScheduleInput } from './schedule.js';

/** Lindesberg's policy: four visits a year, SoL 2001:453 until 30 June 2025, then Socialtjänstlag 2025:400. */
function policy(validFrom: string, overrides: Partial<FollowUpPolicy> = {}): FollowUpPolicy {
  const newLaw = validFrom >= '2025-07-01';
  return {
    id: `policy-${validFrom}`,
    ownerId: 'lindesberg',
    validFrom,
    visitIntervalMonths: 3,
    reviewIntervalMonths: 6,
    reexaminationIntervalMonths: 6,
    custodyTransferAfterMonths: 24,
    custodyTransferIntervalMonths: 12,
    carePlanRevisionMonths: 24,
    references: {
      visit: newLaw ? 'SoL (2025:400): besök' : '6 kap. 7 b § SoL (2001:453)',
      review: newLaw ? 'SoL (2025:400): övervägande' : '6 kap. 8 § SoL (2001:453); 13 § LVU',
      reexamination: '13 § LVU',
      custody_transfer_consideration: newLaw ? 'SoL (2025:400): vårdnadsöverflyttning' : '6 kap. 8 § SoL (2001:453); 13 § LVU',
      care_plan_revision: newLaw ? 'SoL (2025:400): vårdplan' : '11 kap. 3 § SoL (2001:453)',
    },
    ...overrides,
  };
}
const LAW_CHANGE = [policy('2020-01-01'), policy('2025-07-01')];

function placement(id: string, startsOn: string, overrides: Partial<CarePlacement> = {}): CarePlacement {
  return { id, fosterHomeId: `home-${id}`, startsOn, endedOn: null, legalBasis: 'sol', carePlanOn: null, ...overrides };
}

let doneSerial = 0;
function done(kind: FollowUpKind, dueOn: string, doneOn: string, placementId = 'p1'): FollowUpDone {
  doneSerial += 1;
  return { id: `done-${doneSerial}`, placementId, kind, dueOn, doneOn, doneById: 'sara', doneByName: 'Sara Nilsson', talkedAlone: kind === 'visit' ? true : null, note: null };
}

function schedule(input: Partial<ScheduleInput> & Pick<ScheduleInput, 'placements' | 'today'>): DueFollowUp[] {
  return followUpSchedule({ done: [], policies: LAW_CHANGE, ...input });
}

/** The open (not yet done) item of a kind, if the schedule has one. */
function open(items: readonly DueFollowUp[], kind: FollowUpKind): DueFollowUp | undefined {
  return items.find((item) => item.kind === kind && item.done === null);
}

describe('the follow-up schedule of a placed child', () => {
  it('asks for a visit every three months, a review every six, and custody transfer and care plan after two years, from the start of care', () => {
    const items = schedule({ placements: [placement('p1', '2025-01-15')], today: '2025-03-01' });
    assert.deepEqual(
      items.map((item) => [item.kind, item.dueOn, item.status]),
      [
        ['visit', '2025-04-15', 'upcoming'],
        ['review', '2025-07-15', 'upcoming'],
        ['custody_transfer_consideration', '2027-01-15', 'upcoming'],
        ['care_plan_revision', '2027-01-15', 'upcoming'],
      ],
    );
    assert.ok(items.every((item) => item.placementId === 'p1' && item.countedFrom === '2025-01-15'));
  });

  it('makes the next visit due one interval after the last one was done, not after it was due', () => {
    const items = schedule({ placements: [placement('p1', '2025-01-15')], done: [done('visit', '2025-04-15', '2025-04-28')], today: '2025-05-01' });
    const history = items.find((item) => item.kind === 'visit' && item.status === 'done')!;
    assert.equal(history.dueOn, '2025-04-15');
    assert.equal(history.done!.doneOn, '2025-04-28');
    assert.equal(open(items, 'visit')!.dueOn, '2025-07-28');
    assert.equal(open(items, 'visit')!.countedFrom, '2025-04-28');
  });

  it('counts an early visit from the day it was made', () => {
    const items = schedule({ placements: [placement('p1', '2025-01-15')], done: [done('visit', '2025-04-15', '2025-03-20')], today: '2025-03-21' });
    assert.equal(open(items, 'visit')!.dueOn, '2025-06-20');
  });

  describe('month ends and leap years', () => {
    it('a review six months after 31 August falls on 28 February, or the 29th in a leap year', () => {
      assert.equal(open(schedule({ placements: [placement('p1', '2024-08-31')], today: '2024-09-01' }), 'review')!.dueOn, '2025-02-28');
      assert.equal(open(schedule({ placements: [placement('p1', '2023-08-31')], today: '2023-09-01' }), 'review')!.dueOn, '2024-02-29');
    });

    it('a visit three months after 30 November falls on the last day of February', () => {
      assert.equal(open(schedule({ placements: [placement('p1', '2024-11-30')], today: '2024-12-01' }), 'visit')!.dueOn, '2025-02-28');
      assert.equal(open(schedule({ placements: [placement('p1', '2023-11-30')], today: '2023-12-01' }), 'visit')!.dueOn, '2024-02-29');
    });

    it('a visit made on 31 May is next due on 31 August, and one made on 30 November on 28 February', () => {
      const from = (doneOn: string) =>
        open(schedule({ placements: [placement('p1', '2024-01-10')], done: [done('visit', doneOn, doneOn)], today: doneOn }), 'visit')!.dueOn;
      assert.equal(from('2025-05-31'), '2025-08-31');
      assert.equal(from('2025-11-30'), '2026-02-28');
    });

    it('custody transfer two years after 29 February is considered on 28 February, and yearly from a consideration on 29 February', () => {
      const placed = [placement('p1', '2024-02-29')];
      assert.equal(open(schedule({ placements: placed, today: '2024-03-01' }), 'custody_transfer_consideration')!.dueOn, '2026-02-28');
      const considered = schedule({ placements: [placement('p1', '2022-02-28')], done: [done('custody_transfer_consideration', '2024-02-28', '2024-02-29')], today: '2024-03-01' });
      assert.equal(open(considered, 'custody_transfer_consideration')!.dueOn, '2025-02-28');
    });

    it('the next item after a done date is plain calendar arithmetic on ISO dates', () => {
      assert.equal(nextDueOn('2024-01-31', (p) => p.visitIntervalMonths, LAW_CHANGE), '2024-04-30');
      assert.equal(nextDueOn('2023-12-31', (p) => p.reviewIntervalMonths, LAW_CHANGE), '2024-06-30');
    });
  });

  describe('a child who moves home', () => {
    // Home A from 10 January 2023, home B from 1 March 2024 (the day the child left A).
    const moved = [placement('pA', '2023-01-10', { endedOn: '2024-03-01', fosterHomeId: 'A' }), placement('pB', '2024-03-01', { fosterHomeId: 'B' })];
    const history = [
      done('visit', '2023-04-10', '2023-04-05', 'pA'),
      done('visit', '2023-07-05', '2023-07-01', 'pA'),
      done('visit', '2023-10-01', '2023-10-02', 'pA'),
      done('visit', '2024-01-02', '2024-01-10', 'pA'),
      done('review', '2023-07-10', '2023-07-03', 'pA'),
      done('review', '2024-01-03', '2024-01-03', 'pA'),
    ];

    it('keeps the visit rhythm: the first visit in the new home is due one interval after the last visit, within one interval of the move', () => {
      const visit = open(schedule({ placements: moved, done: history, today: '2024-03-05' }), 'visit')!;
      assert.equal(visit.dueOn, '2024-04-10');
      assert.equal(visit.placementId, 'pB');
    });

    it('keeps reviews counted from the start of care', () => {
      assert.equal(open(schedule({ placements: moved, done: history, today: '2024-03-05' }), 'review')!.dueOn, '2024-07-03');
    });

    it('counts custody transfer from the move into the present home', () => {
      const custody = open(schedule({ placements: moved, done: history, today: '2024-03-05' }), 'custody_transfer_consideration')!;
      assert.equal(custody.dueOn, '2026-03-01');
      assert.equal(custody.countedFrom, '2024-03-01');
    });

    it('does not let a consideration made in the previous home count in the new one', () => {
      const longInA = [placement('pA', '2021-01-10', { endedOn: '2024-03-01', fosterHomeId: 'A' }), placement('pB', '2024-03-01', { fosterHomeId: 'B' })];
      const items = schedule({ placements: longInA, done: [done('custody_transfer_consideration', '2023-01-10', '2023-01-12', 'pA')], today: '2024-03-05' });
      assert.equal(open(items, 'custody_transfer_consideration')!.dueOn, '2026-03-01');
      assert.equal(items.filter((item) => item.kind === 'custody_transfer_consideration' && item.status === 'done').length, 1, 'the earlier one stays in the history');
    });

    it('keeps counting custody transfer when a new decision continues the placement in the same home', () => {
      const sameHome = [placement('p1', '2023-01-10', { endedOn: '2024-03-01', fosterHomeId: 'A' }), placement('p2', '2024-03-01', { fosterHomeId: 'A' })];
      assert.equal(open(schedule({ placements: sameHome, today: '2024-03-05' }), 'custody_transfer_consideration')!.dueOn, '2025-01-10');
    });

    it('starts a new period of care, and a new rhythm, when the child is placed again after a break', () => {
      const again = [placement('p1', '2021-05-01', { endedOn: '2022-06-01' }), placement('p2', '2024-01-01')];
      const items = schedule({ placements: again, done: [done('visit', '2021-08-01', '2021-08-01', 'p1')], today: '2024-01-02' });
      assert.equal(open(items, 'visit')!.dueOn, '2024-04-01');
      assert.equal(currentCare(again).length, 1);
    });
  });

  describe('a policy change during a placement', () => {
    // Nora visits every second month from 1 July 2025 instead of every third.
    const nora = [policy('2020-01-01'), policy('2025-07-01', { visitIntervalMonths: 2 })];
    const placed = [placement('p1', '2025-01-15')];

    it('re-computes a due date that falls after the change with the new interval', () => {
      const items = schedule({ placements: placed, policies: nora, done: [done('visit', '2025-04-15', '2025-05-20')], today: '2025-06-01' });
      assert.equal(open(items, 'visit')!.dueOn, '2025-07-20');
      assert.equal(open(items, 'visit')!.reference, 'SoL (2025:400): besök');
    });

    it('never makes an item due before the day the new policy applies', () => {
      const items = schedule({ placements: placed, policies: nora, done: [done('visit', '2025-04-15', '2025-04-10')], today: '2025-06-01' });
      assert.equal(open(items, 'visit')!.dueOn, '2025-07-01');
    });

    it('leaves an item that fell due before the change under the old policy and its reference', () => {
      const items = schedule({ placements: placed, policies: nora, done: [done('visit', '2025-04-15', '2025-03-01')], today: '2025-06-20' });
      const visit = open(items, 'visit')!;
      assert.equal(visit.dueOn, '2025-06-01');
      assert.equal(visit.status, 'overdue');
      assert.equal(visit.reference, '6 kap. 7 b § SoL (2001:453)');
    });

    it('keeps the due dates and references that done items answered', () => {
      const history = [done('visit', '2025-04-15', '2025-04-15'), done('visit', '2025-07-15', '2025-07-10')];
      const items = schedule({ placements: placed, policies: nora, done: history, today: '2025-07-11' });
      const answered = items.filter((item) => item.status === 'done');
      assert.deepEqual(answered.map((item) => [item.dueOn, item.reference]), [
        ['2025-04-15', '6 kap. 7 b § SoL (2001:453)'],
        ['2025-07-15', 'SoL (2025:400): besök'],
      ]);
      assert.equal(open(items, 'visit')!.dueOn, '2025-09-10');
    });

    it('moves a due date later when the new interval is longer', () => {
      const lessOften = [policy('2020-01-01'), policy('2025-07-01', { visitIntervalMonths: 6 })];
      const items = schedule({ placements: placed, policies: lessOften, done: [done('visit', '2025-04-15', '2025-05-20')], today: '2025-06-01' });
      assert.equal(open(items, 'visit')!.dueOn, '2025-11-20');
    });

    it('gives the reference of the law in force on the due day: SoL 2001:453 until 30 June 2025, Socialtjänstlag 2025:400 after', () => {
      const before = schedule({ placements: [placement('p1', '2024-12-30')], today: '2025-01-01' });
      const after = schedule({ placements: [placement('p1', '2025-01-01')], today: '2025-01-02' });
      assert.equal(open(before, 'review')!.dueOn, '2025-06-30');
      assert.equal(open(before, 'review')!.reference, '6 kap. 8 § SoL (2001:453); 13 § LVU');
      assert.equal(open(after, 'review')!.dueOn, '2025-07-01');
      assert.equal(open(after, 'review')!.reference, 'SoL (2025:400): övervägande');
    });

    it('lets care that began before the first recorded policy follow that first policy', () => {
      const items = schedule({ placements: [placement('p1', '2019-06-10')], today: '2019-07-01' });
      assert.equal(open(items, 'visit')!.dueOn, '2019-09-10');
    });

    it('cannot compute a schedule without any policy', () => {
      assert.throws(() => schedule({ placements: placed, policies: [], today: '2025-02-01' }), (error: unknown) => error instanceof RuleViolationError && error.rule === 'FOLLOW_UP_POLICY_MISSING');
    });
  });

  describe('the legal basis decides the reviews', () => {
    it('asks for reviews, not re-examinations, under SoL and LVU 2 §', () => {
      for (const legalBasis of ['sol', 'lvu_2'] as const) {
        const kinds = schedule({ placements: [placement('p1', '2025-01-15', { legalBasis })], today: '2025-02-01' }).map((item) => item.kind);
        assert.ok(kinds.includes('review') && !kinds.includes('reexamination'), legalBasis);
      }
    });

    it('asks for a re-examination every six months, and no review, under LVU 3 §', () => {
      const items = schedule({ placements: [placement('p1', '2025-01-15', { legalBasis: 'lvu_3' })], today: '2025-02-01' });
      assert.equal(open(items, 'reexamination')!.dueOn, '2025-07-15');
      assert.equal(open(items, 'review'), undefined);
      assert.equal(open(items, 'reexamination')!.reference, '13 § LVU');
    });

    it('schedules no review for a placement recorded without its decision', () => {
      const kinds = schedule({ placements: [placement('p1', '2025-01-15', { legalBasis: null })], today: '2025-02-01' }).map((item) => item.kind);
      assert.deepEqual(kinds, ['visit', 'custody_transfer_consideration', 'care_plan_revision']);
    });

    it('counts re-examinations from when care under LVU 3 § began, and custody transfer from the home', () => {
      const turned = [placement('p1', '2024-01-10', { endedOn: '2025-02-01', fosterHomeId: 'A' }), placement('p2', '2025-02-01', { fosterHomeId: 'A', legalBasis: 'lvu_3' })];
      const items = schedule({ placements: turned, today: '2025-02-02' });
      assert.equal(open(items, 'reexamination')!.dueOn, '2025-08-01');
      assert.equal(open(items, 'custody_transfer_consideration')!.dueOn, '2026-01-10');
    });
  });

  describe('custody transfer and the care plan', () => {
    it('considers custody transfer after two years in the same home and yearly after the last consideration', () => {
      const items = schedule({ placements: [placement('p1', '2023-01-15')], done: [done('custody_transfer_consideration', '2025-01-15', '2025-01-20')], today: '2025-02-01' });
      assert.equal(open(items, 'custody_transfer_consideration')!.dueOn, '2026-01-20');
    });

    it('revises the care plan two years after the care plan was made, or after the start when there is none', () => {
      assert.equal(open(schedule({ placements: [placement('p1', '2023-01-15', { carePlanOn: '2023-03-01' })], today: '2023-04-01' }), 'care_plan_revision')!.dueOn, '2025-03-01');
      assert.equal(open(schedule({ placements: [placement('p1', '2023-01-15')], today: '2023-04-01' }), 'care_plan_revision')!.dueOn, '2025-01-15');
    });

    it('counts from the newest care plan when a move brought a new one, and from its revision after that', () => {
      const moved = [placement('pA', '2022-01-10', { endedOn: '2023-06-01', carePlanOn: '2022-01-20' }), placement('pB', '2023-06-01', { carePlanOn: '2023-06-15' })];
      assert.equal(open(schedule({ placements: moved, today: '2023-07-01' }), 'care_plan_revision')!.dueOn, '2025-06-15');
      const revised = schedule({ placements: moved, done: [done('care_plan_revision', '2025-06-15', '2025-05-30', 'pB')], today: '2025-06-01' });
      assert.equal(open(revised, 'care_plan_revision')!.dueOn, '2027-05-30');
    });
  });

  describe('status on a day', () => {
    const placed = [placement('p1', '2025-01-15')];
    const visitOn = (today: string, soonDays?: number) => open(schedule({ placements: placed, today, ...(soonDays === undefined ? {} : { soonDays }) }), 'visit')!.status;

    it('is overdue from the day after the due date, due on it and within 30 days before, upcoming earlier', () => {
      assert.equal(visitOn('2025-04-16'), 'overdue');
      assert.equal(visitOn('2025-04-15'), 'due');
      assert.equal(visitOn('2025-03-16'), 'due');
      assert.equal(visitOn('2025-03-15'), 'upcoming');
    });

    it('takes the window for "due soon" as a parameter', () => {
      assert.equal(visitOn('2025-03-15', 31), 'due');
      assert.equal(visitOn('2025-04-10', 0), 'upcoming');
    });

    it('keeps only one open item per kind, however long it has been overdue', () => {
      const items = schedule({ placements: placed, today: '2026-01-01' });
      assert.equal(items.filter((item) => item.kind === 'visit').length, 1);
      assert.equal(open(items, 'visit')!.dueOn, '2025-04-15');
    });
  });

  describe('ended placements', () => {
    const ended = [placement('p1', '2024-01-01', { endedOn: '2024-05-01' })];

    it('has nothing due on or after the day care ended', () => {
      const items = schedule({ placements: ended, today: '2025-01-01' });
      assert.deepEqual(items.map((item) => [item.kind, item.dueOn, item.status]), [['visit', '2024-04-01', 'overdue']]);
    });

    it('has nothing open once the last visit before the end was made', () => {
      const items = schedule({ placements: ended, done: [done('visit', '2024-04-01', '2024-04-05')], today: '2025-01-01' });
      assert.deepEqual(items.map((item) => item.status), ['done']);
    });

    it('treats a move as continued care, not an end', () => {
      const moved = [placement('pA', '2024-01-01', { endedOn: '2024-03-01' }), placement('pB', '2024-03-02')];
      assert.equal(open(schedule({ placements: moved, today: '2024-03-03' }), 'visit')!.dueOn, '2024-04-01');
    });
  });
});
