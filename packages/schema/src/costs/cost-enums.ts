import { BUDGET_CATEGORIES, COST_CATEGORIES, type BudgetCategory, type CostCategory } from '@samverka/domain';
import { builder } from '../builder.js';
import { enumValues } from '../enum-values.js';

const COST_CATEGORY_DESCRIPTIONS: Record<CostCategory, string> = {
  own: 'Egna familjehem (enhetens eller kommunens), utan behandlingsuppdrag.',
  network: 'Nätverkshem: släktingar eller andra i barnets nätverk.',
  emergency: 'Jourhem.',
  treatment: 'Familjehem med behandlingsuppdrag (tillägg per dygn).',
  consultant_supported: 'Konsulentstödda familjehem: konsulentverksamhetens avtalade dygnspris.',
};

export const CostCategoryEnum = builder.enumType('CostCategory', {
  description: 'Kostnadskategori för en placering: hemmets typ, med behandlingsuppdrag som egen kategori.',
  values: enumValues<CostCategory>(COST_CATEGORIES, COST_CATEGORY_DESCRIPTIONS),
});

export const BudgetCategoryEnum = builder.enumType('BudgetCategory', {
  description: 'Budgetkategori: kostnadskategorierna och kommunens andel av familjehemsenhetens kostnad.',
  values: enumValues<BudgetCategory>(BUDGET_CATEGORIES, { ...COST_CATEGORY_DESCRIPTIONS, unit_share: 'Kommunens andel av den gemensamma familjehemsenhetens kostnad enligt fördelningsnyckeln.' }),
});
