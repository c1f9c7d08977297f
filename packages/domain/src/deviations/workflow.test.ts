import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleViolationError } from '../errors.js';
import {
  applyDeviationCommand,
  availableDeviationActions,
  DEVIATION_CATEGORIES,
  DEVIATION_LEVELS,
  effectiveDeviationStatus,
  nextDeviationLevel,
  type DeviationCommand,
  type DeviationLevel,
  type DeviationState,
  type DeviationStatus,
} from './deviation-workflow.js';
import { applyDisputeCommand, type DisputeCommand, type DisputeState } from './dispute-workflow.js';
import { availableDisputeActions } from './disputes.js';
import { countByCountyPartAndCategory } from './steering.js';

/** An outcome is the state after the command as `status@level`, or the rule that refuses it. */
function outcomeOf<State, Command>(apply: (state: State, command: Command) => State, state: State, command: Command, show: (state: State) => string): string {
  try {
    return show(apply(state, command));
  } catch (error) {
    if (error instanceof RuleViolationError) return error.rule;
    throw error;
  }
}

const DEVIATION_COMMANDS: ReadonlyArray<readonly [string, DeviationCommand]> = [
  ['a party records its analysis', { type: 'analyse' }],
  ['the summary is cleared', { type: 'clear' }],
  ['escalate to the local level', { type: 'escalate', to: 'local' }],
  ['escalate to the county part', { type: 'escalate', to: 'county_part' }],
  ['escalate to the county', { type: 'escalate', to: 'county' }],
  ['the local forum or county-part group decides', { type: 'decide', by: 'forum' }],
  ['the steering group decides', { type: 'decide', by: 'steering_group' }],
  ['close', { type: 'close' }],
];

const CLOSED = 'DEVIATION_CLOSED';
const ANALYSED_ALREADY = 'DEVIATION_ALREADY_ANALYSED';
const TOP = 'DEVIATION_LEVEL_TOP';
const ORDER = 'DEVIATION_ESCALATION_ORDER';
const UNCLEARED = 'DEVIATION_NOT_CLEARED';
const UNANALYSED = 'DEVIATION_NOT_ANALYSED';
const STEERING = 'DEVIATION_DECIDED_BY_STEERING_GROUP';
const LEVEL = 'DEVIATION_DECISION_LEVEL';
const UNDECIDED = 'DEVIATION_NOT_DECIDED';

/**
 * Each row is a deviation's state (status, level, whether a summary is cleared; a reported one has a
 * party left to analyse), each column a command in the order of DEVIATION_COMMANDS.
 */
// prettier-ignore
const DEVIATION_TABLE: ReadonlyArray<readonly [DeviationStatus, DeviationLevel, boolean, readonly string[]]> = [
  //                                        analyse                   clear                       →local →county_part             →county                  forum decides              steering decides          close
  ['reported', 'local', false,             ['analysed@local',         'reported@local',           ORDER, UNCLEARED,               ORDER,                   UNANALYSED,                LEVEL,                    UNDECIDED]],
  ['reported', 'local', true,              ['analysed@local',         'reported@local',           ORDER, UNANALYSED,              ORDER,                   UNANALYSED,                LEVEL,                    UNDECIDED]],
  ['reported', 'county_part', true,        ['analysed@county_part',   'reported@county_part',     ORDER, ORDER,                   UNANALYSED,              UNANALYSED,                LEVEL,                    UNDECIDED]],
  ['reported', 'county', true,             ['analysed@county',        'reported@county',          TOP,   TOP,                     TOP,                     STEERING,                  UNANALYSED,               UNDECIDED]],
  ['analysed', 'local', false,             [ANALYSED_ALREADY,         'analysed@local',           ORDER, UNCLEARED,               ORDER,                   'action_decided@local',    LEVEL,                    UNDECIDED]],
  ['analysed', 'local', true,              [ANALYSED_ALREADY,         'analysed@local',           ORDER, 'analysed@county_part',  ORDER,                   'action_decided@local',    LEVEL,                    UNDECIDED]],
  ['analysed', 'county_part', false,       [ANALYSED_ALREADY,         'analysed@county_part',     ORDER, ORDER,                   UNCLEARED,               'action_decided@county_part', LEVEL,                 UNDECIDED]],
  ['analysed', 'county_part', true,        [ANALYSED_ALREADY,         'analysed@county_part',     ORDER, ORDER,                   'analysed@county',       'action_decided@county_part', LEVEL,                 UNDECIDED]],
  ['analysed', 'county', true,             [ANALYSED_ALREADY,         'analysed@county',          TOP,   TOP,                     TOP,                     STEERING,                  'action_decided@county',  UNDECIDED]],
  ['action_decided', 'local', false,       [ANALYSED_ALREADY,         'action_decided@local',     ORDER, UNCLEARED,               ORDER,                   'action_decided@local',    LEVEL,                    'closed@local']],
  ['action_decided', 'local', true,        [ANALYSED_ALREADY,         'action_decided@local',     ORDER, 'action_decided@county_part', ORDER,              'action_decided@local',    LEVEL,                    'closed@local']],
  ['action_decided', 'county_part', true,  [ANALYSED_ALREADY,         'action_decided@county_part', ORDER, ORDER,                 'action_decided@county', 'action_decided@county_part', LEVEL,                 'closed@county_part']],
  ['action_decided', 'county', true,       [ANALYSED_ALREADY,         'action_decided@county',    TOP,   TOP,                     TOP,                     STEERING,                  'action_decided@county',  'closed@county']],
  ['closed', 'local', true,                Array(8).fill(CLOSED)],
  ['closed', 'county', true,               Array(8).fill(CLOSED)],
];

function deviationState(status: DeviationStatus, level: DeviationLevel, cleared: boolean): DeviationState {
  return { status, level, cleared, unanalysedParties: status === 'reported' ? 1 : 0 };
}

describe('the deviation workflow (pure state machine)', () => {
  for (const [status, level, cleared, outcomes] of DEVIATION_TABLE) {
    describe(`a deviation ${status} at ${level} level, summary ${cleared ? 'cleared' : 'not cleared'}`, () => {
      DEVIATION_COMMANDS.forEach(([name, command], column) => {
        it(`${name}: ${outcomes[column]}`, () => {
          const state = deviationState(status, level, cleared);
          assert.equal(outcomeOf(applyDeviationCommand, state, command, (s) => `${s.status}@${s.level}`), outcomes[column]);
        });
      });
    });
  }

  it('stays reported until the last party has analysed, then is analysed', () => {
    const three: DeviationState = { status: 'reported', level: 'local', cleared: false, unanalysedParties: 3 };
    const afterOne = applyDeviationCommand(three, { type: 'analyse' });
    const afterTwo = applyDeviationCommand(afterOne, { type: 'analyse' });
    assert.deepEqual([afterOne.status, afterTwo.status, applyDeviationCommand(afterTwo, { type: 'analyse' }).status], ['reported', 'reported', 'analysed']);
  });

  it('a reported deviation whose parties have all analysed counts as analysed', () => {
    assert.equal(effectiveDeviationStatus('reported', 0), 'analysed');
    assert.equal(effectiveDeviationStatus('reported', 1), 'reported');
    assert.equal(effectiveDeviationStatus('action_decided', 0), 'action_decided');
  });

  it('clearing marks the summary cleared; levels climb one at a time and end at the county', () => {
    assert.equal(applyDeviationCommand(deviationState('analysed', 'local', false), { type: 'clear' }).cleared, true);
    assert.deepEqual(DEVIATION_LEVELS.map(nextDeviationLevel), ['county_part', 'county', null]);
  });

  it('the refusals say in Swedish why', () => {
    assert.throws(
      () => applyDeviationCommand(deviationState('analysed', 'local', false), { type: 'escalate', to: 'county_part' }),
      { rule: UNCLEARED, message: 'Avvikelsen kan inte lyftas över lokal nivå förrän en avidentifierad sammanfattning är godkänd.' },
    );
    assert.throws(
      () => applyDeviationCommand(deviationState('analysed', 'local', true), { type: 'escalate', to: 'county' }),
      { rule: ORDER, message: 'Avvikelsen är på lokal nivå; den kan lyftas ett steg i taget, till länsdelsnivå, och aldrig tillbaka.' },
    );
  });

  it('offers the reporter and the municipality what the machine allows, and a party its analysis', () => {
    const managing = { managing: true, unanalysedParty: false };
    assert.deepEqual(availableDeviationActions(deviationState('reported', 'local', false), managing), ['clear']);
    assert.deepEqual(availableDeviationActions(deviationState('analysed', 'local', true), managing), ['clear', 'escalate', 'decide']);
    assert.deepEqual(availableDeviationActions(deviationState('action_decided', 'county', true), managing), ['clear', 'close']);
    assert.deepEqual(availableDeviationActions(deviationState('reported', 'local', false), { managing: false, unanalysedParty: true }), ['analyse']);
    assert.deepEqual(availableDeviationActions(deviationState('analysed', 'local', true), { managing: false, unanalysedParty: false }), []);
    assert.deepEqual(availableDeviationActions(deviationState('closed', 'local', true), managing), []);
  });
});

const DISPUTE_COMMANDS: ReadonlyArray<readonly [string, DisputeCommand]> = [
  ['a party states its position', { type: 'state_position' }],
  ['escalate to the county', { type: 'escalate' }],
  ['the parties record the outcome', { type: 'resolve', by: 'parties' }],
  ['the steering group records the outcome', { type: 'resolve', by: 'steering_group' }],
];

// prettier-ignore
const DISPUTE_TABLE: ReadonlyArray<readonly [string, DisputeState, readonly string[]]> = [
  //                                                                                              position            escalate                     parties decide                       steering group decides
  ['open at management level, a position missing', { level: 'management', status: 'open', positionsMissing: 1 }, ['open@management', 'DISPUTE_POSITIONS_MISSING', 'resolved@management',              'DISPUTE_NOT_ESCALATED']],
  ['open at management level, all positions stated', { level: 'management', status: 'open', positionsMissing: 0 }, ['open@management', 'open@county',               'resolved@management',              'DISPUTE_NOT_ESCALATED']],
  ['open at county level', { level: 'county', status: 'open', positionsMissing: 0 },                              ['open@county',     'DISPUTE_LEVEL_TOP',         'DISPUTE_DECIDED_BY_STEERING_GROUP', 'resolved@county']],
  ['resolved at management level', { level: 'management', status: 'resolved', positionsMissing: 0 },             ['DISPUTE_RESOLVED', 'DISPUTE_RESOLVED',         'DISPUTE_RESOLVED',                 'DISPUTE_RESOLVED']],
  ['resolved at county level', { level: 'county', status: 'resolved', positionsMissing: 0 },                      ['DISPUTE_RESOLVED', 'DISPUTE_RESOLVED',         'DISPUTE_RESOLVED',                 'DISPUTE_RESOLVED']],
];

describe('the dispute workflow (pure state machine)', () => {
  for (const [name, state, outcomes] of DISPUTE_TABLE) {
    describe(`a dispute ${name}`, () => {
      DISPUTE_COMMANDS.forEach(([commandName, command], column) => {
        it(`${commandName}: ${outcomes[column]}`, () => {
          assert.equal(outcomeOf(applyDisputeCommand, state, command, (s) => `${s.status}@${s.level}`), outcomes[column]);
        });
      });
    });
  }

  it('offers a party what the machine allows', () => {
    assert.deepEqual(availableDisputeActions({ level: 'management', status: 'open', positionsMissing: 1 }), ['state_position', 'resolve']);
    assert.deepEqual(availableDisputeActions({ level: 'management', status: 'open', positionsMissing: 0 }), ['state_position', 'escalate', 'resolve']);
    assert.deepEqual(availableDisputeActions({ level: 'county', status: 'open', positionsMissing: 0 }), ['state_position']);
    assert.deepEqual(availableDisputeActions({ level: 'county', status: 'resolved', positionsMissing: 0 }), []);
  });
});

describe('the steering group drill-down (pure)', () => {
  it('counts every county part × category, zeros included, and keeps a county part not in the list', () => {
    const cells = countByCountyPartAndCategory(
      ['Inlandet', 'Malmfälten'],
      [
        { countyPart: 'Inlandet', category: 'did_not_attend' },
        { countyPart: 'Inlandet', category: 'did_not_attend' },
        { countyPart: 'Malmfälten', category: 'other' },
        { countyPart: null, category: 'other' },
      ],
    );
    assert.equal(cells.length, 3 * DEVIATION_CATEGORIES.length);
    const count = (part: string | null, category: string) => cells.find((c) => c.countyPart === part && c.category === category)!.count;
    assert.deepEqual([count('Inlandet', 'did_not_attend'), count('Inlandet', 'other'), count('Malmfälten', 'other'), count(null, 'other')], [2, 0, 1, 1]);
    assert.deepEqual([...new Set(cells.map((c) => c.countyPart))], ['Inlandet', 'Malmfälten', null]);
  });
});
