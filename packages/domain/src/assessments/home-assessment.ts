import type { Selectable } from 'kysely';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { HomeAssessmentsTable, IsoDate } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError, type ValidationIssue } from '../errors.js';
import { RECRUITERS } from '../recruitment/recruitments.js';

/** Utredning of a foster home: one per recruitment (a re-assessment is a recruitment of its own). */
export const ASSESSMENT_METHODS = ['kalvesten', 'other'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];
export const RECOMMENDATIONS = ['approve', 'refuse'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** Who may read an assessment: the unit's own staff and its administrators (RLS limits rows to the owner). */
export const ASSESSMENT_READERS = [...RECRUITERS, 'administrator'] as const;

export interface HomeAssessment {
  readonly id: string;
  readonly ownerId: string;
  readonly recruitmentId: string;
  readonly fosterHomeId: string;
  readonly assessorId: string;
  readonly method: AssessmentMethod;
  readonly startedOn: IsoDate;
  readonly summary: string | null;
  readonly recommendation: Recommendation | null;
  readonly sentForDecisionOn: IsoDate | null;
  readonly version: number;
  readonly updatedAt: Date;
}

export function toHomeAssessment(row: Selectable<HomeAssessmentsTable>): HomeAssessment {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    recruitmentId: row.recruitment_id,
    fosterHomeId: row.foster_home_id,
    assessorId: row.assessor_id,
    method: row.method as AssessmentMethod,
    startedOn: row.started_on,
    summary: row.summary,
    recommendation: row.recommendation as Recommendation | null,
    sentForDecisionOn: row.sent_for_decision_on,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Assessments by id. The assessment describes the family, so every read is audited. */
export async function loadHomeAssessments(session: Session, ids: readonly string[]): Promise<HomeAssessment[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('home_assessments').selectAll().where('id', 'in', ids).execute();
  await auditAssessmentReads(session, rows.map((row) => row.id));
  return rows.map(toHomeAssessment);
}

export async function getHomeAssessment(session: Session, id: string): Promise<HomeAssessment> {
  const [assessment] = await loadHomeAssessments(session, [id]);
  if (!assessment) throw new NotFoundError('Utredningen');
  return assessment;
}

export async function auditAssessmentReads(session: Session, ids: readonly string[]): Promise<void> {
  await recordAudit(session, ids.map((id) => ({ action: 'read' as const, entityType: 'HomeAssessment', entityId: id, purpose: 'utredning' })));
}

/**
 * The assessment a worker adds to or edits. Once sent for decision it is the basis of the
 * decision and stays as it was sent; once the family has left, it is closed as it stands.
 */
export async function assessmentOpenForChange(session: Session, id: string): Promise<HomeAssessment> {
  requireRole(session.actor, ...RECRUITERS);
  const row = await session.db
    .selectFrom('home_assessments as a')
    .innerJoin('recruitments as r', 'r.id', 'a.recruitment_id')
    .selectAll('a')
    .select('r.left_on')
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Utredningen');
  if (row.sent_for_decision_on !== null) {
    throw new RuleViolationError('ASSESSMENT_SENT', `Utredningen lämnades för beslut ${row.sent_for_decision_on}; den kan inte ändras eller kompletteras efter det.`);
  }
  if (row.left_on !== null) throw new RuleViolationError('RECRUITMENT_FINISHED', `Familjen lämnade rekryteringen ${row.left_on}; utredningen kan inte ändras eller kompletteras.`);
  return toHomeAssessment(row);
}

/**
 * A date in an assessment cannot lie in the future nor before the day it must follow
 * (the assessment's start, a consent, the day it was sent): the issues, in Swedish.
 */
export function dateOrderIssues(
  path: string,
  label: string,
  date: IsoDate,
  bounds: { readonly today: IsoDate; readonly notBefore?: { readonly date: IsoDate; readonly what: string } },
): ValidationIssue[] {
  if (date > bounds.today) return [{ path, message: `${label} kan inte vara i framtiden.` }];
  if (bounds.notBefore && date < bounds.notBefore.date) {
    return [{ path, message: `${label} kan inte vara före ${bounds.notBefore.date}, ${bounds.notBefore.what}.` }];
  }
  return [];
}

export interface HouseholdPerson {
  readonly id: string;
  readonly fosterHomeId: string;
  readonly name: string;
  readonly role: 'adult' | 'child' | 'other';
}

/** The people of the homes' households, by name and role (callers audit what they do with them). */
export async function householdPeople(session: Session, homeIds: readonly string[]): Promise<HouseholdPerson[]> {
  if (homeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('household_members')
    .select(['id', 'foster_home_id', 'given_name', 'family_name', 'role'])
    .where('foster_home_id', 'in', homeIds)
    .orderBy('given_name')
    .orderBy('family_name')
    .execute();
  return rows.map((row) => ({ id: row.id, fosterHomeId: row.foster_home_id, name: `${row.given_name} ${row.family_name}`, role: row.role as HouseholdPerson['role'] }));
}

/** The member of the assessed home's household with the given role, or a Swedish validation issue. */
export async function memberOfHousehold(
  session: Session,
  assessment: HomeAssessment,
  memberId: string,
  role: 'adult' | 'child',
): Promise<HouseholdPerson> {
  const person = (await householdPeople(session, [assessment.fosterHomeId])).find((p) => p.id === memberId);
  if (!person || person.role !== role) {
    throw new ValidationError([
      {
        path: 'householdMemberId',
        message: role === 'adult' ? 'Välj en vuxen i familjehemmets hushåll.' : 'Välj ett av familjens barn.',
      },
    ]);
  }
  return person;
}
