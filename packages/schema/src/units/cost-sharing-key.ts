import { setCostSharingKey, type CostSharingKey } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from './organisation.js';

const CostSharingBasisEnum = builder.enumType('CostSharingBasis', {
  description: 'Grund för fördelningsnyckeln (fördelningsgrund).',
  values: {
    POPULATION: { value: 'population', description: 'Andel av folkmängden (befolkningsandel).' },
    PLACEMENT_DAYS: { value: 'placement_days', description: 'Andel av vårddygnen (vårddygnsandel).' },
    FIXED: { value: 'fixed', description: 'Fasta andelar enligt avtalet.' },
  } as const,
});

type Share = CostSharingKey['shares'][number];

const CostShareRef = builder.objectRef<Share>('CostShare').implement({
  description: 'En kommuns andel av enhetens kostnad (kostnadsandel).',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen.', resolve: (share) => share.municipalityId }),
    basisPoints: t.exposeInt('basisPoints', { description: 'Andelen i hundradels procent (10 000 = 100 %).' }),
    percent: t.float({ description: 'Andelen i procent.', resolve: (share) => share.basisPoints / 100 }),
    population: t.exposeInt('population', { nullable: true, description: 'Folkmängden som andelen bygger på (folkmängd).' }),
  }),
});

export const CostSharingKeyRef = builder.objectRef<CostSharingKey>('CostSharingKey').implement({
  description: 'Fördelningsnyckeln (fördelningsnyckel) för ett år: hur enhetens kostnad delas mellan kommunerna.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'Året nyckeln gäller (år).' }),
    basis: t.field({ type: CostSharingBasisEnum, description: 'Grund för fördelningen.', resolve: (key) => key.basis }),
    shares: t.field({ type: [CostShareRef], description: 'Andelarna per kommun.', resolve: (key) => [...key.shares] }),
  }),
});

const PopulationInput = builder.inputType('PopulationInput', {
  description: 'En kommuns folkmängd (folkmängd).',
  fields: (t) => ({
    municipalityId: t.globalID({ required: true, description: 'Kommunen.' }),
    population: t.int({ required: true, description: 'Folkmängden.' }),
  }),
});

const ShareInput = builder.inputType('CostShareInput', {
  description: 'En kommuns andel i hundradels procent (andel).',
  fields: (t) => ({
    municipalityId: t.globalID({ required: true, description: 'Kommunen.' }),
    basisPoints: t.int({ required: true, description: 'Andelen i hundradels procent (10 000 = 100 %).' }),
  }),
});

const SetCostSharingKeyInput = builder.inputType('SetCostSharingKeyInput', {
  description: 'Fastställ fördelningsnyckeln för ett år. Ett fastställt år kan inte skrivas över.',
  fields: (t) => ({
    agreementId: t.globalID({ required: true, description: 'Samverkansavtalet.' }),
    year: t.int({ required: true, description: 'Året.' }),
    basis: t.field({ type: CostSharingBasisEnum, required: true, description: 'Grund för fördelningen.' }),
    populations: t.field({ type: [PopulationInput], required: false, description: 'Folkmängd per kommun, när grunden är folkmängd.' }),
    shares: t.field({ type: [ShareInput], required: false, description: 'Andelar per kommun, för övriga grunder.' }),
  }),
});

builder.mutationField('setCostSharingKey', (t) =>
  t.field({
    type: CostSharingKeyRef,
    description: 'Fastställ ett års fördelningsnyckel (enhetschef i den gemensamma enheten).',
    authScopes: { anyRole: ['head_of_unit', 'administrator'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SetCostSharingKeyInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        setCostSharingKey(
          session,
          input.basis === 'population'
            ? {
                agreementId: input.agreementId.id,
                year: input.year,
                basis: 'population',
                populations: (input.populations ?? []).map((p) => ({ municipalityId: p.municipalityId.id, population: p.population })),
              }
            : {
                agreementId: input.agreementId.id,
                year: input.year,
                basis: input.basis,
                shares: (input.shares ?? []).map((s) => ({ municipalityId: s.municipalityId.id, basisPoints: s.basisPoints })),
              },
        ),
      ),
  }),
);
