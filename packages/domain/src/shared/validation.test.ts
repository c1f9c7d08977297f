import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import personnummerExport from 'personnummer';
import { z } from 'zod';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ValidationError } from '../errors.js';
import { luhnCheckDigit, normalisePersonalIdentityNumber, personalIdentityNumber } from './personal-identity.js';
import { isCalendarDate, isoDate, parseInput, requiredText } from './validation.js';

// The package is CommonJS exporting the class itself, while its types declare an ES default export.
const Personnummer = personnummerExport as unknown as typeof personnummerExport.default;

describe('calendar dates (isCalendarDate)', () => {
  const cases: Array<[string, boolean, string]> = [
    ['2024-02-29', true, 'a leap day in a leap year'],
    ['2023-02-29', false, 'a leap day in a common year'],
    ['2000-02-29', true, 'a leap day in a year divisible by 400'],
    ['1900-02-29', false, 'a leap day in a century year not divisible by 400'],
    ['2024-13-01', false, 'month 13'],
    ['2024-00-10', false, 'month 0'],
    ['2024-04-31', false, '31 April'],
    ['2024-12-31', true, 'New Year’s Eve'],
    ['2024-01-00', false, 'day 0'],
    ['2024-2-1', false, 'digits missing'],
    ['20240201', false, 'no dashes'],
    ['2024-02-01T00:00:00Z', false, 'a timestamp'],
    ['', false, 'an empty string'],
  ];
  for (const [value, expected, what] of cases) {
    it(`${value || '""'} (${what}) is ${expected ? '' : 'not '}a calendar date`, () => {
      assert.equal(isCalendarDate(value), expected);
    });
  }

  it('an impossible date in input is refused with a Swedish message', () => {
    assert.throws(
      () => parseInput(z.object({ approvedOn: isoDate }), { approvedOn: '2023-02-29' }),
      (error: unknown) =>
        error instanceof ValidationError &&
        error.issues.length === 1 &&
        error.issues[0]!.path === 'approvedOn' &&
        error.issues[0]!.message === 'Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.',
    );
  });

  it('a required text is trimmed and refused when blank, with the field named in Swedish', () => {
    const schema = z.object({ name: requiredText('Namnet', 10) });
    assert.deepEqual(parseInput(schema, { name: '  Familjen  ' }), { name: 'Familjen' });
    assert.throws(() => parseInput(schema, { name: '   ' }), { message: 'Namnet måste anges.' });
    assert.throws(() => parseInput(schema, { name: 'Familjen Andersson' }), { message: 'Namnet får vara högst 10 tecken.' });
  });
});

describe('personal identity numbers (personnummer and samordningsnummer)', () => {
  const normalised: Array<[string, string, string]> = [
    ['198211059954', '198211059954', 'the twelve-digit form is kept'],
    ['19821105-9954', '198211059954', 'the twelve-digit form with a dash loses the dash'],
    ['8211059954', '198211059954', 'the ten-digit form gets its century (under 100 years old)'],
    ['821105-9954', '198211059954', 'the ten-digit form with - is someone under 100'],
    ['821105+9954', '188211059954', 'the ten-digit form with + is someone 100 or older'],
    ['0012099891', '200012099891', 'a ten-digit number from 2000 gets century 20'],
    ['20001209-9891', '200012099891', 'a twelve-digit number from 2000 with a dash'],
    ['570574-9959', '195705749959', 'a coordination number keeps its day plus 60'],
    ['195705749959', '195705749959', 'a twelve-digit coordination number is kept'],
    ['  821105-9954 ', '198211059954', 'surrounding spaces are ignored'],
  ];
  for (const [input, expected, what] of normalised) {
    it(`${input.trim()} is stored as ${expected}: ${what}`, () => {
      assert.equal(normalisePersonalIdentityNumber(input), expected);
      assert.equal(personalIdentityNumber.parse(input), expected);
    });
  }

  const refused: Array<[string, string]> = [
    ['198211059955', 'a wrong check digit'],
    ['821105-9955', 'a wrong check digit in the ten-digit form'],
    [`19821305998${luhnCheckDigit('821305998')}`, 'month 13 with a correct check digit'],
    [`19820230998${luhnCheckDigit('820230998')}`, '30 February with a correct check digit'],
    [`19830229998${luhnCheckDigit('830229998')}`, '29 February in a common year with a correct check digit'],
    ['821105', 'only the birth date'],
    ['abcdefghijkl', 'letters'],
    ['', 'nothing'],
  ];
  for (const [input, what] of refused) {
    it(`${input || '""'} (${what}) is refused with a Swedish message`, () => {
      assert.equal(normalisePersonalIdentityNumber(input), null);
      const result = personalIdentityNumber.safeParse(input);
      assert.equal(result.success, false);
      assert.equal(
        result.error!.issues[0]!.message,
        'Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.',
      );
    });
  }

  it('a number that is not a string is refused with a Swedish message', () => {
    const result = personalIdentityNumber.safeParse(198211059954);
    assert.equal(result.success, false);
    assert.equal(result.error!.issues[0]!.message, 'Ange ett personnummer.');
  });

  it('the Luhn check digit of 821105995 is 4 (198211059954)', () => {
    assert.equal(luhnCheckDigit('821105995'), 4);
    assert.equal(luhnCheckDigit('901211994'), 8);
    assert.equal(luhnCheckDigit('001209989'), 1);
  });
});

describe('demo personal identity numbers (testPersonalIdentityNumber)', () => {
  it('every demo number, for any birth date and serial, is a valid personnummer in Skatteverket’s test series (980–999)', () => {
    let checked = 0;
    for (let year = 1930; year <= 2024; year += 7) {
      for (let month = 1; month <= 12; month += 1) {
        for (const day of [1, 9, 15, 28]) {
          const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          for (let serial = 0; serial < 40; serial += 3) {
            const number = testPersonalIdentityNumber(birthDate, serial);
            assert.match(number, /^\d{12}$/);
            assert.equal(number.slice(0, 8), birthDate.replaceAll('-', ''));
            const birthNumber = Number(number.slice(8, 11));
            assert.ok(birthNumber >= 980 && birthNumber <= 999, `${number} is outside the test series`);
            assert.ok(Personnummer.valid(number), `${number} is refused by the personnummer library`);
            assert.equal(normalisePersonalIdentityNumber(number), number);
            checked += 1;
          }
        }
      }
    }
    assert.ok(checked > 5000);
  });

  it('the same birth date and serial always give the same number, and the serial picks the birth number', () => {
    assert.equal(testPersonalIdentityNumber('1982-11-05', 15), '198211059954');
    assert.equal(testPersonalIdentityNumber('1982-11-05', 15), testPersonalIdentityNumber('1982-11-05', 35));
    assert.notEqual(testPersonalIdentityNumber('1982-11-05', 15), testPersonalIdentityNumber('1982-11-05', 16));
  });
});
