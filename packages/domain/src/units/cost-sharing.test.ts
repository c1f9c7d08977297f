import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import fc from 'fast-check';
import { assertValidKey, sharesFromPopulation, splitByKey } from './cost-sharing.js';

// Folkmängd 2023 for the four municipalities of the joint unit in northern Örebro län.
const north = [
  { municipalityId: 'lindesberg', population: 23_638 },
  { municipalityId: 'nora', population: 10_673 },
  { municipalityId: 'hallefors', population: 6_800 },
  { municipalityId: 'ljusnarsberg', population: 4_820 },
];

describe('cost-sharing key (fördelningsnyckel)', () => {
  it('a population key gives shares that add up to exactly 100 %', () => {
    const shares = sharesFromPopulation(north);
    assert.equal(shares.reduce((sum, s) => sum + s.basisPoints, 0), 10_000);
    assert.deepEqual(
      shares.map((s) => s.basisPoints),
      [5146, 2324, 1481, 1049],
    );
  });

  it('leftover points go to the largest remainders, so equal municipalities differ by at most one point', () => {
    const shares = sharesFromPopulation([
      { municipalityId: 'a', population: 1 },
      { municipalityId: 'b', population: 1 },
      { municipalityId: 'c', population: 1 },
    ]);
    assert.deepEqual(shares.map((s) => s.basisPoints), [3334, 3333, 3333]);
  });

  it('a key that does not add up to 100 % is refused with a Swedish message', () => {
    assert.throws(
      () => assertValidKey([{ municipalityId: 'a', basisPoints: 6000 }, { municipalityId: 'b', basisPoints: 3000 }], ['a', 'b']),
      (error: unknown) => error instanceof ValidationError && /100 %/.test(error.message),
    );
  });

  it('a key that leaves out a member or includes a non-member is refused', () => {
    assert.throws(() => assertValidKey([{ municipalityId: 'a', basisPoints: 10_000 }], ['a', 'b']), ValidationError);
    assert.throws(
      () => assertValidKey([{ municipalityId: 'a', basisPoints: 5000 }, { municipalityId: 'x', basisPoints: 5000 }], ['a']),
      ValidationError,
    );
  });

  it('a key with every member and 100 % is accepted', () => {
    assert.doesNotThrow(() => assertValidKey(sharesFromPopulation(north), north.map((n) => n.municipalityId)));
  });

  it("splits the unit's running cost of 7 400 000 kr by the population key to the öre, the parts adding up exactly", () => {
    const shares = sharesFromPopulation(north);
    const parts = splitByKey(740_000_000, shares);
    assert.equal(parts.reduce((sum, p) => sum + p.amount, 0), 740_000_000);
    for (const part of parts) {
      const exact = (740_000_000 * part.basisPoints) / 10_000;
      assert.ok(Math.abs(part.amount - exact) < 1, `${part.municipalityId}: ${part.amount} is within one öre of ${exact}`);
    }
  });

  it('any amount split by any key adds up exactly, each part within one öre of its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 14 }),
        (amount, points) => {
          const parts = splitByKey(amount, points.map((basisPoints, i) => ({ municipalityId: `m${i}`, basisPoints })));
          const weight = points.reduce((a, b) => a + b, 0);
          assert.equal(parts.reduce((sum, p) => sum + p.amount, 0), amount);
          parts.forEach((p, i) => assert.ok(Math.abs(p.amount - (amount * points[i]!) / weight) < 1.000001));
        },
      ),
    );
  });
});

