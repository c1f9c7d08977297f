import type { IsoDate } from '../db/tables.js';
import { ageOn } from '../shared/dates.js';

/**
 * The birth date a personnummer carries (long form YYYYMMDDNNNC, as stored). A samordningsnummer
 * adds 60 to the day of birth; the birth date is still the real one.
 */
export function birthDateOf(personalIdentityNumber: string): IsoDate {
  const match = /^(\d{4})(\d{2})(\d{2})\d{4}$/.exec(personalIdentityNumber);
  if (!match) throw new RangeError('A personnummer is stored in the long form YYYYMMDDNNNC');
  const day = Number(match[3]);
  return `${match[1]}-${match[2]}-${String(day > 60 ? day - 60 : day).padStart(2, '0')}`;
}

/** A child's completed years on a day, from the personnummer. */
export function childAgeOn(personalIdentityNumber: string, day: IsoDate): number {
  return ageOn(birthDateOf(personalIdentityNumber), day);
}
