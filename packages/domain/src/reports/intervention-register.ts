import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import type { ChildIdentityKind } from '../placements/children.js';
import { auditChildReads } from '../placements/children-records.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';
import { csvTable } from '../shared/csv.js';
import { parseInput } from '../shared/validation.js';
import { requireReportReader } from './access.js';
import { reportYear } from './input.js';
import { isPlacedDuring, loadReportPlacements, type ReportPlacement } from './report-placements.js';
import { capitalised, FOSTER_HOME_KIND_TITLES, LEGAL_BASIS_TITLES, PLACEMENT_KIND_TITLES } from './titles.js';

/**
 * Socialstyrelsen's register of interventions for children and young people (registret över
 * insatser för barn och unga): each placement in care during the year, with the child's
 * personnummer (or samordningsnummer/reservnummer), the kind of intervention, the decision date,
 * start, end and SoL or LVU. The one report that carries identity, so every child read is audited.
 */
export interface RegisteredIntervention {
  readonly childId: string;
  readonly identityNumber: string;
  readonly identityKind: ChildIdentityKind;
  /** The intervention as the decision names it; null for a placement recorded without its decision. */
  readonly intervention: string | null;
  readonly decisionKind: PlacementKind | null;
  readonly legalBasis: LegalBasis | null;
  readonly decidedOn: IsoDate | null;
  /** The form of care: the kind of foster home; null when the home is not the municipality's to see. */
  readonly homeKind: FosterHomeKind | null;
  readonly startsOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly endReason: string | null;
}

export interface InterventionRegister {
  readonly year: number;
  readonly rows: readonly RegisteredIntervention[];
  readonly started: number;
  readonly ended: number;
}

/** The year's placements, by personnummer then start; placements started and ended in the year counted. */
export function computeInterventionRegister(year: number, placements: readonly ReportPlacement[]): InterventionRegister {
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  const rows = placements
    .filter((p) => isPlacedDuring(p, first, last))
    .map(
      (p): RegisteredIntervention => ({
        childId: p.childId,
        identityNumber: p.identityNumber,
        identityKind: p.identityKind,
        intervention: p.decision?.intervention ?? null,
        decisionKind: p.decision?.kind ?? null,
        legalBasis: p.decision?.legalBasis ?? null,
        decidedOn: p.decision?.decidedOn ?? null,
        homeKind: p.home?.kind ?? null,
        startsOn: p.startsOn,
        endedOn: p.endedOn,
        endReason: p.endReason,
      }),
    )
    .sort((a, b) => a.identityNumber.localeCompare(b.identityNumber) || a.startsOn.localeCompare(b.startsOn));
  return {
    year,
    rows,
    started: rows.filter((row) => row.startsOn >= first).length,
    ended: rows.filter((row) => row.endedOn !== null && row.endedOn <= last).length,
  };
}

const IDENTITY_TITLES: Record<ChildIdentityKind, string> = {
  personal_identity_number: 'Personnummer',
  coordination_number: 'Samordningsnummer',
  reserve_number: 'Reservnummer',
};

export const REGISTER_CSV_HEADERS = ['Personnummer', 'Typ av nummer', 'Insats', 'Placeringsform', 'Vårdform', 'Lagrum', 'Beslutsdatum', 'Startdatum', 'Slutdatum', 'Orsak till avslut'] as const;

export function interventionRegisterCsv(register: InterventionRegister): string {
  return csvTable(
    REGISTER_CSV_HEADERS,
    register.rows.map((row) => [
      row.identityNumber,
      IDENTITY_TITLES[row.identityKind],
      row.intervention,
      row.decisionKind && capitalised(PLACEMENT_KIND_TITLES[row.decisionKind]),
      row.homeKind && capitalised(FOSTER_HOME_KIND_TITLES[row.homeKind]),
      row.legalBasis && LEGAL_BASIS_TITLES[row.legalBasis],
      row.decidedOn,
      row.startsOn,
      row.endedOn,
      row.endReason,
    ]),
  );
}

/** The acting municipality's register data for a year; each child whose identity is read is audited once. */
export async function loadInterventionRegister(session: Session, rawYear: number): Promise<InterventionRegister> {
  requireReportReader(session.actor);
  const year = parseInput(reportYear, rawYear);
  const register = computeInterventionRegister(year, await loadReportPlacements(session, `${year}-01-01`, `${year}-12-31`));
  await auditChildReads(session, [...new Set(register.rows.map((row) => row.childId))], `Socialstyrelsens register över insatser för barn och unga ${year}`);
  return register;
}
