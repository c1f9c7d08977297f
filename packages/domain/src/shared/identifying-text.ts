import { normalisePersonalIdentityNumber } from './personal-identity.js';

/**
 * Free text that leaves its organisation (a forum's minutes, a deviation escalated above the
 * local level, a dispute) must not identify a young person. This finds what can be found
 * mechanically: anything shaped like a personnummer or samordningsnummer (with or without
 * century and separator; valid or not, since a mistyped number still identifies), and the names
 * of the persons the text is about. It cannot judge context; a person still clears the text.
 */

const NUMBER_SHAPED = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/g;

export interface IdentifyingFinding {
  readonly kind: 'personal_identity_number' | 'name';
  readonly text: string;
}

export function identifyingFindings(text: string, names: readonly string[] = []): IdentifyingFinding[] {
  const findings: IdentifyingFinding[] = [];
  for (const match of text.matchAll(NUMBER_SHAPED)) {
    const candidate = match[0];
    // Any ten or twelve digits shaped like a date and a birth number count, valid or not.
    if (normalisePersonalIdentityNumber(candidate) !== null || /^(?:\d{2})?\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])/.test(candidate)) {
      findings.push({ kind: 'personal_identity_number', text: candidate });
    }
  }
  const lower = text.toLocaleLowerCase('sv');
  for (const name of names) {
    const wanted = name.trim().toLocaleLowerCase('sv');
    if (wanted.length < 2) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
    if (pattern.test(lower)) findings.push({ kind: 'name', text: name });
  }
  return findings;
}

/** A Swedish sentence naming what was found, for a refusal. */
export function describeFindings(findings: readonly IdentifyingFinding[]): string {
  const numbers = findings.filter((f) => f.kind === 'personal_identity_number').length;
  const names = findings.filter((f) => f.kind === 'name').map((f) => f.text);
  const parts = [
    ...(numbers > 0 ? [numbers === 1 ? 'ett personnummer' : `${numbers} personnummer`] : []),
    ...(names.length > 0 ? [`namnet ${names.join(', ')}`] : []),
  ];
  return `Texten innehåller ${parts.join(' och ')}. Ta bort det som kan identifiera personen.`;
}
