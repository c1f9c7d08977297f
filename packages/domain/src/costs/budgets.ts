import { sql } from 'kysely';
import { z } from 'zod';
import { hasRole, type Actor, type Session } from '../access/actor.js';
import type { OrganisationKind, Role } from '../access/roles.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, VersionConflictError } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { BUDGET_CATEGORIES, BUDGET_CATEGORY_LABELS, type BudgetCategory } from './cost-figures.js';
import type { Ore } from './daily-cost.js';

/**
 * A municipality's yearly budget per cost category, and the joint unit's running cost for a year
 * (staff, premises, training), which the members share by the year's key. Both are plain values
 * with a version: two heads of unit editing the same figure cannot overwrite each other silently.
 */

export const BUDGET_EDITORS = ['head_of_unit', 'administrator'] as const;
/** The unit's running cost is read by its staff and by the members who pay their share (RLS). */
export const RUNNING_COST_READERS = ['head_of_unit', 'administrator', 'foster_care_worker'] as const;

export interface Budget {
  readonly municipalityId: string;
  readonly year: number;
  readonly category: BudgetCategory;
  readonly label: string;
  /** Null while no budget is set for the category. */
  readonly amount: Ore | null;
  /** Null while no budget is set; send it back when changing the budget. */
  readonly version: number | null;
}

export interface UnitRunningCost {
  readonly unitId: string;
  readonly year: number;
  readonly amount: Ore;
  readonly version: number;
}

/**
 * An upsert's version check: the version the user read (none when nothing was set) must still be
 * the current one (none when nothing is set yet); otherwise someone else has saved in between.
 */
export function versionConflict(what: string, current: number | null, expected: number | null): VersionConflictError | null {
  return current === expected ? null : new VersionConflictError(what, current ?? 0);
}

function requireOrganisationRole(actor: Actor, kind: OrganisationKind, roles: readonly Role[], message: string): void {
  if (actor.organisationKind !== kind || !hasRole(actor, ...roles)) throw new ForbiddenError(message);
}

const MUNICIPALITY_ONLY = 'Budgeten sätts och läses av kommunens enhetschef eller administratör.';
const UNIT_ONLY = 'Familjehemsenhetens kostnad sätts av enhetens enhetschef eller administratör.';

const year = z.number({ error: 'Ange året.' }).int({ error: 'Ange året.' }).min(2000, { error: 'Året ska vara 2000–2100.' }).max(2100, { error: 'Året ska vara 2000–2100.' });
const amount = z
  .number({ error: 'Ange beloppet i öre.' })
  .int({ error: 'Beloppet ska anges i hela ören.' })
  .min(0, { error: 'Beloppet kan inte vara negativt.' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'Beloppet är för stort.' });
const expectedVersion = z.number().int().positive().nullish();

/** The municipality's budget for the year, one line per category (amount null where none is set). */
export async function loadBudgets(session: Session, budgetYear: number): Promise<Budget[]> {
  requireOrganisationRole(session.actor, 'municipality', BUDGET_EDITORS, MUNICIPALITY_ONLY);
  const checkedYear = parseInput(year, budgetYear);
  const rows = await session.db
    .selectFrom('cost_budgets')
    .select(['category', 'amount', 'version'])
    .where('owner_org_id', '=', session.actor.organisationId)
    .where('year', '=', checkedYear)
    .execute();
  return BUDGET_CATEGORIES.map((category) => {
    const row = rows.find((r) => r.category === category);
    return {
      municipalityId: session.actor.organisationId,
      year: checkedYear,
      category,
      label: BUDGET_CATEGORY_LABELS[category],
      amount: row?.amount ?? null,
      version: row?.version ?? null,
    };
  });
}

interface Saved {
  readonly amount: Ore;
  readonly version: number;
}

/**
 * Saves a versioned value in one of two ways: an update of the version read, or an insert when
 * nothing was set. Either finds nothing to write when someone else saved in between.
 */
async function saveVersioned(what: string, expected: number | null, store: {
  read: () => Promise<{ version: number } | undefined>;
  update: (version: number) => Promise<Saved | undefined>;
  insert: () => Promise<Saved | undefined>;
}): Promise<Saved & { created: boolean }> {
  const current = (await store.read())?.version ?? null;
  const conflict = versionConflict(what, current, expected);
  if (conflict) throw conflict;
  const saved = current === null ? await store.insert() : await store.update(current);
  if (!saved) throw new VersionConflictError(what, (await store.read())?.version ?? 0);
  return { ...saved, created: current === null };
}

const budgetInput = z.object({
  year,
  category: z.enum(BUDGET_CATEGORIES, { error: 'Välj kostnadsslag.' }),
  amount,
  expectedVersion,
});
export type SetBudgetInput = z.input<typeof budgetInput>;

/** Sets the budget of a category for a year: a new one, or a change of the version read. */
export async function setBudget(session: Session, rawInput: SetBudgetInput): Promise<Budget> {
  requireOrganisationRole(session.actor, 'municipality', BUDGET_EDITORS, MUNICIPALITY_ONLY);
  const input = parseInput(budgetInput, rawInput);
  const owner = session.actor.organisationId;
  const label = BUDGET_CATEGORY_LABELS[input.category];
  const saved = await saveVersioned(`Budgeten för ${label.toLowerCase()} ${input.year}`, input.expectedVersion ?? null, {
    read: () =>
      session.db.selectFrom('cost_budgets').select('version').where('owner_org_id', '=', owner).where('year', '=', input.year).where('category', '=', input.category).executeTakeFirst(),
    update: (version) =>
      session.db
        .updateTable('cost_budgets')
        .set({ amount: input.amount, version: sql`version + 1`, updated_by: session.actor.userId, updated_at: sql`now()` })
        .where('owner_org_id', '=', owner)
        .where('year', '=', input.year)
        .where('category', '=', input.category)
        .where('version', '=', version)
        .returning(['amount', 'version'])
        .executeTakeFirst(),
    insert: () =>
      session.db
        .insertInto('cost_budgets')
        .values({ owner_org_id: owner, year: input.year, category: input.category, amount: input.amount, updated_by: session.actor.userId })
        .onConflict((oc) => oc.doNothing())
        .returning(['amount', 'version'])
        .executeTakeFirst(),
  });
  await recordAudit(session, [{ action: saved.created ? 'create' : 'update', entityType: 'CostBudget', entityId: `${owner}:${input.year}:${input.category}`, purpose: `budget ${input.year}` }]);
  return { municipalityId: owner, year: input.year, category: input.category, label, amount: saved.amount, version: saved.version };
}

const runningCostInput = z.object({ year, amount, expectedVersion });
export type SetUnitRunningCostInput = z.input<typeof runningCostInput>;

/** Sets the joint unit's own running cost for a year, which the members share by the year's key. */
export async function setUnitRunningCost(session: Session, rawInput: SetUnitRunningCostInput): Promise<UnitRunningCost> {
  requireOrganisationRole(session.actor, 'foster_care_unit', BUDGET_EDITORS, UNIT_ONLY);
  const input = parseInput(runningCostInput, rawInput);
  const unitId = session.actor.organisationId;
  const saved = await saveVersioned(`Familjehemsenhetens kostnad för ${input.year}`, input.expectedVersion ?? null, {
    read: () => session.db.selectFrom('unit_running_costs').select('version').where('owner_org_id', '=', unitId).where('year', '=', input.year).executeTakeFirst(),
    update: (version) =>
      session.db
        .updateTable('unit_running_costs')
        .set({ amount: input.amount, version: sql`version + 1`, updated_by: session.actor.userId, updated_at: sql`now()` })
        .where('owner_org_id', '=', unitId)
        .where('year', '=', input.year)
        .where('version', '=', version)
        .returning(['amount', 'version'])
        .executeTakeFirst(),
    insert: () =>
      session.db
        .insertInto('unit_running_costs')
        .values({ owner_org_id: unitId, year: input.year, amount: input.amount, updated_by: session.actor.userId })
        .onConflict((oc) => oc.doNothing())
        .returning(['amount', 'version'])
        .executeTakeFirst(),
  });
  await recordAudit(session, [{ action: saved.created ? 'create' : 'update', entityType: 'UnitRunningCost', entityId: `${unitId}:${input.year}`, purpose: `verksamhetskostnad ${input.year}` }]);
  return { unitId, year: input.year, amount: saved.amount, version: saved.version };
}

const runningCostQuery = z.object({ unitId: z.string().uuid({ error: 'Familjehemsenheten finns inte.' }), year });

/**
 * The unit's running cost for a year, or null while none is set: for the unit's staff, and for a
 * member municipality's head of unit or administrator (row-level security lets members read it).
 */
export async function loadUnitRunningCost(session: Session, options: { unitId: string; year: number }): Promise<UnitRunningCost | null> {
  if (!hasRole(session.actor, ...RUNNING_COST_READERS)) throw new ForbiddenError();
  const input = parseInput(runningCostQuery, options);
  const row = await session.db
    .selectFrom('unit_running_costs')
    .select(['owner_org_id', 'year', 'amount', 'version'])
    .where('owner_org_id', '=', input.unitId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  return row ? { unitId: row.owner_org_id, year: row.year, amount: row.amount, version: row.version } : null;
}
