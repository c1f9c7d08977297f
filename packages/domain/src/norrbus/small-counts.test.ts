import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { median } from '../recruitment/funnel.js';
import { changeFigure, countFigure, derivedFigure, mean, percentShare, revealsHiddenMember, suppressCounts, type AdditiveGroup } from './small-counts.js';

const row = (girls: number, boys: number, other: number) =>
  new Map([
    ['girls', girls],
    ['boys', boys],
    ['other', other],
    ['all', girls + boys + other],
  ]);
const GENDERS: AdditiveGroup = { total: 'all', parts: ['girls', 'boys', 'other'] };
const displays = (counts: Map<string, number>, groups: readonly AdditiveGroup[]) => {
  const suppressed = suppressCounts(counts, groups);
  return Object.fromEntries([...counts].map(([key, n]) => [key, countFigure(n, suppressed.get(key)).display]));
};

describe('small counts are never shown', () => {
  it('a count of 0, 1 or 2 is shown as "<3" with no value, 3 and up as the number', () => {
    const suppressed = suppressCounts(new Map([['a', 0], ['b', 1], ['c', 2], ['d', 3], ['e', 1250]]), []);
    assert.deepEqual(countFigure(0, suppressed.get('a')), { value: null, display: '<3' });
    assert.deepEqual(countFigure(2, suppressed.get('c')), { value: null, display: '<3' });
    assert.deepEqual(countFigure(3, suppressed.get('d')), { value: 3, display: '3' });
    assert.deepEqual(countFigure(1250, suppressed.get('e')), { value: 1250, display: '1\u00a0250' });
  });

  it('a row with nothing small is shown whole', () => {
    assert.deepEqual(displays(row(12, 10, 5), [GENDERS]), { girls: '12', boys: '10', other: '5', all: '27' });
  });

  it('when exactly one gender is suppressed the next smallest goes too, so the total minus the others gives nothing away', () => {
    assert.deepEqual(displays(row(12, 10, 1), [GENDERS]), { girls: '12', boys: 'x', other: '<3', all: '23' });
  });

  it('two small cells beside a total that equals the third are worked out as zeros, so the third is hidden too', () => {
    // 5 = girls + (0–2) + (0–2) with girls shown as 5 means both are 0: girls must go, and then nothing is pinned.
    assert.deepEqual(displays(row(5, 0, 0), [GENDERS]), { girls: 'x', boys: '<3', other: '<3', all: '5' });
  });

  it('an "x" of exactly 3 beside a "<3" would be pinned by the total, so a further cell is hidden', () => {
    // girls 3 hidden, other 0: 23 − 20 = 3 = x (≥ 3) + (0–2) gives x = 3 and other = 0.
    assert.deepEqual(displays(row(3, 20, 0), [GENDERS]), { girls: 'x', boys: 'x', other: '<3', all: '23' });
  });

  it('a total is hidden when it alone could be added up from its shown parts', () => {
    const counts = new Map([['a', 4], ['b', 5], ['part', 9], ['c', 1], ['county', 10]]);
    // The county part is hidden to protect c (county − part = c); its municipalities a and b would add it back up.
    const groups: AdditiveGroup[] = [
      { total: 'part', parts: ['a', 'b'] },
      { total: 'county', parts: ['part', 'c'] },
    ];
    const result = displays(counts, groups);
    assert.equal(result.c, '<3');
    assert.equal(result.part, 'x');
    assert.ok(result.a === 'x' || result.b === 'x', `a or b is hidden too: ${JSON.stringify(result)}`);
    for (const group of groups) assert.equal(revealsHiddenMember(group, counts, suppressCounts(counts, groups)), false);
  });

  it('a group of nothing but small cells reveals nothing and hides nothing more', () => {
    const counts = row(0, 1, 0);
    const suppressed = suppressCounts(counts, [GENDERS]);
    assert.deepEqual([...suppressed.values()], ['small_count', 'small_count', 'small_count', 'small_count']);
  });

  it('the result is the same whatever the order of the counts', () => {
    const forward = suppressCounts(row(7, 7, 1), [GENDERS]);
    const backward = suppressCounts(new Map([...row(7, 7, 1)].reverse()), [GENDERS]);
    assert.deepEqual(Object.fromEntries(forward), Object.fromEntries(backward));
  });
});

describe('shares, medians and means from few cases are suppressed too', () => {
  it('a share of fewer than 3 cases is "<3"', () => {
    assert.deepEqual(derivedFigure(percentShare(1, 2), 'percent', 2, [undefined, undefined]), { value: null, display: '<3' });
  });

  it('a share whose part is hidden is hidden ("x"), since share times the shown whole would give the part', () => {
    assert.deepEqual(derivedFigure(percentShare(2, 10), 'percent', 10, [undefined, 'small_count']), { value: null, display: 'x' });
  });

  it('a share of shown counts is a percentage with one decimal', () => {
    assert.deepEqual(derivedFigure(percentShare(2, 3), 'percent', 3, [undefined, undefined]), { value: 66.7, display: '66,7 %' });
  });

  it('days are written with their unit', () => {
    assert.deepEqual(derivedFigure(median([4, 9, 30]), 'days', 3, [undefined]), { value: 9, display: '9 dagar' });
    assert.deepEqual(derivedFigure(1, 'days', 3, [undefined]), { value: 1, display: '1 dag' });
  });

  it('the median of an even count is the mean of the middle two; the mean is exact before rounding', () => {
    assert.equal(median([10, 2, 8, 4]), 6);
    assert.equal(median([]), null);
    assert.equal(mean([1, 2, 2]), 5 / 3);
    assert.equal(derivedFigure(mean([1, 2, 2]), 'days', 3, [undefined]).display, '1,7 dagar');
  });
});

describe('the year against the year before', () => {
  it('a change is shown with its sign when both years are shown', () => {
    assert.deepEqual(changeFigure({ value: 13, display: '13' }, { value: 10, display: '10' }, 'count'), { value: 3, display: '+3' });
    assert.deepEqual(changeFigure({ value: 8, display: '8' }, { value: 10, display: '10' }, 'count'), { value: -2, display: '−2' });
    assert.deepEqual(changeFigure({ value: 60, display: '60 %' }, { value: 60, display: '60 %' }, 'percent'), { value: 0, display: '±0 procentenheter' });
    assert.deepEqual(changeFigure({ value: 13.1, display: '13,1 dagar' }, { value: 10, display: '10 dagar' }, 'days'), { value: 3.1, display: '+3,1 dagar' });
  });

  it('no change is shown when either year is suppressed', () => {
    assert.deepEqual(changeFigure({ value: null, display: '<3' }, { value: 10, display: '10' }, 'count'), { value: null, display: '–' });
    assert.deepEqual(changeFigure({ value: 10, display: '10' }, { value: null, display: 'x' }, 'count'), { value: null, display: '–' });
  });
});
