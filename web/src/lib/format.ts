const numberFormat = new Intl.NumberFormat('sv-SE');
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** ISO dates (YYYY-MM-DD) are already the Swedish standard format; keep them as they are. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '–';
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value);
  return match ? match[0] : value;
}

/** A timestamp as Swedish local time, e.g. 2024-03-15 14:02. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '–';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

export function formatAddress(parts: {
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}): string {
  const postal = [parts.postalCode, parts.city].filter(Boolean).join(' ');
  const full = [parts.streetAddress, postal].filter(Boolean).join(', ');
  return full || '–';
}

/** Sorts by Swedish alphabetical order (å ä ö last). */
export function compareSv(a: string, b: string): number {
  return a.localeCompare(b, 'sv');
}

/** 198601289815 → 19860128-9815 (the way personnummer are usually written). */
export function formatPersonalIdentityNumber(value: string): string {
  const digits = /^(\d{8})-?(\d{4})$/.exec(value);
  return digits ? `${digits[1]}-${digits[2]}` : value;
}
