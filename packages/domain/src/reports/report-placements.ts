import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import type { ChildGender, ChildIdentityKind } from '../placements/children.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';

/** A placement of the acting municipality as the reports need it: the child, the decision and the home. */
export interface ReportPlacement {
  readonly placementId: string;
  readonly childId: string;
  readonly identityNumber: string;
  readonly identityKind: ChildIdentityKind;
  readonly gender: ChildGender;
  readonly birthDate: IsoDate;
  readonly startsOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly endReason: string | null;
  /** The decision the placement carries out; null for one recorded without it. */
  readonly decision: { readonly decidedOn: IsoDate; readonly legalBasis: LegalBasis; readonly kind: PlacementKind; readonly intervention: string } | null;
  /**
   * The home; null when the municipality cannot see it (a home of another unit or municipality),
   * so the child still counts even though the home cannot be described.
   */
  readonly home: { readonly id: string; readonly name: string; readonly kind: FosterHomeKind; readonly municipalityName: string } | null;
}

/** Placed on at least one day of [from, to], counting days as isOngoingOn does (the end day not included). */
export function isPlacedDuring(placement: Pick<ReportPlacement, 'startsOn' | 'endedOn'>, from: IsoDate, to: IsoDate): boolean {
  return placement.startsOn <= to && (placement.endedOn === null || placement.endedOn > from);
}

/**
 * The acting municipality's placements in foster homes during [from, to] (placed on at least one
 * day of it), by start. Reads identities: callers that show them audit per child.
 */
export async function loadReportPlacements(session: Session, from: IsoDate, to: IsoDate): Promise<ReportPlacement[]> {
  const rows = await session.db
    .selectFrom('placements as p')
    .innerJoin('children as c', (join) => join.onRef('c.id', '=', 'p.child_id').onRef('c.owner_org_id', '=', 'p.owner_org_id'))
    .leftJoin('placement_decisions as d', 'd.id', 'p.decision_id')
    .leftJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .leftJoin('organisations as m', 'm.id', 'h.municipality_id')
    .select([
      'p.id',
      'p.starts_on',
      'p.ended_on',
      'p.end_reason',
      'c.id as child_id',
      'c.personal_identity_number',
      'c.identity_kind',
      'c.gender',
      'c.birth_date',
      'd.decided_on',
      'd.legal_basis',
      'd.kind as decision_kind',
      'd.intervention',
      'h.id as home_id',
      'h.name as home_name',
      'h.kind as home_kind',
      'm.name as home_municipality',
    ])
    .where('p.owner_org_id', '=', session.actor.organisationId)
    .where('p.starts_on', '<=', to)
    .where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>', from)]))
    .orderBy('p.starts_on')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({
    placementId: row.id,
    childId: row.child_id,
    identityNumber: row.personal_identity_number,
    identityKind: row.identity_kind as ChildIdentityKind,
    gender: row.gender as ChildGender,
    birthDate: row.birth_date,
    startsOn: row.starts_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    decision:
      row.decided_on && row.legal_basis && row.decision_kind && row.intervention
        ? { decidedOn: row.decided_on, legalBasis: row.legal_basis as LegalBasis, kind: row.decision_kind as PlacementKind, intervention: row.intervention }
        : null,
    home:
      row.home_id && row.home_name && row.home_kind
        ? { id: row.home_id, name: row.home_name, kind: row.home_kind as FosterHomeKind, municipalityName: row.home_municipality ?? '' }
        : null,
  }));
}
