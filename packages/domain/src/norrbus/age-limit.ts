import type { IsoDate } from '../db/tables.js';
import { RuleViolationError } from '../errors.js';
import { ageOn } from '../shared/dates.js';

/** Norrbus is for children and young people up to and including 20 years (the agreement's target group). */
export const NORRBUS_MAX_AGE = 20;

/** True while the young person is at most 20 on the day: the 21st birthday is the first day outside. */
export function isWithinNorrbusAge(birthDate: IsoDate, day: IsoDate): boolean {
  return ageOn(birthDate, day) <= NORRBUS_MAX_AGE;
}

/** The refusal for a young person too old on the initiative day, or null when within the age. */
export function norrbusAgeViolation(birthDate: IsoDate, day: IsoDate): RuleViolationError | null {
  if (isWithinNorrbusAge(birthDate, day)) return null;
  return new RuleViolationError(
    'NORRBUS_AGE_LIMIT',
    `Norrbus gäller barn och unga till och med ${NORRBUS_MAX_AGE} år. Den unge är ${ageOn(birthDate, day)} år den ${day}.`,
  );
}
