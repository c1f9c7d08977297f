import type { IsoDate } from '../db/tables.js';
import { addDays, addMonths } from '../shared/dates.js';
import { FOLLOW_UP_KINDS, inForceOn, policyTimeline, type FollowUpKind, type FollowUpPolicy } from './policy.js';

/** The legal basis of the decision a placement carries out (placement_decisions.legal_basis). */
export type FollowUpLegalBasis = 'sol' | 'lvu_2' | 'lvu_3';

/** One placement of the child, as the schedule needs it. */
export interface CarePlacement {
  readonly id: string;
  readonly fosterHomeId: string;
  readonly startsOn: IsoDate;
  /** The day the child left the home; null while placed. */
  readonly endedOn: IsoDate | null;
  /** Null when the placement was recorded without its decision: then no review is scheduled. */
  readonly legalBasis: FollowUpLegalBasis | null;
  readonly carePlanOn: IsoDate | null;
}

/** A follow-up done, stored against the due date it answered. */
export interface FollowUpDone {
  readonly id: string;
  readonly placementId: string;
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly doneOn: IsoDate;
  readonly doneById: string;
  readonly doneByName: string;
  /** For a visit: whether the social worker talked with the child alone. */
  readonly talkedAlone: boolean | null;
  readonly note: string | null;
}

export const FOLLOW_UP_STATUSES = ['done', 'overdue', 'due', 'upcoming'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** An item of a child's follow-up schedule: done (with what answered it) or still open. */
export interface DueFollowUp {
  readonly kind: FollowUpKind;
  /** The placement it belongs to: where it was done, or the child's current placement. */
  readonly placementId: string;
  readonly dueOn: IsoDate;
  readonly status: FollowUpStatus;
  /** The legal reference of the policy in force on the due date. */
  readonly reference: string;
  /** For an open item, the earliest day a follow-up can answer it (what it counts from); null once done. */
  readonly countedFrom: IsoDate | null;
  readonly done: FollowUpDone | null;
}

export interface ScheduleInput {
  /** The child's placements, in any order; moves between homes are successive placements. */
  readonly placements: readonly CarePlacement[];
  readonly done: readonly FollowUpDone[];
  /** The placing municipality's policies over time. */
  readonly policies: readonly FollowUpPolicy[];
  readonly today: IsoDate;
  /** An open item falling due within this many days is `due`, later ones `upcoming`. */
  readonly soonDays?: number;
}

export const DEFAULT_SOON_DAYS = 30;

/** Which kinds of follow-up the law asks for under a legal basis. */
export function followUpKindsFor(legalBasis: FollowUpLegalBasis | null): FollowUpKind[] {
  return FOLLOW_UP_KINDS.filter((kind) => {
    if (kind === 'review') return legalBasis === 'sol' || legalBasis === 'lvu_2';
    if (kind === 'reexamination') return legalBasis === 'lvu_3';
    return true;
  });
}

const FIRST_INTERVAL: Record<FollowUpKind, (policy: FollowUpPolicy) => number> = {
  visit: (p) => p.visitIntervalMonths,
  review: (p) => p.reviewIntervalMonths,
  reexamination: (p) => p.reexaminationIntervalMonths,
  custody_transfer_consideration: (p) => p.custodyTransferAfterMonths,
  care_plan_revision: (p) => p.carePlanRevisionMonths,
};

const NEXT_INTERVAL: Record<FollowUpKind, (policy: FollowUpPolicy) => number> = {
  ...FIRST_INTERVAL,
  custody_transfer_consideration: (p) => p.custodyTransferIntervalMonths,
};

/**
 * The day an item falls due, `interval` months after `from` under the policy in force on `from`
 * (`timeline`: the policies oldest first). A policy that takes effect after `from` and by that day
 * re-computes it with its own interval, but never to before the day it applies: a change moves
 * future due dates, never past ones.
 */
export function nextDueOn(from: IsoDate, interval: (policy: FollowUpPolicy) => number, timeline: readonly FollowUpPolicy[]): IsoDate {
  let due = addMonths(from, interval(inForceOn(timeline, from)));
  for (const policy of timeline) {
    if (policy.validFrom <= from || policy.validFrom > due) continue;
    const recomputed = addMonths(from, interval(policy));
    due = recomputed < policy.validFrom ? policy.validFrom : recomputed;
  }
  return due;
}

/**
 * The placements of the child's current (or last) period of care: the latest placement and those
 * it continues without a break. A placement beginning by the day after the previous one ended is
 * a move, not new care.
 */
export function currentCare(placements: readonly CarePlacement[]): CarePlacement[] {
  const sorted = [...placements].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const care: CarePlacement[] = [];
  for (const placement of sorted.reverse()) {
    const later = care[0];
    if (later && placement.endedOn !== null && addDays(placement.endedOn, 1) < later.startsOn) break;
    care.unshift(placement);
  }
  return care;
}

/** The start of the trailing run of placements that share `same` with the latest one. */
function runStart(care: readonly CarePlacement[], same: (a: CarePlacement, b: CarePlacement) => boolean): IsoDate {
  const latest = care.at(-1)!;
  let start = latest.startsOn;
  for (const placement of [...care].reverse()) {
    if (!same(placement, latest)) break;
    start = placement.startsOn;
  }
  return start;
}

/**
 * What each kind is counted from in the current care:
 * - visits, from the start of care: a move does not reset the rhythm, and as the next visit is due
 *   one interval after the last one (made before the move), the first visit in the new home always
 *   falls due within one interval of the move;
 * - reviews and re-examinations, from when care under the present legal basis began;
 * - custody-transfer consideration, from when the child came to the present home (a move resets it);
 * - care-plan revision, from the latest care plan, or the start of care when there is none.
 */
function countedFrom(kind: FollowUpKind, care: readonly CarePlacement[]): IsoDate {
  switch (kind) {
    case 'visit':
      return care[0]!.startsOn;
    case 'review':
    case 'reexamination':
      return runStart(care, (a, b) => a.legalBasis === b.legalBasis);
    case 'custody_transfer_consideration':
      return runStart(care, (a, b) => a.fosterHomeId === b.fosterHomeId);
    case 'care_plan_revision':
      return care.map((p) => p.carePlanOn).filter((day): day is IsoDate => day !== null).sort().at(-1) ?? care[0]!.startsOn;
  }
}

function statusOf(dueOn: IsoDate, today: IsoDate, soonDays: number): FollowUpStatus {
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, soonDays) ? 'due' : 'upcoming';
}

const KIND_ORDER = new Map(FOLLOW_UP_KINDS.map((kind, index) => [kind, index]));

/**
 * A child's follow-up schedule on a day: every follow-up done (with the due date it answered) and,
 * for each kind the current care calls for, the next one. The next of a kind falls due one
 * interval after the last one done since it began counting, or after what it counts from; nothing
 * falls due on or after the day care ended.
 */
export function followUpSchedule(input: ScheduleInput): DueFollowUp[] {
  const soonDays = input.soonDays ?? DEFAULT_SOON_DAYS;
  const timeline = policyTimeline(input.policies);
  const referenceOn = (kind: FollowUpKind, day: IsoDate) => inForceOn(timeline, day).references[kind];
  const items: DueFollowUp[] = input.done.map((done) => ({
    kind: done.kind,
    placementId: done.placementId,
    dueOn: done.dueOn,
    status: 'done',
    reference: referenceOn(done.kind, done.dueOn),
    countedFrom: null,
    done,
  }));
  const care = currentCare(input.placements);
  const latest = care.at(-1);
  if (latest) {
    for (const kind of followUpKindsFor(latest.legalBasis)) {
      const from = countedFrom(kind, care);
      const last = input.done
        .filter((done) => done.kind === kind && done.doneOn >= from)
        .sort((a, b) => a.doneOn.localeCompare(b.doneOn))
        .at(-1);
      const dueOn = last ? nextDueOn(last.doneOn, NEXT_INTERVAL[kind], timeline) : nextDueOn(from, FIRST_INTERVAL[kind], timeline);
      if (latest.endedOn !== null && dueOn >= latest.endedOn) continue;
      items.push({
        kind,
        placementId: latest.id,
        dueOn,
        status: statusOf(dueOn, input.today, soonDays),
        reference: referenceOn(kind, dueOn),
        countedFrom: last?.doneOn ?? from,
        done: null,
      });
    }
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)!);
}
