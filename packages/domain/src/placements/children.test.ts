import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { normaliseReserveNumber, reserveNumberFrom, resolveChildIdentity } from './children.js';

const TODAY = '2026-11-23';
/** A girl born 14 March 2017 (birth number 980: even, so a woman's number), and her samordningsnummer (day 14 + 60). */
const ELSA = testPersonalIdentityNumber('2017-03-14', 0);
const ELSA_COORDINATION = testPersonalIdentityNumber('2017-03-74', 0);

const issuesOf = (input: Parameters<typeof resolveChildIdentity>[0]) => resolveChildIdentity(input, TODAY).issues.map((i) => `${i.path}: ${i.message}`);

describe('a child’s identity: personnummer, samordningsnummer or reservnummer', () => {
  it('a personnummer gives the birth date, and the gender as a default that another gender identity overrides', () => {
    assert.deepEqual(resolveChildIdentity({ identityKind: 'personal_identity_number', identityNumber: `${ELSA.slice(2, 8)}-${ELSA.slice(8)}` }, TODAY).identity, {
      kind: 'personal_identity_number',
      number: ELSA,
      birthDate: '2017-03-14',
      gender: 'girl',
    });
    assert.equal(resolveChildIdentity({ identityKind: 'personal_identity_number', identityNumber: ELSA, gender: 'other' }, TODAY).identity?.gender, 'other');
  });

  it('a samordningsnummer is the birth date with 60 added to the day; the real birth date is kept', () => {
    const { identity } = resolveChildIdentity({ identityKind: 'coordination_number', identityNumber: ELSA_COORDINATION }, TODAY);
    assert.deepEqual(identity, { kind: 'coordination_number', number: ELSA_COORDINATION, birthDate: '2017-03-14', gender: 'girl' });
  });

  it('a personnummer entered as a samordningsnummer, or the other way round, is refused with the reason', () => {
    assert.deepEqual(issuesOf({ identityKind: 'coordination_number', identityNumber: ELSA }), [
      'identityNumber: Numret är ett personnummer, inte ett samordningsnummer (i ett samordningsnummer är dagen födelsedagen plus 60).',
    ]);
    assert.deepEqual(issuesOf({ identityKind: 'personal_identity_number', identityNumber: ELSA_COORDINATION }), ['identityNumber: Numret är ett samordningsnummer; välj samordningsnummer.']);
  });

  it('a wrong check digit, or a birth date that contradicts the number, is refused', () => {
    const wrongDigit = `${ELSA.slice(0, 11)}${(Number(ELSA[11]) + 1) % 10}`;
    assert.deepEqual(issuesOf({ identityKind: 'personal_identity_number', identityNumber: wrongDigit }), ['identityNumber: Personnumret är inte giltigt. Kontrollera datum och kontrollsiffra.']);
    assert.deepEqual(issuesOf({ identityKind: 'personal_identity_number', identityNumber: ELSA, birthDate: '2017-03-15' }), ['birthDate: Födelsedatumet stämmer inte med numret, som anger 2017-03-14.']);
  });

  it('a reserve number is R and ten digits with a Luhn check digit, and needs the birth date and gender given', () => {
    assert.equal(reserveNumberFrom('202600017'), 'R2026000170');
    assert.equal(normaliseReserveNumber(' r-2026000170 '), 'R2026000170');
    assert.equal(normaliseReserveNumber('R2026000171'), null, 'a mistyped digit fails the check');
    assert.equal(normaliseReserveNumber('2026000170'), null, 'without the R it could be taken for another number');
    assert.deepEqual(resolveChildIdentity({ identityKind: 'reserve_number', identityNumber: 'R2026000170', birthDate: '2019-06-01', gender: 'boy' }, TODAY).identity, {
      kind: 'reserve_number',
      number: 'R2026000170',
      birthDate: '2019-06-01',
      gender: 'boy',
    });
    assert.deepEqual(issuesOf({ identityKind: 'reserve_number', identityNumber: 'R2026000170' }), [
      'birthDate: Ange födelsedatum när barnet har reservnummer.',
      'gender: Ange kön när barnet har reservnummer.',
    ]);
    assert.deepEqual(issuesOf({ identityKind: 'reserve_number', identityNumber: 'R123', birthDate: '2019-06-01', gender: 'girl' }), [
      'identityNumber: Reservnumret ska vara R och tio siffror, där den sista är en kontrollsiffra, till exempel R2026000170.',
    ]);
  });

  it('a child is born by today and at most 20 years old', () => {
    assert.deepEqual(issuesOf({ identityKind: 'reserve_number', identityNumber: 'R2026000170', birthDate: '2026-12-01', gender: 'girl' }), ['birthDate: Födelsedatumet kan inte vara i framtiden.']);
    assert.deepEqual(issuesOf({ identityKind: 'reserve_number', identityNumber: 'R2026000170', birthDate: '2005-11-22', gender: 'girl' }), ['birthDate: Barnet kan vara högst 20 år.']);
  });
});
