import type { Session } from '../access/actor.js';
import type { Register } from '../assessments/register-checks.js';
import type { IsoDate } from '../db/tables.js';
import { RuleViolationError } from '../errors.js';
import type { WorkingStep } from './pipeline.js';

/** The unit's recruitment policy in force on a day: dated data, never constants in code. */
export interface RecruitmentPolicy {
  readonly validFrom: IsoDate;
  readonly requiredRegisters: readonly Register[];
  /** How old a register extract may be on the day the assessment goes to decision. */
  readonly registerCheckMaxAgeDays: number;
  /** How long an approval holds before the home must be re-assessed. */
  readonly approvalValidMonths: number;
  /** Days a family may stay in a step before it is shown as overdue. */
  readonly stepTargetDays: Readonly<Record<WorkingStep, number>>;
}

export async function recruitmentPolicyOn(session: Session, ownerId: string, day: IsoDate): Promise<RecruitmentPolicy> {
  const row = await session.db
    .selectFrom('recruitment_policies')
    .selectAll()
    .where('owner_org_id', '=', ownerId)
    .where('valid_from', '<=', day)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new RuleViolationError('RECRUITMENT_POLICY_MISSING', `Det finns ingen rekryteringspolicy som gäller ${day}; en administratör behöver lägga in den.`);
  return {
    validFrom: row.valid_from,
    requiredRegisters: row.required_registers as Register[],
    registerCheckMaxAgeDays: row.register_check_max_age_days,
    approvalValidMonths: row.approval_valid_months,
    stepTargetDays: {
      inquiry: row.inquiry_target_days,
      information_meeting: row.information_meeting_target_days,
      basic_training: row.basic_training_target_days,
      assessment: row.assessment_target_days,
      decision: row.decision_target_days,
    },
  };
}
