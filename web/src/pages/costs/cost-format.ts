import { formatKronor } from '../../lib/money';
import type { CostCategory, Ore } from './cost-report-operations';

const NBSP = '\u00a0';
const monthFormat = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthNameFormat = new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'UTC' });
const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compactDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

const monthDate = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));

/** '2022-05' → "maj 2022". */
export function formatMonth(month: string): string {
  return monthFormat.format(monthDate(month));
}

/** '2022-05' → "maj", for a chart's axis (three letters keep twelve months side by side). */
export function shortMonth(month: string): string {
  return monthNameFormat.format(monthDate(month)).slice(0, 3);
}

/** A percentage with one decimal and a non-breaking space: 12.5 → "12,5 %". */
export function formatPercent(percent: number): string {
  return `${oneDecimal.format(percent)}${NBSP}%`;
}

/** Basis points (hundredths of a percent) as a percentage with one decimal: 2534 → "25,3 %". */
export function formatBasisPoints(basisPoints: number): string {
  return formatPercent(basisPoints / 100);
}

/** A dash where there is no average (no days). */
export function formatAverage(ore: Ore | null): string {
  return ore === null ? '–' : formatKronor(ore);
}

/** A chart axis: "0", "500 tkr", "1,5 mnkr". Tables carry the exact amounts. */
export function formatAxisKronor(ore: Ore): string {
  const kronor = ore / 100;
  if (kronor === 0) return '0';
  if (Math.abs(kronor) >= 1_000_000) return `${compactDecimal.format(kronor / 1_000_000)}${NBSP}mnkr`;
  if (Math.abs(kronor) >= 1_000) return `${compactDecimal.format(kronor / 1_000)}${NBSP}tkr`;
  return formatKronor(ore);
}

/** The category's Swedish name as the reports write it (the API's label says the same). */
export const COST_CATEGORY_LABELS: Record<CostCategory, string> = {
  OWN: 'Egna familjehem',
  NETWORK: 'Nätverkshem',
  EMERGENCY: 'Jourhem',
  TREATMENT: 'Behandlingsuppdrag',
  CONSULTANT_SUPPORTED: 'Konsulentstödda familjehem',
};

/** The colour class of a category in every chart, so a category looks the same everywhere. */
export const CATEGORY_CLASS: Record<CostCategory, string> = {
  OWN: 'cost-series--own',
  NETWORK: 'cost-series--network',
  EMERGENCY: 'cost-series--emergency',
  TREATMENT: 'cost-series--treatment',
  CONSULTANT_SUPPORTED: 'cost-series--consultant',
};

/**
 * One table out of the report's CSV. The report's CSV holds all its tables, each under a title line
 * and separated by an empty line; a table's download is its section. Null when the report has no such
 * section, and then the table offers no download of its own (the whole report's CSV still has it all).
 */
export function csvSection(csv: string, titleStart: string): string | null {
  const section = csv.split(/\r?\n\r?\n/).find((part) => part.replace(/^"/, '').startsWith(titleStart));
  return section ? `${section.trimEnd()}\r\n` : null;
}
