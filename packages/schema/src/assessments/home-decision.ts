import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  DECISION_MAKER_KINDS,
  DECISION_OUTCOMES,
  loadCurrentApprovals,
  loadDecisionsByHome,
  todayInSweden,
  type ApprovalConditions,
  type DecisionMakerKind,
  type DecisionOutcome,
  type HomeDecision,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { FosterHomeKindEnum, FosterHomeRef } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';

/** Who sees a home's decisions: everyone who sees the home, for a placing municipality must know who approved it and on what conditions. */
export const DECISION_READER_ROLES = ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] as const;

export const DecisionOutcomeEnum = builder.enumType('DecisionOutcome', {
  description: 'Beslutets utfall (beslut): godkännande eller avslag.',
  values: enumValues<DecisionOutcome>(DECISION_OUTCOMES, {
    approved: 'Godkänt (godkännande) som familjehem, med villkor.',
    refused: 'Avslag: hemmet godkänns inte.',
  }),
});

export const DecisionMakerKindEnum = builder.enumType('DecisionMakerKind', {
  description: 'Vem som fattade beslutet: nämnden eller en delegat (beslutsfattare).',
  values: enumValues<DecisionMakerKind>(DECISION_MAKER_KINDS, {
    committee: 'Nämnden (socialnämnd eller motsvarande).',
    delegate: 'En delegat enligt nämndens delegationsordning.',
  }),
});

const NamedChildRef = builder.objectRef<NonNullable<ApprovalConditions['namedChild']>>('NamedChild').implement({
  description: 'Det namngivna barn ett godkännande gäller (namngivet barn). Läsningen loggas.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Barnets namn.' }),
    personalIdentityNumber: t.exposeString('personalIdentityNumber', { description: 'Barnets personnummer (ÅÅÅÅMMDDNNNN).' }),
  }),
});

const ApprovalConditionsRef = builder.objectRef<ApprovalConditions>('ApprovalConditions').implement({
  description: 'Villkoren i ett godkännande (villkor): uppdrag, antal barn, åldrar och ibland ett namngivet barn.',
  fields: (t) => ({
    assignmentKind: t.field({ type: FosterHomeKindEnum, description: 'Uppdraget hemmet är godkänt för (uppdrag).', resolve: (c) => c.assignmentKind }),
    places: t.exposeInt('places', { description: 'Antal barn hemmet får ta emot (platser).' }),
    minChildAge: t.exposeInt('minChildAge', { nullable: true, description: 'Lägsta ålder på barn, i år (åldersintervall).' }),
    maxChildAge: t.exposeInt('maxChildAge', { nullable: true, description: 'Högsta ålder på barn, i år (åldersintervall).' }),
    namedChild: t.field({ type: NamedChildRef, nullable: true, description: 'Om godkännandet bara gäller ett namngivet barn.', resolve: (c) => c.namedChild }),
  }),
});

export const HomeDecisionRef = builder.objectRef<HomeDecision>('HomeDecision').implement({
  description: 'Ett beslut (beslut) om ett familjehem: godkännande med villkor eller avslag, fattat av en kommuns nämnd eller delegat.',
  fields: (t) => ({
    id: t.id({ description: 'Beslutets id (globalt id).', resolve: (d) => encodeGlobalID('HomeDecision', d.id) }),
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjehemmet beslutet gäller.', resolve: (d) => d.fosterHomeId }),
    outcome: t.field({ type: DecisionOutcomeEnum, description: 'Godkänt eller avslag (utfall).', resolve: (d) => d.outcome }),
    decidedOn: t.field({ type: 'Date', description: 'Beslutsdatum.', resolve: (d) => d.decidedOn }),
    decidedBy: t.field({ type: OrganisationRef, description: 'Kommunen vars nämnd eller delegat fattade beslutet (beslutande kommun).', resolve: (d) => d.decidedById }),
    assessedBy: t.field({ type: OrganisationRef, description: 'Den som utredde hemmet och ansvarar för det (utredande enhet).', resolve: (d) => d.ownerId }),
    decisionMakerKind: t.field({ type: DecisionMakerKindEnum, description: 'Nämnd eller delegat.', resolve: (d) => d.decisionMakerKind }),
    decisionMakerName: t.exposeString('decisionMakerName', { description: 'Nämndens namn eller delegatens befattning (beslutsfattare).' }),
    validUntil: t.field({ type: 'Date', nullable: true, description: 'Godkännandet gäller till och med (giltighet); tomt vid avslag.', resolve: (d) => d.validUntil }),
    conditions: t.field({ type: ApprovalConditionsRef, nullable: true, description: 'Godkännandets villkor; tomt vid avslag.', resolve: (d) => d.conditions }),
    reasoning: t.exposeString('reasoning', { nullable: true, description: 'Motivering (beslutsmotivering).' }),
  }),
});

builder.objectFields(FosterHomeRef, (t) => ({
  currentApproval: t.loadable({
    type: HomeDecisionRef,
    nullable: true,
    description: 'Godkännandet som gäller i dag med sina villkor (gällande godkännande), eller tomt om inget gäller.',
    authScopes: { anyRole: [...DECISION_READER_ROLES] },
    load: async (homeIds: string[], context) => {
      const current = await loadCurrentApprovals(sessionOf(context), homeIds, todayInSweden());
      return homeIds.map((id) => current.get(id) ?? null);
    },
    resolve: (home) => home.id,
  }),
  decisions: t.loadableGroup({
    type: HomeDecisionRef,
    description: 'Alla beslut om hemmet, senaste först (beslutshistorik).',
    authScopes: { anyRole: [...DECISION_READER_ROLES] },
    load: (homeIds: string[], context) => loadDecisionsByHome(sessionOf(context), homeIds),
    group: (decision) => decision.fosterHomeId,
    resolve: (home) => home.id,
  }),
}));
