import {
  CASE_ROLES,
  endPlacement,
  isOngoingOn,
  loadPlacementApprovals,
  loadPlacementDecisions,
  loadPlacements,
  loadPlacementsByChild,
  loadPlacementsByHome,
  movePlacement,
  PLACEMENT_READERS,
  placeChild,
  todayInSweden,
  updatePlacementDocuments,
  type Placement,
} from '@samverka/domain';
import { HomeDecisionRef } from '../assessments/home-decision.js';
import { builder } from '../builder.js';
import { inMutation, sessionOf, type Context } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { FosterHomeRef } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';
import { ChildRef } from './child.js';
import { PlacementDecisionRef } from './placement-decision.js';

/** The decision behind a placement is the placing municipality's; the unit sees the placement, not why. */
const ownPlacement = (placement: Placement, _args: unknown, context: Context) => placement.placingMunicipalityId === context.actor?.organisationId;

export const PlacementRef = builder.loadableNode('Placement', {
  description:
    'En placering (placering) av ett barn i ett familjehem: beslutet den verkställer, godkännandet som gällde när den började, avtal och planer. Flytt avslutar en placering och inleder nästa.',
  authScopes: { anyRole: [...PLACEMENT_READERS] },
  id: { resolve: (placement: Placement) => placement.id },
  load: (ids: string[], context) => loadPlacements(sessionOf(context), ids),
  sort: (placement) => placement.id,
  fields: (t) => ({
    child: t.field({
      type: ChildRef,
      nullable: true,
      description: 'Barnet (barn), om du får se det: den placerande kommunen alltid, hemmets ansvariga organisation medan barnet bor där.',
      resolve: (p) => p.childId,
    }),
    placingMunicipality: t.field({ type: OrganisationRef, description: 'Placerande kommun (placerande kommun).', resolve: (p) => p.placingMunicipalityId }),
    fosterHome: t.field({ type: FosterHomeRef, description: 'Familjehemmet (familjehem).', resolve: (p) => p.fosterHomeId }),
    decision: t.loadable({
      type: PlacementDecisionRef,
      nullable: true,
      description: 'Beslutet placeringen verkställer (beslut). Bara den placerande kommunen.',
      authScopes: ownPlacement,
      load: (ids: string[], context) => loadPlacementDecisions(sessionOf(context), ids),
      sort: (decision) => decision.id,
      resolve: (p) => p.decisionId,
    }),
    approval: t.loadable({
      type: HomeDecisionRef,
      nullable: true,
      description: 'Godkännandet av hemmet som gällde när placeringen började: vem som utredde och vilken nämnd som godkände hemmet (godkännande).',
      load: (ids: string[], context) => loadPlacementApprovals(sessionOf(context), ids),
      sort: (approval) => approval.id,
      resolve: (p) => p.approvalId,
    }),
    startsOn: t.field({ type: 'Date', description: 'Placeringen började (startdatum).', resolve: (p) => p.startsOn }),
    plannedEndOn: t.field({ type: 'Date', nullable: true, description: 'Planerat slut (planerat slutdatum).', resolve: (p) => p.plannedEndOn }),
    endedOn: t.field({ type: 'Date', nullable: true, description: 'Placeringen upphörde (slutdatum); platsen är ledig från den dagen.', resolve: (p) => p.endedOn }),
    endReason: t.exposeString('endReason', { nullable: true, description: 'Skälet till att placeringen upphörde (avslutsorsak).' }),
    ongoing: t.boolean({ description: 'Om placeringen pågår i dag (pågående).', resolve: (p) => isOngoingOn(p, todayInSweden()) }),
    agreementSignedOn: t.field({ type: 'Date', nullable: true, description: 'Familjehemsavtalet undertecknat (familjehemsavtal).', resolve: (p) => p.agreementSignedOn }),
    carePlanOn: t.field({ type: 'Date', nullable: true, description: 'Vårdplanen upprättad eller senast reviderad (vårdplan).', resolve: (p) => p.carePlanOn }),
    implementationPlanOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Genomförandeplanen upprättad eller senast reviderad (genomförandeplan).',
      resolve: (p) => p.implementationPlanOn,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring.' }),
  }),
});

builder.objectFields(ChildRef, (t) => ({
  placements: t.loadableGroup({
    type: PlacementRef,
    description: 'Barnets placeringar, senaste först (placeringar); flyttar syns som på varandra följande placeringar. Hemmets ansvariga organisation ser bara dem i sina hem.',
    load: (childIds: string[], context) => loadPlacementsByChild(sessionOf(context), childIds),
    group: (placement) => (placement as Placement).childId,
    resolve: (child) => child.id,
  }),
  currentPlacement: t.loadable({
    type: PlacementRef,
    nullable: true,
    description: 'Placeringen som pågår i dag (nuvarande placering), om barnet är placerat.',
    load: async (childIds: string[], context) => {
      const today = todayInSweden();
      const ongoing = (await loadPlacementsByChild(sessionOf(context), childIds)).filter((p) => isOngoingOn(p, today));
      return childIds.map((id) => ongoing.find((p) => p.childId === id) ?? null);
    },
    resolve: (child) => child.id,
  }),
}));

builder.objectFields(FosterHomeRef, (t) => ({
  placements: t.loadableGroup({
    type: PlacementRef,
    description: 'Placeringar i hemmet, senaste först (placeringar): alla för hemmets ansvariga organisation, annars bara din kommuns barns.',
    authScopes: { anyRole: [...PLACEMENT_READERS] },
    load: (homeIds: string[], context) => loadPlacementsByHome(sessionOf(context), homeIds),
    group: (placement) => (placement as Placement).fosterHomeId,
    resolve: (home) => home.id,
  }),
}));

builder.queryField('placement', (t) =>
  t.field({
    type: PlacementRef,
    nullable: true,
    description: 'En placering (placering), om du får se den.',
    authScopes: { anyRole: [...PLACEMENT_READERS] },
    args: { id: t.arg.globalID({ required: true, for: PlacementRef, description: 'Placeringens id.' }) },
    resolve: (_root, args) => args.id.id,
  }),
);

const PlaceChildInput = builder.inputType('PlaceChildInput', {
  description: 'Placera ett barn (placering) i ett godkänt familjehem enligt ett gynnande beslut.',
  fields: (t) => ({
    childId: t.globalID({ required: true, for: ChildRef, description: 'Barnet.' }),
    decisionId: t.globalID({ required: true, description: 'Beslutet som verkställs (PlacementDecision.id).' }),
    fosterHomeId: t.globalID({ required: true, for: FosterHomeRef, description: 'Familjehemmet.' }),
    startsOn: t.field({ type: 'Date', required: true, description: 'Startdatum: hemmet ska vara godkänt och ha en ledig plats den dagen.' }),
    plannedEndOn: t.field({ type: 'Date', required: false, description: 'Planerat slut.' }),
    agreementSignedOn: t.field({ type: 'Date', required: false, description: 'Familjehemsavtalet undertecknat.' }),
    carePlanOn: t.field({ type: 'Date', required: false, description: 'Vårdplanen upprättad.' }),
    implementationPlanOn: t.field({ type: 'Date', required: false, description: 'Genomförandeplanen upprättad.' }),
  }),
});

const MovePlacementInput = builder.inputType('MovePlacementInput', {
  description: 'Flytt till annat familjehem (flytt): placeringen avslutas och nästa börjar samma dag.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: PlacementRef, description: 'Placeringen som avslutas.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    movedOn: t.field({ type: 'Date', required: true, description: 'Flyttdatum.' }),
    toFosterHomeId: t.globalID({ required: true, for: FosterHomeRef, description: 'Det nya familjehemmet.' }),
    decisionId: t.globalID({ required: false, description: 'Beslutet den nya placeringen verkställer (PlacementDecision.id); samma som förut om inget anges.' }),
    plannedEndOn: t.field({ type: 'Date', required: false, description: 'Planerat slut för den nya placeringen.' }),
    agreementSignedOn: t.field({ type: 'Date', required: false, description: 'Familjehemsavtalet med det nya hemmet undertecknat.' }),
    carePlanOn: t.field({ type: 'Date', required: false, description: 'Vårdplanen.' }),
    implementationPlanOn: t.field({ type: 'Date', required: false, description: 'Genomförandeplanen för det nya hemmet.' }),
  }),
});

const EndPlacementInput = builder.inputType('EndPlacementInput', {
  description: 'Avsluta en placering (avslut) med datum och skäl.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: PlacementRef, description: 'Placeringen.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    endedOn: t.field({ type: 'Date', required: true, description: 'Slutdatum, inte i framtiden.' }),
    endReason: t.string({ required: true, description: 'Skälet, t.ex. Återförening med vårdnadshavare.' }),
  }),
});

const UpdatePlacementDocumentsInput = builder.inputType('UpdatePlacementDocumentsInput', {
  description: 'Familjehemsavtal, vårdplan, genomförandeplan och planerat slut (dokument). Utelämnat fält ändras inte; null tömmer det.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: PlacementRef, description: 'Placeringen.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    plannedEndOn: t.field({ type: 'Date', required: false, description: 'Planerat slut.' }),
    agreementSignedOn: t.field({ type: 'Date', required: false, description: 'Familjehemsavtalet undertecknat.' }),
    carePlanOn: t.field({ type: 'Date', required: false, description: 'Vårdplanen upprättad eller reviderad.' }),
    implementationPlanOn: t.field({ type: 'Date', required: false, description: 'Genomförandeplanen upprättad eller reviderad.' }),
  }),
});

const PlacementMoveRef = builder.objectRef<{ ended: Placement; started: Placement }>('PlacementMove').implement({
  description: 'En flytt (flytt): placeringen som avslutades och den som började samma dag.',
  fields: (t) => ({
    ended: t.field({ type: PlacementRef, description: 'Den avslutade placeringen.', resolve: (move) => move.ended }),
    started: t.field({ type: PlacementRef, description: 'Den nya placeringen.', resolve: (move) => move.started }),
  }),
});

builder.mutationFields((t) => ({
  placeChild: t.field({
    type: PlacementRef,
    description:
      'Placera barnet. Vägras med regelkod och skäl när hemmet saknar gällande godkännande den dagen, barnet inte passar godkännandets villkor eller hemmet saknar ledig plats.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: PlaceChildInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => placeChild(session, { ...input, childId: input.childId.id, decisionId: input.decisionId.id, fosterHomeId: input.fosterHomeId.id })),
  }),
  movePlacement: t.field({
    type: PlacementMoveRef,
    description: 'Flytta barnet till ett annat familjehem: avslutar placeringen och inleder nästa, båda eller ingen.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: MovePlacementInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        movePlacement(session, { ...input, id: input.id.id, toFosterHomeId: input.toFosterHomeId.id, decisionId: input.decisionId?.id ?? null }),
      ),
  }),
  endPlacement: t.field({
    type: PlacementRef,
    description: 'Avsluta en placering med datum och skäl.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: EndPlacementInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => endPlacement(session, { ...input, id: input.id.id })),
  }),
  updatePlacementDocuments: t.field({
    type: PlacementRef,
    description: 'Registrera familjehemsavtal, vårdplan och genomförandeplan (ett senare datum är en revidering) och planerat slut.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdatePlacementDocumentsInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => updatePlacementDocuments(session, { ...input, id: input.id.id })),
  }),
}));
