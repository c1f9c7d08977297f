import {
  createConsultancyAgency,
  listConsultancyAgencies,
  loadConsultancyAgencies,
  type ConsultancyAgency,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation, sessionOf } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';

export const ConsultancyAgencyRef = builder.loadableNode('ConsultancyAgency', {
  description: 'En konsulentverksamhet (konsulentverksamhet): privat utförare av konsulentstödda familjehem, med tillstånd från IVO.',
  authScopes: { signedIn: true },
  id: { resolve: (agency: ConsultancyAgency) => agency.id },
  load: (ids: string[], context) => loadConsultancyAgencies(sessionOf(context), ids),
  sort: (agency) => agency.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Namn.' }),
    organisationNumber: t.exposeString('organisationNumber', { nullable: true, description: 'Organisationsnummer.' }),
    ivoPermitNumber: t.exposeString('ivoPermitNumber', { description: 'IVO-tillståndets diarienummer (tillstånd).' }),
  }),
});

builder.queryField('consultancyAgencies', (t) =>
  t.field({
    type: [ConsultancyAgencyRef],
    description: 'Konsulentverksamheter (konsulentverksamheter).',
    authScopes: { anyRole: ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] },
    resolve: (_root, _args, context) => listConsultancyAgencies(sessionOf(context)),
  }),
);

const CreateConsultancyAgencyInput = builder.inputType('CreateConsultancyAgencyInput', {
  description: 'En ny konsulentverksamhet.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Namn.' }),
    organisationNumber: t.string({ required: false, description: 'Organisationsnummer, t.ex. 556677-8899.' }),
    ivoPermitNumber: t.string({ required: true, description: 'IVO-tillståndets diarienummer.' }),
  }),
});

builder.mutationField('createConsultancyAgency', (t) =>
  t.field({
    type: ConsultancyAgencyRef,
    description: 'Registrera en konsulentverksamhet.',
    authScopes: { anyRole: ['foster_care_worker', 'head_of_unit'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateConsultancyAgencyInput, required: true }) },
    resolve: (_root, { input }, context) => inMutation(context, (session) => createConsultancyAgency(session, input)),
  }),
);
