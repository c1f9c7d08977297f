import type { Db, TransactionIdentity, Trx } from '../db/database.js';
import { ForbiddenError } from '../errors.js';
import { ROLES, type OrganisationKind, type Role } from './roles.js';

/** Who is acting, and for which organisation: one membership's worth of rights per request. */
export interface Actor extends TransactionIdentity {
  readonly userId: string;
  readonly displayName: string;
  readonly organisationId: string;
  readonly organisationKind: OrganisationKind;
  readonly roles: readonly Role[];
}

/** The unit of work every use case runs in: a transaction already switched to the actor. */
export interface Session {
  readonly db: Trx;
  readonly actor: Actor;
  readonly requestId: string;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}

export function requireRole(actor: Actor, ...wanted: Role[]): void {
  if (!hasRole(actor, ...wanted)) throw new ForbiddenError();
}

/**
 * Resolves the authenticated subject to an actor. Runs outside any actor transaction (it decides
 * who the actor is); `organisationId` picks one of several memberships, else the first one.
 */
export async function resolveActor(db: Db, subject: string, organisationId?: string): Promise<Actor | null> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'users.id as userId',
      'users.display_name as displayName',
      'organisations.id as organisationId',
      'organisations.kind as organisationKind',
      'organisations.name as organisationName',
      'memberships.role as role',
    ])
    .where('users.external_subject', '=', subject)
    .orderBy('organisations.name')
    .orderBy('memberships.role')
    .execute();
  const first = rows[0];
  if (!first) return null;
  const chosenOrganisation = organisationId ?? first.organisationId;
  const chosen = rows.filter((row) => row.organisationId === chosenOrganisation);
  const head = chosen[0];
  if (!head) return null;
  return {
    userId: head.userId,
    displayName: head.displayName,
    organisationId: head.organisationId,
    organisationKind: head.organisationKind as OrganisationKind,
    roles: chosen.map((row) => row.role).filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
  };
}
