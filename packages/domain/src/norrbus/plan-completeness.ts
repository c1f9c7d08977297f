import type { IsoDate } from '../db/tables.js';
import { RuleViolationError } from '../errors.js';

/** An åtagande as it is written into the plan, before anything is saved. */
export interface PlannedCommitment {
  readonly responsibleOrgId?: string | null | undefined;
  readonly intervention?: string | null | undefined;
  readonly extent?: string | null | undefined;
  readonly performer?: string | null | undefined;
  readonly followUpMethod?: string | null | undefined;
  readonly followUpOn?: IsoDate | null | undefined;
}

const PARTS: ReadonlyArray<readonly [keyof PlannedCommitment, string]> = [
  ['responsibleOrgId', 'ansvarig organisation'],
  ['intervention', 'insats'],
  ['extent', 'omfattning'],
  ['performer', 'utförare'],
  ['followUpMethod', 'hur det följs upp'],
  ['followUpOn', 'uppföljningsdatum'],
];

/** What each incomplete åtagande lacks (Swedish names of the parts), by its place in the plan (1-based). */
export function incompleteCommitments(plan: readonly PlannedCommitment[]): Array<{ readonly number: number; readonly missing: string[] }> {
  return plan.flatMap((commitment, index) => {
    const missing = PARTS.filter(([key]) => !commitment[key]?.trim()).map(([, title]) => title);
    return missing.length > 0 ? [{ number: index + 1, missing }] : [];
  });
}

function list(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}`;
}

/**
 * The plan must be concrete for each organisation: every åtagande names who is responsible, what,
 * how much, who performs it and how and when it is followed up. One incomplete åtagande refuses
 * the whole plan.
 */
export function planCompletenessViolation(plan: readonly PlannedCommitment[]): RuleViolationError | null {
  const incomplete = incompleteCommitments(plan);
  if (incomplete.length === 0) return null;
  return new RuleViolationError(
    'NORRBUS_COMMITMENT_INCOMPLETE',
    `Planen sparades inte: ${incomplete.map((c) => `åtagande ${c.number} saknar ${list(c.missing)}`).join('; ')}. Varje åtagande ska ha ansvarig organisation, insats, omfattning, utförare och hur och när det följs upp.`,
  );
}
