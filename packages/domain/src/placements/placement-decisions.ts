import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, PlacementDecisionsTable } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import type { PlacementNeedKind } from '../matching/matching.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { loadOwnChildRow, requireCaseWorker } from './children-records.js';

/** SoL (voluntary), LVU 2 § (the home conditions) or LVU 3 § (the young person's own behaviour). */
export const LEGAL_BASES = ['sol', 'lvu_2', 'lvu_3'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
/** Jourplacering, stadigvarande (långsiktig) placering, uppväxtplacering. */
export const PLACEMENT_KINDS = ['emergency', 'long_term', 'upbringing'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
/** Nämnden, en delegat enligt delegationsordningen, or the chair deciding in the committee's place. */
export const PLACEMENT_DECISION_MAKERS = ['committee', 'delegate', 'chair'] as const;
export type PlacementDecisionMaker = (typeof PLACEMENT_DECISION_MAKERS)[number];

export const DEFAULT_INTERVENTION = 'Placering i familjehem';

/** The kind of home a decision's kind needs: an emergency decision an emergency home, the others a long-term one. */
export const NEED_FOR_PLACEMENT_KIND: Readonly<Record<PlacementKind, PlacementNeedKind>> = {
  emergency: 'emergency',
  long_term: 'long_term',
  upbringing: 'long_term',
};

/** Beslut om placering: what was decided, by whom, and what became of it. */
export interface PlacementDecision {
  readonly id: string;
  readonly childId: string;
  readonly needsAssessmentId: string | null;
  readonly legalBasis: LegalBasis;
  readonly kind: PlacementKind;
  readonly intervention: string;
  readonly decidedOn: IsoDate;
  readonly decisionMakerKind: PlacementDecisionMaker;
  readonly decisionMakerName: string;
  /** Gynnande: the decision grants the person something (a placement), so the three-month rule applies. */
  readonly favourable: boolean;
  readonly childImpactAssessment: string | null;
  readonly interruptedOn: IsoDate | null;
  readonly cancelledOn: IsoDate | null;
  readonly cancellationReason: string | null;
  readonly recordedById: string;
  readonly version: number;
}

export function toPlacementDecision(row: Selectable<PlacementDecisionsTable>): PlacementDecision {
  return {
    id: row.id,
    childId: row.child_id,
    needsAssessmentId: row.needs_assessment_id,
    legalBasis: row.legal_basis as LegalBasis,
    kind: row.kind as PlacementKind,
    intervention: row.intervention,
    decidedOn: row.decided_on,
    decisionMakerKind: row.decision_maker_kind as PlacementDecisionMaker,
    decisionMakerName: row.decision_maker_name,
    favourable: row.favourable,
    childImpactAssessment: row.child_impact_assessment,
    interruptedOn: row.interrupted_on,
    cancelledOn: row.cancelled_on,
    cancellationReason: row.cancellation_reason,
    recordedById: row.recorded_by,
    version: row.version,
  };
}

/**
 * Why a placement under this decision cannot start on the day, or null when it can: an avslag
 * grants nothing to carry out, a cancelled decision is void, and a placement follows its decision.
 */
export function decisionRefusal(decision: PlacementDecision, startsOn: IsoDate): RuleViolationError | null {
  if (!decision.favourable) return new RuleViolationError('PLACEMENT_DECISION_NOT_FAVOURABLE', 'Beslutet är ett avslag och kan inte verkställas med en placering.');
  if (decision.cancelledOn && decision.cancelledOn <= startsOn) {
    return new RuleViolationError('PLACEMENT_DECISION_CANCELLED', `Beslutet upphävdes ${decision.cancelledOn} och kan inte verkställas.`);
  }
  if (startsOn < decision.decidedOn) {
    return new RuleViolationError('PLACEMENT_BEFORE_DECISION', `Placeringen kan inte börja före beslutet (${decision.decidedOn}).`);
  }
  return null;
}

function auditReads(session: Session, rows: ReadonlyArray<{ id: string; child_id: string }>): Promise<void> {
  return recordAudit(session, rows.map((row) => ({ action: 'read' as const, entityType: 'PlacementDecision', entityId: row.id, personId: row.child_id, purpose: 'barnets akt' })));
}

/** The children's decisions, newest first: the placing municipality's alone (RLS). */
export async function loadPlacementDecisionsByChild(session: Session, childIds: readonly string[]): Promise<PlacementDecision[]> {
  requireCaseWorker(session.actor);
  if (childIds.length === 0) return [];
  const rows = await session.db.selectFrom('placement_decisions').selectAll().where('child_id', 'in', childIds).orderBy('decided_on', 'desc').orderBy('created_at', 'desc').execute();
  await auditReads(session, rows);
  return rows.map(toPlacementDecision);
}

export async function loadPlacementDecisions(session: Session, ids: readonly string[]): Promise<PlacementDecision[]> {
  requireCaseWorker(session.actor);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('placement_decisions').selectAll().where('id', 'in', ids).execute();
  await auditReads(session, rows);
  return rows.map(toPlacementDecision);
}

/** One decision of the actor's municipality, for a change to it. */
export async function loadOwnDecision(session: Session, id: string): Promise<PlacementDecision> {
  const row = await session.db.selectFrom('placement_decisions').selectAll().where('id', '=', id).where('owner_org_id', '=', session.actor.organisationId).executeTakeFirst();
  if (!row) throw new NotFoundError('Beslutet');
  return toPlacementDecision(row);
}

const notInFuture = (label: string) => isoDate.refine((day) => day <= todayInSweden(), { error: `${label} kan inte vara i framtiden.` });

const recordInput = z.object({
  childId: z.string().uuid({ error: 'Barnet finns inte.' }),
  needsAssessmentId: z.string().uuid({ error: 'Utredningen finns inte.' }).nullish(),
  legalBasis: z.enum(LEGAL_BASES, { error: 'Välj SoL, LVU 2 § eller LVU 3 §.' }),
  kind: z.enum(PLACEMENT_KINDS, { error: 'Välj jourplacering, långsiktig placering eller uppväxtplacering.' }),
  intervention: requiredText('Insatsen', 200).default(DEFAULT_INTERVENTION),
  decidedOn: notInFuture('Beslutsdatum'),
  decisionMakerKind: z.enum(PLACEMENT_DECISION_MAKERS, { error: 'Välj nämnd, delegat eller ordförande.' }),
  decisionMakerName: requiredText('Beslutsfattaren', 200),
  favourable: z.boolean({ error: 'Ange om beslutet är gynnande.' }),
  childImpactAssessment: z.string().trim().max(8000, { error: 'Barnkonsekvensanalysen får vara högst 8000 tecken.' }).nullish(),
});
export type RecordPlacementDecisionInput = z.input<typeof recordInput>;

/** Records a decision on a child's placement, linked to the utredning it rests on. */
export async function recordPlacementDecision(session: Session, rawInput: RecordPlacementDecisionInput): Promise<PlacementDecision> {
  requireCaseWorker(session.actor);
  const input = parseInput(recordInput, rawInput);
  const child = await loadOwnChildRow(session, input.childId);
  if (input.decidedOn < child.birth_date) throw new ValidationError([{ path: 'decidedOn', message: 'Beslutet kan inte vara fattat före barnets födelse.' }]);
  if (input.needsAssessmentId) {
    const assessment = await session.db.selectFrom('needs_assessments').select('child_id').where('id', '=', input.needsAssessmentId).executeTakeFirst();
    if (assessment?.child_id !== input.childId) throw new ValidationError([{ path: 'needsAssessmentId', message: 'Välj en utredning av det här barnets behov.' }]);
  }
  const row = await session.db
    .insertInto('placement_decisions')
    .values({
      owner_org_id: session.actor.organisationId,
      child_id: input.childId,
      needs_assessment_id: input.needsAssessmentId ?? null,
      legal_basis: input.legalBasis,
      kind: input.kind,
      intervention: input.intervention,
      decided_on: input.decidedOn,
      decision_maker_kind: input.decisionMakerKind,
      decision_maker_name: input.decisionMakerName,
      favourable: input.favourable,
      child_impact_assessment: input.childImpactAssessment || null,
      recorded_by: session.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'PlacementDecision', entityId: row.id, personId: input.childId }]);
  return toPlacementDecision(row);
}

/** The placements carrying out a decision, as the interruption and cancellation rules need them. */
async function placementsUnder(session: Session, decisionId: string): Promise<Array<{ starts_on: IsoDate; ended_on: IsoDate | null }>> {
  return session.db.selectFrom('placements').select(['starts_on', 'ended_on']).where('decision_id', '=', decisionId).execute();
}

const ongoingOn = (day: IsoDate) => (p: { starts_on: IsoDate; ended_on: IsoDate | null }) => p.starts_on <= day && (p.ended_on === null || p.ended_on > day);

async function saveDecisionChange(
  session: Session,
  decision: PlacementDecision,
  expectedVersion: number,
  changes: { interrupted_on: IsoDate } | { cancelled_on: IsoDate; cancellation_reason: string },
): Promise<PlacementDecision> {
  const updated = await session.db
    .updateTable('placement_decisions')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', decision.id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Beslutet', decision.version);
  await recordAudit(session, [{ action: 'update', entityType: 'PlacementDecision', entityId: decision.id, personId: decision.childId, purpose: Object.keys(changes).join(',') }]);
  return toPlacementDecision(updated);
}

const interruptInput = z.object({
  id: z.string().uuid({ error: 'Beslutet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  interruptedOn: notInFuture('Datum för avbrottet'),
});
export type InterruptPlacementDecisionInput = z.input<typeof interruptInput>;

/**
 * Avbrott i verkställigheten: the decision had been carried out and the child is no longer placed
 * under it. Interrupted for three months, it is reported to IVO like one never carried out.
 */
export async function interruptPlacementDecision(session: Session, rawInput: InterruptPlacementDecisionInput): Promise<PlacementDecision> {
  requireCaseWorker(session.actor);
  const input = parseInput(interruptInput, rawInput);
  const decision = await loadOwnDecision(session, input.id);
  if (input.interruptedOn < decision.decidedOn) throw new ValidationError([{ path: 'interruptedOn', message: `Avbrottet kan inte ske före beslutet (${decision.decidedOn}).` }]);
  if (decision.cancelledOn) throw new RuleViolationError('DECISION_CANCELLED', `Beslutet upphävdes ${decision.cancelledOn}.`);
  const placements = await placementsUnder(session, decision.id);
  if (!placements.some((p) => p.starts_on <= input.interruptedOn)) {
    throw new RuleViolationError('DECISION_NOT_EXECUTED', 'Beslutet har inte verkställts, så verkställigheten kan inte avbrytas. Ett beslut som väntar på verkställighet rapporteras ändå efter tre månader.');
  }
  if (placements.some(ongoingOn(input.interruptedOn))) {
    throw new RuleViolationError('DECISION_PLACEMENT_ONGOING', 'Barnet är placerat enligt beslutet den dagen. Avsluta placeringen först.');
  }
  return saveDecisionChange(session, decision, input.expectedVersion, { interrupted_on: input.interruptedOn });
}

const cancelInput = z.object({
  id: z.string().uuid({ error: 'Beslutet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  cancelledOn: notInFuture('Datum för upphävandet'),
  reason: requiredText('Skälet', 500),
});
export type CancelPlacementDecisionInput = z.input<typeof cancelInput>;

/** Upphävande: the decision no longer holds (care ended, the family moved); no placement may run on under it. */
export async function cancelPlacementDecision(session: Session, rawInput: CancelPlacementDecisionInput): Promise<PlacementDecision> {
  requireCaseWorker(session.actor);
  const input = parseInput(cancelInput, rawInput);
  const decision = await loadOwnDecision(session, input.id);
  if (decision.cancelledOn) throw new RuleViolationError('DECISION_CANCELLED', `Beslutet upphävdes redan ${decision.cancelledOn}.`);
  if (input.cancelledOn < decision.decidedOn) throw new ValidationError([{ path: 'cancelledOn', message: `Beslutet kan inte upphävas före beslutsdagen (${decision.decidedOn}).` }]);
  const placements = await placementsUnder(session, decision.id);
  if (placements.some((p) => p.ended_on === null || p.ended_on > input.cancelledOn)) {
    throw new RuleViolationError('DECISION_PLACEMENT_ONGOING', 'Barnet är placerat enligt beslutet efter den dagen. Avsluta placeringen först.');
  }
  return saveDecisionChange(session, decision, input.expectedVersion, { cancelled_on: input.cancelledOn, cancellation_reason: input.reason });
}
