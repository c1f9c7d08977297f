import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { addDays, addMonths, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { birthDateOf, childAgeOn } from './children.js';
import { freePlacesOf, listFreePlaces, loadCapacities, loadOccupantsByHome } from './occupancy.js';
import { insertHome, placeChild } from './test-fixtures.js';

const today = todayInSweden();
let db: TestDatabase;
const org: Record<'unit' | 'lindesberg' | 'nora' | 'hallefors', string> = { unit: '', lindesberg: '', nora: '', hallefors: '' };
/** Anna Lind (the unit), Sara Nilsson (Lindesberg), Johan Ek (Nora), Ingrid Wikström (steering group). */
let anna: Actor;
let sara: Actor;
let johan: Actor;
let ingrid: Actor;
const homes: Record<'storgarden' | 'unapproved' | 'expired' | 'overfull' | 'paused' | 'recruiting' | 'treatment' | 'lindesbergNetwork', string> = {
  storgarden: '', unapproved: '', expired: '', overfull: '', paused: '', recruiting: '', treatment: '', lindesbergNetwork: '',
};
const children: Record<'elsa' | 'liam', string> = { elsa: '', liam: '' };

/** A personnummer of a child who is `age` today (born ten days after the birthday). */
function bornAged(age: number, serial: number): string {
  return testPersonalIdentityNumber(addDays(addMonths(today, -12 * age), -10), serial);
}

before(async () => {
  db = await createTestDatabase();
  org.unit = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  org.lindesberg = await organisationIdByName(db, 'Lindesbergs kommun');
  org.nora = await organisationIdByName(db, 'Nora kommun');
  org.hallefors = await organisationIdByName(db, 'Hällefors kommun');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');

  const unitHome = { ownerId: org.unit, municipalityId: org.nora, approvedById: org.nora, recordedBy: anna.userId, today };
  homes.storgarden = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Storgården', approval: { places: 3, minChildAge: 0, maxChildAge: 12 } });
  homes.unapproved = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Obeslutad', approval: null });
  homes.expired = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Utgången', approval: { places: 2, decidedOn: addMonths(today, -40), validUntil: addDays(today, -1) } });
  homes.overfull = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Trångbodd', approval: { places: 1 } });
  homes.paused = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Vilande', status: 'paused', approval: { places: 2 } });
  homes.recruiting = await insertHome(db.kysely, { ...unitHome, name: 'Familjen Intresserad', status: 'recruiting' });
  homes.treatment = await insertHome(db.kysely, { ...unitHome, municipalityId: org.hallefors, approvedById: org.hallefors, name: 'Familjen Behandlingsgården', kind: 'treatment', approval: { places: 2, minChildAge: 10, maxChildAge: 17 } });
  homes.lindesbergNetwork = await insertHome(db.kysely, { ownerId: org.lindesberg, municipalityId: org.lindesberg, approvedById: org.lindesberg, recordedBy: anna.userId, today, name: 'Familjen Släktgården', kind: 'network', approval: { places: 1 } });

  children.elsa = await placeChild(db.kysely, { placingId: org.lindesberg, givenName: 'Elsa', familyName: 'Lindqvist', personalIdentityNumber: bornAged(9, 901), fosterHomeId: homes.storgarden, startsOn: addMonths(today, -14) });
  children.liam = await placeChild(db.kysely, { placingId: org.nora, givenName: 'Liam', familyName: 'Holmberg', personalIdentityNumber: bornAged(4, 902), fosterHomeId: homes.storgarden, startsOn: addDays(today, -20) });
  // Neither an ended placement nor one that starts tomorrow takes a place today.
  await placeChild(db.kysely, { placingId: org.lindesberg, givenName: 'Maja', familyName: 'Nyström', personalIdentityNumber: bornAged(6, 903), fosterHomeId: homes.storgarden, startsOn: addMonths(today, -8), endedOn: today });
  await placeChild(db.kysely, { placingId: org.lindesberg, givenName: 'Hugo', familyName: 'Nyström', personalIdentityNumber: bornAged(8, 904), fosterHomeId: homes.storgarden, startsOn: addDays(today, 1) });
  // A renewal approved fewer places than are taken.
  for (const [serial, givenName] of [[905, 'Vera'], [906, 'Nils']] as const) {
    await placeChild(db.kysely, { placingId: org.lindesberg, givenName, familyName: 'Sundström', personalIdentityNumber: bornAged(10, serial), fosterHomeId: homes.overfull, startsOn: addMonths(today, -3) });
  }

  // An assessment under way for the recruiting family, with a register check: the unit's alone.
  const recruitment = await db.kysely
    .insertInto('recruitments')
    .values({ owner_org_id: org.unit, foster_home_id: homes.recruiting, purpose: 'new_home', source: 'website', received_on: addMonths(today, -5), step: 'assessment', step_entered_on: addMonths(today, -1) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const assessment = await db.kysely
    .insertInto('home_assessments')
    .values({ owner_org_id: org.unit, recruitment_id: recruitment.id, foster_home_id: homes.recruiting, assessor_id: anna.userId, method: 'kalvesten', started_on: addMonths(today, -1) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const adult = await db.kysely
    .insertInto('household_members')
    .values({ owner_org_id: org.unit, foster_home_id: homes.recruiting, given_name: 'Karin', family_name: 'Intresserad', personal_identity_number: testPersonalIdentityNumber('1984-05-06', 907), role: 'adult' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.kysely
    .insertInto('register_checks')
    .values({ owner_org_id: org.unit, assessment_id: assessment.id, household_member_id: adult.id, register: 'conviction_register', consent_given_on: addDays(today, -20), checked_on: addDays(today, -14), result: 'no_entries', recorded_by: anna.userId })
    .execute();
});

after(async () => {
  await db?.dispose();
});

function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

const capacityOf = async (actor: Actor, homeId: string, day = today) => (await as(actor, (s) => loadCapacities(s, [homeId], day)))[0]!;

describe('a child’s age from the personnummer', () => {
  it('is read from the birth date in the number, a samordningsnummer’s day less 60', () => {
    assert.equal(birthDateOf('201703149802'), '2017-03-14');
    assert.equal(birthDateOf('201703749802'), '2017-03-14');
    assert.equal(childAgeOn('201703149802', '2026-03-13'), 8);
    assert.equal(childAgeOn('201703149802', '2026-03-14'), 9);
  });
});

describe('places in a home (platser) and who occupies them', () => {
  it('free places are the approved places less the occupied ones, and never fewer than none', () => {
    assert.equal(freePlacesOf(3, 1), 2);
    assert.equal(freePlacesOf(2, 2), 0);
    assert.equal(freePlacesOf(1, 2), 0);
    assert.equal(freePlacesOf(0, 0), 0);
  });

  it('the places come from the approval in force: 3 approved, 2 children placed today, 1 free', async () => {
    const capacity = await capacityOf(anna, homes.storgarden);
    assert.deepEqual(
      { approved: capacity.approvedPlaces, occupied: capacity.occupiedPlaces, free: capacity.freePlaces, ages: [capacity.approval?.conditions?.minChildAge, capacity.approval?.conditions?.maxChildAge] },
      { approved: 3, occupied: 2, free: 1, ages: [0, 12] },
    );
  });

  it('an ended placement frees its place on the end day; one starting tomorrow takes it then', async () => {
    const tomorrow = await capacityOf(anna, homes.storgarden, addDays(today, 1));
    assert.equal(tomorrow.occupiedPlaces, 3);
    assert.equal(tomorrow.freePlaces, 0);
    const yesterday = await capacityOf(anna, homes.storgarden, addDays(today, -1));
    assert.equal(yesterday.occupiedPlaces, 3);
  });

  it('a home without an approval in force has no usable places, whatever the register says', async () => {
    for (const homeId of [homes.unapproved, homes.expired]) {
      const capacity = await capacityOf(anna, homeId);
      assert.equal(capacity.approval, null);
      assert.equal(capacity.approvedPlaces, 0);
      assert.equal(capacity.freePlaces, 0);
    }
    const register = await db.kysely.selectFrom('foster_homes').select('places').where('id', '=', homes.expired).executeTakeFirstOrThrow();
    assert.equal(register.places, 2);
  });

  it('a home with more children than its renewed approval allows shows no free place, not a negative number', async () => {
    const capacity = await capacityOf(anna, homes.overfull);
    assert.deepEqual([capacity.approvedPlaces, capacity.occupiedPlaces, capacity.freePlaces], [1, 2, 0]);
  });

  it('the unit that owns the home sees each child: name, age from the personnummer, placing municipality and since when', async () => {
    const occupants = await as(anna, (s) => loadOccupantsByHome(s, [homes.storgarden], today));
    assert.deepEqual(
      occupants.map((o) => [o.child.givenName, o.child.familyName, o.age, o.placingMunicipalityId, o.since]),
      [
        ['Elsa', 'Lindqvist', 9, org.lindesberg, addMonths(today, -14)],
        ['Liam', 'Holmberg', 4, org.nora, addDays(today, -20)],
      ],
    );
  });

  it('a placing municipality sees its own child in the unit’s home, and only the count of the others', async () => {
    const lindesbergs = await as(sara, (s) => loadOccupantsByHome(s, [homes.storgarden], today));
    assert.deepEqual(lindesbergs.map((o) => o.child.id), [children.elsa]);
    const noras = await as(johan, (s) => loadOccupantsByHome(s, [homes.storgarden], today));
    assert.deepEqual(noras.map((o) => o.child.id), [children.liam]);
    const counted = await capacityOf(johan, homes.storgarden);
    assert.equal(counted.occupiedPlaces, 2, 'the count includes Lindesberg’s child that Nora cannot see');
    assert.equal(counted.freePlaces, 1);
  });

  it('every child read is audited with who read it, and reading counts only is not', async () => {
    const requestId = randomUUID();
    await inIdentityTransaction(db.kysely, sara, (trx) => loadOccupantsByHome({ db: trx, actor: sara, requestId }, [homes.storgarden], today));
    const audit = await db.kysely.selectFrom('audit_log').select(['user_id', 'entity_type', 'person_id', 'action']).where('request_id', '=', requestId).execute();
    assert.deepEqual(audit, [{ user_id: sara.userId, entity_type: 'Child', person_id: children.elsa, action: 'read' }]);
    const countsRequest = randomUUID();
    await inIdentityTransaction(db.kysely, johan, (trx) => loadCapacities({ db: trx, actor: johan, requestId: countsRequest }, [homes.storgarden], today));
    assert.equal((await db.kysely.selectFrom('audit_log').select('id').where('request_id', '=', countsRequest).execute()).length, 0);
  });

  it('the steering group sees neither places nor children', async () => {
    await assert.rejects(as(ingrid, (s) => loadCapacities(s, [homes.storgarden], today)), ForbiddenError);
    await assert.rejects(as(ingrid, (s) => loadOccupantsByHome(s, [homes.storgarden], today)), ForbiddenError);
    await assert.rejects(as(ingrid, (s) => listFreePlaces(s, {}, today)), ForbiddenError);
  });
});

describe('the free places overview (lediga platser)', () => {
  const names = async (actor: Actor, filter: Parameters<typeof listFreePlaces>[1] = {}) => {
    const places = await as(actor, (s) => listFreePlaces(s, filter, today));
    const rows = await db.kysely.selectFrom('foster_homes').select(['id', 'name']).where('id', 'in', places.length ? places.map((p) => p.fosterHomeId) : [randomUUID()]).execute();
    return places.map((p) => rows.find((r) => r.id === p.fosterHomeId)!.name);
  };

  it('lists active homes with an approval in force and a place left, with the kind, ages and places of the approval', async () => {
    const places = await as(anna, (s) => listFreePlaces(s, {}, today));
    const storgarden = places.find((p) => p.fosterHomeId === homes.storgarden)!;
    assert.deepEqual(
      [storgarden.kind, storgarden.minChildAge, storgarden.maxChildAge, storgarden.approvedPlaces, storgarden.occupiedPlaces, storgarden.freePlaces, storgarden.municipalityId],
      ['own', 0, 12, 3, 2, 1, org.nora],
    );
    const listed = new Set(places.map((p) => p.fosterHomeId));
    for (const left of [homes.unapproved, homes.expired, homes.overfull, homes.paused, homes.recruiting]) assert.ok(!listed.has(left));
    assert.ok(places.every((p) => p.freePlaces > 0 && p.freePlaces === p.approvedPlaces - p.occupiedPlaces));
    assert.ok(places.some((p) => p.kind === 'emergency'), 'the demo’s emergency homes have places');
  });

  it('filters by kind, by a child’s age within the approved range, and by the municipality the home lies in', async () => {
    assert.deepEqual(await names(anna, { kind: 'treatment' }), ['Familjen Behandlingsgården']);
    assert.ok(!(await names(anna, { childAge: 9 })).includes('Familjen Behandlingsgården'));
    assert.ok((await names(anna, { childAge: 12 })).includes('Familjen Behandlingsgården'));
    assert.ok(!(await names(anna, { childAge: 13 })).includes('Familjen Storgården'));
    const inHallefors = await as(anna, (s) => listFreePlaces(s, { municipalityId: org.hallefors }, today));
    assert.ok(inHallefors.length > 0 && inHallefors.every((p) => p.municipalityId === org.hallefors));
    const filtered = await as(anna, (s) => listFreePlaces(s, { kind: 'own', childAge: 4, municipalityId: org.nora }, today));
    assert.ok(filtered.every((p) => p.kind === 'own' && p.municipalityId === org.nora && (p.minChildAge ?? 0) <= 4 && (p.maxChildAge ?? 20) >= 4));
  });

  it('refuses an impossible filter in Swedish', async () => {
    await assert.rejects(as(anna, (s) => listFreePlaces(s, { childAge: 25 }, today)), (error: unknown) => error instanceof ValidationError && /högst 20 år/.test(error.message));
  });
});

describe('what a child’s social worker in Nora sees of the unit’s capacity', () => {
  it('the unit’s approved homes and their free places as counts, and Nora’s own homes, but not Lindesberg’s own homes', async () => {
    const places = await as(johan, (s) => listFreePlaces(s, {}, today));
    const owners = new Set((await db.kysely.selectFrom('foster_homes').select('owner_org_id').where('id', 'in', places.map((p) => p.fosterHomeId)).execute()).map((r) => r.owner_org_id));
    assert.ok(owners.has(org.unit));
    assert.ok(!owners.has(org.lindesberg));
    assert.ok([...owners].every((owner) => owner === org.unit || owner === org.nora));
    const storgarden = places.find((p) => p.fosterHomeId === homes.storgarden)!;
    assert.deepEqual([storgarden.approvedPlaces, storgarden.occupiedPlaces, storgarden.freePlaces], [3, 2, 1]);
    assert.ok(!places.some((p) => p.fosterHomeId === homes.lindesbergNetwork));
  });

  it('not the children Lindesberg placed, in the unit’s homes or anywhere', async () => {
    const seen = await as(johan, (s) => loadOccupantsByHome(s, [homes.storgarden, homes.overfull], today));
    assert.ok(seen.every((o) => o.placingMunicipalityId === org.nora));
    const lindesbergChildren = await as(johan, (s) => s.db.selectFrom('children').select('id').where('owner_org_id', '=', org.lindesberg).execute());
    assert.deepEqual(lindesbergChildren, []);
    const lindesbergPlacements = await as(johan, (s) => s.db.selectFrom('placements').select('id').where('owner_org_id', '=', org.lindesberg).execute());
    assert.deepEqual(lindesbergPlacements, []);
  });

  it('not the families in recruitment, nor any assessment detail, which the unit sees', async () => {
    const visible = (actor: Actor) => as(actor, (s) => s.db.selectFrom('foster_homes').select('id').where('id', '=', homes.recruiting).execute());
    assert.equal((await visible(anna)).length, 1);
    assert.deepEqual(await visible(johan), []);
    for (const table of ['recruitments', 'home_assessments', 'register_checks'] as const) {
      const unitRows = await as(anna, (s) => s.db.selectFrom(table).select('owner_org_id').execute());
      const noraRows = await as(johan, (s) => s.db.selectFrom(table).select('owner_org_id').execute());
      assert.ok(unitRows.length > 0, `the unit sees its ${table}`);
      assert.deepEqual(noraRows, [], `Nora sees no ${table}`);
    }
    assert.deepEqual(await as(johan, (s) => loadCapacities(s, [homes.recruiting], today)).then((c) => c[0]!.approvedPlaces), 0);
  });
});
