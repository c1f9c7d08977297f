import {
  ageOn,
  listOwnNorrbusPersons,
  loadNorrbusGuardiansByPerson,
  loadNorrbusPersons,
  NORRBUS_ROLES,
  todayInSweden,
  type NorrbusGuardian,
  type NorrbusPerson,
} from '@samverka/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { sessionOf, type Context } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import { NorrbusGenderEnum } from './gender.js';

/** The young person's record is the registering organisation's: guardians and consents are shown to it alone. */
export const registeredByViewer = (person: NorrbusPerson, _args: unknown, context: Context) => person.ownerId === context.actor?.organisationId;

const NorrbusGuardianRef = builder.objectRef<NorrbusGuardian>('NorrbusGuardian').implement({
  description: 'En vårdnadshavare (vårdnadshavare) till den unge, som under 18 år också samtycker. Varje läsning loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Vårdnadshavarens id (globalt id).', resolve: (g) => encodeGlobalID('NorrbusGuardian', g.id) }),
    name: t.exposeString('name', { description: 'Namn.' }),
  }),
});

export const NorrbusPersonRef = builder.loadableNode('NorrbusPerson', {
  description:
    'Den unge (barn eller ung person till och med 20 år) som ett Norrbusmöte gäller. Den organisation som registrerade hen ser allt; en annan bara medan ett samtycke som gäller nämner den. Varje läsning loggas.',
  authScopes: { anyRole: [...NORRBUS_ROLES] },
  id: { resolve: (person: NorrbusPerson) => person.id },
  load: (ids: string[], context) => loadNorrbusPersons(sessionOf(context), ids),
  sort: (person) => person.id,
  fields: (t) => ({
    givenName: t.exposeString('givenName', { description: 'Förnamn.' }),
    familyName: t.exposeString('familyName', { description: 'Efternamn.' }),
    personalIdentityNumber: t.exposeString('personalIdentityNumber', { nullable: true, description: 'Personnummer eller samordningsnummer (ÅÅÅÅMMDDNNNN); tomt när bara födelsedatumet är känt.' }),
    birthDate: t.field({ type: 'Date', description: 'Födelsedatum (födelsedatum).', resolve: (p) => p.birthDate }),
    age: t.int({ description: 'Ålder i hela år i dag (ålder).', resolve: (p) => ageOn(p.birthDate, todayInSweden()) }),
    gender: t.field({ type: NorrbusGenderEnum, description: 'Kön (flicka, pojke, annan könsidentitet).', resolve: (p) => p.gender }),
    municipality: t.field({ type: OrganisationRef, description: 'Hemkommun (kommun), där uppföljningen räknas.', resolve: (p) => p.municipalityId }),
    placedOutsideHome: t.exposeBoolean('placedOutsideHome', { description: 'Placerad utanför hemmet (placering): då samordnar socialtjänsten.' }),
    registeredBy: t.field({ type: OrganisationRef, description: 'Organisationen som registrerade den unge och äger uppgifterna (sammankallande).', resolve: (p) => p.ownerId }),
    registeredByViewer: t.boolean({ description: 'Om din organisation registrerade den unge.', resolve: registeredByViewer }),
    guardians: t.loadableGroup({
      type: NorrbusGuardianRef,
      description: 'Vårdnadshavarna (vårdnadshavare). Bara den organisation som registrerade den unge; varje läsning loggas.',
      load: (personIds: string[], context) => loadNorrbusGuardiansByPerson(sessionOf(context), personIds),
      group: (guardian) => guardian.personId,
      resolve: (p) => p.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

builder.queryFields((t) => ({
  norrbusPerson: t.field({
    type: NorrbusPersonRef,
    nullable: true,
    description: 'En ung person i Norrbus (den unge), om din organisation får se hen.',
    authScopes: { anyRole: [...NORRBUS_ROLES] },
    args: { id: t.arg.globalID({ required: true, for: NorrbusPersonRef, description: 'Den unges id.' }) },
    resolve: (_root, args) => args.id.id,
  }),
  norrbusPersons: t.field({
    type: [NorrbusPersonRef],
    description: 'De unga din organisation har registrerat (den unge), efter namn: att kalla till ett nytt möte om. Bara sammankallande.',
    authScopes: { anyRole: ['norrbus_convener'] },
    resolve: (_root, _args, context) => listOwnNorrbusPersons(sessionOf(context)),
  }),
}));
