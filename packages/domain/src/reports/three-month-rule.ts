import type { IsoDate } from '../db/tables.js';
import { addDays, addMonths, daysBetween } from '../shared/dates.js';

/**
 * The three-month rule for ej verkställda beslut (16 kap. 6 f § SoL 2001:453, carried over into
 * SoL 2025:400): a favourable decision must be executed within three months of the decision
 * date, and an execution that is interrupted must be resumed within three months of the
 * interruption. Otherwise it is reported every quarter to IVO and the council.
 *
 * How it is counted here:
 * - The limit is the same date three months on (addMonths): decided 30 November, the limit is
 *   28 February (29 in a leap year). Execution on the limit day is in time; the decision is
 *   late ("not executed") from the day after.
 * - A placement under the decision executes it on the day it starts; one recorded as starting
 *   before the decision (data from before the platform, which refuses that) executes it on the
 *   decision date. After an interruption, the next placement under it resumes it.
 * - An interruption counts only once the decision has been executed; cancellation ends any wait.
 * - Everything is judged as of a day (`asOf`): placements and cancellations after it have not
 *   happened yet, so a past quarter's report reads the same whenever it is run.
 */
export interface DecisionForRule {
  readonly decidedOn: IsoDate;
  readonly favourable: boolean;
  readonly interruptedOn: IsoDate | null;
  readonly cancelledOn: IsoDate | null;
}

/** Waiting for the first execution, or for an interrupted one to be resumed. */
export const WAIT_KINDS = ['awaiting_execution', 'interrupted'] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];
export type WaitEnd = 'executed' | 'cancelled';

/** A period in which a decision waited: for its first execution, or to be resumed. */
export interface Wait {
  readonly kind: WaitKind;
  /** The decision date, or the day the execution was interrupted. */
  readonly since: IsoDate;
  /** The last day on which executing (or resuming) is in time. */
  readonly limit: IsoDate;
  /** The day the wait ended (as of the day judged), or null while it goes on. */
  readonly endedOn: IsoDate | null;
  readonly endedBy: WaitEnd | null;
}

/** Three months on from `since`: the last day that is still in time. */
export function threeMonthLimit(since: IsoDate): IsoDate {
  return addMonths(since, 3);
}

function endOfWait(executedOn: IsoDate | undefined, cancelledOn: IsoDate | null): Pick<Wait, 'endedOn' | 'endedBy'> {
  if (executedOn && (!cancelledOn || executedOn <= cancelledOn)) return { endedOn: executedOn, endedBy: 'executed' };
  if (cancelledOn) return { endedOn: cancelledOn, endedBy: 'cancelled' };
  return { endedOn: null, endedBy: null };
}

/** The waits of a decision known on `asOf`, in order; none for a decision that is not favourable. */
export function waitsOf(decision: DecisionForRule, placementStarts: readonly IsoDate[], asOf: IsoDate): Wait[] {
  if (!decision.favourable || decision.decidedOn > asOf) return [];
  const cancelledOn = decision.cancelledOn && decision.cancelledOn <= asOf ? decision.cancelledOn : null;
  const starts = placementStarts.filter((day) => day <= asOf).map((day) => (day < decision.decidedOn ? decision.decidedOn : day)).sort();
  const executedOn = starts[0];
  const first: Wait = { kind: 'awaiting_execution', since: decision.decidedOn, limit: threeMonthLimit(decision.decidedOn), ...endOfWait(executedOn, cancelledOn) };
  const interruptedOn = decision.interruptedOn;
  const interrupted =
    interruptedOn !== null && interruptedOn <= asOf && first.endedBy === 'executed' && first.endedOn! <= interruptedOn && (!cancelledOn || cancelledOn >= interruptedOn);
  if (!interrupted) return [first];
  const resumedOn = starts.find((day) => day >= interruptedOn);
  return [first, { kind: 'interrupted', since: interruptedOn, limit: threeMonthLimit(interruptedOn), ...endOfWait(resumedOn, cancelledOn) }];
}

/** The first day a wait counts as not executed, had it not ended: the day after the limit. */
export function lateFrom(wait: Wait): IsoDate {
  return addDays(wait.limit, 1);
}

/** Whether the wait was still going on, past its limit, on `day`. */
export function isLateOn(wait: Wait, day: IsoDate): boolean {
  return wait.since <= day && day >= lateFrom(wait) && (wait.endedOn === null || wait.endedOn > day);
}

/** A decision that is "not executed" on a day: the wait that is late that day, and how long it has lasted. */
export function unexecutedOn(decision: DecisionForRule, placementStarts: readonly IsoDate[], day: IsoDate): { wait: Wait; daysWaited: number } | null {
  const wait = waitsOf(decision, placementStarts, day).find((w) => isLateOn(w, day));
  return wait ? { wait, daysWaited: daysBetween(wait.since, day) } : null;
}

/** Year and quarter (1–4) of the quarterly report. */
export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
}

export function quarterBounds({ year, quarter }: Quarter): { first: IsoDate; last: IsoDate } {
  const first = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
  return { first, last: addDays(addMonths(first, 3), -1) };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

export function quarterOf(day: IsoDate): Quarter {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return { year, quarter: Math.ceil(month / 3) as Quarter['quarter'] };
}

/** A wait as the quarter's report shows it. */
export interface ReportedWait {
  readonly wait: Wait;
  /** Status at the quarter's end (or `asOf`): still waiting, or executed/cancelled on the wait's end date. */
  readonly status: 'not_executed' | WaitEnd;
  /** Days from `since` until the wait ended, or until `asOf` while it goes on. */
  readonly daysWaited: number;
}

/**
 * The wait a quarter's report must show for a decision, if any: one that was late on some day of
 * the quarter up to `asOf` (the quarter's last day, or today while the quarter runs). A decision
 * executed or cancelled within the quarter after waiting past its limit is reported for that
 * quarter with the date, and leaves the report from the next quarter on; one decided exactly three
 * months before the quarter's end is still in time on its last day and waits for the next report.
 */
export function reportedWait(decision: DecisionForRule, placementStarts: readonly IsoDate[], quarter: Quarter, asOf: IsoDate): ReportedWait | null {
  const { first, last } = quarterBounds(quarter);
  const until = asOf < last ? asOf : last;
  if (until < first) return null;
  const reported = waitsOf(decision, placementStarts, until)
    .filter((wait) => lateFrom(wait) <= (wait.endedOn ?? until) && (wait.endedOn === null || wait.endedOn >= first))
    .at(-1);
  if (!reported) return null;
  return {
    wait: reported,
    status: reported.endedBy ?? 'not_executed',
    daysWaited: daysBetween(reported.since, reported.endedOn ?? until),
  };
}
