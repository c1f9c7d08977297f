import { RuleViolationError } from '../errors.js';

/**
 * An avvikelse (deviation) under Norrbus, as a pure state machine: its status runs
 * rapporterad → analyserad → åtgärd beslutad → avslutad, and its level climbs
 * lokal nivå → länsdel → länsnivå (Samverkansstruktur målgrupp barn och unga), one step at a
 * time and never back. What goes above the local level is de-identified, so escalation needs
 * the cleared summary.
 */
export const DEVIATION_CATEGORIES = [
  'did_not_attend',
  'commitment_not_done',
  'invitation_without_purpose',
  'follow_up_not_called',
  'shared_without_consent',
  'other',
] as const;
export type DeviationCategory = (typeof DEVIATION_CATEGORIES)[number];

export const DEVIATION_LEVELS = ['local', 'county_part', 'county'] as const;
export type DeviationLevel = (typeof DEVIATION_LEVELS)[number];

export const DEVIATION_STATUSES = ['reported', 'analysed', 'action_decided', 'closed'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export const DEVIATION_CATEGORY_TITLES: Record<DeviationCategory, string> = {
  did_not_attend: 'part kom inte till mötet',
  commitment_not_done: 'åtagande genomfördes inte',
  invitation_without_purpose: 'kallelse utan syfte',
  follow_up_not_called: 'uppföljande möte kallades inte',
  shared_without_consent: 'uppgifter delades utan samtycke',
  other: 'annan avvikelse',
};

export const DEVIATION_LEVEL_TITLES: Record<DeviationLevel, string> = {
  local: 'lokal nivå',
  county_part: 'länsdelsnivå',
  county: 'länsnivå',
};

export const DEVIATION_STATUS_TITLES: Record<DeviationStatus, string> = {
  reported: 'rapporterad',
  analysed: 'analyserad',
  action_decided: 'åtgärd beslutad',
  closed: 'avslutad',
};

/** Who decides on actions at each level (Samverkansstruktur målgrupp barn och unga). */
export const DECIDING_BODY: Record<DeviationLevel, string> = {
  local: 'Forum barn och unga (lokal ledningsnivå)',
  county_part: 'länsdelens samverkansgrupp',
  county: 'styrgruppen Samverkansstruktur målgrupp barn och unga',
};

export interface DeviationState {
  readonly status: DeviationStatus;
  readonly level: DeviationLevel;
  /** A de-identified summary has been cleared for use above the local level. */
  readonly cleared: boolean;
  /** Parties concerned that have not yet recorded their analysis. */
  readonly unanalysedParties: number;
}

/**
 * Who records a decision on actions: the reporting organisation or the municipality, for the local
 * forum and the county part's group; the steering group itself at county level.
 */
export type DeviationDecider = 'forum' | 'steering_group';

export type DeviationCommand =
  | { readonly type: 'analyse' }
  | { readonly type: 'clear' }
  | { readonly type: 'escalate'; readonly to: DeviationLevel }
  | { readonly type: 'decide'; readonly by: DeviationDecider }
  | { readonly type: 'close' };

export function nextDeviationLevel(level: DeviationLevel): DeviationLevel | null {
  return DEVIATION_LEVELS[DEVIATION_LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * The status as it stands: once every party has analysed, a reported deviation is analysed even
 * if the row still says reported (a party concerned may record its analysis but not change the
 * reporter's row; the next change by the reporter or the municipality stores it).
 */
export function effectiveDeviationStatus(stored: DeviationStatus, unanalysedParties: number): DeviationStatus {
  return stored === 'reported' && unanalysedParties === 0 ? 'analysed' : stored;
}

function refuse(rule: string, message: string): never {
  throw new RuleViolationError(rule, message);
}

/**
 * The state after `command`, or a RuleViolationError saying in Swedish why not: nothing changes
 * once closed; each party analyses once; escalation goes one level up at a time, only with a
 * cleared summary and after the analysis; decisions are taken by the body of the level the
 * deviation is at, after the analysis; only a deviation with a decided action is closed.
 */
export function applyDeviationCommand(state: DeviationState, command: DeviationCommand): DeviationState {
  if (state.status === 'closed') refuse('DEVIATION_CLOSED', 'Avvikelsen är avslutad; inget mer kan registreras.');
  const status = effectiveDeviationStatus(state.status, state.unanalysedParties);
  switch (command.type) {
    case 'analyse': {
      if (state.unanalysedParties === 0) refuse('DEVIATION_ALREADY_ANALYSED', 'Alla berörda parter har redan registrerat sin analys.');
      const unanalysedParties = state.unanalysedParties - 1;
      return { ...state, unanalysedParties, status: effectiveDeviationStatus(status, unanalysedParties) };
    }
    case 'clear':
      return { ...state, status, cleared: true };
    case 'escalate': {
      const next = nextDeviationLevel(state.level);
      if (next === null) refuse('DEVIATION_LEVEL_TOP', 'Avvikelsen är redan på länsnivå, den högsta nivån.');
      if (command.to !== next) {
        refuse(
          'DEVIATION_ESCALATION_ORDER',
          `Avvikelsen är på ${DEVIATION_LEVEL_TITLES[state.level]}; den kan lyftas ett steg i taget, till ${DEVIATION_LEVEL_TITLES[next]}, och aldrig tillbaka.`,
        );
      }
      if (!state.cleared) {
        refuse('DEVIATION_NOT_CLEARED', 'Avvikelsen kan inte lyftas över lokal nivå förrän en avidentifierad sammanfattning är godkänd.');
      }
      if (status === 'reported') refuse('DEVIATION_NOT_ANALYSED', 'Alla berörda parter måste ha analyserat avvikelsen innan den lyfts.');
      return { ...state, status, level: next };
    }
    case 'decide':
      if (command.by === 'forum' && state.level === 'county') {
        refuse('DEVIATION_DECIDED_BY_STEERING_GROUP', `Avvikelsen är på länsnivå; där beslutar ${DECIDING_BODY.county} om åtgärder.`);
      }
      if (command.by === 'steering_group' && state.level !== 'county') {
        refuse(
          'DEVIATION_DECISION_LEVEL',
          `Avvikelsen är på ${DEVIATION_LEVEL_TITLES[state.level]}; där beslutar ${DECIDING_BODY[state.level]} om åtgärder.`,
        );
      }
      if (status === 'reported') refuse('DEVIATION_NOT_ANALYSED', 'Alla berörda parter måste ha analyserat avvikelsen innan åtgärder beslutas.');
      return { ...state, status: 'action_decided' };
    case 'close':
      if (status !== 'action_decided') refuse('DEVIATION_NOT_DECIDED', 'Avvikelsen kan avslutas först när en åtgärd är beslutad.');
      return { ...state, status: 'closed' };
  }
}

export const DEVIATION_ACTIONS = ['analyse', 'clear', 'escalate', 'decide', 'close'] as const;
export type DeviationAction = (typeof DEVIATION_ACTIONS)[number];

/** How the acting organisation stands to a deviation. */
export interface DeviationRelation {
  /** It reported the deviation or is its municipality: it clears, escalates, records the forum's decisions and closes. */
  readonly managing: boolean;
  /** It is a party concerned that has not yet recorded its analysis. */
  readonly unanalysedParty: boolean;
}

/** What the acting organisation can do with the deviation now (what the state machine would allow). */
export function availableDeviationActions(state: DeviationState, relation: DeviationRelation): DeviationAction[] {
  const candidates: ReadonlyArray<readonly [DeviationAction, DeviationCommand, boolean]> = [
    ['analyse', { type: 'analyse' }, relation.unanalysedParty],
    ['clear', { type: 'clear' }, relation.managing],
    ['escalate', { type: 'escalate', to: nextDeviationLevel(state.level) ?? state.level }, relation.managing],
    ['decide', { type: 'decide', by: 'forum' }, relation.managing],
    ['close', { type: 'close' }, relation.managing],
  ];
  return candidates.filter(([, command, entitled]) => entitled && permits(state, command)).map(([action]) => action);
}

function permits(state: DeviationState, command: DeviationCommand): boolean {
  try {
    applyDeviationCommand(state, command);
    return true;
  } catch (error) {
    if (error instanceof RuleViolationError) return false;
    throw error;
  }
}
