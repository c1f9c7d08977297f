import {
  DISPUTE_ROLES,
  listDisputes,
  loadDisputeEventsByDispute,
  loadDisputePartiesByDispute,
  loadDisputes,
  type Dispute,
  type DisputeEvent,
  type DisputeParty,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import { DisputeActionEnum, DisputeEventKindEnum, DisputeLevelEnum, DisputeStatusEnum, DisputeSubjectEnum, loadSignerNames } from './deviation-enums.js';

const DisputePartyRef = builder.objectRef<DisputeParty>('DisputeParty').implement({
  description: 'En part i oenigheten (part) och dess ståndpunkt.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Organisationen.', resolve: (p) => p.organisationId }),
    position: t.exposeString('position', { nullable: true, description: 'Partens ståndpunkt (ståndpunkt); null tills den är angiven.' }),
    statedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen ståndpunkten angavs.', resolve: (p) => p.statedOn }),
  }),
});

const DisputeEventRef = builder.objectRef<DisputeEvent>('DisputeEvent').implement({
  description: 'En händelse i oenighetens historik (händelse).',
  fields: (t) => ({
    kind: t.field({ type: DisputeEventKindEnum, description: 'Vad som hände.', resolve: (e) => e.kind }),
    level: t.field({ type: DisputeLevelEnum, description: 'Nivån då.', resolve: (e) => e.level }),
    occurredOn: t.field({ type: 'Date', description: 'Dagen det hände (datum).', resolve: (e) => e.occurredOn }),
    organisation: t.field({ type: OrganisationRef, description: 'Organisationen som registrerade händelsen.', resolve: (e) => e.organisationId }),
    signedBy: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Vem som registrerade händelsen; null om du inte får se användaren.',
      load: loadSignerNames,
      resolve: (e) => e.userId,
    }),
    note: t.exposeString('note', { nullable: true, description: 'Ståndpunkten eller utfallet, när händelsen gäller det.' }),
  }),
});

export const DisputeRef = builder.loadableNode('Dispute', {
  description: 'En oenighet mellan Norrbus parter om ansvar eller kostnad för en insats (oenighet). Parterna ser den; ingen person nämns.',
  authScopes: { anyRole: [...DISPUTE_ROLES] },
  id: { resolve: (d: Dispute) => d.id },
  load: (ids: string[], context) => loadDisputes(sessionOf(context), ids),
  sort: (d) => d.id,
  fields: (t) => ({
    subject: t.field({ type: DisputeSubjectEnum, description: 'Ansvar eller kostnad.', resolve: (d) => d.subject }),
    intervention: t.exposeString('intervention', { description: 'Insatsen oenigheten gäller (insats).' }),
    question: t.exposeString('question', { description: 'Frågan parterna är oense om (fråga).' }),
    raisedOn: t.field({ type: 'Date', description: 'Dagen oenigheten togs upp.', resolve: (d) => d.raisedOn }),
    raisingOrganisation: t.field({ type: OrganisationRef, description: 'Organisationen som tog upp oenigheten.', resolve: (d) => d.raisingOrganisationId }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen insatsen gäller.', resolve: (d) => d.municipalityId }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen, från kommunen.' }),
    level: t.field({ type: DisputeLevelEnum, description: 'Var oenigheten hanteras nu.', resolve: (d) => d.level }),
    status: t.field({ type: DisputeStatusEnum, description: 'Status.', resolve: (d) => d.status }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'Utfallet (utfall), när den är avgjord.' }),
    resolvedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen den avgjordes.', resolve: (d) => d.resolvedOn }),
    actions: t.field({ type: [DisputeActionEnum], description: 'Vad din organisation kan göra med oenigheten nu.', resolve: (d) => [...d.actions] }),
    parties: t.loadableGroup({
      type: DisputePartyRef,
      description: 'Parterna och deras ståndpunkter.',
      load: (ids: string[], context) => loadDisputePartiesByDispute(sessionOf(context), ids),
      group: (p) => p.disputeId,
      resolve: (d) => d.id,
    }),
    history: t.loadableGroup({
      type: DisputeEventRef,
      description: 'Oenighetens historik, äldst först.',
      load: (ids: string[], context) => loadDisputeEventsByDispute(sessionOf(context), ids),
      group: (e) => e.disputeId,
      resolve: (d) => d.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

builder.queryFields((t) => ({
  disputes: t.field({
    type: [DisputeRef],
    description: 'Oenigheter din organisation är part i, nyast först.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    args: { status: t.arg({ type: DisputeStatusEnum, required: false, description: 'Bara denna status.' }) },
    resolve: (_root, args, context) => listDisputes(sessionOf(context), { status: args.status ?? null }),
  }),
  dispute: t.field({
    type: DisputeRef,
    nullable: true,
    description: 'En oenighet (oenighet); null om den inte finns eller din organisation inte är part.',
    authScopes: { anyRole: [...DISPUTE_ROLES] },
    args: { id: t.arg.globalID({ required: true, for: DisputeRef }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
