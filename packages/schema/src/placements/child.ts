import { encodeGlobalID, resolveOffsetConnection } from '@pothos/plugin-relay';
import {
  ageOfChild,
  CASE_ROLES,
  CHILD_GENDERS,
  CHILD_IDENTITY_KINDS,
  CHILD_READERS,
  GUARDIAN_RELATIONS,
  listCaseWorkers,
  listChildren,
  loadCaseWorkers,
  loadChildren,
  loadGuardiansByChild,
  type CaseWorker,
  type Child,
  type ChildGender,
  type ChildIdentityKind,
  type Guardian,
  type GuardianRelation,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf, type Context } from '../context.js';
import { enumValues } from '../enum-values.js';
import { OrganisationRef } from '../units/organisation.js';

/** The case itself (identity, guardians, worker, utredning, decisions) is the placing municipality's alone. */
export const ownChild = (child: Child, _args: unknown, context: Context) => child.ownerId === context.actor?.organisationId && child.identity !== null;

export const ChildIdentityKindEnum = builder.enumType('ChildIdentityKind', {
  description: 'Hur barnet identifieras (identitet).',
  values: enumValues<ChildIdentityKind>(CHILD_IDENTITY_KINDS, {
    personal_identity_number: 'Personnummer.',
    coordination_number: 'Samordningsnummer: födelsedagen plus 60.',
    reserve_number: 'Reservnummer: R och tio siffror med kontrollsiffra, när barnet saknar personnummer och samordningsnummer.',
  }),
});

export const ChildGenderEnum = builder.enumType('ChildGender', {
  description: 'Barnets kön (kön), som i rapporterna till IVO.',
  values: enumValues<ChildGender>(CHILD_GENDERS, {
    girl: 'Flicka.',
    boy: 'Pojke.',
    other: 'Annan könsidentitet.',
  }),
});

export const GuardianRelationEnum = builder.enumType('GuardianRelation', {
  description: 'Vårdnadshavarens förhållande till barnet (relation).',
  values: enumValues<GuardianRelation>(GUARDIAN_RELATIONS, {
    parent: 'Förälder.',
    appointed_guardian: 'Särskilt förordnad vårdnadshavare.',
    other: 'Annan vårdnadshavare.',
  }),
});

export const CaseWorkerRef = builder.objectRef<CaseWorker>('CaseWorker').implement({
  description: 'En barnsekreterare eller enhetschef i kommunen som kan vara barnets handläggare (handläggare).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Användarens id.' }),
    displayName: t.exposeString('displayName', { description: 'Namn.' }),
  }),
});

const GuardianRef = builder.objectRef<Guardian>('Guardian').implement({
  description: 'En vårdnadshavare (vårdnadshavare) till barnet. Varje läsning loggas.',
  fields: (t) => ({
    id: t.id({ description: 'Vårdnadshavarens id (globalt id), att söka i loggen med.', resolve: (g) => encodeGlobalID('Guardian', g.id) }),
    name: t.exposeString('name', { description: 'Namn.' }),
    personalIdentityNumber: t.exposeString('personalIdentityNumber', { nullable: true, description: 'Personnummer (ÅÅÅÅMMDDNNNN), om det är känt.' }),
    relation: t.field({ type: GuardianRelationEnum, description: 'Förhållande till barnet.', resolve: (g) => g.relation }),
  }),
});

export const ChildRef = builder.loadableNode('Child', {
  description:
    'Ett barn (barn) i den placerande kommunens ärende. Kommunen ser hela akten; den gemensamma enheten ser bara namn och ålder på barn placerade i dess hem. Varje läsning loggas.',
  authScopes: { anyRole: [...CHILD_READERS] },
  id: { resolve: (child: Child) => child.id },
  load: (ids: string[], context) => loadChildren(sessionOf(context), ids),
  sort: (child) => child.id,
  fields: (t) => ({
    givenName: t.exposeString('givenName', { description: 'Förnamn.' }),
    familyName: t.exposeString('familyName', { description: 'Efternamn.' }),
    age: t.int({ description: 'Ålder i hela år i dag (ålder).', resolve: (child) => ageOfChild(child) }),
    placingMunicipality: t.field({ type: OrganisationRef, description: 'Placerande kommun (placerande kommun), som ansvarar för barnet.', resolve: (child) => child.ownerId }),
    identityKind: t.field({
      type: ChildIdentityKindEnum,
      description: 'Personnummer, samordningsnummer eller reservnummer. Bara den placerande kommunen.',
      authScopes: ownChild,
      resolve: (child) => child.identity!.kind,
    }),
    identityNumber: t.string({
      description: 'Personnumret eller samordningsnumret (ÅÅÅÅMMDDNNNN) eller reservnumret. Bara den placerande kommunen.',
      authScopes: ownChild,
      resolve: (child) => child.identity!.number,
    }),
    birthDate: t.field({ type: 'Date', description: 'Födelsedatum (födelsedatum). Bara den placerande kommunen.', authScopes: ownChild, resolve: (child) => child.identity!.birthDate }),
    gender: t.field({ type: ChildGenderEnum, description: 'Kön. Bara den placerande kommunen.', authScopes: ownChild, resolve: (child) => child.identity!.gender }),
    assignedWorker: t.loadable({
      type: CaseWorkerRef,
      nullable: true,
      description: 'Barnets handläggare (barnsekreterare). Bara den placerande kommunen.',
      authScopes: ownChild,
      load: (ids: string[], context) => loadCaseWorkers(sessionOf(context), ids),
      sort: (worker) => worker.id,
      resolve: (child) => child.assignedWorkerId,
    }),
    guardians: t.loadableGroup({
      type: GuardianRef,
      description: 'Vårdnadshavarna (vårdnadshavare). Bara den placerande kommunen; varje läsning loggas.',
      authScopes: ownChild,
      load: (childIds: string[], context) => loadGuardiansByChild(sessionOf(context), childIds),
      group: (guardian) => guardian.childId,
      resolve: (child) => child.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

builder.queryFields((t) => ({
  children: t.connection(
    {
      type: ChildRef,
      description: 'Kommunens barn (barn), efter efternamn och förnamn, sökbara på namn och nummer. Bara den placerande kommunens socialtjänst.',
      authScopes: { anyRole: [...CASE_ROLES] },
      args: { search: t.arg.string({ required: false, description: 'Sökord (sök): del av namn eller nummer.' }) },
      resolve: async (_root, args, context) => {
        let totalCount = 0;
        const connection = await resolveOffsetConnection({ args, defaultSize: 50, maxSize: 200 }, async ({ limit, offset }) => {
          const page = await listChildren(sessionOf(context), { search: args.search ?? null, limit, offset });
          totalCount = page.totalCount;
          return page.children;
        });
        return { ...connection, totalCount };
      },
    },
    {
      description: 'En sida ur kommunens barn.',
      fields: (c) => ({
        totalCount: c.int({ description: 'Antal barn som matchar sökningen.', resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount }),
      }),
    },
  ),
  child: t.field({
    type: ChildRef,
    nullable: true,
    description: 'Ett barns akt (barn), om du får se barnet.',
    authScopes: { anyRole: [...CHILD_READERS] },
    args: { id: t.arg.globalID({ required: true, for: ChildRef, description: 'Barnets id.' }) },
    resolve: (_root, args) => args.id.id,
  }),
  caseWorkers: t.field({
    type: [CaseWorkerRef],
    description: 'Kommunens barnsekreterare och enhetschefer, som kan vara handläggare (handläggare).',
    authScopes: { anyRole: [...CASE_ROLES] },
    resolve: (_root, _args, context) => listCaseWorkers(sessionOf(context)),
  }),
}));
