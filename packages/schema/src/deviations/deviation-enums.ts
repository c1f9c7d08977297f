import {
  DEVIATION_ACTIONS,
  DEVIATION_CATEGORIES,
  DEVIATION_EVENT_KINDS,
  DEVIATION_LEVELS,
  DEVIATION_STATUSES,
  DISPUTE_ACTIONS,
  DISPUTE_EVENT_KINDS,
  DISPUTE_LEVELS,
  DISPUTE_STATUSES,
  DISPUTE_SUBJECTS,
  loadUserNames,
  type DeviationAction,
  type DeviationCategory,
  type DeviationEventKind,
  type DeviationLevel,
  type DeviationStatus,
  type DisputeAction,
  type DisputeEventKind,
  type DisputeLevel,
  type DisputeStatus,
  type DisputeSubject,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf, type Context } from '../context.js';
import { enumValues } from '../enum-values.js';

export const DeviationCategoryEnum = builder.enumType('DeviationCategory', {
  description: 'Slag av avvikelse (kategori).',
  values: enumValues<DeviationCategory>(DEVIATION_CATEGORIES, {
    did_not_attend: 'En kallad part kom inte till Norrbusmötet.',
    commitment_not_done: 'Ett åtagande genomfördes inte.',
    invitation_without_purpose: 'Kallelsen saknade syfte.',
    follow_up_not_called: 'Det uppföljande mötet kallades inte.',
    shared_without_consent: 'Uppgifter delades utan samtycke.',
    other: 'Annan avvikelse från överenskomna rutiner.',
  }),
});

export const DeviationLevelEnum = builder.enumType('DeviationLevel', {
  description: 'Nivå i Samverkansstruktur målgrupp barn och unga (nivå): lokal, länsdel, län.',
  values: enumValues<DeviationLevel>(DEVIATION_LEVELS, {
    local: 'Lokal nivå: de berörda verksamheterna och Forum barn och unga.',
    county_part: 'Länsdelsnivå: länsdelens samverkansgrupp.',
    county: 'Länsnivå: styrgruppen Samverkansstruktur målgrupp barn och unga.',
  }),
});

export const DeviationStatusEnum = builder.enumType('DeviationStatus', {
  description: 'Var avvikelsen är i sin hantering (status).',
  values: enumValues<DeviationStatus>(DEVIATION_STATUSES, {
    reported: 'Rapporterad; väntar på de berörda parternas analys.',
    analysed: 'Analyserad av alla berörda parter.',
    action_decided: 'Åtgärd beslutad.',
    closed: 'Avslutad.',
  }),
});

export const DeviationActionEnum = builder.enumType('DeviationAction', {
  description: 'Vad din organisation kan göra med avvikelsen nu (åtgärd).',
  values: enumValues<DeviationAction>(DEVIATION_ACTIONS, {
    analyse: 'Registrera din organisations analys.',
    clear: 'Godkänna en avidentifierad sammanfattning.',
    escalate: 'Lyfta avvikelsen en nivå.',
    decide: 'Registrera lokala forumets eller länsdelens beslut om åtgärd.',
    close: 'Avsluta avvikelsen.',
  }),
});

export const DeviationEventKindEnum = builder.enumType('DeviationEventKind', {
  description: 'Slag av händelse i avvikelsens historik (händelsetyp).',
  values: enumValues<DeviationEventKind>(DEVIATION_EVENT_KINDS, {
    reported: 'Avvikelsen rapporterades.',
    analysed: 'En berörd part registrerade sin analys.',
    cleared: 'En avidentifierad sammanfattning godkändes.',
    escalated: 'Avvikelsen lyftes en nivå.',
    decided: 'Beslut om åtgärd.',
    closed: 'Avvikelsen avslutades.',
  }),
});

export const DisputeSubjectEnum = builder.enumType('DisputeSubject', {
  description: 'Vad oenigheten gäller (ämne).',
  values: enumValues<DisputeSubject>(DISPUTE_SUBJECTS, {
    responsibility: 'Ansvaret för en insats.',
    cost: 'Kostnaden för en insats.',
  }),
});

export const DisputeLevelEnum = builder.enumType('DisputeLevel', {
  description: 'Var oenigheten hanteras (nivå).',
  values: enumValues<DisputeLevel>(DISPUTE_LEVELS, {
    management: 'Hos huvudmännens ordinarie ledning.',
    county: 'På länsnivå, där styrgruppen avgör.',
  }),
});

export const DisputeStatusEnum = builder.enumType('DisputeStatus', {
  description: 'Oenighetens status (status).',
  values: enumValues<DisputeStatus>(DISPUTE_STATUSES, {
    open: 'Pågående.',
    resolved: 'Avgjord, med utfall.',
  }),
});

export const DisputeActionEnum = builder.enumType('DisputeAction', {
  description: 'Vad din organisation kan göra med oenigheten nu (åtgärd).',
  values: enumValues<DisputeAction>(DISPUTE_ACTIONS, {
    state_position: 'Ange eller ändra din organisations ståndpunkt.',
    escalate: 'Lyfta oenigheten till länsnivå.',
    resolve: 'Registrera utfallet som ledningarna enats om.',
  }),
});

export const DisputeEventKindEnum = builder.enumType('DisputeEventKind', {
  description: 'Slag av händelse i oenighetens historik (händelsetyp).',
  values: enumValues<DisputeEventKind>(DISPUTE_EVENT_KINDS, {
    raised: 'Oenigheten togs upp.',
    position: 'En part angav sin ståndpunkt.',
    escalated: 'Oenigheten lyftes till länsnivå.',
    resolved: 'Oenigheten avgjordes.',
  }),
});

/**
 * The display names of users who signed something, batched per request. A user of another
 * organisation is not visible (row-level security), and then the name is null.
 */
export async function loadSignerNames(userIds: readonly string[], context: Context): Promise<Array<string | null>> {
  const names = new Map((await loadUserNames(sessionOf(context), userIds)).map((u) => [u.id, u.displayName]));
  return userIds.map((id) => names.get(id) ?? null);
}
