import { z } from 'zod';
import { hasRole, requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { daysBetween, todayInSweden } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { doneByChild, loadCareRecords, loadFollowUpsDone } from './care-records.js';
import { FOLLOW_UP_WORKERS } from './follow-ups.js';
import { loadFollowUpPolicies, requireMunicipality, type FollowUpKind } from './policy.js';
import { DEFAULT_SOON_DAYS, followUpSchedule, type FollowUpStatus } from './schedule.js';

/** An overdue or soon-due follow-up of a child in the dashboard. */
export interface DashboardFollowUp {
  readonly childId: string;
  readonly childGivenName: string;
  readonly childFamilyName: string;
  readonly kind: FollowUpKind;
  readonly dueOn: IsoDate;
  readonly status: Extract<FollowUpStatus, 'overdue' | 'due'>;
  /** Days past the due date (negative: days left). */
  readonly daysOverdue: number;
  readonly reference: string;
}

/** One social worker's placed children and their overdue and soon-due follow-ups. */
export interface WorkerFollowUps {
  /** Null for the children no social worker is assigned to. */
  readonly workerId: string | null;
  readonly workerName: string | null;
  /** Children currently placed. */
  readonly caseload: number;
  readonly overdue: readonly DashboardFollowUp[];
  readonly dueSoon: readonly DashboardFollowUp[];
}

/** The head of unit's view of a municipality's placed children on a day. */
export interface FollowUpDashboard {
  readonly municipalityId: string;
  readonly day: IsoDate;
  readonly withinDays: number;
  readonly caseload: number;
  readonly overdueCount: number;
  readonly dueSoonCount: number;
  /** Most overdue first, then most due soon, then by name. */
  readonly workers: readonly WorkerFollowUps[];
}

const dashboardOptions = z.object({
  withinDays: z
    .number()
    .int({ error: 'Antal dagar ska vara ett heltal.' })
    .min(0, { error: 'Antal dagar kan inte vara negativt.' })
    .max(365, { error: 'Ange högst 365 dagar framåt.' })
    .default(DEFAULT_SOON_DAYS),
});

/**
 * Overdue and soon-due follow-ups of the municipality's placed children per social worker, and each
 * worker's caseload: a head of unit sees the whole municipality, a social worker their own
 * children. Four statements however many children: the placements with their children, decisions
 * and workers; the follow-ups done; the policies; the audit of the children shown.
 */
export async function followUpDashboard(session: Session, options: { withinDays?: number | null | undefined } = {}, today: IsoDate = todayInSweden()): Promise<FollowUpDashboard> {
  requireRole(session.actor, ...FOLLOW_UP_WORKERS);
  requireMunicipality(session.actor);
  const { withinDays } = parseInput(dashboardOptions, { withinDays: options.withinDays ?? undefined });
  const workerId = hasRole(session.actor, 'head_of_unit') ? null : session.actor.userId;
  const records = await loadCareRecords(session, { placedOn: today, workerId });
  const done = doneByChild(records, await loadFollowUpsDone(session, records.flatMap((record) => record.placements.map((p) => p.id))));
  const policies = records.length === 0 ? [] : await loadFollowUpPolicies(session);

  const workers = new Map<string | null, { workerId: string | null; workerName: string | null; caseload: number; overdue: DashboardFollowUp[]; dueSoon: DashboardFollowUp[] }>();
  const shown = new Set<string>();
  for (const record of records) {
    const worker = workers.get(record.workerId) ?? { workerId: record.workerId, workerName: record.workerName, caseload: 0, overdue: [], dueSoon: [] };
    workers.set(record.workerId, worker);
    worker.caseload += 1;
    for (const item of followUpSchedule({ placements: record.placements, done: done.get(record.childId)!, policies, today, soonDays: withinDays })) {
      if (item.status !== 'overdue' && item.status !== 'due') continue;
      shown.add(record.childId);
      (item.status === 'overdue' ? worker.overdue : worker.dueSoon).push({
        childId: record.childId,
        childGivenName: record.givenName,
        childFamilyName: record.familyName,
        kind: item.kind,
        dueOn: item.dueOn,
        status: item.status,
        daysOverdue: daysBetween(item.dueOn, today),
        reference: item.reference,
      });
    }
  }
  await recordAudit(session, [...shown].map((childId) => ({ action: 'read' as const, entityType: 'Child', entityId: childId, personId: childId, purpose: 'uppföljning: enhetschefens översikt' })));

  const byDue = (a: DashboardFollowUp, b: DashboardFollowUp) => a.dueOn.localeCompare(b.dueOn) || a.childFamilyName.localeCompare(b.childFamilyName, 'sv');
  const sorted = [...workers.values()]
    .map((worker) => ({ ...worker, overdue: worker.overdue.sort(byDue), dueSoon: worker.dueSoon.sort(byDue) }))
    .sort((a, b) => b.overdue.length - a.overdue.length || b.dueSoon.length - a.dueSoon.length || (a.workerName ?? '\uffff').localeCompare(b.workerName ?? '\uffff', 'sv'));
  return {
    municipalityId: session.actor.organisationId,
    day: today,
    withinDays,
    caseload: records.length,
    overdueCount: sorted.reduce((sum, worker) => sum + worker.overdue.length, 0),
    dueSoonCount: sorted.reduce((sum, worker) => sum + worker.dueSoon.length, 0),
    workers: sorted,
  };
}
