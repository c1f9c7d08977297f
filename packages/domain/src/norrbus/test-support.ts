import { randomUUID } from 'node:crypto';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import type { IsoDate } from '../db/tables.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { DomainError } from '../errors.js';
import { addDays, addMonths, todayInSweden } from '../shared/dates.js';
import { demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { recordNorrbusConsent } from './consents.js';
import { createNorrbusMeeting, recordNorrbusMeetingHeld, type NorrbusMeeting } from './meetings.js';
import { inviteToNorrbusMeeting } from './invitations.js';
import type { NorrbusPersonInput } from './persons.js';

/**
 * What the Norrbus tests share: the demo's Piteå parties and their people, and a young person with
 * a meeting built through the domain as Lisa Lundqvist (Strömbackaskolan) would.
 */
export interface NorrbusFixtures {
  readonly today: IsoDate;
  /** Before today in Sweden and never after the database's current_date, which row-level security uses. */
  readonly yesterday: IsoDate;
  readonly org: { school: string; ifo: string; primaryCare: string; bup: string; pitea: string; police: string; kirunaIfo: string };
  /** Lisa Lundqvist, convener at Strömbackaskolan. */
  readonly lisa: Actor;
  /** Mats Nyberg, participant at Hälsocentralen Öjebyn. */
  readonly mats: Actor;
  /** Sofia Backman, convener and participant at Piteå IFO. */
  readonly sofia: Actor;
  /** Jonas Eriksson, participant at BUP. */
  readonly jonas: Actor;
  as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T>;
  /** A young person's registration, fifteen years old unless another birth date is given. */
  youngPerson(overrides?: Partial<NorrbusPersonInput>): NorrbusPersonInput;
  /** A meeting about a new young person (two guardians), by Lisa. */
  meeting(overrides?: Partial<NorrbusPersonInput>): Promise<NorrbusMeeting>;
  /** The young person's and both guardians' consent naming the organisations, given days ago. */
  consent(meeting: NorrbusMeeting, organisationIds: readonly string[], givenOn?: IsoDate): Promise<void>;
  /** Consent naming the school, Piteå IFO and Hälsocentralen Öjebyn, and a kallelse to the latter two. */
  invitedMeeting(overrides?: Partial<NorrbusPersonInput>): Promise<NorrbusMeeting>;
  /** The invited meeting, held yesterday. */
  heldMeeting(overrides?: Partial<NorrbusPersonInput>): Promise<NorrbusMeeting>;
}

let serial = 900;

export async function norrbusFixtures(db: TestDatabase): Promise<NorrbusFixtures> {
  const today = todayInSweden();
  const yesterday = addDays(today, -1);
  const org = {
    school: await organisationIdByName(db, 'Piteå kommun, Strömbackaskolan'),
    ifo: await organisationIdByName(db, 'Piteå kommun, Individ- och familjeomsorgen'),
    primaryCare: await organisationIdByName(db, 'Hälsocentralen Öjebyn'),
    bup: await organisationIdByName(db, 'Barn- och ungdomspsykiatrin Norrbotten'),
    pitea: await organisationIdByName(db, 'Piteå kommun'),
    police: await organisationIdByName(db, 'Polisen, lokalpolisområde Piteå'),
    kirunaIfo: await organisationIdByName(db, 'Kiruna kommun, Individ- och familjeomsorgen'),
  };
  const lisa = await demoActor(db, 'lisa.lundqvist@pitea.se');
  const as = <T>(actor: Actor, work: (session: Session) => Promise<T>) => inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
  const youngPerson = (overrides: Partial<NorrbusPersonInput> = {}): NorrbusPersonInput => {
    serial += 1;
    const birthDate = overrides.birthDate ?? addDays(addMonths(today, -12 * 15), -serial);
    return {
      givenName: 'Alva',
      familyName: `Testsson ${serial}`,
      personalIdentityNumber: overrides.birthDate === undefined ? testPersonalIdentityNumber(birthDate, serial) : null,
      birthDate,
      gender: 'girl',
      municipalityId: org.pitea,
      guardians: ['Karin Testsson', 'Per Testsson'],
      ...overrides,
    };
  };
  const meeting = (overrides?: Partial<NorrbusPersonInput>) =>
    as(lisa, (session) => createNorrbusMeeting(session, { person: youngPerson(overrides), initiatedOn: addDays(today, -10), initiativeReason: 'Hög frånvaro och oro för måendet.' }));
  const consent = async (m: NorrbusMeeting, organisationIds: readonly string[], givenOn = addDays(today, -5)) => {
    await as(lisa, async (session) => {
      const guardians = await session.db.selectFrom('norrbus_guardians').select('id').where('person_id', '=', m.personId).execute();
      await recordNorrbusConsent(session, {
        personId: m.personId,
        givenOn,
        signatories: [{ givenBy: 'young_person' }, ...guardians.map((g) => ({ givenBy: 'guardian' as const, guardianId: g.id }))],
        organisations: organisationIds.map((organisationId) => ({ organisationId, information: 'Uppgifter om skolsituation, hälsa och pågående insatser.' })),
      });
    });
  };
  const invitedMeeting = async (overrides?: Partial<NorrbusPersonInput>) => {
    const m = await meeting(overrides);
    // The school is named too: another party may call the follow-up and invite it.
    await consent(m, [org.school, org.ifo, org.primaryCare]);
    return as(lisa, (session) =>
      inviteToNorrbusMeeting(session, {
        meetingId: m.id,
        expectedVersion: m.version,
        purpose: 'Gemensam bild av Alvas skolsituation och hälsa, och vem gör vad.',
        scheduledAt: new Date(`${today}T13:00:00+01:00`),
        organisationIds: [org.ifo, org.primaryCare],
      }),
    );
  };
  const heldMeeting = async (overrides?: Partial<NorrbusPersonInput>) => {
    const m = await invitedMeeting(overrides);
    return as(lisa, (session) => recordNorrbusMeetingHeld(session, { meetingId: m.id, expectedVersion: m.version, heldOn: yesterday, notes: 'Alva och hennes mamma deltog. Vi enades om stöd i skolan och en bedömning på hälsocentralen.' }));
  };
  return {
    today,
    yesterday,
    org,
    lisa,
    mats: await demoActor(db, 'mats.nyberg@norrbotten.se'),
    sofia: await demoActor(db, 'sofia.backman@pitea.se'),
    jonas: await demoActor(db, 'jonas.eriksson@norrbotten.se'),
    as,
    youngPerson,
    meeting,
    consent,
    invitedMeeting,
    heldMeeting,
  };
}

/** For assert.rejects: the error is of the class and, given a rule, breaks that rule. */
export function refusedWith(ErrorClass: abstract new (...args: never[]) => DomainError, rule?: string) {
  return (error: unknown) => error instanceof ErrorClass && (rule === undefined || (error as DomainError & { rule?: string }).rule === rule);
}
