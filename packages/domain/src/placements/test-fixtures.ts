import type { ApprovalConditions } from '../assessments/approvals.js';
import type { Db } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import type { FosterHomeKind, FosterHomeStatus } from '../homes/foster-homes.js';
import { addMonths } from '../shared/dates.js';
import { birthDateOf } from './children.js';

/**
 * Builders for capacity, matching and placement tests: homes, approvals, children and placements
 * written as the database owner, so each test knows exactly what it starts from (the placement
 * workflow itself is tested through placeChild in placements.ts).
 */
export interface FixtureHome {
  readonly ownerId: string;
  readonly name: string;
  readonly municipalityId: string;
  readonly approvedById: string;
  readonly recordedBy: string;
  readonly kind?: FosterHomeKind;
  readonly status?: FosterHomeStatus;
  readonly languages?: string[];
  /** The approval in force; null for a home never decided on. */
  readonly approval?: (Partial<ApprovalConditions> & { decidedOn?: IsoDate; validUntil?: IsoDate }) | null;
  /** A later decision refusing the home (after a re-assessment), ending the approval. */
  readonly refusedOn?: IsoDate;
  readonly today: IsoDate;
}

export async function insertHome(db: Db, home: FixtureHome): Promise<string> {
  const kind = home.kind ?? 'own';
  const decidedOn = home.approval?.decidedOn ?? addMonths(home.today, -6);
  const row = await db
    .insertInto('foster_homes')
    .values({
      owner_org_id: home.ownerId,
      kind,
      name: home.name,
      municipality_id: home.municipalityId,
      places: home.approval?.places ?? 1,
      status: home.status ?? 'active',
      approved_by_org_id: home.status === 'recruiting' ? null : home.approvedById,
      approved_on: home.status === 'recruiting' ? null : decidedOn,
      languages: home.languages ?? ['svenska'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (home.approval !== null && home.status !== 'recruiting') {
    const approval = home.approval ?? {};
    await db
      .insertInto('home_decisions')
      .values({
        owner_org_id: home.ownerId,
        foster_home_id: row.id,
        outcome: 'approved',
        decided_on: decidedOn,
        decided_by_org_id: home.approvedById,
        decision_maker_kind: 'committee',
        decision_maker_name: 'Sociala myndighetsnämnden',
        valid_until: approval.validUntil ?? addMonths(decidedOn, 36),
        assignment_kind: approval.assignmentKind ?? kind,
        places: approval.places ?? 1,
        min_child_age: approval.minChildAge === undefined ? 0 : approval.minChildAge,
        max_child_age: approval.maxChildAge === undefined ? 17 : approval.maxChildAge,
        named_child_personal_identity_number: approval.namedChild?.personalIdentityNumber ?? null,
        named_child_name: approval.namedChild?.name ?? null,
        recorded_by: home.recordedBy,
      })
      .execute();
  }
  if (home.refusedOn) {
    await db
      .insertInto('home_decisions')
      .values({
        owner_org_id: home.ownerId,
        foster_home_id: row.id,
        outcome: 'refused',
        decided_on: home.refusedOn,
        decided_by_org_id: home.approvedById,
        decision_maker_kind: 'committee',
        decision_maker_name: 'Sociala myndighetsnämnden',
        reasoning: 'Omutredningen visar att hemmet inte längre kan ta emot barn.',
        recorded_by: home.recordedBy,
      })
      .execute();
  }
  return row.id;
}

export interface FixtureChild {
  readonly placingId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly personalIdentityNumber: string;
  readonly fosterHomeId: string;
  readonly startsOn: IsoDate;
  readonly endedOn?: IsoDate;
}

/** A child of the placing municipality, placed in the home from `startsOn` (ended on `endedOn`). */
export async function placeChild(db: Db, child: FixtureChild): Promise<string> {
  const row = await db
    .insertInto('children')
    .values({
      owner_org_id: child.placingId,
      given_name: child.givenName,
      family_name: child.familyName,
      personal_identity_number: child.personalIdentityNumber,
      birth_date: birthDateOf(child.personalIdentityNumber),
      gender: 'other',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('placements')
    .values({
      owner_org_id: child.placingId,
      child_id: row.id,
      foster_home_id: child.fosterHomeId,
      starts_on: child.startsOn,
      ended_on: child.endedOn ?? null,
      end_reason: child.endedOn ? 'Återförening med vårdnadshavare' : null,
    })
    .execute();
  return row.id;
}
