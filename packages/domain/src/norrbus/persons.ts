import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, NorrbusPersonsTable } from '../db/tables.js';
import { NotFoundError, ValidationError, VersionConflictError } from '../errors.js';
import { birthDateOf, CHILD_GENDERS, type ChildGender } from '../placements/children.js';
import { ageOn, todayInSweden } from '../shared/dates.js';
import { personalIdentityNumber } from '../shared/personal-identity.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { norrbusAgeViolation } from './age-limit.js';
import { GUARDIAN_CONSENT_UNTIL_AGE } from './consent-coverage.js';
import { auditNorrbusReads, organisationKinds, requireConvener, requireNorrbusMember } from './support.js';

/** Flicka, pojke, annan könsidentitet: the breakdown Norrbus follows up by. */
export type NorrbusGender = ChildGender;

/**
 * The young person a Norrbusmöte is about, registered by the organisation that takes the initiative
 * (it owns the record). Another organisation sees it only while a consent in force names it (RLS).
 */
export interface NorrbusPerson {
  readonly id: string;
  readonly ownerId: string;
  readonly givenName: string;
  readonly familyName: string;
  /** Long form YYYYMMDDNNNC; null when only the birth date is known. */
  readonly personalIdentityNumber: string | null;
  readonly birthDate: IsoDate;
  readonly gender: NorrbusGender;
  /** The municipality the young person lives in: indicators are counted there. */
  readonly municipalityId: string;
  /** Placed outside the home: social services then coordinates. */
  readonly placedOutsideHome: boolean;
  readonly version: number;
}

export interface NorrbusGuardian {
  readonly id: string;
  readonly personId: string;
  readonly name: string;
}

const personColumns = ['id', 'owner_org_id', 'given_name', 'family_name', 'personal_identity_number', 'birth_date', 'gender', 'municipality_id', 'placed_outside_home', 'version'] as const;
type PersonRow = Pick<Selectable<NorrbusPersonsTable>, (typeof personColumns)[number]>;

function toNorrbusPerson(row: PersonRow): NorrbusPerson {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    givenName: row.given_name,
    familyName: row.family_name,
    personalIdentityNumber: row.personal_identity_number,
    birthDate: row.birth_date,
    gender: row.gender as NorrbusGender,
    municipalityId: row.municipality_id,
    placedOutsideHome: row.placed_outside_home,
    version: row.version,
  };
}

const PURPOSE = 'Norrbusmöte';

/** The young persons with these ids that the actor's organisation may see (its own, or under consent), each read audited. */
export async function loadNorrbusPersons(session: Session, ids: readonly string[]): Promise<NorrbusPerson[]> {
  requireNorrbusMember(session.actor);
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_persons').select(personColumns).where('id', 'in', ids).execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'NorrbusPerson', entityId: row.id, personId: row.id })), PURPOSE);
  return rows.map(toNorrbusPerson);
}

/** The young persons the convener's organisation has registered, by name, to call a new meeting about. */
export async function listOwnNorrbusPersons(session: Session): Promise<NorrbusPerson[]> {
  requireConvener(session.actor);
  const rows = await session.db
    .selectFrom('norrbus_persons')
    .select(personColumns)
    .where('owner_org_id', '=', session.actor.organisationId)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'NorrbusPerson', entityId: row.id, personId: row.id })), 'Norrbus: välja den unge');
  return rows.map(toNorrbusPerson);
}

/** The guardians, for the organisation that registered the young person only (RLS), each read audited. */
export async function loadNorrbusGuardiansByPerson(session: Session, personIds: readonly string[]): Promise<NorrbusGuardian[]> {
  requireNorrbusMember(session.actor);
  if (personIds.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_guardians').select(['id', 'person_id', 'name']).where('person_id', 'in', personIds).orderBy('created_at').orderBy('name').execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'NorrbusGuardian', entityId: row.id, personId: row.person_id })), PURPOSE);
  return rows.map((row) => ({ id: row.id, personId: row.person_id, name: row.name }));
}

/** The young person when the actor's organisation registered them, else null. */
export async function findOwnNorrbusPerson(session: Session, personId: string): Promise<NorrbusPerson | null> {
  const row = await session.db
    .selectFrom('norrbus_persons')
    .select(personColumns)
    .where('id', '=', personId)
    .where('owner_org_id', '=', session.actor.organisationId)
    .executeTakeFirst();
  return row ? toNorrbusPerson(row) : null;
}

/** The young person when the actor's organisation registered them; else NotFound. */
export async function loadOwnNorrbusPerson(session: Session, personId: string): Promise<NorrbusPerson> {
  const person = await findOwnNorrbusPerson(session, personId);
  if (!person) throw new NotFoundError('Den unge');
  return person;
}

const genderSchema = z.enum(CHILD_GENDERS, { error: 'Välj flicka, pojke eller annan könsidentitet.' });
const guardianNames = z.array(requiredText('Vårdnadshavarens namn', 200)).max(4, { error: 'Högst fyra vårdnadshavare kan registreras.' });

export const norrbusPersonInput = z.object({
  givenName: requiredText('Förnamn', 100),
  familyName: requiredText('Efternamn', 100),
  /** A personnummer or samordningsnummer, or only the birth date when the number is not known. */
  personalIdentityNumber: personalIdentityNumber.nullish(),
  birthDate: isoDate.nullish(),
  gender: genderSchema,
  municipalityId: z.string({ error: 'Välj hemkommun.' }).uuid({ error: 'Välj hemkommun.' }),
  guardians: guardianNames.default([]),
  placedOutsideHome: z.boolean().default(false),
});
export type NorrbusPersonInput = z.input<typeof norrbusPersonInput>;

/** The birth date the number carries or the one given; the issues name the field, in Swedish. */
function birthDateOrThrow(input: { personalIdentityNumber?: string | null | undefined; birthDate?: string | null | undefined }, today: IsoDate): IsoDate {
  const carried = input.personalIdentityNumber ? birthDateOf(input.personalIdentityNumber) : null;
  if (carried && input.birthDate && carried !== input.birthDate) {
    throw new ValidationError([{ path: 'birthDate', message: `Födelsedatumet stämmer inte med personnumret, som anger ${carried}.` }]);
  }
  const birthDate = carried ?? input.birthDate;
  if (!birthDate) throw new ValidationError([{ path: 'personalIdentityNumber', message: 'Ange personnummer eller, om det inte är känt, födelsedatum.' }]);
  if (birthDate > today) throw new ValidationError([{ path: 'birthDate', message: 'Födelsedatumet kan inte vara i framtiden.' }]);
  return birthDate;
}

async function assertMunicipality(session: Session, municipalityId: string): Promise<void> {
  const kinds = await organisationKinds(session, [municipalityId], 'municipalityId');
  if (kinds.get(municipalityId) !== 'municipality') throw new ValidationError([{ path: 'municipalityId', message: 'Hemkommunen ska vara en kommun.' }]);
}

/**
 * Registers the young person for the convener's organisation, with the guardians, refused when over
 * 20 on the initiative day. Used when the first meeting about them is created.
 */
export async function insertNorrbusPerson(session: Session, input: z.output<typeof norrbusPersonInput>, initiativeDay: IsoDate): Promise<NorrbusPerson> {
  requireConvener(session.actor);
  const birthDate = birthDateOrThrow(input, todayInSweden());
  const tooOld = norrbusAgeViolation(birthDate, initiativeDay);
  if (tooOld) throw tooOld;
  if (input.guardians.length === 0 && ageOn(birthDate, initiativeDay) < GUARDIAN_CONSENT_UNTIL_AGE) {
    throw new ValidationError([{ path: 'guardians', message: 'Den unge är under 18 år: ange vårdnadshavarna, som också ska lämna samtycke.' }]);
  }
  await assertMunicipality(session, input.municipalityId);
  if (input.personalIdentityNumber) {
    const existing = await session.db
      .selectFrom('norrbus_persons')
      .select('id')
      .where('owner_org_id', '=', session.actor.organisationId)
      .where('personal_identity_number', '=', input.personalIdentityNumber)
      .executeTakeFirst();
    if (existing) throw new ValidationError([{ path: 'personalIdentityNumber', message: 'Den unge finns redan registrerad hos er. Välj hen i listan i stället.' }]);
  }
  const row = await session.db
    .insertInto('norrbus_persons')
    .values({
      owner_org_id: session.actor.organisationId,
      given_name: input.givenName,
      family_name: input.familyName,
      personal_identity_number: input.personalIdentityNumber ?? null,
      birth_date: birthDate,
      gender: input.gender,
      municipality_id: input.municipalityId,
      placed_outside_home: input.placedOutsideHome,
    })
    .returning(personColumns)
    .executeTakeFirstOrThrow();
  const guardians =
    input.guardians.length === 0
      ? []
      : await session.db
          .insertInto('norrbus_guardians')
          .values(input.guardians.map((name) => ({ owner_org_id: session.actor.organisationId, person_id: row.id, name })))
          .returning('id')
          .execute();
  await recordAudit(session, [
    { action: 'create', entityType: 'NorrbusPerson', entityId: row.id, personId: row.id, purpose: PURPOSE },
    ...guardians.map((g) => ({ action: 'create' as const, entityType: 'NorrbusGuardian', entityId: g.id, personId: row.id, purpose: PURPOSE })),
  ]);
  return toNorrbusPerson(row);
}

const updatePersonInput = z.object({
  id: z.string().uuid({ error: 'Den unge finns inte.' }),
  expectedVersion: z.number().int().positive(),
  givenName: requiredText('Förnamn', 100).optional(),
  familyName: requiredText('Efternamn', 100).optional(),
  gender: genderSchema.optional(),
  municipalityId: z.string().uuid({ error: 'Välj hemkommun.' }).optional(),
  placedOutsideHome: z.boolean().optional(),
  /** Guardians to add (consents refer to those already registered, so none is removed). */
  addGuardians: guardianNames.optional(),
});
export type UpdateNorrbusPersonInput = z.input<typeof updatePersonInput>;

/** Changes the young person's record if nobody else has since `expectedVersion` was read. */
export async function updateNorrbusPerson(session: Session, rawInput: UpdateNorrbusPersonInput): Promise<NorrbusPerson> {
  requireConvener(session.actor);
  const input = parseInput(updatePersonInput, rawInput);
  const current = await loadOwnNorrbusPerson(session, input.id);
  if (input.municipalityId) await assertMunicipality(session, input.municipalityId);
  const changes = {
    ...(input.givenName !== undefined ? { given_name: input.givenName } : {}),
    ...(input.familyName !== undefined ? { family_name: input.familyName } : {}),
    ...(input.gender !== undefined ? { gender: input.gender } : {}),
    ...(input.municipalityId !== undefined ? { municipality_id: input.municipalityId } : {}),
    ...(input.placedOutsideHome !== undefined ? { placed_outside_home: input.placedOutsideHome } : {}),
  };
  const added = input.addGuardians ?? [];
  if (Object.keys(changes).length === 0 && added.length === 0) throw new ValidationError([{ path: '', message: 'Inga ändringar att spara.' }]);
  const row = await session.db
    .updateTable('norrbus_persons')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', input.id)
    .where('version', '=', input.expectedVersion)
    .returning(personColumns)
    .executeTakeFirst();
  if (!row) throw new VersionConflictError('Den unges uppgifter', current.version);
  const guardians =
    added.length === 0
      ? []
      : await session.db
          .insertInto('norrbus_guardians')
          .values(added.map((name) => ({ owner_org_id: session.actor.organisationId, person_id: row.id, name })))
          .returning('id')
          .execute();
  await recordAudit(session, [
    { action: 'update', entityType: 'NorrbusPerson', entityId: row.id, personId: row.id, purpose: [...Object.keys(changes), ...(added.length > 0 ? ['guardians'] : [])].join(',') },
    ...guardians.map((g) => ({ action: 'create' as const, entityType: 'NorrbusGuardian', entityId: g.id, personId: row.id, purpose: PURPOSE })),
  ]);
  return toNorrbusPerson(row);
}
