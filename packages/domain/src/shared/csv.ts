/**
 * Tables for Swedish Excel: semicolon-separated (the comma is the decimal sign), CRLF line ends,
 * Swedish headers. The byte-order mark that makes Excel read UTF-8 is the download's business,
 * not the text's, so GraphQL clients get clean CSV.
 */
export type CsvCell = string | number | null;

/** A number with the decimal comma, e.g. 12,5; integers without decimals. */
export function decimal(value: number, digits: number): string {
  return value.toFixed(digits).replace('.', ',');
}

// A text cell starting with one of these would be read by a spreadsheet as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: numbers written as Swedish numbers, null as empty, text quoted when it holds a
 * separator, a quote or a line break, and text that would start a formula defused with an
 * apostrophe (free text such as a home's name comes from users).
 */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Headers and rows as CSV text, every line ending in CRLF. */
export function csvTable(headers: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [headers, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
