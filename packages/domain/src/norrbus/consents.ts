import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Session } from '../access/actor.js';
import { recordAudit } from '../audit/audit.js';
import type { IsoDate, NorrbusConsentsTable } from '../db/tables.js';
import { NotFoundError, RuleViolationError, ValidationError } from '../errors.js';
import { todayInSweden } from '../shared/dates.js';
import { isoDate, parseInput, requiredText } from '../shared/validation.js';
import { CONSENT_GIVERS, type ConsentFacts, type ConsentGiver, type ConsentSubject } from './consent-coverage.js';
import { loadOwnNorrbusPerson, type NorrbusPerson } from './persons.js';
import { auditNorrbusReads, organisationKinds, requireConvener, requireNorrbusMember } from './support.js';

/** What one organisation may share about the young person under a consent. */
export interface ConsentOrganisation {
  readonly organisationId: string;
  readonly information: string;
}

/**
 * Samtycke from one signatory (the young person or a guardian), naming the organisations that may
 * share and what; limitable, and withdrawable from a day, after which nothing more is shared. The
 * row stays, so the history shows when it was given and when withdrawn.
 */
export interface Consent {
  readonly id: string;
  readonly personId: string;
  readonly givenBy: ConsentGiver;
  readonly guardianId: string | null;
  readonly guardianName: string | null;
  readonly givenOn: IsoDate;
  readonly limitation: string | null;
  readonly withdrawnOn: IsoDate | null;
  readonly withdrawalNote: string | null;
  readonly recordedBy: string;
  readonly organisations: readonly ConsentOrganisation[];
}

const consentColumns = ['id', 'person_id', 'given_by', 'guardian_id', 'given_on', 'limitation', 'withdrawn_on', 'withdrawal_note', 'recorded_by'] as const;
type ConsentRow = Pick<Selectable<NorrbusConsentsTable>, (typeof consentColumns)[number]>;

async function withOrganisations(session: Session, rows: readonly ConsentRow[]): Promise<Consent[]> {
  if (rows.length === 0) return [];
  const named = await session.db
    .selectFrom('norrbus_consent_organisations')
    .select(['consent_id', 'organisation_id', 'information'])
    .where('consent_id', 'in', rows.map((row) => row.id))
    .execute();
  const guardianIds = [...new Set(rows.flatMap((row) => (row.guardian_id ? [row.guardian_id] : [])))];
  const guardians = guardianIds.length === 0 ? [] : await session.db.selectFrom('norrbus_guardians').select(['id', 'name']).where('id', 'in', guardianIds).execute();
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    givenBy: row.given_by as ConsentGiver,
    guardianId: row.guardian_id,
    guardianName: guardians.find((g) => g.id === row.guardian_id)?.name ?? null,
    givenOn: row.given_on,
    limitation: row.limitation,
    withdrawnOn: row.withdrawn_on,
    withdrawalNote: row.withdrawal_note,
    recordedBy: row.recorded_by,
    organisations: named.filter((n) => n.consent_id === row.id).map((n) => ({ organisationId: n.organisation_id, information: n.information })),
  }));
}

/** The consents about the young persons, oldest first: the registering organisation's alone (RLS), each read audited. */
export async function loadConsentsByPerson(session: Session, personIds: readonly string[]): Promise<Consent[]> {
  requireNorrbusMember(session.actor);
  if (personIds.length === 0) return [];
  const rows = await session.db.selectFrom('norrbus_consents').select(consentColumns).where('person_id', 'in', personIds).orderBy('given_on').orderBy('created_at').execute();
  await auditNorrbusReads(session, rows.map((row) => ({ entityType: 'Consent', entityId: row.id, personId: row.person_id })), 'Norrbus: samtycke');
  return withOrganisations(session, rows);
}

/** What the coverage rule needs about the actor's own young person: birth date, guardians and consents. */
export async function consentSubjectOf(session: Session, person: NorrbusPerson): Promise<ConsentSubject & { readonly guardianNames: ReadonlyMap<string, string> }> {
  const guardians = await session.db.selectFrom('norrbus_guardians').select(['id', 'name']).where('person_id', '=', person.id).execute();
  const consents = await loadConsentsByPerson(session, [person.id]);
  return {
    birthDate: person.birthDate,
    guardianIds: guardians.map((g) => g.id),
    guardianNames: new Map(guardians.map((g) => [g.id, g.name])),
    consents: consents.map(
      (c): ConsentFacts => ({ givenBy: c.givenBy, guardianId: c.guardianId, givenOn: c.givenOn, withdrawnOn: c.withdrawnOn, organisationIds: c.organisations.map((o) => o.organisationId) }),
    ),
  };
}

function assertNotAfterToday(day: IsoDate, path: string, what: string): void {
  if (day > todayInSweden()) throw new ValidationError([{ path, message: `${what} kan inte vara i framtiden.` }]);
}

const recordConsentInput = z.object({
  personId: z.string().uuid({ error: 'Den unge finns inte.' }),
  givenOn: isoDate,
  limitation: z.string().trim().max(2000, { error: 'Begränsningen får vara högst 2000 tecken.' }).nullish(),
  signatories: z
    .array(z.object({ givenBy: z.enum(CONSENT_GIVERS, { error: 'Ange om den unge eller en vårdnadshavare samtycker.' }), guardianId: z.string().uuid().nullish() }))
    .min(1, { error: 'Ange vem som lämnar samtycket: den unge och, under 18 år, vårdnadshavarna.' }),
  organisations: z
    .array(z.object({ organisationId: z.string().uuid({ error: 'Välj organisation.' }), information: requiredText('Vilka uppgifter organisationen får dela', 1000) }))
    .min(1, { error: 'Ange minst en organisation som får dela uppgifter.' }),
});
export type RecordConsentInput = z.input<typeof recordConsentInput>;

/**
 * Records the consent of each signatory (the young person, guardians) to the same organisations and
 * information, before any other organisation sees the young person's data.
 */
export async function recordNorrbusConsent(session: Session, rawInput: RecordConsentInput): Promise<Consent[]> {
  requireConvener(session.actor);
  const input = parseInput(recordConsentInput, rawInput);
  const person = await loadOwnNorrbusPerson(session, input.personId);
  assertNotAfterToday(input.givenOn, 'givenOn', 'Dagen för samtycket');
  const guardians = await session.db.selectFrom('norrbus_guardians').select('id').where('person_id', '=', person.id).execute();
  const seen = new Set<string>();
  input.signatories.forEach((signatory, index) => {
    const key = signatory.givenBy === 'guardian' ? (signatory.guardianId ?? '') : 'young_person';
    if (signatory.givenBy === 'guardian' && !guardians.some((g) => g.id === signatory.guardianId)) {
      throw new ValidationError([{ path: `signatories.${index}.guardianId`, message: 'Välj en av den unges registrerade vårdnadshavare.' }]);
    }
    if (seen.has(key)) throw new ValidationError([{ path: `signatories.${index}`, message: 'Samma person står två gånger bland dem som samtycker.' }]);
    seen.add(key);
  });
  const organisationIds = input.organisations.map((o) => o.organisationId);
  if (new Set(organisationIds).size !== organisationIds.length) throw new ValidationError([{ path: 'organisations', message: 'Samma organisation står två gånger.' }]);
  await organisationKinds(session, organisationIds, 'organisations');
  const consents = await session.db
    .insertInto('norrbus_consents')
    .values(
      input.signatories.map((signatory) => ({
        owner_org_id: session.actor.organisationId,
        person_id: person.id,
        given_by: signatory.givenBy,
        guardian_id: signatory.givenBy === 'guardian' ? signatory.guardianId! : null,
        given_on: input.givenOn,
        limitation: input.limitation || null,
        recorded_by: session.actor.userId,
      })),
    )
    .returning(consentColumns)
    .execute();
  await session.db
    .insertInto('norrbus_consent_organisations')
    .values(consents.flatMap((consent) => input.organisations.map((o) => ({ consent_id: consent.id, organisation_id: o.organisationId, information: o.information }))))
    .execute();
  await recordAudit(session, consents.map((consent) => ({ action: 'create' as const, entityType: 'Consent', entityId: consent.id, personId: person.id, purpose: 'Norrbus: samtycke' })));
  return withOrganisations(session, consents);
}

const withdrawConsentInput = z.object({
  consentId: z.string().uuid({ error: 'Samtycket finns inte.' }),
  withdrawnOn: isoDate,
  note: z.string().trim().max(2000, { error: 'Anteckningen får vara högst 2000 tecken.' }).nullish(),
});
export type WithdrawConsentInput = z.input<typeof withdrawConsentInput>;

/** Withdraws a consent from a day: from then on nothing more is shared; the history keeps when. */
export async function withdrawNorrbusConsent(session: Session, rawInput: WithdrawConsentInput): Promise<Consent> {
  requireConvener(session.actor);
  const input = parseInput(withdrawConsentInput, rawInput);
  const current = await session.db.selectFrom('norrbus_consents').select(consentColumns).where('id', '=', input.consentId).executeTakeFirst();
  if (!current) throw new NotFoundError('Samtycket');
  if (current.withdrawn_on) throw new RuleViolationError('NORRBUS_CONSENT_ALREADY_WITHDRAWN', `Samtycket återkallades redan den ${current.withdrawn_on}.`);
  assertNotAfterToday(input.withdrawnOn, 'withdrawnOn', 'Dagen för återkallelsen');
  if (input.withdrawnOn < current.given_on) throw new ValidationError([{ path: 'withdrawnOn', message: `Samtycket kan inte återkallas före den dag det lämnades (${current.given_on}).` }]);
  const row = await session.db
    .updateTable('norrbus_consents')
    .set({ withdrawn_on: input.withdrawnOn, withdrawal_note: input.note || null })
    .where('id', '=', input.consentId)
    .where('withdrawn_on', 'is', null)
    .returning(consentColumns)
    .executeTakeFirst();
  if (!row) throw new RuleViolationError('NORRBUS_CONSENT_ALREADY_WITHDRAWN', 'Samtycket har just återkallats av någon annan.');
  await recordAudit(session, [{ action: 'update', entityType: 'Consent', entityId: row.id, personId: row.person_id, purpose: 'Norrbus: samtycke återkallat' }]);
  return (await withOrganisations(session, [row]))[0]!;
}
