import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { NotFoundError } from '../errors.js';
import { parseInput, requiredText } from '../shared/validation.js';
import { assertDeIdentified } from './de-identification.js';
import { applyDeviationCommand, DEVIATION_CATEGORIES, type DeviationCategory, type DeviationLevel, type DeviationStatus } from './deviation-workflow.js';
import { applyDisputeCommand, type DisputeLevel, type DisputeStatus, type DisputeSubject } from './dispute-workflow.js';
import { DISPUTE_TEXT_RULE } from './disputes.js';
import { actionDay, actionDayInput, idInput } from './input.js';

/**
 * The steering group's view (Samverkansstruktur målgrupp barn och unga): the deviations escalated
 * above the local level and the disputes escalated to the county, read only through the definer
 * functions steering_group_deviations() and steering_group_disputes(). They carry no person, no
 * meeting, no description: category, place, level, status, dates, the cleared summary and the
 * decisions taken above the local level; for disputes the question, positions and outcome.
 */
export const STEERING_GROUP_ROLES = ['steering_group_member'] as const;

export interface SteeringGroupDecision {
  readonly level: DeviationLevel;
  readonly decidedOn: IsoDate;
  readonly decision: string | null;
}

export interface SteeringGroupDeviation {
  readonly id: string;
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly category: DeviationCategory;
  readonly level: DeviationLevel;
  readonly status: DeviationStatus;
  readonly occurredOn: IsoDate;
  readonly reportedOn: IsoDate;
  readonly closedOn: IsoDate | null;
  readonly clearedSummary: string | null;
  readonly decisions: readonly SteeringGroupDecision[];
}

/** How many escalated deviations a county part has in a category (one cell of the drill-down). */
export interface SteeringGroupDeviationCell {
  readonly countyPart: string | null;
  readonly category: DeviationCategory;
  readonly count: number;
}

export interface SteeringGroupDeviationOverview {
  /** The county's parts, in name order, whether or not they have escalated deviations. */
  readonly countyParts: readonly (string | null)[];
  /** Every county part × category, counted over all escalated deviations (the filter does not apply). */
  readonly cells: readonly SteeringGroupDeviationCell[];
  readonly total: number;
  /** The escalated deviations the filter selects, newest first. */
  readonly deviations: readonly SteeringGroupDeviation[];
}

export interface SteeringGroupDeviationFilter {
  readonly countyPart?: string | null;
  readonly category?: DeviationCategory | null;
}

interface SteeringDeviationRow {
  id: string;
  municipality_id: string;
  county_part: string | null;
  category: string;
  level: string;
  status: string;
  occurred_on: IsoDate;
  reported_on: IsoDate;
  closed_on: IsoDate | null;
  cleared_summary: string | null;
  decisions: Array<{ level: string; decidedOn: IsoDate; decision: string | null }>;
}

function toSteeringDeviation(row: SteeringDeviationRow): SteeringGroupDeviation {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    countyPart: row.county_part,
    category: row.category as DeviationCategory,
    level: row.level as DeviationLevel,
    status: row.status as DeviationStatus,
    occurredOn: row.occurred_on,
    reportedOn: row.reported_on,
    closedOn: row.closed_on,
    clearedSummary: row.cleared_summary,
    decisions: row.decisions.map((d) => ({ level: d.level as DeviationLevel, decidedOn: d.decidedOn, decision: d.decision })),
  };
}

async function steeringDeviations(session: Session, id?: string): Promise<SteeringGroupDeviation[]> {
  const { rows } = await sql<SteeringDeviationRow>`
    select * from steering_group_deviations() d
    where ${id === undefined ? sql`true` : sql`d.id = ${id}`}
    order by d.reported_on desc, d.occurred_on desc, d.id`.execute(session.db);
  return rows.map(toSteeringDeviation);
}

/** Counts per county part × category, every combination present (zeros too), county parts in the given order. */
export function countByCountyPartAndCategory(
  countyParts: readonly (string | null)[],
  deviations: ReadonlyArray<Pick<SteeringGroupDeviation, 'countyPart' | 'category'>>,
): SteeringGroupDeviationCell[] {
  const parts = [...countyParts, ...deviations.map((d) => d.countyPart).filter((part) => !countyParts.includes(part))];
  return [...new Set(parts)].flatMap((countyPart) =>
    DEVIATION_CATEGORIES.map((category) => ({
      countyPart,
      category,
      count: deviations.filter((d) => d.countyPart === countyPart && d.category === category).length,
    })),
  );
}

/**
 * The steering group's list of escalated deviations with the drill-down: counts per county part
 * and category over all of them, and the list narrowed to a county part and/or a category. Each
 * deviation is shown on its own, so the counts add nothing a small-cell rule could hide.
 */
export async function listSteeringGroupDeviations(session: Session, filter: SteeringGroupDeviationFilter = {}): Promise<SteeringGroupDeviationOverview> {
  requireRole(session.actor, ...STEERING_GROUP_ROLES);
  const all = await steeringDeviations(session);
  const parts = await sql<{ county_part: string | null }>`
    select distinct o.county_part from organisations o
    where o.kind = 'municipality' and o.county = norrbus_steering_county()`.execute(session.db);
  // Swedish order (Östra Norrbotten last) whatever the database's collation.
  const countyParts = parts.rows.map((row) => row.county_part).sort((a, b) => (a ?? '').localeCompare(b ?? '', 'sv'));
  return {
    countyParts,
    cells: countByCountyPartAndCategory(countyParts, all),
    total: all.length,
    deviations: all.filter(
      (d) => (filter.countyPart == null || d.countyPart === filter.countyPart) && (filter.category == null || d.category === filter.category),
    ),
  };
}

export interface SteeringGroupDisputePosition {
  readonly organisationId: string;
  readonly position: string | null;
  readonly statedOn: IsoDate | null;
}

export interface SteeringGroupDispute {
  readonly id: string;
  readonly municipalityId: string;
  readonly countyPart: string | null;
  readonly subject: DisputeSubject;
  readonly intervention: string;
  readonly question: string;
  readonly level: DisputeLevel;
  readonly status: DisputeStatus;
  readonly raisedOn: IsoDate;
  readonly resolvedOn: IsoDate | null;
  readonly outcome: string | null;
  readonly positions: readonly SteeringGroupDisputePosition[];
}

interface SteeringDisputeRow {
  id: string;
  municipality_id: string;
  county_part: string | null;
  subject: string;
  intervention: string;
  question: string;
  level: string;
  status: string;
  raised_on: IsoDate;
  resolved_on: IsoDate | null;
  outcome: string | null;
  positions: Array<{ organisationId: string; position: string | null; statedOn: IsoDate | null }>;
}

async function steeringDisputes(session: Session, id?: string): Promise<SteeringGroupDispute[]> {
  const { rows } = await sql<SteeringDisputeRow>`
    select * from steering_group_disputes() d
    where ${id === undefined ? sql`true` : sql`d.id = ${id}`}
    order by d.status, d.raised_on desc, d.id`.execute(session.db);
  return rows.map((row) => ({
    id: row.id,
    municipalityId: row.municipality_id,
    countyPart: row.county_part,
    subject: row.subject as DisputeSubject,
    intervention: row.intervention,
    question: row.question,
    level: row.level as DisputeLevel,
    status: row.status as DisputeStatus,
    raisedOn: row.raised_on,
    resolvedOn: row.resolved_on,
    outcome: row.outcome,
    positions: row.positions,
  }));
}

/** The disputes escalated to the county, open ones first. */
export async function listSteeringGroupDisputes(session: Session): Promise<SteeringGroupDispute[]> {
  requireRole(session.actor, ...STEERING_GROUP_ROLES);
  return steeringDisputes(session);
}

const countyDecisionInput = z.object({
  deviationId: idInput('Avvikelsen finns inte.'),
  decision: requiredText('Beslutet', 4000),
  occurredOn: actionDayInput,
});
export type DecideDeviationActionAtCountyInput = z.input<typeof countyDecisionInput>;

/** The steering group records its decision on actions for a deviation escalated to the county. */
export async function decideDeviationActionAtCounty(session: Session, rawInput: DecideDeviationActionAtCountyInput): Promise<SteeringGroupDeviation> {
  requireRole(session.actor, ...STEERING_GROUP_ROLES);
  const input = parseInput(countyDecisionInput, rawInput);
  const [deviation] = await steeringDeviations(session, input.deviationId);
  if (!deviation) throw new NotFoundError('Avvikelsen');
  const on = actionDay(input.occurredOn, deviation.reportedOn, 'avvikelsen rapporterades');
  // Escalation needs the analysis, so an escalated deviation has no party left to analyse.
  applyDeviationCommand(
    { status: deviation.status, level: deviation.level, cleared: deviation.clearedSummary !== null, unanalysedParties: deviation.status === 'reported' ? 1 : 0 },
    { type: 'decide', by: 'steering_group' },
  );
  assertDeIdentified(input.decision, [], 'DEVIATION_DECISION_IDENTIFIES');
  await sql`select steering_group_decide_deviation(${deviation.id}, ${on}::date, ${input.decision})`.execute(session.db);
  await recordAudit(session, [{ action: 'update', entityType: 'Deviation', entityId: deviation.id, purpose: 'styrgruppens beslut om åtgärd' }]);
  return (await steeringDeviations(session, deviation.id))[0]!;
}

const countyOutcomeInput = z.object({
  disputeId: idInput('Oenigheten finns inte.'),
  outcome: requiredText('Utfallet', 4000),
  occurredOn: actionDayInput,
});
export type ResolveDisputeAtCountyInput = z.input<typeof countyOutcomeInput>;

/** The steering group records the outcome of a dispute escalated to the county. */
export async function resolveDisputeAtCounty(session: Session, rawInput: ResolveDisputeAtCountyInput): Promise<SteeringGroupDispute> {
  requireRole(session.actor, ...STEERING_GROUP_ROLES);
  const input = parseInput(countyOutcomeInput, rawInput);
  const [dispute] = await steeringDisputes(session, input.disputeId);
  if (!dispute) throw new NotFoundError('Oenigheten');
  const on = actionDay(input.occurredOn, dispute.raisedOn, 'oenigheten togs upp');
  applyDisputeCommand({ level: dispute.level, status: dispute.status, positionsMissing: 0 }, { type: 'resolve', by: 'steering_group' });
  assertDeIdentified(input.outcome, [], DISPUTE_TEXT_RULE);
  await sql`select steering_group_resolve_dispute(${dispute.id}, ${on}::date, ${input.outcome})`.execute(session.db);
  await recordAudit(session, [{ action: 'update', entityType: 'Dispute', entityId: dispute.id, purpose: 'styrgruppens avgörande av oenighet' }]);
  return (await steeringDisputes(session, dispute.id))[0]!;
}
