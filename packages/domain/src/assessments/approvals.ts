import type { Selectable } from 'kysely';
import { requireRole, type Session } from '../access/actor.js';
import type { HomeDecisionsTable, IsoDate } from '../db/tables.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';

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
  return rows.map(toHomeDecision);
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
