import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { recruitmentPolicyOn, type RecruitmentPolicy } from '../recruitment/policy.js';
import { getRecruitment, RECRUITERS, recordPipelineTransition } from '../recruitment/recruitments.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { loadActivitiesByAssessment } from './activities.js';
import { loadChildrenHeardByAssessment } from './children-heard.js';
import {
  ASSESSMENT_METHODS,
  ASSESSMENT_READERS,
  assessmentOpenForChange,
  auditAssessmentReads,
  dateOrderIssues,
  householdPeople,
  RECOMMENDATIONS,
  toHomeAssessment,
  type HomeAssessment,
} from './home-assessment.js';
import { assessmentChecklist, incompleteMessage, type AssessmentChecklist } from './readiness.js';
import { loadRegisterChecksByAssessment } from './register-checks.js';
import { loadUserNames } from '../access/users.js';

/** A user of the unit who can lead an assessment (utredare). */
export interface Assessor {
  readonly id: string;
  readonly displayName: string;
}

function assessorsOfOrganisation(session: Session) {
  return session.db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .distinct()
    .where('memberships.organisation_id', '=', session.actor.organisationId)
    .where('memberships.role', 'in', RECRUITERS);
}

/** The unit's foster-care workers and heads of unit, who may be named as assessor. */
export async function listAssessors(session: Session): Promise<Assessor[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  const rows = await assessorsOfOrganisation(session).orderBy('users.display_name').execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

export async function loadAssessors(session: Session, userIds: readonly string[]): Promise<Assessor[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  return loadUserNames(session, userIds);
}

async function loadAssessmentsWhere(session: Session, column: 'foster_home_id' | 'recruitment_id', ids: readonly string[]): Promise<HomeAssessment[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('home_assessments').selectAll().where(column, 'in', ids).orderBy('started_on', 'desc').execute();
  await auditAssessmentReads(session, rows.map((row) => row.id));
  return rows.map(toHomeAssessment);
}

/** Every assessment of the homes, newest first (the owning unit's only). */
export function loadAssessmentsByHome(session: Session, homeIds: readonly string[]): Promise<HomeAssessment[]> {
  return loadAssessmentsWhere(session, 'foster_home_id', homeIds);
}

/** The assessment of each recruitment that has one. */
export function loadAssessmentsByRecruitment(session: Session, recruitmentIds: readonly string[]): Promise<HomeAssessment[]> {
  return loadAssessmentsWhere(session, 'recruitment_id', recruitmentIds);
}

const startAssessmentInput = z.object({
  recruitmentId: z.string().uuid({ error: 'Rekryteringen finns inte.' }),
  assessorId: z.string({ error: 'Välj utredare.' }).uuid({ error: 'Välj utredare.' }),
  method: z.enum(ASSESSMENT_METHODS, { error: 'Välj metod: Kälvesten eller annan.' }),
  startedOn: isoDate,
});
export type StartHomeAssessmentInput = z.input<typeof startAssessmentInput>;

/**
 * Starts the assessment of a family that has reached the assessment step: one per recruitment,
 * led by a foster-care worker or head of the unit.
 */
export async function startHomeAssessment(session: Session, rawInput: StartHomeAssessmentInput): Promise<HomeAssessment> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(startAssessmentInput, rawInput);
  const recruitment = await getRecruitment(session, input.recruitmentId);
  if (recruitment.leftOn !== null || recruitment.step !== 'assessment') {
    throw new RuleViolationError(
      'ASSESSMENT_STEP',
      recruitment.leftOn !== null ? 'Familjen har lämnat rekryteringen; ingen utredning kan startas.' : 'En utredning kan startas först när familjen har kommit till steget utredning.',
    );
  }
  const existing = await session.db.selectFrom('home_assessments').select('id').where('recruitment_id', '=', recruitment.id).executeTakeFirst();
  if (existing) throw new RuleViolationError('ASSESSMENT_ALREADY_STARTED', 'Familjen har redan en utredning i den här rekryteringen.');
  const issues = dateOrderIssues('startedOn', 'Startdatum', input.startedOn, {
    today: todayInSweden(),
    notBefore: { date: recruitment.stepEnteredOn, what: 'då familjen kom till steget utredning' },
  });
  const assessor = await assessorsOfOrganisation(session).where('users.id', '=', input.assessorId).executeTakeFirst();
  if (!assessor) issues.push({ path: 'assessorId', message: 'Utredaren ska vara familjehemssekreterare eller enhetschef i enheten.' });
  if (issues.length > 0) throw new ValidationError(issues);
  const row = await session.db
    .insertInto('home_assessments')
    .values({
      owner_org_id: recruitment.ownerId,
      recruitment_id: recruitment.id,
      foster_home_id: recruitment.fosterHomeId,
      assessor_id: input.assessorId,
      method: input.method,
      started_on: input.startedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'HomeAssessment', entityId: row.id, purpose: 'utredning' }]);
  return toHomeAssessment(row);
}

const updateSummaryInput = z.object({
  id: z.string().uuid({ error: 'Utredningen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  summary: z.string().trim().max(20_000, { error: 'Sammanfattningen får vara högst 20 000 tecken.' }).nullish(),
  recommendation: z.enum(RECOMMENDATIONS, { error: 'Välj rekommendation: godkännande eller avslag.' }).nullish(),
});
export type UpdateAssessmentSummaryInput = z.input<typeof updateSummaryInput>;

/** Saves the assessor's summary and recommendation, unless someone else has changed them since. */
export async function updateAssessmentSummary(session: Session, rawInput: UpdateAssessmentSummaryInput): Promise<HomeAssessment> {
  const input = parseInput(updateSummaryInput, rawInput);
  const current = await assessmentOpenForChange(session, input.id);
  const row = await session.db
    .updateTable('home_assessments')
    .set({ summary: input.summary || null, recommendation: input.recommendation ?? null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', current.id)
    .where('version', '=', input.expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Utredningen', current.version);
  await recordAudit(session, [{ action: 'update', entityType: 'HomeAssessment', entityId: row.id, purpose: 'utredning: sammanfattning och rekommendation' }]);
  return toHomeAssessment(row);
}

/**
 * The checklists of the assessments, each judged on the day it was sent for decision (or today,
 * while it is still being worked on) under the policy in force that day.
 */
export async function loadAssessmentChecklists(session: Session, assessments: readonly HomeAssessment[]): Promise<Map<string, AssessmentChecklist>> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  const today = todayInSweden();
  const ids = assessments.map((a) => a.id);
  const [people, checks, activities, heard] = [
    await householdPeople(session, [...new Set(assessments.map((a) => a.fosterHomeId))]),
    await loadRegisterChecksByAssessment(session, ids),
    await loadActivitiesByAssessment(session, ids),
    await loadChildrenHeardByAssessment(session, ids),
  ];
  await recordAudit(
    session,
    people
      .filter((person) => person.role !== 'other')
      .map((person) => ({ action: 'read' as const, entityType: 'HouseholdMember', entityId: person.id, personId: person.id, purpose: 'utredning: checklista' })),
  );
  const policies = new Map<string, RecruitmentPolicy>();
  const checklists = new Map<string, AssessmentChecklist>();
  for (const assessment of assessments) {
    const day = assessment.sentForDecisionOn ?? today;
    const policyKey = `${assessment.ownerId}:${day}`;
    if (!policies.has(policyKey)) policies.set(policyKey, await recruitmentPolicyOn(session, assessment.ownerId, day));
    const household = people.filter((person) => person.fosterHomeId === assessment.fosterHomeId);
    checklists.set(
      assessment.id,
      assessmentChecklist({
        adults: household.filter((person) => person.role === 'adult'),
        children: household.filter((person) => person.role === 'child'),
        registerChecks: checks.filter((check) => check.assessmentId === assessment.id),
        activities: activities.filter((activity) => activity.assessmentId === assessment.id),
        childrenHeard: heard.filter((h) => h.assessmentId === assessment.id),
        recommendation: assessment.recommendation,
        policy: policies.get(policyKey)!,
        day,
      }),
    );
  }
  return checklists;
}

const sendForDecisionInput = z.object({
  id: z.string().uuid({ error: 'Utredningen finns inte.' }),
  expectedVersion: z.number().int().positive(),
  sentOn: isoDate,
});
export type SendAssessmentForDecisionInput = z.input<typeof sendForDecisionInput>;

/**
 * Sends a complete assessment for decision and moves the family to the decision step. While
 * anything is missing or a register extract is older than the policy allows on the day of
 * sending, it is refused with ASSESSMENT_INCOMPLETE listing every item.
 */
export async function sendAssessmentForDecision(session: Session, rawInput: SendAssessmentForDecisionInput): Promise<HomeAssessment> {
  const input = parseInput(sendForDecisionInput, rawInput);
  const current = await assessmentOpenForChange(session, input.id);
  if (current.version !== input.expectedVersion) throw new VersionConflictError('Utredningen', current.version);
  const issues = dateOrderIssues('sentOn', 'Datumet', input.sentOn, {
    today: todayInSweden(),
    notBefore: { date: current.startedOn, what: 'då utredningen startade' },
  });
  if (issues.length > 0) throw new ValidationError(issues);
  const checklist = (await loadAssessmentChecklists(session, [{ ...current, sentForDecisionOn: input.sentOn }])).get(current.id)!;
  if (!checklist.ready) throw new RuleViolationError('ASSESSMENT_INCOMPLETE', incompleteMessage(checklist.missing));
  const row = await session.db
    .updateTable('home_assessments')
    .set({ sent_for_decision_on: input.sentOn, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Utredningen', current.version + 1);
  await recordPipelineTransition(session, { recruitmentId: current.recruitmentId, command: { type: 'advance', to: 'decision' }, occurredOn: input.sentOn });
  await recordAudit(session, [{ action: 'update', entityType: 'HomeAssessment', entityId: row.id, purpose: 'utredning lämnad för beslut' }]);
  return toHomeAssessment(row);
}
