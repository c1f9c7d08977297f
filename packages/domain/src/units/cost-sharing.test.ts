import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { assertValidKey, sharesFromPopulation } from './cost-sharing.js';

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
});
