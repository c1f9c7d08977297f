import type { Selectable, SqlBool, Updateable } from 'kysely';
import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { DisputeEventsTable, DisputePartiesTable, DisputesTable, IsoDate } from '../db/tables.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { assertNotInFuture, todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { assertDeIdentified } from './de-identification.js';
import { DEVIATION_ROLES } from './deviations.js';
import { actionDay, actionDayInput, expectedVersionInput, idInput } from './input.js';
import {
  applyDisputeCommand,
  DISPUTE_SUBJECTS,
  type DisputeCommand,
  type DisputeLevel,
  type DisputeState,
  type DisputeStatus,
  type DisputeSubject,
} from './dispute-workflow.js';

/** Disputes are raised and worked on by the same Norrbus parties that report deviations. */
export const DISPUTE_ROLES = DEVIATION_ROLES;

/**
 * Everything written about a dispute reaches the steering group once it is escalated, and no
 * person is ever named in it: each text is checked for personnummer under this rule.
 */
export const DISPUTE_TEXT_RULE = 'DISPUTE_TEXT_IDENTIFIES';

export const DISPUTE_EVENT_KINDS = ['raised', 'position', 'escalated', 'resolved'] as const;
export type DisputeEventKind = (typeof DISPUTE_EVENT_KINDS)[number];

export const DISPUTE_ACTIONS = ['state_position', 'escalate', 'resolve'] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export interface Dispute {
  readonly id: string;
  readonly raisingOrganisationId: string;
  readonly raisedById: string;
  readonly county: string;
  readonly countyPart: string | null;
  readonly municipalityId: string;
  readonly subject: DisputeSubject;
  readonly intervention: string;
  readonly question: string;
  readonly raisedOn: IsoDate;
  readonly level: DisputeLevel;
  readonly status: DisputeStatus;
  readonly outcome: string | null;
  readonly resolvedOn: IsoDate | null;
  readonly version: number;
  readonly actions: readonly DisputeAction[];
}

export interface DisputeParty {
  readonly disputeId: string;
  readonly organisationId: string;
  readonly position: string | null;
  readonly statedOn: IsoDate | null;
}

export interface DisputeEvent {
  readonly id: string;
  readonly disputeId: string;
  readonly occurredOn: IsoDate;
  readonly kind: DisputeEventKind;
  readonly level: DisputeLevel;
  readonly organisationId: string;
  readonly userId: string;
  readonly note: string | null;
}

type DisputeRow = Selectable<DisputesTable> & { positions_missing: number | null; actor_is_party: SqlBool | null };

function selectDisputes(session: Session) {
  return session.db
    .selectFrom('disputes')
    .selectAll('disputes')
    .select((eb) => [
      eb
        .selectFrom('dispute_parties')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('dispute_parties.dispute_id', '=', 'disputes.id')
        .where('dispute_parties.position', 'is', null)
        .as('positions_missing'),
      eb
        .exists(
          eb
            .selectFrom('dispute_parties')
            .select('dispute_parties.organisation_id')
            .whereRef('dispute_parties.dispute_id', '=', 'disputes.id')
            .where('dispute_parties.organisation_id', '=', session.actor.organisationId),
        )
        .as('actor_is_party'),
    ]);
}

function disputeState(row: DisputeRow): DisputeState {
  return { level: row.level as DisputeLevel, status: row.status as DisputeStatus, positionsMissing: Number(row.positions_missing ?? 0) };
}

const ACTION_COMMANDS: ReadonlyArray<readonly [DisputeAction, DisputeCommand]> = [
  ['state_position', { type: 'state_position' }],
  ['escalate', { type: 'escalate' }],
  ['resolve', { type: 'resolve', by: 'parties' }],
];

/** What a party can do with the dispute now (the state machine's answer to each command). */
export function availableDisputeActions(state: DisputeState): DisputeAction[] {
  return ACTION_COMMANDS.filter(([, command]) => {
    try {
      applyDisputeCommand(state, command);
      return true;
    } catch {
      return false;
    }
  }).map(([action]) => action);
}

function toDispute(row: DisputeRow): Dispute {
  const state = disputeState(row);
  return {
    id: row.id,
    raisingOrganisationId: row.owner_org_id,
    raisedById: row.raised_by,
    county: row.county,
    countyPart: row.county_part,
    municipalityId: row.municipality_id,
    subject: row.subject as DisputeSubject,
    intervention: row.intervention,
    question: row.question,
    raisedOn: row.raised_on,
    level: state.level,
    status: state.status,
    outcome: row.outcome,
    resolvedOn: row.resolved_on,
    version: row.version,
    actions: row.actor_is_party ? availableDisputeActions(state) : [],
  };
}

export interface DisputeFilter {
  readonly status?: DisputeStatus | null;
}

/** The disputes the organisation is a party to (it raised them or was named), newest first. */
export async function listDisputes(session: Session, filter: DisputeFilter = {}): Promise<Dispute[]> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  let query = selectDisputes(session).orderBy('disputes.raised_on', 'desc').orderBy('disputes.id');
  if (filter.status) query = query.where('disputes.status', '=', filter.status);
  return (await query.execute()).map(toDispute);
}

export async function loadDisputes(session: Session, ids: readonly string[]): Promise<Dispute[]> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  if (ids.length === 0) return [];
  return (await selectDisputes(session).where('disputes.id', 'in', ids).execute()).map(toDispute);
}

async function getDisputeRow(session: Session, id: string): Promise<DisputeRow> {
  const row = await selectDisputes(session).where('disputes.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('Oenigheten');
  return row;
}

export async function getDispute(session: Session, id: string): Promise<Dispute> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  return toDispute(await getDisputeRow(session, id));
}

function toParty(row: Selectable<DisputePartiesTable>): DisputeParty {
  return { disputeId: row.dispute_id, organisationId: row.organisation_id, position: row.position, statedOn: row.stated_on };
}

export async function loadDisputePartiesByDispute(session: Session, disputeIds: readonly string[]): Promise<DisputeParty[]> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  if (disputeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('dispute_parties')
    .innerJoin('organisations', 'organisations.id', 'dispute_parties.organisation_id')
    .selectAll('dispute_parties')
    .where('dispute_parties.dispute_id', 'in', disputeIds)
    .orderBy('organisations.name')
    .execute();
  return rows.map(toParty);
}

function toEvent(row: Selectable<DisputeEventsTable>): DisputeEvent {
  return {
    id: row.id,
    disputeId: row.dispute_id,
    occurredOn: row.occurred_on,
    kind: row.kind as DisputeEventKind,
    level: row.level as DisputeLevel,
    organisationId: row.organisation_id,
    userId: row.user_id,
    note: row.note,
  };
}

export async function loadDisputeEventsByDispute(session: Session, disputeIds: readonly string[]): Promise<DisputeEvent[]> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  if (disputeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('dispute_events')
    .selectAll()
    .where('dispute_id', 'in', disputeIds)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEvent);
}


const raiseInput = z.object({
  municipalityId: idInput('Välj kommun.'),
  subject: z.enum(DISPUTE_SUBJECTS, { error: 'Ange om oenigheten gäller ansvar eller kostnad.' }),
  intervention: requiredText('Insatsen', 500),
  question: requiredText('Frågan', 4000),
  partyIds: z
    .array(idInput('Organisationen finns inte.'), { error: 'Välj de andra parterna.' })
    .min(1, { error: 'Välj minst en annan part.' })
    .max(10, { error: 'Välj högst 10 parter.' }),
  raisedOn: isoDate.nullish(),
});
export type RaiseDisputeInput = z.input<typeof raiseInput>;

/**
 * Raises a dispute about responsibility for an intervention or its cost. The raising organisation
 * is a party with the organisations it names; no text may identify a person.
 */
export async function raiseDispute(session: Session, rawInput: RaiseDisputeInput): Promise<Dispute> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  const input = parseInput(raiseInput, rawInput);
  const raisedOn = input.raisedOn ?? todayInSweden();
  assertNotInFuture(raisedOn, 'raisedOn');
  assertDeIdentified(`${input.intervention}\n${input.question}`, [], DISPUTE_TEXT_RULE);
  const municipality = await session.db
    .selectFrom('organisations')
    .select(['id', 'county', 'county_part'])
    .where('id', '=', input.municipalityId)
    .where('kind', '=', 'municipality')
    .executeTakeFirst();
  if (!municipality?.county) throw new ValidationError([{ path: 'municipalityId', message: 'Välj en kommun i ett län.' }]);
  const others = [...new Set(input.partyIds)].filter((id) => id !== session.actor.organisationId);
  if (others.length === 0) throw new ValidationError([{ path: 'partyIds', message: 'Välj minst en annan part än din egen organisation.' }]);
  const found = await session.db.selectFrom('organisations').select('id').where('id', 'in', others).execute();
  if (found.length !== others.length) throw new ValidationError([{ path: 'partyIds', message: 'En av parterna finns inte.' }]);
  const row = await session.db
    .insertInto('disputes')
    .values({
      owner_org_id: session.actor.organisationId,
      county: municipality.county,
      county_part: municipality.county_part,
      municipality_id: municipality.id,
      subject: input.subject,
      intervention: input.intervention,
      question: input.question,
      raised_on: raisedOn,
      raised_by: session.actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await session.db
    .insertInto('dispute_parties')
    .values([session.actor.organisationId, ...others].map((organisationId) => ({ dispute_id: row.id, organisation_id: organisationId })))
    .execute();
  await insertDisputeEvent(session, row.id, { kind: 'raised', level: 'management', occurredOn: raisedOn });
  await recordAudit(session, [{ action: 'create', entityType: 'Dispute', entityId: row.id, purpose: 'oenighet Norrbus' }]);
  return getDispute(session, row.id);
}

async function insertDisputeEvent(session: Session, disputeId: string, event: { kind: DisputeEventKind; level: DisputeLevel; occurredOn: IsoDate; note?: string | null }) {
  await session.db
    .insertInto('dispute_events')
    .values({
      dispute_id: disputeId,
      occurred_on: event.occurredOn,
      kind: event.kind,
      level: event.level,
      organisation_id: session.actor.organisationId,
      user_id: session.actor.userId,
      note: event.note ?? null,
    })
    .execute();
}

const versioned = {
  disputeId: idInput('Oenigheten finns inte.'),
  expectedVersion: expectedVersionInput,
  occurredOn: actionDayInput,
};

/**
 * Applies a command for a party: the state machine decides, then the dispute row (guarded by the
 * version the user saw), what `write` adds and a dated event are written together.
 */
async function changeDispute(
  session: Session,
  input: { disputeId: string; expectedVersion: number; occurredOn?: IsoDate | null | undefined },
  command: DisputeCommand,
  event: { kind: DisputeEventKind; note?: string | null },
  changes: (on: IsoDate) => Updateable<DisputesTable>,
): Promise<Dispute> {
  const current = await getDisputeRow(session, input.disputeId);
  if (!current.actor_is_party) throw new ForbiddenError('Bara parterna i oenigheten kan registrera i den.');
  if (input.expectedVersion !== current.version) throw new VersionConflictError('Oenigheten', current.version);
  const on = actionDay(input.occurredOn, current.raised_on, 'oenigheten togs upp');
  const next = applyDisputeCommand(disputeState(current), command);
  const row = await session.db
    .updateTable('disputes')
    .set({ ...changes(on), level: next.level, status: next.status, version: current.version + 1, updated_at: new Date() })
    .where('id', '=', current.id)
    .where('version', '=', current.version)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Oenigheten', current.version + 1);
  await insertDisputeEvent(session, current.id, { ...event, level: next.level, occurredOn: on });
  await recordAudit(session, [{ action: 'update', entityType: 'Dispute', entityId: current.id, purpose: 'oenighet Norrbus' }]);
  return getDispute(session, current.id);
}

const positionInput = z.object({ ...versioned, position: requiredText('Ståndpunkten', 4000) });
export type StateDisputePositionInput = z.input<typeof positionInput>;

/** A party states (or restates) its position while the dispute is open. */
export async function stateDisputePosition(session: Session, rawInput: StateDisputePositionInput): Promise<Dispute> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  const input = parseInput(positionInput, rawInput);
  assertDeIdentified(input.position, [], DISPUTE_TEXT_RULE);
  const dispute = await changeDispute(session, input, { type: 'state_position' }, { kind: 'position', note: input.position }, () => ({}));
  await session.db
    .updateTable('dispute_parties')
    .set({ position: input.position, stated_on: input.occurredOn ?? todayInSweden() })
    .where('dispute_id', '=', dispute.id)
    .where('organisation_id', '=', session.actor.organisationId)
    .execute();
  return getDispute(session, dispute.id);
}

const escalateInput = z.object(versioned);
export type EscalateDisputeInput = z.input<typeof escalateInput>;

/** Takes the dispute from the managements to the county level, once every party has stated its position. */
export async function escalateDispute(session: Session, rawInput: EscalateDisputeInput): Promise<Dispute> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  const input = parseInput(escalateInput, rawInput);
  return changeDispute(session, input, { type: 'escalate' }, { kind: 'escalated' }, () => ({}));
}

const resolveInput = z.object({ ...versioned, outcome: requiredText('Utfallet', 4000) });
export type ResolveDisputeInput = z.input<typeof resolveInput>;

/** The parties' managements record the outcome they agreed on (at county level the steering group does). */
export async function resolveDispute(session: Session, rawInput: ResolveDisputeInput): Promise<Dispute> {
  requireRole(session.actor, ...DISPUTE_ROLES);
  const input = parseInput(resolveInput, rawInput);
  assertDeIdentified(input.outcome, [], DISPUTE_TEXT_RULE);
  return changeDispute(session, input, { type: 'resolve', by: 'parties' }, { kind: 'resolved', note: input.outcome }, (on) => ({ outcome: input.outcome, resolved_on: on }));
}
