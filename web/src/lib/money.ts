/**
 * Money in the web app: the API speaks integer öre (1 kr = 100 öre); people read and write kronor.
 * No floats on the way in: "1 234,50" is parsed digit by digit into 123450 öre.
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';
const kronorFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/**
 * Öre as Swedish kronor: 123456700 → "1 234 567 kr", 123450 → "1 234,50 kr". Whole kronor are shown
 * without decimals. The thousands separator (from Intl sv-SE) and the space before "kr" are
 * non-breaking, so an amount never wraps across lines; negative amounts get a real minus sign.
 * Kronor and öre are formatted apart, so no amount is ever divided as a float.
 */
export function formatKronor(ore: number): string {
  const abs = Math.abs(ore);
  const rest = abs % 100;
  const kronor = kronorFormat.format((abs - rest) / 100);
  const decimals = rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`;
  return `${ore < 0 ? MINUS : ''}${kronor}${decimals}${NBSP}kr`;
}

/** As formatKronor, with a dash for no amount (null: nothing set, e.g. no budget). */
export function formatKronorOrDash(ore: number | null | undefined): string {
  return ore == null ? '–' : formatKronor(ore);
}

const HUNDREDTHS = /^([-\u2212])?(\d+)(?:[,.](\d{1,2}))?$/;

/** A number written with at most two decimals, in hundredths ("1 234,5" → 123450), or null. */
function parseHundredths(text: string, unit: RegExp): number | null {
  const match = HUNDREDTHS.exec(text.replace(/\s+/g, '').replace(unit, ''));
  if (!match) return null;
  const [, minus, whole, decimals = ''] = match;
  const hundredths = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(hundredths)) return null;
  return minus && hundredths !== 0 ? -hundredths : hundredths;
}

/**
 * Kronor as a person writes them into öre: "1 234,50" → 123450, "560" → 56000, "-25" → -2500.
 * Spaces (also non-breaking) between thousands and a trailing "kr" are allowed; the decimal mark is
 * a comma (a point is accepted too); at most two decimals. Null when it is not an amount or is too
 * large to count exactly.
 */
export function parseKronor(text: string): number | null {
  return parseHundredths(text, /kr$/i);
}

/** A percentage as basis points (hundredths of a percent): "2,9" or "2,9 %" → 290; null if not one. */
export function parsePercent(text: string): number | null {
  return parseHundredths(text, /%$/);
}

/** Öre as kronor for an input field (no thousands separator, comma decimals): 123450 → "1234,50". */
export function kronorInputValue(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kronor = Math.trunc(abs / 100);
  const rest = abs % 100;
  return `${sign}${kronor}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}
