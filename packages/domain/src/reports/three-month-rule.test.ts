import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isLateOn,
  previousQuarter,
  quarterBounds,
  quarterOf,
  reportedWait,
  threeMonthLimit,
  unexecutedOn,
  waitsOf,
  type DecisionForRule,
} from './three-month-rule.js';

function decision(decidedOn: string, changes: Partial<DecisionForRule> = {}): DecisionForRule {
  return { decidedOn, favourable: true, interruptedOn: null, cancelledOn: null, ...changes };
}

describe('the three-month limit', () => {
  it('a decision of 30 November must be executed by 29 February in a leap year and 28 February otherwise', () => {
    assert.equal(threeMonthLimit('2023-11-30'), '2024-02-29');
    assert.equal(threeMonthLimit('2022-11-30'), '2023-02-28');
  });

  it('a decision of 31 January must be executed by 30 April, and one of 15 May by 15 August', () => {
    assert.equal(threeMonthLimit('2024-01-31'), '2024-04-30');
    assert.equal(threeMonthLimit('2024-05-15'), '2024-08-15');
  });
});

describe('a favourable decision not executed on a day', () => {
  const waiting = decision('2023-11-30');

  it('is still in time on the limit day, 29 February 2024, and not executed from 1 March', () => {
    assert.equal(unexecutedOn(waiting, [], '2024-02-29'), null);
    assert.deepEqual(unexecutedOn(waiting, [], '2024-03-01')?.daysWaited, 92);
    assert.equal(unexecutedOn(waiting, [], '2024-03-01')?.wait.kind, 'awaiting_execution');
  });

  it('executed on the limit day is never late', () => {
    const [wait] = waitsOf(waiting, ['2024-02-29'], '2024-12-31');
    assert.equal(wait?.endedBy, 'executed');
    assert.equal(unexecutedOn(waiting, ['2024-02-29'], '2024-03-01'), null);
    assert.equal(reportedWait(waiting, ['2024-02-29'], { year: 2024, quarter: 1 }, '2024-12-31'), null);
  });

  it('executed the day after the limit was late, and is executed on that day', () => {
    const [wait] = waitsOf(waiting, ['2024-03-01'], '2024-12-31');
    assert.equal(isLateOn(wait!, '2024-03-01'), false);
    assert.equal(unexecutedOn(waiting, ['2024-03-01'], '2024-03-01'), null);
    assert.deepEqual(reportedWait(waiting, ['2024-03-01'], { year: 2024, quarter: 1 }, '2024-12-31'), {
      wait: { kind: 'awaiting_execution', since: '2023-11-30', limit: '2024-02-29', endedOn: '2024-03-01', endedBy: 'executed' },
      status: 'executed',
      daysWaited: 92,
    });
  });

  it('a decision that is not favourable to the person is never reported', () => {
    const refused = decision('2023-11-30', { favourable: false });
    assert.deepEqual(waitsOf(refused, [], '2025-01-01'), []);
    assert.equal(unexecutedOn(refused, [], '2025-01-01'), null);
  });

  it('a placement recorded as starting before its decision (data from before the platform) executes it on the decision date', () => {
    const [wait] = waitsOf(decision('2024-03-10'), ['2024-01-05'], '2024-12-31');
    assert.equal(wait?.endedOn, '2024-03-10');
  });

  it('a placement that starts after the day judged has not executed the decision yet', () => {
    assert.equal(unexecutedOn(waiting, ['2024-04-02'], '2024-04-01')?.daysWaited, 123);
  });
});

describe('an interrupted execution', () => {
  // Placed 2024-02-01, the placement broke down 2024-05-10 (limit to resume: 2024-08-10).
  const broken = decision('2024-01-15', { interruptedOn: '2024-05-10' });

  it('resumed within three months, or on the limit day itself, is never late', () => {
    assert.equal(unexecutedOn(broken, ['2024-02-01', '2024-07-01'], '2024-09-01'), null);
    assert.equal(unexecutedOn(broken, ['2024-02-01', '2024-08-10'], '2024-09-01'), null);
  });

  it('not resumed is not executed from the day after the limit, counted from the interruption', () => {
    assert.equal(unexecutedOn(broken, ['2024-02-01'], '2024-08-10'), null);
    const late = unexecutedOn(broken, ['2024-02-01'], '2024-08-11');
    assert.equal(late?.wait.kind, 'interrupted');
    assert.equal(late?.wait.since, '2024-05-10');
    assert.equal(late?.daysWaited, 93);
  });

  it('an interruption recorded before the decision was ever executed changes nothing: the first wait goes on', () => {
    const waits = waitsOf(decision('2024-01-15', { interruptedOn: '2024-02-01' }), [], '2024-06-30');
    assert.deepEqual(waits.map((w) => w.kind), ['awaiting_execution']);
  });
});

describe('the quarter a decision is reported for', () => {
  const q2 = { year: 2024, quarter: 2 } as const;
  const q3 = { year: 2024, quarter: 3 } as const;
  const afterwards = '2025-06-01';

  it('quarters run from the first day of their first month to the last day of their third', () => {
    assert.deepEqual(quarterBounds({ year: 2024, quarter: 1 }), { first: '2024-01-01', last: '2024-03-31' });
    assert.deepEqual(quarterBounds(q2), { first: '2024-04-01', last: '2024-06-30' });
    assert.deepEqual(quarterBounds({ year: 2024, quarter: 4 }), { first: '2024-10-01', last: '2024-12-31' });
    assert.deepEqual(previousQuarter({ year: 2025, quarter: 1 }), { year: 2024, quarter: 4 });
    assert.deepEqual(quarterOf('2024-08-15'), q3);
  });

  it('decided exactly three months before the quarter’s end, it is in time on the last day and first reported the quarter after', () => {
    const lastDay = decision('2024-03-31');
    assert.equal(reportedWait(lastDay, [], q2, afterwards), null);
    assert.deepEqual(reportedWait(lastDay, [], q3, afterwards), {
      wait: { kind: 'awaiting_execution', since: '2024-03-31', limit: '2024-06-30', endedOn: null, endedBy: null },
      status: 'not_executed',
      daysWaited: 183,
    });
  });

  it('decided 30 March, the limit is 30 June as well; decided 29 March, it is late on the quarter’s last day with the days waited until then', () => {
    assert.equal(reportedWait(decision('2024-03-30'), [], q2, afterwards), null);
    assert.equal(reportedWait(decision('2024-03-29'), [], q2, afterwards)?.daysWaited, 93);
  });

  it('executed on the quarter’s last day after waiting, it is reported as executed that day, and not the quarter after', () => {
    const executed = reportedWait(decision('2024-01-10'), ['2024-06-30'], q2, afterwards);
    assert.equal(executed?.status, 'executed');
    assert.equal(executed?.wait.endedOn, '2024-06-30');
    assert.equal(executed?.daysWaited, 172);
    assert.equal(reportedWait(decision('2024-01-10'), ['2024-06-30'], q3, afterwards), null);
  });

  it('executed after the quarter ended, it is reported as not executed at the quarter’s end, whenever the report is run', () => {
    const report = reportedWait(decision('2024-01-10'), ['2024-07-01'], q2, afterwards);
    assert.equal(report?.status, 'not_executed');
    assert.equal(report?.daysWaited, 172);
  });

  it('cancelled within the quarter after the limit, it is reported as cancelled for that quarter and leaves the report the quarter after', () => {
    const cancelled = decision('2024-01-10', { cancelledOn: '2024-05-20' });
    assert.deepEqual(
      { status: reportedWait(cancelled, [], q2, afterwards)?.status, on: reportedWait(cancelled, [], q2, afterwards)?.wait.endedOn },
      { status: 'cancelled', on: '2024-05-20' },
    );
    assert.equal(reportedWait(cancelled, [], q3, afterwards), null);
  });

  it('cancelled on the limit day, it was never late and is never reported', () => {
    const cancelled = decision('2024-01-10', { cancelledOn: '2024-04-10' });
    assert.equal(reportedWait(cancelled, [], q2, afterwards), null);
  });

  it('reported in every quarter it goes on waiting, with the days growing', () => {
    const forgotten = decision('2023-12-01');
    assert.equal(reportedWait(forgotten, [], { year: 2024, quarter: 1 }, afterwards)?.daysWaited, 121);
    assert.equal(reportedWait(forgotten, [], q2, afterwards)?.daysWaited, 212);
    assert.equal(reportedWait(forgotten, [], q3, afterwards)?.daysWaited, 304);
  });

  it('in the quarter that is running, days are counted until today', () => {
    assert.equal(reportedWait(decision('2024-01-10'), [], q2, '2024-05-01')?.daysWaited, 112);
    assert.equal(reportedWait(decision('2024-01-10'), [], q2, '2024-03-31'), null);
  });

  it('an interruption not resumed is reported in the quarter its limit passes, counted from the interruption', () => {
    const broken = decision('2024-01-15', { interruptedOn: '2024-05-10' });
    assert.equal(reportedWait(broken, ['2024-02-01'], q2, afterwards), null);
    const reported = reportedWait(broken, ['2024-02-01'], q3, afterwards);
    assert.equal(reported?.wait.kind, 'interrupted');
    assert.equal(reported?.status, 'not_executed');
    assert.equal(reported?.daysWaited, 143);
  });
});
