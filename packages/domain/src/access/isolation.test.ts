import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { listFosterHomes, loadFosterHomes, loadHouseholdMembersByHome, updateFosterHome } from '../homes/foster-homes.js';
import { createTestDatabase, demoActor } from '../testing/index.js';
import type { Actor, Session } from './actor.js';
import { ROLE_TITLES, type Role } from './roles.js';

/**
 * Tenant isolation (DOMAIN.md §4: "a municipality sees only its own children; the joint unit
 * sees the homes …"). The matrix is generated from the demo data: every membership a demo user
 * holds in one of the joint unit's four municipalities, against each of the other three.
 */

// The database and the matrix are needed to name the tests, so they are built before any describe.
const db = await createTestDatabase();
after(async () => {
  await db.dispose();
});

const unit = await db.kysely
  .selectFrom('organisations')
  .select(['id', 'name'])
  .where('kind', '=', 'foster_care_unit')
  .where('name', '=', 'Familjehemsenheten Norra länsdelen')
  .executeTakeFirstOrThrow();

const municipalities = await db.kysely
  .selectFrom('agreement_members as am')
  .innerJoin('collaboration_agreements as ca', 'ca.id', 'am.agreement_id')
  .innerJoin('organisations as o', 'o.id', 'am.municipality_id')
  .select(['o.id', 'o.name'])
  .where('ca.unit_id', '=', unit.id)
  .where('am.left_on', 'is', null)
  .orderBy('o.name')
  .execute();

interface MembershipCase {
  readonly email: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationName: string;
}

const allMemberships: MembershipCase[] = (
  await db.kysely
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['u.email', 'm.role', 'o.id as organisationId', 'o.name as organisationName'])
    .orderBy('o.name')
    .orderBy('m.role')
    .orderBy('u.email')
    .execute()
).map((row) => ({ ...row, role: row.role as Role }));

const municipalityIds = new Set(municipalities.map((m) => m.id));
const municipalityMemberships = allMemberships.filter((m) => municipalityIds.has(m.organisationId));

/** "Lindesbergs kommun" → "Lindesberg", "Nora kommun" → "Nora", the unit keeps its name. */
function shortName(name: string): string {
  return name.replace(/^(Lindesberg|Ljusnarsberg)s kommun$/, '$1').replace(/ kommun$/, '');
}

function who(m: MembershipCase): string {
  const title = ROLE_TITLES[m.role];
  return municipalityIds.has(m.organisationId)
    ? `a ${shortName(m.organisationName)} ${title} (${m.email})`
    : `a ${title} at ${m.organisationName} (${m.email})`;
}

/** "Nora's", "Hällefors'". */
function possessive(name: string): string {
  const short = shortName(name);
  return short.endsWith('s') ? `${short}'` : `${short}'s`;
}

async function actorFor(m: MembershipCase): Promise<Actor> {
  return demoActor(db, m.email, m.organisationId);
}

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/**
 * What an owner holds, read as the database owner (outside row-level security); with
 * `approvedOnly`, the approved homes that member municipalities may see (families in recruitment
 * are the owner's alone).
 */
async function holdingsOf(ownerId: string, { approvedOnly = false } = {}) {
  const homes = await db.kysely
    .selectFrom('foster_homes')
    .select(['id', 'name', 'version', 'places', 'status'])
    .where('owner_org_id', '=', ownerId)
    .$if(approvedOnly, (query) => query.where('approved_on', 'is not', null))
    .orderBy('id')
    .execute();
  const members = await db.kysely
    .selectFrom('household_members')
    .select(['id', 'foster_home_id', 'family_name', 'personal_identity_number'])
    .where('owner_org_id', '=', ownerId)
    .$if(approvedOnly, (query) => query.where('foster_home_id', 'in', db.kysely.selectFrom('foster_homes').select('id').where('approved_on', 'is not', null)))
    .orderBy('id')
    .execute();
  return { homes, members };
}

const POLICY_REFUSAL = /row-level security|violates|permission denied/i;

function isForbiddenOrNotFound(error: unknown): boolean {
  return error instanceof ForbiddenError || error instanceof NotFoundError;
}

describe('the isolation matrix comes from the demo data', () => {
  it('the joint unit has four member municipalities, each with at least one user and its own homes and households', async () => {
    assert.deepEqual(municipalities.map((m) => shortName(m.name)).sort(), ['Hällefors', 'Lindesberg', 'Ljusnarsberg', 'Nora']);
    for (const municipality of municipalities) {
      assert.ok(
        municipalityMemberships.some((m) => m.organisationId === municipality.id),
        `${municipality.name} has no demo user`,
      );
      const { homes, members } = await holdingsOf(municipality.id);
      assert.ok(homes.length > 0, `${municipality.name} owns no home`);
      assert.ok(members.length > 0, `${municipality.name} has no household members`);
    }
    // Lindesberg: three barnsekreterare, enhetschef, administratör; Nora: barnsekreterare, enhetschef; Hällefors, Ljusnarsberg: barnsekreterare.
    assert.equal(municipalityMemberships.length, 9);
  });
});

describe('a municipality cannot read another municipality’s foster homes or household members', () => {
  for (const member of municipalityMemberships) {
    for (const other of municipalities.filter((m) => m.id !== member.organisationId)) {
      it(`${who(member)} cannot read ${possessive(other.name)} foster homes or household members`, async () => {
        const actor = await actorFor(member);
        const theirs = await holdingsOf(other.id);
        const homeIds = theirs.homes.map((h) => h.id);
        const memberIds = theirs.members.map((h) => h.id);
        assert.ok(homeIds.length > 0 && memberIds.length > 0);

        const seen = await as(actor, async (session) => {
          const trx = session.db;
          const builderHomes = await trx.selectFrom('foster_homes').select('id').where('owner_org_id', '=', other.id).execute();
          const builderHomesById = await trx.selectFrom('foster_homes').select('id').where('id', 'in', homeIds).execute();
          const builderMembers = await trx.selectFrom('household_members').select('id').where('id', 'in', memberIds).execute();
          // A hand-written query inside the request transaction gets no further than the query builder.
          const { rows: handWritten } = await sql<{ homes: number; members: number; joined: number }>`
            select
              (select count(*)::int from foster_homes where owner_org_id = ${other.id}) as homes,
              (select count(*)::int from household_members where owner_org_id = ${other.id}) as members,
              (select count(*)::int from household_members hm join foster_homes fh on fh.id = hm.foster_home_id
                where fh.id in (${sql.join(homeIds)})) as joined`.execute(trx);
          const { rows: everyMember } = await sql<{ owner_org_id: string }>`select distinct owner_org_id from household_members`.execute(trx);
          const listed = hasRegisterRole(actor)
            ? await listFosterHomes(session, { filter: { ownerId: other.id }, limit: 100, offset: 0 })
            : null;
          const loaded = hasRegisterRole(actor) ? await loadFosterHomes(session, homeIds) : null;
          return { builderHomes, builderHomesById, builderMembers, handWritten: handWritten[0]!, everyMember, listed, loaded };
        });

        assert.deepEqual(seen.builderHomes, []);
        assert.deepEqual(seen.builderHomesById, []);
        assert.deepEqual(seen.builderMembers, []);
        assert.deepEqual(seen.handWritten, { homes: 0, members: 0, joined: 0 });
        assert.ok(seen.everyMember.every((row) => row.owner_org_id === member.organisationId));
        if (seen.listed) assert.deepEqual(seen.listed, { homes: [], totalCount: 0 });
        if (seen.loaded) assert.deepEqual(seen.loaded, []);

        // Through the domain: the household is either refused outright or comes back empty.
        await as(actor, async (session) => {
          try {
            const members = await loadHouseholdMembersByHome(session, homeIds);
            assert.deepEqual(members, []);
          } catch (error) {
            assert.ok(error instanceof ForbiddenError, `unexpected ${String(error)}`);
          }
        });
      });
    }
  }
});

function hasRegisterRole(actor: Actor): boolean {
  return actor.roles.some((role) => ['foster_care_worker', 'child_social_worker', 'head_of_unit', 'administrator'].includes(role));
}

describe('a municipality cannot change or add to another municipality’s foster homes or household members', () => {
  for (const member of municipalityMemberships) {
    for (const other of municipalities.filter((m) => m.id !== member.organisationId)) {
      it(`${who(member)} cannot change or add to ${possessive(other.name)} foster homes or household members`, async () => {
        const actor = await actorFor(member);
        const before = await holdingsOf(other.id);
        const home = before.homes[0]!;

        const affected = await as(actor, async ({ db: trx }) => {
          const homesByBuilder = await trx
            .updateTable('foster_homes')
            .set({ name: 'Kapat hem', version: sql`version + 1` })
            .where('owner_org_id', '=', other.id)
            .executeTakeFirst();
          const membersByBuilder = await trx
            .updateTable('household_members')
            .set({ family_name: 'Kapad' })
            .where('owner_org_id', '=', other.id)
            .executeTakeFirst();
          const deletedByBuilder = await trx.deleteFrom('household_members').where('foster_home_id', '=', home.id).executeTakeFirst();
          const homesBySql = await sql`update foster_homes set places = 0 where id = ${home.id}`.execute(trx);
          const membersBySql = await sql`update household_members set personal_identity_number = '198211059954' where owner_org_id = ${other.id}`.execute(trx);
          const deletedBySql = await sql`delete from household_members where owner_org_id = ${other.id}`.execute(trx);
          return [
            homesByBuilder.numUpdatedRows,
            membersByBuilder.numUpdatedRows,
            deletedByBuilder.numDeletedRows,
            homesBySql.numAffectedRows,
            membersBySql.numAffectedRows,
            deletedBySql.numAffectedRows,
          ];
        });
        assert.deepEqual(affected, [0n, 0n, 0n, 0n, 0n, 0n]);

        // Inserting rows owned by the other municipality is refused by policy (each in its own transaction).
        const attempts: Array<[string, (session: Session) => Promise<unknown>]> = [
          [
            'a home owned by them',
            ({ db: trx }) =>
              trx
                .insertInto('foster_homes')
                .values({ owner_org_id: other.id, municipality_id: other.id, kind: 'network', name: 'Familjen Inkräktare', places: 1, status: 'active' })
                .execute(),
          ],
          [
            'a household member in their home, by the query builder',
            ({ db: trx }) =>
              trx
                .insertInto('household_members')
                .values({ owner_org_id: other.id, foster_home_id: home.id, given_name: 'Ida', family_name: 'Inkräktare', personal_identity_number: '198211059954', role: 'adult' })
                .execute(),
          ],
          [
            'a household member in their home, by hand-written SQL',
            ({ db: trx }) =>
              sql`insert into household_members (owner_org_id, foster_home_id, given_name, family_name, personal_identity_number, role)
                  values (${other.id}, ${home.id}, 'Ida', 'Inkräktare', '198211059954', 'adult')`.execute(trx),
          ],
          [
            'a household member of its own placed in their home',
            ({ db: trx }) =>
              trx
                .insertInto('household_members')
                .values({ owner_org_id: member.organisationId, foster_home_id: home.id, given_name: 'Ida', family_name: 'Inkräktare', personal_identity_number: '198211059954', role: 'adult' })
                .execute(),
          ],
        ];
        for (const [what, attempt] of attempts) {
          await assert.rejects(as(actor, attempt), POLICY_REFUSAL, `inserting ${what} was not refused`);
        }

        // Through the domain: updateFosterHome refuses, whatever the version.
        await assert.rejects(
          as(actor, (session) => updateFosterHome(session, { id: home.id, expectedVersion: home.version, name: 'Kapat hem' })),
          isForbiddenOrNotFound,
        );

        assert.deepEqual(await holdingsOf(other.id), before);
      });
    }
  }
});

describe('what a municipality does see: its own homes and households, and the joint unit’s register', () => {
  for (const member of municipalityMemberships) {
    it(`${who(member)} sees homes owned by ${shortName(member.organisationName)} or the joint unit, and household members of ${shortName(member.organisationName)} only`, async () => {
      const actor = await actorFor(member);
      const own = await holdingsOf(member.organisationId);
      const unitHoldings = await holdingsOf(unit.id, { approvedOnly: true });
      const seen = await as(actor, async ({ db: trx }) => {
        const { rows: homes } = await sql<{ owner_org_id: string; n: number }>`
          select owner_org_id, count(*)::int as n from foster_homes group by owner_org_id order by owner_org_id`.execute(trx);
        const { rows: members } = await sql<{ owner_org_id: string; n: number }>`
          select owner_org_id, count(*)::int as n from household_members group by owner_org_id order by owner_org_id`.execute(trx);
        return { homes, members };
      });
      const expectedHomes = [
        { owner_org_id: member.organisationId, n: own.homes.length },
        { owner_org_id: unit.id, n: unitHoldings.homes.length },
      ].sort((a, b) => a.owner_org_id.localeCompare(b.owner_org_id));
      assert.deepEqual(seen.homes, expectedHomes);
      assert.deepEqual(seen.members, [{ owner_org_id: member.organisationId, n: own.members.length }]);
    });
  }
});

describe('member municipalities and the joint unit’s register', () => {
  const childSocialWorkers = municipalityMemberships.filter((m) => m.role === 'child_social_worker');

  it('every member municipality has a child social worker in the demo data', () => {
    assert.equal(new Set(childSocialWorkers.map((m) => m.organisationId)).size, municipalities.length);
  });

  for (const member of childSocialWorkers) {
    it(`${who(member)} can read the foster-home register of ${unit.name} but not who lives in its homes`, async () => {
      const actor = await actorFor(member);
      const unitHoldings = await holdingsOf(unit.id, { approvedOnly: true });
      assert.ok(unitHoldings.homes.length > 0 && unitHoldings.members.length > 0);
      const unitHomeIds = unitHoldings.homes.map((h) => h.id);

      const seen = await as(actor, async (session) => {
        const register = await listFosterHomes(session, { filter: { ownerId: unit.id }, limit: 500, offset: 0 });
        const loaded = await loadFosterHomes(session, unitHomeIds);
        const { rows } = await sql<{ members: number; joined: number }>`
          select
            (select count(*)::int from household_members where owner_org_id = ${unit.id}) as members,
            (select count(*)::int from household_members hm join foster_homes fh on fh.id = hm.foster_home_id
              where fh.owner_org_id = ${unit.id}) as joined`.execute(session.db);
        return { register, loaded, counts: rows[0]! };
      });
      assert.equal(seen.register.totalCount, unitHoldings.homes.length);
      assert.deepEqual(seen.register.homes.map((h) => h.id).sort(), [...unitHomeIds].sort());
      assert.equal(seen.loaded.length, unitHomeIds.length);
      assert.deepEqual(seen.counts, { members: 0, joined: 0 });

      await assert.rejects(
        as(actor, (session) => loadHouseholdMembersByHome(session, unitHomeIds)),
        ForbiddenError,
      );
    });
  }
});

describe('Norrbus and the steering group stay outside the foster-home register', () => {
  const outsiders = allMemberships.filter((m) =>
    (['norrbus_convener', 'norrbus_participant', 'steering_group_member'] as Role[]).includes(m.role),
  );

  it('the demo data has Norrbus conveners, Norrbus participants and a steering-group member', () => {
    assert.deepEqual([...new Set(outsiders.map((m) => m.role))].sort(), ['norrbus_convener', 'norrbus_participant', 'steering_group_member']);
  });

  for (const outsider of outsiders) {
    it(`${who(outsider)} gets ForbiddenError from listFosterHomes and sees no home or household in SQL`, async () => {
      const actor = await actorFor(outsider);
      const someHomeIds = (await holdingsOf(unit.id)).homes.slice(0, 3).map((h) => h.id);
      await assert.rejects(as(actor, (session) => listFosterHomes(session, { limit: 10, offset: 0 })), ForbiddenError);
      await assert.rejects(as(actor, (session) => loadFosterHomes(session, someHomeIds)), ForbiddenError);
      await assert.rejects(as(actor, (session) => loadHouseholdMembersByHome(session, someHomeIds)), ForbiddenError);
      const counts = await as(actor, async ({ db: t }) => {
        const { rows } = await sql<{ homes: number; members: number }>`
          select (select count(*)::int from foster_homes) as homes, (select count(*)::int from household_members) as members`.execute(t);
        return rows[0]!;
      });
      assert.deepEqual(counts, { homes: 0, members: 0 });
    });
  }
});

describe('nobody can change a home owned by someone else through updateFosterHome', () => {
  for (const member of allMemberships) {
    it(`${who(member)} cannot update any home owned by another organisation`, async () => {
      const actor = await actorFor(member);
      const owners = await db.kysely
        .selectFrom('foster_homes')
        .select('owner_org_id')
        .distinct()
        .where('owner_org_id', '<>', member.organisationId)
        .execute();
      assert.ok(owners.length >= 4);
      for (const { owner_org_id: ownerId } of owners) {
        const before = await holdingsOf(ownerId);
        const home = before.homes[0]!;
        await assert.rejects(
          as(actor, (session) => updateFosterHome(session, { id: home.id, expectedVersion: home.version, status: 'closed', places: 0 })),
          isForbiddenOrNotFound,
          `${member.email} changed a home owned by ${ownerId}`,
        );
        assert.deepEqual(await holdingsOf(ownerId), before);
      }
    });
  }
});

describe('the joint unit does not see the municipalities’ households', () => {
  const unitStaff = allMemberships.filter((m) => m.organisationId === unit.id);

  for (const staff of unitStaff) {
    it(`${who(staff)} reads no household member of a municipality-owned home`, async () => {
      const actor = await actorFor(staff);
      const municipalHomeIds = (
        await db.kysely.selectFrom('foster_homes').select('id').where('owner_org_id', 'in', [...municipalityIds]).execute()
      ).map((h) => h.id);
      assert.ok(municipalHomeIds.length > 0);
      const seen = await as(actor, async (session) => {
        const { rows } = await sql<{ members: number }>`
          select count(*)::int as members from household_members where owner_org_id <> ${unit.id}`.execute(session.db);
        const loaded = await loadHouseholdMembersByHome(session, municipalHomeIds);
        return { counts: rows[0]!, loaded };
      });
      assert.deepEqual(seen, { counts: { members: 0 }, loaded: [] });
    });
  }
});
