import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { createTestDatabase, demoActor, type TestDatabase } from '../testing/index.js';
import { createConsultancyAgency, listConsultancyAgencies } from './consultancy-agencies.js';

let db: TestDatabase;
let anna: Actor;
let ingrid: Actor;
let johan: Actor;
before(async () => {
  db = await createTestDatabase();
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  ingrid = await demoActor(db, 'ingrid.wikstrom@norrbotten.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
});
after(async () => {
  await db.dispose();
});

const as = <T>(actor: Actor, work: (session: Session) => Promise<T>, requestId = randomUUID()) =>
  inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));

const agencyCount = async () => (await db.kysely.selectFrom('consultancy_agencies').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('consultancy agencies (konsulentverksamheter)', () => {
  it('the unit’s familjehemssekreterare registers an agency with its IVO permit, owned by the unit and audited', async () => {
    const requestId = randomUUID();
    const agency = await as(anna, (session) =>
      createConsultancyAgency(session, { name: 'Nordanstigs Familjestöd AB', organisationNumber: '556123-4567', ivoPermitNumber: '3.5.1-34567/2021' }), requestId);
    assert.equal(agency.ownerId, anna.organisationId);
    assert.equal(agency.ivoPermitNumber, '3.5.1-34567/2021');
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type']).where('request_id', '=', requestId).execute();
    assert.deepEqual(audit, [{ action: 'create', entity_type: 'ConsultancyAgency' }]);
    const listed = await as(johan, (session) => listConsultancyAgencies(session));
    assert.ok(listed.some((a) => a.id === agency.id), 'member municipalities see the agencies they may buy from');
  });

  it('an agency without an IVO permit number, or with a malformed organisation number, is refused in Swedish and nothing is saved', async () => {
    const before = await agencyCount();
    await assert.rejects(
      as(anna, (session) => createConsultancyAgency(session, { name: 'Utan Tillstånd AB', ivoPermitNumber: ' ' })),
      (error: unknown) => error instanceof ValidationError && /IVO/.test(error.message),
    );
    await assert.rejects(
      as(anna, (session) => createConsultancyAgency(session, { name: 'Fel Nummer AB', organisationNumber: '12', ivoPermitNumber: '3.5.1-1/2020' })),
      (error: unknown) => error instanceof ValidationError && /Organisationsnumret/.test(error.message),
    );
    assert.equal(await agencyCount(), before);
  });

  it('a steering-group member or a barnsekreterare cannot register an agency', async () => {
    const before = await agencyCount();
    for (const actor of [ingrid, johan]) {
      await assert.rejects(as(actor, (session) => createConsultancyAgency(session, { name: 'Obehörig AB', ivoPermitNumber: '3.5.1-2/2020' })), ForbiddenError);
    }
    assert.equal(await agencyCount(), before);
  });

  it('no organisation can change another organisation’s agency, even in SQL', async () => {
    const lindesbergHead = await demoActor(db, 'maria.holm@lindesberg.se');
    const result = await as(lindesbergHead, (session) =>
      session.db.updateTable('consultancy_agencies').set({ name: 'Kapad AB' }).where('owner_org_id', '=', anna.organisationId).executeTakeFirst());
    assert.equal(result.numUpdatedRows, 0n);
  });
});
