import { z } from 'zod';
import { requireRole, type Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { parseInput, requiredText } from '../shared/validation.js';

/** A konsulentverksamhet: a private provider of supervised foster homes, which needs an IVO permit. */
export interface ConsultancyAgency {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly organisationNumber: string | null;
  readonly ivoPermitNumber: string;
}

const columns = ['id', 'owner_org_id', 'name', 'organisation_number', 'ivo_permit_number'] as const;

function toAgency(row: { id: string; owner_org_id: string; name: string; organisation_number: string | null; ivo_permit_number: string }): ConsultancyAgency {
  return {
    id: row.id,
    ownerId: row.owner_org_id,
    name: row.name,
    organisationNumber: row.organisation_number,
    ivoPermitNumber: row.ivo_permit_number,
  };
}

export async function listConsultancyAgencies(session: Session): Promise<ConsultancyAgency[]> {
  return (await session.db.selectFrom('consultancy_agencies').select(columns).orderBy('name').execute()).map(toAgency);
}

export async function loadConsultancyAgencies(session: Session, ids: readonly string[]): Promise<ConsultancyAgency[]> {
  if (ids.length === 0) return [];
  return (await session.db.selectFrom('consultancy_agencies').select(columns).where('id', 'in', ids).execute()).map(toAgency);
}

const createConsultancyAgencyInput = z.object({
  name: requiredText('Namnet'),
  organisationNumber: z
    .string()
    .trim()
    .regex(/^\d{6}-?\d{4}$/, { error: 'Organisationsnumret ska ha tio siffror, till exempel 556677-8899.' })
    .nullish(),
  ivoPermitNumber: requiredText('IVO-tillståndets diarienummer', 50),
});
export type CreateConsultancyAgencyInput = z.input<typeof createConsultancyAgencyInput>;

export async function createConsultancyAgency(session: Session, rawInput: CreateConsultancyAgencyInput): Promise<ConsultancyAgency> {
  requireRole(session.actor, 'foster_care_worker', 'head_of_unit');
  const input = parseInput(createConsultancyAgencyInput, rawInput);
  const row = await session.db
    .insertInto('consultancy_agencies')
    .values({
      owner_org_id: session.actor.organisationId,
      name: input.name,
      organisation_number: input.organisationNumber ?? null,
      ivo_permit_number: input.ivoPermitNumber,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  await recordAudit(session, [{ action: 'create', entityType: 'ConsultancyAgency', entityId: row.id }]);
  return toAgency(row);
}
