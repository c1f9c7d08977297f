import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { CollaborationAgreementsTable, OrganisationsTable } from '../db/tables.js';
import { requireRole, type Session } from '../access/actor.js';
import type { OrganisationKind } from '../access/roles.js';
import { recordAudit } from '../audit/audit.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { parseInput } from '../shared/validation.js';
import { assertValidKey, sharesFromPopulation, type Share } from './cost-sharing.js';

export interface Organisation {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly municipalityCode: string | null;
  readonly county: string | null;
  readonly countyPart: string | null;
  readonly parentId: string | null;
}

export interface CollaborationAgreement {
  readonly id: string;
  readonly unitId: string;
  readonly hostMunicipalityId: string;
  readonly name: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

export type CostSharingBasis = 'population' | 'placement_days' | 'fixed';

export interface CostSharingKey {
  readonly id: string;
  readonly agreementId: string;
  readonly year: number;
  readonly basis: CostSharingBasis;
  readonly shares: ReadonlyArray<Share & { readonly population: number | null }>;
}

const organisationColumns = ['id', 'kind', 'name', 'municipality_code', 'county', 'county_part', 'parent_id'] as const;

function toOrganisation(row: Pick<Selectable<OrganisationsTable>, (typeof organisationColumns)[number]>): Organisation {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    name: row.name,
    municipalityCode: row.municipality_code,
    county: row.county,
    countyPart: row.county_part,
    parentId: row.parent_id,
  };
}

export async function listOrganisations(session: Session, options: { kind?: OrganisationKind | null } = {}): Promise<Organisation[]> {
  let query = session.db.selectFrom('organisations').select(organisationColumns).orderBy('name');
  if (options.kind) query = query.where('kind', '=', options.kind);
  return (await query.execute()).map(toOrganisation);
}

export async function loadOrganisations(session: Session, ids: readonly string[]): Promise<Organisation[]> {
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('organisations').select(organisationColumns).where('id', 'in', ids).execute();
  return rows.map(toOrganisation);
}

const agreementColumns = ['id', 'unit_id', 'host_municipality_id', 'name', 'valid_from', 'valid_to'] as const;

function toAgreement(row: Pick<Selectable<CollaborationAgreementsTable>, (typeof agreementColumns)[number]>): CollaborationAgreement {
  return {
    id: row.id,
    unitId: row.unit_id,
    hostMunicipalityId: row.host_municipality_id,
    name: row.name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}


/** The current agreement of each unit (the one with the latest start). */
export async function loadAgreementsByUnit(session: Session, unitIds: readonly string[]): Promise<CollaborationAgreement[]> {
  if (unitIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('collaboration_agreements')
    .select(agreementColumns)
    .distinctOn('unit_id')
    .where('unit_id', 'in', unitIds)
    .orderBy('unit_id')
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map(toAgreement);
}

export async function loadAgreements(session: Session, ids: readonly string[]): Promise<CollaborationAgreement[]> {
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('collaboration_agreements').select(agreementColumns).where('id', 'in', ids).execute()).map(
    toAgreement,
  );
}

/** Current member municipalities per agreement. */
export async function loadMembersByAgreement(
  session: Session,
  agreementIds: readonly string[],
): Promise<Array<{ agreementId: string; municipality: Organisation }>> {
  if (agreementIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('agreement_members')
    .innerJoin('organisations', 'organisations.id', 'agreement_members.municipality_id')
    .select(['agreement_members.agreement_id', ...organisationColumns.map((c) => `organisations.${c}` as const)])
    .where('agreement_members.agreement_id', 'in', agreementIds)
    .where('agreement_members.left_on', 'is', null)
    .orderBy('organisations.name')
    .execute();
  return rows.map((row) => ({ agreementId: row.agreement_id, municipality: toOrganisation(row) }));
}

export async function loadCostSharingKeysByAgreement(session: Session, agreementIds: readonly string[]): Promise<CostSharingKey[]> {
  if (agreementIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('cost_sharing_keys as k')
    .innerJoin('cost_shares as s', 's.key_id', 'k.id')
    .innerJoin('organisations as o', 'o.id', 's.municipality_id')
    .select(['k.id', 'k.agreement_id', 'k.year', 'k.basis', 's.municipality_id', 's.basis_points', 's.population'])
    .where('k.agreement_id', 'in', agreementIds)
    .orderBy('k.year', 'desc')
    .orderBy('o.name')
    .execute();
  const keys = new Map<string, CostSharingKey & { shares: Array<Share & { population: number | null }> }>();
  for (const row of rows) {
    let key = keys.get(row.id);
    if (!key) {
      key = { id: row.id, agreementId: row.agreement_id, year: row.year, basis: row.basis as CostSharingBasis, shares: [] };
      keys.set(row.id, key);
    }
    key.shares.push({ municipalityId: row.municipality_id, basisPoints: row.basis_points, population: row.population });
  }
  return [...keys.values()];
}

const setCostSharingKeyInput = z.discriminatedUnion('basis', [
  z.object({
    agreementId: z.string().uuid(),
    year: z.number().int().min(2000).max(2100),
    basis: z.literal('population'),
    populations: z.array(z.object({ municipalityId: z.string().uuid(), population: z.number().int().positive() })).min(1),
  }),
  z.object({
    agreementId: z.string().uuid(),
    year: z.number().int().min(2000).max(2100),
    basis: z.enum(['placement_days', 'fixed']),
    shares: z.array(z.object({ municipalityId: z.string().uuid(), basisPoints: z.number().int().min(0).max(10_000) })).min(1),
  }),
]);
export type SetCostSharingKeyInput = z.input<typeof setCostSharingKeyInput>;

/**
 * Fixes the agreement's cost-sharing key for a year. A year's key is never overwritten: what
 * was agreed for a past year stays what costs were split by.
 */
export async function setCostSharingKey(session: Session, rawInput: SetCostSharingKeyInput): Promise<CostSharingKey> {
  requireRole(session.actor, 'head_of_unit', 'administrator');
  const input = parseInput(setCostSharingKeyInput, rawInput);
  const [agreement] = await loadAgreements(session, [input.agreementId]);
  if (!agreement || agreement.unitId !== session.actor.organisationId) throw new NotFoundError('Samverkansavtalet');
  const members = (await loadMembersByAgreement(session, [agreement.id])).map((m) => m.municipality.id);
  const populations = input.basis === 'population' ? new Map(input.populations.map((p) => [p.municipalityId, p.population])) : null;
  const shares = input.basis === 'population' ? sharesFromPopulation(input.populations) : input.shares;
  assertValidKey(shares, members);
  const existing = await session.db
    .selectFrom('cost_sharing_keys')
    .select('id')
    .where('agreement_id', '=', agreement.id)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (existing) {
    throw new ValidationError([{ path: 'year', message: `Fördelningsnyckeln för ${input.year} är redan fastställd och kan inte skrivas över.` }]);
  }
  const key = await session.db
    .insertInto('cost_sharing_keys')
    .values({ owner_org_id: agreement.unitId, agreement_id: agreement.id, year: input.year, basis: input.basis })
    .returning('id')
    .executeTakeFirstOrThrow();
  await session.db
    .insertInto('cost_shares')
    .values(
      shares.map((share) => ({
        owner_org_id: agreement.unitId,
        key_id: key.id,
        municipality_id: share.municipalityId,
        basis_points: share.basisPoints,
        population: populations?.get(share.municipalityId) ?? null,
      })),
    )
    .execute();
  await recordAudit(session, [{ action: 'create', entityType: 'CostSharingKey', entityId: key.id, purpose: `fördelningsnyckel ${input.year}` }]);
  const saved = (await loadCostSharingKeysByAgreement(session, [agreement.id])).find((k) => k.id === key.id);
  return saved!;
}
