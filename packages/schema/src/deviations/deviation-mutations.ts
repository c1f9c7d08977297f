import { decodeGlobalID } from '@pothos/plugin-relay';
import {
  clearDeviationSummary,
  closeDeviation,
  decideDeviationAction,
  DEVIATION_ROLES,
  escalateDeviation,
  recordDeviationAnalysis,
  reportDeviation,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { inMutation } from '../context.js';
import { MUTATION_ERRORS } from '../errors.js';
import { OrganisationRef } from '../units/organisation.js';
import { DeviationRef } from './deviation.js';
import { DeviationCategoryEnum, DeviationLevelEnum } from './deviation-enums.js';

/** A Norrbus meeting's id as the meetings pages hold it (a global id), or a bare uuid. */
function meetingUuid(id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === 'NorrbusMeeting') return decoded.id;
  } catch {
    // Not a global id: taken as the meeting's own id.
  }
  return id;
}

const ReportDeviationInput = builder.inputType('ReportDeviationInput', {
  description: 'En ny avvikelse (avvikelse). Kommunens län och länsdel följer med; av den unga sparas bara könet, för uppföljningen.',
  fields: (t) => ({
    municipalityId: t.globalID({ required: true, for: OrganisationRef, description: 'Kommunen där det hände.' }),
    meetingId: t.id({ required: false, description: 'Norrbusmötet avvikelsen gäller, om något; din organisation ska delta i mötet.' }),
    category: t.field({ type: DeviationCategoryEnum, required: true, description: 'Slag av avvikelse.' }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'Dagen det hände.' }),
    description: t.string({ required: true, description: 'Vad som hände. Stannar på lokal nivå.' }),
    partyIds: t.globalIDList({ required: true, for: OrganisationRef, description: 'De berörda organisationerna, som var och en analyserar avvikelsen.' }),
  }),
});

/** The fields of every change to a deviation: which one, the version read, and the day (today unless given). */
type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
const versionedFields = (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => ({
  deviationId: t.globalID({ required: true, for: DeviationRef, description: 'Avvikelsen.' }),
  expectedVersion: t.int({ required: true, description: 'Versionen du läste.' }),
  occurredOn: t.field({ type: 'Date', required: false, description: 'Dagen det gjordes; i dag om inget anges.' }),
});

const RecordDeviationAnalysisInput = builder.inputType('RecordDeviationAnalysisInput', {
  description: 'Din organisations analys av en avvikelse den är berörd av (analys). Registreras en gång.',
  fields: (t) => ({
    deviationId: t.globalID({ required: true, for: DeviationRef, description: 'Avvikelsen.' }),
    analysis: t.string({ required: true, description: 'Analysen: varför det hände och vad ni gör åt det.' }),
    occurredOn: t.field({ type: 'Date', required: false, description: 'Dagen analysen gjordes; i dag om inget anges.' }),
  }),
});

const ClearDeviationSummaryInput = builder.inputType('ClearDeviationSummaryInput', {
  description: 'En avidentifierad sammanfattning som får gå över lokal nivå (godkänd sammanfattning). Vägras om den innehåller personnummer eller den ungas namn.',
  fields: (t) => ({ ...versionedFields(t), summary: t.string({ required: true, description: 'Sammanfattningen, utan namn och personnummer.' }) }),
});

const EscalateDeviationInput = builder.inputType('EscalateDeviationInput', {
  description: 'Lyft avvikelsen till nästa nivå (lyft); kräver godkänd sammanfattning och alla parters analys.',
  fields: (t) => ({ ...versionedFields(t), to: t.field({ type: DeviationLevelEnum, required: true, description: 'Nivån avvikelsen lyfts till: nästa nivå.' }) }),
});

const DecideDeviationActionInput = builder.inputType('DecideDeviationActionInput', {
  description: 'Lokala forumets eller länsdelens beslut om åtgärd (beslut). Över lokal nivå kontrolleras texten som sammanfattningen.',
  fields: (t) => ({ ...versionedFields(t), decision: t.string({ required: true, description: 'Beslutet.' }) }),
});

const CloseDeviationInput = builder.inputType('CloseDeviationInput', {
  description: 'Avsluta en avvikelse vars åtgärd är beslutad (avsluta).',
  fields: (t) => versionedFields(t),
});

builder.mutationFields((t) => ({
  reportDeviation: t.field({
    type: DeviationRef,
    description: 'Rapportera en avvikelse från Norrbus rutiner.',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ReportDeviationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        reportDeviation(session, {
          municipalityId: input.municipalityId.id,
          meetingId: input.meetingId ? meetingUuid(input.meetingId) : null,
          category: input.category,
          occurredOn: input.occurredOn,
          description: input.description,
          partyIds: input.partyIds.map((party) => party.id),
        }),
      ),
  }),
  recordDeviationAnalysis: t.field({
    type: DeviationRef,
    description: 'Registrera din organisations analys av avvikelsen.',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordDeviationAnalysisInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => recordDeviationAnalysis(session, { deviationId: input.deviationId.id, analysis: input.analysis, occurredOn: input.occurredOn ?? null })),
  }),
  clearDeviationSummary: t.field({
    type: DeviationRef,
    description: 'Godkänn en avidentifierad sammanfattning av avvikelsen (den rapporterande organisationen eller kommunen).',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ClearDeviationSummaryInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        clearDeviationSummary(session, { deviationId: input.deviationId.id, expectedVersion: input.expectedVersion, occurredOn: input.occurredOn ?? null, summary: input.summary }),
      ),
  }),
  escalateDeviation: t.field({
    type: DeviationRef,
    description: 'Lyft avvikelsen en nivå: lokal → länsdel → län (den rapporterande organisationen eller kommunen).',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: EscalateDeviationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        escalateDeviation(session, { deviationId: input.deviationId.id, expectedVersion: input.expectedVersion, occurredOn: input.occurredOn ?? null, to: input.to }),
      ),
  }),
  decideDeviationAction: t.field({
    type: DeviationRef,
    description: 'Registrera lokala forumets (lokal nivå) eller länsdelens (länsdelsnivå) beslut om åtgärd.',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DecideDeviationActionInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) =>
        decideDeviationAction(session, { deviationId: input.deviationId.id, expectedVersion: input.expectedVersion, occurredOn: input.occurredOn ?? null, decision: input.decision }),
      ),
  }),
  closeDeviation: t.field({
    type: DeviationRef,
    description: 'Avsluta avvikelsen när åtgärd är beslutad (den rapporterande organisationen eller kommunen).',
    authScopes: { anyRole: [...DEVIATION_ROLES] },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CloseDeviationInput, required: true }) },
    resolve: (_root, { input }, context) =>
      inMutation(context, (session) => closeDeviation(session, { deviationId: input.deviationId.id, expectedVersion: input.expectedVersion, occurredOn: input.occurredOn ?? null })),
  }),
}));
