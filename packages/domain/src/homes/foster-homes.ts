import { sql, type Selectable } from 'kysely';
import type { FosterHomesTable } from '../db/tables.js';
import { z } from 'zod';
import { hasRole, requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { personalIdentityNumber } from '../shared/personal-identity.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { languageList } from '../matching/languages.js';

export const FOSTER_HOME_KINDS = ['own', 'network', 'emergency', 'consultant_supported', 'treatment'] as const;
export type FosterHomeKind = (typeof FOSTER_HOME_KINDS)[number];
export const FOSTER_HOME_STATUSES = ['recruiting', 'active', 'paused', 'closed'] as const;
export type FosterHomeStatus = (typeof FOSTER_HOME_STATUSES)[number];
export const HOUSEHOLD_ROLES = ['adult', 'child', 'other'] as const;
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number];

export interface FosterHome {
  readonly id: string;
  readonly ownerId: string;
  readonly kind: FosterHomeKind;
  readonly name: string;
  readonly streetAddress: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  /** The municipality the home lies in. */
  readonly municipalityId: string;
  readonly places: number;
  readonly status: FosterHomeStatus;
  readonly approvedById: string | null;
  readonly approvedOn: string | null;
  readonly consultancyAgencyId: string | null;
  /** Languages spoken in the home (lower case), for matching a child's language. */
  readonly languages: readonly string[];
  readonly version: number;
  readonly updatedAt: Date;
}

export interface HouseholdMember {
  readonly id: string;
  readonly fosterHomeId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly personalIdentityNumber: string;
  readonly role: HouseholdRole;
}

const homeColumns = [
  'id',
  'owner_org_id',
  'kind',
  'name',
  'street_address',
  'postal_code',
  'city',
  'municipality_id',
  'places',
  'status',
  'approved_by_org_id',
  'approved_on',
  'consultancy_agency_id',
  'languages',
  'version',
  'updated_at',
] as const;

type HomeRow = Pick<Selectable<FosterHomesTable>, (typeof homeColumns)[number]>;

function toFosterHome(row: HomeRow): FosterHome {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    kind: row.kind as FosterHomeKind,
    name: row.name,
    streetAddress: row.street_address,
    postalCode: row.postal_code,
    city: row.city,
    municipalityId: row.municipality_id,
    places: row.places,
    status: row.status as FosterHomeStatus,
    approvedById: row.approved_by_org_id,
    approvedOn: row.approved_on,
    consultancyAgencyId: row.consultancy_agency_id,
    languages: row.languages,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** Who may see the register: the people who recruit, place and lead; never Norrbus or the steering group. */
const REGISTER_READERS = ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'] as const;
/** Who may change a home or see its household: the owner's foster-care staff (RLS limits to the owner). */
const REGISTER_KEEPERS = ['foster_care_worker', 'head_of_unit'] as const;

export interface FosterHomeFilter {
  readonly kind?: FosterHomeKind | null;
  readonly status?: FosterHomeStatus | null;
  readonly ownerId?: string | null;
  readonly municipalityId?: string | null;
  readonly search?: string | null;
}

function filteredFosterHomes(session: Session, filter: FosterHomeFilter) {
  let query = session.db.selectFrom('foster_homes');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  // Families in recruitment are not yet foster homes: the register shows them only when asked for.
  query = filter.status ? query.where('status', '=', filter.status) : query.where('status', '!=', 'recruiting');
  if (filter.ownerId) query = query.where('owner_org_id', '=', filter.ownerId);
  if (filter.municipalityId) query = query.where('municipality_id', '=', filter.municipalityId);
  const search = filter.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('city', 'ilike', pattern)]));
  }
  return query;
}

/** One page of the register (what RLS lets the actor see), with the total in the same round trip. */
export async function listFosterHomes(
  session: Session,
  options: { filter?: FosterHomeFilter; limit: number; offset: number },
): Promise<{ homes: FosterHome[]; totalCount: number }> {
  requireRole(session.actor, ...REGISTER_READERS);
  const query = filteredFosterHomes(session, options.filter ?? {});
  const rows = await query
    .select([...homeColumns, sql<number>`count(*) over ()`.as('total_count')])
    .orderBy('name')
    .orderBy('id')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  let totalCount = rows[0]?.total_count ?? 0;
  if (rows.length === 0 && options.offset > 0) {
    const counted = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    totalCount = counted.n;
  }
  return { homes: rows.map(toFosterHome), totalCount: Number(totalCount) };
}

export async function loadFosterHomes(session: Session, ids: readonly string[]): Promise<FosterHome[]> {
  requireRole(session.actor, ...REGISTER_READERS);
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('foster_homes').select(homeColumns).where('id', 'in', ids).execute()).map(toFosterHome);
}

/** The households of several homes. Reading a person's data is audited, one row per person. */
export async function loadHouseholdMembersByHome(session: Session, homeIds: readonly string[]): Promise<HouseholdMember[]> {
  if (!hasRole(session.actor, ...REGISTER_KEEPERS, 'administrator')) throw new ForbiddenError('Bara familjehemsenheten ser vilka som bor i ett familjehem.');
  if (homeIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('household_members')
    .select(['id', 'foster_home_id', 'given_name', 'family_name', 'personal_identity_number', 'role'])
    .where('foster_home_id', 'in', homeIds)
    .orderBy('role')
    .orderBy('given_name')
    .execute();
  await recordAudit(
    session,
    rows.map((row) => ({
      action: 'read' as const,
      entityType: 'HouseholdMember',
      entityId: row.id,
      personId: row.id,
      purpose: 'familjehemsregistret',
    })),
  );
  return rows.map((row) => ({
    id: row.id,
    fosterHomeId: row.foster_home_id,
    givenName: row.given_name,
    familyName: row.family_name,
    personalIdentityNumber: row.personal_identity_number,
    role: row.role as HouseholdRole,
  }));
}

const postalCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{2}$/, { error: 'Postnumret ska ha fem siffror, till exempel 711 30.' });
const places = z
  .number({ error: 'Ange antal platser.' })
  .int({ error: 'Antal platser ska vara ett heltal.' })
  .min(0, { error: 'Antal platser kan inte vara negativt.' })
  .max(20, { error: 'Ett familjehem kan ha högst 20 platser.' });

const householdMemberInput = z.object({
  givenName: requiredText('Förnamn', 100),
  familyName: requiredText('Efternamn', 100),
  personalIdentityNumber,
  role: z.enum(HOUSEHOLD_ROLES),
});

/** The name, address, municipality and household of a new home, however it enters the register. */
export const newFosterHomeFields = {
  name: requiredText('Namnet'),
  streetAddress: z.string().trim().max(200).nullish(),
  postalCode: postalCode.nullish(),
  city: z.string().trim().max(100).nullish(),
  municipalityId: z.string({ error: 'Ange vilken kommun hemmet ligger i.' }).uuid({ error: 'Ange vilken kommun hemmet ligger i.' }),
  householdMembers: z.array(householdMemberInput).max(20).default([]),
};

const createFosterHomeInput = z
  .object({
    kind: z.enum(FOSTER_HOME_KINDS, { error: 'Välj en typ av familjehem.' }),
    ...newFosterHomeFields,
    places,
    approvedById: z.string().uuid().nullish(),
    approvedOn: isoDate.nullish(),
    consultancyAgencyId: z.string().uuid().nullish(),
  })
  .refine((input) => (input.kind === 'consultant_supported') === Boolean(input.consultancyAgencyId), {
    error: 'Ett konsulentstött familjehem ska ha en konsulentverksamhet, och bara ett sådant.',
    path: ['consultancyAgencyId'],
  })
  .refine((input) => Boolean(input.approvedById) === Boolean(input.approvedOn), {
    error: 'Ange både vilken nämnd som godkänt hemmet och datum för beslutet.',
    path: ['approvedOn'],
  });
export type CreateFosterHomeInput = z.input<typeof createFosterHomeInput>;

export async function createFosterHome(session: Session, rawInput: CreateFosterHomeInput): Promise<FosterHome> {
  requireRole(session.actor, ...REGISTER_KEEPERS);
  const input = parseInput(createFosterHomeInput, rawInput);
  return insertFosterHome(session, { ...input, status: 'active' });
}

/** A validated new home (see newFosterHomeFields) with its kind, places, status and any approval. */
export type NewFosterHome = z.output<z.ZodObject<typeof newFosterHomeFields>> & {
  readonly kind: FosterHomeKind;
  readonly places: number;
  readonly status: FosterHomeStatus;
  readonly approvedById?: string | null | undefined;
  readonly approvedOn?: string | null | undefined;
  readonly consultancyAgencyId?: string | null | undefined;
};

/**
 * Writes a validated new home and its household, owned by the actor's organisation, and audits
 * it: the one insert behind the register's createFosterHome and recruitment's inquiry.
 */
export async function insertFosterHome(session: Session, input: NewFosterHome): Promise<FosterHome> {
  requireRole(session.actor, ...REGISTER_KEEPERS);
  await assertReferencesExist(session, input);
  const ownerId = session.actor.organisationId;
  const row = await session.db
    .insertInto('foster_homes')
    .values({
      owner_org_id: ownerId,
      kind: input.kind,
      name: input.name,
      street_address: input.streetAddress ?? null,
      postal_code: input.postalCode ?? null,
      city: input.city ?? null,
      municipality_id: input.municipalityId,
      places: input.places,
      status: input.status,
      approved_by_org_id: input.approvedById ?? null,
      approved_on: input.approvedOn ?? null,
      consultancy_agency_id: input.consultancyAgencyId ?? null,
    })
    .returning(homeColumns)
    .executeTakeFirstOrThrow();
  const members =
    input.householdMembers.length === 0
      ? []
      : await session.db
          .insertInto('household_members')
          .values(
            input.householdMembers.map((member) => ({
              owner_org_id: ownerId,
              foster_home_id: row.id,
              given_name: member.givenName,
              family_name: member.familyName,
              personal_identity_number: member.personalIdentityNumber,
              role: member.role,
            })),
          )
          .returning('id')
          .execute();
  await recordAudit(session, [
    { action: 'create', entityType: 'FosterHome', entityId: row.id },
    ...members.map((m) => ({ action: 'create' as const, entityType: 'HouseholdMember', entityId: m.id, personId: m.id })),
  ]);
  return toFosterHome(row);
}

/** The home lies in a municipality, was approved by a municipality's committee, and its agency is registered. */
async function assertReferencesExist(
  session: Session,
  input: { municipalityId: string; approvedById?: string | null | undefined; consultancyAgencyId?: string | null | undefined },
): Promise<void> {
  const issues: Array<{ path: string; message: string }> = [];
  const location = await session.db.selectFrom('organisations').select('kind').where('id', '=', input.municipalityId).executeTakeFirst();
  if (location?.kind !== 'municipality') issues.push({ path: 'municipalityId', message: 'Ange vilken kommun hemmet ligger i.' });
  if (input.approvedById) {
    const approver = await session.db.selectFrom('organisations').select('kind').where('id', '=', input.approvedById).executeTakeFirst();
    if (approver?.kind !== 'municipality') issues.push({ path: 'approvedById', message: 'Den nämnd som godkänt hemmet måste vara en kommuns nämnd.' });
  }
  if (input.consultancyAgencyId) {
    const agency = await session.db.selectFrom('consultancy_agencies').select('id').where('id', '=', input.consultancyAgencyId).executeTakeFirst();
    if (!agency) issues.push({ path: 'consultancyAgencyId', message: 'Konsulentverksamheten finns inte i registret.' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

const updateFosterHomeInput = z.object({
  id: z.string().uuid({ error: 'Familjehemmet finns inte.' }),
  expectedVersion: z.number().int().positive(),
  name: requiredText('Namnet').optional(),
  status: z.enum(FOSTER_HOME_STATUSES).optional(),
  places: places.optional(),
  streetAddress: z.string().trim().max(200).nullish(),
  postalCode: postalCode.nullish(),
  city: z.string().trim().max(100).nullish(),
  languages: languageList.optional(),
});
export type UpdateFosterHomeInput = z.input<typeof updateFosterHomeInput>;

/**
 * Changes a home's register entry if nobody else has changed it since `expectedVersion` was read:
 * two workers can never silently overwrite each other.
 */
export async function updateFosterHome(session: Session, rawInput: UpdateFosterHomeInput): Promise<FosterHome> {
  requireRole(session.actor, ...REGISTER_KEEPERS);
  const input = parseInput(updateFosterHomeInput, rawInput);
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.status !== undefined ? { status: input.status } : {}),
    ...(input.places !== undefined ? { places: input.places } : {}),
    ...(input.streetAddress !== undefined ? { street_address: input.streetAddress } : {}),
    ...(input.postalCode !== undefined ? { postal_code: input.postalCode } : {}),
    ...(input.city !== undefined ? { city: input.city } : {}),
    ...(input.languages !== undefined ? { languages: input.languages } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw new ValidationError([{ path: '', message: 'Inga ändringar att spara.' }]);
  }
  const updated = await session.db
    .updateTable('foster_homes')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning(homeColumns)
    .executeTakeFirst();
  if (!updated) {
    const current = await session.db.selectFrom('foster_homes').select(['version', 'owner_org_id']).where('id', '=', input.id).executeTakeFirst();
    if (!current) throw new NotFoundError('Familjehemmet');
    if (current.owner_org_id !== session.actor.organisationId) throw new ForbiddenError('Bara den organisation som ansvarar för familjehemmet kan ändra det.');
    throw new VersionConflictError('Familjehemmet', current.version);
  }
  await recordAudit(session, [{ action: 'update', entityType: 'FosterHome', entityId: updated.id, purpose: Object.keys(changes).join(',') }]);
  return toFosterHome(updated);
}
