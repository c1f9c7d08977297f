import type { ActivityKind, AssessmentMethod, DecisionMakerKind, DecisionOutcome, Recommendation, Register, RegisterCheckResult, RequirementStatus } from './assessment-api';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  INTERVIEW: 'Intervju',
  HOME_VISIT: 'Hembesök',
  REFERENCE: 'Referens',
};

export const REGISTER_LABELS: Record<Register, string> = {
  CONVICTION_REGISTER: 'Belastningsregistret',
  SUSPICION_REGISTER: 'Misstankeregistret',
  SOCIAL_SERVICES_REGISTER: 'Socialregistret',
  ENFORCEMENT_AUTHORITY: 'Kronofogden',
  SOCIAL_INSURANCE_AGENCY: 'Försäkringskassan',
};

export const REGISTER_CHECK_RESULT_LABELS: Record<RegisterCheckResult, string> = {
  NO_ENTRIES: 'Inga uppgifter',
  ENTRIES_FOUND: 'Uppgifter finns',
};

/** The checklist's statuses, as text (never colour alone). */
export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  DONE: 'Klart',
  MISSING: 'Saknas',
  STALE: 'För gammalt',
};

export const METHOD_LABELS: Record<AssessmentMethod, string> = {
  KALVESTEN: 'Kälvestens metod',
  OTHER: 'Annan metod',
};

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = {
  APPROVE: 'Godkänn',
  REFUSE: 'Avslå',
};

export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  APPROVED: 'Godkänt',
  REFUSED: 'Avslag',
};

export const DECISION_MAKER_KIND_LABELS: Record<DecisionMakerKind, string> = {
  COMMITTEE: 'Nämnd',
  DELEGATE: 'Delegat',
};
