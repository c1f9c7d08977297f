import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { loadCurrentApprovals, type HomeDecision } from '../assessments/approvals.js';
import type { IsoDate } from '../db/tables.js';
import { FOSTER_HOME_KINDS, type FosterHomeKind } from '../homes/foster-homes.js';
import { acceptsAge, childAge } from '../matching/matching.js';
import { ageOn } from '../shared/dates.js';
import { parseInput } from '../shared/validation.js';
import { auditChildReads, toChild, type Child } from './children-records.js';

/** Who sees how full the homes are: the unit's staff and the member municipalities' social services. */
export const CAPACITY_READERS = ['foster_care_worker', 'child_social_worker', 'head_of_unit'] as const;

/** A home's places on a day: those its approval in force allows, those taken, and those free. */
export interface HomeCapacity {
  readonly fosterHomeId: string;
  readonly day: IsoDate;
  /** The approval in force on the day; without one the home has no usable places. */
  readonly approval: HomeDecision | null;
  readonly approvedPlaces: number;
  readonly occupiedPlaces: number;
  readonly freePlaces: number;
}

/** Free places never go below none, even when a renewal approved fewer places than are taken. */
export function freePlacesOf(approvedPlaces: number, occupiedPlaces: number): number {
  return Math.max(0, approvedPlaces - occupiedPlaces);
}

function homeCapacity(fosterHomeId: string, day: IsoDate, approval: HomeDecision | null, occupiedPlaces: number): HomeCapacity {
  const approvedPlaces = approval?.conditions?.places ?? 0;
  return { fosterHomeId, day, approval, approvedPlaces, occupiedPlaces, freePlaces: freePlacesOf(approvedPlaces, occupiedPlaces) };
}

/**
 * Occupied places per home on a day, counted by occupied_places(): it runs as its definer, so a
 * municipality sees how full a home is even when the children are another municipality's.
 */
export async function loadOccupiedPlaces(session: Session, homeIds: readonly string[], day: IsoDate): Promise<Map<string, number>> {
  if (homeIds.length === 0) return new Map();
  const rows = await session.db
    .selectFrom(sql<{ foster_home_id: string; occupied: number }>`occupied_places(${day}::date)`.as('o'))
    .select(['o.foster_home_id', 'o.occupied'])
    .where('o.foster_home_id', 'in', homeIds)
    .execute();
  return new Map(rows.map((row) => [row.foster_home_id, row.occupied]));
}

/** The capacity of each given home on a day, in the order given. */
export async function loadCapacities(session: Session, homeIds: readonly string[], day: IsoDate): Promise<HomeCapacity[]> {
  requireRole(session.actor, ...CAPACITY_READERS);
  const approvals = await loadCurrentApprovals(session, homeIds, day);
  const occupied = await loadOccupiedPlaces(session, homeIds, day);
  return homeIds.map((id) => homeCapacity(id, day, approvals.get(id) ?? null, occupied.get(id) ?? 0));
}

/** A child in a place on a day, as the home's owner and the placing municipality may see it. */
export interface Occupant {
  readonly placementId: string;
  readonly fosterHomeId: string;
  readonly day: IsoDate;
  /** The child as the actor may see it: the unit sees the name and age, not the identity. */
  readonly child: Child;
  /** Completed years on the day. */
  readonly age: number;
  readonly placingMunicipalityId: string;
  readonly since: IsoDate;
}

/** Who may see which child is placed where: the home's and the placing municipality's staff. */
const OCCUPANT_READERS = ['foster_care_worker', 'child_social_worker', 'head_of_unit'] as const;

/**
 * The children placed in the given homes on a day: only those the actor's organisation placed, or
 * all of them in homes it owns (RLS limits the same way). Each child read is audited.
 */
export async function loadOccupantsByHome(session: Session, homeIds: readonly string[], day: IsoDate): Promise<Occupant[]> {
  requireRole(session.actor, ...OCCUPANT_READERS);
  if (homeIds.length === 0) return [];
  const organisationId = session.actor.organisationId;
  const rows = await session.db
    .selectFrom('placements as p')
    .innerJoin('children as c', (join) => join.onRef('c.id', '=', 'p.child_id').onRef('c.owner_org_id', '=', 'p.owner_org_id'))
    .select(['p.id as placement_id', 'p.foster_home_id', 'p.starts_on'])
    .select(['c.id', 'c.owner_org_id', 'c.given_name', 'c.family_name', 'c.identity_kind', 'c.personal_identity_number', 'c.birth_date', 'c.gender', 'c.assigned_worker_id', 'c.version', 'c.updated_at'])
    .where('p.foster_home_id', 'in', homeIds)
    .where('p.starts_on', '<=', day)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>', day)]))
    .where((eb) =>
      eb.or([
        eb('p.owner_org_id', '=', organisationId),
        eb.exists(
          eb.selectFrom('foster_homes as h').select('h.id').whereRef('h.id', '=', 'p.foster_home_id').where('h.owner_org_id', '=', organisationId),
        ),
      ]),
    )
    .orderBy('p.starts_on')
    .orderBy('c.given_name')
    .execute();
  await auditChildReads(session, rows.map((row) => row.id), 'platser i familjehem');
  return rows.map((row) => ({
    placementId: row.placement_id,
    fosterHomeId: row.foster_home_id,
    day,
    child: toChild(row, session.actor),
    age: ageOn(row.birth_date, day),
    placingMunicipalityId: row.owner_org_id,
    since: row.starts_on,
  }));
}

const freePlaceFilterInput = z.object({
  kind: z.enum(FOSTER_HOME_KINDS, { error: 'Välj en typ av familjehem.' }).nullish(),
  childAge: childAge.nullish(),
  municipalityId: z.string().uuid({ error: 'Välj en kommun i listan.' }).nullish(),
});
export type FreePlaceFilter = z.input<typeof freePlaceFilterInput>;

/** A home with free places today, by the kind and ages its approval allows and where it lies. */
export interface FreePlace extends HomeCapacity {
  readonly name: string;
  readonly municipalityId: string;
  /** The kind of placement the approval is for. */
  readonly kind: FosterHomeKind;
  readonly minChildAge: number | null;
  readonly maxChildAge: number | null;
  /** The last day the approval holds. */
  readonly validUntil: IsoDate;
}

/**
 * Lediga platser: active homes the actor may see whose approval in force has places left, by
 * approved kind, then name. Counts only: who fills the other places is not shown here.
 */
export async function listFreePlaces(session: Session, rawFilter: FreePlaceFilter, day: IsoDate): Promise<FreePlace[]> {
  requireRole(session.actor, ...CAPACITY_READERS);
  const filter = parseInput(freePlaceFilterInput, rawFilter);
  let query = session.db.selectFrom('foster_homes').select(['id', 'name', 'municipality_id']).where('status', '=', 'active');
  if (filter.municipalityId) query = query.where('municipality_id', '=', filter.municipalityId);
  const homes = await query.execute();
  const capacities = await loadCapacities(session, homes.map((home) => home.id), day);
  const places: FreePlace[] = [];
  homes.forEach((home, index) => {
    const capacity = capacities[index]!;
    const validUntil = capacity.approval?.validUntil;
    const conditions = capacity.approval?.conditions;
    if (!conditions || !validUntil || capacity.freePlaces === 0) return;
    if (filter.kind && conditions.assignmentKind !== filter.kind) return;
    if (filter.childAge != null && !acceptsAge(conditions, filter.childAge)) return;
    places.push({
      ...capacity,
      name: home.name,
      municipalityId: home.municipality_id,
      kind: conditions.assignmentKind,
      minChildAge: conditions.minChildAge,
      maxChildAge: conditions.maxChildAge,
      validUntil,
    });
  });
  return places.sort(
    (a, b) => FOSTER_HOME_KINDS.indexOf(a.kind) - FOSTER_HOME_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'sv-SE') || a.fosterHomeId.localeCompare(b.fosterHomeId),
  );
}
