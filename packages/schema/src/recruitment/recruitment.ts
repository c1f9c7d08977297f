import {
  LEAVING_REASONS,
  listRecruitmentPipeline,
  loadLatestRecruitmentsByHome,
  loadRecruitmentEvents,
  loadRecruitmentProgress,
  loadRecruitments,
  loadUserNames,
  RECRUITERS,
  RECRUITMENT_EVENT_KINDS,
  RECRUITMENT_PURPOSES,
  RECRUITMENT_SOURCES,
  RECRUITMENT_STEPS,
  SCREENING_RESULTS,
  type LeavingReason,
  type Recruitment,
  type RecruitmentEvent,
  type RecruitmentEventKind,
  type RecruitmentPipeline,
  type RecruitmentProgress,
  type RecruitmentPurpose,
  type RecruitmentSource,
  type RecruitmentStep,
  type ScreeningResult,
  type StepCount,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { ConsultancyAgencyRef } from '../homes/consultancy-agency.js';
import { FosterHomeRef } from '../homes/foster-home.js';

/** The unit's own staff move families; its administrators may read too. RLS keeps every row to the owner. */
export const RECRUITMENT_READERS = [...RECRUITERS, 'administrator'] as const;

export const RecruitmentStepEnum = builder.enumType('RecruitmentStep', {
  description: 'Steg i rekryteringen (rekryteringssteg).',
  values: enumValues<RecruitmentStep>(RECRUITMENT_STEPS, {
    inquiry: 'Intresseanmälan.',
    information_meeting: 'Informationsträff eller inledande samtal.',
    basic_training: 'Grundutbildning ("Ett hem att växa i").',
    assessment: 'Utredning av familjen.',
    decision: 'Utredningen är lämnad för beslut.',
    approved: 'Godkänd (beslut).',
    refused: 'Avslag (beslut).',
  }),
});

const RecruitmentPurposeEnum = builder.enumType('RecruitmentPurpose', {
  description: 'Vad rekryteringen gäller (syfte).',
  values: enumValues<RecruitmentPurpose>(RECRUITMENT_PURPOSES, {
    new_home: 'Ett nytt familjehem: börjar med intresseanmälan.',
    reassessment: 'Ny utredning av ett godkänt hem: börjar med utredningen.',
  }),
});

export const RecruitmentSourceEnum = builder.enumType('RecruitmentSource', {
  description: 'Var familjen hörde talas om enheten (källa).',
  values: enumValues<RecruitmentSource>(RECRUITMENT_SOURCES, {
    campaign: 'Kampanj, annons eller affisch.',
    website: 'Webbplatsen.',
    word_of_mouth: 'Någon som berättade (mun till mun).',
    social_media: 'Sociala medier.',
    event: 'Evenemang eller informationsträff.',
    agency: 'Föreslagen av en konsulentverksamhet.',
    other: 'Annat.',
  }),
});

export const LeavingReasonEnum = builder.enumType('LeavingReason', {
  description: 'Varför familjen lämnade rekryteringen (avslutsorsak).',
  values: enumValues<LeavingReason>(LEAVING_REASONS, {
    family_withdrew: 'Familjen avbröt.',
    assessed_unsuitable: 'Bedömdes inte lämplig.',
    circumstances_changed: 'Ändrade förhållanden i familjen.',
    no_contact: 'Ingen kontakt med familjen.',
    other: 'Annan orsak (se anteckningen).',
  }),
});

export const ScreeningResultEnum = builder.enumType('ScreeningResult', {
  description: 'Resultat av BRA-Fam-screening (screeningresultat).',
  values: enumValues<ScreeningResult>(SCREENING_RESULTS, {
    suitable: 'Lämplig att gå vidare.',
    doubtful: 'Tveksam.',
    unsuitable: 'Inte lämplig.',
  }),
});

const RecruitmentEventKindEnum = builder.enumType('RecruitmentEventKind', {
  description: 'Slag av händelse i familjens tidslinje (händelsetyp).',
  values: enumValues<RecruitmentEventKind>(RECRUITMENT_EVENT_KINDS, {
    step_entered: 'Familjen gick till ett nytt steg.',
    paused: 'Rekryteringen pausades.',
    resumed: 'Rekryteringen återupptogs.',
    left: 'Familjen lämnade rekryteringen.',
    screening_recorded: 'BRA-Fam-screening registrerades.',
  }),
});

const RecruitmentEventRef = builder.objectRef<RecruitmentEvent>('RecruitmentEvent').implement({
  description: 'En händelse i familjens tidslinje (händelse), daterad och signerad.',
  fields: (t) => ({
    kind: t.field({ type: RecruitmentEventKindEnum, description: 'Vad som hände.', resolve: (e) => e.kind }),
    step: t.field({ type: RecruitmentStepEnum, description: 'Steget familjen var i efter händelsen.', resolve: (e) => e.step }),
    occurredOn: t.field({ type: 'Date', description: 'Dagen det hände (datum).', resolve: (e) => e.occurredOn }),
    note: t.exposeString('note', { nullable: true, description: 'Anteckning.' }),
    signedBy: t.loadable({
      type: 'String',
      description: 'Namnet på den som registrerade händelsen (signerad av).',
      load: async (userIds: string[], context) => {
        const names = new Map((await loadUserNames(sessionOf(context), userIds)).map((u) => [u.id, u.displayName]));
        return userIds.map((id) => names.get(id) ?? 'Okänd användare');
      },
      resolve: (e) => e.recordedById,
    }),
    recordedAt: t.field({ type: 'DateTime', description: 'När händelsen registrerades (registrerad).', resolve: (e) => e.recordedAt }),
  }),
});

const RecruitmentProgressRef = builder.objectRef<RecruitmentProgress>('RecruitmentProgress').implement({
  description: 'Hur länge familjen varit i sitt steg mot enhetens måltid (tid i steget).',
  fields: (t) => ({
    daysInStep: t.exposeInt('daysInStep', { nullable: true, description: 'Dagar i nuvarande steg (till dess familjen lämnade); null efter beslut.' }),
    targetDays: t.exposeInt('targetDays', { nullable: true, description: 'Enhetens måltid i dagar för steget enligt gällande policy.' }),
    overdue: t.exposeBoolean('overdue', { description: 'Försenad: längre i steget än måltiden. En pausad familj är aldrig försenad.' }),
  }),
});

export const RecruitmentRef = builder.loadableNode('Recruitment', {
  description: 'En familjs rekrytering eller en ny utredning av ett hem (rekrytering). Bara familjehemsenheten ser den.',
  authScopes: { anyRole: [...RECRUITMENT_READERS] },
  id: { resolve: (recruitment: Recruitment) => recruitment.id },
  load: (ids: string[], context) => loadRecruitments(sessionOf(context), ids),
  sort: (recruitment) => recruitment.id,
  fields: (t) => ({
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjen som familjehem (familjehem), med hushållet.', resolve: (r) => r.fosterHomeId }),
    purpose: t.field({ type: RecruitmentPurposeEnum, description: 'Nytt hem eller ny utredning.', resolve: (r) => r.purpose }),
    source: t.field({ type: RecruitmentSourceEnum, description: 'Var familjen hörde talas om enheten.', resolve: (r) => r.source }),
    sourceDetail: t.exposeString('sourceDetail', { nullable: true, description: 'Källan i detalj, t.ex. vilken kampanj.' }),
    proposedBy: t.field({
      type: ConsultancyAgencyRef,
      nullable: true,
      description: 'Konsulentverksamheten som föreslog familjen; utredning och beslut är alltid kommunens.',
      resolve: (r) => r.proposedByAgencyId,
    }),
    receivedOn: t.field({ type: 'Date', description: 'Intresseanmälan togs emot (datum).', resolve: (r) => r.receivedOn }),
    step: t.field({ type: RecruitmentStepEnum, description: 'Nuvarande steg.', resolve: (r) => r.step }),
    stepEnteredOn: t.field({ type: 'Date', description: 'Dagen familjen kom till nuvarande steg.', resolve: (r) => r.stepEnteredOn }),
    pausedOn: t.field({ type: 'Date', nullable: true, description: 'Pausad sedan (pausad); null om den inte är pausad.', resolve: (r) => r.pausedOn }),
    leftOn: t.field({ type: 'Date', nullable: true, description: 'Dagen familjen lämnade rekryteringen (avslutad).', resolve: (r) => r.leftOn }),
    leavingReason: t.field({ type: LeavingReasonEnum, nullable: true, description: 'Varför familjen lämnade.', resolve: (r) => r.leavingReason }),
    screeningResult: t.field({ type: ScreeningResultEnum, nullable: true, description: 'Senaste BRA-Fam-screening.', resolve: (r) => r.screeningResult }),
    progress: t.loadable({
      type: RecruitmentProgressRef,
      description: 'Tid i steget och om familjen är försenad, enligt enhetens policy i dag.',
      load: (recruitments: Recruitment[], context) => loadRecruitmentProgress(sessionOf(context), recruitments),
      loaderOptions: { cacheKeyFn: (recruitment) => recruitment.id },
      resolve: (r) => r,
    }),
    timeline: t.loadableGroup({
      type: RecruitmentEventRef,
      description: 'Familjens tidslinje (tidslinje), äldst först.',
      load: (ids: string[], context) => loadRecruitmentEvents(sessionOf(context), ids),
      group: (event) => event.recruitmentId,
      resolve: (r) => r.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

builder.objectField(FosterHomeRef, 'recruitment', (t) =>
  t.loadable({
    type: RecruitmentRef,
    nullable: true,
    description: 'Hemmets pågående rekrytering eller utredning, annars den senaste (rekrytering). Bara familjehemsenheten ser den; andra får null.',
    authScopes: { anyRole: [...RECRUITMENT_READERS] },
    unauthorizedResolver: () => null,
    load: async (homeIds: string[], context) => {
      const byHome = new Map((await loadLatestRecruitmentsByHome(sessionOf(context), homeIds)).map((r) => [r.fosterHomeId, r]));
      return homeIds.map((id) => byHome.get(id) ?? null);
    },
    resolve: (home) => home.id,
  }),
);

const StepCountRef = builder.objectRef<StepCount>('RecruitmentStepCount').implement({
  description: 'Antal familjer i ett steg (antal per steg).',
  fields: (t) => ({
    step: t.field({ type: RecruitmentStepEnum, description: 'Steget.', resolve: (c) => c.step }),
    count: t.exposeInt('count', { description: 'Antal familjer i steget.' }),
    overdue: t.exposeInt('overdue', { description: 'Varav försenade.' }),
    paused: t.exposeInt('paused', { description: 'Varav pausade.' }),
  }),
});

const RecruitmentPipelineRef = builder.objectRef<RecruitmentPipeline>('RecruitmentPipeline').implement({
  description: 'Enhetens familjer per steg (rekryteringstavla).',
  fields: (t) => ({
    counts: t.field({ type: [StepCountRef], description: 'Antal per steg, alla steg, oavsett stegfilter.', resolve: (p) => [...p.counts] }),
    recruitments: t.field({ type: [RecruitmentRef], description: 'Familjerna i stegordning, längst i steget först.', resolve: (p) => [...p.recruitments] }),
  }),
});

const RecruitmentPipelineFilter = builder.inputType('RecruitmentPipelineFilter', {
  description: 'Urval på rekryteringstavlan (filter).',
  fields: (t) => ({
    step: t.field({ type: RecruitmentStepEnum, required: false, description: 'Bara familjer i detta steg.' }),
    includeFinished: t.boolean({ required: false, description: 'Ta med familjer som lämnat eller fått beslut.' }),
  }),
});

builder.queryFields((t) => ({
  recruitmentPipeline: t.field({
    type: RecruitmentPipelineRef,
    description: 'Familjehemsenhetens familjer i rekrytering, per steg (rekryteringstavla).',
    authScopes: { anyRole: [...RECRUITMENT_READERS] },
    args: { filter: t.arg({ type: RecruitmentPipelineFilter, required: false }) },
    resolve: (_root, args, context) =>
      listRecruitmentPipeline(sessionOf(context), { step: args.filter?.step ?? null, includeFinished: args.filter?.includeFinished ?? false }),
  }),
  recruitment: t.field({
    type: RecruitmentRef,
    nullable: true,
    description: 'En familjs rekrytering (rekrytering).',
    authScopes: { anyRole: [...RECRUITMENT_READERS] },
    args: { id: t.arg.globalID({ required: true, for: RecruitmentRef }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
