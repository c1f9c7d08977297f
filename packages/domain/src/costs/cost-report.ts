import { sql } from 'kysely';
import { z } from 'zod';
import { hasRole, requireRole, type Actor, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { Trx } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import { ForbiddenError } from '../errors.js';
import { csvTable, decimal, type CsvCell } from '../shared/csv.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { splitByKey, type CostSharePart } from '../units/cost-sharing.js';
import {
  averageDailyCost,
  budgetLines,
  categoryCost,
  costsByCategory,
  monthlyCosts,
  ownVersusConsultant,
  savingsPotential,
  savingsTrend,
  TOTAL_LABEL,
  type BudgetCategory,
  type BudgetLine,
  type CategoryCost,
  type CostFacts,
  type MonthCost,
  type SavingsPotential,
  type SavingsTrendYear,
} from './cost-figures.js';
import type { Ore } from './daily-cost.js';
import { placementMonthCosts, unitMonthCosts, type PlacementMonthCost, type UnitMonthCost } from './month-costs.js';
import { COST_CATEGORIES, COST_CATEGORY_LABELS, type CostCategory } from './rates.js';

/**
 * The cost reports: a placing municipality's costs against its budget, and the joint unit's
 * view of all members. Who sees what:
 * - a municipality's head of unit or administrator: its own placements, budget and share;
 * - the unit's staff: sums per member municipality and the running-cost split, never a placement
 *   or a child (the database function returns sums only);
 * - nobody else (the steering group and Norrbus roles get FORBIDDEN).
 */
export const MUNICIPALITY_COST_READERS = ['head_of_unit', 'administrator'] as const;
export const UNIT_COST_READERS = ['head_of_unit', 'foster_care_worker', 'administrator'] as const;
/** How many years the savings trend looks back, the report year included. */
const TREND_YEARS = 5;

function requireMunicipalityCostReader(actor: Actor): void {
  requireRole(actor, ...MUNICIPALITY_COST_READERS);
  if (actor.organisationKind !== 'municipality') {
    throw new ForbiddenError('Kostnaderna för placeringar visas för den placerande kommunens enhetschef och administratör.');
  }
}

function requireUnitCostReader(actor: Actor): void {
  if (actor.organisationKind !== 'foster_care_unit' || !hasRole(actor, ...UNIT_COST_READERS)) {
    throw new ForbiddenError('Familjehemsenhetens kostnadsrapport visas för enhetens personal.');
  }
}

const reportQuery = z.object({
  year: z.number({ error: 'Ange året.' }).int().min(2000, { error: 'Året måste vara 2000 eller senare.' }).max(2100, { error: 'Året måste vara 2100 eller tidigare.' }),
  asOf: isoDate.nullish(),
});
export type CostReportQuery = z.input<typeof reportQuery>;

interface ReportPeriod {
  readonly year: number;
  readonly yearFrom: IsoDate;
  readonly yearTo: IsoDate;
  readonly asOf: IsoDate;
  /** 1 January to the report day, when that is in the year. */
  readonly outcome: { from: IsoDate; to: IsoDate } | null;
  /** The day after the report day to 31 December, when the year is not over. */
  readonly expected: { from: IsoDate; to: IsoDate } | null;
}

/** The report day defaults to today, or 31 December for a year that is over. */
export function reportPeriod(year: number, asOf: IsoDate | null | undefined, today: IsoDate = todayInSweden()): ReportPeriod {
  const yearFrom = `${year}-01-01`;
  const yearTo = `${year}-12-31`;
  const day = asOf ?? (today > yearTo ? yearTo : today);
  return {
    year,
    yearFrom,
    yearTo,
    asOf: day,
    outcome: day >= yearFrom ? { from: yearFrom, to: day < yearTo ? day : yearTo } : null,
    expected: day < yearTo ? { from: day >= yearFrom ? addDays(day, 1) : yearFrom, to: yearTo } : null,
  };
}

const fromPlacementRow = (r: PlacementMonthCost): CostFacts => ({
  category: r.category,
  month: r.month,
  placementId: r.placementId,
  placements: 0,
  days: r.days,
  total: r.total,
  extra: r.extra,
  atOwnRates: r.atOwnRates,
  daysWithoutRate: r.daysWithoutRate,
});

const fromUnitRow = (r: UnitMonthCost): CostFacts => ({
  category: r.category,
  month: r.month,
  placementId: null,
  placements: r.placements,
  days: r.days,
  total: r.total,
  extra: r.extra,
  atOwnRates: r.atOwnRates,
  daysWithoutRate: r.daysWithoutRate,
});

const trendYears = (year: number) => Array.from({ length: TREND_YEARS }, (_, i) => year - TREND_YEARS + 1 + i);

interface UnitOfMunicipality {
  readonly unitId: string;
  readonly unitName: string;
  readonly agreementId: string;
  readonly joinedOn: IsoDate;
  readonly leftOn: IsoDate | null;
}

/**
 * The joint unit the municipality belongs to, or last belonged to. Its dated own-home price list
 * prices the savings potential for every year, also years before the municipality joined: the
 * question is what the days would have cost in the unit's homes.
 */
async function unitOf(trx: Trx, municipalityId: string): Promise<UnitOfMunicipality | null> {
  const row = await trx
    .selectFrom('agreement_members as am')
    .innerJoin('collaboration_agreements as ca', 'ca.id', 'am.agreement_id')
    .innerJoin('organisations as o', 'o.id', 'ca.unit_id')
    .select(['ca.unit_id', 'o.name', 'ca.id', 'am.joined_on', 'am.left_on'])
    .where('am.municipality_id', '=', municipalityId)
    .orderBy('am.joined_on', 'desc')
    .executeTakeFirst();
  return row ? { unitId: row.unit_id, unitName: row.name, agreementId: row.id, joinedOn: row.joined_on, leftOn: row.left_on } : null;
}

const memberDuring = (unit: UnitOfMunicipality, period: ReportPeriod) => unit.joinedOn <= period.yearTo && (unit.leftOn === null || unit.leftOn > period.yearFrom);

export interface RunningCostSplit {
  readonly runningCost: Ore | null;
  readonly split: readonly (CostSharePart & { readonly municipalityName: string })[];
}

/** The unit's running cost for the year split by the year's key (empty without a key or a cost). */
async function runningCostSplit(trx: Trx, unitId: string, agreementId: string, year: number): Promise<RunningCostSplit> {
  const running = await trx.selectFrom('unit_running_costs').select('amount').where('owner_org_id', '=', unitId).where('year', '=', year).executeTakeFirst();
  const shares = await trx
    .selectFrom('cost_shares as s')
    .innerJoin('cost_sharing_keys as k', 'k.id', 's.key_id')
    .innerJoin('organisations as o', 'o.id', 's.municipality_id')
    .select(['s.municipality_id', 's.basis_points', 'o.name'])
    .where('k.agreement_id', '=', agreementId)
    .where('k.year', '=', year)
    .orderBy('o.name')
    .execute();
  if (!running) return { runningCost: null, split: [] };
  const parts = splitByKey(running.amount, shares.map((s) => ({ municipalityId: s.municipality_id, basisPoints: s.basis_points })));
  return { runningCost: running.amount, split: parts.map((part, i) => ({ ...part, municipalityName: shares[i]!.name })) };
}

/** Savings-trend rows summed per year and category in SQL: the trend spans years of placements. */
async function yearlyPlacementFacts(trx: Trx, municipalityId: string, ownRatesOwnerId: string, from: IsoDate, to: IsoDate): Promise<CostFacts[]> {
  const { rows } = await sql<{ year: string; category: CostCategory; days: number; total: number; extra: number; at_own_rates: number; days_without_rate: number }>`
    select to_char(month, 'YYYY') as year, category, sum(days)::int as days, sum(total)::bigint as total, sum(extra)::bigint as extra,
      sum(at_own_rates)::bigint as at_own_rates, sum(days_without_rate)::int as days_without_rate
    from placement_month_costs(array[${municipalityId}]::uuid[], ${from}::date, ${to}::date, false, ${ownRatesOwnerId}::uuid)
    group by 1, 2`.execute(trx);
  return rows.map((r) => ({ category: r.category, month: `${r.year}-01`, placementId: null, placements: 0, days: r.days, total: r.total, extra: r.extra, atOwnRates: r.at_own_rates, daysWithoutRate: r.days_without_rate }));
}

const sumDaysWithoutRate = (rows: readonly CostFacts[]) => rows.reduce((acc, r) => acc + r.daysWithoutRate, 0);

export interface MunicipalityCostReport {
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly year: number;
  readonly asOf: IsoDate;
  readonly months: readonly MonthCost[];
  readonly categories: readonly CategoryCost[];
  readonly own: CategoryCost;
  readonly consultant: CategoryCost;
  readonly budget: readonly BudgetLine[];
  readonly budgetTotal: BudgetLine;
  readonly savings: SavingsPotential;
  readonly savingsTrend: readonly SavingsTrendYear[];
  readonly unitName: string | null;
  readonly unitShare: (CostSharePart & { readonly municipalityName: string }) | null;
  readonly unitRunningCost: Ore | null;
  readonly daysWithoutRate: number;
}

export async function municipalityCostReport(session: Session, rawQuery: CostReportQuery): Promise<MunicipalityCostReport> {
  requireMunicipalityCostReader(session.actor);
  const query = parseInput(reportQuery, rawQuery);
  const period = reportPeriod(query.year, query.asOf);
  const trx = session.db;
  const municipalityId = session.actor.organisationId;
  const unit = await unitOf(trx, municipalityId);
  // Without a joint unit, the savings potential compares with the municipality's own price list.
  const ownRatesOwnerId = unit?.unitId ?? municipalityId;
  const scope = { municipalityIds: [municipalityId], ownRatesOwnerId };
  const outcome = period.outcome ? (await placementMonthCosts(trx, { ...scope, ...period.outcome })).map(fromPlacementRow) : [];
  const expected = period.expected ? (await placementMonthCosts(trx, { ...scope, ...period.expected, plannedEnds: true })).map(fromPlacementRow) : [];
  const years = trendYears(period.year);
  const earlier = await yearlyPlacementFacts(trx, municipalityId, ownRatesOwnerId, `${years[0]}-01-01`, `${period.year - 1}-12-31`);
  const budgets = await trx.selectFrom('cost_budgets').select(['category', 'amount']).where('owner_org_id', '=', municipalityId).where('year', '=', period.year).execute();
  const municipality = await trx.selectFrom('organisations').select('name').where('id', '=', municipalityId).executeTakeFirstOrThrow();
  const running = unit && memberDuring(unit, period) ? await runningCostSplit(trx, unit.unitId, unit.agreementId, period.year) : { runningCost: null, split: [] };
  const unitShare = running.split.find((part) => part.municipalityId === municipalityId) ?? null;
  const budget = budgetLines(
    new Map(budgets.map((b) => [b.category as BudgetCategory, b.amount])),
    outcome,
    expected,
    unitShare ? { amount: unitShare.amount, yearFrom: period.yearFrom, yearTo: period.yearTo } : null,
    period.asOf,
  );
  return {
    municipalityId,
    municipalityName: municipality.name,
    year: period.year,
    asOf: period.asOf,
    months: monthlyCosts(period.year, outcome, expected),
    categories: costsByCategory(outcome),
    ...ownVersusConsultant(outcome),
    budget: budget.lines,
    budgetTotal: budget.total,
    savings: savingsPotential(outcome),
    savingsTrend: savingsTrend(years, [...earlier, ...outcome]),
    unitName: unit && memberDuring(unit, period) ? unit.unitName : null,
    unitShare,
    unitRunningCost: running.runningCost,
    daysWithoutRate: sumDaysWithoutRate(outcome),
  };
}

export interface MunicipalityCostSummary {
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly categories: readonly CategoryCost[];
  readonly total: CategoryCost;
  readonly savings: SavingsPotential;
}

export interface UnitCostReport {
  readonly unitId: string;
  readonly unitName: string;
  readonly year: number;
  readonly asOf: IsoDate;
  readonly months: readonly MonthCost[];
  readonly categories: readonly CategoryCost[];
  readonly own: CategoryCost;
  readonly consultant: CategoryCost;
  readonly municipalities: readonly MunicipalityCostSummary[];
  readonly savings: SavingsPotential;
  readonly savingsTrend: readonly SavingsTrendYear[];
  readonly runningCost: Ore | null;
  readonly split: RunningCostSplit['split'];
  readonly daysWithoutRate: number;
}

export async function unitCostReport(session: Session, rawQuery: CostReportQuery): Promise<UnitCostReport> {
  requireUnitCostReader(session.actor);
  const query = parseInput(reportQuery, rawQuery);
  const period = reportPeriod(query.year, query.asOf);
  const trx = session.db;
  const unitId = session.actor.organisationId;
  const outcomeByMunicipality = period.outcome ? await unitMonthCosts(trx, period.outcome) : [];
  const outcomeRows = outcomeByMunicipality.map(fromUnitRow);
  const expectedRows = period.expected ? (await unitMonthCosts(trx, { ...period.expected, plannedEnds: true })).map(fromUnitRow) : [];
  const years = trendYears(period.year);
  const earlierRows = (await unitMonthCosts(trx, { from: `${years[0]}-01-01`, to: `${period.year - 1}-12-31` })).map(fromUnitRow);
  // Month rows for months and trends; whole-period rows (month null) count each placement once.
  const byMonth = (rows: CostFacts[]) => rows.filter((r) => r.month !== null);
  const yearRows = outcomeRows.filter((r) => r.month === null);
  const unit = await trx.selectFrom('organisations').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
  const agreement = await trx
    .selectFrom('collaboration_agreements')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', period.yearTo)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', period.yearFrom)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  const members = agreement
    ? await trx
        .selectFrom('agreement_members as am')
        .innerJoin('organisations as o', 'o.id', 'am.municipality_id')
        .select(['o.id', 'o.name'])
        .where('am.agreement_id', '=', agreement.id)
        .orderBy('o.name')
        .execute()
    : [];
  const running = agreement ? await runningCostSplit(trx, unitId, agreement.id, period.year) : { runningCost: null, split: [] };
  return {
    unitId,
    unitName: unit.name,
    year: period.year,
    asOf: period.asOf,
    months: monthlyCosts(period.year, byMonth(outcomeRows), byMonth(expectedRows)),
    categories: costsByCategory(yearRows),
    ...ownVersusConsultant(yearRows),
    municipalities: members.map((m) => {
      const rows = outcomeByMunicipality.filter((r) => r.municipalityId === m.id && r.month === null).map(fromUnitRow);
      return { municipalityId: m.id, municipalityName: m.name, categories: costsByCategory(rows), total: categoryCost(null, TOTAL_LABEL, rows), savings: savingsPotential(rows) };
    }),
    savings: savingsPotential(yearRows),
    savingsTrend: savingsTrend(years, [...byMonth(earlierRows), ...byMonth(outcomeRows)]),
    runningCost: running.runningCost,
    split: running.split,
    daysWithoutRate: sumDaysWithoutRate(yearRows),
  };
}

const drillDownQuery = reportQuery.extend({
  category: z.enum(COST_CATEGORIES).nullish(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Månaden ska skrivas ÅÅÅÅ-MM.' })
    .nullish(),
});
export type PlacementCostQuery = z.input<typeof drillDownQuery>;

/** One placement's cost in the period a drill-down asks for. */
export interface PlacementCostLine {
  readonly placementId: string;
  readonly childId: string;
  readonly childName: string;
  readonly homeName: string;
  readonly category: CostCategory;
  readonly startsOn: IsoDate;
  readonly endedOn: IsoDate | null;
  readonly days: number;
  readonly dailyCost: Ore;
  readonly extra: Ore;
  readonly total: Ore;
  readonly averageDailyCost: Ore | null;
}

/**
 * The municipality's placements behind a figure of its report: the year to the report day,
 * optionally one category and one month. Names are shown, so every child listed is logged.
 */
export async function placementCostLines(session: Session, rawQuery: PlacementCostQuery): Promise<PlacementCostLine[]> {
  requireMunicipalityCostReader(session.actor);
  const query = parseInput(drillDownQuery, rawQuery);
  const period = reportPeriod(query.year, query.asOf);
  if (!period.outcome) return [];
  const trx = session.db;
  const municipalityId = session.actor.organisationId;
  const unit = await unitOf(trx, municipalityId);
  const rows = (await placementMonthCosts(trx, { municipalityIds: [municipalityId], ...period.outcome, ownRatesOwnerId: unit?.unitId ?? municipalityId })).filter(
    (r) => (!query.category || r.category === query.category) && (!query.month || r.month === query.month),
  );
  const byPlacement = new Map<string, PlacementMonthCost[]>();
  for (const row of rows) byPlacement.set(row.placementId, [...(byPlacement.get(row.placementId) ?? []), row]);
  if (byPlacement.size === 0) return [];
  const details = await trx
    .selectFrom('placements as p')
    .innerJoin('children as c', 'c.id', 'p.child_id')
    .innerJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .select(['p.id', 'p.child_id', 'p.starts_on', 'p.ended_on', 'c.given_name', 'c.family_name', 'h.name as home_name'])
    .where('p.id', 'in', [...byPlacement.keys()])
    .execute();
  const lines = details.map((d): PlacementCostLine => {
    const cost = categoryCost(null, '', byPlacement.get(d.id)!.map(fromPlacementRow));
    return {
      placementId: d.id,
      childId: d.child_id,
      childName: `${d.given_name} ${d.family_name}`,
      homeName: d.home_name,
      category: byPlacement.get(d.id)![0]!.category,
      startsOn: d.starts_on,
      endedOn: d.ended_on,
      days: cost.days,
      dailyCost: cost.dailyCost,
      extra: cost.extra,
      total: cost.total,
      averageDailyCost: averageDailyCost(cost.dailyCost, cost.days),
    };
  });
  lines.sort((a, b) => a.childName.localeCompare(b.childName, 'sv') || a.startsOn.localeCompare(b.startsOn));
  const children = [...new Set(lines.map((l) => l.childId))];
  await recordAudit(session, children.map((childId) => ({ action: 'read' as const, entityType: 'Child', entityId: childId, personId: childId, purpose: 'kostnader: placeringar bakom kostnadsrapporten' })));
  return lines;
}

/** Öre as kronor with the decimal comma for Swedish Excel, exact (no floating point). */
export function kronorCell(amount: Ore | null): CsvCell {
  if (amount === null) return null;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const CATEGORY_HEADERS = ['Kategori', 'Placeringar', 'Vårddygn', 'Dygnskostnader (kr)', 'Extra kostnader (kr)', 'Kostnad (kr)', 'Snittkostnad per dygn (kr)'];
const categoryCells = (c: CategoryCost): CsvCell[] => [c.label, c.placements, c.days, kronorCell(c.dailyCost), kronorCell(c.extra), kronorCell(c.total), kronorCell(c.averageDailyCost)];

/** Several tables in one file, each under its title and separated by an empty line. */
function sections(parts: ReadonlyArray<readonly [title: string, headers: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>]>): string {
  return parts.map(([title, headers, rows]) => csvTable([title], []) + csvTable(headers, rows)).join('\r\n');
}

function sharedSections(report: { months: readonly MonthCost[]; categories: readonly CategoryCost[]; own: CategoryCost; consultant: CategoryCost; savings: SavingsPotential; savingsTrend: readonly SavingsTrendYear[] }) {
  return [
    ['Kostnad per kategori hittills i år', CATEGORY_HEADERS, [...report.categories.map(categoryCells), categoryCells(report.own), categoryCells(report.consultant)]],
    [
      'Kostnad per månad',
      ['Månad', ...COST_CATEGORIES.map((c) => `${COST_CATEGORY_LABELS[c]} (kr)`), 'Utfall (kr)', 'Prognos (kr)'],
      report.months.map((m) => [m.month, ...COST_CATEGORIES.map((c) => kronorCell(m.categories.find((x) => x.category === c)?.total ?? 0)), kronorCell(m.outcome), kronorCell(m.forecast)]),
    ],
    [
      'Vårddygn och snittkostnad per månad',
      ['Månad', ...CATEGORY_HEADERS],
      report.months.flatMap((m) => m.categories.map((c) => [m.month, ...categoryCells(c)])),
    ],
    [
      'Besparingspotential hittills i år',
      ['Konsulentstödda vårddygn', 'Kostnad konsulentstött (kr)', 'Samma dygn i egna familjehem (kr)', 'Besparingspotential (kr)'],
      [[report.savings.consultantDays, kronorCell(report.savings.consultantCost), kronorCell(report.savings.atOwnRates), kronorCell(report.savings.potential)]],
    ],
    [
      'Besparingspotential per år',
      ['År', 'Vårddygn egen regi', 'Vårddygn konsulentstött', 'Andel konsulentstött (%)', 'Besparingspotential (kr)'],
      report.savingsTrend.map((t) => [t.year, t.ownDays, t.consultantDays, decimal(t.consultantShare, 1), kronorCell(t.potential)]),
    ],
  ] as const;
}

export function municipalityCostReportCsv(report: MunicipalityCostReport): string {
  return sections([
    ...sharedSections(report),
    [
      `Budget och prognos ${report.year} (per ${report.asOf})`,
      ['Kategori', 'Budget helår (kr)', 'Utfall hittills (kr)', 'Prognos helår (kr)', 'Avvikelse (kr)'],
      [...report.budget, report.budgetTotal].map((l) => [l.label, kronorCell(l.budget), kronorCell(l.outcomeToDate), kronorCell(l.forecast), kronorCell(l.deviation)]),
    ],
    [
      `Andel av familjehemsenhetens kostnad ${report.year}`,
      ['Familjehemsenhet', 'Enhetens kostnad (kr)', 'Andel (%)', 'Kommunens del (kr)'],
      report.unitShare ? [[report.unitName, kronorCell(report.unitRunningCost), decimal(report.unitShare.basisPoints / 100, 2), kronorCell(report.unitShare.amount)]] : [],
    ],
  ]);
}

const splitRows = (split: RunningCostSplit['split']) => split.map((s) => [s.municipalityName, decimal(s.basisPoints / 100, 2), kronorCell(s.amount)]);

export function unitCostReportCsv(report: UnitCostReport): string {
  return sections([
    ...sharedSections(report),
    ['Kostnad per kommun hittills i år', ['Kommun', ...CATEGORY_HEADERS], report.municipalities.flatMap((m) => [...m.categories, m.total].map((c) => [m.municipalityName, ...categoryCells(c)]))],
    [`Enhetens kostnad ${report.year} enligt fördelningsnyckeln`, ['Kommun', 'Andel (%)', 'Belopp (kr)'], splitRows(report.split)],
  ]);
}

export function placementCostLinesCsv(lines: readonly PlacementCostLine[]): string {
  return csvTable(
    ['Barn', 'Familjehem', 'Kategori', 'Startdatum', 'Slutdatum', 'Vårddygn', 'Dygnskostnader (kr)', 'Extra kostnader (kr)', 'Kostnad (kr)', 'Snittkostnad per dygn (kr)'],
    lines.map((l) => [l.childName, l.homeName, COST_CATEGORY_LABELS[l.category], l.startsOn, l.endedOn, l.days, kronorCell(l.dailyCost), kronorCell(l.extra), kronorCell(l.total), kronorCell(l.averageDailyCost)]),
  );
}
