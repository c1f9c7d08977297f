import { sql } from 'kysely';
import { z } from 'zod';
import { hasRole, type Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { DEVIATION_CATEGORIES, DEVIATION_LEVELS, type DeviationCategory, type DeviationLevel } from '../deviations/deviation-workflow.js';
import { DISPUTE_SUBJECTS, type DisputeSubject } from '../deviations/dispute-workflow.js';
import { ForbiddenError } from '../errors.js';
import { CHILD_GENDERS, type ChildGender } from '../placements/children.js';
import type { CommitmentOutcome } from './commitments.js';
import { median } from '../recruitment/funnel.js';
import { reportYear } from '../reports/input.js';
import { daysBetween, todayInSweden } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import {
  changeFigure,
  countFigure,
  derivedFigure,
  mean,
  percentShare,
  suppressCounts,
  type AdditiveGroup,
  type ChangeUnit,
  type IndicatorValue,
} from './small-counts.js';

/**
 * Norrbus yearly follow-up (årlig uppföljning): indicators per municipality, county part (länsdel)
 * and county, by gender (flickor, pojkar, annan könsidentitet), for a year against the year before.
 * The facts come only from the definer functions of migration 0007, which answer a steering group
 * member acting for a steering group of the county and nobody else; they hold no person, only a
 * municipality, a gender and dates. The arithmetic below is pure; small counts are suppressed here
 * (small-counts.ts), before anything leaves the domain.
 */

/** A held Norrbusmöte: where the young person lives, their gender, the initiative and the meeting day. */
export interface MeetingFact {
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly gender: ChildGender;
  readonly initiatedOn: IsoDate;
  readonly heldOn: IsoDate;
  readonly followUp: boolean;
}

/** An åtagande, by the day it was to be followed up, with its outcome if recorded. */
export interface CommitmentFact {
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly gender: ChildGender;
  readonly followUpOn: IsoDate;
  readonly outcome: CommitmentOutcome | null;
  readonly outcomeOn: IsoDate | null;
}

/** An avvikelse, by the day it was reported; the gender is null when no young person is concerned. */
export interface DeviationFact {
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly gender: ChildGender | null;
  readonly category: DeviationCategory;
  readonly level: DeviationLevel;
  readonly reportedOn: IsoDate;
  readonly closedOn: IsoDate | null;
}

/** An oenighet, by the day it was raised. */
export interface DisputeFact {
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly subject: DisputeSubject;
  readonly raisedOn: IsoDate;
  readonly resolvedOn: IsoDate | null;
}

export interface NorrbusFacts {
  readonly meetings: readonly MeetingFact[];
  readonly commitments: readonly CommitmentFact[];
  readonly deviations: readonly DeviationFact[];
  readonly disputes: readonly DisputeFact[];
}

export interface IndicatorMunicipality {
  readonly id: string;
  readonly name: string;
  readonly countyPart: string | null;
}

/** The county's municipalities; their county parts group them. */
export interface IndicatorGeography {
  readonly county: string;
  readonly municipalities: readonly IndicatorMunicipality[];
}

/** A figure this year, the year before, and the change. */
export interface ComparedFigure {
  readonly current: IndicatorValue;
  readonly previous: IndicatorValue;
  readonly change: IndicatorValue;
}

/** The counted indicators (antal). */
export const COUNT_INDICATORS = [
  'meetings_held',
  'first_meetings',
  'follow_up_meetings',
  'commitments_due',
  'commitments_followed_up',
  'commitments_done_on_time',
  'deviations_reported',
  'deviations_closed',
  'disputes_raised',
  'disputes_resolved',
] as const;
export type CountIndicator = (typeof COUNT_INDICATORS)[number];

/** The indicators computed from counted cases: shares in percent and days (median, mean). */
export const MEASURE_INDICATORS = [
  'median_days_to_first_meeting',
  'mean_days_to_first_meeting',
  'commitments_followed_up_share',
  'commitments_done_on_time_share',
  'median_days_to_close_deviation',
] as const;
export type MeasureIndicator = (typeof MEASURE_INDICATORS)[number];

export const INDICATOR_AREA_KINDS = ['county', 'county_part', 'municipality'] as const;
export type IndicatorAreaKind = (typeof INDICATOR_AREA_KINDS)[number];

/** What a row is broken down by: nothing (the total), gender (or gender not stated), category, level or subject. */
export const INDICATOR_BREAKDOWNS = ['total', 'gender', 'gender_not_stated', 'category', 'level', 'subject'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

export interface IndicatorArea {
  /** Rows name their area by this key. */
  readonly key: string;
  readonly kind: IndicatorAreaKind;
  readonly name: string;
  /** The municipality, for a municipality. */
  readonly municipalityId: string | null;
  /** The county part, for a municipality or a county part. */
  readonly countyPart: string | null;
}

/** Which cell of an indicator a row is: the total, or one gender, category, level or subject. */
export interface IndicatorCell {
  readonly breakdown: IndicatorBreakdown;
  readonly gender: ChildGender | null;
  readonly category: DeviationCategory | null;
  readonly level: DeviationLevel | null;
  readonly subject: DisputeSubject | null;
}

export interface IndicatorRow<Indicator extends string> extends IndicatorCell, ComparedFigure {
  readonly area: string;
  readonly indicator: Indicator;
}

/**
 * The indicators in long form, one row per area, indicator and cell: tables and charts pick the
 * rows they show. Areas come county first, then county parts and municipalities by name.
 */
export interface NorrbusIndicators {
  readonly year: number;
  readonly previousYear: number;
  /** Facts are counted up to and including this day (today, within the current year). */
  readonly asOf: IsoDate;
  readonly areas: readonly IndicatorArea[];
  readonly counts: readonly IndicatorRow<CountIndicator>[];
  readonly measures: readonly IndicatorRow<MeasureIndicator>[];
}

// ---------------------------------------------------------------------------------------------
// Cells: every figure of a year is keyed `indicator|area|cell`.

interface KeyedCell extends IndicatorCell {
  readonly key: string;
}

const TOTAL: KeyedCell = { key: 'all', breakdown: 'total', gender: null, category: null, level: null, subject: null };
const GENDER_CELLS: readonly KeyedCell[] = CHILD_GENDERS.map((gender) => ({ ...TOTAL, key: `g:${gender}`, breakdown: 'gender', gender }));
const GENDER_NOT_STATED: KeyedCell = { ...TOTAL, key: 'g:none', breakdown: 'gender_not_stated' };
const CATEGORY_CELLS: readonly KeyedCell[] = DEVIATION_CATEGORIES.map((category) => ({ ...TOTAL, key: `c:${category}`, breakdown: 'category', category }));
const LEVEL_CELLS: readonly KeyedCell[] = DEVIATION_LEVELS.map((level) => ({ ...TOTAL, key: `l:${level}`, breakdown: 'level', level }));
const SUBJECT_CELLS: readonly KeyedCell[] = DISPUTE_SUBJECTS.map((subject) => ({ ...TOTAL, key: `s:${subject}`, breakdown: 'subject', subject }));
const genderKey = (gender: ChildGender | null) => (gender ? `g:${gender}` : GENDER_NOT_STATED.key);

/** Each indicator's breakdowns; the cells of each breakdown add up to the total. */
const BREAKDOWNS: Record<CountIndicator | MeasureIndicator, ReadonlyArray<readonly KeyedCell[]>> = {
  meetings_held: [GENDER_CELLS],
  first_meetings: [GENDER_CELLS],
  follow_up_meetings: [GENDER_CELLS],
  commitments_due: [GENDER_CELLS],
  commitments_followed_up: [GENDER_CELLS],
  commitments_done_on_time: [GENDER_CELLS],
  deviations_reported: [[...GENDER_CELLS, GENDER_NOT_STATED], CATEGORY_CELLS, LEVEL_CELLS],
  deviations_closed: [],
  disputes_raised: [SUBJECT_CELLS],
  disputes_resolved: [],
  median_days_to_first_meeting: [GENDER_CELLS],
  mean_days_to_first_meeting: [GENDER_CELLS],
  commitments_followed_up_share: [GENDER_CELLS],
  commitments_done_on_time_share: [GENDER_CELLS],
  median_days_to_close_deviation: [],
};
const cellsOf = (indicator: CountIndicator | MeasureIndicator): KeyedCell[] => [TOTAL, ...BREAKDOWNS[indicator].flat()];
const PERSON_CELLS = [TOTAL, ...GENDER_CELLS];

const COUNTY_AREA = 'county';
const municipalityArea = (id: string) => `m:${id}`;
const countyPartArea = (name: string) => `p:${name}`;
const cell = (indicator: string, area: string, cellKey: string = TOTAL.key) => `${indicator}|${area}|${cellKey}`;

/** The county's areas in order, which municipality rolls up where, and which areas add up to which. */
interface AreaTree {
  readonly areas: readonly IndicatorArea[];
  readonly areasOf: (municipalityId: string) => readonly string[];
  readonly children: ReadonlyArray<readonly [total: string, parts: readonly string[]]>;
}

function areaTree(geography: IndicatorGeography, facts: NorrbusFacts): AreaTree {
  const byId = new Map(geography.municipalities.map((m) => [m.id, m]));
  // A fact from a municipality the list lacks still counts, under the county part it names.
  for (const fact of [...facts.meetings, ...facts.commitments, ...facts.deviations, ...facts.disputes]) {
    if (!byId.has(fact.municipalityId)) byId.set(fact.municipalityId, { id: fact.municipalityId, name: 'Okänd kommun', countyPart: fact.countyPart });
  }
  const municipalities = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const countyParts = [...new Set(municipalities.flatMap((m) => (m.countyPart ? [m.countyPart] : [])))].sort((a, b) => a.localeCompare(b, 'sv'));
  const children: Array<readonly [string, readonly string[]]> = countyParts.map((part) => [
    countyPartArea(part),
    municipalities.filter((m) => m.countyPart === part).map((m) => municipalityArea(m.id)),
  ]);
  children.push([COUNTY_AREA, [...countyParts.map(countyPartArea), ...municipalities.filter((m) => !m.countyPart).map((m) => municipalityArea(m.id))]]);
  return {
    areas: [
      { key: COUNTY_AREA, kind: 'county', name: geography.county, municipalityId: null, countyPart: null },
      ...countyParts.map((part): IndicatorArea => ({ key: countyPartArea(part), kind: 'county_part', name: part, municipalityId: null, countyPart: part })),
      ...municipalities.map((m): IndicatorArea => ({ key: municipalityArea(m.id), kind: 'municipality', name: m.name, municipalityId: m.id, countyPart: m.countyPart })),
    ],
    // The municipality's county part decides, so municipalities always add up to their part.
    areasOf: (id) => {
      const part = byId.get(id)?.countyPart;
      return [municipalityArea(id), ...(part ? [countyPartArea(part)] : []), COUNTY_AREA];
    },
    children,
  };
}

/** Every additive group of the year's table: breakdowns to their total, smaller areas to larger. */
function additiveGroups(tree: AreaTree): AdditiveGroup[] {
  const groups: AdditiveGroup[] = [];
  for (const indicator of COUNT_INDICATORS) {
    for (const area of tree.areas) {
      for (const breakdown of BREAKDOWNS[indicator]) groups.push({ total: cell(indicator, area.key), parts: breakdown.map((c) => cell(indicator, area.key, c.key)) });
    }
    for (const { key } of cellsOf(indicator)) {
      for (const [total, parts] of tree.children) groups.push({ total: cell(indicator, total, key), parts: parts.map((p) => cell(indicator, p, key)) });
    }
  }
  // Meetings held are first meetings and follow-ups.
  for (const area of tree.areas) {
    for (const { key } of PERSON_CELLS) {
      groups.push({ total: cell('meetings_held', area.key, key), parts: [cell('first_meetings', area.key, key), cell('follow_up_meetings', area.key, key)] });
    }
  }
  return groups;
}

/** The year's raw counts, and the day lists the medians and means are taken of, per cell. */
interface YearTally {
  readonly counts: Map<string, number>;
  readonly days: Map<string, number[]>;
}

function tally(facts: NorrbusFacts, tree: AreaTree, inPeriod: (day: IsoDate) => boolean): YearTally {
  const counts = new Map<string, number>();
  const days = new Map<string, number[]>();
  const add = (municipalityId: string, indicator: CountIndicator, cellKeys: readonly string[], dayCount?: number) => {
    for (const area of tree.areasOf(municipalityId)) {
      for (const cellKey of [TOTAL.key, ...cellKeys]) {
        const key = cell(indicator, area, cellKey);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (dayCount === undefined) continue;
        const list = days.get(key);
        if (list) list.push(dayCount);
        else days.set(key, [dayCount]);
      }
    }
  };
  for (const m of facts.meetings.filter((f) => inPeriod(f.heldOn))) {
    const gender = [genderKey(m.gender)];
    add(m.municipalityId, 'meetings_held', gender);
    if (m.followUp) add(m.municipalityId, 'follow_up_meetings', gender);
    else add(m.municipalityId, 'first_meetings', gender, daysBetween(m.initiatedOn, m.heldOn));
  }
  for (const c of facts.commitments.filter((f) => inPeriod(f.followUpOn))) {
    const gender = [genderKey(c.gender)];
    add(c.municipalityId, 'commitments_due', gender);
    if (c.outcome !== null) add(c.municipalityId, 'commitments_followed_up', gender);
    // Done on time: the outcome 'done' was recorded on or before the follow-up day.
    if (c.outcome === 'done' && c.outcomeOn !== null && c.outcomeOn <= c.followUpOn) add(c.municipalityId, 'commitments_done_on_time', gender);
  }
  for (const d of facts.deviations.filter((f) => inPeriod(f.reportedOn))) {
    add(d.municipalityId, 'deviations_reported', [genderKey(d.gender), `c:${d.category}`, `l:${d.level}`]);
    if (d.closedOn !== null) add(d.municipalityId, 'deviations_closed', [], daysBetween(d.reportedOn, d.closedOn));
  }
  for (const d of facts.disputes.filter((f) => inPeriod(f.raisedOn))) {
    add(d.municipalityId, 'disputes_raised', [`s:${d.subject}`]);
    if (d.resolvedOn !== null) add(d.municipalityId, 'disputes_resolved', []);
  }
  return { counts, days };
}

/** How each measure is computed: from which day list or which part of which whole. */
type MeasureRecipe =
  | { readonly kind: 'median' | 'mean'; readonly of: CountIndicator }
  | { readonly kind: 'share'; readonly part: CountIndicator; readonly whole: CountIndicator };

const MEASURES: Record<MeasureIndicator, MeasureRecipe> = {
  median_days_to_first_meeting: { kind: 'median', of: 'first_meetings' },
  mean_days_to_first_meeting: { kind: 'mean', of: 'first_meetings' },
  commitments_followed_up_share: { kind: 'share', part: 'commitments_followed_up', whole: 'commitments_due' },
  commitments_done_on_time_share: { kind: 'share', part: 'commitments_done_on_time', whole: 'commitments_due' },
  median_days_to_close_deviation: { kind: 'median', of: 'deviations_closed' },
};

/** One year's published figures by key: the counts after suppression, and the derived figures. */
function yearFigures(facts: NorrbusFacts, tree: AreaTree, groups: readonly AdditiveGroup[], inPeriod: (day: IsoDate) => boolean): Map<string, IndicatorValue> {
  const { counts, days } = tally(facts, tree, inPeriod);
  const suppressed = suppressCounts(counts, groups);
  const figures = new Map<string, IndicatorValue>();
  const countOf = (key: string) => counts.get(key) ?? 0;
  for (const group of groups) for (const key of [group.total, ...group.parts]) figures.set(key, countFigure(countOf(key), suppressed.get(key)));
  for (const area of tree.areas) {
    for (const indicator of MEASURE_INDICATORS) {
      const recipe = MEASURES[indicator];
      for (const { key: cellKey } of cellsOf(indicator)) {
        if (recipe.kind === 'share') {
          const part = cell(recipe.part, area.key, cellKey);
          const whole = cell(recipe.whole, area.key, cellKey);
          figures.set(cell(indicator, area.key, cellKey), derivedFigure(percentShare(countOf(part), countOf(whole)), 'percent', countOf(whole), [suppressed.get(whole), suppressed.get(part)]));
        } else {
          const basis = cell(recipe.of, area.key, cellKey);
          const list = days.get(basis) ?? [];
          figures.set(cell(indicator, area.key, cellKey), derivedFigure(recipe.kind === 'median' ? median(list) : mean(list), 'days', list.length, [suppressed.get(basis)]));
        }
      }
    }
  }
  return figures;
}

/** The last day counted of a year: its last day, or `asOf` within it. */
function lastCountedDay(year: number, asOf: IsoDate): IsoDate {
  const end = `${year}-12-31`;
  return end < asOf ? end : asOf;
}

function periodOf(year: number, asOf: IsoDate): (day: IsoDate) => boolean {
  const from = `${year}-01-01`;
  const to = lastCountedDay(year, asOf);
  return (day) => day >= from && day <= to;
}

/**
 * The indicators of `year` against the year before, from both years' facts (facts outside the two
 * years are ignored). `asOf` ends the current year early: what has not happened yet is not counted,
 * so an åtagande due later this year is not yet counted as due. The year before is counted whole.
 */
export function computeNorrbusIndicators(options: { year: number; asOf: IsoDate; geography: IndicatorGeography; facts: NorrbusFacts }): NorrbusIndicators {
  const { year, asOf, geography, facts } = options;
  const tree = areaTree(geography, facts);
  const groups = additiveGroups(tree);
  const current = yearFigures(facts, tree, groups, periodOf(year, asOf));
  const previous = yearFigures(facts, tree, groups, periodOf(year - 1, asOf));
  const rows = <Indicator extends CountIndicator | MeasureIndicator>(indicators: readonly Indicator[], unit: (indicator: Indicator) => ChangeUnit): IndicatorRow<Indicator>[] =>
    tree.areas.flatMap((area) =>
      indicators.flatMap((indicator) =>
        cellsOf(indicator).map(({ key: cellKey, ...breakdown }) => {
          const key = cell(indicator, area.key, cellKey);
          const now = current.get(key)!;
          const before = previous.get(key)!;
          return { area: area.key, indicator, ...breakdown, current: now, previous: before, change: changeFigure(now, before, unit(indicator)) };
        }),
      ),
    );
  return {
    year,
    previousYear: year - 1,
    asOf: lastCountedDay(year, asOf),
    areas: tree.areas,
    counts: rows(COUNT_INDICATORS, () => 'count'),
    measures: rows(MEASURE_INDICATORS, (indicator) => (MEASURES[indicator].kind === 'share' ? 'percent' : 'days')),
  };
}

// ---------------------------------------------------------------------------------------------
// Loading

const indicatorsInput = z.object({ year: reportYear });
export type NorrbusIndicatorsInput = z.input<typeof indicatorsInput>;

/** The steering group (Samverkansstruktur målgrupp barn och unga) and nobody else. */
function requireSteeringGroup(session: Session): void {
  const { actor } = session;
  if (!hasRole(actor, 'steering_group_member') || actor.organisationKind !== 'steering_group') {
    throw new ForbiddenError('Bara styrgruppen (Samverkansstruktur målgrupp barn och unga) ser Norrbus årliga uppföljning.');
  }
}

interface FactRow {
  municipality_id: string;
  county_part: string | null;
}

/** The four kinds of facts between two days, each through its definer function. */
async function loadFacts(session: Session, from: IsoDate, to: IsoDate): Promise<NorrbusFacts> {
  const [meetings, commitments, deviations, disputes] = await Promise.all([
    sql<FactRow & { gender: string; initiated_on: IsoDate; held_on: IsoDate; follow_up: boolean }>`select * from norrbus_meeting_facts(${from}::date, ${to}::date)`.execute(session.db),
    sql<FactRow & { gender: string; follow_up_on: IsoDate; outcome: string | null; outcome_on: IsoDate | null }>`select * from norrbus_commitment_facts(${from}::date, ${to}::date)`.execute(session.db),
    sql<FactRow & { gender: string | null; category: string; level: string; reported_on: IsoDate; closed_on: IsoDate | null }>`select * from norrbus_deviation_facts(${from}::date, ${to}::date)`.execute(session.db),
    sql<FactRow & { subject: string; raised_on: IsoDate; resolved_on: IsoDate | null }>`select * from norrbus_dispute_facts(${from}::date, ${to}::date)`.execute(session.db),
  ]);
  const place = (row: FactRow) => ({ municipalityId: row.municipality_id, countyPart: row.county_part });
  return {
    meetings: meetings.rows.map((r) => ({ ...place(r), gender: r.gender as ChildGender, initiatedOn: r.initiated_on, heldOn: r.held_on, followUp: r.follow_up })),
    commitments: commitments.rows.map((r) => ({ ...place(r), gender: r.gender as ChildGender, followUpOn: r.follow_up_on, outcome: r.outcome as CommitmentOutcome | null, outcomeOn: r.outcome_on })),
    deviations: deviations.rows.map((r) => ({
      ...place(r),
      gender: r.gender as ChildGender | null,
      category: r.category as DeviationCategory,
      level: r.level as DeviationLevel,
      reportedOn: r.reported_on,
      closedOn: r.closed_on,
    })),
    disputes: disputes.rows.map((r) => ({ ...place(r), subject: r.subject as DisputeSubject, raisedOn: r.raised_on, resolvedOn: r.resolved_on })),
  };
}

/** The steering group's county and its municipalities (every user may read organisations). */
async function loadGeography(session: Session): Promise<IndicatorGeography> {
  const rows = await session.db
    .selectFrom('organisations as s')
    .leftJoin('organisations as m', (join) => join.onRef('m.county', '=', 's.county').on('m.kind', '=', 'municipality'))
    .select(['s.county', 'm.id', 'm.name', 'm.county_part'])
    .where('s.id', '=', session.actor.organisationId)
    .execute();
  return {
    county: rows[0]?.county ?? '',
    municipalities: rows.flatMap((r) => (r.id && r.name ? [{ id: r.id, name: r.name, countyPart: r.county_part }] : [])),
  };
}

/**
 * Norrbus indicators of a year for the steering group of the actor's county: per municipality,
 * county part and county, by gender, against the year before, with small counts suppressed.
 * Nothing here names or counts a single person; the facts carry none.
 */
export async function loadNorrbusIndicators(session: Session, rawInput: NorrbusIndicatorsInput): Promise<NorrbusIndicators> {
  requireSteeringGroup(session);
  const { year } = parseInput(indicatorsInput, rawInput);
  const asOf = todayInSweden();
  const [geography, facts] = await Promise.all([loadGeography(session), loadFacts(session, `${year - 1}-01-01`, lastCountedDay(year, asOf))]);
  return computeNorrbusIndicators({ year, asOf, geography, facts });
}
