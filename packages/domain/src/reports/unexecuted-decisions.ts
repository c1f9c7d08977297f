import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { CHILD_GENDERS, type ChildGender } from '../placements/children.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';
import { csvTable } from '../shared/csv.js';
import { parseInput } from '../shared/validation.js';
import { requireReportReader } from './access.js';
import { quarterInput, type QuarterInput } from './input.js';
import { previousQuarter, quarterBounds, reportedWait, type DecisionForRule, type Quarter, type WaitKind } from './three-month-rule.js';
import { capitalised, GENDER_TITLES, LEGAL_BASIS_TITLES, PLACEMENT_KIND_TITLES } from './titles.js';

/** A favourable decision as the quarterly report reads it: never the person's name, only the gender. */
export interface DecisionToReport extends DecisionForRule {
  readonly intervention: string;
  readonly kind: PlacementKind;
  readonly legalBasis: LegalBasis;
  readonly gender: ChildGender;
  /** Start days of the placements carrying out the decision. */
  readonly placementStarts: readonly IsoDate[];
}

export const UNEXECUTED_STATUSES = ['not_executed', 'executed', 'cancelled'] as const;
export type UnexecutedStatus = (typeof UNEXECUTED_STATUSES)[number];

/** One row of the report (ej verkställt beslut). */
export interface UnexecutedDecision {
  readonly decidedOn: IsoDate;
  readonly intervention: string;
  readonly kind: PlacementKind;
  readonly legalBasis: LegalBasis;
  readonly gender: ChildGender;
  readonly waitKind: WaitKind;
  /** The day the execution was interrupted, when that is what the decision waits on. */
  readonly interruptedOn: IsoDate | null;
  readonly daysWaited: number;
  /** At the quarter's end (or today while it runs). */
  readonly status: UnexecutedStatus;
  /** The day it was executed (or resumed) or cancelled. */
  readonly statusOn: IsoDate | null;
}

export interface UnexecutedDecisionReport extends Quarter {
  readonly first: IsoDate;
  readonly last: IsoDate;
  /** The day the figures hold for: the quarter's last day, or today while the quarter runs. */
  readonly asOf: IsoDate;
  readonly rows: readonly UnexecutedDecision[];
  readonly total: number;
  readonly notExecuted: number;
  readonly executed: number;
  readonly cancelled: number;
  readonly byGender: ReadonlyArray<{ readonly gender: ChildGender; readonly count: number }>;
  /** The previous quarter's total, which the committees compare with ("tre färre jämfört med kvartal 2"). */
  readonly previousQuarterTotal: number;
}

function rowsFor(decisions: readonly DecisionToReport[], quarter: Quarter, asOf: IsoDate): UnexecutedDecision[] {
  return decisions
    .flatMap((decision): UnexecutedDecision[] => {
      const reported = reportedWait(decision, decision.placementStarts, quarter, asOf);
      if (!reported) return [];
      return [
        {
          decidedOn: decision.decidedOn,
          intervention: decision.intervention,
          kind: decision.kind,
          legalBasis: decision.legalBasis,
          gender: decision.gender,
          waitKind: reported.wait.kind,
          interruptedOn: reported.wait.kind === 'interrupted' ? reported.wait.since : null,
          daysWaited: reported.daysWaited,
          status: reported.status,
          statusOn: reported.wait.endedOn,
        },
      ];
    })
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || b.daysWaited - a.daysWaited);
}

/**
 * The quarterly report of favourable decisions not executed within three months (rules in
 * three-month-rule.ts), with totals by status and gender and the previous quarter's total.
 */
export function computeUnexecutedDecisionReport(decisions: readonly DecisionToReport[], quarter: Quarter, today: IsoDate): UnexecutedDecisionReport {
  const { first, last } = quarterBounds(quarter);
  const asOf = today < last ? today : last;
  const rows = rowsFor(decisions, quarter, asOf);
  const count = (status: UnexecutedStatus) => rows.filter((row) => row.status === status).length;
  return {
    ...quarter,
    first,
    last,
    asOf,
    rows,
    total: rows.length,
    notExecuted: count('not_executed'),
    executed: count('executed'),
    cancelled: count('cancelled'),
    byGender: CHILD_GENDERS.map((gender) => ({ gender, count: rows.filter((row) => row.gender === gender).length })),
    previousQuarterTotal: rowsFor(decisions, previousQuarter(quarter), asOf).length,
  };
}

export const UNEXECUTED_CSV_HEADERS = ['Beslutsdatum', 'Insats', 'Placeringsform', 'Lagrum', 'Kön', 'Avbrott', 'Väntat (dagar)', 'Status', 'Verkställt/avslutat'] as const;

const STATUS_TITLES: Record<UnexecutedStatus, string> = { not_executed: 'ej verkställt', executed: 'verkställt', cancelled: 'avslutat' };

/** The report's annex (bilaga) for Swedish Excel: one row per decision, no names. */
export function unexecutedDecisionCsv(report: UnexecutedDecisionReport): string {
  return csvTable(
    UNEXECUTED_CSV_HEADERS,
    report.rows.map((row) => [
      row.decidedOn,
      row.intervention,
      capitalised(PLACEMENT_KIND_TITLES[row.kind]),
      LEGAL_BASIS_TITLES[row.legalBasis],
      capitalised(GENDER_TITLES[row.gender]),
      row.interruptedOn,
      row.daysWaited,
      capitalised(row.waitKind === 'interrupted' && row.status === 'executed' ? 'återupptaget' : STATUS_TITLES[row.status]),
      row.statusOn,
    ]),
  );
}

/**
 * The acting municipality's report for a quarter. The rows carry no identity, so reading it is
 * not a read of a person's data; the decisions are read under RLS as the municipality's own.
 */
export async function loadUnexecutedDecisionReport(session: Session, rawInput: QuarterInput, today: IsoDate): Promise<UnexecutedDecisionReport> {
  requireReportReader(session.actor);
  const quarter: Quarter = parseInput(quarterInput, rawInput);
  const { first: previousFirst } = quarterBounds(previousQuarter(quarter));
  const { last } = quarterBounds(quarter);
  const reportable = session.db
    .selectFrom('placement_decisions as d')
    .where('d.owner_org_id', '=', session.actor.organisationId)
    .where('d.favourable', '=', true)
    .where('d.decided_on', '<=', last)
    // Cancelled before the previous quarter began: in neither this report nor the comparison.
    .where((eb) => eb.or([eb('d.cancelled_on', 'is', null), eb('d.cancelled_on', '>=', previousFirst)]));
  const decisions = await reportable
    .innerJoin('children as c', (join) => join.onRef('c.id', '=', 'd.child_id').onRef('c.owner_org_id', '=', 'd.owner_org_id'))
    .select(['d.id', 'd.decided_on', 'd.favourable', 'd.interrupted_on', 'd.cancelled_on', 'd.intervention', 'd.kind', 'd.legal_basis', 'c.gender'])
    .execute();
  const placements = await session.db
    .selectFrom('placements')
    .select(['decision_id', 'starts_on'])
    .where('decision_id', 'in', reportable.select('d.id'))
    .execute();
  const starts = new Map<string, IsoDate[]>();
  for (const p of placements) starts.set(p.decision_id!, [...(starts.get(p.decision_id!) ?? []), p.starts_on]);
  return computeUnexecutedDecisionReport(
    decisions.map((d) => ({
      decidedOn: d.decided_on,
      favourable: d.favourable,
      interruptedOn: d.interrupted_on,
      cancelledOn: d.cancelled_on,
      intervention: d.intervention,
      kind: d.kind as PlacementKind,
      legalBasis: d.legal_basis as LegalBasis,
      gender: d.gender as ChildGender,
      placementStarts: starts.get(d.id) ?? [],
    })),
    quarter,
    today,
  );
}
