/**
 * Small-cell suppression (skydd av små tal) for the Norrbus indicators. It runs where the figures
 * are computed, so nothing below the limit ever leaves the server; the web app only shows the
 * `display` it is given.
 *
 * The rule, in three parts:
 *
 * 1. Primary suppression. Every count under 3 (0, 1 or 2) is suppressed: value null, display "<3".
 *    Zero is included: "no girls" in a row of three is as telling as "one girl".
 *
 * 2. Complementary suppression. Figures are published in additive groups: the genders of a row add
 *    up to its total, the municipalities of a county part to the county part, the county parts to
 *    the county, the categories of avvikelser to all avvikelser, first meetings and follow-ups to
 *    meetings held. A reader who knows that a "<3" is 0, 1 or 2 and that an "x" is at least 3 can
 *    subtract the shown members of a group from its shown total. So: while any suppressed member
 *    of any group can be worked out exactly from that group alone, the smallest shown member
 *    (a part before the total; ties by the group's order) is suppressed too, as an "x". This
 *    covers the plain case (exactly one gender suppressed in a row: the next smallest goes too) and
 *    the edge cases (two zeros next to a total that equals the third cell; an "x" of exactly 3).
 *    The groups are checked again until none changes. The check is per group, which is what
 *    subtracting from a shown total can reach; it does not solve the linked tables as a system.
 *
 * 3. Derived figures. A share, median or mean is shown only when every count it is computed from
 *    is shown: fewer than 3 cases suppress it ("<3"), and so does a suppressed numerator or
 *    denominator ("x"), since the share times a shown denominator would give the hidden count back.
 *    A year-on-year change is shown only when both years' figures are.
 */

/** Counts below this are never shown. */
export const SMALLEST_SHOWN_COUNT = 3;
/** What a count under 3 is shown as. */
export const SMALL_COUNT_DISPLAY = '<3';
/** What a figure hidden to protect another one is shown as. */
export const COMPLEMENTARY_DISPLAY = 'x';
/** What a change is shown as when either year's figure is hidden. */
export const NO_CHANGE_DISPLAY = '–';

/** Why a figure is hidden: it is small itself, or it would reveal a small one. */
export type Suppression = 'small_count' | 'complementary';

/** A published figure: `value` is null exactly when it is suppressed, and `display` says how. */
export interface IndicatorValue {
  readonly value: number | null;
  readonly display: string;
}

/** A total and the figures that add up to it, by their keys. */
export interface AdditiveGroup {
  readonly total: string;
  readonly parts: readonly string[];
}

interface Interval {
  readonly low: number;
  readonly high: number;
}

/** What a reader knows of a hidden count: "<3" is 0–2, "x" is 3 or more. */
const KNOWN_RANGE: Record<Suppression, Interval> = {
  small_count: { low: 0, high: SMALLEST_SHOWN_COUNT - 1 },
  complementary: { low: SMALLEST_SHOWN_COUNT, high: Number.POSITIVE_INFINITY },
};

/**
 * True when the group's equation (parts − total = 0) pins one of its hidden members to a single
 * value, given the shown members exactly and the hidden ones by their known ranges.
 */
export function revealsHiddenMember(group: AdditiveGroup, counts: ReadonlyMap<string, number>, suppressed: ReadonlyMap<string, Suppression>): boolean {
  const members = [...group.parts.map((key) => ({ key, sign: 1 })), { key: group.total, sign: -1 }];
  const hidden = members.filter((m) => suppressed.has(m.key));
  if (hidden.length === 0) return false;
  const shownSum = members.filter((m) => !suppressed.has(m.key)).reduce((sum, m) => sum + m.sign * (counts.get(m.key) ?? 0), 0);
  return hidden.some((member) => {
    // sign·x = −shownSum − Σ(others' sign·x): bound the others' sum, then x.
    let othersLow = 0;
    let othersHigh = 0;
    for (const other of hidden) {
      if (other === member) continue;
      const range = KNOWN_RANGE[suppressed.get(other.key)!];
      othersLow += other.sign > 0 ? range.low : -range.high;
      othersHigh += other.sign > 0 ? range.high : -range.low;
    }
    const signedLow = -shownSum - othersHigh;
    const signedHigh = -shownSum - othersLow;
    const own = KNOWN_RANGE[suppressed.get(member.key)!];
    const low = Math.max(own.low, member.sign > 0 ? signedLow : -signedHigh);
    const high = Math.min(own.high, member.sign > 0 ? signedHigh : -signedLow);
    return low === high;
  });
}

/** The smallest shown member of a group: a part first, the total only when every part is hidden. */
function nextToHide(group: AdditiveGroup, counts: ReadonlyMap<string, number>, suppressed: ReadonlyMap<string, Suppression>): string | null {
  let best: string | null = null;
  for (const key of group.parts) {
    if (suppressed.has(key)) continue;
    if (best === null || (counts.get(key) ?? 0) < (counts.get(best) ?? 0)) best = key;
  }
  if (best !== null) return best;
  return suppressed.has(group.total) ? null : group.total;
}

/**
 * Which counts to hide, and why, by the rule at the top of this file. Keys missing from `counts`
 * count as 0. Deterministic: the same counts and groups give the same answer.
 */
export function suppressCounts(counts: ReadonlyMap<string, number>, groups: readonly AdditiveGroup[]): Map<string, Suppression> {
  const suppressed = new Map<string, Suppression>();
  const keys = new Set([...counts.keys(), ...groups.flatMap((g) => [g.total, ...g.parts])]);
  for (const key of keys) if ((counts.get(key) ?? 0) < SMALLEST_SHOWN_COUNT) suppressed.set(key, 'small_count');
  let changed = true;
  while (changed) {
    changed = false;
    for (const group of groups) {
      while (revealsHiddenMember(group, counts, suppressed)) {
        const key = nextToHide(group, counts, suppressed);
        if (key === null) break;
        suppressed.set(key, 'complementary');
        changed = true;
      }
    }
  }
  return suppressed;
}

const integerFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** How a hidden figure is shown. */
export function hiddenFigure(suppression: Suppression): IndicatorValue {
  return { value: null, display: suppression === 'small_count' ? SMALL_COUNT_DISPLAY : COMPLEMENTARY_DISPLAY };
}

/** A count as published: its number, or how it is hidden. */
export function countFigure(count: number, suppression: Suppression | undefined): IndicatorValue {
  return suppression ? hiddenFigure(suppression) : { value: count, display: integerFormat.format(count) };
}

/** How a derived figure's value is written: a share in percent, a number of days. */
export type MeasureUnit = 'percent' | 'days';

function formatMeasure(value: number, unit: MeasureUnit): string {
  if (unit === 'percent') return `${decimalFormat.format(value)} %`;
  return `${decimalFormat.format(value)} ${value === 1 ? 'dag' : 'dagar'}`;
}

/** One decimal, half away from zero, so the value and its display agree. */
export function roundToTenth(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 10) / 10;
}

/**
 * A share, median or mean as published (rule 3): `cases` is how many it is computed from, `basis`
 * the suppression of each count it is computed from (undefined where shown).
 */
export function derivedFigure(value: number | null, unit: MeasureUnit, cases: number, basis: ReadonlyArray<Suppression | undefined>): IndicatorValue {
  if (cases < SMALLEST_SHOWN_COUNT || value === null) return hiddenFigure('small_count');
  if (basis.some((s) => s !== undefined)) return hiddenFigure('complementary');
  const rounded = roundToTenth(value);
  return { value: rounded, display: formatMeasure(rounded, unit) };
}

/** A share in percent, one decimal; null without cases. */
export function percentShare(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The kind of figure a change is of: counts change in whole numbers, shares in percentage points. */
export type ChangeUnit = 'count' | MeasureUnit;

/**
 * This year's figure against last year's: the difference when both are shown, else hidden ("–").
 * Shares change in procentenheter.
 */
export function changeFigure(current: IndicatorValue, previous: IndicatorValue, unit: ChangeUnit): IndicatorValue {
  if (current.value === null || previous.value === null) return { value: null, display: NO_CHANGE_DISPLAY };
  const difference = roundToTenth(current.value - previous.value);
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±';
  const magnitude = Math.abs(difference);
  const number = unit === 'count' ? integerFormat.format(magnitude) : decimalFormat.format(magnitude);
  const suffix = unit === 'percent' ? ' procentenheter' : unit === 'days' ? (magnitude === 1 ? ' dag' : ' dagar') : '';
  return { value: difference, display: `${sign}${number}${suffix}` };
}
