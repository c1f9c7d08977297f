import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  FOSTER_HOME_KINDS,
  FOSTER_HOME_STATUSES,
  HOUSEHOLD_ROLES,
  listFosterHomes,
  loadFosterHomes,
  loadHouseholdMembersByHome,
  type FosterHome,
  type FosterHomeKind,
  type FosterHomeStatus,
  type HouseholdMember,
  type HouseholdRole,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { enumValues } from '../enum-values.js';
import { sessionOf } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import { ConsultancyAgencyRef } from './consultancy-agency.js';

export const FosterHomeKindEnum = builder.enumType('FosterHomeKind', {
  description: 'Slag av familjehem (familjehemstyp).',
  values: enumValues<FosterHomeKind>(FOSTER_HOME_KINDS, {
    own: 'Eget familjehem, rekryterat och utrett av enheten.',
    network: 'Nätverkshem: släkt eller nätverk, utrett som andra familjehem.',
    emergency: 'Jourhem: tillfällig vård, upprepade placeringar.',
    consultant_supported: 'Konsulentstött familjehem från en konsulentverksamhet.',
    treatment: 'Familjehem med behandlingsuppdrag (förhöjt arvode).',
  }),
});

export const FosterHomeStatusEnum = builder.enumType('FosterHomeStatus', {
  description: 'Familjehemmets status (status).',
  values: enumValues<FosterHomeStatus>(FOSTER_HOME_STATUSES, {
    recruiting: 'Under rekrytering: intresseanmälan, utbildning eller utredning pågår; ännu inte godkänt.',
    active: 'Aktivt: kan ta emot barn.',
    paused: 'Pausat (vilande).',
    closed: 'Avslutat.',
  }),
});

const HouseholdRoleEnum = builder.enumType('HouseholdRole', {
  description: 'Roll i familjehemmets hushåll.',
  values: enumValues<HouseholdRole>(HOUSEHOLD_ROLES, {
    adult: 'Vuxen (familjehemsförälder).',
    child: 'Barn i familjen.',
    other: 'Annan som bor i hemmet.',
  }),
});

const HouseholdMemberRef = builder.objectRef<HouseholdMember>('HouseholdMember').implement({
  description: 'En person i familjehemmets hushåll (hushållsmedlem). Varje läsning loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Personens id (globalt id), att söka i loggen med.', resolve: (m) => encodeGlobalID('HouseholdMember', m.id) }),
    givenName: t.exposeString('givenName', { description: 'Förnamn.' }),
    familyName: t.exposeString('familyName', { description: 'Efternamn.' }),
    personalIdentityNumber: t.exposeString('personalIdentityNumber', { description: 'Personnummer eller samordningsnummer (ÅÅÅÅMMDDNNNN).' }),
    role: t.field({ type: HouseholdRoleEnum, description: 'Roll i hushållet.', resolve: (m) => m.role }),
  }),
});

export const FosterHomeRef = builder.loadableNode('FosterHome', {
  description: 'Ett familjehem (familjehem) i registret.',
  authScopes: { anyRole: ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] },
  id: { resolve: (home: FosterHome) => home.id },
  load: (ids: string[], context) => loadFosterHomes(sessionOf(context), ids),
  sort: (home) => home.id,
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Namn, t.ex. Familjen Berg.' }),
    kind: t.field({ type: FosterHomeKindEnum, description: 'Slag av familjehem.', resolve: (h) => h.kind }),
    status: t.field({ type: FosterHomeStatusEnum, description: 'Status.', resolve: (h) => h.status }),
    places: t.exposeInt('places', { description: 'Antal platser (platser).' }),
    streetAddress: t.exposeString('streetAddress', { nullable: true, description: 'Gatuadress.' }),
    postalCode: t.exposeString('postalCode', { nullable: true, description: 'Postnummer.' }),
    city: t.exposeString('city', { nullable: true, description: 'Ort.' }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen där hemmet ligger (kommun).', resolve: (h) => h.municipalityId }),
    owner: t.field({ type: OrganisationRef, description: 'Ansvarig organisation: den gemensamma enheten eller en kommun.', resolve: (h) => h.ownerId }),
    approvedBy: t.field({ type: OrganisationRef, nullable: true, description: 'Vilken nämnd som godkänt hemmet (beslutande nämnd).', resolve: (h) => h.approvedById }),
    approvedOn: t.field({ type: 'Date', nullable: true, description: 'Datum för godkännandet (beslutsdatum).', resolve: (h) => h.approvedOn }),
    consultancyAgency: t.field({
      type: ConsultancyAgencyRef,
      nullable: true,
      description: 'Konsulentverksamheten, för konsulentstödda hem.',
      resolve: (h) => h.consultancyAgencyId,
    }),
    householdMembers: t.loadableGroup({
      type: HouseholdMemberRef,
      description: 'Hushållet (hushållsmedlemmar). Bara den ansvariga organisationen ser det, och varje läsning loggas.',
      authScopes: { anyRole: ['foster_care_worker', 'head_of_unit', 'administrator'] },
      load: (homeIds: string[], context) => loadHouseholdMembersByHome(sessionOf(context), homeIds),
      group: (member) => member.fosterHomeId,
      resolve: (home) => home.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
    updatedAt: t.field({ type: 'DateTime', description: 'Senast ändrad.', resolve: (h) => h.updatedAt }),
  }),
});

const FosterHomeFilter = builder.inputType('FosterHomeFilter', {
  description: 'Urval i familjehemsregistret.',
  fields: (t) => ({
    kind: t.field({ type: FosterHomeKindEnum, required: false, description: 'Slag av familjehem.' }),
    status: t.field({ type: FosterHomeStatusEnum, required: false, description: 'Status.' }),
    ownerId: t.globalID({ required: false, description: 'Ansvarig organisation.' }),
    municipalityId: t.globalID({ required: false, description: 'Kommunen där hemmet ligger.' }),
    search: t.string({ required: false, description: 'Fritext i namn och ort.' }),
  }),
});

builder.queryFields((t) => ({
  fosterHomes: t.connection(
    {
      type: FosterHomeRef,
      description: 'Familjehemsregistret (familjehem) som du får se, sorterat på namn.',
      authScopes: { anyRole: ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] },
      args: { filter: t.arg({ type: FosterHomeFilter, required: false }) },
      resolve: async (_root, args, context) => {
        let totalCount = 0;
        const connection = await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, async ({ limit, offset }) => {
          const page = await listFosterHomes(sessionOf(context), {
            filter: {
              kind: args.filter?.kind ?? null,
              status: args.filter?.status ?? null,
              ownerId: args.filter?.ownerId?.id ?? null,
              municipalityId: args.filter?.municipalityId?.id ?? null,
              search: args.filter?.search ?? null,
            },
            limit,
            offset,
          });
          totalCount = page.totalCount;
          return page.homes;
        });
        return { ...connection, totalCount };
      },
    },
    {
      description: 'En sida ur familjehemsregistret.',
      fields: (c) => ({
        totalCount: c.int({ description: 'Antal familjehem som matchar urvalet.', resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount }),
      }),
    },
  ),
  fosterHome: t.field({
    type: FosterHomeRef,
    nullable: true,
    description: 'Ett familjehem.',
    authScopes: { anyRole: ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] },
    args: { id: t.arg.globalID({ required: true, for: FosterHomeRef }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
