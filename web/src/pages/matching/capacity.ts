import type { Role, Viewer } from '../../api/types';
import { formatNumber } from '../../lib/format';

/** The roles that see places and matching: the unit's staff and the municipalities' social services. */
const CAPACITY_ROLES: readonly Role[] = ['FOSTER_CARE_WORKER', 'CHILD_SOCIAL_WORKER', 'HEAD_OF_UNIT'];

export function seesCapacity(viewer: Viewer): boolean {
  return viewer.roles.some((role) => CAPACITY_ROLES.includes(role));
}

/** "0–12 år", "från 3 år", "upp till 12 år", "alla åldrar". */
export function formatAgeRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max} år`;
  if (min !== null) return `från ${min} år`;
  if (max !== null) return `upp till ${max} år`;
  return 'alla åldrar';
}

export function formatFreePlaces(count: number): string {
  return count === 1 ? '1 ledig plats' : `${formatNumber(count)} lediga platser`;
}

/** "svenska, arabiska" → ["svenska", "arabiska"]; the server trims, lower-cases and removes duplicates. */
export function parseLanguages(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((language) => language.trim())
    .filter(Boolean);
}
