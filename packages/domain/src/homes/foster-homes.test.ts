import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { DomainError, ForbiddenError, ValidationError, VersionConflictError } from '../errors.js';
import { luhnCheckDigit } from '../shared/personal-identity.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { listConsultancyAgencies } from './consultancy-agencies.js';
import {
  createFosterHome,
  listFosterHomes,
  loadFosterHomes,
  loadHouseholdMembersByHome,
  updateFosterHome,
  type CreateFosterHomeInput,
  type FosterHome,
} from './foster-homes.js';

let db: TestDatabase;
let unitId: string;
let lindesbergId: string;
let noraId: string;
/** Anna Lind, familjehemssekreterare at the joint unit. */
let anna: Actor;
/** Erik Berg, enhetschef at the joint unit. */
let erik: Actor;
/** Sara Nilsson, barnsekreterare in Lindesberg. */
let sara: Actor;
/** Maria Holm, enhetschef in Lindesberg. */
let maria: Actor;

before(async () => {
  db = await createTestDatabase();
  const organisation = async (name: string) =>
    (await db.kysely.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  unitId = await organisation('Familjehemsenheten Norra länsdelen');
  lindesbergId = await organisation('Lindesbergs kommun');
  noraId = await organisation('Nora kommun');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  maria = await demoActor(db, 'maria.holm@lindesberg.se');
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));
}

async function list(actor: Actor, filter: Parameters<typeof listFosterHomes>[1]['filter'] = {}, limit = 500, offset = 0) {
  return as(actor, (session) => listFosterHomes(session, { filter, limit, offset }));
}

/** Row counts as the owner sees them, to prove that nothing was written. */
async function rowCounts() {
  const count = async (table: 'foster_homes' | 'household_members' | 'audit_log') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { homes: await count('foster_homes'), members: await count('household_members'), audit: await count('audit_log') };
}

function homeRow(id: string) {
  return db.kysely.selectFrom('foster_homes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * The unit's homes that came through the recruitment pipeline and are now past it: approved
 * (active) or closed after the family left. The register lists them besides the 2022 mix.
 */
async function recruitedIntoRegister() {
  const rows = await db.kysely
    .selectFrom('foster_homes')
    .select(['kind', 'status', 'approved_on'])
    .where('owner_org_id', '=', unitId)
    .where('status', '!=', 'recruiting')
    .where((eb) => eb.exists(eb.selectFrom('recruitments').select('id').whereRef('recruitments.foster_home_id', '=', 'foster_homes.id').where('purpose', '=', 'new_home')))
    .execute();
  return {
    total: rows.length,
    own: rows.filter((r) => r.kind === 'own').length,
    emergency: rows.filter((r) => r.kind === 'emergency').length,
    approved: rows.filter((r) => r.approved_on !== null).length,
    closed: rows.filter((r) => r.status === 'closed').length,
  };
}

/** A twelve-digit number with a correct check digit for the given YYYYMMDD and birth number. */
function withCheckDigit(yyyymmdd: string, birthNumber: string): string {
  return `${yyyymmdd}${birthNumber}${luhnCheckDigit(`${yyyymmdd.slice(2)}${birthNumber}`)}`;
}

// Registers are checked against the untouched demo data, so these run before anything is created.
describe('the foster-home register (familjehemsregistret)', () => {
  it('the demo data has Lindesberg’s 2022 mix: 30 own, 3 emergency, 6 network and 4 consultant-supported homes besides the families recruited since', async () => {
    const rows = await db.kysely
      .selectFrom('foster_homes')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('recruitments').select('id').whereRef('recruitments.foster_home_id', '=', 'foster_homes.id').where('purpose', '=', 'new_home'))))
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.kind, Number(r.n)]),
      [['consultant_supported', 4], ['emergency', 3], ['network', 6], ['own', 30]],
    );
  });

  it('the joint unit’s register holds its 30 own and 3 emergency homes and the families recruited past the pipeline, and no municipality’s network or consultant home', async () => {
    const recruited = await recruitedIntoRegister();
    assert.ok(recruited.approved >= 2 && recruited.closed >= 1);
    assert.equal((await list(anna)).totalCount, 33 + recruited.total);
    assert.equal((await list(anna, { kind: 'own' })).totalCount, 30 + recruited.own);
    assert.equal((await list(anna, { kind: 'emergency' })).totalCount, 3 + recruited.emergency);
    assert.equal((await list(anna, { kind: 'network' })).totalCount, 0);
    assert.equal((await list(anna, { kind: 'consultant_supported' })).totalCount, 0);
    const own = await list(anna, { kind: 'own' });
    assert.equal(own.homes.length, 30 + recruited.own);
    assert.ok(own.homes.every((h) => h.kind === 'own' && h.ownerId === unitId && h.consultancyAgencyId === null));
  });

  it('the municipalities’ own network and consultant-supported homes add up to the 6 and 4 of the demo data', async () => {
    let network = 0;
    let consultant = 0;
    for (const email of ['sara.nilsson@lindesberg.se', 'johan.ek@nora.se', 'karin.sjoberg@hallefors.se', 'olof.hed@ljusnarsberg.se']) {
      const worker = await demoActor(db, email);
      const networkHomes = await list(worker, { kind: 'network', ownerId: worker.organisationId });
      const consultantHomes = await list(worker, { kind: 'consultant_supported', ownerId: worker.organisationId });
      assert.ok(consultantHomes.homes.every((h) => h.consultancyAgencyId !== null));
      network += networkHomes.totalCount;
      consultant += consultantHomes.totalCount;
    }
    assert.deepEqual({ network, consultant }, { network: 6, consultant: 4 });
  });

  it('filtering by owner splits what a Lindesberg barnsekreterare sees into Lindesberg’s homes and the unit’s register', async () => {
    const all = await list(sara);
    const lindesbergs = await list(sara, { ownerId: lindesbergId });
    const units = await list(sara, { ownerId: unitId });
    const noras = await list(sara, { ownerId: noraId });
    // Member municipalities see the unit's approved homes, not the families that left before approval.
    assert.equal(units.totalCount, 33 + (await recruitedIntoRegister()).approved);
    assert.ok(lindesbergs.totalCount > 0);
    assert.equal(all.totalCount, lindesbergs.totalCount + units.totalCount);
    assert.ok(lindesbergs.homes.every((h) => h.ownerId === lindesbergId));
    assert.ok(units.homes.every((h) => h.ownerId === unitId));
    assert.deepEqual(noras, { homes: [], totalCount: 0 });
  });

  it('filtering by status gives the paused, active and closed homes, which together are the whole register, and the families in recruitment only when asked for', async () => {
    const expectedPaused = Number(
      (
        await db.kysely
          .selectFrom('foster_homes')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('owner_org_id', '=', unitId)
          .where('status', '=', 'paused')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const paused = await list(anna, { status: 'paused' });
    const active = await list(anna, { status: 'active' });
    assert.equal(paused.totalCount, expectedPaused);
    assert.ok(paused.homes.every((h) => h.status === 'paused'));
    assert.ok(active.homes.every((h) => h.status === 'active'));
    const closed = await list(anna, { status: 'closed' });
    const recruiting = await list(anna, { status: 'recruiting' });
    assert.equal(paused.totalCount + active.totalCount + closed.totalCount, (await list(anna)).totalCount);
    assert.ok(recruiting.totalCount > 0 && recruiting.homes.every((h) => h.status === 'recruiting'));
    assert.ok((await list(anna)).homes.every((h) => h.status !== 'recruiting'));
    const pausedOwn = await list(anna, { status: 'paused', kind: 'own' });
    assert.ok(pausedOwn.homes.every((h) => h.status === 'paused' && h.kind === 'own'));
  });

  it('searching matches the home’s name or town, case-insensitively, and treats % and _ as plain characters', async () => {
    const all = (await list(anna)).homes;
    for (const search of ['andersson', 'FRÖVI', 'son', 'Nora']) {
      const expected = all
        .filter((h) => h.name.toLowerCase().includes(search.toLowerCase()) || (h.city ?? '').toLowerCase().includes(search.toLowerCase()))
        .map((h) => h.id);
      const found = await list(anna, { search });
      assert.deepEqual(found.homes.map((h) => h.id), expected, `search ${search}`);
      assert.equal(found.totalCount, expected.length);
    }
    assert.equal((await list(anna, { search: 'andersson' })).totalCount, 1);
    assert.equal((await list(anna, { search: '%' })).totalCount, 0);
    assert.equal((await list(anna, { search: '_' })).totalCount, 0);
    assert.equal((await list(anna, { search: '   ' })).totalCount, (await list(anna)).totalCount);
  });

  it('pages come in name order with the total on every page, also past the last page', async () => {
    const all = await list(anna);
    const total = all.totalCount;
    const ownTotal = (await list(anna, { kind: 'own' })).totalCount;
    const names = all.homes.map((h) => h.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const pages: FosterHome[] = [];
    for (let offset = 0; offset < total; offset += 10) {
      const page = await list(anna, {}, 10, offset);
      assert.equal(page.totalCount, total);
      pages.push(...page.homes);
    }
    assert.deepEqual(pages.map((h) => h.id), all.homes.map((h) => h.id));
    assert.deepEqual(await list(anna, {}, 10, total + 7), { homes: [], totalCount: total });
    assert.deepEqual(await list(anna, { kind: 'own' }, 10, ownTotal), { homes: [], totalCount: ownTotal });
  });
});

describe('creating a foster home (createFosterHome)', () => {
  const baseInput = (): CreateFosterHomeInput => ({
    kind: 'own',
    name: 'Familjen Testsson',
    streetAddress: 'Storgatan 7',
    postalCode: '711 30',
    city: 'Lindesberg',
    municipalityId: lindesbergId,
    places: 2,
    approvedById: lindesbergId,
    approvedOn: '2025-03-14',
    householdMembers: [
      { givenName: 'Karin', familyName: 'Testsson', personalIdentityNumber: '198211059954', role: 'adult' },
      { givenName: 'Per', familyName: 'Testsson', personalIdentityNumber: '901211-9948', role: 'adult' },
      { givenName: 'Nils', familyName: 'Testsson', personalIdentityNumber: '200012099891', role: 'child' },
      { givenName: 'Amal', familyName: 'Testsson', personalIdentityNumber: '195705749959', role: 'other' },
    ],
  });

  it('the unit’s familjehemssekreterare registers an own home with its household, stored with long-form personnummer and audited', async () => {
    const before = await rowCounts();
    const requestId = randomUUID();
    const home = await as(anna, (session) => createFosterHome(session, baseInput()), requestId);
    assert.equal(home.ownerId, unitId);
    assert.equal(home.kind, 'own');
    assert.equal(home.status, 'active');
    assert.equal(home.version, 1);
    assert.equal(home.approvedById, lindesbergId);
    assert.equal(home.approvedOn, '2025-03-14');
    assert.equal(home.consultancyAgencyId, null);

    const members = await as(anna, (session) => loadHouseholdMembersByHome(session, [home.id]));
    assert.deepEqual(
      members.map((m) => [m.givenName, m.role, m.personalIdentityNumber]).sort(),
      [
        ['Amal', 'other', '195705749959'],
        ['Karin', 'adult', '198211059954'],
        ['Nils', 'child', '200012099891'],
        ['Per', 'adult', '199012119948'],
      ],
    );
    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.entity_type, a.user_id, a.organisation_id]),
      [
        ['create', 'FosterHome', anna.userId, unitId],
        ...members.map(() => ['create', 'HouseholdMember', anna.userId, unitId]),
      ],
    );
    assert.equal(audit[0]!.entity_id, home.id);
    assert.deepEqual(audit.slice(1).map((a) => a.person_id).sort(), members.map((m) => m.id).sort());
    const afterCounts = await rowCounts();
    assert.equal(afterCounts.homes, before.homes + 1);
    assert.equal(afterCounts.members, before.members + 4);
    assert.equal((await list(anna, { search: 'Testsson' })).totalCount, 1);
  });

  const wrongNumbers: Array<[string, string]> = [
    ['a wrong check digit', '198211059955'],
    ['month 13 (with a correct check digit)', withCheckDigit('19821305', '998')],
    ['30 February (with a correct check digit)', withCheckDigit('19820230', '998')],
    ['letters', 'ÅÅMMDD-NNNN'],
    ['too few digits', '8211059'],
  ];
  for (const [what, number] of wrongNumbers) {
    it(`a personnummer with ${what} (${number}) is refused with a Swedish message and nothing is written`, async () => {
      const before = await rowCounts();
      const input = baseInput();
      input.name = 'Familjen Felsson';
      input.householdMembers = [input.householdMembers![0]!, { ...input.householdMembers![1]!, personalIdentityNumber: number }];
      // The request itself carries on and commits: the refusal must not have left anything behind.
      const error = await as(anna, async (session) => {
        try {
          await createFosterHome(session, input);
        } catch (caught) {
          return caught;
        }
        return null;
      });
      assert.ok(error instanceof ValidationError, `expected ValidationError, got ${String(error)}`);
      assert.deepEqual(error.issues, [
        { path: 'householdMembers.1.personalIdentityNumber', message: 'Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.' },
      ]);
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.deepEqual(await rowCounts(), before);
      assert.equal((await list(anna, { search: 'Felsson' })).totalCount, 0);
    });
  }

  it('an impossible decision date is refused with a Swedish message', async () => {
    const before = await rowCounts();
    await assert.rejects(
      as(anna, (session) => createFosterHome(session, { ...baseInput(), name: 'Familjen Datumsson', approvedOn: '2025-02-29' })),
      (error: unknown) =>
        error instanceof ValidationError && error.issues.some((i) => i.path === 'approvedOn' && i.message === 'Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.'),
    );
    assert.deepEqual(await rowCounts(), before);
  });

  it('a consultant-supported home without a consultancy agency is refused, and so is an own home with one', async () => {
    const before = await rowCounts();
    const [agency] = await as(maria, (session) => listConsultancyAgencies(session));
    assert.ok(agency);
    const cases: CreateFosterHomeInput[] = [
      { ...baseInput(), kind: 'consultant_supported', name: 'Familjen Konsulentsson', approvedById: lindesbergId },
      { ...baseInput(), kind: 'consultant_supported', name: 'Familjen Konsulentsson', consultancyAgencyId: null },
      { ...baseInput(), kind: 'own', name: 'Familjen Konsulentsson', consultancyAgencyId: agency.id },
    ];
    for (const input of cases) {
      await assert.rejects(
        as(maria, (session) => createFosterHome(session, input)),
        (error: unknown) =>
          error instanceof ValidationError &&
          error.issues.some(
            (i) => i.path === 'consultancyAgencyId' && i.message === 'Ett konsulentstött familjehem ska ha en konsulentverksamhet, och bara ett sådant.',
          ),
      );
    }
    assert.deepEqual(await rowCounts(), before);
  });

  it('Lindesberg’s enhetschef registers a consultant-supported home with its agency, owned by Lindesberg', async () => {
    const [agency] = await as(maria, (session) => listConsultancyAgencies(session));
    const home = await as(maria, (session) =>
      createFosterHome(session, {
        kind: 'consultant_supported',
        name: 'Familjen Bergslagsson',
        places: 1,
        municipalityId: lindesbergId,
        consultancyAgencyId: agency!.id,
        approvedById: lindesbergId,
        approvedOn: '2024-11-20',
        householdMembers: [{ givenName: 'Eva', familyName: 'Bergslagsson', personalIdentityNumber: '19821105-9954', role: 'adult' }],
      }),
    );
    assert.equal(home.ownerId, lindesbergId);
    assert.equal(home.consultancyAgencyId, agency!.id);
    // The unit does not see the municipality's own arrangement.
    assert.deepEqual(await as(anna, (session) => loadFosterHomes(session, [home.id])), []);
  });

  it('a barnsekreterare cannot register a foster home', async () => {
    const before = await rowCounts();
    await assert.rejects(as(sara, (session) => createFosterHome(session, { ...baseInput(), kind: 'network' })), ForbiddenError);
    assert.deepEqual(await rowCounts(), before);
  });

  it(
    'a home approved by an organisation that does not exist is refused with a Swedish message, not a database error',
    async () => {
      const before = await rowCounts();
      await assert.rejects(
        as(anna, (session) => createFosterHome(session, { ...baseInput(), name: 'Familjen Spöksson', approvedById: randomUUID() })),
        (error: unknown) => error instanceof ValidationError && /nämnd/.test(error.message),
      );
      assert.deepEqual(await rowCounts(), before);
    },
  );
});

describe('changing a foster home (updateFosterHome) with optimistic locking', () => {
  async function aUnitHome(): Promise<FosterHome> {
    const { homes } = await list(anna, { kind: 'emergency', status: 'active' });
    return homes[0]!;
  }

  it('the right expectedVersion bumps the version by one, saves the change and leaves an audit update row', async () => {
    const home = await aUnitHome();
    const requestId = randomUUID();
    const updated = await as(erik, (session) => updateFosterHome(session, { id: home.id, expectedVersion: home.version, places: 3, city: 'Frövi' }), requestId);
    assert.equal(updated.version, home.version + 1);
    assert.equal(updated.places, 3);
    assert.equal(updated.city, 'Frövi');
    assert.ok(updated.updatedAt.getTime() >= home.updatedAt.getTime());
    const row = await homeRow(home.id);
    assert.equal(row.version, home.version + 1);
    assert.equal(row.places, 3);
    const audit = await db.kysely.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.entity_type, a.entity_id, a.user_id, a.organisation_id, a.purpose]),
      [['update', 'FosterHome', home.id, erik.userId, unitId, 'places,city']],
    );
  });

  it('two workers who opened the same version: the second gets VersionConflictError with the current version, and the first one’s change stays', async () => {
    const opened = await aUnitHome();
    const erikSaved = await as(erik, (session) => updateFosterHome(session, { id: opened.id, expectedVersion: opened.version, name: 'Familjen Eriks ändring' }));
    const afterErik = await homeRow(opened.id);
    const auditBefore = (await rowCounts()).audit;

    const requestId = randomUUID();
    await assert.rejects(
      as(anna, (session) => updateFosterHome(session, { id: opened.id, expectedVersion: opened.version, name: 'Familjen Annas ändring', status: 'paused' }), requestId),
      (error: unknown) => {
        assert.ok(error instanceof VersionConflictError, `got ${String(error)}`);
        assert.equal(error.currentVersion, erikSaved.version);
        assert.equal(error.code, 'VERSION_CONFLICT');
        assert.match(error.message, /har ändrats av någon annan/);
        return true;
      },
    );
    assert.deepEqual(await homeRow(opened.id), afterErik);
    assert.equal(afterErik.name, 'Familjen Eriks ändring');
    assert.equal((await rowCounts()).audit, auditBefore);
  });

  it('a save with nothing to change is refused with a Swedish message and the version stays', async () => {
    const home = await aUnitHome();
    await assert.rejects(
      as(anna, (session) => updateFosterHome(session, { id: home.id, expectedVersion: home.version })),
      (error: unknown) => error instanceof ValidationError && error.message === 'Inga ändringar att spara.',
    );
    assert.equal((await homeRow(home.id)).version, home.version);
  });
});
