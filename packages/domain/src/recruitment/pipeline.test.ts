import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RuleViolationError } from '../errors.js';
import {
  applyPipelineCommand,
  firstStep,
  isFinished,
  LEAVING_REASONS,
  nextStep,
  RECRUITMENT_PURPOSES,
  RECRUITMENT_STEPS,
  STEP_TITLES,
  type PipelineCommand,
  type PipelineState,
  type RecruitmentStep,
} from './pipeline.js';

/** Every command the pipeline knows, named as the worker would say it. */
const COMMANDS: ReadonlyArray<readonly [string, PipelineCommand]> = [
  ...RECRUITMENT_STEPS.map((to) => [`register ${STEP_TITLES[to]} as the next step`, { type: 'advance', to }] as const),
  ['register the decision godkänd', { type: 'decide', outcome: 'approved' }],
  ['register the decision avslag', { type: 'decide', outcome: 'refused' }],
  ['pause', { type: 'pause' }],
  ['resume', { type: 'resume' }],
  ['leave the recruitment', { type: 'leave', reason: 'family_withdrew' }],
  ['record a BRA-Fam screening', { type: 'screen', result: 'suitable' }],
];

/**
 * What each command (in the order of COMMANDS) does to a family in a step. A step is the step the
 * family moves to; 'paused', 'resumed', 'left' and 'unchanged' are the state it ends in; anything
 * in capitals is the rule that refuses the command.
 */
type Outcome = RecruitmentStep | 'paused' | 'resumed' | 'left' | 'unchanged' | Rule;
type Rule = 'RECRUITMENT_STEP_ORDER' | 'RECRUITMENT_PAUSED' | 'RECRUITMENT_ALREADY_PAUSED' | 'RECRUITMENT_NOT_PAUSED' | 'RECRUITMENT_FINISHED' | 'SCREENING_STEP';
const ORDER = 'RECRUITMENT_STEP_ORDER';
const PAUSED = 'RECRUITMENT_PAUSED';
const NOT_PAUSED = 'RECRUITMENT_NOT_PAUSED';
const ALREADY_PAUSED = 'RECRUITMENT_ALREADY_PAUSED';
const FINISHED = 'RECRUITMENT_FINISHED';
const SCREENING = 'SCREENING_STEP';

// prettier-ignore
const WORKING: Record<RecruitmentStep, readonly Outcome[]> = {
  //                  →inquiry →info_meeting           →basic_training   →assessment   →decision   →approved →refused  approved   refused    pause     resume      leave   screen
  inquiry:             [ORDER, 'information_meeting', ORDER,            ORDER,        ORDER,      ORDER,    ORDER,    ORDER,     ORDER,     'paused', NOT_PAUSED, 'left', 'unchanged'],
  information_meeting: [ORDER, ORDER,                 'basic_training', ORDER,        ORDER,      ORDER,    ORDER,    ORDER,     ORDER,     'paused', NOT_PAUSED, 'left', 'unchanged'],
  basic_training:      [ORDER, ORDER,                 ORDER,            'assessment', ORDER,      ORDER,    ORDER,    ORDER,     ORDER,     'paused', NOT_PAUSED, 'left', SCREENING],
  assessment:          [ORDER, ORDER,                 ORDER,            ORDER,        'decision', ORDER,    ORDER,    ORDER,     ORDER,     'paused', NOT_PAUSED, 'left', SCREENING],
  decision:            [ORDER, ORDER,                 ORDER,            ORDER,        ORDER,      ORDER,    ORDER,    'approved', 'refused', 'paused', NOT_PAUSED, 'left', SCREENING],
  approved:            Array(13).fill(FINISHED),
  refused:             Array(13).fill(FINISHED),
};

// prettier-ignore
const WHILE_PAUSED: Record<RecruitmentStep, readonly Outcome[]> = {
  inquiry:             [PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, ALREADY_PAUSED, 'resumed', 'left', PAUSED],
  information_meeting: [PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, ALREADY_PAUSED, 'resumed', 'left', PAUSED],
  basic_training:      [PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, ALREADY_PAUSED, 'resumed', 'left', PAUSED],
  assessment:          [PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, ALREADY_PAUSED, 'resumed', 'left', PAUSED],
  decision:            [PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, PAUSED, ALREADY_PAUSED, 'resumed', 'left', PAUSED],
  approved:            Array(13).fill(FINISHED),
  refused:             Array(13).fill(FINISHED),
};

function expectedState(before: PipelineState, outcome: Outcome): PipelineState | null {
  switch (outcome) {
    case 'paused':
      return { ...before, paused: true };
    case 'resumed':
      return { ...before, paused: false };
    case 'left':
      return { ...before, paused: false, left: true };
    case 'unchanged':
      return before;
    default:
      return (RECRUITMENT_STEPS as readonly string[]).includes(outcome) ? { ...before, step: outcome as RecruitmentStep } : null;
  }
}

function check(before: PipelineState, command: PipelineCommand, outcome: Outcome): void {
  const expected = expectedState(before, outcome);
  if (expected) {
    assert.deepEqual(applyPipelineCommand(before, command), expected);
    return;
  }
  assert.throws(
    () => applyPipelineCommand(before, command),
    (error: unknown) => error instanceof RuleViolationError && error.rule === outcome && /[åäö]|steg|familjen/i.test(error.message),
  );
}

function describeOutcome(outcome: Outcome): string {
  if (outcome === outcome.toUpperCase()) return `is refused (${outcome})`;
  if ((RECRUITMENT_STEPS as readonly string[]).includes(outcome)) return `moves it to ${STEP_TITLES[outcome as RecruitmentStep]}`;
  return outcome === 'unchanged' ? 'is recorded and leaves the step as it is' : `leaves it ${outcome}`;
}

describe('the recruitment pipeline as a state machine (rekryteringsprocessen)', () => {
  for (const purpose of RECRUITMENT_PURPOSES) {
    describe(`a ${purpose === 'new_home' ? 'new family' : 're-assessment'} working in a step`, () => {
      for (const step of RECRUITMENT_STEPS) {
        COMMANDS.forEach(([name, command], index) => {
          const outcome = WORKING[step][index]!;
          it(`at ${STEP_TITLES[step]}: to ${name} ${describeOutcome(outcome)}`, () => {
            check({ purpose, step, paused: false, left: false }, command, outcome);
          });
        });
      }
    });
  }

  describe('a paused family (pausad)', () => {
    for (const step of RECRUITMENT_STEPS) {
      COMMANDS.forEach(([name, command], index) => {
        const outcome = WHILE_PAUSED[step][index]!;
        it(`paused at ${STEP_TITLES[step]}: to ${name} ${describeOutcome(outcome)}`, () => {
          check({ purpose: 'new_home', step, paused: true, left: false }, command, outcome);
        });
      });
    }
  });

  describe('a family that has left (avslutad)', () => {
    for (const step of RECRUITMENT_STEPS) {
      for (const [name, command] of COMMANDS) {
        it(`left at ${STEP_TITLES[step]}: to ${name} is refused, the recruitment is finished`, () => {
          check({ purpose: 'new_home', step, paused: false, left: true }, command, FINISHED);
        });
      }
    }
  });

  it('every command is in the tables, for every step', () => {
    for (const table of [WORKING, WHILE_PAUSED]) {
      for (const step of RECRUITMENT_STEPS) assert.equal(table[step].length, COMMANDS.length, step);
    }
  });

  it('a new family starts at the inquiry, a re-assessment at the assessment', () => {
    assert.equal(firstStep('new_home'), 'inquiry');
    assert.equal(firstStep('reassessment'), 'assessment');
  });

  it('the working steps follow each other one at a time, and the decision has outcomes instead of a next step', () => {
    assert.deepEqual(
      RECRUITMENT_STEPS.map((step) => nextStep(step)),
      ['information_meeting', 'basic_training', 'assessment', 'decision', null, null, null],
    );
  });

  it('a family is finished once it has left or been approved or refused, paused or not', () => {
    for (const step of RECRUITMENT_STEPS) {
      for (const paused of [false, true]) {
        assert.equal(isFinished({ purpose: 'new_home', step, paused, left: false }), step === 'approved' || step === 'refused');
        assert.equal(isFinished({ purpose: 'new_home', step, paused, left: true }), true);
      }
    }
  });

  it('a family can leave from every working step for every reason', () => {
    for (const step of ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision'] as const) {
      for (const reason of LEAVING_REASONS) {
        assert.deepEqual(applyPipelineCommand({ purpose: 'new_home', step, paused: false, left: false }, { type: 'leave', reason }), {
          purpose: 'new_home',
          step,
          paused: false,
          left: true,
        });
      }
    }
  });

  it('a whole recruitment: inquiry, information meeting with screening, a pause, basic training, assessment, decision, approved', () => {
    let state: PipelineState = { purpose: 'new_home', step: firstStep('new_home'), paused: false, left: false };
    const commands: PipelineCommand[] = [
      { type: 'advance', to: 'information_meeting' },
      { type: 'screen', result: 'doubtful' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'advance', to: 'basic_training' },
      { type: 'advance', to: 'assessment' },
      { type: 'advance', to: 'decision' },
      { type: 'decide', outcome: 'approved' },
    ];
    for (const command of commands) state = applyPipelineCommand(state, command);
    assert.deepEqual(state, { purpose: 'new_home', step: 'approved', paused: false, left: false });
    assert.equal(isFinished(state), true);
  });

  it('skipping a step is refused in Swedish, naming the step the family is in and the one that comes next', () => {
    assert.throws(
      () => applyPipelineCommand({ purpose: 'new_home', step: 'inquiry', paused: false, left: false }, { type: 'advance', to: 'assessment' }),
      (error: unknown) =>
        error instanceof RuleViolationError &&
        error.message === 'Familjen är i steget intresseanmälan; nästa steg är informationsträff/inledande samtal, inte utredning. Steg kan inte hoppas över eller upprepas.',
    );
  });
});
