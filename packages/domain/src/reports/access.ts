import { requireRole, type Actor } from '../access/actor.js';
import { ForbiddenError } from '../errors.js';

/**
 * The statutory reports are the placing municipality's duty and cover only its own children: its
 * social workers and heads of unit read them. The joint unit, Norrbus and the steering group get
 * none of them (the unit sees placements in its homes elsewhere, never a municipality's reports).
 */
export const REPORT_READERS = ['child_social_worker', 'head_of_unit'] as const;

export function requireReportReader(actor: Actor): void {
  requireRole(actor, ...REPORT_READERS);
  if (actor.organisationKind !== 'municipality') {
    throw new ForbiddenError('Rapporterna om placeringar lämnas av den placerande kommunen och visas bara för kommunens socialtjänst.');
  }
}
