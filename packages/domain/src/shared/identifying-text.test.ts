import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFindings, identifyingFindings } from './identifying-text.js';

describe('text that could identify a young person', () => {
  it('finds personnummer in any common form, valid or mistyped', () => {
    for (const text of ['Gäller 200801012384.', 'pnr 080101-2384', 'se 20080101-2385 (fel kontrollsiffra)', '0801012384']) {
      assert.equal(identifyingFindings(text)[0]?.kind, 'personal_identity_number', text);
    }
  });

  it('leaves dates, phone numbers and amounts alone', () => {
    assert.deepEqual(identifyingFindings('Mötet 2025-03-04 kl 13.00, tel 0911-69 60 00, kostnad 12 500 kr, dnr 2025/118.'), []);
  });

  it('finds the names it is given as whole words, in any case', () => {
    assert.deepEqual(identifyingFindings('Eleven ELSA kom inte.', ['Elsa', 'Lindqvist']).map((f) => f.text), ['Elsa']);
    assert.deepEqual(identifyingFindings('Elsabet deltog.', ['Elsa']), []);
  });

  it('says in Swedish what was found', () => {
    assert.equal(describeFindings(identifyingFindings('080101-2384 Elsa', ['Elsa'])), 'Texten innehåller ett personnummer och namnet Elsa. Ta bort det som kan identifiera personen.');
  });
});
