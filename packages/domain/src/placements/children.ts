import { z } from 'zod';
import type { IsoDate } from '../db/tables.js';
import { ageOn, todayInSweden } from '../shared/dates.js';
import { luhnCheckDigit, normalisePersonalIdentityNumber } from '../shared/personal-identity.js';
import { isCalendarDate, isoDate } from '../shared/validation.js';

/**
 * How a child is identified: a personnummer; a samordningsnummer (day of birth plus 60) for a child
 * not registered in Sweden; or, when the child has neither yet, a reserve number the municipality
 * gives (reservnummer), with the birth date and gender recorded explicitly.
 */
export const CHILD_IDENTITY_KINDS = ['personal_identity_number', 'coordination_number', 'reserve_number'] as const;
export type ChildIdentityKind = (typeof CHILD_IDENTITY_KINDS)[number];

/** Flicka, pojke, annan könsidentitet: the breakdown the reports to IVO and Norrbus use. */
export const CHILD_GENDERS = ['girl', 'boy', 'other'] as const;
export type ChildGender = (typeof CHILD_GENDERS)[number];

export const GUARDIAN_RELATIONS = ['parent', 'appointed_guardian', 'other'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

/** The oldest a child in a placement can be: LVU care can last until the day before 21. */
export const MAX_CHILD_AGE = 20;

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

function isCoordinationNumber(longForm: string): boolean {
  return Number(longForm.slice(6, 8)) > 60;
}

/** The legal gender the number carries (odd birth number: man, even: woman), as a default only. */
function genderOfNumber(longForm: string): ChildGender {
  return Number(longForm[10]) % 2 === 1 ? 'boy' : 'girl';
}

/**
 * Reservnummer, as Samverka defines it (there is no national standard; regions and municipalities
 * each have their own): the letter R and ten digits, the last a check digit computed as for a
 * personnummer (Luhn) over the nine before it, e.g. R2026000170. The letter keeps it apart from
 * every personnummer and samordningsnummer; the check digit catches a mistyped digit. It carries
 * no birth date, so the birth date and gender are recorded with it.
 */
const RESERVE_NUMBER = /^R(\d{9})(\d)$/;

export function normaliseReserveNumber(value: string): string | null {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  const match = RESERVE_NUMBER.exec(compact);
  return match && luhnCheckDigit(match[1]!) === Number(match[2]) ? compact : null;
}

/** The reserve number for nine digits (a running number the municipality keeps), with its check digit. */
export function reserveNumberFrom(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('A reserve number is made from nine digits');
  return `R${nineDigits}${luhnCheckDigit(nineDigits)}`;
}

export interface ChildIdentity {
  readonly kind: ChildIdentityKind;
  /** The personnummer or samordningsnummer in long form (YYYYMMDDNNNC), or the reserve number. */
  readonly number: string;
  readonly birthDate: IsoDate;
  readonly gender: ChildGender;
}

const NUMBER_MESSAGES: Record<ChildIdentityKind, string> = {
  personal_identity_number: 'Personnumret är inte giltigt. Kontrollera datum och kontrollsiffra.',
  coordination_number: 'Samordningsnumret är inte giltigt. Kontrollera datum (dag plus 60) och kontrollsiffra.',
  reserve_number: 'Reservnumret ska vara R och tio siffror, där den sista är en kontrollsiffra, till exempel R2026000170.',
};

/**
 * The identity fields of a child: the number of its kind, and the birth date and gender, which a
 * personnummer or samordningsnummer already carries (the gender only as a default, since a child
 * may have another gender identity) and which a reserve number needs given.
 */
export const childIdentityFields = {
  identityKind: z.enum(CHILD_IDENTITY_KINDS, { error: 'Välj personnummer, samordningsnummer eller reservnummer.' }),
  identityNumber: z.string({ error: 'Ange barnets nummer.' }).trim().min(1, { error: 'Ange barnets nummer.' }),
  birthDate: isoDate.nullish(),
  gender: z.enum(CHILD_GENDERS, { error: 'Välj flicka, pojke eller annan könsidentitet.' }).nullish(),
};

interface RawIdentity {
  readonly identityKind: ChildIdentityKind;
  readonly identityNumber: string;
  readonly birthDate?: string | null | undefined;
  readonly gender?: ChildGender | null | undefined;
}

/** Checks and completes a child's identity; the issues name the field, in Swedish. */
export function resolveChildIdentity(
  input: RawIdentity,
  today: IsoDate = todayInSweden(),
): { identity: ChildIdentity; issues: [] } | { identity: null; issues: Array<{ path: string; message: string }> } {
  const issues: Array<{ path: string; message: string }> = [];
  let number: string | null;
  let birthDate = input.birthDate ?? null;
  let gender = input.gender ?? null;
  if (input.identityKind === 'reserve_number') {
    number = normaliseReserveNumber(input.identityNumber);
    if (!birthDate) issues.push({ path: 'birthDate', message: 'Ange födelsedatum när barnet har reservnummer.' });
    if (!gender) issues.push({ path: 'gender', message: 'Ange kön när barnet har reservnummer.' });
  } else {
    number = normalisePersonalIdentityNumber(input.identityNumber);
    if (number && isCoordinationNumber(number) !== (input.identityKind === 'coordination_number')) {
      issues.push({
        path: 'identityNumber',
        message:
          input.identityKind === 'coordination_number'
            ? 'Numret är ett personnummer, inte ett samordningsnummer (i ett samordningsnummer är dagen födelsedagen plus 60).'
            : 'Numret är ett samordningsnummer; välj samordningsnummer.',
      });
    }
    if (number) {
      const carried = birthDateOf(number);
      if (birthDate && birthDate !== carried) issues.push({ path: 'birthDate', message: `Födelsedatumet stämmer inte med numret, som anger ${carried}.` });
      birthDate = carried;
      gender ??= genderOfNumber(number);
    }
  }
  if (!number) issues.push({ path: 'identityNumber', message: NUMBER_MESSAGES[input.identityKind] });
  if (birthDate && isCalendarDate(birthDate)) {
    if (birthDate > today) issues.push({ path: 'birthDate', message: 'Födelsedatumet kan inte vara i framtiden.' });
    else if (ageOn(birthDate, today) > MAX_CHILD_AGE) issues.push({ path: 'birthDate', message: `Barnet kan vara högst ${MAX_CHILD_AGE} år.` });
  }
  if (issues.length > 0 || !number || !birthDate || !gender) return { identity: null, issues };
  return { identity: { kind: input.identityKind, number, birthDate, gender }, issues: [] };
}
