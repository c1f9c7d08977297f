import { addDays as addDaysToDate, addMonths as addMonthsToDate, differenceInCalendarDays, format, parseISO } from 'date-fns';
import type { IsoDate } from '../db/tables.js';
import { ValidationError } from '../errors.js';

/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), the form dates have everywhere in the domain.
 * Parsing and formatting both happen in the process's local zone, so no day shifts across zones.
 */
const ISO_DATE = 'yyyy-MM-dd';

/** Today's date in Sweden, whatever zone the server runs in. */
export function todayInSweden(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(addDaysToDate(parseISO(date), days), ISO_DATE);
}

/** Adds calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return format(addMonthsToDate(parseISO(date), months), ISO_DATE);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/** Completed years of age on `on`, from a birth date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A dated event records what has happened: a day after today cannot be signed yet. */
export function assertNotInFuture(day: IsoDate, path: string): void {
  if (day > todayInSweden()) throw new ValidationError([{ path, message: `Datumet ${day} har inte varit än; ange den dag det hände.` }]);
}
