import { DISPUTE_ROLES, escalateDispute, raiseDispute, resolveDispute, stateDisputePosition } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';
import { DisputeSubjectEnum } from './deviation-enums.js';
import { DisputeRef } from './dispute.js';

const RaiseDisputeInput = builder.inputType('RaiseDisputeInput', {
  description: 'En ny oenighet om ansvar eller kostnad för en insats (oenighet). Din organisation blir part; ingen text får identifiera en person.',
  fields: (t) => ({
    municipalityId: t.globalID({ required: true, for: OrganisationRef, description: 'Kommunen insatsen gäller.' }),
    subject: t.field({ type: DisputeSubjectEnum, required: true, description: 'Ansvar eller kostnad.' }),
    intervention: t.string({ required: true, description: 'Insatsen.' }),
    question: t.string({ required: true, description: 'Frågan parterna är oense om.' }),
    partyIds: t.globalIDList({ required: true, for: OrganisationRef, description: 'De andra parterna.' }),
    raisedOn: t.field({ type: 'Date', required: false, description: 'Dagen oenigheten togs upp; i dag om inget anges.' }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** Which dispute, the version read and the day (today unless given). */
const versionedFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  disputeId: t.globalID({ required: true, for: DisputeRef, description: 'Oenigheten.' }),
  expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
  occurredOn: t.field({ type: 'Date', required: false, description: 'Dagen det gjordes; i dag om inget anges.' }),
});

const StateDisputePositionInput = builder.inputType('StateDisputePositionInput', {
  description: 'Din organisations ståndpunkt i oenigheten (ståndpunkt); kan ändras medan den pågår.',
  fields: (t) => ({ ...versionedFields(t), position: t.string({ required: true, description: 'Ståndpunkten, utan namn och personnummer.' }) }),
});

const EscalateDisputeInput = builder.inputType('EscalateDisputeInput', {
  description: 'Lyft oenigheten till länsnivå (lyft); alla parter ska ha angett sin ståndpunkt.',
  fields: (t) => versionedFields(t),
});

const ResolveDisputeInput = builder.inputType('ResolveDisputeInput', {
  description: 'Utfallet som parternas ledningar enats om (utfall). På länsnivå avgör styrgruppen.',
  fields: (t) => ({ ...versionedFields(t), outcome: t.string({ required: true, description: 'Utfallet, utan namn och personnummer.' }) }),
});

const disputeIds = (input: { disputeId: { id: string }; expectedVersion: number; occurredOn?: string | null | undefined }) => ({
  disputeId: input.disputeId.id,
  expectedVersion: input.expectedVersion,
  occurredOn: input.occurredOn ?? null,
});

builder.mutationFields((t) => ({
  raiseDispute: t.field({
    type: DisputeRef,
    description: 'Ta upp en oenighet om ansvar eller kostnad för en insats.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RaiseDisputeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        raiseDispute(session, {
          municipalityId: input.municipalityId.id,
          subject: input.subject,
          intervention: input.intervention,
          question: input.question,
          partyIds: input.partyIds.map((party) => party.id),
          raisedOn: input.raisedOn ?? null,
        }),
      ),
  }),
  stateDisputePosition: t.field({
    type: DisputeRef,
    description: 'Ange din organisations ståndpunkt i oenigheten.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: StateDisputePositionInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => stateDisputePosition(session, { ...disputeIds(input), position: input.position })),
  }),
  escalateDispute: t.field({
    type: DisputeRef,
    description: 'Lyft oenigheten från ledningarna till länsnivå, där styrgruppen avgör den.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: EscalateDisputeInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => escalateDispute(session, disputeIds(input))),
  }),
  resolveDispute: t.field({
    type: DisputeRef,
    description: 'Registrera utfallet som parternas ledningar enats om.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ResolveDisputeInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => resolveDispute(session, { ...disputeIds(input), outcome: input.outcome })),
  }),
}));
