import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { loadCurrentApprovals } from '../assessments/approvals.js';
import { inIdentityTransaction } from '../db/database.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { loadFosterHomes, updateFosterHome } from '../homes/foster-homes.js';
import { insertHome, placeChild } from '../placements/test-fixtures.js';
import { addDays, addMonths, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { loadMatchingArea, matchFosterHomes } from './match-homes.js';
import { acceptsAge, HOME_KINDS_FOR_NEED, type ChildNeedsInput, type MatchResult } from './matching.js';

const today = todayInSweden();
let db: TestDatabase;
const org: Record<'unit' | 'lindesberg' | 'nora' | 'hallefors' | 'ljusnarsberg', string> = { unit: '', lindesberg: '', nora: '', hallefors: '', ljusnarsberg: '' };
/** Anna Lind (the unit), Sara Nilsson (Lindesberg), Johan Ek (Nora), Lena Strand (head of unit, Nora), Ingrid Wikström (steering group). */
let anna: Actor;
let sara: Actor;
let johan: Actor;
let lena: Actor;
let ingrid: Actor;
const homes: Record<'arabic' | 'siblings' | 'full' | 'paused' | 'network' | 'recruiting', string> = { arabic: '', siblings: '', full: '', paused: '', network: '', recruiting: '' };
/** Elsa, 9 today, whom Lindesberg's network home is approved for. */
const elsa = testPersonalIdentityNumber(addDays(addMonths(today, -12 * 9), -10), 911);

before(async () => {
  db = await createTestDatabase();
  org.unit = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  org.lindesberg = await organisationIdByName(db, 'Lindesbergs kommun');
  org.nora = await organisationIdByName(db, 'Nora kommun');
  org.hallefors = await organisationIdByName(db, 'Hällefors kommun');
  org.ljusnarsberg = await organisationIdByName(db, 'Ljusnarsbergs kommun');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  lena = await demoActor(db, 'lena.strand@nora.se');
  ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');

  const inNora = { ownerId: org.unit, municipalityId: org.nora, approvedById: org.nora, recordedBy: anna.userId, today };
  homes.arabic = await insertHome(db.kysely, { ...inNora, name: 'Familjen Haddad', languages: ['svenska', 'arabiska'], approval: { places: 1, minChildAge: 6, maxChildAge: 15 } });
  homes.siblings = await insertHome(db.kysely, { ...inNora, name: 'Familjen Syskonlund', approval: { places: 3, minChildAge: 2, maxChildAge: 14 } });
  homes.full = await insertHome(db.kysely, { ...inNora, name: 'Familjen Fullsatt', languages: ['svenska', 'arabiska'], approval: { places: 1 } });
  homes.paused = await insertHome(db.kysely, { ...inNora, name: 'Familjen Vilande', status: 'paused', languages: ['svenska', 'arabiska'], approval: { places: 2 } });
  homes.recruiting = await insertHome(db.kysely, { ...inNora, name: 'Familjen Intresserad', status: 'recruiting' });
  homes.network = await insertHome(db.kysely, {
    ownerId: org.lindesberg,
    municipalityId: org.hallefors,
    approvedById: org.lindesberg,
    recordedBy: anna.userId,
    today,
    name: 'Familjen Morfar Ek',
    kind: 'network',
    approval: { places: 1, minChildAge: null, maxChildAge: null, namedChild: { name: 'Elsa Lindqvist', personalIdentityNumber: elsa } },
  });
  await placeChild(db.kysely, { placingId: org.lindesberg, givenName: 'Noah', familyName: 'Ali', personalIdentityNumber: testPersonalIdentityNumber(addMonths(today, -12 * 11), 912), fosterHomeId: homes.full, startsOn: addMonths(today, -2) });
});

after(async () => {
  await db?.dispose();
});

function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

const match = (actor: Actor, needs: Partial<ChildNeedsInput>) => as(actor, (s) => matchFosterHomes(s, { ages: [9], kind: 'long_term', ...needs }, today));
const rankOf = (result: MatchResult, homeId: string) => result.ranked.find((r) => r.fosterHomeId === homeId);
const excludedOf = (result: MatchResult, homeId: string) => result.excluded.find((e) => e.fosterHomeId === homeId)?.reasons;

describe('matching a child to the homes the social worker may see', () => {
  it('a nine-year-old who speaks Arabic and goes to school in Nora gets the unit’s Arabic-speaking home in Nora before every home without Arabic, with its reasons', async () => {
    const result = await match(anna, { languages: ['arabiska'], schoolMunicipalityId: org.nora, familyMunicipalityId: org.lindesberg });
    const haddad = rankOf(result, homes.arabic)!;
    assert.ok(haddad, 'Familjen Haddad is a candidate');
    assert.deepEqual(haddad.reasons.slice(0, 2), ['Talar arabiska, som barnet.', 'Ligger i samma kommun som barnets skola (Nora kommun).']);
    const ahead = result.ranked.filter((r) => r.rank < haddad.rank);
    assert.ok(ahead.every((r) => r.sharedLanguages.includes('arabiska') && r.proximity === 'school_municipality'), 'only homes as good on language and proximity rank before it');
    assert.ok(result.ranked.filter((r) => r.sharedLanguages.length === 0).every((r) => r.rank > haddad.rank));
  });

  it('every ranked home keeps every condition of the approval in force today', async () => {
    const result = await match(anna, { ages: [9] });
    assert.ok(result.ranked.length > 0);
    const ids = result.ranked.map((r) => r.fosterHomeId);
    const approvals = await as(anna, (s) => loadCurrentApprovals(s, ids, today));
    const registered = await as(anna, (s) => loadFosterHomes(s, ids));
    for (const ranked of result.ranked) {
      const conditions = approvals.get(ranked.fosterHomeId)?.conditions;
      assert.ok(conditions, 'has an approval in force');
      assert.ok(HOME_KINDS_FOR_NEED.long_term.includes(conditions.assignmentKind));
      assert.ok(acceptsAge(conditions, 9));
      assert.equal(conditions.namedChild, null);
      assert.ok(ranked.freePlaces >= 1);
      assert.equal(registered.find((h) => h.id === ranked.fosterHomeId)!.status, 'active');
    }
  });

  it('a full, a paused and an out-of-range home are excluded with the reason; a family in recruitment is not a candidate at all', async () => {
    const result = await match(anna, { ages: [16], languages: ['arabiska'] });
    assert.deepEqual(excludedOf(result, homes.full), ['Har inga lediga platser.']);
    assert.deepEqual(excludedOf(result, homes.paused), ['Hemmet är pausat (vilande) och tar inte emot barn just nu.']);
    assert.deepEqual(excludedOf(result, homes.arabic), ['Godkänt för barn 6–15 år; barnet är 16 år.']);
    assert.ok(!result.ranked.some((r) => r.fosterHomeId === homes.recruiting) && excludedOf(result, homes.recruiting) === undefined);
  });

  it('siblings placed together get only homes with a free place for each and an age range for all', async () => {
    const result = await match(anna, { ages: [4, 7] });
    assert.ok(rankOf(result, homes.siblings)!.reasons.includes('3 lediga platser; syskonen behöver 2.'));
    assert.ok(result.ranked.every((r) => r.freePlaces >= 2));
    assert.deepEqual(excludedOf(result, homes.arabic), ['Godkänt för barn 6–15 år; syskonen är 4 och 7 år.', 'Har 1 ledig plats; syskonen behöver 2.']);
  });

  it('Lindesberg’s network home approved for Elsa comes first when Sara matches Elsa, and is closed to any other child', async () => {
    const forElsa = await match(sara, { personalIdentityNumber: elsa, schoolMunicipalityId: org.lindesberg });
    assert.equal(forElsa.ranked[0]!.fosterHomeId, homes.network);
    assert.equal(forElsa.ranked[0]!.reasons[0], 'Nätverkshem godkänt för just det här barnet: prövas först.');
    const forAnother = await match(sara, { personalIdentityNumber: testPersonalIdentityNumber(addMonths(today, -12 * 9 - 2), 913) });
    assert.deepEqual(excludedOf(forAnother, homes.network), ['Godkänt endast för ett namngivet barn, inte för det här barnet.']);
  });

  it('a Nora social worker matches among the unit’s approved homes and Nora’s own, never Lindesberg’s network home', async () => {
    const result = await match(johan, { personalIdentityNumber: elsa });
    const all = [...result.ranked.map((r) => r.fosterHomeId), ...result.excluded.map((e) => e.fosterHomeId)];
    assert.ok(!all.includes(homes.network));
    assert.ok(result.ranked.some((r) => r.fosterHomeId === homes.arabic));
    const owners = await db.kysely.selectFrom('foster_homes').select('owner_org_id').distinct().where('id', 'in', all).execute();
    assert.deepEqual(owners.map((o) => o.owner_org_id).filter((owner) => owner !== org.unit && owner !== org.nora), []);
  });

  it('an age that the personnummer contradicts is refused in Swedish, before anything is matched', async () => {
    await assert.rejects(match(sara, { ages: [7], personalIdentityNumber: elsa }), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ path: 'ages.0', message: 'Enligt personnumret är barnet 9 år, inte 7.' }]);
      return true;
    });
  });

  it('is for the unit’s staff and the municipalities’ social services, not the steering group', async () => {
    await assert.rejects(match(ingrid, {}), ForbiddenError);
    assert.ok((await match(lena, {})).ranked.length > 0);
  });

  it('counts as near every member municipality of the joint unit, seen from the unit or from a member', async () => {
    const expected = [org.lindesberg, org.nora, org.hallefors, org.ljusnarsberg].sort();
    assert.deepEqual((await as(anna, (s) => loadMatchingArea(s, today))).sort(), expected);
    assert.deepEqual((await as(johan, (s) => loadMatchingArea(s, today))).sort(), expected);
  });
});

describe('the languages of a home, kept by the unit', () => {
  it('are saved trimmed and in lower case, once each, with a new version, and matching uses them at once', async () => {
    const [before] = await as(anna, (s) => loadFosterHomes(s, [homes.siblings]));
    const saved = await as(anna, (s) => updateFosterHome(s, { id: homes.siblings, expectedVersion: before!.version, languages: [' Tigrinja', 'svenska', 'tigrinja'] }));
    assert.deepEqual(saved.languages, ['tigrinja', 'svenska']);
    assert.equal(saved.version, before!.version + 1);
    const result = await match(anna, { ages: [5], languages: ['tigrinja'] });
    assert.ok(rankOf(result, homes.siblings)!.reasons.includes('Talar tigrinja, som barnet.'));
  });

  it('refuse what is not a language, in Swedish, and a municipality cannot change the unit’s home', async () => {
    const [home] = await as(anna, (s) => loadFosterHomes(s, [homes.siblings]));
    await assert.rejects(as(anna, (s) => updateFosterHome(s, { id: homes.siblings, expectedVersion: home!.version, languages: ['svenska', '123'] })), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ path: 'languages.1', message: 'Ange språket med bokstäver, till exempel arabiska.' }]);
      return true;
    });
    await assert.rejects(as(lena, (s) => updateFosterHome(s, { id: homes.siblings, expectedVersion: home!.version, languages: ['finska'] })), ForbiddenError);
  });
});
