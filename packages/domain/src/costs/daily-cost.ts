import type { IsoDate } from '../db/tables.js';
import { RuleViolationError, ValidationError, type ValidationIssue } from '../errors.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import { addDays, addMonths, ageOn, daysBetween } from '../shared/dates.js';
import { isCalendarDate } from '../shared/validation.js';

/**
 * Dygnskostnad: what a placement costs, day by day, exact to the öre.
 *
 * Rules chosen (and tested in daily-cost.test.ts):
 * - Money is integer öre (`Ore`), checked to be safe integers; nothing is ever a float.
 * - A placement is paid from its start day up to, not including, its end day (`endedOn`), the same
 *   rule as `isOngoingOn`: the day of moving belongs to the new placement, so a day is paid once.
 * - Rates are dated periods with `validFrom` and `validTo` both inclusive (`validTo` null: until
 *   further notice). They are never overwritten: a change is a new period, and each day is priced by
 *   the period that covers it. No period covering a day is a `DAILY_RATE_MISSING` rule violation;
 *   two periods covering the same day is `DAILY_RATE_AMBIGUOUS`.
 * - Own, network, emergency and treatment homes are paid a fee (arvode) and an expense allowance
 *   (omkostnadsersättning) per day by the home kind and the child's age band. The band is the
 *   child's completed years on that day (`ageOn`): the birthday itself is paid in the new band
 *   (a child born 29 February changes band on 1 March in other years).
 * - A placement with a treatment assignment (always for kind 'treatment', optionally for own and
 *   network homes) is also paid the treatment supplement per day.
 * - A consultant-supported home is paid its agency's contracted daily price for the contract
 *   period covering the day; that price is the whole daily cost (no fee, allowance or supplement).
 * - Extra and one-off costs are dated on a day and counted when that day is in the range asked
 *   for (also on the end day, e.g. the cost of the move), in the month of that day.
 */

/** An amount of money in öre (1 kr = 100 öre), always a safe integer. */
export type Ore = number;

/** Home kinds paid by fee and expense allowance per age band (everything but consultant-supported). */
export type FeeHomeKind = Exclude<FosterHomeKind, 'consultant_supported'>;

interface DatedPeriod {
  readonly validFrom: IsoDate;
  /** Last day the rate applies (inclusive); null while it applies until further notice. */
  readonly validTo: IsoDate | null;
}

/** Arvode and omkostnadsersättning per day for a home kind and an age band (completed years, inclusive). */
export interface FeeRate extends DatedPeriod {
  readonly homeKind: FeeHomeKind;
  readonly ageFrom: number;
  readonly ageTo: number;
  readonly feePerDay: Ore;
  readonly expensesPerDay: Ore;
}

/** The daily price a consultancy agency's contract sets for a contract period. */
export interface ConsultantPrice extends DatedPeriod {
  readonly agencyId: string;
  readonly pricePerDay: Ore;
}

/** The supplement per day for a treatment assignment (behandlingsuppdrag). */
export interface TreatmentSupplement extends DatedPeriod {
  readonly perDay: Ore;
}

export interface CostRates {
  readonly fees: readonly FeeRate[];
  readonly consultantPrices: readonly ConsultantPrice[];
  readonly treatmentSupplements: readonly TreatmentSupplement[];
}

/** A one-off or extra cost on a placement, on a day. May be negative (a credit). */
export interface ExtraCost {
  readonly on: IsoDate;
  readonly amount: Ore;
  readonly description: string;
}

export interface CostedPlacement {
  readonly startsOn: IsoDate;
  /** The day the child moved out (not paid), or null while the placement is ongoing. */
  readonly endedOn: IsoDate | null;
  readonly homeKind: FosterHomeKind;
  /** Required for consultant-supported homes. */
  readonly consultancyAgencyId?: string | null;
  readonly childBirthDate: IsoDate;
  /** A treatment assignment on an own or network home; implied for kind 'treatment'. */
  readonly treatmentAssignment?: boolean;
  readonly extraCosts?: readonly ExtraCost[];
}

/** Both days inclusive. */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** One calendar month of a placement's cost; `total` is the sum of the parts. */
export interface MonthlyCost {
  /** YYYY-MM */
  readonly month: string;
  readonly days: number;
  readonly fee: Ore;
  readonly expenses: Ore;
  readonly treatmentSupplement: Ore;
  readonly consultantPrice: Ore;
  readonly extra: Ore;
  readonly total: Ore;
}

export interface PlacementCost {
  readonly total: Ore;
  /** Placement days in the range (the overlap of the range and the placement). */
  readonly days: number;
  /** Months with placement days or extra costs, in order. */
  readonly months: readonly MonthlyCost[];
}

const KIND_LABEL: Record<FeeHomeKind, string> = {
  own: 'eget familjehem',
  network: 'nätverkshem',
  emergency: 'jourhem',
  treatment: 'familjehem med behandlingsuppdrag',
};

function checkedOre(value: number, what: string): Ore {
  if (!Number.isSafeInteger(value)) {
    throw new RuleViolationError('AMOUNT_OUT_OF_RANGE', `Beloppet för ${what} blir för stort för att räknas exakt i öre.`);
  }
  return value;
}

function covers(period: DatedPeriod, day: IsoDate): boolean {
  return period.validFrom <= day && (period.validTo === null || day <= period.validTo);
}

function single<T extends DatedPeriod>(candidates: readonly T[], day: IsoDate, what: string, missing: string): T {
  const found = candidates.filter((c) => covers(c, day));
  if (found.length === 0) throw new RuleViolationError('DAILY_RATE_MISSING', missing);
  if (found.length > 1) {
    throw new RuleViolationError('DAILY_RATE_AMBIGUOUS', `Det finns flera ${what} som gäller ${day}; perioderna får inte överlappa.`);
  }
  return found[0]!;
}

function validate(placement: CostedPlacement, rates: CostRates, range: DateRange): void {
  const issues: ValidationIssue[] = [];
  const date = (value: string | null | undefined, path: string, label: string) => {
    if (value != null && !isCalendarDate(value)) issues.push({ path, message: `${label} måste vara ett datum (ÅÅÅÅ-MM-DD).` });
  };
  date(range.from, 'from', 'Från och med');
  date(range.to, 'to', 'Till och med');
  date(placement.startsOn, 'startsOn', 'Startdatum');
  date(placement.endedOn, 'endedOn', 'Slutdatum');
  date(placement.childBirthDate, 'childBirthDate', 'Barnets födelsedatum');
  if (issues.length === 0 && range.to < range.from) issues.push({ path: 'to', message: 'Till och med-datum kan inte vara före från och med-datum.' });
  if (issues.length === 0 && placement.endedOn !== null && placement.endedOn < placement.startsOn) {
    issues.push({ path: 'endedOn', message: `Placeringen kan inte upphöra före starten (${placement.startsOn}).` });
  }
  if (placement.homeKind === 'consultant_supported' && !placement.consultancyAgencyId) {
    issues.push({ path: 'consultancyAgencyId', message: 'Ett konsulentstött familjehem måste ha en konsulentverksamhet.' });
  }
  if (placement.homeKind === 'consultant_supported' && placement.treatmentAssignment) {
    issues.push({ path: 'treatmentAssignment', message: 'Behandlingsuppdrag i konsulentstött familjehem ingår i det avtalade dygnspriset.' });
  }
  (placement.extraCosts ?? []).forEach((extra, i) => {
    date(extra.on, `extraCosts.${i}.on`, 'Datum för kostnaden');
    if (!Number.isSafeInteger(extra.amount)) issues.push({ path: `extraCosts.${i}.amount`, message: 'Kostnaden ska anges i hela ören.' });
  });
  const periods: [string, readonly DatedPeriod[], (p: never) => number[]][] = [
    ['fees', rates.fees, (r: FeeRate) => [r.feePerDay, r.expensesPerDay]],
    ['consultantPrices', rates.consultantPrices, (r: ConsultantPrice) => [r.pricePerDay]],
    ['treatmentSupplements', rates.treatmentSupplements, (r: TreatmentSupplement) => [r.perDay]],
  ];
  for (const [path, list, amounts] of periods) {
    list.forEach((rate, i) => {
      date(rate.validFrom, `${path}.${i}.validFrom`, 'Giltig från');
      date(rate.validTo, `${path}.${i}.validTo`, 'Giltig till');
      if (rate.validTo !== null && rate.validTo < rate.validFrom) issues.push({ path: `${path}.${i}.validTo`, message: 'En taxas giltighet kan inte sluta före den börjar.' });
      if (amounts(rate as never).some((a) => !Number.isSafeInteger(a) || a < 0)) {
        issues.push({ path: `${path}.${i}`, message: 'Dygnsbelopp ska anges i hela ören och kan inte vara negativa.' });
      }
    });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

interface DailyParts {
  readonly fee: Ore;
  readonly expenses: Ore;
  readonly treatmentSupplement: Ore;
  readonly consultantPrice: Ore;
}

function dailyParts(placement: CostedPlacement, rates: CostRates, day: IsoDate): DailyParts {
  if (placement.homeKind === 'consultant_supported') {
    const agencyId = placement.consultancyAgencyId!;
    const price = single(
      rates.consultantPrices.filter((p) => p.agencyId === agencyId),
      day,
      'avtalade dygnspriser för konsulentverksamheten',
      `Det finns inget avtalat dygnspris för konsulentverksamheten som gäller ${day}.`,
    );
    return { fee: 0, expenses: 0, treatmentSupplement: 0, consultantPrice: price.pricePerDay };
  }
  const kind = placement.homeKind;
  const age = ageOn(placement.childBirthDate, day);
  const fee = single(
    rates.fees.filter((r) => r.homeKind === kind && r.ageFrom <= age && age <= r.ageTo),
    day,
    `arvoden för ${KIND_LABEL[kind]} och barn som är ${age} år`,
    `Det finns inget arvode och ingen omkostnadsersättning för ${KIND_LABEL[kind]} och barn som är ${age} år som gäller ${day}.`,
  );
  let treatmentSupplement = 0;
  if (kind === 'treatment' || placement.treatmentAssignment) {
    treatmentSupplement = single(
      rates.treatmentSupplements,
      day,
      'tillägg för behandlingsuppdrag',
      `Det finns inget tillägg för behandlingsuppdrag som gäller ${day}.`,
    ).perDay;
  }
  return { fee: fee.feePerDay, expenses: fee.expensesPerDay, treatmentSupplement, consultantPrice: 0 };
}

const firstOfMonth = (day: IsoDate): IsoDate => `${day.slice(0, 7)}-01`;

/** Days strictly after `start` and before `endExclusive` where the daily cost may change. */
function breakpoints(placement: CostedPlacement, rates: CostRates, start: IsoDate, endExclusive: IsoDate): IsoDate[] {
  const points = new Set<IsoDate>();
  for (let month = addMonths(firstOfMonth(start), 1); month < endExclusive; month = addMonths(month, 1)) points.add(month);
  const periods: DatedPeriod[] = [...rates.fees, ...rates.consultantPrices, ...rates.treatmentSupplements];
  for (const p of periods) {
    points.add(p.validFrom);
    if (p.validTo !== null) points.add(addDays(p.validTo, 1));
  }
  const monthDay = placement.childBirthDate.slice(5);
  for (let year = Number(start.slice(0, 4)); year <= Number(endExclusive.slice(0, 4)); year++) {
    const y = String(year).padStart(4, '0');
    if (monthDay === '02-29') points.add(`${y}-03-01`);
    if (isCalendarDate(`${y}-${monthDay}`)) points.add(`${y}-${monthDay}`);
  }
  return [...points].filter((p) => p > start && p < endExclusive).sort();
}

interface MonthTotals {
  days: number;
  fee: Ore;
  expenses: Ore;
  treatmentSupplement: Ore;
  consultantPrice: Ore;
  extra: Ore;
}

/**
 * The cost of a placement for the days from `range.from` to `range.to` (both inclusive), priced
 * by the rates in force on each day; see the rules at the top of this file. Throws
 * RuleViolationError 'DAILY_RATE_MISSING' when a placement day has no rate, 'DAILY_RATE_AMBIGUOUS'
 * when it has two, and ValidationError for malformed input.
 */
export function placementCost(placement: CostedPlacement, rates: CostRates, range: DateRange): PlacementCost {
  validate(placement, rates, range);
  const months = new Map<string, MonthTotals>();
  const monthOf = (day: IsoDate): MonthTotals => {
    const key = day.slice(0, 7);
    let totals = months.get(key);
    if (!totals) {
      totals = { days: 0, fee: 0, expenses: 0, treatmentSupplement: 0, consultantPrice: 0, extra: 0 };
      months.set(key, totals);
    }
    return totals;
  };

  const start = placement.startsOn > range.from ? placement.startsOn : range.from;
  const afterRange = addDays(range.to, 1);
  const endExclusive = placement.endedOn !== null && placement.endedOn < afterRange ? placement.endedOn : afterRange;
  if (start < endExclusive) {
    const points = [start, ...breakpoints(placement, rates, start, endExclusive), endExclusive];
    for (let i = 0; i + 1 < points.length; i++) {
      const segmentStart = points[i]!;
      const days = daysBetween(segmentStart, points[i + 1]!);
      const parts = dailyParts(placement, rates, segmentStart);
      const totals = monthOf(segmentStart);
      totals.days += days;
      totals.fee = checkedOre(totals.fee + checkedOre(parts.fee * days, 'arvode'), 'arvode');
      totals.expenses = checkedOre(totals.expenses + checkedOre(parts.expenses * days, 'omkostnadsersättning'), 'omkostnadsersättning');
      totals.treatmentSupplement = checkedOre(totals.treatmentSupplement + checkedOre(parts.treatmentSupplement * days, 'behandlingstillägg'), 'behandlingstillägg');
      totals.consultantPrice = checkedOre(totals.consultantPrice + checkedOre(parts.consultantPrice * days, 'dygnspris'), 'dygnspris');
    }
  }
  for (const extra of placement.extraCosts ?? []) {
    if (extra.on < range.from || extra.on > range.to) continue;
    const totals = monthOf(extra.on);
    totals.extra = checkedOre(totals.extra + extra.amount, 'extra kostnader');
  }

  let total = 0;
  let days = 0;
  const breakdown: MonthlyCost[] = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, t]) => {
      const monthTotal = checkedOre(t.fee + t.expenses + t.treatmentSupplement + t.consultantPrice + t.extra, 'månaden');
      total = checkedOre(total + monthTotal, 'perioden');
      days += t.days;
      return { month, ...t, total: monthTotal };
    });
  return { total, days, months: breakdown };
}
