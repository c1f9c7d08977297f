import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { FOSTER_HOME_KINDS, type FosterHomeKind, type FosterHomeStatus } from '../homes/foster-homes.js';
import { recruitmentPolicyOn } from '../recruitment/policy.js';
import { RECRUITERS, recordPipelineTransition } from '../recruitment/recruitments.js';
import { addMonths, todayInSweden } from '../shared/dates.js';
import { personalIdentityNumber } from '../shared/personal-identity.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { loadAgreementsByUnit, loadMembersByAgreement } from '../units/units.js';
import { auditNamedChildReads, DECISION_MAKER_KINDS, DECISION_OUTCOMES, toHomeDecision, type ApprovalConditions, type DecisionOutcome, type HomeDecision } from './approvals.js';
import { ASSESSMENT_READERS } from './home-assessment.js';

/** What the rules of a decision (beslut) are judged on. */
export interface DecisionFacts {
  readonly outcome: DecisionOutcome;
  readonly decidedOn: IsoDate;
  readonly today: IsoDate;
  /** When the assessment was sent for decision; null while it is still being worked on. */
  readonly sentForDecisionOn: IsoDate | null;
  readonly decidedById: string;
  /** The home's owner when it is a municipality, and the current members of the owning unit's agreement. */
  readonly allowedDeciderIds: readonly string[];
  readonly assignmentKind: FosterHomeKind | null;
  /** A consultant-supported home has its consultancy agency on the register entry. */
  readonly homeHasAgency: boolean;
}

/**
 * The decision is the municipality's: taken after the assessment was sent, not in the future, by
 * the owner municipality or a member of the unit's agreement (never an agency). A consultant-supported
 * home keeps its agency, so it can only be approved as consultant-supported, and only such a home can.
 */
export function assertDecisionAllowed(facts: DecisionFacts): void {
  if (facts.sentForDecisionOn === null) {
    throw new RuleViolationError('ASSESSMENT_NOT_SENT', 'Utredningen har inte lämnats för beslut; beslut kan registreras först därefter.');
  }
  if (facts.decidedOn > facts.today) throw new ValidationError([{ path: 'decidedOn', message: 'Beslutsdatum kan inte vara i framtiden.' }]);
  if (facts.decidedOn < facts.sentForDecisionOn) {
    throw new ValidationError([{ path: 'decidedOn', message: `Beslutsdatum kan inte vara före ${facts.sentForDecisionOn}, då utredningen lämnades för beslut.` }]);
  }
  if (!facts.allowedDeciderIds.includes(facts.decidedById)) {
    throw new RuleViolationError(
      'DECIDER_NOT_MEMBER',
      'Beslutet fattas av nämnden i den kommun som ansvarar för hemmet eller i en medlemskommun i enhetens samverkansavtal, aldrig av en konsulentverksamhet.',
    );
  }
  if (facts.outcome !== 'approved') return;
  if (facts.homeHasAgency && facts.assignmentKind !== 'consultant_supported') {
    throw new RuleViolationError('DECISION_AGENCY_KIND', 'Hemmet är konsulentstött och behåller sin konsulentverksamhet; godkänn det som konsulentstött familjehem.');
  }
  if (!facts.homeHasAgency && facts.assignmentKind === 'consultant_supported') {
    throw new RuleViolationError('DECISION_AGENCY_KIND', 'Ett konsulentstött uppdrag kräver att hemmets konsulentverksamhet är registrerad i familjehemsregistret.');
  }
}

export interface HomeApprovalState {
  readonly approvedById: string | null;
  readonly approvedOn: IsoDate | null;
}

export interface HomeChanges {
  readonly status: FosterHomeStatus;
  readonly kind?: FosterHomeKind;
  readonly places?: number;
  readonly approvedById?: string;
  readonly approvedOn?: IsoDate;
}

/**
 * What a decision does to the home's register entry. An approval makes the home active with the
 * kind and places of its conditions; the first approval's committee and date stay on the home
 * (the latest decision is in the decision history). A refusal closes the home, whether it was
 * never approved or its re-assessment was refused.
 */
export function homeChangesAfterDecision(
  home: HomeApprovalState,
  decision: { readonly outcome: DecisionOutcome; readonly decidedOn: IsoDate; readonly decidedById: string; readonly conditions: ApprovalConditions | null },
): HomeChanges {
  if (decision.outcome === 'refused' || !decision.conditions) return { status: 'closed' };
  const firstApproval = home.approvedOn === null ? { approvedById: decision.decidedById, approvedOn: decision.decidedOn } : {};
  return { status: 'active', kind: decision.conditions.assignmentKind, places: decision.conditions.places, ...firstApproval };
}

const childAge = (label: string) =>
  z
    .number({ error: `${label} ska vara ett heltal.` })
    .int({ error: `${label} ska vara ett heltal.` })
    .min(0, { error: `${label} kan inte vara negativ.` })
    .max(20, { error: `${label} kan vara högst 20 år.` })
    .nullish();

const conditionsInput = z
  .object({
    assignmentKind: z.enum(FOSTER_HOME_KINDS, { error: 'Välj uppdrag: eget, nätverk, jour, konsulentstött eller behandling.' }),
    places: z
      .number({ error: 'Ange antal platser (barn).' })
      .int({ error: 'Antal platser ska vara ett heltal.' })
      .min(1, { error: 'Ett godkännande gäller minst en plats.' })
      .max(20, { error: 'Ett familjehem kan ha högst 20 platser.' }),
    minChildAge: childAge('Lägsta ålder'),
    maxChildAge: childAge('Högsta ålder'),
    namedChild: z.object({ name: requiredText('Barnets namn'), personalIdentityNumber }).nullish(),
  })
  .refine((c) => c.minChildAge == null || c.maxChildAge == null || c.minChildAge <= c.maxChildAge, {
    error: 'Lägsta ålder kan inte vara högre än högsta ålder.',
    path: ['maxChildAge'],
  })
  .refine((c) => !c.namedChild || c.places === 1, { error: 'Ett godkännande för ett namngivet barn gäller en plats.', path: ['places'] });

const recordDecisionInput = z
  .object({
    assessmentId: z.string().uuid({ error: 'Utredningen finns inte.' }),
    outcome: z.enum(DECISION_OUTCOMES, { error: 'Välj beslut: godkänt eller avslag.' }),
    decidedOn: isoDate,
    decidedById: z.string({ error: 'Välj vilken kommun som fattat beslutet.' }).uuid({ error: 'Välj vilken kommun som fattat beslutet.' }),
    decisionMakerKind: z.enum(DECISION_MAKER_KINDS, { error: 'Välj nämnd eller delegat.' }),
    decisionMakerName: requiredText('Nämndens eller delegatens namn'),
    reasoning: z.string().trim().max(20_000, { error: 'Motiveringen får vara högst 20 000 tecken.' }).nullish(),
    conditions: conditionsInput.nullish(),
  })
  .refine((d) => d.outcome !== 'approved' || Boolean(d.conditions), { error: 'Ett godkännande ska ha villkor: uppdrag och antal platser.', path: ['conditions'] })
  .refine((d) => d.outcome !== 'refused' || !d.conditions, { error: 'Ett avslag har inga villkor.', path: ['conditions'] });
export type RecordHomeDecisionInput = z.input<typeof recordDecisionInput>;

/** The municipalities that may decide on a home: its owner if a municipality, and the members of the owning unit's agreement. */
async function allowedDeciders(session: Session, ownerId: string): Promise<string[]> {
  const owner = await session.db.selectFrom('organisations').select('kind').where('id', '=', ownerId).executeTakeFirst();
  const agreements = await loadAgreementsByUnit(session, [ownerId]);
  const members = await loadMembersByAgreement(session, agreements.map((a) => a.id));
  return [...(owner?.kind === 'municipality' ? [ownerId] : []), ...members.map((m) => m.municipality.id)];
}

/**
 * Records the committee's or delegate's decision on an assessment sent for decision: the decision
 * with its conditions and validity (decided on + the policy's approval months), the family's
 * pipeline moved to approved or refused, and the home's register entry changed accordingly.
 */
export async function recordHomeDecision(session: Session, rawInput: RecordHomeDecisionInput): Promise<HomeDecision> {
  requireRole(session.actor, ...RECRUITERS);
  const input = parseInput(recordDecisionInput, rawInput);
  const assessment = await session.db
    .selectFrom('home_assessments')
    .select(['id', 'owner_org_id', 'recruitment_id', 'foster_home_id', 'sent_for_decision_on'])
    .where('id', '=', input.assessmentId)
    .executeTakeFirst();
  if (!assessment) throw new NotFoundError('Utredningen');
  const home = await session.db
    .selectFrom('foster_homes')
    .select(['id', 'owner_org_id', 'approved_by_org_id', 'approved_on', 'consultancy_agency_id'])
    .where('id', '=', assessment.foster_home_id)
    .executeTakeFirstOrThrow();
  const conditions: ApprovalConditions | null = input.conditions
    ? {
        assignmentKind: input.conditions.assignmentKind,
        places: input.conditions.places,
        minChildAge: input.conditions.minChildAge ?? null,
        maxChildAge: input.conditions.maxChildAge ?? null,
        namedChild: input.conditions.namedChild ?? null,
      }
    : null;
  assertDecisionAllowed({
    outcome: input.outcome,
    decidedOn: input.decidedOn,
    today: todayInSweden(),
    sentForDecisionOn: assessment.sent_for_decision_on,
    decidedById: input.decidedById,
    allowedDeciderIds: await allowedDeciders(session, home.owner_org_id),
    assignmentKind: conditions?.assignmentKind ?? null,
    homeHasAgency: home.consultancy_agency_id !== null,
  });
  const validUntil = conditions ? addMonths(input.decidedOn, (await recruitmentPolicyOn(session, assessment.owner_org_id, input.decidedOn)).approvalValidMonths) : null;
  const decision = await session.db
    .insertInto('home_decisions')
    .values({
      owner_org_id: assessment.owner_org_id,
      foster_home_id: home.id,
      assessment_id: assessment.id,
      outcome: input.outcome,
      decided_on: input.decidedOn,
      decided_by_org_id: input.decidedById,
      decision_maker_kind: input.decisionMakerKind,
      decision_maker_name: input.decisionMakerName,
      valid_until: validUntil,
      assignment_kind: conditions?.assignmentKind ?? null,
      places: conditions?.places ?? null,
      min_child_age: conditions?.minChildAge ?? null,
      max_child_age: conditions?.maxChildAge ?? null,
      named_child_name: conditions?.namedChild?.name ?? null,
      named_child_personal_identity_number: conditions?.namedChild?.personalIdentityNumber ?? null,
      reasoning: input.reasoning || null,
      recorded_by: session.actor.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordPipelineTransition(session, { recruitmentId: assessment.recruitment_id, command: { type: 'decide', outcome: input.outcome }, occurredOn: input.decidedOn });
  const changes = homeChangesAfterDecision(
    { approvedById: home.approved_by_org_id, approvedOn: home.approved_on },
    { outcome: input.outcome, decidedOn: input.decidedOn, decidedById: input.decidedById, conditions },
  );
  await session.db
    .updateTable('foster_homes')
    .set({
      status: changes.status,
      ...(changes.kind ? { kind: changes.kind } : {}),
      ...(changes.places !== undefined ? { places: changes.places } : {}),
      ...(changes.approvedById ? { approved_by_org_id: changes.approvedById, approved_on: changes.approvedOn } : {}),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', home.id)
    .execute();
  await recordAudit(session, [
    { action: 'create', entityType: 'HomeDecision', entityId: decision.id, purpose: input.outcome === 'approved' ? 'beslut: godkänt' : 'beslut: avslag' },
    { action: 'update', entityType: 'FosterHome', entityId: home.id, purpose: `beslut: status ${changes.status}` },
  ]);
  return toHomeDecision(decision);
}

/** The decision taken on each assessment that has one. */
export async function loadDecisionsByAssessment(session: Session, assessmentIds: readonly string[]): Promise<HomeDecision[]> {
  requireRole(session.actor, ...ASSESSMENT_READERS);
  if (assessmentIds.length === 0) return [];
  const rows = await session.db.selectFrom('home_decisions').selectAll().where('assessment_id', 'in', assessmentIds).execute();
  const decisions = rows.map(toHomeDecision);
  await auditNamedChildReads(session, decisions);
  return decisions;
}
