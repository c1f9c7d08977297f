import { requireRole, type Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { ValidationError } from '../errors.js';
import type { FosterHomeStatus } from '../homes/foster-homes.js';
import { childAgeOn } from '../placements/children.js';
import { loadCapacities } from '../placements/occupancy.js';
import { parseInput } from '../shared/validation.js';
import { childNeedsInput, matchHomes, type ChildNeedsInput, type MatchCandidate, type MatchResult } from './matching.js';

/** Who matches children to homes: the unit's staff and the placing municipalities' social services. */
export const MATCHERS = ['foster_care_worker', 'child_social_worker', 'head_of_unit'] as const;

/**
 * The member municipalities of the joint units the actor's organisation runs or belongs to on a
 * day: the area within which a home counts as near the child.
 */
export async function loadMatchingArea(session: Session, day: IsoDate): Promise<string[]> {
  requireRole(session.actor, ...MATCHERS);
  const organisationId = session.actor.organisationId;
  const rows = await session.db
    .selectFrom('collaboration_agreements as ca')
    .innerJoin('agreement_members as am', 'am.agreement_id', 'ca.id')
    .select('am.municipality_id')
    .distinct()
    .where('ca.valid_from', '<=', day)
    .where((eb) => eb.or([eb('ca.valid_to', 'is', null), eb('ca.valid_to', '>=', day)]))
    .where('am.joined_on', '<=', day)
    .where((eb) => eb.or([eb('am.left_on', 'is', null), eb('am.left_on', '>', day)]))
    .where((eb) =>
      eb.or([
        eb('ca.unit_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('agreement_members as mine')
            .select('mine.municipality_id')
            .whereRef('mine.agreement_id', '=', 'ca.id')
            .where('mine.municipality_id', '=', organisationId)
            .where('mine.joined_on', '<=', day)
            .where((inner) => inner.or([inner('mine.left_on', 'is', null), inner('mine.left_on', '>', day)])),
        ),
      ]),
    )
    .execute();
  return rows.map((row) => row.municipality_id);
}

// Homes that are closed or still in recruitment are not candidates at all; paused ones are shown
// as excluded, so the worker knows a fitting home exists but is resting.
const CANDIDATE_STATUSES: readonly FosterHomeStatus[] = ['active', 'paused'];

/**
 * Matchning over the homes the actor may see (RLS): each home's approval in force and free
 * places today, ranked by matchHomes for the child's needs.
 */
export async function matchFosterHomes(session: Session, rawNeeds: ChildNeedsInput, day: IsoDate): Promise<MatchResult> {
  requireRole(session.actor, ...MATCHERS);
  const needs = parseInput(childNeedsInput, rawNeeds);
  if (needs.personalIdentityNumber && needs.ages.length === 1) {
    const age = childAgeOn(needs.personalIdentityNumber, day);
    if (age !== needs.ages[0]) {
      throw new ValidationError([{ path: 'ages.0', message: `Enligt personnumret är barnet ${age} år, inte ${needs.ages[0]}.` }]);
    }
  }
  const homes = await session.db
    .selectFrom('foster_homes as h')
    .innerJoin('organisations as m', 'm.id', 'h.municipality_id')
    .select(['h.id', 'h.name', 'h.status', 'h.municipality_id', 'm.name as municipality_name', 'h.languages'])
    .where('h.status', 'in', CANDIDATE_STATUSES)
    .execute();
  const capacities = await loadCapacities(session, homes.map((home) => home.id), day);
  const candidates: MatchCandidate[] = homes.map((home, index) => ({
    fosterHomeId: home.id,
    name: home.name,
    status: home.status as FosterHomeStatus,
    municipalityId: home.municipality_id,
    municipalityName: home.municipality_name,
    languages: home.languages,
    approval: capacities[index]!.approval?.conditions ?? null,
    freePlaces: capacities[index]!.freePlaces,
  }));
  return matchHomes(needs, candidates, { municipalityIds: new Set(await loadMatchingArea(session, day)) });
}
