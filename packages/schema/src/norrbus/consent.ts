import { CONSENT_GIVERS, consentInForce, loadConsentsByPerson, todayInSweden, type Consent, type ConsentGiver, type ConsentOrganisation } from '@samverka/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { OrganisationRef } from '../units/organisation.js';
import { NorrbusPersonRef } from './person.js';

export const ConsentGiverEnum = builder.enumType('ConsentGiver', {
  description: 'Vem som lämnar samtycket (samtycke): den unge, eller under 18 år också varje vårdnadshavare.',
  values: enumValues<ConsentGiver>(CONSENT_GIVERS, { young_person: 'Den unge.', guardian: 'En vårdnadshavare.' }),
});

const ConsentOrganisationRef = builder.objectRef<ConsentOrganisation>('ConsentOrganisation').implement({
  description: 'En organisation som samtycket nämner och vilka uppgifter den får dela (informationsdelning).',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Organisationen.', resolve: (o) => o.organisationId }),
    information: t.exposeString('information', { description: 'Vilka uppgifter den får dela.' }),
  }),
});

export const ConsentRef = builder.objectRef<Consent>('Consent').implement({
  description: 'Ett samtycke (samtycke) från den unge eller en vårdnadshavare att namngivna organisationer får dela uppgifter; kan begränsas och återkallas. Historiken visar när.',
  fields: (t) => ({
    id: t.id({ description: 'Samtyckets id (globalt id).', resolve: (c) => encodeGlobalID('Consent', c.id) }),
    givenBy: t.field({ type: ConsentGiverEnum, description: 'Vem som samtycker.', resolve: (c) => c.givenBy }),
    guardianName: t.exposeString('guardianName', { nullable: true, description: 'Vårdnadshavarens namn, när en vårdnadshavare samtycker.' }),
    givenOn: t.field({ type: 'Date', description: 'Dagen samtycket lämnades (datum).', resolve: (c) => c.givenOn }),
    limitation: t.exposeString('limitation', { nullable: true, description: 'Begränsning av samtycket (begränsning), t.ex. uppgifter som inte får delas.' }),
    withdrawnOn: t.field({ type: 'Date', nullable: true, description: 'Dagen samtycket återkallades (återkallelse); därefter delas inget mer.', resolve: (c) => c.withdrawnOn }),
    withdrawalNote: t.exposeString('withdrawalNote', { nullable: true, description: 'Anteckning om återkallelsen.' }),
    inForce: t.boolean({ description: 'Om samtycket gäller i dag (gällande).', resolve: (c) => consentInForce(c, todayInSweden()) }),
    organisations: t.field({ type: [ConsentOrganisationRef], description: 'Organisationerna som får dela, och vad.', resolve: (c) => [...c.organisations] }),
  }),
});

builder.objectField(NorrbusPersonRef, 'consents', (t) =>
  t.loadableGroup({
    type: ConsentRef,
    description: 'Samtyckena (samtycke), äldst först, även återkallade. Bara den organisation som registrerade den unge; varje läsning loggas.',
    load: (personIds: string[], context) => loadConsentsByPerson(sessionOf(context), personIds),
    group: (consent) => consent.personId,
    resolve: (p) => p.id,
  }),
);
