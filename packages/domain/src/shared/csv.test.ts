import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvTable, decimal } from './csv.js';

describe('CSV for Swedish Excel', () => {
  it('separates with semicolons and ends every line, the header too, with CRLF', () => {
    assert.equal(csvTable(['Kommun', 'Antal'], [['Lindesberg', 54], ['Nora', 12]]), 'Kommun;Antal\r\nLindesberg;54\r\nNora;12\r\n');
  });

  it('writes numbers with the decimal comma and leaves missing values empty', () => {
    assert.equal(csvCell(2.5), '2,5');
    assert.equal(csvCell(null), '');
    assert.equal(decimal(71.4285, 1), '71,4');
  });

  it('quotes a home’s name holding a semicolon or a quote, doubling the quote', () => {
    assert.equal(csvCell('Familjen Ek; Nora'), '"Familjen Ek; Nora"');
    assert.equal(csvCell('Hemmet "Solgläntan"'), '"Hemmet ""Solgläntan"""');
    assert.equal(csvCell('rad ett\nrad två'), '"rad ett\nrad två"');
  });

  it('defuses text that a spreadsheet would run as a formula', () => {
    assert.equal(csvCell('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvCell('-1+1'), "'-1+1");
    assert.equal(csvCell('@summa'), "'@summa");
  });
});
