import { CASE_ROLES, registerChild, updateChild } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { ChildGenderEnum, ChildIdentityKindEnum, ChildRef, GuardianRelationEnum } from './child.js';

const GuardianInput = builder.inputType('GuardianInput', {
  description: 'En vårdnadshavare (vårdnadshavare).',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Namn.' }),
    personalIdentityNumber: t.string({ required: false, description: 'Personnummer, om det är känt.' }),
    relation: t.field({ type: GuardianRelationEnum, required: true, description: 'Förhållande till barnet.' }),
  }),
});

const ChildIdentityInput = builder.inputType('ChildIdentityInput', {
  description: 'Barnets identitet (identitet): numret av sitt slag; födelsedatum och kön krävs vid reservnummer.',
  fields: (t) => ({
    identityKind: t.field({ type: ChildIdentityKindEnum, required: true, description: 'Personnummer, samordningsnummer eller reservnummer.' }),
    identityNumber: t.string({ required: true, description: 'Numret, t.ex. 20170314-9802 eller R2026000170.' }),
    birthDate: t.field({ type: 'Date', required: false, description: 'Födelsedatum; krävs vid reservnummer, annars läses det ur numret.' }),
    gender: t.field({ type: ChildGenderEnum, required: false, description: 'Kön; krävs vid reservnummer, annars är numrets kön förvalt.' }),
  }),
});

const RegisterChildInput = builder.inputType('RegisterChildInput', {
  description: 'Ett nytt barn (barn) i din kommun, med vårdnadshavare och handläggare.',
  fields: (t) => ({
    identity: t.field({ type: ChildIdentityInput, required: true, description: 'Barnets identitet.' }),
    givenName: t.string({ required: true, description: 'Förnamn.' }),
    familyName: t.string({ required: true, description: 'Efternamn.' }),
    guardians: t.field({ type: [GuardianInput], required: false, description: 'Vårdnadshavarna.' }),
    assignedWorkerId: t.id({ required: true, description: 'Handläggaren (CaseWorker.id).' }),
  }),
});

const UpdateChildInput = builder.inputType('UpdateChildInput', {
  description: 'Ändringar i barnets uppgifter. expectedVersion är den version du läste; har någon annan ändrat sedan dess vägras ändringen.',
  fields: (t) => ({
    id: t.globalID({ required: true, for: ChildRef, description: 'Barnet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    givenName: t.string({ required: false, description: 'Förnamn.' }),
    familyName: t.string({ required: false, description: 'Efternamn.' }),
    gender: t.field({ type: ChildGenderEnum, required: false, description: 'Kön.' }),
    identity: t.field({ type: ChildIdentityInput, required: false, description: 'Ny identitet, t.ex. personnummer i stället för reservnummer.' }),
    guardians: t.field({ type: [GuardianInput], required: false, description: 'Hela listan vårdnadshavare; ersätter den tidigare.' }),
    assignedWorkerId: t.id({ required: false, description: 'Ny handläggare (CaseWorker.id).' }),
  }),
});

builder.mutationFields((t) => ({
  registerChild: t.field({
    type: ChildRef,
    description: 'Registrera ett barn i din kommun.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RegisterChildInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        registerChild(session, { ...input.identity, givenName: input.givenName, familyName: input.familyName, guardians: input.guardians ?? [], assignedWorkerId: input.assignedWorkerId }),
      ),
  }),
  updateChild: t.field({
    type: ChildRef,
    description: 'Ändra barnets uppgifter, med skydd mot att skriva över någon annans ändring.',
    authScopes: { anyRole: [...CASE_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateChildInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        updateChild(session, {
          id: input.id.id,
          expectedVersion: input.expectedVersion,
          ...(input.givenName != null ? { givenName: input.givenName } : {}),
          ...(input.familyName != null ? { familyName: input.familyName } : {}),
          ...(input.gender != null ? { gender: input.gender } : {}),
          ...(input.identity != null ? { identity: input.identity } : {}),
          ...(input.guardians != null ? { guardians: input.guardians } : {}),
          ...(input.assignedWorkerId != null ? { assignedWorkerId: input.assignedWorkerId } : {}),
        }),
      ),
  }),
}));
