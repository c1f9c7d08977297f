import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  ASSESSMENT_ACTIVITY_KINDS,
  ASSESSMENT_METHODS,
  listAssessors,
  loadActivitiesByAssessment,
  loadAssessmentChecklists,
  loadAssessmentsByHome,
  loadAssessmentsByRecruitment,
  loadAssessors,
  loadChildrenHeardByAssessment,
  loadDecisionsByAssessment,
  loadHomeAssessments,
  loadRegisterChecksByAssessment,
  RECOMMENDATIONS,
  REGISTER_CHECK_RESULTS,
  REGISTER_TITLES,
  REGISTERS,
  REQUIREMENT_KINDS,
  REQUIREMENT_STATUSES,
  type AssessmentActivity,
  type AssessmentActivityKind,
  type AssessmentChecklist,
  type AssessmentMethod,
  type AssessmentRequirement,
  type Assessor,
  type ChildHeard,
  type HomeAssessment,
  type MissingItem,
  type Recommendation,
  type Register,
  type RegisterCheck,
  type RegisterCheckResult,
  type RequirementKind,
  type RequirementStatus,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { FosterHomeRef } from '../homes/foster-home.js';
import { RecruitmentRef } from '../recruitment/recruitment.js';
import { HomeDecisionRef } from './home-decision.js';

/** The unit's own staff: assessments, register checks and what the children said are theirs alone. */
export const ASSESSMENT_ROLES = ['foster_care_worker', 'head_of_unit', 'administrator'] as const;

export const AssessmentMethodEnum = builder.enumType('AssessmentMethod', {
  description: 'Utredningsmetod (metod).',
  values: enumValues<AssessmentMethod>(ASSESSMENT_METHODS, {
    kalvesten: 'Kälvestens metod: intervjuer om familjens bakgrund och relationer.',
    other: 'Annan metod.',
  }),
});

export const RecommendationEnum = builder.enumType('Recommendation', {
  description: 'Utredarens rekommendation (rekommendation) till beslutet.',
  values: enumValues<Recommendation>(RECOMMENDATIONS, {
    approve: 'Godkänn familjen som familjehem.',
    refuse: 'Avslå.',
  }),
});

export const AssessmentActivityKindEnum = builder.enumType('AssessmentActivityKind', {
  description: 'Slag av moment i utredningen (utredningsmoment).',
  values: enumValues<AssessmentActivityKind>(ASSESSMENT_ACTIVITY_KINDS, {
    interview: 'Intervju med de sökande.',
    home_visit: 'Hembesök.',
    reference: 'Referens (referenstagning).',
  }),
});

export const RegisterEnum = builder.enumType('Register', {
  description: 'Register som de vuxna kontrolleras i, med samtycke (register).',
  values: enumValues<Register>(REGISTERS, REGISTER_TITLES),
});

export const RegisterCheckResultEnum = builder.enumType('RegisterCheckResult', {
  description: 'Resultatet av en registerkontroll (resultat).',
  values: enumValues<RegisterCheckResult>(REGISTER_CHECK_RESULTS, {
    no_entries: 'Inga uppgifter i registret.',
    entries_found: 'Det finns uppgifter i registret (se anteckningen).',
  }),
});

const RequirementStatusEnum = builder.enumType('RequirementStatus', {
  description: 'Hur ett krav i utredningens checklista är uppfyllt (status).',
  values: enumValues<RequirementStatus>(REQUIREMENT_STATUSES, {
    done: 'Klart.',
    missing: 'Saknas.',
    stale: 'För gammalt: registerutdraget är äldre än policyn tillåter.',
  }),
});

const RequirementKindEnum = builder.enumType('RequirementKind', {
  description: 'Slag av krav i utredningens checklista (krav).',
  values: enumValues<RequirementKind>(REQUIREMENT_KINDS, {
    household_adult: 'Minst en vuxen i hushållet.',
    register_check: 'Ett registerutdrag för en vuxen.',
    interview: 'Intervjuer.',
    home_visit: 'Hembesök.',
    references: 'Referenser.',
    child_heard: 'Ett av familjens barn har hörts.',
    recommendation: 'Utredarens rekommendation.',
  }),
});

export const AssessorRef = builder.objectRef<Assessor>('Assessor').implement({
  description: 'En medarbetare i enheten som kan leda en utredning (utredare).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Användarens id, samma som User.id.' }),
    displayName: t.exposeString('displayName', { description: 'Namn.' }),
  }),
});

const AssessmentActivityRef = builder.objectRef<AssessmentActivity>('AssessmentActivity').implement({
  description: 'Ett moment i utredningen (utredningsmoment): intervju, hembesök eller referens.',
  fields: (t) => ({
    id: t.id({ description: 'Momentets id (globalt id).', resolve: (a) => encodeGlobalID('AssessmentActivity', a.id) }),
    kind: t.field({ type: AssessmentActivityKindEnum, description: 'Slag av moment.', resolve: (a) => a.kind }),
    occurredOn: t.field({ type: 'Date', description: 'Datum.', resolve: (a) => a.occurredOn }),
    participants: t.exposeString('participants', { description: 'Vem som deltog eller lämnade referensen (deltagare).' }),
    note: t.exposeString('note', { nullable: true, description: 'Anteckning.' }),
  }),
});

const RegisterCheckRef = builder.objectRef<RegisterCheck>('RegisterCheck').implement({
  description: 'En registerkontroll (registerkontroll) av en vuxen, gjord med personens samtycke. Varje läsning loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Kontrollens id (globalt id).', resolve: (c) => encodeGlobalID('RegisterCheck', c.id) }),
    householdMemberId: t.id({ description: 'Den vuxne som kontrollerats (hushållsmedlemmens globala id).', resolve: (c) => encodeGlobalID('HouseholdMember', c.householdMemberId) }),
    personName: t.exposeString('personName', { description: 'Den kontrollerades namn.' }),
    register: t.field({ type: RegisterEnum, description: 'Registret.', resolve: (c) => c.register }),
    consentGivenOn: t.field({ type: 'Date', description: 'Datum då personen gav sitt samtycke (samtycke).', resolve: (c) => c.consentGivenOn }),
    checkedOn: t.field({ type: 'Date', description: 'Datum för kontrollen (utdragets datum).', resolve: (c) => c.checkedOn }),
    result: t.field({ type: RegisterCheckResultEnum, description: 'Resultat.', resolve: (c) => c.result }),
    note: t.exposeString('note', { nullable: true, description: 'Anteckning, t.ex. utredarens bedömning av en uppgift.' }),
  }),
});

const ChildHeardRef = builder.objectRef<ChildHeard>('ChildHeard').implement({
  description: 'Ett av familjens egna barn som har hörts i utredningen (barn hörda). Varje läsning loggas.',
  fields: (t) => ({
    householdMemberId: t.id({ description: 'Barnet (hushållsmedlemmens globala id).', resolve: (h) => encodeGlobalID('HouseholdMember', h.householdMemberId) }),
    childName: t.exposeString('childName', { description: 'Barnets namn.' }),
    heardOn: t.field({ type: 'Date', description: 'Datum då barnet hördes.', resolve: (h) => h.heardOn }),
    note: t.exposeString('note', { nullable: true, description: 'Anteckning om vad barnet sa.' }),
  }),
});

const MissingItemRef = builder.objectRef<MissingItem>('AssessmentMissingItem').implement({
  description: 'Något som saknas innan utredningen kan lämnas för beslut (brist).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stabil kod, t.ex. REGISTER_CHECK_STALE.' }),
    message: t.exposeString('message', { description: 'Vad som saknas, på svenska.' }),
  }),
});

const AssessmentRequirementRef = builder.objectRef<AssessmentRequirement>('AssessmentRequirement').implement({
  description: 'Ett krav i utredningens checklista (krav) med sin status.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Kravets nyckel, unik i checklistan och stabil mellan läsningar.' }),
    kind: t.field({ type: RequirementKindEnum, description: 'Slag av krav.', resolve: (r) => r.kind }),
    label: t.exposeString('label', { description: 'Vad som krävs, på svenska.' }),
    status: t.field({ type: RequirementStatusEnum, description: 'Klart, saknas eller för gammalt.', resolve: (r) => r.status }),
    detail: t.exposeString('detail', { nullable: true, description: 'Vad som är gjort, t.ex. datum för senaste utdraget.' }),
    missing: t.field({ type: MissingItemRef, nullable: true, description: 'Varför kravet inte är uppfyllt; tomt när det är klart.', resolve: (r) => r.missing }),
    householdMemberId: t.id({
      nullable: true,
      description: 'Personen kravet gäller, om det gäller en person (hushållsmedlemmens globala id).',
      resolve: (r) => (r.householdMemberId ? encodeGlobalID('HouseholdMember', r.householdMemberId) : null),
    }),
    register: t.field({ type: RegisterEnum, nullable: true, description: 'Registret, för registerkontroller.', resolve: (r) => r.register }),
  }),
});

const AssessmentChecklistRef = builder.objectRef<AssessmentChecklist>('AssessmentChecklist').implement({
  description: 'Utredningens checklista (checklista): vad som krävs innan den kan lämnas för beslut enligt policyn.',
  fields: (t) => ({
    day: t.field({ type: 'Date', description: 'Dagen kraven bedöms för: dagen utredningen lämnades för beslut, annars i dag.', resolve: (c) => c.day }),
    ready: t.exposeBoolean('ready', { description: 'Sant när inget saknas och utredningen kan lämnas för beslut (klar).' }),
    requirements: t.field({ type: [AssessmentRequirementRef], description: 'Alla krav med status.', resolve: (c) => [...c.requirements] }),
    missing: t.field({ type: [MissingItemRef], description: 'Det som saknas, i checklistans ordning.', resolve: (c) => [...c.missing] }),
  }),
});

export const HomeAssessmentRef = builder.loadableNode('HomeAssessment', {
  description: 'En utredning av ett familjehem (utredning): intervjuer, hembesök, referenser, registerkontroller och familjens barn. Bara enheten ser den.',
  authScopes: { anyRole: [...ASSESSMENT_ROLES] },
  id: { resolve: (assessment: HomeAssessment) => assessment.id },
  load: (ids: string[], context) => loadHomeAssessments(sessionOf(context), ids),
  sort: (assessment) => assessment.id,
  fields: (t) => ({
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjehemmet som utreds.', resolve: (a) => a.fosterHomeId }),
    recruitment: t.field({ type: RecruitmentRef, description: 'Rekryteringen eller omutredningen utredningen hör till (rekrytering).', resolve: (a) => a.recruitmentId }),
    assessor: t.loadable({
      type: AssessorRef,
      description: 'Utredaren (utredare).',
      load: (userIds: string[], context) => loadAssessors(sessionOf(context), userIds),
      sort: (assessor) => assessor.id,
      resolve: (a) => a.assessorId,
    }),
    method: t.field({ type: AssessmentMethodEnum, description: 'Metod.', resolve: (a) => a.method }),
    startedOn: t.field({ type: 'Date', description: 'Startdatum.', resolve: (a) => a.startedOn }),
    summary: t.exposeString('summary', { nullable: true, description: 'Utredarens sammanfattning (sammanfattning).' }),
    recommendation: t.field({ type: RecommendationEnum, nullable: true, description: 'Utredarens rekommendation.', resolve: (a) => a.recommendation }),
    sentForDecisionOn: t.field({ type: 'Date', nullable: true, description: 'Datum då utredningen lämnades för beslut; därefter ändras den inte.', resolve: (a) => a.sentForDecisionOn }),
    activities: t.loadableGroup({
      type: AssessmentActivityRef,
      description: 'Intervjuer, hembesök och referenser, i datumordning (utredningsmoment).',
      load: (ids: string[], context) => loadActivitiesByAssessment(sessionOf(context), ids),
      group: (activity) => activity.assessmentId,
      resolve: (a) => a.id,
    }),
    registerChecks: t.loadableGroup({
      type: RegisterCheckRef,
      description: 'Registerkontrollerna (registerkontroller). Varje läsning loggas.',
      load: (ids: string[], context) => loadRegisterChecksByAssessment(sessionOf(context), ids),
      group: (check) => check.assessmentId,
      resolve: (a) => a.id,
    }),
    childrenHeard: t.loadableGroup({
      type: ChildHeardRef,
      description: 'Familjens barn som har hörts (barn hörda). Varje läsning loggas.',
      load: (ids: string[], context) => loadChildrenHeardByAssessment(sessionOf(context), ids),
      group: (heard) => heard.assessmentId,
      resolve: (a) => a.id,
    }),
    checklist: t.loadable({
      type: AssessmentChecklistRef,
      description: 'Checklistan: varje krav med status klart, saknas eller för gammalt, enligt policyn som gäller.',
      load: async (assessments: HomeAssessment[], context) => {
        const checklists = await loadAssessmentChecklists(sessionOf(context), assessments);
        return assessments.map((assessment) => checklists.get(assessment.id)!);
      },
      loaderOptions: { cacheKeyFn: (assessment) => assessment.id },
      resolve: (a) => a,
    }),
    decision: t.loadable({
      type: HomeDecisionRef,
      nullable: true,
      description: 'Beslutet som fattats på utredningen, när det finns (beslut).',
      load: async (ids: string[], context) => {
        const decisions = await loadDecisionsByAssessment(sessionOf(context), ids);
        return ids.map((id) => decisions.find((decision) => decision.assessmentId === id) ?? null);
      },
      resolve: (a) => a.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'Senast ändrad.', resolve: (a) => a.updatedAt }),
  }),
});

builder.objectFields(FosterHomeRef, (t) => ({
  assessments: t.loadableList({
    type: HomeAssessmentRef,
    description: 'Hemmets utredningar och omutredningar, senaste först (utredningar). Bara enheten ser dem.',
    authScopes: { anyRole: [...ASSESSMENT_ROLES] },
    load: async (homeIds: string[], context) => {
      const assessments = await loadAssessmentsByHome(sessionOf(context), homeIds);
      return homeIds.map((id) => assessments.filter((assessment) => assessment.fosterHomeId === id));
    },
    resolve: (home) => home.id,
  }),
}));

builder.objectField(RecruitmentRef, 'assessment', (t) =>
  t.loadable({
    type: HomeAssessmentRef,
    nullable: true,
    description: 'Familjens utredning i rekryteringen, när den har startats (utredning).',
    authScopes: { anyRole: [...ASSESSMENT_ROLES] },
    load: async (recruitmentIds: string[], context) => {
      const assessments = await loadAssessmentsByRecruitment(sessionOf(context), recruitmentIds);
      return recruitmentIds.map((id) => assessments.find((assessment) => assessment.recruitmentId === id) ?? null);
    },
    resolve: (recruitment) => recruitment.id,
  }),
);

builder.queryFields((t) => ({
  homeAssessment: t.field({
    type: HomeAssessmentRef,
    nullable: true,
    description: 'En utredning av ett familjehem (utredning).',
    authScopes: { anyRole: [...ASSESSMENT_ROLES] },
    args: { id: t.arg.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningens id.' }) },
    resolve: (_root, args) => args.id.id,
  }),
  assessors: t.field({
    type: [AssessorRef],
    description: 'Enhetens familjehemssekreterare och enhetschefer, som kan vara utredare (utredare).',
    authScopes: { anyRole: [...ASSESSMENT_ROLES] },
    resolve: (_root, _args, context) => listAssessors(sessionOf(context)),
  }),
}));
