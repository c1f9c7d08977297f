import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addMonths, ageOn, daysBetween, todayInSweden } from './dates.js';

describe('calendar dates', () => {
  it('count today in Swedish time, so a late evening in UTC is already tomorrow', () => {
    assert.equal(todayInSweden(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
    assert.equal(todayInSweden(new Date('2026-06-30T21:59:00Z')), '2026-06-30');
  });

  it('add months the way a due date is read: 31 January plus one month is the last of February', () => {
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-07-01', 36), '2028-07-01');
  });

  it('add and count days across a daylight-saving change', () => {
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(daysBetween('2026-12-31', '2026-01-01'), -364);
  });

  it('give completed years of age, a birthday counting on the day itself', () => {
    assert.equal(ageOn('2012-11-23', '2026-11-23'), 14);
    assert.equal(ageOn('2012-11-24', '2026-11-23'), 13);
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
  });
});
