import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { hasRole, type Actor, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { ChildrenTable, GuardiansTable, IsoDate } from '../db/tables.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { ageOn, todayInSweden } from '../shared/dates.js';
import { personalIdentityNumber } from '../shared/personal-identity.js';
import { parseInput, requiredText } from '../shared/validation.js';
import {
  CHILD_GENDERS,
  GUARDIAN_RELATIONS,
  childIdentityFields,
  resolveChildIdentity,
  type ChildGender,
  type ChildIdentity,
  type ChildIdentityKind,
  type GuardianRelation,
} from './children.js';

/** Who works a child's case: the placing municipality's social workers and heads of unit. */
export const CASE_ROLES = ['child_social_worker', 'head_of_unit'] as const;
/** Who may read a child: the case workers, and the unit's staff for a child placed in its homes (RLS). */
export const CHILD_READERS = ['child_social_worker', 'head_of_unit', 'foster_care_worker'] as const;

/** A child's case is the placing municipality's: only its social services may open or change it. */
export function requireCaseWorker(actor: Actor): void {
  if (actor.organisationKind !== 'municipality' || !hasRole(actor, ...CASE_ROLES)) {
    throw new ForbiddenError('Bara barnets placerande kommun (barnsekreterare och enhetschef) arbetar med barnets ärende.');
  }
}

export function requireChildReader(actor: Actor): void {
  if (!hasRole(actor, ...CHILD_READERS)) throw new ForbiddenError();
}

/** A child (barn) as the actor may see it: the placing municipality sees the whole record. */
export interface Child {
  readonly id: string;
  /** The placing municipality (placerande kommun). */
  readonly ownerId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Null unless the actor acts for the placing municipality: the unit sees name and age only. */
  readonly identity: ChildIdentity | null;
  /** For the age; never shown to anyone but the placing municipality. */
  readonly birthDate: IsoDate;
  readonly assignedWorkerId: string | null;
  readonly version: number;
  readonly updatedAt: Date;
}

export interface Guardian {
  readonly id: string;
  readonly childId: string;
  readonly name: string;
  readonly personalIdentityNumber: string | null;
  readonly relation: GuardianRelation;
}

/** A social worker or head of unit of the municipality, who can be a child's worker (handläggare). */
export interface CaseWorker {
  readonly id: string;
  readonly displayName: string;
}

const childColumns = [
  'id',
  'owner_org_id',
  'given_name',
  'family_name',
  'identity_kind',
  'personal_identity_number',
  'birth_date',
  'gender',
  'assigned_worker_id',
  'version',
  'updated_at',
] as const;
export type ChildRow = Pick<Selectable<ChildrenTable>, (typeof childColumns)[number]>;

export function toChild(row: ChildRow, actor: Actor): Child {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    givenName: row.given_name,
    familyName: row.family_name,
    identity:
      row.owner_org_id === actor.organisationId
        ? { kind: row.identity_kind as ChildIdentityKind, number: row.personal_identity_number, birthDate: row.birth_date, gender: row.gender as ChildGender }
        : null,
    birthDate: row.birth_date,
    assignedWorkerId: row.assigned_worker_id,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Completed years today. */
export function ageOfChild(child: Pick<Child, 'birthDate'>, day: IsoDate = todayInSweden()): number {
  return ageOn(child.birthDate, day);
}

function toGuardian(row: Pick<Selectable<GuardiansTable>, 'id' | 'child_id' | 'name' | 'personal_identity_number' | 'relation'>): Guardian {
  return { id: row.id, childId: row.child_id, name: row.name, personalIdentityNumber: row.personal_identity_number, relation: row.relation as GuardianRelation };
}

export function auditChildReads(session: Session, childIds: readonly string[], purpose: string): Promise<void> {
  return recordAudit(session, childIds.map((id) => ({ action: 'read' as const, entityType: 'Child', entityId: id, personId: id, purpose })));
}

/** The children with these ids that the actor may see (RLS), each read audited. */
export async function loadChildren(session: Session, ids: readonly string[]): Promise<Child[]> {
  requireChildReader(session.actor);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('children').select(childColumns).where('id', 'in', ids).execute();
  await auditChildReads(session, rows.map((row) => row.id), 'barnets akt');
  return rows.map((row) => toChild(row, session.actor));
}

/** The child's row when the actor's municipality placed it, else NotFound (RLS hides the rest too). */
export async function loadOwnChildRow(session: Session, childId: string): Promise<ChildRow> {
  const row = await session.db
    .selectFrom('children')
    .select(childColumns)
    .where('id', '=', childId)
    .where('owner_org_id', '=', session.actor.organisationId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Barnet');
  return row;
}

export interface ChildListOptions {
  readonly search?: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** The municipality's own children, by family and given name, searched in names and number. */
export async function listChildren(session: Session, options: ChildListOptions): Promise<{ children: Child[]; totalCount: number }> {
  requireCaseWorker(session.actor);
  let query = session.db.selectFrom('children').where('owner_org_id', '=', session.actor.organisationId);
  const search = options.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('given_name', 'ilike', pattern),
        eb('family_name', 'ilike', pattern),
        eb(sql<string>`given_name || ' ' || family_name`, 'ilike', pattern),
        eb('personal_identity_number', 'ilike', pattern.replace(/-/g, '')),
      ]),
    );
  }
  const rows = await query
    .select([...childColumns, sql<number>`count(*) over ()`.as('total_count')])
    .orderBy('family_name')
    .orderBy('given_name')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  let totalCount = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && options.offset > 0) totalCount = (await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
  await auditChildReads(session, rows.map((row) => row.id), 'barnregistret');
  return { children: rows.map((row) => toChild(row, session.actor)), totalCount: Number(totalCount) };
}

/** The guardians of the children (vårdnadshavare): the placing municipality's alone, each read audited. */
export async function loadGuardiansByChild(session: Session, childIds: readonly string[]): Promise<Guardian[]> {
  requireCaseWorker(session.actor);
  if (childIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('guardians')
    .select(['id', 'child_id', 'name', 'personal_identity_number', 'relation'])
    .where('child_id', 'in', childIds)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  await recordAudit(session, rows.map((row) => ({ action: 'read' as const, entityType: 'Guardian', entityId: row.id, personId: row.id, purpose: 'barnets akt' })));
  return rows.map(toGuardian);
}

function caseWorkersOfOrganisation(session: Session) {
  return session.db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .distinct()
    .where('memberships.organisation_id', '=', session.actor.organisationId)
    .where('memberships.role', 'in', CASE_ROLES);
}

/** The municipality's social workers and heads of unit, who can be a child's worker. */
export async function listCaseWorkers(session: Session): Promise<CaseWorker[]> {
  requireCaseWorker(session.actor);
  const rows = await caseWorkersOfOrganisation(session).orderBy('users.display_name').execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

export async function loadCaseWorkers(session: Session, userIds: readonly string[]): Promise<CaseWorker[]> {
  requireCaseWorker(session.actor);
  if (userIds.length === 0) return [];
  const rows = await session.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute();
  return rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

/** A worker named on a case must be a social worker or head of unit of the actor's municipality. */
export async function assertCaseWorker(session: Session, userId: string, path: string): Promise<void> {
  const found = await caseWorkersOfOrganisation(session).where('users.id', '=', userId).executeTakeFirst();
  if (!found) throw new ValidationError([{ path, message: 'Välj en barnsekreterare eller enhetschef i din kommun.' }]);
}

const guardianInput = z.object({
  name: requiredText('Vårdnadshavarens namn', 200),
  personalIdentityNumber: personalIdentityNumber.nullish(),
  relation: z.enum(GUARDIAN_RELATIONS, { error: 'Välj förälder, särskilt förordnad vårdnadshavare eller annan.' }),
});
const guardianList = z.array(guardianInput).max(4, { error: 'Ett barn kan ha högst fyra vårdnadshavare registrerade.' });
const workerId = z.string({ error: 'Välj barnets handläggare.' }).uuid({ error: 'Välj barnets handläggare.' });

const registerChildInput = z.object({
  ...childIdentityFields,
  givenName: requiredText('Förnamn', 100),
  familyName: requiredText('Efternamn', 100),
  guardians: guardianList.default([]),
  assignedWorkerId: workerId,
});
export type RegisterChildInput = z.input<typeof registerChildInput>;

function identityOrThrow(input: Parameters<typeof resolveChildIdentity>[0]): ChildIdentity {
  const resolved = resolveChildIdentity(input);
  if (!resolved.identity) throw new ValidationError(resolved.issues);
  return resolved.identity;
}

/** A second record for the same number would split the child's case in two. */
async function assertNumberFree(session: Session, number: string, exceptChildId: string | null): Promise<void> {
  let query = session.db.selectFrom('children').select('id').where('owner_org_id', '=', session.actor.organisationId).where('personal_identity_number', '=', number);
  if (exceptChildId) query = query.where('id', '!=', exceptChildId);
  if (await query.executeTakeFirst()) {
    throw new ValidationError([{ path: 'identityNumber', message: 'Kommunen har redan ett barn med det numret. Sök fram barnet i stället.' }]);
  }
}

async function insertGuardians(session: Session, childId: string, guardians: z.output<typeof guardianList>): Promise<string[]> {
  if (guardians.length === 0) return [];
  const rows = await session.db
    .insertInto('guardians')
    .values(
      guardians.map((guardian) => ({
        owner_org_id: session.actor.organisationId,
        child_id: childId,
        name: guardian.name,
        personal_identity_number: guardian.personalIdentityNumber ?? null,
        relation: guardian.relation,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Registers a child of the actor's municipality with its guardians and worker, audited. */
export async function registerChild(session: Session, rawInput: RegisterChildInput): Promise<Child> {
  requireCaseWorker(session.actor);
  const input = parseInput(registerChildInput, rawInput);
  const identity = identityOrThrow(input);
  await assertCaseWorker(session, input.assignedWorkerId, 'assignedWorkerId');
  await assertNumberFree(session, identity.number, null);
  const row = await session.db
    .insertInto('children')
    .values({
      owner_org_id: session.actor.organisationId,
      given_name: input.givenName,
      family_name: input.familyName,
      identity_kind: identity.kind,
      personal_identity_number: identity.number,
      birth_date: identity.birthDate,
      gender: identity.gender,
      assigned_worker_id: input.assignedWorkerId,
    })
    .returning(childColumns)
    .executeTakeFirstOrThrow();
  const guardianIds = await insertGuardians(session, row.id, input.guardians);
  await recordAudit(session, [
    { action: 'create', entityType: 'Child', entityId: row.id, personId: row.id },
    ...guardianIds.map((id) => ({ action: 'create' as const, entityType: 'Guardian', entityId: id, personId: id })),
  ]);
  return toChild(row, session.actor);
}

const updateChildInput = z
  .object({
    id: z.string().uuid({ error: 'Barnet finns inte.' }),
    expectedVersion: z.number().int().positive(),
    givenName: requiredText('Förnamn', 100).optional(),
    familyName: requiredText('Efternamn', 100).optional(),
    gender: z.enum(CHILD_GENDERS, { error: 'Välj flicka, pojke eller annan könsidentitet.' }).optional(),
    /** A new identity replaces the old as a whole, e.g. when a child with a reserve number gets a personnummer. */
    identity: z.object(childIdentityFields).optional(),
    /** The whole list: replaces the guardians recorded before. */
    guardians: guardianList.optional(),
    assignedWorkerId: workerId.optional(),
  });
export type UpdateChildInput = z.input<typeof updateChildInput>;

/** Changes a child's record if nobody else has changed it since `expectedVersion` was read. */
export async function updateChild(session: Session, rawInput: UpdateChildInput): Promise<Child> {
  requireCaseWorker(session.actor);
  const input = parseInput(updateChildInput, rawInput);
  const current = await loadOwnChildRow(session, input.id);
  // A new number keeps the child's recorded gender unless another is given: the number's is only a default.
  const identity = input.identity ? identityOrThrow({ ...input.identity, gender: input.identity.gender ?? input.gender ?? (current.gender as ChildGender) }) : null;
  if (identity) await assertNumberFree(session, identity.number, input.id);
  if (input.assignedWorkerId) await assertCaseWorker(session, input.assignedWorkerId, 'assignedWorkerId');
  const changes = {
    ...(input.givenName !== undefined ? { given_name: input.givenName } : {}),
    ...(input.familyName !== undefined ? { family_name: input.familyName } : {}),
    ...(identity ? { identity_kind: identity.kind, personal_identity_number: identity.number, birth_date: identity.birthDate, gender: identity.gender } : {}),
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
    ...(input.assignedWorkerId !== undefined ? { assigned_worker_id: input.assignedWorkerId } : {}),
  };
  if (Object.keys(changes).length === 0 && input.guardians === undefined) {
    throw new ValidationError([{ path: '', message: 'Inga ändringar att spara.' }]);
  }
  const updated = await session.db
    .updateTable('children')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning(childColumns)
    .executeTakeFirst();
  if (!updated) throw new VersionConflictError('Barnets uppgifter', current.version);
  let guardianEntries: Array<{ action: 'create' | 'delete'; entityType: string; entityId: string; personId: string }> = [];
  if (input.guardians !== undefined) {
    const removed = await session.db.deleteFrom('guardians').where('child_id', '=', input.id).returning('id').execute();
    const added = await insertGuardians(session, input.id, input.guardians);
    guardianEntries = [
      ...removed.map((row) => ({ action: 'delete' as const, entityType: 'Guardian', entityId: row.id, personId: row.id })),
      ...added.map((id) => ({ action: 'create' as const, entityType: 'Guardian', entityId: id, personId: id })),
    ];
  }
  await recordAudit(session, [
    { action: 'update', entityType: 'Child', entityId: input.id, personId: input.id, purpose: [...Object.keys(changes), ...(input.guardians ? ['guardians'] : [])].join(',') },
    ...guardianEntries,
  ]);
  return toChild(updated, session.actor);
}
