import {
  addConsultantPrice,
  addFeeRate,
  addTreatmentSupplement,
  applyRateIndex,
  FEE_HOME_KIND_LABELS,
  FEE_HOME_KINDS,
  hasRole,
  listPriceListOwners,
  loadPriceList,
  periodStatus,
  PRICE_LIST_EDITORS,
  PRICE_LIST_READERS,
  type ConsultantPricePeriod,
  type FeeRatePeriod,
  type PriceList,
  type RateIndex,
  type RatePeriodStatus,
  type TreatmentSupplementPeriod,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { MUTATION_ERRORS } from '../errors.js';
import { ConsultancyAgencyRef } from '../homes/consultancy-agency.js';
import { OrganisationRef } from '../units/organisation.js';

const RatePeriodStatusEnum = builder.enumType('RatePeriodStatus', {
  description: 'Var en taxeperiod står (giltighet) den dag prislistan visas för.',
  values: {
    PAST: { value: 'past', description: 'Har upphört (gällde tidigare).' },
    CURRENT: { value: 'current', description: 'Gäller (gällande).' },
    FUTURE: { value: 'future', description: 'Börjar senare (kommande).' },
  } as const,
});

const FeeHomeKindEnum = builder.enumType('FeeHomeKind', {
  description: 'Slag av familjehem som får arvode och omkostnadsersättning (hemtyp); konsulentstödda hem har avtalat dygnspris i stället.',
  values: enumValues(FEE_HOME_KINDS, FEE_HOME_KIND_LABELS),
});

type WithStatus<T> = T & { readonly status: RatePeriodStatus };

function withStatus<T extends { validFrom: string; validTo: string | null }>(periods: readonly T[], on: string): WithStatus<T>[] {
  return periods.map((period) => ({ ...period, status: periodStatus(period, on) }));
}

const FeeRatePeriodRef = builder.objectRef<WithStatus<FeeRatePeriod>>('FeeRatePeriod').implement({
  description: 'Arvode och omkostnadsersättning per dygn (taxa) för ett slag av familjehem och en åldersgrupp, under en period.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Periodens id.' }),
    homeKind: t.field({ type: FeeHomeKindEnum, description: 'Slag av familjehem (hemtyp).', resolve: (r) => r.homeKind }),
    ageFrom: t.exposeInt('ageFrom', { description: 'Åldersgruppens lägsta ålder i fyllda år (från och med).' }),
    ageTo: t.exposeInt('ageTo', { description: 'Åldersgruppens högsta ålder i fyllda år (till och med).' }),
    validFrom: t.field({ type: 'Date', description: 'Första dagen perioden gäller (giltig från).', resolve: (r) => r.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Sista dagen perioden gäller (giltig till); tom: tills vidare.', resolve: (r) => r.validTo }),
    feePerDay: t.field({ type: 'Money', description: 'Arvode per dygn (arvode).', resolve: (r) => r.feePerDay }),
    expensesPerDay: t.field({ type: 'Money', description: 'Omkostnadsersättning per dygn (omkostnadsersättning).', resolve: (r) => r.expensesPerDay }),
    perDay: t.field({ type: 'Money', description: 'Arvode och omkostnadsersättning tillsammans per dygn (dygnskostnad).', resolve: (r) => r.feePerDay + r.expensesPerDay }),
    status: t.field({ type: RatePeriodStatusEnum, description: 'Om perioden har upphört, gäller eller är kommande.', resolve: (r) => r.status }),
  }),
});

const ConsultantPricePeriodRef = builder.objectRef<WithStatus<ConsultantPricePeriod>>('ConsultantPricePeriod').implement({
  description: 'En konsulentverksamhets avtalade dygnspris (avtalat dygnspris) under en avtalsperiod; priset är hela dygnskostnaden.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Periodens id.' }),
    agency: t.field({ type: ConsultancyAgencyRef, description: 'Konsulentverksamheten (konsulentverksamhet).', resolve: (p) => p.agencyId }),
    contractReference: t.exposeString('contractReference', { description: 'Avtalet priset kommer från (avtal), t.ex. diarienummer.' }),
    validFrom: t.field({ type: 'Date', description: 'Första dagen priset gäller (giltig från).', resolve: (p) => p.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Sista dagen priset gäller (giltig till); tom: tills vidare.', resolve: (p) => p.validTo }),
    pricePerDay: t.field({ type: 'Money', description: 'Dygnspris (dygnspris).', resolve: (p) => p.pricePerDay }),
    status: t.field({ type: RatePeriodStatusEnum, description: 'Om perioden har upphört, gäller eller är kommande.', resolve: (p) => p.status }),
  }),
});

const TreatmentSupplementPeriodRef = builder.objectRef<WithStatus<TreatmentSupplementPeriod>>('TreatmentSupplementPeriod').implement({
  description: 'Tillägg per dygn för behandlingsuppdrag (behandlingstillägg) under en period.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Periodens id.' }),
    validFrom: t.field({ type: 'Date', description: 'Första dagen tillägget gäller (giltig från).', resolve: (s) => s.validFrom }),
    validTo: t.field({ type: 'Date', nullable: true, description: 'Sista dagen tillägget gäller (giltig till); tom: tills vidare.', resolve: (s) => s.validTo }),
    perDay: t.field({ type: 'Money', description: 'Tillägg per dygn.', resolve: (s) => s.perDay }),
    status: t.field({ type: RatePeriodStatusEnum, description: 'Om perioden har upphört, gäller eller är kommande.', resolve: (s) => s.status }),
  }),
});

const RateIndexRef = builder.objectRef<RateIndex>('RateIndex').implement({
  description: 'Årets uppräkning (uppräkning, index) av taxorna som gällde vid förra årets slut.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Året uppräkningen gäller från 1 januari (år).' }),
    basisPoints: t.exposeInt('basisPoints', { description: 'Uppräkningen i hundradels procent: 2,9 % = 290.' }),
    percent: t.float({ description: 'Uppräkningen i procent.', resolve: (i) => i.basisPoints / 100 }),
    createdAt: t.field({ type: 'DateTime', description: 'När uppräkningen gjordes.', resolve: (i) => i.createdAt }),
  }),
});

export const PriceListRef = builder.objectRef<PriceList>('PriceList').implement({
  description:
    'En organisations prislista (prislista, taxor): arvoden per hemtyp och åldersgrupp, avtalade dygnspriser, behandlingstillägg och uppräkningar, gällande och tidigare. En ändring är alltid en ny period.',
  fields: (t) => ({
    owner: t.field({ type: OrganisationRef, description: 'Organisationen som betalar hemmen och äger prislistan (huvudman).', resolve: (l) => l.ownerId }),
    on: t.field({ type: 'Date', description: 'Dagen periodernas status gäller för.', resolve: (l) => l.on }),
    canEdit: t.boolean({
      description: 'Om du får ändra prislistan (enhetschef eller administratör i organisationen som äger den).',
      resolve: (l, _args, context) => l.ownerId === context.actor?.organisationId && hasRole(context.actor, ...PRICE_LIST_EDITORS),
    }),
    feeRates: t.field({
      type: [FeeRatePeriodRef],
      description: 'Arvoden och omkostnadsersättningar, efter hemtyp, åldersgrupp och startdag.',
      resolve: (l) => withStatus(l.feeRates, l.on),
    }),
    consultantPrices: t.field({
      type: [ConsultantPricePeriodRef],
      description: 'Avtalade dygnspriser, efter konsulentverksamhet och startdag.',
      resolve: (l) => withStatus(l.consultantPrices, l.on),
    }),
    treatmentSupplements: t.field({
      type: [TreatmentSupplementPeriodRef],
      description: 'Tillägg för behandlingsuppdrag, efter startdag.',
      resolve: (l) => withStatus(l.treatmentSupplements, l.on),
    }),
    indices: t.field({ type: [RateIndexRef], description: 'Uppräkningar per år.', resolve: (l) => [...l.indices] }),
  }),
});

builder.queryFields((t) => ({
  priceList: t.field({
    type: PriceListRef,
    description: 'En prislista (prislista): din organisations, eller en annans, t.ex. familjehemsenhetens för en medlemskommun.',
    authScopes: { anyRole: [...PRICE_LIST_READERS] },
    args: {
      ownerId: t.arg.globalID({ required: false, for: OrganisationRef, description: 'Organisationen som äger prislistan; din egen om inget anges.' }),
      on: t.arg({ type: 'Date', required: false, description: 'Dagen periodernas status gäller för; i dag om inget anges.' }),
    },
    resolve: (_root, args, context) =>
      loadPriceList(sessionOf(context), { ...(args.ownerId ? { ownerId: args.ownerId.id } : {}), ...(args.on ? { on: args.on } : {}) }),
  }),
  priceListOwners: t.field({
    type: [OrganisationRef],
    description: 'Vems prislistor du arbetar med: din organisations och, för en kommun, familjehemsenhetens.',
    authScopes: { anyRole: [...PRICE_LIST_READERS] },
    resolve: (_root, _args, context) => listPriceListOwners(sessionOf(context)),
  }),
}));

const AddFeeRateInput = builder.inputType('AddFeeRateInput', {
  description: 'En ny period av arvode och omkostnadsersättning (ny taxa) från ett datum, tidigast i dag. En tillsvidareperiod som började tidigare avslutas dagen före.',
  fields: (t) => ({
    homeKind: t.field({ type: FeeHomeKindEnum, required: true, description: 'Slag av familjehem.' }),
    ageFrom: t.int({ required: true, description: 'Åldersgruppens lägsta ålder (fyllda år).' }),
    ageTo: t.int({ required: true, description: 'Åldersgruppens högsta ålder (fyllda år).' }),
    validFrom: t.field({ type: 'Date', required: true, description: 'Första dagen, tidigast i dag.' }),
    validTo: t.field({ type: 'Date', required: false, description: 'Sista dagen; tills vidare om inget anges.' }),
    feePerDay: t.field({ type: 'Money', required: true, description: 'Arvode per dygn i öre.' }),
    expensesPerDay: t.field({ type: 'Money', required: true, description: 'Omkostnadsersättning per dygn i öre.' }),
  }),
});

const AddConsultantPriceInput = builder.inputType('AddConsultantPriceInput', {
  description: 'Ett nytt avtalat dygnspris (avtalsperiod) för en konsulentverksamhet från ett datum, tidigast i dag.',
  fields: (t) => ({
    agencyId: t.globalID({ required: true, for: ConsultancyAgencyRef, description: 'Konsulentverksamheten.' }),
    contractReference: t.string({ required: true, description: 'Avtalets beteckning, t.ex. diarienummer.' }),
    validFrom: t.field({ type: 'Date', required: true, description: 'Första dagen, tidigast i dag.' }),
    validTo: t.field({ type: 'Date', required: false, description: 'Sista dagen; tills vidare om inget anges.' }),
    pricePerDay: t.field({ type: 'Money', required: true, description: 'Dygnspris i öre.' }),
  }),
});

const AddTreatmentSupplementInput = builder.inputType('AddTreatmentSupplementInput', {
  description: 'Ett nytt tillägg för behandlingsuppdrag (behandlingstillägg) från ett datum, tidigast i dag.',
  fields: (t) => ({
    validFrom: t.field({ type: 'Date', required: true, description: 'Första dagen, tidigast i dag.' }),
    validTo: t.field({ type: 'Date', required: false, description: 'Sista dagen; tills vidare om inget anges.' }),
    perDay: t.field({ type: 'Money', required: true, description: 'Tillägg per dygn i öre.' }),
  }),
});

const ApplyRateIndexInput = builder.inputType('ApplyRateIndexInput', {
  description: 'Årets uppräkning (index) av arvoden och behandlingstillägg som gäller 31 december året före.',
  fields: (t) => ({
    year: t.int({ required: true, description: 'Året de uppräknade taxorna gäller från 1 januari.' }),
    basisPoints: t.int({ required: true, description: 'Uppräkningen i hundradels procent: 2,9 % = 290.' }),
  }),
});

const editors = { anyRole: [...PRICE_LIST_EDITORS] };

builder.mutationFields((t) => ({
  addFeeRate: t.field({
    type: PriceListRef,
    description: 'Lägg till en ny taxa från ett datum (arvode och omkostnadsersättning). Vägras om den börjar före i dag eller överlappar en annan period.',
    authScopes: editors,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddFeeRateInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => addFeeRate(session, input)),
  }),
  addConsultantPrice: t.field({
    type: PriceListRef,
    description: 'Lägg till ett avtalat dygnspris för en konsulentverksamhet från ett datum.',
    authScopes: editors,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddConsultantPriceInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => addConsultantPrice(session, { ...input, agencyId: input.agencyId.id })),
  }),
  addTreatmentSupplement: t.field({
    type: PriceListRef,
    description: 'Lägg till ett nytt tillägg för behandlingsuppdrag från ett datum.',
    authScopes: editors,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddTreatmentSupplementInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => addTreatmentSupplement(session, input)),
  }),
  applyRateIndex: t.field({
    type: PriceListRef,
    description: 'Räkna upp taxorna med årets index från 1 januari, avrundat till hela kronor. Vägras om året redan är uppräknat eller har börjat.',
    authScopes: editors,
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ApplyRateIndexInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => applyRateIndex(session, input)),
  }),
}));
