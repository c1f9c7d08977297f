import { sql } from 'kysely';
import { z } from 'zod';
import { hasRole, requireRole, type Actor, type Session } from '../access/actor.js';
import type { OrganisationKind } from '../access/roles.js';
import { recordAudit, type AuditEntryInput } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { ForbiddenError, NotFoundError, RuleViolationError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import type { ConsultantPrice, CostRates, FeeHomeKind, FeeRate, Ore, TreatmentSupplement } from './daily-cost.js';

/**
 * Prislistan: the dated rates an organisation pays its homes (arvode and omkostnadsersättning per
 * home kind and age band, the agencies' contracted daily prices, the treatment supplement) and the
 * yearly index (uppräkning) it applied. The rules of dated periods are those of daily-cost.ts:
 * validFrom and validTo inclusive, validTo null until further notice.
 *
 * A change never rewrites history: it is a new period from today or later. The one period it may
 * touch is the period of the same rate that began earlier and runs on into it, which is closed the
 * day before (see planNewPeriod); any other overlap is refused, so every day keeps one rate.
 */

/** Everyone who works with costs may read price lists; they are public documents among the users. */
export const PRICE_LIST_READERS = ['head_of_unit', 'administrator', 'foster_care_worker', 'child_social_worker'] as const;
/** Who changes the owning organisation's price list. */
export const PRICE_LIST_EDITORS = ['head_of_unit', 'administrator'] as const;
/** Organisations that pay homes and so keep a price list. */
const PRICE_LIST_OWNER_KINDS: readonly OrganisationKind[] = ['municipality', 'foster_care_unit'];

export const FEE_HOME_KINDS = ['own', 'network', 'emergency', 'treatment'] as const satisfies readonly FeeHomeKind[];
export const FEE_HOME_KIND_LABELS: Record<FeeHomeKind, string> = {
  own: 'Egna familjehem',
  network: 'Nätverkshem',
  emergency: 'Jourhem',
  treatment: 'Familjehem med behandlingsuppdrag',
};

type DatedPeriod = Pick<FeeRate, 'validFrom' | 'validTo'>;

/** Where a period stands on a day: it has ended, it is in force, or it starts later. */
export type RatePeriodStatus = 'past' | 'current' | 'future';

export function periodStatus(period: DatedPeriod, on: IsoDate): RatePeriodStatus {
  if (period.validFrom > on) return 'future';
  return period.validTo !== null && period.validTo < on ? 'past' : 'current';
}

export interface FeeRatePeriod extends FeeRate {
  readonly id: string;
  readonly ownerId: string;
}

export interface ConsultantPricePeriod extends ConsultantPrice {
  readonly id: string;
  readonly ownerId: string;
  /** The contract (avtal) the price comes from, e.g. its diarienummer. */
  readonly contractReference: string;
}

export interface TreatmentSupplementPeriod extends TreatmentSupplement {
  readonly id: string;
  readonly ownerId: string;
}

/** The year's index (uppräkning) applied to the rates in force at the end of the year before. */
export interface RateIndex {
  readonly ownerId: string;
  readonly year: number;
  /** Hundredths of a percent: 2,9 % = 290. */
  readonly basisPoints: number;
  readonly createdAt: Date;
}

export interface PriceList {
  readonly ownerId: string;
  /** The day the periods' status is judged on. */
  readonly on: IsoDate;
  readonly feeRates: readonly FeeRatePeriod[];
  readonly consultantPrices: readonly ConsultantPricePeriod[];
  readonly treatmentSupplements: readonly TreatmentSupplementPeriod[];
  readonly indices: readonly RateIndex[];
}

// ---------------------------------------------------------------------------------------------
// Pure rules

/** Two periods share at least one day. */
export function periodsOverlap(a: DatedPeriod, b: DatedPeriod): boolean {
  return (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);
}

function formatPeriod(period: DatedPeriod): string {
  return `${period.validFrom} – ${period.validTo ?? 'tills vidare'}`;
}

/** `next` reaches at least as far as `period` did, or `period` runs until further notice. */
function coversRestOf(next: DatedPeriod, period: DatedPeriod): boolean {
  return period.validTo === null || next.validTo === null || next.validTo >= period.validTo;
}

/** An earlier period of the same rate that a new period ends: it stops the day before. */
export interface PeriodClosing {
  readonly id: string;
  readonly validTo: IsoDate;
}

/**
 * What adding `next` does to the existing periods of the same rate (same home kind and an age band
 * sharing an age, the same agency, or the supplement). `next` may not start before today
 * (RATE_CHANGE_IN_PAST). The period that began earlier and runs on into `next` is closed the day
 * before `next` starts when it is open-ended, or when `next` covers the rest of it (ends no earlier,
 * or runs until further notice) so no day is left without a rate: that is how a rate changes from
 * a day in a year whose end, or the next year's rate, is already set. Any other overlap is refused
 * (RATE_PERIOD_OVERLAP). Only days from `next`'s start on change, never a day already past.
 * `name` names a period's rate in the message.
 */
export function planNewPeriod<Period extends DatedPeriod & { readonly id: string }>(
  next: DatedPeriod,
  existing: readonly Period[],
  today: IsoDate,
  name: (period: Period) => string,
): PeriodClosing[] {
  if (next.validFrom < today) {
    throw new RuleViolationError(
      'RATE_CHANGE_IN_PAST',
      `En ny taxa kan börja tidigast i dag (${today}): dagar som redan har varit behåller sin taxa. Välj ett datum från och med ${today}.`,
    );
  }
  const closings: PeriodClosing[] = [];
  for (const period of existing) {
    if (!periodsOverlap(period, next)) continue;
    if (period.validFrom < next.validFrom && coversRestOf(next, period)) {
      closings.push({ id: period.id, validTo: addDays(next.validFrom, -1) });
      continue;
    }
    throw new RuleViolationError(
      'RATE_PERIOD_OVERLAP',
      `${name(period)} har redan en period ${formatPeriod(period)} som överlappar den nya perioden ${formatPeriod(next)}. Perioder för samma taxa får inte överlappa.`,
    );
  }
  return closings;
}

/**
 * An amount raised (or lowered) by an index in basis points, rounded to whole kronor, half up:
 * 560 kr with 2,9 % is 576,24 kr, so 576 kr. Exact in integers.
 */
export function indexedAmount(amount: Ore, basisPoints: number): Ore {
  const hundredthsOfOre = BigInt(amount) * BigInt(10_000 + basisPoints);
  // 10 000 (basis points) × 100 (öre per krona): whole kronor, then back to öre.
  const kronor = (hundredthsOfOre + 500_000n) / 1_000_000n;
  return Number(kronor * 100n);
}

/**
 * The periods the year's index gives: for every fee rate and treatment supplement in force on 31
 * December of the year before, the same rate from 1 January, until further notice, with each
 * amount indexed. Consultant prices follow their contracts and are not indexed.
 */
export function indexedRates(
  rates: Pick<CostRates, 'fees' | 'treatmentSupplements'>,
  year: number,
  basisPoints: number,
): { fees: FeeRate[]; treatmentSupplements: TreatmentSupplement[] } {
  const yearEnd = `${year - 1}-12-31`;
  const validFrom = `${year}-01-01`;
  const inForce = (p: DatedPeriod) => periodStatus(p, yearEnd) === 'current';
  return {
    fees: rates.fees.filter(inForce).map((r) => ({
      homeKind: r.homeKind,
      ageFrom: r.ageFrom,
      ageTo: r.ageTo,
      validFrom,
      validTo: null,
      feePerDay: indexedAmount(r.feePerDay, basisPoints),
      expensesPerDay: indexedAmount(r.expensesPerDay, basisPoints),
    })),
    treatmentSupplements: rates.treatmentSupplements.filter(inForce).map((s) => ({ validFrom, validTo: null, perDay: indexedAmount(s.perDay, basisPoints) })),
  };
}

/** A year's index is applied once, and only to a year that has not begun. */
export function indexRefusal(year: number, today: IsoDate, indexedYears: readonly number[]): RuleViolationError | null {
  if (indexedYears.includes(year)) {
    return new RuleViolationError('RATE_INDEX_EXISTS', `Taxorna är redan uppräknade för ${year}. Ändra en enskild taxa med en ny period i stället.`);
  }
  if (`${year}-01-01` < today) {
    return new RuleViolationError(
      'RATE_CHANGE_IN_PAST',
      `Uppräkningen för ${year} skulle gälla från ${year}-01-01, som redan har varit; dagar som har varit behåller sin taxa.`,
    );
  }
  return null;
}

const ageBand = (rate: Pick<FeeRate, 'ageFrom' | 'ageTo'>) => `${rate.ageFrom}–${rate.ageTo} år`;
const feeRateName = (rate: Pick<FeeRate, 'homeKind' | 'ageFrom' | 'ageTo'>) => `Arvodet för ${FEE_HOME_KIND_LABELS[rate.homeKind].toLowerCase()}, ${ageBand(rate)},`;
const SUPPLEMENT_NAME = 'Tillägget för behandlingsuppdrag';

// ---------------------------------------------------------------------------------------------
// Reading

function requireReader(actor: Actor): void {
  requireRole(actor, ...PRICE_LIST_READERS);
}

function requireEditor(actor: Actor): string {
  if (!hasRole(actor, ...PRICE_LIST_EDITORS) || !PRICE_LIST_OWNER_KINDS.includes(actor.organisationKind)) {
    throw new ForbiddenError('Bara enhetschef eller administratör i den organisation som betalar hemmen ändrar prislistan.');
  }
  return actor.organisationId;
}

const loadInput = z.object({ on: isoDate.optional(), ownerId: z.string().uuid({ error: 'Organisationen finns inte.' }).optional() });

async function loadFeeRatePeriods(session: Session, ownerId: string): Promise<FeeRatePeriod[]> {
  const rows = await session.db.selectFrom('fee_rates').selectAll().where('owner_org_id', '=', ownerId).execute();
  const kindOrder = (kind: string) => FEE_HOME_KINDS.indexOf(kind as FeeHomeKind);
  return rows
    .map((r) => ({
      id: r.id,
      ownerId: r.owner_org_id,
      homeKind: r.home_kind as FeeHomeKind,
      ageFrom: r.age_from,
      ageTo: r.age_to,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      feePerDay: r.fee_per_day,
      expensesPerDay: r.expenses_per_day,
    }))
    .sort((a, b) => kindOrder(a.homeKind) - kindOrder(b.homeKind) || a.ageFrom - b.ageFrom || a.ageTo - b.ageTo || a.validFrom.localeCompare(b.validFrom));
}

async function loadConsultantPricePeriods(session: Session, ownerId: string): Promise<ConsultantPricePeriod[]> {
  const rows = await session.db
    .selectFrom('consultant_prices as c')
    .leftJoin('consultancy_agencies as a', 'a.id', 'c.agency_id')
    .select(['c.id', 'c.owner_org_id', 'c.agency_id', 'c.contract_reference', 'c.valid_from', 'c.valid_to', 'c.price_per_day'])
    .where('c.owner_org_id', '=', ownerId)
    .orderBy('a.name')
    .orderBy('c.agency_id')
    .orderBy('c.valid_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_org_id,
    agencyId: r.agency_id,
    contractReference: r.contract_reference,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    pricePerDay: r.price_per_day,
  }));
}

async function loadTreatmentSupplementPeriods(session: Session, ownerId: string): Promise<TreatmentSupplementPeriod[]> {
  const rows = await session.db.selectFrom('treatment_supplements').selectAll().where('owner_org_id', '=', ownerId).orderBy('valid_from').execute();
  return rows.map((r) => ({ id: r.id, ownerId: r.owner_org_id, validFrom: r.valid_from, validTo: r.valid_to, perDay: r.per_day }));
}

/**
 * An organisation's price list, current and historical: by default the actor's own; a member
 * municipality passes its unit's id to read the unit's (row-level security lets every user read
 * rates). Periods are sorted by home kind, age band (or agency) and start; `on` (default today)
 * is the day their status is judged on.
 */
export async function loadPriceList(session: Session, options: { on?: IsoDate; ownerId?: string } = {}): Promise<PriceList> {
  requireReader(session.actor);
  const input = parseInput(loadInput, options);
  const ownerId = input.ownerId ?? session.actor.organisationId;
  const owner = await session.db.selectFrom('organisations').select('id').where('id', '=', ownerId).executeTakeFirst();
  if (!owner) throw new NotFoundError('Organisationen');
  const [feeRates, consultantPrices, treatmentSupplements, indices] = await Promise.all([
    loadFeeRatePeriods(session, ownerId),
    loadConsultantPricePeriods(session, ownerId),
    loadTreatmentSupplementPeriods(session, ownerId),
    session.db.selectFrom('rate_indices').selectAll().where('owner_org_id', '=', ownerId).orderBy('year').execute(),
  ]);
  return {
    ownerId,
    on: input.on ?? todayInSweden(),
    feeRates,
    consultantPrices,
    treatmentSupplements,
    indices: indices.map((i) => ({ ownerId: i.owner_org_id, year: i.year, basisPoints: i.basis_points, createdAt: i.created_at })),
  };
}

/**
 * Whose price lists the actor works with: its own organisation's and, for a municipality, those of
 * the joint units it is a member of today (the unit pays the homes it recruited).
 */
export async function listPriceListOwners(session: Session): Promise<string[]> {
  requireReader(session.actor);
  const today = todayInSweden();
  const units = await session.db
    .selectFrom('agreement_members as m')
    .innerJoin('collaboration_agreements as a', 'a.id', 'm.agreement_id')
    .innerJoin('organisations as o', 'o.id', 'a.unit_id')
    .select('a.unit_id')
    .distinct()
    .where('m.municipality_id', '=', session.actor.organisationId)
    .where('m.joined_on', '<=', today)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', today)]))
    .orderBy('a.unit_id')
    .execute();
  return [session.actor.organisationId, ...units.map((u) => u.unit_id)];
}

// ---------------------------------------------------------------------------------------------
// Changing

/** Öre per day: whole, not negative, and within what a daily rate can sensibly be. */
const MAX_DAILY_AMOUNT = 100_000 * 100;
const dailyAmount = (label: string) =>
  z
    .number({ error: `${label} måste anges i öre.` })
    .int({ error: `${label} ska anges i hela ören.` })
    .min(0, { error: `${label} kan inte vara negativt.` })
    .max(MAX_DAILY_AMOUNT, { error: `${label} kan vara högst 100 000 kr per dygn.` });

const periodFields = { validFrom: isoDate, validTo: isoDate.nullish() };
const periodOrder = <T extends { validFrom: string; validTo?: string | null | undefined }>(input: T) => !input.validTo || input.validTo >= input.validFrom;
const periodOrderError = { error: 'Sista giltighetsdag kan inte vara före första.', path: ['validTo'] };

const feeRateInput = z
  .object({
    homeKind: z.enum(FEE_HOME_KINDS, { error: 'Välj slag av familjehem (eget, nätverkshem, jourhem eller behandlingsuppdrag).' }),
    ageFrom: z.number().int().min(0, { error: 'Åldern börjar vid 0 år.' }).max(20, { error: 'Åldersgruppen kan sluta senast vid 20 år.' }),
    ageTo: z.number().int().min(0, { error: 'Åldern börjar vid 0 år.' }).max(20, { error: 'Åldersgruppen kan sluta senast vid 20 år.' }),
    ...periodFields,
    feePerDay: dailyAmount('Arvodet'),
    expensesPerDay: dailyAmount('Omkostnadsersättningen'),
  })
  .refine((input) => input.ageTo >= input.ageFrom, { error: 'Åldersgruppens högsta ålder kan inte vara lägre än den lägsta.', path: ['ageTo'] })
  .refine(periodOrder, periodOrderError);
export type AddFeeRateInput = z.input<typeof feeRateInput>;

const consultantPriceInput = z
  .object({
    agencyId: z.string({ error: 'Välj konsulentverksamhet.' }).uuid({ error: 'Välj konsulentverksamhet.' }),
    contractReference: requiredText('Avtalets beteckning'),
    ...periodFields,
    pricePerDay: dailyAmount('Dygnspriset'),
  })
  .refine(periodOrder, periodOrderError);
export type AddConsultantPriceInput = z.input<typeof consultantPriceInput>;

const treatmentSupplementInput = z.object({ ...periodFields, perDay: dailyAmount('Tillägget') }).refine(periodOrder, periodOrderError);
export type AddTreatmentSupplementInput = z.input<typeof treatmentSupplementInput>;

const rateIndexInput = z.object({
  year: z.number({ error: 'Ange året.' }).int().min(2000, { error: 'Året ska vara 2000–2100.' }).max(2100, { error: 'Året ska vara 2000–2100.' }),
  basisPoints: z
    .number({ error: 'Ange uppräkningen.' })
    .int({ error: 'Uppräkningen anges med högst två decimaler (i hundradels procent).' })
    .min(-5000, { error: 'Uppräkningen kan vara mellan −50 % och 50 %.' })
    .max(5000, { error: 'Uppräkningen kan vara mellan −50 % och 50 %.' }),
});
export type ApplyRateIndexInput = z.input<typeof rateIndexInput>;

type RateTable = 'fee_rates' | 'consultant_prices' | 'treatment_supplements';
const ENTITY: Record<RateTable, string> = { fee_rates: 'FeeRate', consultant_prices: 'ConsultantPrice', treatment_supplements: 'TreatmentSupplement' };

/** Two editors of one price list wait for each other, so both cannot pass the overlap check. */
async function lockPriceList(session: Session, ownerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`price_list:${ownerId}`}))`.execute(session.db);
}

async function closePeriods(session: Session, table: RateTable, closings: readonly PeriodClosing[]): Promise<AuditEntryInput[]> {
  for (const closing of closings) {
    await session.db.updateTable(table).set({ valid_to: closing.validTo }).where('id', '=', closing.id).execute();
  }
  return closings.map((c) => ({ action: 'update', entityType: ENTITY[table], entityId: c.id, purpose: `giltig till ${c.validTo}` }));
}

/** The periods of the owner's fee rates that share a home kind and an age with the band. */
async function feeRatesOfBand(session: Session, ownerId: string, band: Pick<FeeRate, 'homeKind' | 'ageFrom' | 'ageTo'>) {
  return session.db
    .selectFrom('fee_rates')
    .select(['id', 'valid_from as validFrom', 'valid_to as validTo', 'age_from as ageFrom', 'age_to as ageTo'])
    .where('owner_org_id', '=', ownerId)
    .where('home_kind', '=', band.homeKind)
    .where('age_from', '<=', band.ageTo)
    .where('age_to', '>=', band.ageFrom)
    .execute();
}

async function insertFeeRate(session: Session, ownerId: string, rate: FeeRate, today: IsoDate): Promise<AuditEntryInput[]> {
  const existing = await feeRatesOfBand(session, ownerId, rate);
  // The message names the band in the way, which may differ from the new one.
  const closings = planNewPeriod(rate, existing, today, (period) => feeRateName({ ...period, homeKind: rate.homeKind }));
  const audit = await closePeriods(session, 'fee_rates', closings);
  const row = await session.db
    .insertInto('fee_rates')
    .values({
      owner_org_id: ownerId,
      home_kind: rate.homeKind,
      age_from: rate.ageFrom,
      age_to: rate.ageTo,
      valid_from: rate.validFrom,
      valid_to: rate.validTo,
      fee_per_day: rate.feePerDay,
      expenses_per_day: rate.expensesPerDay,
      created_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return [...audit, { action: 'create', entityType: 'FeeRate', entityId: row.id, purpose: `${rate.homeKind} ${ageBand(rate)} från ${rate.validFrom}` }];
}

async function insertTreatmentSupplement(session: Session, ownerId: string, supplement: TreatmentSupplement, today: IsoDate): Promise<AuditEntryInput[]> {
  const existing = await session.db
    .selectFrom('treatment_supplements')
    .select(['id', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('owner_org_id', '=', ownerId)
    .execute();
  const audit = await closePeriods(session, 'treatment_supplements', planNewPeriod(supplement, existing, today, () => SUPPLEMENT_NAME));
  const row = await session.db
    .insertInto('treatment_supplements')
    .values({ owner_org_id: ownerId, valid_from: supplement.validFrom, valid_to: supplement.validTo, per_day: supplement.perDay, created_by: session.actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return [...audit, { action: 'create', entityType: 'TreatmentSupplement', entityId: row.id, purpose: `från ${supplement.validFrom}` }];
}

/** A new period of arvode and omkostnadsersättning for a home kind and age band. */
export async function addFeeRate(session: Session, rawInput: AddFeeRateInput): Promise<PriceList> {
  const ownerId = requireEditor(session.actor);
  const input = parseInput(feeRateInput, rawInput);
  await lockPriceList(session, ownerId);
  const audit = await insertFeeRate(session, ownerId, { ...input, validTo: input.validTo ?? null }, todayInSweden());
  await recordAudit(session, audit);
  return loadPriceList(session);
}

/** A new contract period with an agency's daily price (avtalat dygnspris). */
export async function addConsultantPrice(session: Session, rawInput: AddConsultantPriceInput): Promise<PriceList> {
  const ownerId = requireEditor(session.actor);
  const input = parseInput(consultantPriceInput, rawInput);
  const agency = await session.db.selectFrom('consultancy_agencies').select(['id', 'name']).where('id', '=', input.agencyId).executeTakeFirst();
  if (!agency) throw new NotFoundError('Konsulentverksamheten');
  await lockPriceList(session, ownerId);
  const existing = await session.db
    .selectFrom('consultant_prices')
    .select(['id', 'valid_from as validFrom', 'valid_to as validTo'])
    .where('owner_org_id', '=', ownerId)
    .where('agency_id', '=', agency.id)
    .execute();
  const period = { validFrom: input.validFrom, validTo: input.validTo ?? null };
  const audit = await closePeriods(session, 'consultant_prices', planNewPeriod(period, existing, todayInSweden(), () => `Dygnspriset för ${agency.name}`));
  const row = await session.db
    .insertInto('consultant_prices')
    .values({
      owner_org_id: ownerId,
      agency_id: agency.id,
      contract_reference: input.contractReference,
      valid_from: period.validFrom,
      valid_to: period.validTo,
      price_per_day: input.pricePerDay,
      created_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(session, [...audit, { action: 'create', entityType: 'ConsultantPrice', entityId: row.id, purpose: `${input.contractReference} från ${period.validFrom}` }]);
  return loadPriceList(session);
}

/** A new period of the supplement per day for a treatment assignment (behandlingsuppdrag). */
export async function addTreatmentSupplement(session: Session, rawInput: AddTreatmentSupplementInput): Promise<PriceList> {
  const ownerId = requireEditor(session.actor);
  const input = parseInput(treatmentSupplementInput, rawInput);
  await lockPriceList(session, ownerId);
  const audit = await insertTreatmentSupplement(session, ownerId, { validFrom: input.validFrom, validTo: input.validTo ?? null, perDay: input.perDay }, todayInSweden());
  await recordAudit(session, audit);
  return loadPriceList(session);
}

/**
 * The year's index (uppräkning): every fee rate and treatment supplement in force on 31 December
 * of the year before gets a new period from 1 January with its amounts indexed, to whole kronor;
 * the open periods end on 31 December. All or nothing, in the session's transaction.
 */
export async function applyRateIndex(session: Session, rawInput: ApplyRateIndexInput): Promise<PriceList> {
  const ownerId = requireEditor(session.actor);
  const input = parseInput(rateIndexInput, rawInput);
  await lockPriceList(session, ownerId);
  const today = todayInSweden();
  const indexed = await session.db.selectFrom('rate_indices').select('year').where('owner_org_id', '=', ownerId).execute();
  const refusal = indexRefusal(input.year, today, indexed.map((i) => i.year));
  if (refusal) throw refusal;
  const current = await loadPriceList(session);
  const next = indexedRates({ fees: current.feeRates, treatmentSupplements: current.treatmentSupplements }, input.year, input.basisPoints);
  const audit: AuditEntryInput[] = [];
  for (const rate of next.fees) audit.push(...(await insertFeeRate(session, ownerId, rate, today)));
  for (const supplement of next.treatmentSupplements) audit.push(...(await insertTreatmentSupplement(session, ownerId, supplement, today)));
  await session.db.insertInto('rate_indices').values({ owner_org_id: ownerId, year: input.year, basis_points: input.basisPoints, created_by: session.actor.userId }).execute();
  audit.push({ action: 'create', entityType: 'RateIndex', entityId: `${ownerId}:${input.year}`, purpose: `uppräkning ${input.year}: ${input.basisPoints} baspunkter` });
  await recordAudit(session, audit);
  return loadPriceList(session);
}
