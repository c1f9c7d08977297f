import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  DECIDING_BODY,
  DEVIATION_ROLES,
  listDeviations,
  loadDeviationEventsByDeviation,
  loadDeviationPartiesByDeviation,
  loadDeviations,
  type Deviation,
  type DeviationEvent,
  type DeviationParty,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { OrganisationRef } from '../units/organisation.js';
import {
  DeviationActionEnum,
  DeviationCategoryEnum,
  DeviationEventKindEnum,
  DeviationLevelEnum,
  DeviationStatusEnum,
  loadSignerNames,
} from './deviation-enums.js';

const DeviationPartyRef = builder.objectRef<DeviationParty>('DeviationParty').implement({
  description: 'En berörd organisation (berörd part) och dess analys av avvikelsen.',
  fields: (t) => ({
    organisation: t.field({ type: OrganisationRef, description: 'Den berörda organisationen.', resolve: (p) => p.organisationId }),
    analysis: t.exposeString('analysis', { nullable: true, description: 'Organisationens analys (analys); null tills den är registrerad.' }),
    analysedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen analysen registrerades.', resolve: (p) => p.analysedOn }),
    analysedBy: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Vem som registrerade analysen; null om du inte får se användaren.',
      load: loadSignerNames,
      resolve: (p) => p.analysedById,
    }),
  }),
});

const DeviationEventRef = builder.objectRef<DeviationEvent>('DeviationEvent').implement({
  description: 'En händelse i avvikelsens historik (händelse), daterad, med nivån då.',
  fields: (t) => ({
    kind: t.field({ type: DeviationEventKindEnum, description: 'Vad som hände.', resolve: (e) => e.kind }),
    level: t.field({ type: DeviationLevelEnum, description: 'Nivån då; vid lyft den nivå avvikelsen lyftes till.', resolve: (e) => e.level }),
    occurredOn: t.field({ type: 'Date', description: 'Dagen det hände (datum).', resolve: (e) => e.occurredOn }),
    organisation: t.field({ type: OrganisationRef, description: 'Organisationen som registrerade händelsen.', resolve: (e) => e.organisationId }),
    signedBy: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Vem som registrerade händelsen; null om du inte får se användaren.',
      load: loadSignerNames,
      resolve: (e) => e.userId,
    }),
    decision: t.exposeString('decision', { nullable: true, description: 'Beslutet om åtgärd, vid ett beslut.' }),
  }),
});

export const DeviationRef = builder.loadableNode('Deviation', {
  description:
    'En avvikelse från Norrbus rutiner (avvikelse). Den rapporterande organisationen, kommunen och de berörda parterna ser den; beskrivningen stannar på lokal nivå.',
  authScopes: { anyRole: [...DEVIATION_ROLES] },
  id: { resolve: (d: Deviation) => d.id },
  load: (ids: string[], context) => loadDeviations(sessionOf(context), ids),
  sort: (d) => d.id,
  fields: (t) => ({
    category: t.field({ type: DeviationCategoryEnum, description: 'Slag av avvikelse.', resolve: (d) => d.category }),
    occurredOn: t.field({ type: 'Date', description: 'Dagen det hände.', resolve: (d) => d.occurredOn }),
    reportedOn: t.field({ type: 'Date', description: 'Dagen avvikelsen rapporterades.', resolve: (d) => d.reportedOn }),
    reportingOrganisation: t.field({ type: OrganisationRef, description: 'Organisationen som rapporterade.', resolve: (d) => d.reportingOrganisationId }),
    reportedBy: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Vem som rapporterade; null om du inte får se användaren.',
      load: loadSignerNames,
      resolve: (d) => d.reportedById,
    }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen där det hände (kommun).', resolve: (d) => d.municipalityId }),
    county: t.exposeString('county', { description: 'Länet, från kommunen.' }),
    countyPart: t.exposeString('countyPart', { nullable: true, description: 'Länsdelen, från kommunen (länsdel).' }),
    meetingId: t.id({
      nullable: true,
      description: 'Norrbusmötet avvikelsen gäller (globalt id för NorrbusMeeting), om något.',
      resolve: (d) => (d.meetingId ? encodeGlobalID('NorrbusMeeting', d.meetingId) : null),
    }),
    description: t.exposeString('description', { description: 'Vad som hände (beskrivning). Stannar på lokal nivå.' }),
    clearedSummary: t.exposeString('clearedSummary', {
      nullable: true,
      description: 'Den avidentifierade sammanfattningen (godkänd sammanfattning) som får gå över lokal nivå.',
    }),
    clearedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen sammanfattningen godkändes.', resolve: (d) => d.clearedOn }),
    clearedBy: t.loadable({
      type: 'String',
      nullable: true,
      description: 'Vem som godkände sammanfattningen; null om ingen gjort det eller du inte får se användaren.',
      load: loadSignerNames,
      resolve: (d) => d.clearedById,
    }),
    level: t.field({ type: DeviationLevelEnum, description: 'Nivån avvikelsen hanteras på nu.', resolve: (d) => d.level }),
    decidingBody: t.string({ description: 'Vem som beslutar om åtgärder på den nivån.', resolve: (d) => DECIDING_BODY[d.level] }),
    status: t.field({ type: DeviationStatusEnum, description: 'Status.', resolve: (d) => d.status }),
    closedOn: t.field({ type: 'Date', nullable: true, description: 'Dagen avvikelsen avslutades.', resolve: (d) => d.closedOn }),
    actions: t.field({ type: [DeviationActionEnum], description: 'Vad din organisation kan göra med avvikelsen nu.', resolve: (d) => [...d.actions] }),
    parties: t.loadableGroup({
      type: DeviationPartyRef,
      description: 'De berörda parterna och deras analyser. En part ser sin egen; den rapporterande och kommunen ser alla.',
      load: (ids: string[], context) => loadDeviationPartiesByDeviation(sessionOf(context), ids),
      group: (p) => p.deviationId,
      resolve: (d) => d.id,
    }),
    history: t.loadableGroup({
      type: DeviationEventRef,
      description: 'Avvikelsens historik, äldst först (historik).',
      load: (ids: string[], context) => loadDeviationEventsByDeviation(sessionOf(context), ids),
      group: (e) => e.deviationId,
      resolve: (d) => d.id,
    }),
    version: t.exposeInt('version', { description: 'Version, skickas med vid ändring så att ingen skriver över någon annans ändring.' }),
  }),
});

const DeviationFilter = builder.inputType('DeviationFilter', {
  description: 'Urval av avvikelser (filter).',
  fields: (t) => ({
    status: t.field({ type: DeviationStatusEnum, required: false, description: 'Bara denna status.' }),
    level: t.field({ type: DeviationLevelEnum, required: false, description: 'Bara denna nivå.' }),
    category: t.field({ type: DeviationCategoryEnum, required: false, description: 'Bara detta slag.' }),
  }),
});

builder.queryFields((t) => ({
  deviations: t.field({
    type: [DeviationRef],
    description: 'Avvikelser din organisation har rapporterat, är berörd part i eller är kommun för, nyast först.',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    args: { filter: t.arg({ type: DeviationFilter, required: false }) },
    resolve: (_root, args, context) =>
      listDeviations(sessionOf(context), { status: args.filter?.status ?? null, level: args.filter?.level ?? null, category: args.filter?.category ?? null }),
  }),
  deviation: t.field({
    type: DeviationRef,
    nullable: true,
    description: 'En avvikelse (avvikelse); null om den inte finns eller du inte får se den.',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    args: { id: t.arg.globalID({ required: true, for: DeviationRef }) },
    resolve: (_root, args) => args.id.id,
  }),
}));
