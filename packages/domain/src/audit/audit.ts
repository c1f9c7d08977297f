import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { requireRole, type Session } from '../access/actor.js';

export type AuditAction = 'read' | 'create' | 'update' | 'delete';

export interface AuditEntryInput {
  readonly action: AuditAction;
  readonly entityType: string;
  readonly entityId: string;
  /** The person whose data was touched (a household member, a child …), when there is one. */
  readonly personId?: string | null;
  readonly purpose?: string | null;
}

/** Appends audit rows in the session's own transaction: no audit row, no change, and vice versa. */
export async function recordAudit(session: Session, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await session.db
    .insertInto('audit_log')
    .values(
      entries.map((entry) => ({
        user_id: session.actor.userId,
        organisation_id: session.actor.organisationId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        person_id: entry.personId ?? null,
        purpose: entry.purpose ?? null,
        request_id: session.requestId,
      })),
    )
    .execute();
}

export interface AuditEntry {
  readonly id: number;
  readonly occurredAt: Date;
  readonly userId: string;
  readonly userDisplayName: string;
  readonly organisationId: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly personId: string | null;
  readonly purpose: string | null;
  readonly requestId: string;
}

/** "Who has looked at this person?" — the acting organisation's entries, for its administrators (RLS). */
export async function listAuditEntriesForPerson(session: Session, personId: string): Promise<AuditEntry[]> {
  requireRole(session.actor, 'administrator');
  const rows = await session.db
    .selectFrom('audit_log')
    .innerJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.occurred_at',
      'audit_log.user_id',
      'users.display_name',
      'audit_log.organisation_id',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.person_id',
      'audit_log.purpose',
      'audit_log.request_id',
    ])
    .where('audit_log.person_id', '=', personId)
    .orderBy('audit_log.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurred_at,
    userId: row.user_id,
    userDisplayName: row.display_name,
    organisationId: row.organisation_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    personId: row.person_id,
    purpose: row.purpose,
    requestId: row.request_id,
  }));
}


/** Recomputes every hash chain as the table owner; an empty list means the log is intact. */
export async function findBrokenAuditLinks(db: Db): Promise<Array<{ id: number; organisationId: string }>> {
  const { rows } = await sql<{ id: number; organisation_id: string }>`select * from audit_log_broken_links()`.execute(db);
  return rows.map((row) => ({ id: Number(row.id), organisationId: row.organisation_id }));
}
