import type { FosterHomeKind } from '../homes/foster-homes.js';
import type { ChildGender } from '../placements/children.js';
import type { LegalBasis, PlacementKind } from '../placements/placement-decisions.js';

/** The Swedish words the statutory reports use, for CSV cells (the web has its own labels). */

export const GENDER_TITLES: Record<ChildGender, string> = { girl: 'flicka', boy: 'pojke', other: 'annan könsidentitet' };

export const LEGAL_BASIS_TITLES: Record<LegalBasis, string> = { sol: 'SoL', lvu_2: 'LVU 2 §', lvu_3: 'LVU 3 §' };

export const PLACEMENT_KIND_TITLES: Record<PlacementKind, string> = {
  emergency: 'jourplacering',
  long_term: 'stadigvarande placering',
  upbringing: 'uppväxtplacering',
};

export const FOSTER_HOME_KIND_TITLES: Record<FosterHomeKind, string> = {
  own: 'eget familjehem',
  network: 'nätverkshem',
  emergency: 'jourhem',
  consultant_supported: 'konsulentstött familjehem',
  treatment: 'familjehem med behandlingsuppdrag',
};

/** Jour or stadigvarande: the split the committees report placed children by (seed 001). */
export const PLACEMENT_TERMS = ['emergency', 'long_term'] as const;
export type PlacementTerm = (typeof PLACEMENT_TERMS)[number];
export const PLACEMENT_TERM_TITLES: Record<PlacementTerm, string> = { emergency: 'jour', long_term: 'stadigvarande' };

/**
 * Whether a placement is jour or stadigvarande: the decision's kind says (an uppväxtplacering is
 * stadigvarande); a placement recorded without its decision is judged by its home, a jourhem
 * giving temporary care.
 */
export function placementTerm(decisionKind: PlacementKind | null, homeKind: FosterHomeKind | null): PlacementTerm {
  if (decisionKind) return decisionKind === 'emergency' ? 'emergency' : 'long_term';
  return homeKind === 'emergency' ? 'emergency' : 'long_term';
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
