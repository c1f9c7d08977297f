import type { Db } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import type { ChildGender } from '../placements/children.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';

/**
 * A child's case as the reports read it, written as the database owner so each report test
 * knows exactly what it starts from: the child, at most one decision, and its placements.
 */
export interface CaseFixture {
  readonly placingId: string;
  readonly recordedBy: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: IsoDate;
  readonly gender: ChildGender;
  /** Picks the birth number in the test series, so two children born the same day differ. */
  readonly serial: number;
  readonly decision?: {
    readonly decidedOn: IsoDate;
    readonly favourable?: boolean;
    readonly legalBasis?: LegalBasis;
    readonly kind?: PlacementKind;
    readonly intervention?: string;
    readonly interruptedOn?: IsoDate;
    readonly cancelledOn?: IsoDate;
  };
  readonly placements?: ReadonlyArray<{ readonly homeId: string; readonly startsOn: IsoDate; readonly endedOn?: IsoDate }>;
}

export interface InsertedCase {
  readonly childId: string;
  readonly personalIdentityNumber: string;
}

export async function insertCase(db: Db, fixture: CaseFixture): Promise<InsertedCase> {
  const personalIdentityNumber = testPersonalIdentityNumber(fixture.birthDate, fixture.serial);
  const child = await db
    .insertInto('children')
    .values({
      owner_org_id: fixture.placingId,
      given_name: fixture.givenName,
      family_name: fixture.familyName,
      personal_identity_number: personalIdentityNumber,
      birth_date: fixture.birthDate,
      gender: fixture.gender,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const decision = fixture.decision
    ? await db
        .insertInto('placement_decisions')
        .values({
          owner_org_id: fixture.placingId,
          child_id: child.id,
          legal_basis: fixture.decision.legalBasis ?? 'sol',
          kind: fixture.decision.kind ?? 'long_term',
          intervention: fixture.decision.intervention ?? 'Placering i familjehem',
          decided_on: fixture.decision.decidedOn,
          decision_maker_kind: 'delegate',
          decision_maker_name: 'Individ- och familjeomsorgens chef',
          favourable: fixture.decision.favourable ?? true,
          interrupted_on: fixture.decision.interruptedOn ?? null,
          cancelled_on: fixture.decision.cancelledOn ?? null,
          cancellation_reason: fixture.decision.cancelledOn ? 'Vårdnadshavarna återtog samtycket' : null,
          recorded_by: fixture.recordedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    : null;
  for (const placement of fixture.placements ?? []) {
    await db
      .insertInto('placements')
      .values({
        owner_org_id: fixture.placingId,
        child_id: child.id,
        foster_home_id: placement.homeId,
        decision_id: decision?.id ?? null,
        starts_on: placement.startsOn,
        ended_on: placement.endedOn ?? null,
        end_reason: placement.endedOn ? 'Placeringen bröt samman' : null,
      })
      .execute();
  }
  return { childId: child.id, personalIdentityNumber };
}
