import {
  CASE_ROLES,
  hasRole,
  loadExtraCosts,
  loadTreatmentAssignments,
  recordExtraCost,
  setTreatmentAssignment,
  type Placement,
  type PlacementExtraCost,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf, type Context } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { PlacementRef } from '../placements/placement.js';

/** Extra costs are the placing municipality's alone; the unit sees the placement, not what it costs. */
const placingCaseWorker = (placement: Placement, _args: unknown, context: Context) =>
  placement.placingMunicipalityId === context.actor?.organisationId && hasRole(context.actor, ...CASE_ROLES);

export const PlacementExtraCostRef = builder.objectRef<PlacementExtraCost>('PlacementExtraCost').implement({
  description: 'En extra kostnad eller engångskostnad (extra kostnad) på en placering, utöver dygnskostnaden; negativt belopp är en kreditering.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Kostnadens id.' }),
    incurredOn: t.field({ type: 'Date', description: 'Dagen kostnaden gäller (datum).', resolve: (c) => c.incurredOn }),
    amount: t.field({ type: 'Money', description: 'Belopp i öre; negativt för en kreditering.', resolve: (c) => c.amount }),
    description: t.exposeString('description', { description: 'Vad kostnaden gäller (beskrivning).' }),
    createdAt: t.field({ type: 'DateTime', description: 'När kostnaden registrerades.', resolve: (c) => c.createdAt }),
  }),
});

builder.objectFields(PlacementRef, (t) => ({
  extraCosts: t.loadableGroup({
    type: PlacementExtraCostRef,
    nullable: true,
    description: 'Extra kostnader på placeringen, efter datum (extra kostnader). Bara den placerande kommunens barnsekreterare och enhetschef.',
    authScopes: placingCaseWorker,
    load: (placementIds: string[], context) => loadExtraCosts(sessionOf(context), placementIds),
    group: (cost) => (cost as PlacementExtraCost).placementId,
    resolve: (placement) => placement.id,
  }),
  treatmentAssignment: t.loadable({
    type: 'Boolean',
    description: 'Om placeringen har behandlingsuppdrag (behandlingsuppdrag), som ger tillägg per dygn; alltid i familjehem med behandlingsuppdrag.',
    load: async (placementIds: string[], context) => {
      const assignments = await loadTreatmentAssignments(sessionOf(context), placementIds);
      return placementIds.map((id) => assignments.get(id) ?? false);
    },
    resolve: (placement) => placement.id,
  }),
}));

const RecordExtraCostInput = builder.inputType('RecordExtraCostInput', {
  description: 'En extra kostnad på en placering, daterad under placeringen (startdag till slutdag).',
  fields: (t) => ({
    placementId: t.globalID({ required: true, for: PlacementRef, description: 'Placeringen.' }),
    incurredOn: t.field({ type: 'Date', required: true, description: 'Dagen kostnaden gäller.' }),
    amount: t.field({ type: 'Money', required: true, description: 'Belopp i öre, inte 0; negativt för en kreditering.' }),
    description: t.string({ required: true, description: 'Vad kostnaden gäller, t.ex. Inköp av säng.' }),
  }),
});

const SetTreatmentAssignmentInput = builder.inputType('SetTreatmentAssignmentInput', {
  description: 'Ge en placering i eget familjehem eller nätverkshem behandlingsuppdrag, eller ta bort det. Inte i konsulentstödda hem.',
  fields: (t) => ({
    placementId: t.globalID({ required: true, for: PlacementRef, description: 'Placeringen.' }),
    treatmentAssignment: t.boolean({ required: true, description: 'Om placeringen har behandlingsuppdrag.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
  }),
});

builder.mutationFields((t) => ({
  recordExtraCost: t.field({
    type: PlacementExtraCostRef,
    description: 'Registrera en extra kostnad på en placering (den placerande kommunens barnsekreterare eller enhetschef).',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordExtraCostInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => recordExtraCost(session, { ...input, placementId: input.placementId.id })),
  }),
  setTreatmentAssignment: t.field({
    type: PlacementRef,
    description: 'Ändra om placeringen har behandlingsuppdrag. Vägras för konsulentstödda familjehem, där behandlingen ingår i dygnspriset.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SetTreatmentAssignmentInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => setTreatmentAssignment(session, { ...input, placementId: input.placementId.id })),
  }),
}));
