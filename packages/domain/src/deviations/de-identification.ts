import { sql } from 'kysely';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import { RuleViolationError } from '../errors.js';
import { describeFindings, identifyingFindings } from '../shared/identifying-text.js';

/**
 * The names of the young person a Norrbus meeting is about, to keep them out of text that leaves
 * the local level. Row-level security decides whether the acting organisation may see the person
 * (the convener, or an organisation a consent in force names); when it may not, only the
 * personnummer check applies. Reading the name is a read of the person's data and is audited.
 */
export async function meetingPersonNames(session: Session, meetingId: string | null): Promise<string[]> {
  if (!meetingId) return [];
  const person = await session.db
    .selectFrom('norrbus_meetings')
    .innerJoin('norrbus_persons', 'norrbus_persons.id', 'norrbus_meetings.person_id')
    .select(['norrbus_persons.id', 'norrbus_persons.given_name', 'norrbus_persons.family_name'])
    .where('norrbus_meetings.id', '=', meetingId)
    .executeTakeFirst();
  if (!person) return [];
  await recordAudit(session, [
    { action: 'read', entityType: 'NorrbusPerson', entityId: person.id, personId: person.id, purpose: 'kontroll att text som lämnar lokal nivå är avidentifierad' },
  ]);
  return [person.given_name, person.family_name];
}

/** Refuses text that contains a personnummer or one of `names`, under the given rule. */
export function assertDeIdentified(text: string, names: readonly string[], rule: string): void {
  const findings = identifyingFindings(text, names);
  if (findings.length > 0) throw new RuleViolationError(rule, describeFindings(findings));
}

/**
 * Refuses text that names the deviation's young person, asked of the database: it answers yes or
 * no even when the acting organisation may not read the person (a municipality clearing a
 * deviation about a meeting it has no consent for).
 */
export async function assertDeviationTextDoesNotNamePerson(session: Session, deviationId: string, text: string, rule: string): Promise<void> {
  const { rows } = await sql<{ named: boolean }>`select deviation_text_names_person(${deviationId}::uuid, ${text}) as named`.execute(session.db);
  if (rows[0]?.named) throw new RuleViolationError(rule, 'Texten innehåller den unga personens namn. Ta bort det som kan identifiera personen.');
}
