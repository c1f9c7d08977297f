import type {
  DeviationCategory,
  DeviationEventKind,
  DeviationLevel,
  DeviationStatus,
  DisputeEventKind,
  DisputeLevel,
  DisputeStatus,
  DisputeSubject,
} from './operations';

export const DEVIATION_CATEGORY_LABELS: Record<DeviationCategory, string> = {
  DID_NOT_ATTEND: 'Part kom inte till mötet',
  COMMITMENT_NOT_DONE: 'Åtagande genomfördes inte',
  INVITATION_WITHOUT_PURPOSE: 'Kallelse utan syfte',
  FOLLOW_UP_NOT_CALLED: 'Uppföljande möte kallades inte',
  SHARED_WITHOUT_CONSENT: 'Uppgifter delades utan samtycke',
  OTHER: 'Annan avvikelse',
};

export const DEVIATION_LEVEL_LABELS: Record<DeviationLevel, string> = {
  LOCAL: 'Lokal nivå',
  COUNTY_PART: 'Länsdel',
  COUNTY: 'Länsnivå',
};

export const DEVIATION_STATUS_LABELS: Record<DeviationStatus, string> = {
  REPORTED: 'Rapporterad',
  ANALYSED: 'Analyserad',
  ACTION_DECIDED: 'Åtgärd beslutad',
  CLOSED: 'Avslutad',
};

export const DEVIATION_EVENT_LABELS: Record<DeviationEventKind, string> = {
  REPORTED: 'Rapporterad',
  ANALYSED: 'Analys registrerad',
  CLEARED: 'Avidentifierad sammanfattning godkänd',
  ESCALATED: 'Lyft',
  DECIDED: 'Beslut om åtgärd',
  CLOSED: 'Avslutad',
};

export const DISPUTE_SUBJECT_LABELS: Record<DisputeSubject, string> = {
  RESPONSIBILITY: 'Ansvar för insatsen',
  COST: 'Kostnad för insatsen',
};

export const DISPUTE_LEVEL_LABELS: Record<DisputeLevel, string> = {
  MANAGEMENT: 'Huvudmännens ledning',
  COUNTY: 'Länsnivå (styrgruppen)',
};

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  OPEN: 'Pågående',
  RESOLVED: 'Avgjord',
};

export const DISPUTE_EVENT_LABELS: Record<DisputeEventKind, string> = {
  RAISED: 'Togs upp',
  POSITION: 'Ståndpunkt',
  ESCALATED: 'Lyft till länsnivå',
  RESOLVED: 'Avgjord',
};

/** The level above, to escalate to. */
export function nextLevel(level: DeviationLevel): DeviationLevel | null {
  return level === 'LOCAL' ? 'COUNTY_PART' : level === 'COUNTY_PART' ? 'COUNTY' : null;
}

/** A county part for a heading or a cell; a municipality without one is shown as such. */
export function countyPartLabel(countyPart: string | null): string {
  return countyPart ?? 'Utan länsdel';
}
