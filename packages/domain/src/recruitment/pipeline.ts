import { RuleViolationError } from '../errors.js';

/**
 * The recruitment pipeline of a family (rekryteringsprocessen), as a pure state machine:
 * intresseanmälan → informationsträff/inledande samtal → grundutbildning → utredning →
 * beslut → godkänd | avslag. A re-assessment starts at the assessment.
 */
export const RECRUITMENT_STEPS = ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision', 'approved', 'refused'] as const;
export type RecruitmentStep = (typeof RECRUITMENT_STEPS)[number];
/** The steps a family works through; `approved` and `refused` are the outcomes of the decision. */
export const WORKING_STEPS = ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision'] as const satisfies readonly RecruitmentStep[];
export type WorkingStep = (typeof WORKING_STEPS)[number];

export const RECRUITMENT_PURPOSES = ['new_home', 'reassessment'] as const;
export type RecruitmentPurpose = (typeof RECRUITMENT_PURPOSES)[number];
export const LEAVING_REASONS = ['family_withdrew', 'assessed_unsuitable', 'circumstances_changed', 'no_contact', 'other'] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];
/** The outcome of a BRA-Fam screening, made at the inquiry or the first conversation. */
export const SCREENING_RESULTS = ['suitable', 'doubtful', 'unsuitable'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

export const STEP_TITLES: Record<RecruitmentStep, string> = {
  inquiry: 'intresseanmälan',
  information_meeting: 'informationsträff/inledande samtal',
  basic_training: 'grundutbildning',
  assessment: 'utredning',
  decision: 'beslut',
  approved: 'godkänd',
  refused: 'avslag',
};

export const LEAVING_REASON_TITLES: Record<LeavingReason, string> = {
  family_withdrew: 'familjen avbröt',
  assessed_unsuitable: 'bedömdes inte lämplig',
  circumstances_changed: 'ändrade förhållanden',
  no_contact: 'ingen kontakt',
  other: 'annan orsak',
};

export interface PipelineState {
  readonly purpose: RecruitmentPurpose;
  readonly step: RecruitmentStep;
  readonly paused: boolean;
  readonly left: boolean;
}

export type PipelineCommand =
  | { readonly type: 'advance'; readonly to: RecruitmentStep }
  | { readonly type: 'decide'; readonly outcome: 'approved' | 'refused' }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'leave'; readonly reason: LeavingReason }
  | { readonly type: 'screen'; readonly result: ScreeningResult };

export function firstStep(purpose: RecruitmentPurpose): WorkingStep {
  return purpose === 'reassessment' ? 'assessment' : 'inquiry';
}

export function isFinished(state: PipelineState): boolean {
  return state.left || state.step === 'approved' || state.step === 'refused';
}

/** The step after `step` in the working order; the decision has two outcomes instead. */
export function nextStep(step: RecruitmentStep): RecruitmentStep | null {
  const index = (WORKING_STEPS as readonly RecruitmentStep[]).indexOf(step);
  return index >= 0 && index < WORKING_STEPS.length - 1 ? WORKING_STEPS[index + 1]! : null;
}

function refuse(rule: string, message: string): never {
  throw new RuleViolationError(rule, message);
}

/**
 * The state after `command`, or a RuleViolationError saying in Swedish why the command is not
 * allowed: steps follow each other one at a time, a paused family must be resumed first, a BRA-Fam
 * screening belongs to the first two steps, and a family that has left or been decided on is finished.
 */
export function applyPipelineCommand(state: PipelineState, command: PipelineCommand): PipelineState {
  if (state.left) refuse('RECRUITMENT_FINISHED', 'Familjen har lämnat rekryteringen; inget mer kan registreras.');
  if (state.step === 'approved' || state.step === 'refused') {
    refuse('RECRUITMENT_FINISHED', `Rekryteringen är avslutad med ${STEP_TITLES[state.step]}; starta en ny utredning för att pröva hemmet igen.`);
  }
  switch (command.type) {
    case 'pause':
      if (state.paused) refuse('RECRUITMENT_ALREADY_PAUSED', 'Familjen är redan pausad.');
      return { ...state, paused: true };
    case 'resume':
      if (!state.paused) refuse('RECRUITMENT_NOT_PAUSED', 'Familjen är inte pausad.');
      return { ...state, paused: false };
    case 'leave':
      return { ...state, left: true, paused: false };
    case 'advance': {
      if (state.paused) refuse('RECRUITMENT_PAUSED', 'Familjen är pausad; återuppta innan nästa steg registreras.');
      const expected = nextStep(state.step);
      if (command.to === 'approved' || command.to === 'refused' || expected === null) {
        refuse('RECRUITMENT_STEP_ORDER', 'Godkännande eller avslag registreras som ett beslut, inte som ett steg.');
      }
      if (command.to !== expected) {
        refuse(
          'RECRUITMENT_STEP_ORDER',
          `Familjen är i steget ${STEP_TITLES[state.step]}; nästa steg är ${STEP_TITLES[expected]}, inte ${STEP_TITLES[command.to]}. Steg kan inte hoppas över eller upprepas.`,
        );
      }
      return { ...state, step: command.to };
    }
    case 'screen':
      if (state.paused) refuse('RECRUITMENT_PAUSED', 'Familjen är pausad; återuppta innan screeningen registreras.');
      if (state.step !== 'inquiry' && state.step !== 'information_meeting') {
        refuse('SCREENING_STEP', `BRA-Fam-screening registreras vid intresseanmälan eller informationsträffen, inte i steget ${STEP_TITLES[state.step]}.`);
      }
      return state;
    case 'decide':
      if (state.paused) refuse('RECRUITMENT_PAUSED', 'Familjen är pausad; återuppta innan beslut registreras.');
      if (state.step !== 'decision') {
        refuse('RECRUITMENT_STEP_ORDER', `Beslut kan registreras först när utredningen har lämnats för beslut (familjen är i steget ${STEP_TITLES[state.step]}).`);
      }
      return { ...state, step: command.outcome };
  }
}
