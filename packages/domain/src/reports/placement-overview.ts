import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { FOSTER_HOME_KINDS, type FosterHomeKind } from '../homes/foster-homes.js';
import { isOngoingOn } from '../placements/placements.js';
import { csvTable } from '../shared/csv.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { requireReportReader } from './access.js';
import { loadReportPlacements, type ReportPlacement } from './report-placements.js';
import { capitalised, FOSTER_HOME_KIND_TITLES, PLACEMENT_TERMS, PLACEMENT_TERM_TITLES, placementTerm, type PlacementTerm } from './titles.js';

/**
 * The municipality's children placed in foster homes on a day, as the committees count them
 * ("54 barn placerade i familjehem, varav jour 11, stadigvarande 43"): counts only, no child.
 */
export interface PlacementOverview {
  readonly day: IsoDate;
  readonly children: number;
  readonly byHomeKind: ReadonlyArray<{ readonly kind: FosterHomeKind; readonly children: number }>;
  /** Children in homes the municipality cannot see (another organisation's), so the kinds add up. */
  readonly inHomesNotVisible: number;
  readonly byTerm: ReadonlyArray<{ readonly term: PlacementTerm; readonly children: number }>;
  /** Of the long-term ones, those decided as uppväxtplacering. */
  readonly upbringing: number;
}

/** Each child counts once: a child moving homes that day is counted in the home it is in. */
export function computePlacementOverview(day: IsoDate, placements: readonly ReportPlacement[]): PlacementOverview {
  const current = new Map<string, ReportPlacement>();
  for (const p of placements.filter((p) => isOngoingOn(p, day))) {
    const other = current.get(p.childId);
    if (!other || other.startsOn < p.startsOn) current.set(p.childId, p);
  }
  const placed = [...current.values()];
  return {
    day,
    children: placed.length,
    byHomeKind: FOSTER_HOME_KINDS.map((kind) => ({ kind, children: placed.filter((p) => p.home?.kind === kind).length })),
    inHomesNotVisible: placed.filter((p) => p.home === null).length,
    byTerm: PLACEMENT_TERMS.map((term) => ({ term, children: placed.filter((p) => placementTerm(p.decision?.kind ?? null, p.home?.kind ?? null) === term).length })),
    upbringing: placed.filter((p) => p.decision?.kind === 'upbringing').length,
  };
}

export const OVERVIEW_CSV_HEADERS = ['Avsnitt', 'Rad', 'Antal barn'] as const;

export function placementOverviewCsv(overview: PlacementOverview): string {
  return csvTable(OVERVIEW_CSV_HEADERS, [
    ['Totalt', `Placerade i familjehem ${overview.day}`, overview.children],
    ...overview.byHomeKind.map((row) => ['Typ av hem', capitalised(FOSTER_HOME_KIND_TITLES[row.kind]), row.children]),
    ...(overview.inHomesNotVisible > 0 ? [['Typ av hem', 'Hem som kommunen inte ser', overview.inHomesNotVisible]] : []),
    ...overview.byTerm.map((row) => ['Placering', capitalised(PLACEMENT_TERM_TITLES[row.term]), row.children]),
    ['Placering', 'Varav uppväxtplacering', overview.upbringing],
  ]);
}

/** The acting municipality's overview for a day; counts only, so no person's read is audited. */
export async function loadPlacementOverview(session: Session, rawDay: string): Promise<PlacementOverview> {
  requireReportReader(session.actor);
  const day = parseInput(isoDate, rawDay);
  return computePlacementOverview(day, await loadReportPlacements(session, day, day));
}
