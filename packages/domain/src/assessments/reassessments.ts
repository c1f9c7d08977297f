import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { NotFoundError, RuleViolationError } from '../errors.js';
import { openRecruitment, RECRUITERS } from '../recruitment/recruitments.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { startHomeAssessment } from './assessments.js';
import { ASSESSMENT_METHODS, type HomeAssessment } from './home-assessment.js';

const startReassessmentInput = z.object({
  fosterHomeId: z.string().uuid({ error: 'Familjehemmet finns inte.' }),
  assessorId: z.string({ error: 'Välj utredare.' }).uuid({ error: 'Välj utredare.' }),
  method: z.enum(ASSESSMENT_METHODS, { error: 'Välj metod: Kälvesten eller annan.' }),
  startedOn: isoDate,
});
export type StartReassessmentInput = z.input<typeof startReassessmentInput>;

/**
 * Re-assesses an approved home (omutredning): a recruitment with the purpose re-assessment, which
 * starts at the assessment step, and its assessment, started the same day. From there it is the
 * same workflow as a new home's; the approval in force holds until the new decision.
 */
export async function startReassessment(session: Session, rawInput: StartReassessmentInput): Promise<HomeAssessment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(startReassessmentInput, rawInput);
  const home = await session.db
    .selectFrom('foster_homes')
    .select(['id', 'owner_org_id', 'status', 'approved_on'])
    .where('id', '=', input.fosterHomeId)
    .executeTakeFirst();
  if (!home || home.owner_org_id !== session.actor.organisationId) throw new NotFoundError('Familjehemmet');
  if (home.approved_on === null || home.status === 'closed') {
    throw new RuleViolationError('HOME_NOT_APPROVED', 'Bara ett godkänt familjehem som inte är avslutat kan omutredas; ett nytt hem utreds i rekryteringen.');
  }
  const recruitment = await openRecruitment(session, {
    fosterHomeId: home.id,
    purpose: 'reassessment',
    source: 'other',
    sourceDetail: 'Omutredning av godkänt familjehem',
    receivedOn: input.startedOn,
    note: 'Omutredning startad',
  });
  return startHomeAssessment(session, { recruitmentId: recruitment.id, assessorId: input.assessorId, method: input.method, startedOn: input.startedOn });
}
