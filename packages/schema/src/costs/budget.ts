import {
  BUDGET_EDITORS,
  loadBudgets,
  loadUnitRunningCost,
  RUNNING_COST_READERS,
  setBudget,
  setUnitRunningCost,
  type Budget,
  type UnitRunningCost,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';
import { BudgetCategoryEnum } from './cost-enums.js';

export const BudgetRef = builder.objectRef<Budget>('Budget').implement({
  description: 'Kommunens budget (budget) för en budgetpost ett år.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Budgetåret (år).' }),
    category: t.field({ type: BudgetCategoryEnum, description: 'Budgetposten (budgetpost).', resolve: (b) => b.category }),
    label: t.exposeString('label', { description: 'Budgetpostens namn på svenska.' }),
    amount: t.field({ type: 'Money', nullable: true, description: 'Budgeterat belopp i öre; tomt när ingen budget är satt.', resolve: (b) => b.amount }),
    version: t.exposeInt('version', { nullable: true, description: 'Version, skickas med vid ändring; tom när ingen budget är satt.' }),
  }),
});

export const UnitRunningCostRef = builder.objectRef<UnitRunningCost>('UnitRunningCost').implement({
  description: 'Familjehemsenhetens egen kostnad för ett år (verksamhetskostnad: personal, lokaler, utbildning), som fördelas mellan kommunerna med årets fördelningsnyckel.',
  fields: (t) => ({
    unit: t.field({ type: OrganisationRef, description: 'Familjehemsenheten (familjehemsenhet).', resolve: (c) => c.unitId }),
    year: t.exposeInt('year', { description: 'Året (år).' }),
    amount: t.field({ type: 'Money', description: 'Kostnaden i öre.', resolve: (c) => c.amount }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring.' }),
  }),
});

builder.queryFields((t) => ({
  budgets: t.field({
    type: [BudgetRef],
    description: 'Din kommuns budget för ett år (budget), en rad per budgetpost.',
    authScopes: { anyRole: [...BUDGET_EDITORS] },
    args: { year: t.arg.int({ required: true, description: 'Budgetåret.' }) },
    resolve: (_root, args, context) => loadBudgets(sessionOf(context), args.year),
  }),
  unitRunningCost: t.field({
    type: UnitRunningCostRef,
    nullable: true,
    description: 'Familjehemsenhetens kostnad för ett år (verksamhetskostnad), om den är satt.',
    authScopes: { anyRole: [...RUNNING_COST_READERS] },
    args: {
      year: t.arg.int({ required: true, description: 'Året.' }),
      unitId: t.arg.globalID({ required: false, for: OrganisationRef, description: 'Familjehemsenheten; din egen organisation om inget anges.' }),
    },
    resolve: (_root, args, context) => {
      const session = sessionOf(context);
      return loadUnitRunningCost(session, { unitId: args.unitId?.id ?? session.actor.organisationId, year: args.year });
    },
  }),
}));

const SetBudgetInput = builder.inputType('SetBudgetInput', {
  description: 'Sätt kommunens budget för en budgetpost ett år. expectedVersion är versionen du läste; utelämnas när ingen budget var satt.',
  fields: (t) => ({
    year: t.int({ required: true, description: 'Budgetåret.' }),
    category: t.field({ type: BudgetCategoryEnum, required: true, description: 'Budgetposten.' }),
    amount: t.field({ type: 'Money', required: true, description: 'Belopp i öre.' }),
    expectedVersion: t.int({ required: false, description: 'Versionen du läste.' }),
  }),
});

const SetUnitRunningCostInput = builder.inputType('SetUnitRunningCostInput', {
  description: 'Sätt familjehemsenhetens kostnad för ett år. expectedVersion är versionen du läste; utelämnas när ingen kostnad var satt.',
  fields: (t) => ({
    year: t.int({ required: true, description: 'Året.' }),
    amount: t.field({ type: 'Money', required: true, description: 'Belopp i öre.' }),
    expectedVersion: t.int({ required: false, description: 'Versionen du läste.' }),
  }),
});

builder.mutationFields((t) => ({
  setBudget: t.field({
    type: BudgetRef,
    description: 'Sätt eller ändra kommunens budget för en budgetpost (enhetschef eller administratör i kommunen).',
    authScopes: { anyRole: [...BUDGET_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SetBudgetInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => setBudget(session, input)),
  }),
  setUnitRunningCost: t.field({
    type: UnitRunningCostRef,
    description: 'Sätt eller ändra familjehemsenhetens kostnad för ett år (enhetens enhetschef eller administratör).',
    authScopes: { anyRole: [...BUDGET_EDITORS] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SetUnitRunningCostInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => setUnitRunningCost(session, input)),
  }),
}));
