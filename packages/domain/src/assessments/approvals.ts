import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { HomeDecisionsTable, IsoDate } from '../db/tables.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import { addDays, daysBetween } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { ASSESSMENT_READERS } from './home-assessment.js';

export const DECISION_OUTCOMES = ['approved', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];
export const DECISION_MAKER_KINDS = ['committee', 'delegate'] as const;
export type DecisionMakerKind = (typeof DECISION_MAKER_KINDS)[number];

/** The conditions an approval sets; matching and placement must respect every one. */
export interface ApprovalConditions {
  readonly assignmentKind: FosterHomeKind;
  readonly places: number;
  readonly minChildAge: number | null;
  readonly maxChildAge: number | null;
  /** When set, the home is approved for this child only. */
  readonly namedChild: { readonly name: string; readonly personalIdentityNumber: string } | null;
}

/** A decision (beslut) on a home: approval with conditions, or refusal. */
export interface HomeDecision {
  readonly id: string;
  readonly ownerId: string;
  readonly fosterHomeId: string;
  readonly assessmentId: string | null;
  readonly outcome: DecisionOutcome;
  readonly decidedOn: IsoDate;
  readonly decidedById: string;
  readonly decisionMakerKind: DecisionMakerKind;
  readonly decisionMakerName: string;
  readonly validUntil: IsoDate | null;
  /** Null for a refusal. */
  readonly conditions: ApprovalConditions | null;
  readonly reasoning: string | null;
  readonly recordedById: string;
}

export function toHomeDecision(row: Selectable<HomeDecisionsTable>): HomeDecision {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    fosterHomeId: row.foster_home_id,
    assessmentId: row.assessment_id,
    outcome: row.outcome as DecisionOutcome,
    decidedOn: row.decided_on,
    decidedById: row.decided_by_org_id,
    decisionMakerKind: row.decision_maker_kind as DecisionMakerKind,
    decisionMakerName: row.decision_maker_name,
    validUntil: row.valid_until,
    conditions:
      row.outcome === 'approved'
        ? {
            assignmentKind: row.assignment_kind as FosterHomeKind,
            places: row.places!,
            minChildAge: row.min_child_age,
            maxChildAge: row.max_child_age,
            namedChild:
              row.named_child_personal_identity_number && row.named_child_name
                ? { name: row.named_child_name, personalIdentityNumber: row.named_child_personal_identity_number }
                : null,
          }
        : null,
    reasoning: row.reasoning,
    recordedById: row.recorded_by,
  };
}

/**
 * The approval in force on a day: the latest decision taken by then decides, and only an
 * approval whose validity has not run out counts (a later refusal ends an earlier approval).
 */
export function currentApproval(decisions: readonly HomeDecision[], day: IsoDate): HomeDecision | null {
  const latest = decisions
    .filter((decision) => decision.decidedOn <= day)
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0];
  if (!latest || latest.outcome !== 'approved' || latest.validUntil === null || latest.validUntil < day) return null;
  return latest;
}

const DECISION_READERS = ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] as const;

/** Every decision on the given homes, newest first (members of the owning unit see them too). */
export async function loadDecisionsByHome(session: Session, homeIds: readonly string[]): Promise<HomeDecision[]> {
  requireRole(session.actor, ...DECISION_READERS);
  if (homeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('home_decisions')
    .selectAll()
    .where('foster_home_id', 'in', homeIds)
    .orderBy('decided_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const decisions = rows.map(toHomeDecision);
  await auditNamedChildReads(session, decisions);
  return decisions;
}

/** An approval for one named child carries that child's name and personnummer: reading it is audited. */
export async function auditNamedChildReads(session: Session, decisions: readonly HomeDecision[]): Promise<void> {
  await recordAudit(
    session,
    decisions
      .filter((decision) => decision.conditions?.namedChild)
      .map((decision) => ({ action: 'read' as const, entityType: 'HomeDecision', entityId: decision.id, purpose: 'beslut: villkor för namngivet barn' })),
  );
}

/** The approval in force on `day` for each home that has one. */
export async function loadCurrentApprovals(session: Session, homeIds: readonly string[], day: IsoDate): Promise<Map<string, HomeDecision>> {
  const byHome = new Map<string, HomeDecision[]>();
  for (const decision of await loadDecisionsByHome(session, homeIds)) {
    byHome.set(decision.fosterHomeId, [...(byHome.get(decision.fosterHomeId) ?? []), decision]);
  }
  const current = new Map<string, HomeDecision>();
  for (const [homeId, decisions] of byHome) {
    const approval = currentApproval(decisions, day);
    if (approval) current.set(homeId, approval);
  }
  return current;
}

export interface ApprovalRenewal {
  readonly fosterHomeId: string;
  /** The approval in force that runs out. */
  readonly approval: HomeDecision;
  readonly daysLeft: number;
  /** The re-assessment under way, once one has been started. */
  readonly reassessmentId: string | null;
}

const renewalWindow = z.object({
  withinDays: z
    .number({ error: 'Ange antal dagar.' })
    .int({ error: 'Antal dagar ska vara ett heltal.' })
    .min(1, { error: 'Ange minst en dag.' })
    .max(730, { error: 'Ange högst 730 dagar.' }),
});

/**
 * The unit's homes whose approval in force on `day` runs out within `withinDays` days, soonest
 * first, each with the re-assessment already under way if there is one.
 */
export async function listApprovalsDueForRenewal(session: Session, options: { withinDays?: number; day: IsoDate }): Promise<ApprovalRenewal[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  const { withinDays } = parseInput(renewalWindow, { withinDays: options.withinDays ?? 90 });
  const rows = await session.db
    .selectFrom('home_decisions as d')
    .innerJoin('foster_homes as h', 'h.id', 'd.foster_home_id')
    .selectAll('d')
    .distinctOn('d.foster_home_id')
    .where('h.owner_org_id', '=', session.actor.organisationId)
    .where('h.status', '!=', 'closed')
    .where('d.decided_on', '<=', options.day)
    .orderBy('d.foster_home_id')
    .orderBy('d.decided_on', 'desc')
    .orderBy('d.created_at', 'desc')
    .execute();
  const until = addDays(options.day, withinDays);
  const due = rows
    .map(toHomeDecision)
    .filter((latest) => currentApproval([latest], options.day) !== null && latest.validUntil! <= until)
    .sort((a, b) => a.validUntil!.localeCompare(b.validUntil!) || a.fosterHomeId.localeCompare(b.fosterHomeId));
  await auditNamedChildReads(session, due);
  const reassessments =
    due.length === 0
      ? []
      : await session.db
          .selectFrom('home_assessments as a')
          .innerJoin('recruitments as r', 'r.id', 'a.recruitment_id')
          .select(['a.id', 'a.foster_home_id'])
          .where('a.foster_home_id', 'in', due.map((d) => d.fosterHomeId))
          .where('r.purpose', '=', 'reassessment')
          .where('r.left_on', 'is', null)
          .where('r.step', 'not in', ['approved', 'refused'])
          .execute();
  return due.map((approval) => ({
    fosterHomeId: approval.fosterHomeId,
    approval,
    daysLeft: daysBetween(options.day, approval.validUntil!),
    reassessmentId: reassessments.find((r) => r.foster_home_id === approval.fosterHomeId)?.id ?? null,
  }));
}
