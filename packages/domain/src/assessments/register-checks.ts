import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput } from '../shared/validation.js';
import { ASSESSMENT_READERS, assessmentOpenForChange, dateOrderIssues, memberOfHousehold, type HomeAssessment } from './home-assessment.js';

/**
 * The registers a home's adults are checked in during the assessment, each with the applicant's
 * consent: belastningsregistret, misstankeregistret, socialregistret, Kronofogden, Försäkringskassan.
 */
export const REGISTERS = ['conviction_register', 'suspicion_register', 'social_services_register', 'enforcement_authority', 'social_insurance_agency'] as const;
export type Register = (typeof REGISTERS)[number];

export const REGISTER_TITLES: Record<Register, string> = {
  conviction_register: 'belastningsregistret',
  suspicion_register: 'misstankeregistret',
  social_services_register: 'socialregistret',
  enforcement_authority: 'Kronofogden',
  social_insurance_agency: 'Försäkringskassan',
};

/** How a check reads in the assessment and its checklist: "Utdrag ur belastningsregistret för Karin Berg". */
export const REGISTER_CHECK_LABELS: Record<Register, string> = {
  conviction_register: 'Utdrag ur belastningsregistret',
  suspicion_register: 'Utdrag ur misstankeregistret',
  social_services_register: 'Utdrag ur socialregistret',
  enforcement_authority: 'Utdrag från Kronofogden',
  social_insurance_agency: 'Utdrag från Försäkringskassan',
};

export const REGISTER_CHECK_RESULTS = ['no_entries', 'entries_found'] as const;
export type RegisterCheckResult = (typeof REGISTER_CHECK_RESULTS)[number];

/** One register check on one adult, made with the consent that adult gave. */
export interface RegisterCheck {
  readonly id: string;
  readonly assessmentId: string;
  readonly householdMemberId: string;
  readonly personName: string;
  readonly register: Register;
  readonly consentGivenOn: IsoDate;
  readonly checkedOn: IsoDate;
  readonly result: RegisterCheckResult;
  readonly note: string | null;
  readonly recordedById: string;
}

/** The register checks of the assessments. Each is a person's data: every read is audited. */
export async function loadRegisterChecksByAssessment(session: Session, assessmentIds: readonly string[]): Promise<RegisterCheck[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (assessmentIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('register_checks as c')
    .innerJoin('household_members as m', 'm.id', 'c.household_member_id')
    .select([
      'c.id',
      'c.assessment_id',
      'c.household_member_id',
      'm.given_name',
      'm.family_name',
      'c.register',
      'c.consent_given_on',
      'c.checked_on',
      'c.result',
      'c.note',
      'c.recorded_by',
    ])
    .where('c.assessment_id', 'in', assessmentIds)
    .orderBy('m.given_name')
    .orderBy('c.register')
    .orderBy('c.checked_on', 'desc')
    .execute();
  await recordAudit(
    session,
    rows.map((row) => ({ action: 'read' as const, entityType: 'RegisterCheck', entityId: row.id, personId: row.household_member_id, purpose: 'utredning: registerkontroll' })),
  );
  return rows.map((row) => ({
    id: row.id,
    assessmentId: row.assessment_id,
    householdMemberId: row.household_member_id,
    personName: `${row.given_name} ${row.family_name}`,
    register: row.register as Register,
    consentGivenOn: row.consent_given_on,
    checkedOn: row.checked_on,
    result: row.result as RegisterCheckResult,
    note: row.note,
    recordedById: row.recorded_by,
  }));
}

const recordRegisterCheckInput = z.object({
  assessmentId: z.string().uuid({ error: 'Utredningen finns inte.' }),
  householdMemberId: z.string({ error: 'Välj en vuxen i familjehemmets hushåll.' }).uuid({ error: 'Välj en vuxen i familjehemmets hushåll.' }),
  register: z.enum(REGISTERS, { error: 'Välj vilket register som kontrollerats.' }),
  consentGivenOn: isoDate,
  checkedOn: isoDate,
  result: z.enum(REGISTER_CHECK_RESULTS, { error: 'Ange resultatet: inga uppgifter eller uppgifter finns.' }),
  note: z.string().trim().max(4000, { error: 'Anteckningen får vara högst 4000 tecken.' }).nullish(),
});
export type RecordRegisterCheckInput = z.input<typeof recordRegisterCheckInput>;

/**
 * Records a register check on an adult of the household. The applicant's consent is required
 * and must have been given before (or on) the day of the check; neither date may be in the future.
 */
export async function recordRegisterCheck(session: Session, rawInput: RecordRegisterCheckInput): Promise<HomeAssessment> {
  const input = parseInput(recordRegisterCheckInput, rawInput);
  const assessment = await assessmentOpenForChange(session, input.assessmentId);
  const person = await memberOfHousehold(session, assessment, input.householdMemberId, 'adult');
  const today = todayInSweden();
  const issues = [
    ...dateOrderIssues('consentGivenOn', 'Datum för samtycket', input.consentGivenOn, { today }),
    ...dateOrderIssues('checkedOn', 'Datum för kontrollen', input.checkedOn, {
      today,
      notBefore: { date: input.consentGivenOn, what: `då ${person.name} gav sitt samtycke` },
    }),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
  const row = await session.db
    .insertInto('register_checks')
    .values({
      owner_org_id: assessment.ownerId,
      assessment_id: assessment.id,
      household_member_id: person.id,
      register: input.register,
      consent_given_on: input.consentGivenOn,
      checked_on: input.checkedOn,
      result: input.result,
      note: input.note || null,
      recorded_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'RegisterCheck', entityId: row.id, personId: person.id, purpose: `utredning: ${REGISTER_TITLES[input.register]}` }]);
  return assessment;
}
