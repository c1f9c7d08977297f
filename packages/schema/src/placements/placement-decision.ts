import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  CASE_ROLES,
  cancelPlacementDecision,
  interruptPlacementDecision,
  LEGAL_BASES,
  loadNeedsAssessments,
  loadPlacementDecisionsByChild,
  PLACEMENT_DECISION_MAKERS,
  PLACEMENT_KINDS,
  recordPlacementDecision,
  type LegalBasis,
  type PlacementDecision,
  type PlacementDecisionMaker,
  type PlacementKind,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { MUTATION_ERRORS } from '../errors.js';
import { ChildRef, ownChild } from './child.js';
import { NeedsAssessmentRef } from './needs-assessment.js';

export const LegalBasisEnum = builder.enumType('LegalBasis', {
  description: 'Lagrum för placeringen (lagrum).',
  values: enumValues<LegalBasis>(LEGAL_BASES, {
    sol: 'Socialtjänstlagen (SoL): frivillig placering.',
    lvu_2: 'LVU 2 §: vård på grund av förhållandena i hemmet.',
    lvu_3: 'LVU 3 §: vård på grund av den unges eget beteende.',
  }),
});

export const PlacementKindEnum = builder.enumType('PlacementKind', {
  description: 'Slag av placering (placeringsform).',
  values: enumValues<PlacementKind>(PLACEMENT_KINDS, {
    emergency: 'Jourplacering: i jourhem.',
    long_term: 'Långsiktig (stadigvarande) placering.',
    upbringing: 'Uppväxtplacering: barnet ska växa upp i familjehemmet.',
  }),
});

export const PlacementDecisionMakerEnum = builder.enumType('PlacementDecisionMaker', {
  description: 'Vem som fattade beslutet om placering (beslutsfattare).',
  values: enumValues<PlacementDecisionMaker>(PLACEMENT_DECISION_MAKERS, {
    committee: 'Nämnden.',
    delegate: 'En delegat enligt delegationsordningen.',
    chair: 'Nämndens ordförande, i brådskande fall.',
  }),
});

export const PlacementDecisionRef = builder.objectRef<PlacementDecision>('PlacementDecision').implement({
  description: 'Ett beslut om placering (beslut) under SoL eller LVU. Bara den placerande kommunen ser det.',
  fields: (t) => ({
    id: t.id({ description: 'Beslutets id (globalt id).', resolve: (d) => encodeGlobalID('PlacementDecision', d.id) }),
    legalBasis: t.field({ type: LegalBasisEnum, description: 'Lagrum.', resolve: (d) => d.legalBasis }),
    kind: t.field({ type: PlacementKindEnum, description: 'Slag av placering.', resolve: (d) => d.kind }),
    intervention: t.exposeString('intervention', { description: 'Insatsen som den heter i rapporterna (insats), t.ex. Placering i familjehem.' }),
    decidedOn: t.field({ type: 'Date', description: 'Beslutsdatum.', resolve: (d) => d.decidedOn }),
    decisionMakerKind: t.field({ type: PlacementDecisionMakerEnum, description: 'Nämnd, delegat eller ordförande.', resolve: (d) => d.decisionMakerKind }),
    decisionMakerName: t.exposeString('decisionMakerName', { description: 'Nämndens namn eller beslutsfattarens befattning (beslutsfattare).' }),
    favourable: t.exposeBoolean('favourable', { description: 'Gynnande beslut (gynnande): omfattas av rapporteringen av ej verkställda beslut.' }),
    childImpactAssessment: t.exposeString('childImpactAssessment', { nullable: true, description: 'Barnkonsekvensanalys (barnkonsekvensanalys).' }),
    needsAssessment: t.loadable({
      type: NeedsAssessmentRef,
      nullable: true,
      description: 'Utredningen beslutet bygger på (utredning).',
      load: (ids: string[], context) => loadNeedsAssessments(sessionOf(context), ids),
      sort: (assessment) => assessment.id,
      resolve: (d) => d.needsAssessmentId,
    }),
    interruptedOn: t.field({ type: 'Date', nullable: true, description: 'Verkställigheten avbröts (avbrott).', resolve: (d) => d.interruptedOn }),
    cancelledOn: t.field({ type: 'Date', nullable: true, description: 'Beslutet upphävdes (upphävt).', resolve: (d) => d.cancelledOn }),
    cancellationReason: t.exposeString('cancellationReason', { nullable: true, description: 'Skälet till att beslutet upphävdes.' }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring.' }),
  }),
});

builder.objectFields(ChildRef, (t) => ({
  placementDecisions: t.loadableGroup({
    type: PlacementDecisionRef,
    description: 'Besluten om placering, senaste först (beslut). Bara den placerande kommunen; varje läsning loggas.',
    authScopes: ownChild,
    load: (childIds: string[], context) => loadPlacementDecisionsByChild(sessionOf(context), childIds),
    group: (decision) => decision.childId,
    resolve: (child) => child.id,
  }),
}));

const RecordPlacementDecisionInput = builder.inputType('RecordPlacementDecisionInput', {
  description: 'Ett beslut om placering (beslut).',
  fields: (t) => ({
    childId: t.globalID({ required: true, for: ChildRef, description: 'Barnet.' }),
    needsAssessmentId: t.globalID({ required: false, description: 'Utredningen beslutet bygger på (NeedsAssessment.id).' }),
    legalBasis: t.field({ type: LegalBasisEnum, required: true, description: 'Lagrum.' }),
    kind: t.field({ type: PlacementKindEnum, required: true, description: 'Slag av placering.' }),
    intervention: t.string({ required: false, description: 'Insatsen; Placering i familjehem om inget anges.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Beslutsdatum, inte i framtiden.' }),
    decisionMakerKind: t.field({ type: PlacementDecisionMakerEnum, required: true, description: 'Nämnd, delegat eller ordförande.' }),
    decisionMakerName: t.string({ required: true, description: 'Nämndens namn eller beslutsfattarens befattning.' }),
    favourable: t.boolean({ required: true, description: 'Om beslutet är gynnande.' }),
    childImpactAssessment: t.string({ required: false, description: 'Barnkonsekvensanalys.' }),
  }),
});

const InterruptPlacementDecisionInput = builder.inputType('InterruptPlacementDecisionInput', {
  description: 'Avbrott i verkställigheten av ett beslut (avbrott).',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'Beslutet (PlacementDecision.id).' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    interruptedOn: t.field({ type: 'Date', required: true, description: 'Dagen verkställigheten avbröts.' }),
  }),
});

const CancelPlacementDecisionInput = builder.inputType('CancelPlacementDecisionInput', {
  description: 'Upphävande av ett beslut (upphävande), med skäl.',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'Beslutet (PlacementDecision.id).' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    cancelledOn: t.field({ type: 'Date', required: true, description: 'Dagen beslutet upphävdes.' }),
    reason: t.string({ required: true, description: 'Skälet.' }),
  }),
});

builder.mutationFields((t) => ({
  recordPlacementDecision: t.field({
    type: PlacementDecisionRef,
    description: 'Registrera ett beslut om placering.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordPlacementDecisionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        recordPlacementDecision(session, {
          ...input,
          childId: input.childId.id,
          needsAssessmentId: input.needsAssessmentId?.id ?? null,
          intervention: input.intervention?.trim() ? input.intervention : undefined,
        }),
      ),
  }),
  interruptPlacementDecision: t.field({
    type: PlacementDecisionRef,
    description: 'Registrera avbrott i verkställigheten: barnet är inte längre placerat enligt beslutet.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: InterruptPlacementDecisionInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => interruptPlacementDecision(session, { ...input, id: input.id.id })),
  }),
  cancelPlacementDecision: t.field({
    type: PlacementDecisionRef,
    description: 'Upphäv ett beslut med skäl; ingen placering får pågå enligt det efter den dagen.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CancelPlacementDecisionInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => cancelPlacementDecision(session, { ...input, id: input.id.id })),
  }),
}));
