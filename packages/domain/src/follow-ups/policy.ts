import type { Selectable } from 'kysely';
import { z } from 'zod';
import { requireRole, type Actor, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { FollowUpPoliciesTable, IsoDate } from '../db/tables.js';
import { ForbiddenError, RuleViolationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';

/**
 * The kinds of statutory follow-up of a placed child: the social worker's visit with a talk alone
 * with the child, the six-monthly övervägande (SoL, LVU 2 §) or omprövning (LVU 3 §), the
 * consideration of custody transfer (vårdnadsöverflyttning) and the revision of the care plan.
 */
export const FOLLOW_UP_KINDS = ['visit', 'review', 'reexamination', 'custody_transfer_consideration', 'care_plan_revision'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

/** Swedish names of the kinds, as errors and the web app say them. */
export const FOLLOW_UP_KIND_TITLES: Record<FollowUpKind, string> = {
  visit: 'besök hos barnet',
  review: 'övervägande',
  reexamination: 'omprövning',
  custody_transfer_consideration: 'övervägande av vårdnadsöverflyttning',
  care_plan_revision: 'revidering av vårdplanen',
};

/**
 * A municipality's follow-up policy from a day on: intervals in months and the legal reference of
 * each kind. Dated data, never constants: the law (SoL 2001:453 gave way to Socialtjänstlag
 * 2025:400 on 1 July 2025) and each municipality's own visit interval change over time.
 */
export interface FollowUpPolicy {
  readonly id: string;
  readonly ownerId: string;
  readonly validFrom: IsoDate;
  readonly visitIntervalMonths: number;
  readonly reviewIntervalMonths: number;
  readonly reexaminationIntervalMonths: number;
  /** Months in the same home before custody transfer is first considered. */
  readonly custodyTransferAfterMonths: number;
  /** Months between the considerations after the first. */
  readonly custodyTransferIntervalMonths: number;
  /** Months from the care plan (or its last revision) to the next revision. */
  readonly carePlanRevisionMonths: number;
  readonly references: Readonly<Record<FollowUpKind, string>>;
}

export function toFollowUpPolicy(row: Selectable<FollowUpPoliciesTable>): FollowUpPolicy {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    validFrom: row.valid_from,
    visitIntervalMonths: row.visit_interval_months,
    reviewIntervalMonths: row.review_interval_months,
    reexaminationIntervalMonths: row.reexamination_interval_months,
    custodyTransferAfterMonths: row.custody_transfer_after_months,
    custodyTransferIntervalMonths: row.custody_transfer_interval_months,
    carePlanRevisionMonths: row.care_plan_revision_months,
    references: {
      visit: row.visit_reference,
      review: row.review_reference,
      reexamination: row.reexamination_reference,
      custody_transfer_consideration: row.custody_transfer_reference,
      care_plan_revision: row.care_plan_revision_reference,
    },
  };
}

/** The policies oldest first, for looking up the one in force many times (see `inForceOn`). */
export function policyTimeline(policies: readonly FollowUpPolicy[]): FollowUpPolicy[] {
  if (policies.length === 0) throw new RuleViolationError('FOLLOW_UP_POLICY_MISSING', 'Kommunen har ingen uppföljningspolicy; en administratör eller enhetschef behöver lägga in den.');
  return [...policies].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/**
 * The policy in force on a day, in a timeline oldest first: the latest one dated on or before it.
 * Care that began before the municipality's first recorded policy follows that first policy.
 */
export function inForceOn(timeline: readonly FollowUpPolicy[], day: IsoDate): FollowUpPolicy {
  for (let index = timeline.length - 1; index > 0; index -= 1) {
    if (timeline[index]!.validFrom <= day) return timeline[index]!;
  }
  return timeline[0]!;
}

/** The policy in force on a day, among policies in any order. */
export function policyInForce(policies: readonly FollowUpPolicy[], day: IsoDate): FollowUpPolicy {
  return inForceOn(policyTimeline(policies), day);
}

/** The municipality's social workers and heads follow the policy; its heads and administrators keep it. */
export const FOLLOW_UP_POLICY_READERS = ['child_social_worker', 'head_of_unit', 'administrator'] as const;
const POLICY_KEEPERS = ['head_of_unit', 'administrator'] as const;

/** The follow-up of a placed child belongs to the placing municipality, never to the joint unit. */
export function requireMunicipality(actor: Actor): void {
  if (actor.organisationKind !== 'municipality') {
    throw new ForbiddenError('Uppföljningen av ett placerat barn görs av den placerande kommunen.');
  }
}

/** The acting municipality's policies, oldest first (RLS limits them to the owner). */
export async function loadFollowUpPolicies(session: Session): Promise<FollowUpPolicy[]> {
  requireRole(session.actor, ...FOLLOW_UP_POLICY_READERS);
  requireMunicipality(session.actor);
  const rows = await session.db
    .selectFrom('follow_up_policies')
    .selectAll()
    .where('owner_org_id', '=', session.actor.organisationId)
    .orderBy('valid_from')
    .execute();
  return rows.map(toFollowUpPolicy);
}

/** The acting municipality's policy in force on a day. */
export async function followUpPolicyOn(session: Session, day: IsoDate): Promise<FollowUpPolicy> {
  return policyInForce(await loadFollowUpPolicies(session), day);
}

const months = (label: string, max: number) =>
  z
    .number({ error: `${label} måste anges i månader.` })
    .int({ error: `${label} ska vara ett helt antal månader.` })
    .min(1, { error: `${label} ska vara minst en månad.` })
    .max(max, { error: `${label} får vara högst ${max} månader.` });

const newPolicyInput = z.object({
  validFrom: isoDate,
  visitIntervalMonths: months('Intervallet för besök', 12),
  reviewIntervalMonths: months('Intervallet för överväganden', 12),
  reexaminationIntervalMonths: months('Intervallet för omprövningar', 12),
  custodyTransferAfterMonths: months('Tiden till första övervägandet av vårdnadsöverflyttning', 120),
  custodyTransferIntervalMonths: months('Intervallet för överväganden av vårdnadsöverflyttning', 60),
  carePlanRevisionMonths: months('Tiden till revidering av vårdplanen', 60),
  visitReference: requiredText('Lagrummet för besök', 300),
  reviewReference: requiredText('Lagrummet för överväganden', 300),
  reexaminationReference: requiredText('Lagrummet för omprövningar', 300),
  custodyTransferReference: requiredText('Lagrummet för vårdnadsöverflyttning', 300),
  carePlanRevisionReference: requiredText('Lagrummet för vårdplanen', 300),
});
export type NewFollowUpPolicyInput = z.input<typeof newPolicyInput>;

/**
 * Adds a dated policy for the acting municipality. Policies are never overwritten: a new one
 * applies from its day on, and it may not start in the past (that would rewrite due dates already
 * passed) unless it is the municipality's first.
 */
export async function addFollowUpPolicy(session: Session, rawInput: NewFollowUpPolicyInput): Promise<FollowUpPolicy> {
  requireRole(session.actor, ...POLICY_KEEPERS);
  requireMunicipality(session.actor);
  const input = parseInput(newPolicyInput, rawInput);
  const existing = await session.db
    .selectFrom('follow_up_policies')
    .select('valid_from')
    .where('owner_org_id', '=', session.actor.organisationId)
    .execute();
  if (existing.some((row) => row.valid_from === input.validFrom)) {
    throw new RuleViolationError('FOLLOW_UP_POLICY_EXISTS', `Det finns redan en policy som gäller från ${input.validFrom}; en policy ändras genom en ny med ett senare datum.`);
  }
  const today = todayInSweden();
  if (existing.length > 0 && input.validFrom < today) {
    throw new RuleViolationError('FOLLOW_UP_POLICY_BACKDATED', `En ny policy kan gälla från i dag (${today}) eller senare, inte från ${input.validFrom}: redan passerade förfallodagar ändras inte.`);
  }
  const row = await session.db
    .insertInto('follow_up_policies')
    .values({
      owner_org_id: session.actor.organisationId,
      valid_from: input.validFrom,
      visit_interval_months: input.visitIntervalMonths,
      review_interval_months: input.reviewIntervalMonths,
      reexamination_interval_months: input.reexaminationIntervalMonths,
      custody_transfer_after_months: input.custodyTransferAfterMonths,
      custody_transfer_interval_months: input.custodyTransferIntervalMonths,
      care_plan_revision_months: input.carePlanRevisionMonths,
      visit_reference: input.visitReference,
      review_reference: input.reviewReference,
      reexamination_reference: input.reexaminationReference,
      custody_transfer_reference: input.custodyTransferReference,
      care_plan_revision_reference: input.carePlanRevisionReference,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'FollowUpPolicy', entityId: row.id }]);
  return toFollowUpPolicy(row);
}
