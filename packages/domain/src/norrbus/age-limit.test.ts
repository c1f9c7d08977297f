import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWithinNorrbusAge, norrbusAgeViolation } from './age-limit.js';

describe('Norrbus is for children and young people up to and including 20 years', () => {
  const birthDate = '2005-11-23';

  it('a young person is within the age on the day before the 21st birthday', () => {
    assert.equal(isWithinNorrbusAge(birthDate, '2026-11-22'), true);
    assert.equal(norrbusAgeViolation(birthDate, '2026-11-22'), null);
  });

  it('on the 21st birthday the initiative is refused, with the rule and the age in Swedish', () => {
    assert.equal(isWithinNorrbusAge(birthDate, '2026-11-23'), false);
    const violation = norrbusAgeViolation(birthDate, '2026-11-23');
    assert.equal(violation?.rule, 'NORRBUS_AGE_LIMIT');
    assert.equal(violation?.message, 'Norrbus gäller barn och unga till och med 20 år. Den unge är 21 år den 2026-11-23.');
  });

  it('a newborn and a 20-year-old on the 20th birthday are both within the age', () => {
    assert.equal(isWithinNorrbusAge('2026-11-23', '2026-11-23'), true);
    assert.equal(isWithinNorrbusAge('2006-11-23', '2026-11-23'), true);
  });

  it('a young person born on 29 February turns 21 on 1 March in a common year', () => {
    assert.equal(isWithinNorrbusAge('2004-02-29', '2025-02-28'), true);
    assert.equal(isWithinNorrbusAge('2004-02-29', '2025-03-01'), false);
  });
});
