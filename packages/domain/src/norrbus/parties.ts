import type { OrganisationKind } from '../access/roles.js';
import { RuleViolationError } from '../errors.js';

/**
 * The three parties of a Norrbusmöte: school, social services and health care (primary care and
 * specialist care). A meeting gathers at least two of them, normally all three.
 */
export const PARTY_SECTORS = ['school', 'social_services', 'health_care'] as const;
export type PartySector = (typeof PARTY_SECTORS)[number];

export const PARTY_SECTOR_TITLES: Record<PartySector, string> = {
  school: 'skola',
  social_services: 'socialtjänst',
  health_care: 'hälso- och sjukvård',
};

const SECTOR_OF_KIND: Partial<Record<OrganisationKind, PartySector>> = {
  school_unit: 'school',
  private_school: 'school',
  social_services_unit: 'social_services',
  municipality: 'social_services',
  primary_care_unit: 'health_care',
  specialist_care_unit: 'health_care',
  private_care_provider: 'health_care',
  region: 'health_care',
};

/** Which party an organisation is; null for others at the table (police, a landlord) who are no party. */
export function partySector(kind: OrganisationKind): PartySector | null {
  return SECTOR_OF_KIND[kind] ?? null;
}

/** The distinct parties among the organisations taking part (the convener and those invited). */
export function partySectors(kinds: readonly OrganisationKind[]): PartySector[] {
  return PARTY_SECTORS.filter((sector) => kinds.some((kind) => partySector(kind) === sector));
}

/**
 * "Three parties, exceptionally two": fewer than two is refused, and two only with the reason
 * recorded. `kinds` are the convener's and the invited organisations' kinds.
 */
export function partyCountViolation(kinds: readonly OrganisationKind[], twoPartyReason: string | null | undefined): RuleViolationError | null {
  const sectors = partySectors(kinds);
  if (sectors.length < 2) {
    return new RuleViolationError(
      'NORRBUS_TOO_FEW_PARTIES',
      `Ett Norrbusmöte kräver minst två av parterna skola, socialtjänst och hälso- och sjukvård. Nu deltar ${sectors.length === 0 ? 'ingen part' : `bara ${PARTY_SECTOR_TITLES[sectors[0]!]}`}.`,
    );
  }
  if (sectors.length === 2 && !twoPartyReason?.trim()) {
    const missing = PARTY_SECTORS.find((sector) => !sectors.includes(sector))!;
    return new RuleViolationError(
      'NORRBUS_TWO_PARTY_REASON',
      `Mötet har bara två parter (${PARTY_SECTOR_TITLES[missing]} saknas). Ange skälet till att den tredje parten inte kallas.`,
    );
  }
  return null;
}

/** Social services as a party: its own units and the municipality's social committee. */
export function isSocialServices(kind: OrganisationKind): boolean {
  return partySector(kind) === 'social_services';
}

/**
 * When the young person is placed outside the home, social services coordinates (samordningsansvar).
 * `coordinatorKind` is the kind of the organisation named as coordinator, null when none is named.
 */
export function coordinatorViolation(placedOutsideHome: boolean, coordinatorKind: OrganisationKind | null): RuleViolationError | null {
  if (!placedOutsideHome || (coordinatorKind !== null && isSocialServices(coordinatorKind))) return null;
  return new RuleViolationError(
    'NORRBUS_COORDINATOR_SOCIAL_SERVICES',
    'Den unge är placerad utanför hemmet: då har socialtjänsten samordningsansvaret. Ange socialtjänsten som samordnare.',
  );
}
