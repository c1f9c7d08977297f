import { recordHomeDecision } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { FosterHomeKindEnum } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';
import { HomeAssessmentRef } from './home-assessment.js';
import { DecisionMakerKindEnum, DecisionOutcomeEnum, HomeDecisionRef } from './home-decision.js';

const NamedChildInput = builder.inputType('NamedChildInput', {
  description: 'Det namngivna barn ett godkännande gäller (namngivet barn).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Barnets namn.' }),
    personalIdentityNumber: t.string({ required: true, description: 'Barnets personnummer.' }),
  }),
});

const ApprovalConditionsInput = builder.inputType('ApprovalConditionsInput', {
  description: 'Villkoren i ett godkännande (villkor).',
  fields: (t) => ({
    assignmentKind: t.field({ type: FosterHomeKindEnum, required: true, description: 'Uppdrag: eget, nätverk, jour, konsulentstött eller behandling.' }),
    places: t.int({ required: true, description: 'Antal barn (platser).' }),
    minChildAge: t.int({ required: false, description: 'Lägsta ålder, i år.' }),
    maxChildAge: t.int({ required: false, description: 'Högsta ålder, i år.' }),
    namedChild: t.field({ type: NamedChildInput, required: false, description: 'Bara detta barn; då gäller godkännandet en plats.' }),
  }),
});

const RecordHomeDecisionInput = builder.inputType('RecordHomeDecisionInput', {
  description: 'Nämndens eller delegatens beslut på en utredning som lämnats för beslut (beslut).',
  fields: (t) => ({
    assessmentId: t.globalID({ required: true, for: HomeAssessmentRef, description: 'Utredningen.' }),
    outcome: t.field({ type: DecisionOutcomeEnum, required: true, description: 'Godkänt eller avslag.' }),
    decidedOn: t.field({ type: 'Date', required: true, description: 'Beslutsdatum: inte i framtiden och inte före dagen utredningen lämnades för beslut.' }),
    decidedById: t.globalID({
      required: true,
      for: OrganisationRef,
      description: 'Beslutande kommun: den som ansvarar för hemmet eller en medlemskommun i enhetens samverkansavtal.',
    }),
    decisionMakerKind: t.field({ type: DecisionMakerKindEnum, required: true, description: 'Nämnd eller delegat.' }),
    decisionMakerName: t.string({ required: true, description: 'Nämndens namn eller delegatens befattning.' }),
    reasoning: t.string({ required: false, description: 'Motivering.' }),
    conditions: t.field({ type: ApprovalConditionsInput, required: false, description: 'Villkoren; krävs vid godkännande, anges inte vid avslag.' }),
  }),
});

builder.mutationField('recordHomeDecision', (t) =>
  t.field({
    type: HomeDecisionRef,
    description: 'Registrera beslutet: familjen går till godkänd eller avslag, och hemmet blir aktivt med villkorens uppdrag och platser eller avslutas.',
    authScopes: { anyRole: ['foster_care_worker', 'head_of_unit'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordHomeDecisionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordHomeDecision(session, { ...input, assessmentId: input.assessmentId.id, decidedById: input.decidedById.id })),
  }),
);
