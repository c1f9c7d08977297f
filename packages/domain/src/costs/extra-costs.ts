import { sql } from 'kysely';
import { z } from 'zod';
import { hasRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError, VersionConflictError } from '../errors.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import { requireCaseWorker } from '../placements/children-records.js';
import { PLACEMENT_READERS, toPlacement, type Placement } from '../placements/placements.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import type { Ore } from './daily-cost.js';

/**
 * Extra and one-off costs on a placement (e.g. furniture when it starts, travel to contact with the
 * parents), paid by the placing municipality on top of the daily cost; a negative amount is a
 * credit. And the treatment assignment (behandlingsuppdrag) that adds the treatment supplement.
 */
export interface PlacementExtraCost {
  readonly id: string;
  readonly placementId: string;
  readonly incurredOn: IsoDate;
  readonly amount: Ore;
  readonly description: string;
  readonly createdAt: Date;
}

/**
 * An extra cost belongs to the stay: from the start day to the end day, both inclusive (the cost of
 * the move falls on the end day, which the daily cost no longer pays).
 */
export function extraCostRefusal(placement: Pick<Placement, 'startsOn' | 'endedOn'>, incurredOn: IsoDate): RuleViolationError | null {
  if (incurredOn >= placement.startsOn && (placement.endedOn === null || incurredOn <= placement.endedOn)) return null;
  const stay = placement.endedOn === null ? `från ${placement.startsOn}` : `${placement.startsOn} – ${placement.endedOn}`;
  return new RuleViolationError('EXTRA_COST_OUTSIDE_PLACEMENT', `Kostnaden är daterad ${incurredOn}, utanför placeringen (${stay}). Ange ett datum under placeringen.`);
}

/** A consultant-supported home's contracted daily price already includes any treatment. */
export function treatmentAssignmentRefusal(homeKind: FosterHomeKind, treatmentAssignment: boolean): RuleViolationError | null {
  if (homeKind !== 'consultant_supported' || !treatmentAssignment) return null;
  return new RuleViolationError(
    'TREATMENT_IN_CONSULTANT_HOME',
    'Ett konsulentstött familjehem kan inte få behandlingsuppdrag här: behandlingen ingår i konsulentverksamhetens avtalade dygnspris.',
  );
}

const MAX_EXTRA_COST = 10_000_000 * 100;

const extraCostInput = z.object({
  placementId: z.string({ error: 'Placeringen finns inte.' }).uuid({ error: 'Placeringen finns inte.' }),
  incurredOn: isoDate,
  amount: z
    .number({ error: 'Ange beloppet i öre.' })
    .int({ error: 'Beloppet ska anges i hela ören.' })
    .min(-MAX_EXTRA_COST, { error: 'Beloppet kan vara högst 10 miljoner kr.' })
    .max(MAX_EXTRA_COST, { error: 'Beloppet kan vara högst 10 miljoner kr.' })
    .refine((amount) => amount !== 0, { error: 'Beloppet kan inte vara 0 kr; en kreditering anges med minustecken.' }),
  description: requiredText('Vad kostnaden gäller', 500),
});
export type RecordExtraCostInput = z.input<typeof extraCostInput>;

const columns = ['id', 'placement_id', 'incurred_on', 'amount', 'description', 'created_at'] as const;

function toExtraCost(row: { id: string; placement_id: string; incurred_on: IsoDate; amount: number; description: string; created_at: Date }): PlacementExtraCost {
  return { id: row.id, placementId: row.placement_id, incurredOn: row.incurred_on, amount: row.amount, description: row.description, createdAt: row.created_at };
}

/** The actor's municipality's own placement, with its child and the kind of its home. */
async function loadOwnPlacementRow(session: Session, placementId: string) {
  const row = await session.db
    .selectFrom('placements as p')
    .innerJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .selectAll('p')
    .select('h.kind as home_kind')
    .where('p.id', '=', placementId)
    .where('p.owner_org_id', '=', session.actor.organisationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Placeringen');
  return row;
}

/** Records an extra cost on one of the municipality's placements, dated within the stay. */
export async function recordExtraCost(session: Session, rawInput: RecordExtraCostInput): Promise<PlacementExtraCost> {
  requireCaseWorker(session.actor);
  const input = parseInput(extraCostInput, rawInput);
  const placement = await loadOwnPlacementRow(session, input.placementId);
  const refusal = extraCostRefusal(toPlacement(placement), input.incurredOn);
  if (refusal) throw refusal;
  const row = await session.db
    .insertInto('placement_extra_costs')
    .values({
      owner_org_id: session.actor.organisationId,
      placement_id: placement.id,
      incurred_on: input.incurredOn,
      amount: input.amount,
      description: input.description,
      created_by: session.actor.userId,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'PlacementExtraCost', entityId: row.id, personId: placement.child_id, purpose: 'extra kostnad' }]);
  return toExtraCost(row);
}

/**
 * The extra costs of placements, by date, for a loader: only the placing municipality's case
 * workers see them (row-level security keeps them to the municipality). The read is audited per
 * placement, as a read of the child's placement.
 */
export async function loadExtraCosts(session: Session, placementIds: readonly string[]): Promise<PlacementExtraCost[]> {
  requireCaseWorker(session.actor);
  if (placementIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('placement_extra_costs as x')
    .innerJoin('placements as p', 'p.id', 'x.placement_id')
    .select(['x.id', 'x.placement_id', 'x.incurred_on', 'x.amount', 'x.description', 'x.created_at', 'p.child_id'])
    .where('x.placement_id', 'in', placementIds)
    .orderBy('x.incurred_on')
    .orderBy('x.created_at')
    .execute();
  const read = new Map(rows.map((row) => [row.placement_id, row.child_id]));
  await recordAudit(session, [...read].map(([placementId, childId]) => ({ action: 'read' as const, entityType: 'Placement', entityId: placementId, personId: childId, purpose: 'extra kostnader' })));
  return rows.map(toExtraCost);
}

/** Whether each placement has a treatment assignment (a kind 'treatment' home always has one). */
export async function loadTreatmentAssignments(session: Session, placementIds: readonly string[]): Promise<Map<string, boolean>> {
  if (!hasRole(session.actor, ...PLACEMENT_READERS)) throw new ForbiddenError();
  if (placementIds.length === 0) return new Map();
  const rows = await session.db
    .selectFrom('placements as p')
    .innerJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .select(['p.id', 'p.treatment_assignment', 'h.kind'])
    .where('p.id', 'in', placementIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.treatment_assignment || row.kind === 'treatment']));
}

const treatmentInput = z.object({
  placementId: z.string({ error: 'Placeringen finns inte.' }).uuid({ error: 'Placeringen finns inte.' }),
  treatmentAssignment: z.boolean({ error: 'Ange om placeringen har behandlingsuppdrag.' }),
  expectedVersion: z.number().int().positive(),
});
export type SetTreatmentAssignmentInput = z.input<typeof treatmentInput>;

/**
 * Gives a placement in an own or network home a treatment assignment (behandlingsuppdrag), or takes
 * it away; the treatment supplement is then paid for its days. Refused for consultant-supported homes.
 */
export async function setTreatmentAssignment(session: Session, rawInput: SetTreatmentAssignmentInput): Promise<Placement> {
  requireCaseWorker(session.actor);
  const input = parseInput(treatmentInput, rawInput);
  const placement = await loadOwnPlacementRow(session, input.placementId);
  const refusal = treatmentAssignmentRefusal(placement.home_kind as FosterHomeKind, input.treatmentAssignment);
  if (refusal) throw refusal;
  const updated = await session.db
    .updateTable('placements')
    .set({ treatment_assignment: input.treatmentAssignment, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', placement.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Placeringen', placement.version);
  await recordAudit(session, [
    { action: 'update', entityType: 'Placement', entityId: placement.id, personId: placement.child_id, purpose: `behandlingsuppdrag ${input.treatmentAssignment ? 'ja' : 'nej'}` },
  ]);
  return toPlacement(updated);
}
