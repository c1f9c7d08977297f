import {
  COUNT_INDICATORS,
  INDICATOR_AREA_KINDS,
  INDICATOR_BREAKDOWNS,
  loadNorrbusIndicators,
  MEASURE_INDICATORS,
  type CountIndicator,
  type IndicatorArea,
  type IndicatorAreaKind,
  type IndicatorBreakdown,
  type IndicatorRow,
  type IndicatorValue,
  type MeasureIndicator,
  type NorrbusIndicators,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { DeviationCategoryEnum, DeviationLevelEnum, DisputeSubjectEnum } from '../deviations/deviation-enums.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { OrganisationRef } from '../units/organisation.js';
import { NorrbusGenderEnum } from './gender.js';

/**
 * The steering group's yearly follow-up. Every figure arrives already suppressed by the domain: a
 * count under 3 has no value and reads "<3", a figure hidden so that a small one cannot be
 * subtracted back out reads "x"; the web app shows `display` as it is.
 */

const SUPPRESSION_NOTE = 'Tomt (null) när värdet är dolt: "<3" betyder färre än tre, "x" att värdet döljs så att ett litet tal inte kan räknas fram.';

const IndicatorCountRef = builder.objectRef<IndicatorValue>('IndicatorCount').implement({
  description: `Ett antal i uppföljningen (antal), skyddat för små tal. ${SUPPRESSION_NOTE}`,
  fields: (t) => ({
    value: t.int({ nullable: true, description: 'Antalet; tomt när det är dolt.', resolve: (f) => f.value }),
    display: t.exposeString('display', { description: 'Så som värdet ska visas, t.ex. "12", "<3" eller "x".' }),
  }),
});

const IndicatorMeasureRef = builder.objectRef<IndicatorValue>('IndicatorMeasure').implement({
  description: `En andel i procent eller ett antal dagar (median, medelvärde) i uppföljningen, med en decimal. Döljs när den bygger på färre än tre fall ("<3") eller på ett dolt antal ("x").`,
  fields: (t) => ({
    value: t.float({ nullable: true, description: 'Värdet (procent eller dagar); tomt när det är dolt.', resolve: (f) => f.value }),
    display: t.exposeString('display', { description: 'Så som värdet ska visas, t.ex. "62,5 %", "14 dagar", "<3" eller "x".' }),
  }),
});

const IndicatorChangeRef = builder.objectRef<IndicatorValue>('IndicatorChange').implement({
  description: 'Förändring mot föregående år (förändring): skillnaden när båda åren visas, annars tom och "–". Andelar förändras i procentenheter.',
  fields: (t) => ({
    value: t.float({ nullable: true, description: 'Skillnaden (i år minus förra året); tom när något av åren är dolt.', resolve: (f) => f.value }),
    display: t.exposeString('display', { description: 'Så som förändringen ska visas, t.ex. "+3", "−2,5 procentenheter" eller "–".' }),
  }),
});

const CountIndicatorEnum = builder.enumType('NorrbusCountIndicator', {
  description: 'Ett räknat mått i Norrbus uppföljning (antal).',
  values: enumValues<CountIndicator>(COUNT_INDICATORS, {
    meetings_held: 'Hållna Norrbusmöten, första och uppföljande.',
    first_meetings: 'Hållna första möten (inte uppföljande).',
    follow_up_meetings: 'Hållna uppföljande möten.',
    commitments_due: 'Åtaganden vars uppföljningsdag infallit under året (till och med i dag för innevarande år).',
    commitments_followed_up: 'Av dem uppföljda: utfall registrerat (genomfört, delvis eller inte).',
    commitments_done_on_time: 'Av dem genomförda i tid: utfallet genomfört registrerat senast på uppföljningsdagen.',
    deviations_reported: 'Avvikelser rapporterade under året.',
    deviations_closed: 'Av dem avslutade.',
    disputes_raised: 'Oenigheter väckta under året.',
    disputes_resolved: 'Av dem lösta.',
  }),
});

const MeasureIndicatorEnum = builder.enumType('NorrbusMeasureIndicator', {
  description: 'Ett beräknat mått i Norrbus uppföljning: en andel i procent eller ett antal dagar.',
  values: enumValues<MeasureIndicator>(MEASURE_INDICATORS, {
    median_days_to_first_meeting: 'Dagar från initiativ till första möte, median.',
    mean_days_to_first_meeting: 'Dagar från initiativ till första möte, medelvärde.',
    commitments_followed_up_share: 'Andel uppföljda åtaganden, procent.',
    commitments_done_on_time_share: 'Andel åtaganden genomförda i tid, procent.',
    median_days_to_close_deviation: 'Dagar från rapport till avslut av avvikelse, median.',
  }),
});

const BreakdownEnum = builder.enumType('NorrbusIndicatorBreakdown', {
  description: 'Vilken cell av ett mått en rad är (uppdelning).',
  values: enumValues<IndicatorBreakdown>(INDICATOR_BREAKDOWNS, {
    total: 'Totalt.',
    gender: 'Ett kön: flickor, pojkar eller annan könsidentitet (gender).',
    gender_not_stated: 'Kön ej angivet (avvikelser som inte gäller en ung person).',
    category: 'Ett slag av avvikelse (category).',
    level: 'En nivå för avvikelser (level).',
    subject: 'Ett ämne för oenigheter (subject).',
  }),
});

const IndicatorAreaKindEnum = builder.enumType('IndicatorAreaKind', {
  description: 'Vilket slags område indikatorerna gäller (område).',
  values: enumValues<IndicatorAreaKind>(INDICATOR_AREA_KINDS, {
    county: 'Länet (län).',
    county_part: 'En länsdel (länsdel).',
    municipality: 'En kommun (kommun).',
  }),
});

const IndicatorAreaRef = builder.objectRef<IndicatorArea>('NorrbusIndicatorArea').implement({
  description: 'Ett område i uppföljningen: länet, en länsdel eller en kommun.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Nyckeln raderna anger området med.' }),
    kind: t.field({ type: IndicatorAreaKindEnum, description: 'Län, länsdel eller kommun.', resolve: (a) => a.kind }),
    name: t.exposeString('name', { description: 'Områdets namn.' }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen, för en kommun eller länsdel.' }),
    municipality: t.field({ type: OrganisationRef, nullable: true, description: 'Kommunen, för en kommun.', resolve: (a) => a.municipalityId }),
  }),
});

type AnyRow = IndicatorRow<CountIndicator | MeasureIndicator>;

const IndicatorRowInterface = builder.interfaceRef<AnyRow>('NorrbusIndicatorRow').implement({
  description: 'En rad i uppföljningen: ett område och en cell av ett mått (totalt, eller ett kön, slag, nivå eller ämne).',
  fields: (t) => ({
    area: t.exposeString('area', { description: 'Området (NorrbusIndicatorArea.key).' }),
    breakdown: t.field({ type: BreakdownEnum, description: 'Vilken cell: totalt, eller ett kön, slag, nivå eller ämne.', resolve: (r) => r.breakdown }),
    gender: t.field({ type: NorrbusGenderEnum, nullable: true, description: 'Könet, när raden gäller ett kön.', resolve: (r) => r.gender }),
    category: t.field({ type: DeviationCategoryEnum, nullable: true, description: 'Slaget av avvikelse, när raden gäller ett.', resolve: (r) => r.category }),
    level: t.field({ type: DeviationLevelEnum, nullable: true, description: 'Nivån, när raden gäller en.', resolve: (r) => r.level }),
    subject: t.field({ type: DisputeSubjectEnum, nullable: true, description: 'Ämnet för oenigheter, när raden gäller ett.', resolve: (r) => r.subject }),
    change: t.field({ type: IndicatorChangeRef, description: 'Förändring mot föregående år.', resolve: (r) => r.change }),
  }),
});

const isCount = (row: AnyRow): row is IndicatorRow<CountIndicator> => (COUNT_INDICATORS as readonly string[]).includes(row.indicator);

const CountRowRef = builder.objectRef<IndicatorRow<CountIndicator>>('NorrbusIndicatorCountRow').implement({
  description: 'Ett räknat mått för ett område och en cell, i år och förra året (antal).',
  interfaces: [IndicatorRowInterface],
  isTypeOf: (row) => isCount(row as AnyRow),
  fields: (t) => ({
    indicator: t.field({ type: CountIndicatorEnum, description: 'Måttet.', resolve: (r) => r.indicator }),
    current: t.field({ type: IndicatorCountRef, description: 'Valt år.', resolve: (r) => r.current }),
    previous: t.field({ type: IndicatorCountRef, description: 'Föregående år.', resolve: (r) => r.previous }),
  }),
});

const MeasureRowRef = builder.objectRef<IndicatorRow<MeasureIndicator>>('NorrbusIndicatorMeasureRow').implement({
  description: 'En andel eller ett antal dagar för ett område och en cell, i år och förra året (mått).',
  interfaces: [IndicatorRowInterface],
  isTypeOf: (row) => !isCount(row as AnyRow),
  fields: (t) => ({
    indicator: t.field({ type: MeasureIndicatorEnum, description: 'Måttet.', resolve: (r) => r.indicator }),
    current: t.field({ type: IndicatorMeasureRef, description: 'Valt år.', resolve: (r) => r.current }),
    previous: t.field({ type: IndicatorMeasureRef, description: 'Föregående år.', resolve: (r) => r.previous }),
  }),
});

const NorrbusIndicatorsRef = builder.objectRef<NorrbusIndicators>('NorrbusIndicators').implement({
  description:
    'Norrbus årliga uppföljning (indikatorer) för styrgruppen: per kommun, länsdel och län, per kön, valt år mot föregående, en rad per område, mått och cell. Små tal är skyddade redan här: inget antal under tre visas, och inget dolt värde kan räknas fram ur de andra.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Året (år).' }),
    previousYear: t.exposeInt('previousYear', { description: 'Året det jämförs med.' }),
    asOf: t.field({ type: 'Date', description: 'Räknat till och med (i dag för innevarande år).', resolve: (i) => i.asOf }),
    areas: t.field({ type: [IndicatorAreaRef], description: 'Områdena: länet, länsdelarna och kommunerna, efter namn.', resolve: (i) => [...i.areas] }),
    counts: t.field({
      type: [CountRowRef],
      description: 'Räknade mått, per område och cell.',
      args: { indicators: t.arg({ type: [CountIndicatorEnum], required: false, description: 'Bara dessa mått.' }) },
      resolve: (i, args) => i.counts.filter((r) => !args.indicators || args.indicators.includes(r.indicator)),
    }),
    measures: t.field({
      type: [MeasureRowRef],
      description: 'Andelar och dagar, per område och cell.',
      args: { indicators: t.arg({ type: [MeasureIndicatorEnum], required: false, description: 'Bara dessa mått.' }) },
      resolve: (i, args) => i.measures.filter((r) => !args.indicators || args.indicators.includes(r.indicator)),
    }),
  }),
});

builder.queryField('norrbusIndicators', (t) =>
  t.field({
    type: NorrbusIndicatorsRef,
    description: 'Norrbus årliga uppföljning för styrgruppen i ditt län (Samverkansstruktur målgrupp barn och unga). Bara styrgruppsledamöter.',
    authScopes: { anyRole: ['steering_group_member'] },
    args: { year: t.arg.int({ required: true, description: 'Året (2000–2100).' }) },
    resolve: (_root, args, context) => loadNorrbusIndicators(sessionOf(context), { year: args.year }),
  }),
);
