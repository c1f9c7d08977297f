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
 * Divides a whole number into whole parts in proportion to the weights so that the parts add up
 * exactly: each gets its floor, and what is left goes one by one to the largest remainders (ties
 * by order given), so nobody is ever rounded out of their fair part. Exact in integers (BigInt).
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  const exact = weights.map((weight, index) => {
    const scaled = BigInt(total) * BigInt(weight);
    return { index, floor: scaled / weightSum, remainder: scaled % weightSum };
  });
  let left = BigInt(total) - exact.reduce((sum, e) => sum + e.floor, 0n);
  const byRemainder = [...exact].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  const bonus = new Set<number>();
  for (const entry of byRemainder) {
    if (left === 0n) break;
    bonus.add(entry.index);
    left -= 1n;
  }
  return exact.map((e) => Number(e.floor) + (bonus.has(e.index) ? 1 : 0));
}

/** Turns populations into shares in basis points that add up to exactly 100 %. */
export function sharesFromPopulation(entries: readonly PopulationEntry[]): Share[] {
  const total = entries.reduce((sum, entry) => sum + entry.population, 0);
  if (entries.length === 0 || total <= 0) {
    throw new ValidationError([{ path: 'shares', message: 'Folkmängden måste vara större än noll.' }]);
  }
  const points = largestRemainder(FULL_SHARE_BASIS_POINTS, entries.map((entry) => entry.population));
  return entries.map((entry, i) => ({ municipalityId: entry.municipalityId, basisPoints: points[i]! }));
}

/** A member's part of the unit's running cost, in öre. */
export interface CostSharePart extends Share {
  readonly amount: number;
}

/**
 * The unit's running cost for a year split by that year's key: each member pays its share, in
 * whole öre, and the parts add up to exactly the running cost.
 */
export function splitByKey(amount: number, shares: readonly Share[]): CostSharePart[] {
  if (shares.length === 0) return [];
  const parts = largestRemainder(amount, shares.map((share) => share.basisPoints));
  return shares.map((share, i) => ({ ...share, amount: parts[i]! }));
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
