import type { IsoDate } from '../db/tables.js';
import { ageOn } from '../shared/dates.js';

/** Who gives a samtycke: the young person, or one of the guardians (vårdnadshavare). */
export const CONSENT_GIVERS = ['young_person', 'guardian'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** One signatory's consent, as the coverage rule needs it. */
export interface ConsentFacts {
  readonly givenBy: ConsentGiver;
  readonly guardianId: string | null;
  readonly givenOn: IsoDate;
  readonly withdrawnOn: IsoDate | null;
  readonly organisationIds: readonly string[];
}

export interface ConsentSubject {
  readonly birthDate: IsoDate;
  readonly guardianIds: readonly string[];
  readonly consents: readonly ConsentFacts[];
}

/** Why an organisation may not see the young person's data on a day. */
export type ConsentGap =
  /** No consent of the young person's in force names it; `withdrawnOn` when one that did was withdrawn. */
  | { readonly kind: 'young_person'; readonly withdrawnOn: IsoDate | null }
  | { readonly kind: 'no_guardian' }
  | { readonly kind: 'guardians'; readonly guardianIds: readonly string[] };

/** Guardians consent for a young person under 18. */
export const GUARDIAN_CONSENT_UNTIL_AGE = 18;

/**
 * The consent in force for one organisation on a day (the same rule as the database's
 * norrbus_has_consent, which row-level security applies): a consent of the young person's naming
 * it and, under 18, one of every registered guardian's too (with at least one registered). A
 * signatory's withdrawal ends their consent from its day on; a consent given later counts again.
 * Null when covered.
 */
export function consentGap(subject: ConsentSubject, organisationId: string, day: IsoDate): ConsentGap | null {
  const naming = subject.consents.filter((c) => c.organisationIds.includes(organisationId));
  const covering = naming.filter((c) => consentInForce(c, day));
  if (!covering.some((c) => c.givenBy === 'young_person')) {
    const withdrawals = naming.filter((c) => c.givenBy === 'young_person' && c.withdrawnOn !== null && c.withdrawnOn <= day).map((c) => c.withdrawnOn!);
    return { kind: 'young_person', withdrawnOn: withdrawals.sort().at(-1) ?? null };
  }
  if (ageOn(subject.birthDate, day) >= GUARDIAN_CONSENT_UNTIL_AGE) return null;
  if (subject.guardianIds.length === 0) return { kind: 'no_guardian' };
  const missing = subject.guardianIds.filter((id) => !covering.some((c) => c.givenBy === 'guardian' && c.guardianId === id));
  return missing.length > 0 ? { kind: 'guardians', guardianIds: missing } : null;
}

export function consentCovers(subject: ConsentSubject, organisationId: string, day: IsoDate): boolean {
  return consentGap(subject, organisationId, day) === null;
}

/** A consent withdrawn on a day is no longer in force that day; one given later is not yet. */
export function consentInForce(consent: Pick<ConsentFacts, 'givenOn' | 'withdrawnOn'>, day: IsoDate): boolean {
  return consent.givenOn <= day && (consent.withdrawnOn === null || consent.withdrawnOn > day);
}

