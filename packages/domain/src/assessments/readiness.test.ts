import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays } from '../shared/dates.js';
import { assessmentChecklist, incompleteMessage, type ReadinessFacts } from './readiness.js';
import { REGISTERS, type Register } from './register-checks.js';

const DAY = '2026-11-23';
const karin = { id: 'karin', name: 'Karin Berg' };
const lars = { id: 'lars', name: 'Lars Berg' };
const elsa = { id: 'elsa', name: 'Elsa Berg' };
const nils = { id: 'nils', name: 'Nils Berg' };
/** The unit's policy in the demo: all five registers, extracts at most 90 days old. */
const POLICY = { requiredRegisters: [...REGISTERS], registerCheckMaxAgeDays: 90 };

function checksFor(adult: { id: string }, checkedOn: string, registers: readonly Register[] = REGISTERS) {
  return registers.map((register) => ({ householdMemberId: adult.id, register, checkedOn }));
}

/** The Berg family of Frövi, fully assessed: both adults checked a month ago, everything done. */
function complete(overrides: Partial<ReadinessFacts> = {}): ReadinessFacts {
  return {
    adults: [karin, lars],
    children: [elsa],
    registerChecks: [...checksFor(karin, addDays(DAY, -30)), ...checksFor(lars, addDays(DAY, -30))],
    activities: [{ kind: 'interview' }, { kind: 'home_visit' }, { kind: 'reference' }, { kind: 'reference' }],
    childrenHeard: [{ householdMemberId: elsa.id }],
    recommendation: 'approve',
    policy: POLICY,
    day: DAY,
    ...overrides,
  };
}

function withoutCheck(adult: { id: string }, register: Register) {
  return complete().registerChecks.filter((check) => !(check.householdMemberId === adult.id && check.register === register));
}

function codes(facts: ReadinessFacts) {
  return assessmentChecklist(facts).missing.map((item) => item.code);
}

describe('when an assessment (utredning) is ready for decision', () => {
  it('a fully assessed family is ready: every requirement is done and nothing is missing', () => {
    const checklist = assessmentChecklist(complete());
    assert.equal(checklist.ready, true);
    assert.deepEqual(checklist.missing, []);
    assert.equal(checklist.day, DAY);
    // 2 adults × 5 registers, interview, home visit, references, one child, the recommendation
    assert.equal(checklist.requirements.length, 15);
    assert.ok(checklist.requirements.every((r) => r.status === 'done' && r.missing === null));
  });

  it('lists the requirements in a fixed order with keys that are unique and stable between readings', () => {
    const first = assessmentChecklist(complete()).requirements.map((r) => r.key);
    assert.deepEqual(assessmentChecklist(complete()).requirements.map((r) => r.key), first);
    assert.equal(new Set(first).size, first.length);
    assert.deepEqual(first.slice(0, 2), ['register_check:karin:conviction_register', 'register_check:karin:suspicion_register']);
    assert.deepEqual(first.slice(10), ['interview', 'home_visit', 'references', 'child_heard:elsa', 'recommendation']);
  });
});

describe('register checks (registerkontroller) in the readiness rule', () => {
  it('a missing belastningsregister extract is named with the adult, in Swedish', () => {
    const checklist = assessmentChecklist(complete({ registerChecks: withoutCheck(karin, 'conviction_register') }));
    assert.equal(checklist.ready, false);
    assert.deepEqual(checklist.missing, [{ code: 'REGISTER_CHECK_MISSING', message: 'Utdrag ur belastningsregistret för Karin Berg saknas' }]);
    const requirement = checklist.requirements.find((r) => r.key === 'register_check:karin:conviction_register')!;
    assert.equal(requirement.status, 'missing');
    assert.equal(requirement.householdMemberId, 'karin');
    assert.equal(requirement.register, 'conviction_register');
    assert.equal(requirement.label, 'Utdrag ur belastningsregistret för Karin Berg');
  });

  it('an assessment with a stale belastningsregister extract cannot go to decision: its age and the policy’s limit are given', () => {
    const stale = [...withoutCheck(karin, 'conviction_register'), { householdMemberId: karin.id, register: 'conviction_register' as const, checkedOn: addDays(DAY, -120) }];
    const checklist = assessmentChecklist(complete({ registerChecks: stale }));
    assert.equal(checklist.ready, false);
    assert.deepEqual(checklist.missing, [
      { code: 'REGISTER_CHECK_STALE', message: 'Utdrag ur belastningsregistret för Karin Berg är 120 dagar gammalt; högst 90 dagar enligt policyn' },
    ]);
    const requirement = checklist.requirements.find((r) => r.key === 'register_check:karin:conviction_register')!;
    assert.equal(requirement.status, 'stale');
    assert.equal(requirement.detail, `Kontrollerat ${addDays(DAY, -120)} (120 dagar sedan)`);
  });

  it('an extract exactly as old as the policy allows still holds; one day older is stale', () => {
    const aged = (days: number) => complete({ registerChecks: [...withoutCheck(lars, 'enforcement_authority'), { householdMemberId: lars.id, register: 'enforcement_authority', checkedOn: addDays(DAY, -days) }] });
    assert.equal(assessmentChecklist(aged(90)).ready, true);
    assert.deepEqual(codes(aged(91)), ['REGISTER_CHECK_STALE']);
    assert.match(assessmentChecklist(aged(91)).missing[0]!.message, /^Utdrag från Kronofogden för Lars Berg är 91 dagar gammalt/);
  });

  it('a new extract replaces a stale one: the latest check counts', () => {
    const renewed = [...complete().registerChecks, { householdMemberId: karin.id, register: 'social_services_register' as const, checkedOn: addDays(DAY, -400) }];
    assert.equal(assessmentChecklist(complete({ registerChecks: renewed })).ready, true);
  });

  it('an extract taken after the day judged on did not exist yet that day', () => {
    const later = [...withoutCheck(karin, 'suspicion_register'), { householdMemberId: karin.id, register: 'suspicion_register' as const, checkedOn: addDays(DAY, 1) }];
    assert.deepEqual(assessmentChecklist(complete({ registerChecks: later })).missing, [
      { code: 'REGISTER_CHECK_MISSING', message: 'Utdrag ur misstankeregistret för Karin Berg saknas' },
    ]);
  });

  it('each register and each adult is checked separately: Karin’s extracts do not cover Lars', () => {
    const onlyKarin = checksFor(karin, addDays(DAY, -10));
    const checklist = assessmentChecklist(complete({ registerChecks: onlyKarin }));
    assert.deepEqual(
      checklist.missing.map((m) => m.message),
      [
        'Utdrag ur belastningsregistret för Lars Berg saknas',
        'Utdrag ur misstankeregistret för Lars Berg saknas',
        'Utdrag ur socialregistret för Lars Berg saknas',
        'Utdrag från Kronofogden för Lars Berg saknas',
        'Utdrag från Försäkringskassan för Lars Berg saknas',
      ],
    );
  });

  it('only the registers the policy requires are required, with the policy’s own age limit', () => {
    const policy = { requiredRegisters: ['conviction_register', 'social_services_register'] as Register[], registerCheckMaxAgeDays: 30 };
    const checks = [...checksFor(karin, addDays(DAY, -20), policy.requiredRegisters), ...checksFor(lars, addDays(DAY, -45), policy.requiredRegisters)];
    const checklist = assessmentChecklist(complete({ policy, registerChecks: checks }));
    assert.equal(checklist.requirements.filter((r) => r.kind === 'register_check').length, 4);
    assert.deepEqual(checklist.missing.map((m) => m.message), [
      'Utdrag ur belastningsregistret för Lars Berg är 45 dagar gammalt; högst 30 dagar enligt policyn',
      'Utdrag ur socialregistret för Lars Berg är 45 dagar gammalt; högst 30 dagar enligt policyn',
    ]);
  });

  it('a household without an adult cannot be ready: there is nobody to check', () => {
    const checklist = assessmentChecklist(complete({ adults: [], registerChecks: [] }));
    assert.equal(checklist.ready, false);
    assert.deepEqual(codes(complete({ adults: [], registerChecks: [] })), ['NO_ADULT_IN_HOUSEHOLD']);
    assert.equal(checklist.requirements[0]!.status, 'missing');
  });

  it('a single applicant needs only her own extracts', () => {
    assert.equal(assessmentChecklist(complete({ adults: [karin], registerChecks: checksFor(karin, addDays(DAY, -1)) })).ready, true);
  });
});

describe('interviews, home visits and references in the readiness rule', () => {
  it('at least one interview is required', () => {
    const facts = complete({ activities: [{ kind: 'home_visit' }, { kind: 'reference' }, { kind: 'reference' }] });
    assert.deepEqual(assessmentChecklist(facts).missing, [{ code: 'INTERVIEW_MISSING', message: 'Ingen intervju är registrerad' }]);
  });

  it('at least one home visit is required', () => {
    const facts = complete({ activities: [{ kind: 'interview' }, { kind: 'interview' }, { kind: 'reference' }, { kind: 'reference' }] });
    assert.deepEqual(assessmentChecklist(facts).missing, [{ code: 'HOME_VISIT_MISSING', message: 'Inget hembesök är registrerat' }]);
  });

  it('two references are required: one is not enough, and none says so', () => {
    const one = complete({ activities: [{ kind: 'interview' }, { kind: 'home_visit' }, { kind: 'reference' }] });
    assert.deepEqual(assessmentChecklist(one).missing, [{ code: 'REFERENCES_MISSING', message: 'Bara 1 referens är registrerad; minst 2 krävs' }]);
    assert.equal(assessmentChecklist(one).requirements.find((r) => r.key === 'references')!.detail, '1 registrerade');
    const none = complete({ activities: [{ kind: 'interview' }, { kind: 'home_visit' }] });
    assert.deepEqual(assessmentChecklist(none).missing, [{ code: 'REFERENCES_MISSING', message: 'Inga referenser är registrerade; minst 2 krävs' }]);
  });
});

describe('the family’s children and the recommendation in the readiness rule', () => {
  it('every child of the family must be heard; the one not heard is named', () => {
    const facts = complete({ children: [elsa, nils], childrenHeard: [{ householdMemberId: elsa.id }] });
    assert.deepEqual(assessmentChecklist(facts).missing, [{ code: 'CHILD_NOT_HEARD', message: 'Barnet Nils Berg har inte hörts' }]);
  });

  it('a family without children has no child to hear', () => {
    const checklist = assessmentChecklist(complete({ children: [], childrenHeard: [] }));
    assert.equal(checklist.ready, true);
    assert.equal(checklist.requirements.some((r) => r.kind === 'child_heard'), false);
  });

  it('the assessor’s recommendation is required; a recommendation to refuse counts too', () => {
    assert.deepEqual(assessmentChecklist(complete({ recommendation: null })).missing, [
      { code: 'RECOMMENDATION_MISSING', message: 'Utredarens rekommendation (godkännande eller avslag) saknas' },
    ]);
    const refuse = assessmentChecklist(complete({ recommendation: 'refuse' }));
    assert.equal(refuse.ready, true);
    assert.equal(refuse.requirements.at(-1)!.detail, 'Rekommenderar avslag');
  });
});

describe('the list of what is missing', () => {
  it('a newly started assessment lists everything, in checklist order, and the refusal names every item', () => {
    const facts = complete({ registerChecks: [], activities: [], childrenHeard: [], recommendation: null, adults: [karin] });
    const checklist = assessmentChecklist(facts);
    assert.deepEqual(checklist.missing.map((m) => m.code), [
      ...Array(5).fill('REGISTER_CHECK_MISSING'),
      'INTERVIEW_MISSING',
      'HOME_VISIT_MISSING',
      'REFERENCES_MISSING',
      'CHILD_NOT_HEARD',
      'RECOMMENDATION_MISSING',
    ]);
    const message = incompleteMessage(checklist.missing);
    assert.match(message, /^Utredningen kan inte lämnas för beslut\. Det här saknas: Utdrag ur belastningsregistret för Karin Berg saknas; /);
    assert.ok(checklist.missing.every((item) => message.includes(item.message)));
    assert.ok(message.endsWith('Utredarens rekommendation (godkännande eller avslag) saknas.'));
  });
});
