import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import type { ChildGender } from '../placements/children.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';
import { isOngoingOn } from '../placements/placements.js';
import { csvTable } from '../shared/csv.js';
import { daysBetween } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { requireReportReader } from './access.js';
import { reportYear } from './input.js';
import { isPlacedDuring, loadReportPlacements, type ReportPlacement } from './report-placements.js';
import {
  capitalised,
  FOSTER_HOME_KIND_TITLES,
  GENDER_TITLES,
  LEGAL_BASIS_TITLES,
  PLACEMENT_KIND_TITLES,
  PLACEMENT_TERM_TITLES,
  placementTerm,
  type PlacementTerm,
} from './titles.js';

/**
 * The yearly list to IVO of the children in foster homes, due by 31 January for the year before.
 * It covers every child placed in a foster home (own, network, jour, consultant-supported or with
 * a treatment assignment) on at least one day of the year, one row per home: IVO's supervision
 * covers every home a child lived in during the year, and a child who went home in June would be
 * lost from a 31 December cut. Each row says whether the child was still placed on 31 December,
 * so that cut can be read from the same list. It names no child (the Socialstyrelsen register is
 * the one report carrying identity): gender and birth year only.
 */
export interface IvoFosterChild {
  readonly gender: ChildGender;
  readonly birthYear: number;
  /** Null when the municipality cannot see the home (another organisation's). */
  readonly homeName: string | null;
  readonly homeKind: FosterHomeKind | null;
  readonly homeMunicipalityName: string | null;
  readonly term: PlacementTerm;
  readonly decisionKind: PlacementKind | null;
  readonly legalBasis: LegalBasis | null;
  readonly startsOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly placedAtYearEnd: boolean;
}

export interface IvoDeadline {
  /** 31 January of the year after. */
  readonly dueOn: IsoDate;
  /** Days from today to the due date (negative once it has passed). */
  readonly daysUntilDue: number;
  /** In January of the year after, until the due date: when the page warns. */
  readonly approaching: boolean;
}

export interface IvoFosterChildList {
  readonly year: number;
  readonly rows: readonly IvoFosterChild[];
  /** Children (not placements) placed during the year. */
  readonly children: number;
  readonly childrenAtYearEnd: number;
  readonly deadline: IvoDeadline;
}

/** When the list for `year` is due, and whether the page should warn about it today. */
export function ivoListDeadline(year: number, today: IsoDate): IvoDeadline {
  const dueOn = `${year + 1}-01-31`;
  return { dueOn, daysUntilDue: daysBetween(today, dueOn), approaching: today >= `${year + 1}-01-01` && today <= dueOn };
}

export function computeIvoFosterChildList(year: number, placements: readonly ReportPlacement[], today: IsoDate): IvoFosterChildList {
  const yearEnd = `${year}-12-31`;
  const inYear = placements.filter((p) => isPlacedDuring(p, `${year}-01-01`, yearEnd));
  const rows = inYear.map(
    (p): IvoFosterChild => ({
      gender: p.gender,
      birthYear: Number(p.birthDate.slice(0, 4)),
      homeName: p.home?.name ?? null,
      homeKind: p.home?.kind ?? null,
      homeMunicipalityName: p.home?.municipalityName ?? null,
      term: placementTerm(p.decision?.kind ?? null, p.home?.kind ?? null),
      decisionKind: p.decision?.kind ?? null,
      legalBasis: p.decision?.legalBasis ?? null,
      startsOn: p.startsOn,
      endedOn: p.endedOn,
      placedAtYearEnd: isOngoingOn(p, yearEnd),
    }),
  );
  return {
    year,
    rows,
    children: new Set(inYear.map((p) => p.childId)).size,
    childrenAtYearEnd: new Set(inYear.filter((p) => isOngoingOn(p, yearEnd)).map((p) => p.childId)).size,
    deadline: ivoListDeadline(year, today),
  };
}

export const IVO_LIST_CSV_HEADERS = [
  'Kön',
  'Födelseår',
  'Familjehem',
  'Typ av hem',
  'Hemmets kommun',
  'Jour/stadigvarande',
  'Placeringsform',
  'Lagrum',
  'Placerad från',
  'Placerad till',
  'Placerad 31 december',
] as const;

export function ivoFosterChildCsv(list: IvoFosterChildList): string {
  return csvTable(
    IVO_LIST_CSV_HEADERS,
    list.rows.map((row) => [
      capitalised(GENDER_TITLES[row.gender]),
      row.birthYear,
      row.homeName,
      row.homeKind && capitalised(FOSTER_HOME_KIND_TITLES[row.homeKind]),
      row.homeMunicipalityName,
      capitalised(PLACEMENT_TERM_TITLES[row.term]),
      row.decisionKind && capitalised(PLACEMENT_KIND_TITLES[row.decisionKind]),
      row.legalBasis && LEGAL_BASIS_TITLES[row.legalBasis],
      row.startsOn,
      row.endedOn,
      row.placedAtYearEnd ? 'Ja' : 'Nej',
    ]),
  );
}

/** The acting municipality's list for a year; it names no child, so no read is audited per person. */
export async function loadIvoFosterChildList(session: Session, rawYear: number, today: IsoDate): Promise<IvoFosterChildList> {
  requireReportReader(session.actor);
  const year = parseInput(reportYear, rawYear);
  return computeIvoFosterChildList(year, await loadReportPlacements(session, `${year}-01-01`, `${year}-12-31`), today);
}
