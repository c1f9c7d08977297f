import type { Selectable, SqlBool, Updateable } from 'kysely';
import { z } from 'zod';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { DeviationEventsTable, DeviationPartiesTable, DeviationsTable, IsoDate } from '../db/tables.js';
import { assertNotInFuture, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { assertDeIdentified, assertDeviationTextDoesNotNamePerson, meetingPersonNames } from './de-identification.js';
import { actionDay, actionDayInput, expectedVersionInput, idInput } from './input.js';
import {
  applyDeviationCommand,
  availableDeviationActions,
  DEVIATION_CATEGORIES,
  DEVIATION_LEVELS,
  effectiveDeviationStatus,
  type DeviationAction,
  type DeviationCategory,
  type DeviationCommand,
  type DeviationLevel,
  type DeviationState,
  type DeviationStatus,
} from './deviation-workflow.js';

/**
 * Everyone taking part in Norrbus may report a deviation and work on their organisation's: the
 * school and health care's Norrbus roles and the municipality's social services. Row-level
 * security limits the rows to the reporter, the municipality and the parties concerned.
 */
export const DEVIATION_ROLES = ['norrbus_convener', 'norrbus_participant', 'head_of_unit', 'child_social_worker'] as const;

export const DEVIATION_EVENT_KINDS = ['reported', 'analysed', 'cleared', 'escalated', 'decided', 'closed'] as const;
export type DeviationEventKind = (typeof DEVIATION_EVENT_KINDS)[number];

export interface Deviation {
  readonly id: string;
  readonly reportingOrganisationId: string;
  readonly reportedById: string;
  readonly county: string;
  readonly countyPart: string | null;
  readonly municipalityId: string;
  readonly meetingId: string | null;
  readonly category: DeviationCategory;
  readonly occurredOn: IsoDate;
  readonly reportedOn: IsoDate;
  /** What happened, in the reporter's words: stays at the local level. */
  readonly description: string;
  /** The de-identified summary cleared for use above the local level. */
  readonly clearedSummary: string | null;
  readonly clearedOn: IsoDate | null;
  readonly clearedById: string | null;
  readonly level: DeviationLevel;
  /** The status as it stands (see effectiveDeviationStatus). */
  readonly status: DeviationStatus;
  readonly closedOn: IsoDate | null;
  readonly version: number;
  /** What the acting organisation can do with it now. */
  readonly actions: readonly DeviationAction[];
}

export interface DeviationParty {
  readonly deviationId: string;
  readonly organisationId: string;
  readonly analysis: string | null;
  readonly analysedOn: IsoDate | null;
  readonly analysedById: string | null;
}

export interface DeviationEvent {
  readonly id: string;
  readonly deviationId: string;
  readonly occurredOn: IsoDate;
  readonly kind: DeviationEventKind;
  /** The level at the time (for an escalation, the level it was raised to). */
  readonly level: DeviationLevel;
  readonly organisationId: string;
  readonly userId: string;
  readonly decision: string | null;
}

type DeviationRow = Selectable<DeviationsTable> & { unanalysed: number | null; actor_party_unanalysed: SqlBool | null };

/** Deviations with what the acting organisation can see of their parties: how many have not analysed, and whether it is one of them. */
function selectDeviations(session: Session) {
  const organisationId = session.actor.organisationId;
  return session.db
    .selectFrom('deviations')
    .selectAll('deviations')
    .select((eb) => [
      eb
        .selectFrom('deviation_parties')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('deviation_parties.deviation_id', '=', 'deviations.id')
        .where('deviation_parties.analysed_on', 'is', null)
        .as('unanalysed'),
      eb
        .selectFrom('deviation_parties')
        .select((inner) => inner('deviation_parties.analysed_on', 'is', null).as('pending'))
        .whereRef('deviation_parties.deviation_id', '=', 'deviations.id')
        .where('deviation_parties.organisation_id', '=', organisationId)
        .as('actor_party_unanalysed'),
    ]);
}

function isManagedBy(row: Pick<Selectable<DeviationsTable>, 'owner_org_id' | 'municipality_id'>, organisationId: string): boolean {
  return row.owner_org_id === organisationId || row.municipality_id === organisationId;
}

function toDeviation(row: DeviationRow, organisationId: string): Deviation {
  const managing = isManagedBy(row, organisationId);
  const unanalysedParty = Boolean(row.actor_party_unanalysed);
  // Only the reporter and the municipality see every party's row; a party sees its own.
  const unanalysed = managing ? Number(row.unanalysed) : unanalysedParty ? 1 : 0;
  const stored = row.status as DeviationStatus;
  const status = managing ? effectiveDeviationStatus(stored, unanalysed) : stored;
  const state: DeviationState = { status, level: row.level as DeviationLevel, cleared: row.cleared_summary !== null, unanalysedParties: unanalysed };
  return {
    id: row.id,
    reportingOrganisationId: row.owner_org_id,
    reportedById: row.reported_by,
    county: row.county,
    countyPart: row.county_part,
    municipalityId: row.municipality_id,
    meetingId: row.meeting_id,
    category: row.category as DeviationCategory,
    occurredOn: row.occurred_on,
    reportedOn: row.reported_on,
    description: row.description,
    clearedSummary: row.cleared_summary,
    clearedOn: row.cleared_on,
    clearedById: row.cleared_by,
    level: state.level,
    status,
    closedOn: row.closed_on,
    version: row.version,
    actions: availableDeviationActions(state, { managing, unanalysedParty }),
  };
}

export interface DeviationFilter {
  readonly status?: DeviationStatus | null;
  readonly level?: DeviationLevel | null;
  readonly category?: DeviationCategory | null;
}

/** The deviations the organisation reported, is the municipality of, or is a party to; newest first. */
export async function listDeviations(session: Session, filter: DeviationFilter = {}): Promise<Deviation[]> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  let query = selectDeviations(session).orderBy('deviations.reported_on', 'desc').orderBy('deviations.occurred_on', 'desc').orderBy('deviations.id');
  if (filter.level) query = query.where('deviations.level', '=', filter.level);
  if (filter.category) query = query.where('deviations.category', '=', filter.category);
  const deviations = (await query.execute()).map((row) => toDeviation(row, session.actor.organisationId));
  // The effective status is known only after the parties are counted.
  return filter.status ? deviations.filter((deviation) => deviation.status === filter.status) : deviations;
}

export async function loadDeviations(session: Session, ids: readonly string[]): Promise<Deviation[]> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  if (ids.length === 0) return [];
  const rows = await selectDeviations(session).where('deviations.id', 'in', ids).execute();
  return rows.map((row) => toDeviation(row, session.actor.organisationId));
}

export async function getDeviation(session: Session, id: string): Promise<Deviation> {
  const [deviation] = await loadDeviations(session, [id]);
  if (!deviation) throw new NotFoundError('Avvikelsen');
  return deviation;
}

function toParty(row: Selectable<DeviationPartiesTable>): DeviationParty {
  return { deviationId: row.deviation_id, organisationId: row.organisation_id, analysis: row.analysis, analysedOn: row.analysed_on, analysedById: row.analysed_by };
}

/** The parties concerned of several deviations (a party sees its own row; the reporter and the municipality all). */
export async function loadDeviationPartiesByDeviation(session: Session, deviationIds: readonly string[]): Promise<DeviationParty[]> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  if (deviationIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('deviation_parties')
    .innerJoin('organisations', 'organisations.id', 'deviation_parties.organisation_id')
    .selectAll('deviation_parties')
    .where('deviation_parties.deviation_id', 'in', deviationIds)
    .orderBy('organisations.name')
    .execute();
  return rows.map(toParty);
}

function toEvent(row: Selectable<DeviationEventsTable>): DeviationEvent {
  return {
    id: row.id,
    deviationId: row.deviation_id,
    occurredOn: row.occurred_on,
    kind: row.kind as DeviationEventKind,
    level: row.level as DeviationLevel,
    organisationId: row.organisation_id,
    userId: row.user_id,
    decision: row.decision,
  };
}

/** The history of several deviations, oldest first. */
export async function loadDeviationEventsByDeviation(session: Session, deviationIds: readonly string[]): Promise<DeviationEvent[]> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  if (deviationIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('deviation_events')
    .selectAll()
    .where('deviation_id', 'in', deviationIds)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}

const longText = (label: string) => requiredText(label, 4000);
const occurredOn = actionDayInput;

const reportInput = z.object({
  municipalityId: idInput('Välj kommun.'),
  meetingId: idInput('Norrbusmötet finns inte.').nullish(),
  category: z.enum(DEVIATION_CATEGORIES, { error: 'Välj en kategori.' }),
  occurredOn: isoDate,
  description: longText('Beskrivningen'),
  partyIds: z
    .array(idInput('Organisationen finns inte.'), { error: 'Välj de berörda organisationerna.' })
    .min(1, { error: 'Välj minst en berörd organisation.' })
    .max(20, { error: 'Välj högst 20 berörda organisationer.' }),
});
export type ReportDeviationInput = z.input<typeof reportInput>;

/**
 * Reports a deviation for the municipality it happened in (its county and county part come with
 * it). When it concerns a Norrbus meeting, the meeting must be one the organisation takes part in;
 * of the young person only the gender is kept, for the yearly indicators.
 */
export async function reportDeviation(session: Session, rawInput: ReportDeviationInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(reportInput, rawInput);
  assertNotInFuture(input.occurredOn, 'occurredOn');
  const municipality = await session.db
    .selectFrom('organisations')
    .select(['id', 'county', 'county_part'])
    .where('id', '=', input.municipalityId)
    .where('kind', '=', 'municipality')
    .executeTakeFirst();
  if (!municipality) throw new ValidationError([{ path: 'municipalityId', message: 'Välj en kommun.' }]);
  if (!municipality.county) throw new ValidationError([{ path: 'municipalityId', message: 'Kommunen hör inte till något län i Samverka.' }]);
  const partyIds = [...new Set(input.partyIds)];
  const parties = await session.db.selectFrom('organisations').select('id').where('id', 'in', partyIds).execute();
  if (parties.length !== partyIds.length) throw new ValidationError([{ path: 'partyIds', message: 'En av de berörda organisationerna finns inte.' }]);
  const gender = input.meetingId ? await meetingGender(session, input.meetingId) : null;
  const today = todayInSweden();
  const row = await session.db
    .insertInto('deviations')
    .values({
      owner_org_id: session.actor.organisationId,
      county: municipality.county,
      county_part: municipality.county_part,
      municipality_id: municipality.id,
      meeting_id: input.meetingId ?? null,
      category: input.category,
      occurred_on: input.occurredOn,
      reported_on: today,
      description: input.description,
      gender,
      reported_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await session.db
    .insertInto('deviation_parties')
    .values(partyIds.map((organisationId) => ({ deviation_id: row.id, organisation_id: organisationId })))
    .execute();
  await insertEvent(session, row.id, { kind: 'reported', level: 'local', occurredOn: today });
  await recordAudit(session, [{ action: 'create', entityType: 'Deviation', entityId: row.id, purpose: 'avvikelse Norrbus' }]);
  return getDeviation(session, row.id);
}

/** The gender of the meeting's young person, read under row-level security (audited). */
async function meetingGender(session: Session, meetingId: string): Promise<string> {
  const person = await session.db
    .selectFrom('norrbus_meetings')
    .innerJoin('norrbus_persons', 'norrbus_persons.id', 'norrbus_meetings.person_id')
    .select(['norrbus_persons.id', 'norrbus_persons.gender'])
    .where('norrbus_meetings.id', '=', meetingId)
    .executeTakeFirst();
  if (!person) throw new NotFoundError('Norrbusmötet');
  await recordAudit(session, [{ action: 'read', entityType: 'NorrbusPerson', entityId: person.id, personId: person.id, purpose: 'kön till indikatorer för avvikelse' }]);
  return person.gender;
}

async function insertEvent(
  session: Session,
  deviationId: string,
  event: { kind: DeviationEventKind; level: DeviationLevel; occurredOn: IsoDate; decision?: string | null },
): Promise<void> {
  await session.db
    .insertInto('deviation_events')
    .values({
      deviation_id: deviationId,
      occurred_on: event.occurredOn,
      kind: event.kind,
      level: event.level,
      organisation_id: session.actor.organisationId,
      user_id: session.actor.userId,
      decision: event.decision ?? null,
    })
    .execute();
}

/** The day of an action: given or today, not ahead and not before the deviation was reported. */
function deviationDay(deviation: Deviation, day: IsoDate | null | undefined): IsoDate {
  return actionDay(day, deviation.reportedOn, 'avvikelsen rapporterades');
}

const analysisInput = z.object({
  deviationId: idInput('Avvikelsen finns inte.'),
  analysis: longText('Analysen'),
  occurredOn,
});
export type RecordDeviationAnalysisInput = z.input<typeof analysisInput>;

/** A party concerned records its analysis, once; when the last party has, the deviation is analysed. */
export async function recordDeviationAnalysis(session: Session, rawInput: RecordDeviationAnalysisInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(analysisInput, rawInput);
  const deviation = await getDeviation(session, input.deviationId);
  const organisationId = session.actor.organisationId;
  const party = await session.db
    .selectFrom('deviation_parties')
    .select('analysed_on')
    .where('deviation_id', '=', deviation.id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!party) throw new ForbiddenError('Bara de berörda organisationerna registrerar en analys av avvikelsen.');
  if (party.analysed_on !== null) throw new RuleViolationError('DEVIATION_ALREADY_ANALYSED', 'Din organisation har redan registrerat sin analys av avvikelsen.');
  const on = deviationDay(deviation, input.occurredOn);
  const managing = await isManaging(session, deviation.id);
  const before = await deviationState(session, deviation);
  const after = applyDeviationCommand(before, { type: 'analyse' });
  const updated = await session.db
    .updateTable('deviation_parties')
    .set({ analysis: input.analysis, analysed_on: on, analysed_by: session.actor.userId })
    .where('deviation_id', '=', deviation.id)
    .where('organisation_id', '=', organisationId)
    .where('analysed_on', 'is', null)
    .returning('deviation_id')
    .executeTakeFirst();
  if (!updated) throw new RuleViolationError('DEVIATION_ALREADY_ANALYSED', 'Din organisation har redan registrerat sin analys av avvikelsen.');
  await insertEvent(session, deviation.id, { kind: 'analysed', level: deviation.level, occurredOn: on });
  // A party that is neither the reporter nor the municipality may not change the row; the next
  // change by one of them stores the analysed status (it is shown as analysed meanwhile).
  if (managing && after.status !== before.status) {
    await session.db
      .updateTable('deviations')
      .set((eb) => ({ status: after.status, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', deviation.id)
      .execute();
  }
  await recordAudit(session, [{ action: 'update', entityType: 'Deviation', entityId: deviation.id, purpose: 'analys av avvikelse' }]);
  return getDeviation(session, deviation.id);
}

async function isManaging(session: Session, deviationId: string): Promise<boolean> {
  const row = await session.db.selectFrom('deviations').select(['owner_org_id', 'municipality_id']).where('id', '=', deviationId).executeTakeFirstOrThrow();
  return isManagedBy(row, session.actor.organisationId);
}

/** The state machine's view of a deviation the acting organisation manages (it sees every party). */
async function deviationState(session: Session, deviation: Deviation): Promise<DeviationState> {
  const pending = await session.db
    .selectFrom('deviation_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deviation_id', '=', deviation.id)
    .where('analysed_on', 'is', null)
    .executeTakeFirstOrThrow();
  return { status: deviation.status, level: deviation.level, cleared: deviation.clearedSummary !== null, unanalysedParties: Number(pending.n) };
}

/** Refuses unless the acting organisation reported the deviation or is its municipality. */
async function assertManaging(session: Session, deviation: Deviation, what: string): Promise<void> {
  if (!(await isManaging(session, deviation.id))) {
    throw new ForbiddenError(`Bara den rapporterande organisationen eller kommunen ${what}.`);
  }
}

/**
 * Applies a command to a deviation the acting organisation manages: the state machine decides,
 * then the row (guarded by the version the user saw) and a dated event are written together.
 */
async function changeDeviation(
  session: Session,
  deviation: Deviation,
  expectedVersion: number,
  command: DeviationCommand,
  event: { kind: DeviationEventKind; occurredOn: IsoDate; decision?: string | null },
  changes: (next: DeviationState) => Updateable<DeviationsTable> = () => ({}),
): Promise<Deviation> {
  if (expectedVersion !== deviation.version) throw new VersionConflictError('Avvikelsen', deviation.version);
  const next = applyDeviationCommand(await deviationState(session, deviation), command);
  const row = await session.db
    .updateTable('deviations')
    .set({ ...changes(next), status: next.status, level: next.level, version: deviation.version + 1, updated_at: new Date() })
    .where('id', '=', deviation.id)
    .where('version', '=', deviation.version)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Avvikelsen', deviation.version + 1);
  await insertEvent(session, deviation.id, { ...event, level: next.level });
  await recordAudit(session, [{ action: 'update', entityType: 'Deviation', entityId: deviation.id, purpose: 'avvikelse Norrbus' }]);
  return getDeviation(session, deviation.id);
}

const versioned = {
  deviationId: idInput('Avvikelsen finns inte.'),
  expectedVersion: expectedVersionInput,
  occurredOn,
};

const clearInput = z.object({ ...versioned, summary: requiredText('Sammanfattningen', 2000) });
export type ClearDeviationSummaryInput = z.input<typeof clearInput>;

/**
 * The reporter or the municipality writes the de-identified summary that may go above the local
 * level. It is refused if it contains a personnummer or the name of the meeting's young person.
 */
export async function clearDeviationSummary(session: Session, rawInput: ClearDeviationSummaryInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(clearInput, rawInput);
  const deviation = await getDeviation(session, input.deviationId);
  await assertManaging(session, deviation, 'godkänner en avidentifierad sammanfattning');
  assertDeIdentified(input.summary, await meetingPersonNames(session, deviation.meetingId), 'DEVIATION_SUMMARY_IDENTIFIES');
  await assertDeviationTextDoesNotNamePerson(session, deviation.id, input.summary, 'DEVIATION_SUMMARY_IDENTIFIES');
  const on = deviationDay(deviation, input.occurredOn);
  return changeDeviation(session, deviation, input.expectedVersion, { type: 'clear' }, { kind: 'cleared', occurredOn: on }, () => ({
    cleared_summary: input.summary,
    cleared_by: session.actor.userId,
    cleared_on: on,
  }));
}

const escalateInput = z.object({ ...versioned, to: z.enum(DEVIATION_LEVELS, { error: 'Välj nivå.' }) });
export type EscalateDeviationInput = z.input<typeof escalateInput>;

/** Lifts the deviation one level up (local → county part → county); only with a cleared summary. */
export async function escalateDeviation(session: Session, rawInput: EscalateDeviationInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(escalateInput, rawInput);
  const deviation = await getDeviation(session, input.deviationId);
  await assertManaging(session, deviation, 'lyfter avvikelsen');
  const on = deviationDay(deviation, input.occurredOn);
  return changeDeviation(session, deviation, input.expectedVersion, { type: 'escalate', to: input.to }, { kind: 'escalated', occurredOn: on });
}

const decideInput = z.object({ ...versioned, decision: longText('Beslutet') });
export type DecideDeviationActionInput = z.input<typeof decideInput>;

/**
 * Records the decision on actions of the local forum (at local level) or of the county part's
 * group (at county-part level). A decision above the local level is seen by the steering group, so
 * it is checked like the summary.
 */
export async function decideDeviationAction(session: Session, rawInput: DecideDeviationActionInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(decideInput, rawInput);
  const deviation = await getDeviation(session, input.deviationId);
  await assertManaging(session, deviation, 'registrerar beslut om åtgärder');
  if (deviation.level !== 'local') {
    assertDeIdentified(input.decision, await meetingPersonNames(session, deviation.meetingId), 'DEVIATION_DECISION_IDENTIFIES');
    await assertDeviationTextDoesNotNamePerson(session, deviation.id, input.decision, 'DEVIATION_DECISION_IDENTIFIES');
  }
  const on = deviationDay(deviation, input.occurredOn);
  return changeDeviation(session, deviation, input.expectedVersion, { type: 'decide', by: 'forum' }, { kind: 'decided', occurredOn: on, decision: input.decision });
}

const closeInput = z.object(versioned);
export type CloseDeviationInput = z.input<typeof closeInput>;

/** Closes a deviation whose action has been decided. */
export async function closeDeviation(session: Session, rawInput: CloseDeviationInput): Promise<Deviation> {
  requireRole(session.actor, ...DEVIATION_ROLES);
  const input = parseInput(closeInput, rawInput);
  const deviation = await getDeviation(session, input.deviationId);
  await assertManaging(session, deviation, 'avslutar avvikelsen');
  const on = deviationDay(deviation, input.occurredOn);
  return changeDeviation(session, deviation, input.expectedVersion, { type: 'close' }, { kind: 'closed', occurredOn: on }, () => ({ closed_on: on }));
}
