import type { IsoDate } from '../db/tables.js';
import type { RecruitmentPolicy } from '../recruitment/policy.js';
import { daysBetween } from '../shared/dates.js';
import type { AssessmentActivityKind } from './activities.js';
import type { Recommendation } from './home-assessment.js';
import { REGISTER_CHECK_LABELS, type Register } from './register-checks.js';

/**
 * When an assessment is ready to go to decision: every required register checked for every adult
 * and no extract older than the policy allows on the day it is sent; at least one interview, one
 * home visit and two references; every child of the family heard; the assessor's recommendation.
 */
export const REQUIRED_ACTIVITIES: Readonly<Record<AssessmentActivityKind, number>> = { interview: 1, home_visit: 1, reference: 2 };

export const REQUIREMENT_STATUSES = ['done', 'missing', 'stale'] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];

export const REQUIREMENT_KINDS = ['household_adult', 'register_check', 'interview', 'home_visit', 'references', 'child_heard', 'recommendation'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** Stable codes for what is missing, for clients to act on; the message is for people. */
export const MISSING_CODES = [
  'NO_ADULT_IN_HOUSEHOLD',
  'REGISTER_CHECK_MISSING',
  'REGISTER_CHECK_STALE',
  'INTERVIEW_MISSING',
  'HOME_VISIT_MISSING',
  'REFERENCES_MISSING',
  'CHILD_NOT_HEARD',
  'RECOMMENDATION_MISSING',
] as const;
export type MissingCode = (typeof MISSING_CODES)[number];

export interface MissingItem {
  readonly code: MissingCode;
  readonly message: string;
}

export interface AssessmentRequirement {
  /** Unique within the checklist and stable between readings, e.g. register_check:<person>:conviction_register. */
  readonly key: string;
  readonly kind: RequirementKind;
  /** What is required, in Swedish. */
  readonly label: string;
  readonly status: RequirementStatus;
  /** What has been done towards it, in Swedish (e.g. the date of the latest extract). */
  readonly detail: string | null;
  /** Why it is not done; null when it is. */
  readonly missing: MissingItem | null;
  readonly householdMemberId: string | null;
  readonly register: Register | null;
}

export interface AssessmentChecklist {
  /** The day the requirements were judged on: the day the assessment was sent, else today. */
  readonly day: IsoDate;
  readonly ready: boolean;
  readonly requirements: readonly AssessmentRequirement[];
  readonly missing: readonly MissingItem[];
}

export interface ReadinessFacts {
  readonly adults: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly children: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly registerChecks: ReadonlyArray<{ readonly householdMemberId: string; readonly register: Register; readonly checkedOn: IsoDate }>;
  readonly activities: ReadonlyArray<{ readonly kind: AssessmentActivityKind }>;
  readonly childrenHeard: ReadonlyArray<{ readonly householdMemberId: string }>;
  readonly recommendation: Recommendation | null;
  readonly policy: Pick<RecruitmentPolicy, 'requiredRegisters' | 'registerCheckMaxAgeDays'>;
  readonly day: IsoDate;
}

const RECOMMENDATION_TITLES: Record<Recommendation, string> = { approve: 'godkännande', refuse: 'avslag' };

function requirement(
  fields: Pick<AssessmentRequirement, 'key' | 'kind' | 'label'> & Partial<Pick<AssessmentRequirement, 'detail' | 'householdMemberId' | 'register'>>,
  problem: { status: Exclude<RequirementStatus, 'done'>; code: MissingCode; message: string } | null,
): AssessmentRequirement {
  return {
    detail: null,
    householdMemberId: null,
    register: null,
    ...fields,
    status: problem?.status ?? 'done',
    missing: problem ? { code: problem.code, message: problem.message } : null,
  };
}

function registerCheckRequirements(facts: ReadinessFacts): AssessmentRequirement[] {
  const { policy, day } = facts;
  return facts.adults.flatMap((adult) =>
    policy.requiredRegisters.map((register) => {
      const label = `${REGISTER_CHECK_LABELS[register]} för ${adult.name}`;
      // The latest extract counts; one taken after the day judged on did not exist yet.
      const latest = facts.registerChecks
        .filter((check) => check.householdMemberId === adult.id && check.register === register && check.checkedOn <= day)
        .map((check) => check.checkedOn)
        .sort()
        .at(-1);
      const base = { key: `register_check:${adult.id}:${register}`, kind: 'register_check' as const, label, householdMemberId: adult.id, register };
      if (latest === undefined) return requirement(base, { status: 'missing', code: 'REGISTER_CHECK_MISSING', message: `${label} saknas` });
      const age = daysBetween(latest, day);
      const detail = `Kontrollerat ${latest} (${age === 0 ? 'i dag' : `${age} ${age === 1 ? 'dag' : 'dagar'} sedan`})`;
      if (age > policy.registerCheckMaxAgeDays) {
        return requirement(
          { ...base, detail },
          { status: 'stale', code: 'REGISTER_CHECK_STALE', message: `${label} är ${age} dagar gammalt; högst ${policy.registerCheckMaxAgeDays} dagar enligt policyn` },
        );
      }
      return requirement({ ...base, detail }, null);
    }),
  );
}

function activityRequirements(facts: ReadinessFacts): AssessmentRequirement[] {
  const count = (kind: AssessmentActivityKind) => facts.activities.filter((activity) => activity.kind === kind).length;
  const registered = (n: number) => (n === 0 ? null : `${n} registrerade`);
  const interviews = count('interview');
  const visits = count('home_visit');
  const references = count('reference');
  return [
    requirement(
      { key: 'interview', kind: 'interview', label: `Intervju (minst ${REQUIRED_ACTIVITIES.interview})`, detail: registered(interviews) },
      interviews >= REQUIRED_ACTIVITIES.interview ? null : { status: 'missing', code: 'INTERVIEW_MISSING', message: 'Ingen intervju är registrerad' },
    ),
    requirement(
      { key: 'home_visit', kind: 'home_visit', label: `Hembesök (minst ${REQUIRED_ACTIVITIES.home_visit})`, detail: registered(visits) },
      visits >= REQUIRED_ACTIVITIES.home_visit ? null : { status: 'missing', code: 'HOME_VISIT_MISSING', message: 'Inget hembesök är registrerat' },
    ),
    requirement(
      { key: 'references', kind: 'references', label: `Referenser (minst ${REQUIRED_ACTIVITIES.reference})`, detail: registered(references) },
      references >= REQUIRED_ACTIVITIES.reference
        ? null
        : {
            status: 'missing',
            code: 'REFERENCES_MISSING',
            message: `${references === 0 ? 'Inga referenser är registrerade' : `Bara ${references} referens är registrerad`}; minst ${REQUIRED_ACTIVITIES.reference} krävs`,
          },
    ),
  ];
}

/** Every requirement of the assessment with its status, and what is missing, in Swedish. */
export function assessmentChecklist(facts: ReadinessFacts): AssessmentChecklist {
  const requirements: AssessmentRequirement[] = [];
  if (facts.adults.length === 0) {
    requirements.push(
      requirement(
        { key: 'household_adult', kind: 'household_adult', label: 'Minst en vuxen i hushållet' },
        { status: 'missing', code: 'NO_ADULT_IN_HOUSEHOLD', message: 'Hushållet har ingen vuxen registrerad, så inga registerkontroller kan göras' },
      ),
    );
  }
  requirements.push(...registerCheckRequirements(facts), ...activityRequirements(facts));
  for (const child of facts.children) {
    const heard = facts.childrenHeard.some((h) => h.householdMemberId === child.id);
    requirements.push(
      requirement(
        { key: `child_heard:${child.id}`, kind: 'child_heard', label: `Barnet ${child.name} hört`, householdMemberId: child.id },
        heard ? null : { status: 'missing', code: 'CHILD_NOT_HEARD', message: `Barnet ${child.name} har inte hörts` },
      ),
    );
  }
  requirements.push(
    requirement(
      {
        key: 'recommendation',
        kind: 'recommendation',
        label: 'Utredarens rekommendation',
        detail: facts.recommendation ? `Rekommenderar ${RECOMMENDATION_TITLES[facts.recommendation]}` : null,
      },
      facts.recommendation ? null : { status: 'missing', code: 'RECOMMENDATION_MISSING', message: 'Utredarens rekommendation (godkännande eller avslag) saknas' },
    ),
  );
  const missing = requirements.flatMap((r) => (r.missing ? [r.missing] : []));
  return { day: facts.day, ready: missing.length === 0, requirements, missing };
}

/** The Swedish refusal listing everything that is missing. */
export function incompleteMessage(missing: readonly MissingItem[]): string {
  return `Utredningen kan inte lämnas för beslut. Det här saknas: ${missing.map((item) => item.message).join('; ')}.`;
}
