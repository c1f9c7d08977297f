import { RuleViolationError } from '../errors.js';

/**
 * An oenighet (dispute) between Norrbus parties about responsibility for an intervention or its
 * cost, as a pure state machine: the parties state their positions and try to agree through
 * each authority's ordinary management; failing that it goes, last, to the county level, where
 * the steering group (Samverkansstruktur målgrupp barn och unga) decides.
 */
export const DISPUTE_SUBJECTS = ['responsibility', 'cost'] as const;
export type DisputeSubject = (typeof DISPUTE_SUBJECTS)[number];

export const DISPUTE_LEVELS = ['management', 'county'] as const;
export type DisputeLevel = (typeof DISPUTE_LEVELS)[number];

export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_SUBJECT_TITLES: Record<DisputeSubject, string> = {
  responsibility: 'ansvar för insatsen',
  cost: 'kostnad för insatsen',
};

export const DISPUTE_LEVEL_TITLES: Record<DisputeLevel, string> = {
  management: 'huvudmännens ledning',
  county: 'länsnivå (styrgruppen)',
};

export const DISPUTE_STATUS_TITLES: Record<DisputeStatus, string> = {
  open: 'pågående',
  resolved: 'avgjord',
};

export interface DisputeState {
  readonly level: DisputeLevel;
  readonly status: DisputeStatus;
  /** Parties that have not stated their position. */
  readonly positionsMissing: number;
}

/** Who records the outcome: the parties' managements, or the steering group at county level. */
export type DisputeDecider = 'parties' | 'steering_group';

export type DisputeCommand =
  | { readonly type: 'state_position' }
  | { readonly type: 'escalate' }
  | { readonly type: 'resolve'; readonly by: DisputeDecider };

function refuse(rule: string, message: string): never {
  throw new RuleViolationError(rule, message);
}

/** The state after `command`, or a RuleViolationError saying in Swedish why not. */
export function applyDisputeCommand(state: DisputeState, command: DisputeCommand): DisputeState {
  if (state.status === 'resolved') refuse('DISPUTE_RESOLVED', 'Oenigheten är avgjord; inget mer kan registreras.');
  switch (command.type) {
    case 'state_position':
      // A party may restate its position while the dispute is open; who has stated one is data.
      return state;
    case 'escalate':
      if (state.level === 'county') refuse('DISPUTE_LEVEL_TOP', 'Oenigheten är redan på länsnivå, där styrgruppen avgör den.');
      if (state.positionsMissing > 0) {
        refuse('DISPUTE_POSITIONS_MISSING', 'Varje part måste ha angett sin ståndpunkt innan oenigheten lyfts till länsnivå.');
      }
      return { ...state, level: 'county' };
    case 'resolve':
      if (state.level === 'county' && command.by === 'parties') {
        refuse('DISPUTE_DECIDED_BY_STEERING_GROUP', 'Oenigheten är lyft till länsnivå; där avgör styrgruppen den.');
      }
      if (state.level === 'management' && command.by === 'steering_group') {
        refuse('DISPUTE_NOT_ESCALATED', 'Oenigheten är inte lyft till länsnivå; parterna avgör den genom sina ledningar.');
      }
      return { ...state, status: 'resolved' };
  }
}
