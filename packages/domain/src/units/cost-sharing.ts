import { ValidationError } from '../errors.js';

export const FULL_SHARE_BASIS_POINTS = 10_000;

export interface PopulationEntry {
  readonly municipalityId: string;
  readonly population: number;
}

export interface Share {
  readonly municipalityId: string;
  readonly basisPoints: number;
}

/**
 * Turns populations into shares in basis points that add up to exactly 100 %: each gets its
 * floor, and the remaining points go to the largest remainders (ties by order given), so no
 * municipality is ever rounded out of its fair part.
 */
export function sharesFromPopulation(entries: readonly PopulationEntry[]): Share[] {
  const total = entries.reduce((sum, entry) => sum + entry.population, 0);
  if (entries.length === 0 || total <= 0) {
    throw new ValidationError([{ path: 'shares', message: 'Folkmängden måste vara större än noll.' }]);
  }
  const exact = entries.map((entry, index) => {
    const scaled = entry.population * FULL_SHARE_BASIS_POINTS;
    return { index, municipalityId: entry.municipalityId, floor: Math.floor(scaled / total), remainder: scaled % total };
  });
  let left = FULL_SHARE_BASIS_POINTS - exact.reduce((sum, e) => sum + e.floor, 0);
  const byRemainder = [...exact].sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  const bonus = new Set<number>();
  for (const entry of byRemainder) {
    if (left === 0) break;
    bonus.add(entry.index);
    left -= 1;
  }
  return exact.map((e) => ({ municipalityId: e.municipalityId, basisPoints: e.floor + (bonus.has(e.index) ? 1 : 0) }));
}

/** A key must give every current member a share, nobody else, and add up to 100 %. */
export function assertValidKey(shares: readonly Share[], memberIds: readonly string[]): void {
  const issues: Array<{ path: string; message: string }> = [];
  const given = new Set(shares.map((share) => share.municipalityId));
  if (given.size !== shares.length) issues.push({ path: 'shares', message: 'En kommun får bara ha en andel.' });
  for (const id of memberIds) {
    if (!given.has(id)) issues.push({ path: 'shares', message: 'Varje medlemskommun måste ha en andel.' });
  }
  for (const id of given) {
    if (!memberIds.includes(id)) issues.push({ path: 'shares', message: 'Bara medlemskommuner i avtalet kan ha en andel.' });
  }
  const total = shares.reduce((sum, share) => sum + share.basisPoints, 0);
  if (total !== FULL_SHARE_BASIS_POINTS) {
    issues.push({ path: 'shares', message: `Andelarna måste tillsammans bli 100 % (nu ${(total / 100).toLocaleString('sv-SE')} %).` });
  }
  if (issues.length > 0) throw new ValidationError(dedupe(issues));
}

function dedupe<T extends { message: string }>(items: T[]): T[] {
  return items.filter((item, index) => items.findIndex((other) => other.message === item.message) === index);
}
