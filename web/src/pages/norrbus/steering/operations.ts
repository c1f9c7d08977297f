import { operation } from '../../../api/graphql';
import type { ChildGender } from '../../../api/types';
import type { DeviationCategory, DeviationLevel, DisputeSubject } from '../../deviations/operations';

// TypeScript mirror of NorrbusIndicators: the indicators in long form, one row per area, indicator and cell.

export type CountIndicator =
  | 'MEETINGS_HELD'
  | 'FIRST_MEETINGS'
  | 'FOLLOW_UP_MEETINGS'
  | 'COMMITMENTS_DUE'
  | 'COMMITMENTS_FOLLOWED_UP'
  | 'COMMITMENTS_DONE_ON_TIME'
  | 'DEVIATIONS_REPORTED'
  | 'DEVIATIONS_CLOSED'
  | 'DISPUTES_RAISED'
  | 'DISPUTES_RESOLVED';
export type MeasureIndicator =
  | 'MEDIAN_DAYS_TO_FIRST_MEETING'
  | 'MEAN_DAYS_TO_FIRST_MEETING'
  | 'COMMITMENTS_FOLLOWED_UP_SHARE'
  | 'COMMITMENTS_DONE_ON_TIME_SHARE'
  | 'MEDIAN_DAYS_TO_CLOSE_DEVIATION';
export type Indicator = CountIndicator | MeasureIndicator;
export type Breakdown = 'TOTAL' | 'GENDER' | 'GENDER_NOT_STATED' | 'CATEGORY' | 'LEVEL' | 'SUBJECT';

/** A figure as the server publishes it: `value` is null when hidden, `display` is what to show ("12", "<3", "x"). */
export interface Figure {
  value: number | null;
  display: string;
}

export interface IndicatorRow {
  area: string;
  indicator: Indicator;
  breakdown: Breakdown;
  gender: ChildGender | null;
  category: DeviationCategory | null;
  level: DeviationLevel | null;
  subject: DisputeSubject | null;
  current: Figure;
  previous: Figure;
  change: Figure;
}

export interface IndicatorArea {
  key: string;
  kind: 'COUNTY' | 'COUNTY_PART' | 'MUNICIPALITY';
  name: string;
  countyPart: string | null;
}

export interface NorrbusIndicators {
  year: number;
  previousYear: number;
  asOf: string;
  areas: IndicatorArea[];
  counts: IndicatorRow[];
  measures: IndicatorRow[];
}

const ROW = 'area indicator breakdown gender category level subject current { value display } previous { value display } change { value display }';

export const NorrbusIndicatorsQuery = operation<{ norrbusIndicators: NorrbusIndicators }, { year: number }>(/* GraphQL */ `
  query NorrbusIndicators($year: Int!) {
    norrbusIndicators(year: $year) {
      year
      previousYear
      asOf
      areas { key kind name countyPart }
      counts { ${ROW} }
      measures { ${ROW} }
    }
  }
`);

/** Which cell of an indicator: the total, or one gender, category, level or subject. */
export type Cell = 'TOTAL' | `GENDER:${ChildGender}` | 'GENDER_NOT_STATED' | `CATEGORY:${DeviationCategory}` | `LEVEL:${DeviationLevel}` | `SUBJECT:${DisputeSubject}`;

function cellOf(row: IndicatorRow): Cell {
  if (row.breakdown === 'GENDER') return `GENDER:${row.gender!}`;
  if (row.breakdown === 'CATEGORY') return `CATEGORY:${row.category!}`;
  if (row.breakdown === 'LEVEL') return `LEVEL:${row.level!}`;
  if (row.breakdown === 'SUBJECT') return `SUBJECT:${row.subject!}`;
  return row.breakdown;
}

/** Looks rows up by area, indicator and cell. */
export type RowLookup = (area: string, indicator: Indicator, cell?: Cell) => IndicatorRow | undefined;

export function rowLookup(indicators: NorrbusIndicators): RowLookup {
  const rows = new Map<string, IndicatorRow>();
  for (const row of [...indicators.counts, ...indicators.measures]) rows.set(`${row.area}|${row.indicator}|${cellOf(row)}`, row);
  return (area, indicator, cell = 'TOTAL') => rows.get(`${area}|${indicator}|${cell}`);
}
