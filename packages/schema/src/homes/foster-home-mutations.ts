import { createFosterHome, updateFosterHome } from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { FosterHomeKindEnum, FosterHomeRef, FosterHomeStatusEnum } from './foster-home.js';

const HouseholdMemberInput = builder.inputType('HouseholdMemberInput', {
  description: 'En person i hushållet.',
  fields: (t) => ({
    givenName: t.string({ required: true, description: 'Förnamn.' }),
    familyName: t.string({ required: true, description: 'Efternamn.' }),
    personalIdentityNumber: t.string({ required: true, description: 'Personnummer eller samordningsnummer.' }),
    role: t.string({ required: true, description: 'adult, child eller other.' }),
  }),
});

const CreateFosterHomeInput = builder.inputType('CreateFosterHomeInput', {
  description: 'Ett nytt familjehem i registret, ägt av den organisation du agerar för.',
  fields: (t) => ({
    kind: t.field({ type: FosterHomeKindEnum, required: true, description: 'Slag av familjehem.' }),
    name: t.string({ required: true, description: 'Namn, t.ex. Familjen Berg.' }),
    streetAddress: t.string({ required: false, description: 'Gatuadress.' }),
    postalCode: t.string({ required: false, description: 'Postnummer.' }),
    city: t.string({ required: false, description: 'Ort.' }),
    municipalityId: t.globalID({ required: true, description: 'Kommunen där hemmet ligger.' }),
    places: t.int({ required: true, description: 'Antal platser.' }),
    approvedById: t.globalID({ required: false, description: 'Nämnden som godkänt hemmet.' }),
    approvedOn: t.field({ type: 'Date', required: false, description: 'Beslutsdatum.' }),
    consultancyAgencyId: t.globalID({ required: false, description: 'Konsulentverksamheten, för konsulentstödda hem.' }),
    householdMembers: t.field({ type: [HouseholdMemberInput], required: false, description: 'Hushållet.' }),
  }),
});

const UpdateFosterHomeInput = builder.inputType('UpdateFosterHomeInput', {
  description: 'Ändringar i ett familjehem. expectedVersion är den version du läste; har någon annan ändrat sedan dess vägras ändringen.',
  fields: (t) => ({
    id: t.globalID({ required: true, description: 'Familjehemmet.' }),
    expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
    name: t.string({ required: false, description: 'Namn.' }),
    status: t.field({ type: FosterHomeStatusEnum, required: false, description: 'Status.' }),
    places: t.int({ required: false, description: 'Antal platser.' }),
    streetAddress: t.string({ required: false, description: 'Gatuadress.' }),
    postalCode: t.string({ required: false, description: 'Postnummer.' }),
    city: t.string({ required: false, description: 'Ort.' }),
    languages: t.stringList({ required: false, description: 'Språk som talas i hemmet (språk), hela listan.' }),
  }),
});

builder.mutationFields((t) => ({
  createFosterHome: t.field({
    type: FosterHomeRef,
    description: 'Lägg till ett familjehem i registret.',
    authScopes: { anyRole: ['foster_care_worker', 'head_of_unit'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateFosterHomeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        createFosterHome(session, {
          ...input,
          municipalityId: input.municipalityId.id,
          approvedById: input.approvedById?.id ?? null,
          consultancyAgencyId: input.consultancyAgencyId?.id ?? null,
          householdMembers: (input.householdMembers ?? []) as never,
        }),
      ),
  }),
  updateFosterHome: t.field({
    type: FosterHomeRef,
    description: 'Ändra ett familjehem, med skydd mot att skriva över någon annans ändring.',
    authScopes: { anyRole: ['foster_care_worker', 'head_of_unit'] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateFosterHomeInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        updateFosterHome(session, {
          id: input.id.id,
          expectedVersion: input.expectedVersion,
          ...(input.name != null ? { name: input.name } : {}),
          ...(input.status != null ? { status: input.status } : {}),
          ...(input.places != null ? { places: input.places } : {}),
          ...(input.streetAddress !== undefined ? { streetAddress: input.streetAddress } : {}),
          ...(input.postalCode !== undefined ? { postalCode: input.postalCode } : {}),
          ...(input.city !== undefined ? { city: input.city } : {}),
          ...(input.languages != null ? { languages: input.languages } : {}),
        }),
      ),
  }),
}));
