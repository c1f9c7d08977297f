import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  municipalityCostReport,
  municipalityCostReportCsv,
  MUNICIPALITY_COST_READERS,
  placementCostLines,
  placementCostLinesCsv,
  UNIT_COST_READERS,
  unitCostReport,
  unitCostReportCsv,
  type BudgetLine,
  type CategoryCost,
  type CostSharePart,
  type MonthCost,
  type MunicipalityCostReport,
  type MunicipalityCostSummary,
  type PlacementCostLine,
  type SavingsPotential,
  type SavingsTrendYear,
  type UnitCostReport,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import { BudgetCategoryEnum, CostCategoryEnum } from './cost-enums.js';
import './money.js';

const CategoryCostRef = builder.objectRef<CategoryCost>('CategoryCost').implement({
  description: 'Kostnaden för en kategori av placeringar under en period (vårddygn, kostnad, snittkostnad per dygn).',
  fields: (t) => ({
    category: t.field({ type: CostCategoryEnum, nullable: true, description: 'Kategorin; null på sammanslagna rader (egen regi, totalt).', resolve: (c) => c.category }),
    label: t.exposeString('label', { description: 'Kategorins namn på svenska.' }),
    placements: t.exposeInt('placements', { description: 'Placeringar med dygn eller kostnader under perioden; var och en räknas en gång.' }),
    days: t.exposeInt('days', { description: 'Vårddygn.' }),
    dailyCost: t.field({ type: 'Money', description: 'Dygnskostnader: arvode, omkostnadsersättning, behandlingstillägg och avtalat dygnspris (utan extra kostnader).', resolve: (c) => c.dailyCost }),
    extra: t.field({ type: 'Money', description: 'Extra och engångskostnader.', resolve: (c) => c.extra }),
    total: t.field({ type: 'Money', description: 'Kostnad totalt: dygnskostnader och extra kostnader.', resolve: (c) => c.total }),
    averageDailyCost: t.field({ type: 'Money', nullable: true, description: 'Snittkostnad per dygn (dygnskostnader delat med vårddygn, avrundat till öre); null utan dygn.', resolve: (c) => c.averageDailyCost }),
  }),
});

const MonthCostRef = builder.objectRef<MonthCost>('MonthCost').implement({
  description: 'En månads kostnad: utfall till och med rapportdagen och prognos för hela månaden.',
  fields: (t) => ({
    month: t.exposeString('month', { description: 'Månaden, ÅÅÅÅ-MM.' }),
    categories: t.field({ type: [CategoryCostRef], description: 'Utfallet per kategori (de kategorier som har dygn eller kostnader).', resolve: (m) => [...m.categories] }),
    outcome: t.field({ type: 'Money', description: 'Utfall: kostnad till och med rapportdagen.', resolve: (m) => m.outcome }),
    forecast: t.field({ type: 'Money', description: 'Prognos: utfallet och vad pågående placeringar väntas kosta resten av månaden, fram till planerat slut.', resolve: (m) => m.forecast }),
  }),
});

const BudgetLineRef = builder.objectRef<BudgetLine>('BudgetLine').implement({
  description: 'Budget mot utfall och prognos för en kategori, som i nämndens ekonomiska uppföljning.',
  fields: (t) => ({
    category: t.field({ type: BudgetCategoryEnum, nullable: true, description: 'Kategorin; null på totalraden.', resolve: (l) => l.category }),
    label: t.exposeString('label', { description: 'Kategorins namn på svenska.' }),
    budget: t.field({ type: 'Money', nullable: true, description: 'Budget helår; null om ingen budget är satt.', resolve: (l) => l.budget }),
    outcomeToDate: t.field({ type: 'Money', description: 'Utfall 1 januari till och med rapportdagen.', resolve: (l) => l.outcomeToDate }),
    forecast: t.field({ type: 'Money', description: 'Prognos helår: utfallet och pågående placeringar till planerat slut.', resolve: (l) => l.forecast }),
    deviation: t.field({ type: 'Money', nullable: true, description: 'Avvikelse: budget minus prognos; negativ när året väntas gå över budget.', resolve: (l) => l.deviation }),
  }),
});

const SavingsPotentialRef = builder.objectRef<SavingsPotential>('SavingsPotential').implement({
  description: 'Besparingspotential: vad de konsulentstödda dygnen hade kostat i egna familjehem, till barnets ålder.',
  fields: (t) => ({
    consultantDays: t.exposeInt('consultantDays', { description: 'Vårddygn i konsulentstödda familjehem.' }),
    consultantCost: t.field({ type: 'Money', description: 'Vad dygnen kostade (avtalat dygnspris).', resolve: (s) => s.consultantCost }),
    atOwnRates: t.field({ type: 'Money', description: 'Samma dygn till familjehemsenhetens arvode och omkostnadsersättning för egna hem.', resolve: (s) => s.atOwnRates }),
    potential: t.field({ type: 'Money', description: 'Skillnaden: besparingspotential.', resolve: (s) => s.potential }),
  }),
});

const SavingsTrendYearRef = builder.objectRef<SavingsTrendYear>('SavingsTrendYear').implement({
  description: 'Ett års fördelning mellan egen regi och konsulentstött, och besparingspotentialen.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'År.' }),
    ownDays: t.exposeInt('ownDays', { description: 'Vårddygn i egna, nätverks-, jour- och behandlingshem.' }),
    consultantDays: t.exposeInt('consultantDays', { description: 'Vårddygn i konsulentstödda familjehem.' }),
    consultantShare: t.exposeFloat('consultantShare', { description: 'Konsulentstödda dygn i procent av alla dygn, en decimal.' }),
    potential: t.field({ type: 'Money', description: 'Besparingspotential för året.', resolve: (y) => y.potential }),
  }),
});

const UnitCostShareRef = builder.objectRef<CostSharePart>('UnitCostShare').implement({
  description: 'En medlemskommuns del av familjehemsenhetens kostnad enligt årets fördelningsnyckel.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen.', resolve: (s) => s.municipalityId }),
    basisPoints: t.exposeInt('basisPoints', { description: 'Andel i hundradels procent (10 000 = 100 %).' }),
    amount: t.field({ type: 'Money', description: 'Belopp; delarna blir tillsammans exakt enhetens kostnad.', resolve: (s) => s.amount }),
  }),
});

type CostReportShape = Pick<MunicipalityCostReport, 'year' | 'asOf' | 'months' | 'categories' | 'own' | 'consultant' | 'savings' | 'savingsTrend' | 'daysWithoutRate'>;

/** What both reports show, so clients can draw either with the same code. */
const CostReportRef = builder.interfaceRef<CostReportShape>('CostReport').implement({
  description: 'En kostnadsrapport för ett år: per månad och kategori, egen regi mot konsulentstött och besparingspotential.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'År.' }),
    asOf: t.field({ type: 'Date', description: 'Rapportdagen: utfall till och med den dagen (i dag, eller 31 december för ett avslutat år).', resolve: (r) => r.asOf }),
    months: t.field({ type: [MonthCostRef], description: 'Årets tolv månader.', resolve: (r) => [...r.months] }),
    categories: t.field({ type: [CategoryCostRef], description: 'Utfall hittills i år per kategori.', resolve: (r) => [...r.categories] }),
    own: t.field({ type: CategoryCostRef, description: 'Egen regi: egna, nätverks-, jour- och behandlingshem tillsammans.', resolve: (r) => r.own }),
    consultant: t.field({ type: CategoryCostRef, description: 'Konsulentstödda familjehem.', resolve: (r) => r.consultant }),
    savings: t.field({ type: SavingsPotentialRef, description: 'Besparingspotential hittills i år.', resolve: (r) => r.savings }),
    savingsTrend: t.field({ type: [SavingsTrendYearRef], description: 'Besparingspotential och andel konsulentstött per år, de senaste fem åren.', resolve: (r) => [...r.savingsTrend] }),
    daysWithoutRate: t.exposeInt('daysWithoutRate', { description: 'Vårddygn utan gällande taxa (uppgifter att rätta i prislistan); normalt 0.' }),
  }),
});

const MunicipalityCostReportRef = builder.objectRef<MunicipalityCostReport>('MunicipalityCostReport').implement({
  description: 'Den placerande kommunens kostnader för placeringar ett år, mot budget, med prognos och besparingspotential.',
  interfaces: [CostReportRef],
  isTypeOf: (report) => typeof report === 'object' && report !== null && 'budgetTotal' in report,
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen.', resolve: (r) => r.municipalityId }),
    budget: t.field({ type: [BudgetLineRef], description: 'Budget, utfall, prognos och avvikelse per kategori.', resolve: (r) => [...r.budget] }),
    budgetTotal: t.field({ type: BudgetLineRef, description: 'Totalraden.', resolve: (r) => r.budgetTotal }),
    unitShare: t.field({ type: UnitCostShareRef, nullable: true, description: 'Kommunens del av familjehemsenhetens kostnad i år; null utan fördelningsnyckel eller kostnad.', resolve: (r) => r.unitShare }),
    unitRunningCost: t.field({ type: 'Money', nullable: true, description: 'Familjehemsenhetens hela kostnad i år.', resolve: (r) => r.unitRunningCost }),
    csv: t.string({ description: 'Rapportens tabeller som CSV för svenska Excel (semikolon, svenska rubriker, belopp i kronor).', resolve: (r) => municipalityCostReportCsv(r) }),
  }),
});

const MunicipalityCostSummaryRef = builder.objectRef<MunicipalityCostSummary>('MunicipalityCostSummary').implement({
  description: 'En medlemskommuns kostnader hittills i år, som summor (inga placeringar).',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen.', resolve: (m) => m.municipalityId }),
    categories: t.field({ type: [CategoryCostRef], description: 'Per kategori.', resolve: (m) => [...m.categories] }),
    total: t.field({ type: CategoryCostRef, description: 'Totalt.', resolve: (m) => m.total }),
    savings: t.field({ type: SavingsPotentialRef, description: 'Besparingspotential.', resolve: (m) => m.savings }),
  }),
});

const UnitCostReportRef = builder.objectRef<UnitCostReport>('UnitCostReport').implement({
  description: 'Familjehemsenhetens bild av medlemskommunernas kostnader ett år, som summor, och enhetens kostnad fördelad enligt fördelningsnyckeln.',
  interfaces: [CostReportRef],
  isTypeOf: (report) => typeof report === 'object' && report !== null && 'split' in report,
  fields: (t) => ({
    unit: t.field({ type: OrganisationRef, description: 'Familjehemsenheten.', resolve: (r) => r.unitId }),
    municipalities: t.field({ type: [MunicipalityCostSummaryRef], description: 'Per medlemskommun.', resolve: (r) => [...r.municipalities] }),
    runningCost: t.field({ type: 'Money', nullable: true, description: 'Enhetens kostnad för året; null om den inte är satt.', resolve: (r) => r.runningCost }),
    split: t.field({ type: [UnitCostShareRef], description: 'Enhetens kostnad fördelad enligt årets fördelningsnyckel; delarna blir exakt kostnaden.', resolve: (r) => [...r.split] }),
    csv: t.string({ description: 'Rapportens tabeller som CSV för svenska Excel (semikolon, svenska rubriker, belopp i kronor).', resolve: (r) => unitCostReportCsv(r) }),
  }),
});

const PlacementCostLineRef = builder.objectRef<PlacementCostLine>('PlacementCostLine').implement({
  description: 'En placerings kostnad bakom en siffra i kostnadsrapporten.',
  fields: (t) => ({
    placementId: t.id({ description: 'Placeringens id (globalt id).', resolve: (l) => encodeGlobalID('Placement', l.placementId) }),
    childId: t.id({ description: 'Barnets id (globalt id).', resolve: (l) => encodeGlobalID('Child', l.childId) }),
    childName: t.exposeString('childName', { description: 'Barnets namn.' }),
    homeName: t.exposeString('homeName', { description: 'Familjehemmets namn.' }),
    category: t.field({ type: CostCategoryEnum, description: 'Kostnadskategori.', resolve: (l) => l.category }),
    startsOn: t.field({ type: 'Date', description: 'Startdatum.', resolve: (l) => l.startsOn }),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Slutdatum (flyttdagen); null om placeringen pågår.', resolve: (l) => l.endedOn }),
    days: t.exposeInt('days', { description: 'Vårddygn under perioden.' }),
    dailyCost: t.field({ type: 'Money', description: 'Dygnskostnader under perioden.', resolve: (l) => l.dailyCost }),
    extra: t.field({ type: 'Money', description: 'Extra kostnader under perioden.', resolve: (l) => l.extra }),
    total: t.field({ type: 'Money', description: 'Kostnad totalt under perioden.', resolve: (l) => l.total }),
    averageDailyCost: t.field({ type: 'Money', nullable: true, description: 'Snittkostnad per dygn; null utan dygn.', resolve: (l) => l.averageDailyCost }),
  }),
});

const reportArgs = (t: PothosSchemaTypes.QueryFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never, {}>) => ({
  year: t.arg.int({ required: true, description: 'Året (år).' }),
  asOf: t.arg({ type: 'Date', required: false, description: 'Rapportdagen (datum); i dag, eller 31 december för ett avslutat år.' }),
});

builder.queryField('municipalityCostReport', (t) =>
  t.field({
    type: MunicipalityCostReportRef,
    description: 'Din kommuns kostnader för placeringar ett år: per månad och kategori, budget och prognos, besparingspotential och andel av enhetens kostnad.',
    authScopes: { anyRole: [...MUNICIPALITY_COST_READERS] },
    args: reportArgs(t),
    resolve: (_root, args, context) => municipalityCostReport(sessionOf(context), { year: args.year, asOf: args.asOf }),
  }),
);

builder.queryField('unitCostReport', (t) =>
  t.field({
    type: UnitCostReportRef,
    description: 'Familjehemsenhetens kostnadsrapport: medlemskommunernas kostnader som summor och enhetens kostnad enligt fördelningsnyckeln.',
    authScopes: { anyRole: [...UNIT_COST_READERS] },
    args: reportArgs(t),
    resolve: (_root, args, context) => unitCostReport(sessionOf(context), { year: args.year, asOf: args.asOf }),
  }),
);

const drillDownArgs = (t: Parameters<typeof reportArgs>[0]) => ({
  ...reportArgs(t),
  category: t.arg({ type: CostCategoryEnum, required: false, description: 'Bara en kategori.' }),
  month: t.arg.string({ required: false, description: 'Bara en månad, ÅÅÅÅ-MM.' }),
});

builder.queryField('placementCosts', (t) =>
  t.field({
    type: [PlacementCostLineRef],
    description: 'Placeringarna bakom en siffra i din kommuns kostnadsrapport (hittills i år), efter barnets namn. Läsningen loggas per barn.',
    authScopes: { anyRole: [...MUNICIPALITY_COST_READERS] },
    args: drillDownArgs(t),
    resolve: (_root, args, context) => placementCostLines(sessionOf(context), args),
  }),
);

builder.queryField('placementCostsCsv', (t) =>
  t.string({
    description: 'Samma placeringar som CSV för svenska Excel.',
    authScopes: { anyRole: [...MUNICIPALITY_COST_READERS] },
    args: drillDownArgs(t),
    resolve: async (_root, args, context) => placementCostLinesCsv(await placementCostLines(sessionOf(context), args)),
  }),
);
