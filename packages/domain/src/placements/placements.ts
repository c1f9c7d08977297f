import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { hasRole, type Session } from '../access/actor.js';
import { auditNamedChildReads, currentApproval, loadDecisionsByHome, toHomeDecision, type HomeDecision } from '../assessments/approvals.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, PlacementsTable } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { loadFosterHomes, type FosterHomeStatus } from '../homes/foster-homes.js';
import { conditionBreaches, type ApprovalCondition } from '../matching/matching.js';
import { ageOn, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { loadOwnChildRow, requireCaseWorker } from './children-records.js';
import { freePlacesOf, loadOccupiedPlaces } from './occupancy.js';
import { decisionRefusal, loadOwnDecision, NEED_FOR_PLACEMENT_KIND, type PlacementDecision } from './placement-decisions.js';

/** Who reads placements: the placing municipality's case workers and the staff of the unit whose home it is (RLS). */
export const PLACEMENT_READERS = ['child_social_worker', 'head_of_unit', 'foster_care_worker'] as const;

/** The end reason a move writes on the placement it ends. */
export const MOVE_END_REASON = 'Flytt till annat familjehem';

/**
 * Placering: a child in a home from a start day, carrying out a decision under the home's approval
 * in force that day, with the written agreement and the plans. A move ends one and starts the next.
 */
export interface Placement {
  readonly id: string;
  readonly childId: string;
  /** The placing municipality (placerande kommun). */
  readonly placingMunicipalityId: string;
  readonly fosterHomeId: string;
  readonly decisionId: string | null;
  /** The approval in force on the start day: who assessed and approved the home. */
  readonly approvalId: string | null;
  readonly startsOn: IsoDate;
  readonly plannedEndOn: IsoDate | null;
  readonly endedOn: IsoDate | null;
  readonly endReason: string | null;
  /** Familjehemsavtalet signed. */
  readonly agreementSignedOn: IsoDate | null;
  /** Vårdplanen established or last revised. */
  readonly carePlanOn: IsoDate | null;
  /** Genomförandeplanen established or last revised. */
  readonly implementationPlanOn: IsoDate | null;
  readonly version: number;
}

export function toPlacement(row: Selectable<PlacementsTable>): Placement {
  return {
    id: row.id,
    childId: row.child_id,
    placingMunicipalityId: row.owner_org_id,
    fosterHomeId: row.foster_home_id,
    decisionId: row.decision_id,
    approvalId: row.approval_id,
    startsOn: row.starts_on,
    plannedEndOn: row.planned_end_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    agreementSignedOn: row.agreement_signed_on,
    carePlanOn: row.care_plan_on,
    implementationPlanOn: row.implementation_plan_on,
    version: row.version,
  };
}

/** A placement occupies its place from the start day up to, not including, the end day. */
export function isOngoingOn(placement: Pick<Placement, 'startsOn' | 'endedOn'>, day: IsoDate): boolean {
  return placement.startsOn <= day && (placement.endedOn === null || placement.endedOn > day);
}

/**
 * Why a home has no approval in force on a day, or null when it has one: never approved (or not
 * yet), refused by the latest decision, or approved but run out. Each has its own rule code.
 */
export function approvalRefusal(homeName: string, decisions: readonly HomeDecision[], day: IsoDate): RuleViolationError | null {
  if (currentApproval(decisions, day)) return null;
  const taken = decisions.filter((d) => d.decidedOn <= day).sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
  const latest = taken[0];
  if (!latest) {
    const later = decisions.filter((d) => d.outcome === 'approved').map((d) => d.decidedOn).sort()[0];
    return new RuleViolationError(
      'PLACEMENT_HOME_NOT_APPROVED',
      later ? `${homeName} var inte godkänt som familjehem ${day}; godkännandet gäller från ${later}.` : `${homeName} har inget godkännande (beslut) och kan inte ta emot barn.`,
    );
  }
  if (latest.outcome === 'refused') {
    return new RuleViolationError('PLACEMENT_HOME_REFUSED', `${homeName} fick avslag ${latest.decidedOn} och har inget gällande godkännande.`);
  }
  return new RuleViolationError(
    'PLACEMENT_APPROVAL_EXPIRED',
    `Godkännandet av ${homeName} gällde till och med ${latest.validUntil}; hemmet måste utredas på nytt innan barn placeras där.`,
  );
}

const CONDITION_RULES: Readonly<Record<ApprovalCondition, string>> = {
  approval: 'PLACEMENT_HOME_NOT_APPROVED',
  status: 'PLACEMENT_HOME_NOT_ACTIVE',
  kind: 'PLACEMENT_HOME_KIND',
  named_child: 'PLACEMENT_NAMED_CHILD',
  age: 'PLACEMENT_CHILD_AGE',
  places: 'PLACEMENT_HOME_FULL',
};

/** What the placement rules weigh: the decision, the child on the start day, and the home. */
export interface PlacementFacts {
  readonly decision: PlacementDecision;
  readonly startsOn: IsoDate;
  readonly child: {
    readonly birthDate: IsoDate;
    readonly identityNumber: string;
    /** A placement of the child running on or after the start day, in the home named. */
    readonly overlapping: { readonly homeName: string; readonly startsOn: IsoDate } | null;
  };
  readonly home: {
    readonly name: string;
    readonly status: FosterHomeStatus;
    readonly decisions: readonly HomeDecision[];
    /** Places taken on the start day, by every municipality's children. */
    readonly occupiedPlaces: number;
  };
}

/**
 * Why this child cannot be placed in this home on this day, or null: the decision must be one to
 * carry out, the child not already placed, the home approved that day, and the child must fit the
 * approval's conditions (kind, named child, ages) and a free place, checked as matching checks them.
 */
export function placementRefusal(facts: PlacementFacts): RuleViolationError | null {
  const { decision, startsOn, child, home } = facts;
  const refused = decisionRefusal(decision, startsOn);
  if (refused) return refused;
  if (child.overlapping) {
    return new RuleViolationError(
      'PLACEMENT_CHILD_ALREADY_PLACED',
      `Barnet är placerat i ${child.overlapping.homeName} från ${child.overlapping.startsOn}. Flytta barnet till det nya hemmet eller avsluta den placeringen först.`,
    );
  }
  const unapproved = approvalRefusal(home.name, home.decisions, startsOn);
  if (unapproved) return unapproved;
  const approval = currentApproval(home.decisions, startsOn)!;
  const breaches = conditionBreaches(
    { ages: [ageOn(child.birthDate, startsOn)], kind: NEED_FOR_PLACEMENT_KIND[decision.kind], personalIdentityNumber: child.identityNumber },
    { approval: approval.conditions, status: home.status, freePlaces: freePlacesOf(approval.conditions!.places, home.occupiedPlaces) },
  );
  const [first] = breaches;
  if (!first) return null;
  return new RuleViolationError(CONDITION_RULES[first.condition], `${home.name} kan inte ta emot barnet ${startsOn}: ${breaches.map((b) => b.reason).join(' ')}`);
}

function requirePlacementReader(session: Session): void {
  if (!hasRole(session.actor, ...PLACEMENT_READERS)) throw new ForbiddenError();
}

function auditReads(session: Session, rows: ReadonlyArray<{ id: string; child_id: string }>): Promise<void> {
  return recordAudit(session, rows.map((row) => ({ action: 'read' as const, entityType: 'Placement', entityId: row.id, personId: row.child_id, purpose: 'placering' })));
}

async function loadPlacementsWhere(session: Session, column: 'id' | 'child_id' | 'foster_home_id', ids: readonly string[]): Promise<Placement[]> {
  requirePlacementReader(session);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('placements').selectAll().where(column, 'in', ids).orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
  await auditReads(session, rows);
  return rows.map(toPlacement);
}

/** Placements the actor may see (RLS): the placing municipality's, or those in the unit's own homes. */
export function loadPlacements(session: Session, ids: readonly string[]): Promise<Placement[]> {
  return loadPlacementsWhere(session, 'id', ids);
}

/** Each child's placements, newest first: the unit sees only those in its own homes. */
export function loadPlacementsByChild(session: Session, childIds: readonly string[]): Promise<Placement[]> {
  return loadPlacementsWhere(session, 'child_id', childIds);
}

/** Each home's placements, newest first: its owner sees all, a municipality only its own children's. */
export function loadPlacementsByHome(session: Session, homeIds: readonly string[]): Promise<Placement[]> {
  return loadPlacementsWhere(session, 'foster_home_id', homeIds);
}

/** The approvals the placements were made under, with who decided them (a named child's read audited). */
export async function loadPlacementApprovals(session: Session, approvalIds: readonly string[]): Promise<HomeDecision[]> {
  requirePlacementReader(session);
  if (approvalIds.length === 0) return [];
  const approvals = (await session.db.selectFrom('home_decisions').selectAll().where('id', 'in', approvalIds).execute()).map(toHomeDecision);
  await auditNamedChildReads(session, approvals);
  return approvals;
}

const notInFuture = (label: string) => isoDate.refine((day) => day <= todayInSweden(), { error: `${label} kan inte vara i framtiden.` });
const documentDates = {
  agreementSignedOn: notInFuture('Datum för familjehemsavtalet').nullish(),
  carePlanOn: notInFuture('Datum för vårdplanen').nullish(),
  implementationPlanOn: notInFuture('Datum för genomförandeplanen').nullish(),
};

const placeInput = z
  .object({
    childId: z.string().uuid({ error: 'Barnet finns inte.' }),
    decisionId: z.string({ error: 'Välj det beslut som verkställs.' }).uuid({ error: 'Välj det beslut som verkställs.' }),
    fosterHomeId: z.string({ error: 'Välj ett familjehem.' }).uuid({ error: 'Välj ett familjehem.' }),
    startsOn: isoDate,
    plannedEndOn: isoDate.nullish(),
    ...documentDates,
  })
  .refine((input) => !input.plannedEndOn || input.plannedEndOn >= input.startsOn, { error: 'Planerat slut kan inte vara före starten.', path: ['plannedEndOn'] });
export type PlaceChildInput = z.input<typeof placeInput>;

/**
 * Checks a placement of the child in the home from the day, as the rules demand, and returns the
 * approval in force it will be made under. `replacing` is the placement a move ends that day.
 */
async function approvalForPlacement(
  session: Session,
  input: { childId: string; decision: PlacementDecision; fosterHomeId: string; startsOn: IsoDate; replacing?: string },
): Promise<HomeDecision> {
  const child = await loadOwnChildRow(session, input.childId);
  if (input.decision.childId !== input.childId) throw new ValidationError([{ path: 'decisionId', message: 'Beslutet gäller ett annat barn.' }]);
  if (input.startsOn < child.birth_date) throw new ValidationError([{ path: 'startsOn', message: 'Placeringen kan inte börja före barnets födelse.' }]);
  const [home] = await loadFosterHomes(session, [input.fosterHomeId]);
  if (!home) throw new NotFoundError('Familjehemmet');
  let overlapping = session.db
    .selectFrom('placements as p')
    // A home the municipality no longer sees still holds the child: the placement counts, unnamed.
    .leftJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .select(['h.name', 'p.starts_on'])
    .where('p.child_id', '=', input.childId)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>', input.startsOn)]));
  if (input.replacing) overlapping = overlapping.where('p.id', '!=', input.replacing);
  const other = await overlapping.orderBy('p.starts_on').executeTakeFirst();
  const decisions = await loadDecisionsByHome(session, [home.id]);
  const occupied = await loadOccupiedPlaces(session, [home.id], input.startsOn);
  const refusal = placementRefusal({
    decision: input.decision,
    startsOn: input.startsOn,
    child: { birthDate: child.birth_date, identityNumber: child.personal_identity_number, overlapping: other ? { homeName: other.name ?? 'ett annat familjehem', startsOn: other.starts_on } : null },
    home: { name: home.name, status: home.status, decisions, occupiedPlaces: occupied.get(home.id) ?? 0 },
  });
  if (refusal) throw refusal;
  return currentApproval(decisions, input.startsOn)!;
}

async function insertPlacement(
  session: Session,
  values: { childId: string; decisionId: string; fosterHomeId: string; approvalId: string; startsOn: IsoDate; plannedEndOn?: IsoDate | null | undefined } & {
    agreementSignedOn?: IsoDate | null | undefined;
    carePlanOn?: IsoDate | null | undefined;
    implementationPlanOn?: IsoDate | null | undefined;
  },
): Promise<Placement> {
  const row = await session.db
    .insertInto('placements')
    .values({
      owner_org_id: session.actor.organisationId,
      child_id: values.childId,
      foster_home_id: values.fosterHomeId,
      decision_id: values.decisionId,
      approval_id: values.approvalId,
      starts_on: values.startsOn,
      planned_end_on: values.plannedEndOn ?? null,
      agreement_signed_on: values.agreementSignedOn ?? null,
      care_plan_on: values.carePlanOn ?? null,
      implementation_plan_on: values.implementationPlanOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'Placement', entityId: row.id, personId: values.childId }]);
  return toPlacement(row);
}

/**
 * Places the child in the home under a favourable decision, refused with the rule's code and reason
 * when the home is not approved that day, the child does not fit its conditions or it is full.
 */
export async function placeChild(session: Session, rawInput: PlaceChildInput): Promise<Placement> {
  requireCaseWorker(session.actor);
  const input = parseInput(placeInput, rawInput);
  const decision = await loadOwnDecision(session, input.decisionId);
  const approval = await approvalForPlacement(session, { childId: input.childId, decision, fosterHomeId: input.fosterHomeId, startsOn: input.startsOn });
  return insertPlacement(session, { ...input, approvalId: approval.id });
}

/** An ongoing placement of the actor's municipality, for a change to it. */
async function loadOwnPlacement(session: Session, id: string): Promise<Placement> {
  const row = await session.db.selectFrom('placements').selectAll().where('id', '=', id).where('owner_org_id', '=', session.actor.organisationId).executeTakeFirst();
  if (!row) throw new NotFoundError('Placeringen');
  return toPlacement(row);
}

function requireOngoing(placement: Placement): void {
  if (placement.endedOn) throw new RuleViolationError('PLACEMENT_ENDED', `Placeringen avslutades ${placement.endedOn}.`);
}

async function closePlacement(session: Session, placement: Placement, expectedVersion: number, endedOn: IsoDate, endReason: string): Promise<Placement> {
  const updated = await session.db
    .updateTable('placements')
    .set({ ended_on: endedOn, end_reason: endReason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', placement.id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Placeringen', placement.version);
  await recordAudit(session, [{ action: 'update', entityType: 'Placement', entityId: placement.id, personId: placement.childId, purpose: 'ended' }]);
  return toPlacement(updated);
}

const endInput = z.object({
  id: z.string().uuid({ error: 'Placeringen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  endedOn: notInFuture('Slutdatum'),
  endReason: requiredText('Skälet till att placeringen upphör', 500),
});
export type EndPlacementInput = z.input<typeof endInput>;

/** Ends a placement on the day the child left the home, with the reason; the place is free that day. */
export async function endPlacement(session: Session, rawInput: EndPlacementInput): Promise<Placement> {
  requireCaseWorker(session.actor);
  const input = parseInput(endInput, rawInput);
  const placement = await loadOwnPlacement(session, input.id);
  requireOngoing(placement);
  if (input.endedOn < placement.startsOn) throw new ValidationError([{ path: 'endedOn', message: `Placeringen kan inte upphöra före starten (${placement.startsOn}).` }]);
  return closePlacement(session, placement, input.expectedVersion, input.endedOn, input.endReason);
}

const moveInput = z.object({
  id: z.string().uuid({ error: 'Placeringen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  movedOn: notInFuture('Flyttdatum'),
  toFosterHomeId: z.string({ error: 'Välj det nya familjehemmet.' }).uuid({ error: 'Välj det nya familjehemmet.' }),
  /** The decision the new placement carries out; the same as before unless another is given. */
  decisionId: z.string().uuid({ error: 'Välj det beslut som verkställs.' }).nullish(),
  plannedEndOn: isoDate.nullish(),
  ...documentDates,
});
export type MovePlacementInput = z.input<typeof moveInput>;

/**
 * Flytt till annat familjehem: ends the placement on the day and starts the next in the new home,
 * both or neither. The new home is checked as for any placement.
 */
export async function movePlacement(session: Session, rawInput: MovePlacementInput): Promise<{ ended: Placement; started: Placement }> {
  requireCaseWorker(session.actor);
  const input = parseInput(moveInput, rawInput);
  const placement = await loadOwnPlacement(session, input.id);
  requireOngoing(placement);
  if (input.movedOn <= placement.startsOn) throw new ValidationError([{ path: 'movedOn', message: `Flytten måste ske efter placeringens start (${placement.startsOn}).` }]);
  if (input.toFosterHomeId === placement.fosterHomeId) throw new ValidationError([{ path: 'toFosterHomeId', message: 'Barnet bor redan i det familjehemmet.' }]);
  if (input.plannedEndOn && input.plannedEndOn < input.movedOn) throw new ValidationError([{ path: 'plannedEndOn', message: 'Planerat slut kan inte vara före flytten.' }]);
  const decisionId = input.decisionId ?? placement.decisionId;
  if (!decisionId) throw new ValidationError([{ path: 'decisionId', message: 'Välj det beslut som verkställs.' }]);
  const decision = await loadOwnDecision(session, decisionId);
  const approval = await approvalForPlacement(session, {
    childId: placement.childId,
    decision,
    fosterHomeId: input.toFosterHomeId,
    startsOn: input.movedOn,
    replacing: placement.id,
  });
  const ended = await closePlacement(session, placement, input.expectedVersion, input.movedOn, MOVE_END_REASON);
  const started = await insertPlacement(session, {
    childId: placement.childId,
    decisionId,
    fosterHomeId: input.toFosterHomeId,
    approvalId: approval.id,
    startsOn: input.movedOn,
    plannedEndOn: input.plannedEndOn,
    agreementSignedOn: input.agreementSignedOn,
    carePlanOn: input.carePlanOn,
    implementationPlanOn: input.implementationPlanOn,
  });
  return { ended, started };
}

const documentsInput = z.object({
  id: z.string().uuid({ error: 'Placeringen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  plannedEndOn: isoDate.nullish(),
  ...documentDates,
});
export type UpdatePlacementDocumentsInput = z.input<typeof documentsInput>;

/**
 * Records the familjehemsavtal, the vårdplan and genomförandeplan (a later date is a revision) and
 * the planned end. A field left out is unchanged; null clears it.
 */
export async function updatePlacementDocuments(session: Session, rawInput: UpdatePlacementDocumentsInput): Promise<Placement> {
  requireCaseWorker(session.actor);
  const input = parseInput(documentsInput, rawInput);
  const placement = await loadOwnPlacement(session, input.id);
  if (input.plannedEndOn && input.plannedEndOn < placement.startsOn) {
    throw new ValidationError([{ path: 'plannedEndOn', message: `Planerat slut kan inte vara före starten (${placement.startsOn}).` }]);
  }
  const changes = {
    ...(input.plannedEndOn !== undefined ? { planned_end_on: input.plannedEndOn } : {}),
    ...(input.agreementSignedOn !== undefined ? { agreement_signed_on: input.agreementSignedOn } : {}),
    ...(input.carePlanOn !== undefined ? { care_plan_on: input.carePlanOn } : {}),
    ...(input.implementationPlanOn !== undefined ? { implementation_plan_on: input.implementationPlanOn } : {}),
  };
  if (Object.keys(changes).length === 0) throw new ValidationError([{ path: '', message: 'Inga ändringar att spara.' }]);
  const updated = await session.db
    .updateTable('placements')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Placeringen', placement.version);
  await recordAudit(session, [{ action: 'update', entityType: 'Placement', entityId: input.id, personId: placement.childId, purpose: Object.keys(changes).join(',') }]);
  return toPlacement(updated);
}
