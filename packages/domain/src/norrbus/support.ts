import { hasRole, requireRole, type Actor, type Session } from '../access/actor.js';
import type { OrganisationKind } from '../access/roles.js';
import { recordAudit } from '../audit/audit.js';
import { ForbiddenError, ValidationError } from '../errors.js';

/** Who works with Norrbusmöten: conveners call and document them, participants take part. */
export const NORRBUS_ROLES = ['norrbus_convener', 'norrbus_participant'] as const;

export function requireNorrbusMember(actor: Actor): void {
  requireRole(actor, ...NORRBUS_ROLES);
}

/** Calling, inviting and documenting is the convener's (sammankallande). */
export function requireConvener(actor: Actor): void {
  if (!hasRole(actor, 'norrbus_convener')) throw new ForbiddenError('Bara en sammankallande i Norrbus kan göra detta.');
}

/** The audit entries for reading the young person's data: one per thing read, naming the person. */
export function auditNorrbusReads(
  session: Session,
  reads: ReadonlyArray<{ readonly entityType: string; readonly entityId: string; readonly personId: string }>,
  purpose: string,
): Promise<void> {
  return recordAudit(session, reads.map((read) => ({ action: 'read' as const, ...read, purpose })));
}

/** The kinds of the organisations named (every user may read organisations); an unknown id is a validation error at `path`. */
export async function organisationKinds(session: Session, ids: readonly string[], path: string): Promise<Map<string, OrganisationKind>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await session.db.selectFrom('organisations').select(['id', 'kind']).where('id', 'in', unique).execute();
  const kinds = new Map(rows.map((row) => [row.id, row.kind as OrganisationKind]));
  if (kinds.size !== unique.length) throw new ValidationError([{ path, message: 'Välj organisationer som finns.' }]);
  return kinds;
}

/** Organisation names for messages, in the order given. */
export async function organisationNames(session: Session, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await session.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [...ids]).execute();
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return ids.map((id) => names.get(id) ?? id);
}
