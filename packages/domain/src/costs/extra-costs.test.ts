import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { extraCostRefusal, loadExtraCosts, loadTreatmentAssignments, recordExtraCost, setTreatmentAssignment, treatmentAssignmentRefusal } from './extra-costs.js';

const kr = (amount: number) => amount * 100;

describe('when an extra cost may be dated (pure rules)', () => {
  const ended = { startsOn: '2024-03-10', endedOn: '2024-09-01' };
  it('from the start day to the end day of the stay, both inclusive', () => {
    assert.equal(extraCostRefusal(ended, '2024-03-10'), null);
    assert.equal(extraCostRefusal(ended, '2024-09-01'), null, 'the cost of the move falls on the end day');
    assert.equal(extraCostRefusal(ended, '2024-03-09')?.rule, 'EXTRA_COST_OUTSIDE_PLACEMENT');
    assert.equal(extraCostRefusal(ended, '2024-09-02')?.rule, 'EXTRA_COST_OUTSIDE_PLACEMENT');
    assert.match(extraCostRefusal(ended, '2024-09-02')!.message, /utanför placeringen \(2024-03-10 – 2024-09-01\)/);
  });

  it('any day from the start of an ongoing placement', () => {
    assert.equal(extraCostRefusal({ startsOn: '2024-03-10', endedOn: null }, '2030-01-01'), null);
    assert.match(extraCostRefusal({ startsOn: '2024-03-10', endedOn: null }, '2024-01-01')!.message, /från 2024-03-10/);
  });

  it('a treatment assignment is refused in a consultant-supported home, whose price includes it', () => {
    assert.equal(treatmentAssignmentRefusal('consultant_supported', true)?.rule, 'TREATMENT_IN_CONSULTANT_HOME');
    assert.equal(treatmentAssignmentRefusal('consultant_supported', false), null);
    assert.equal(treatmentAssignmentRefusal('own', true), null);
    assert.equal(treatmentAssignmentRefusal('network', true), null);
  });
});

let db: TestDatabase;
/** Barnsekreterare in Lindesberg. */
let sara: Actor;
/** Barnsekreterare in Nora. */
let johan: Actor;
/** Familjehemssekreterare of the unit. */
let anna: Actor;
let lindesbergId: string;

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));
}

/** One of Lindesberg's placements in a home of the kind, ended or ongoing. */
async function placement(kind: string, endedOrOngoing: 'ended' | 'ongoing') {
  return db.kysely
    .selectFrom('placements as p')
    .innerJoin('foster_homes as h', 'h.id', 'p.foster_home_id')
    .select(['p.id', 'p.starts_on', 'p.ended_on', 'p.version', 'p.child_id', 'p.treatment_assignment'])
    .where('p.owner_org_id', '=', lindesbergId)
    .where('h.kind', '=', kind)
    .where('p.ended_on', endedOrOngoing === 'ended' ? 'is not' : 'is', null)
    .orderBy('p.starts_on')
    .executeTakeFirstOrThrow();
}

before(async () => {
  db = await createTestDatabase();
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
  johan = await demoActor(db, 'johan.ek@nora.se');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  lindesbergId = await organisationIdByName(db, 'Lindesbergs kommun');
});

after(async () => {
  await db.dispose();
});

describe('extra costs on a placement', () => {
  it('the child’s social worker records the cost of the move on the end day and a credit, and reads them back by date', async () => {
    const p = await placement('own', 'ended');
    const move = await as(sara, (session) => recordExtraCost(session, { placementId: p.id, incurredOn: p.ended_on!, amount: kr(3_450) + 50, description: 'Flyttbil' }));
    assert.equal(move.amount, 345_050);
    const credit = await as(sara, (session) => recordExtraCost(session, { placementId: p.id, incurredOn: p.starts_on, amount: -kr(500), description: 'Återbetalt hyresbidrag' }));
    const costs = await as(sara, (session) => loadExtraCosts(session, [p.id]));
    assert.deepEqual(
      costs.filter((c) => [move.id, credit.id].includes(c.id)).map((c) => [c.incurredOn, c.amount, c.description]),
      [
        [p.starts_on, -kr(500), 'Återbetalt hyresbidrag'],
        [p.ended_on, 345_050, 'Flyttbil'],
      ],
    );
    assert.deepEqual(costs.map((c) => c.incurredOn), [...costs.map((c) => c.incurredOn)].sort());
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type', 'person_id']).where('user_id', '=', sara.userId).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => [a.action, a.entity_type, a.person_id]), [
      ['create', 'PlacementExtraCost', p.child_id],
      ['create', 'PlacementExtraCost', p.child_id],
      ['read', 'Placement', p.child_id],
    ]);
  });

  it('a cost dated outside the stay is refused with EXTRA_COST_OUTSIDE_PLACEMENT', async () => {
    const p = await placement('own', 'ended');
    for (const incurredOn of [addDays(p.starts_on, -1), addDays(p.ended_on!, 1)]) {
      await assert.rejects(
        as(sara, (session) => recordExtraCost(session, { placementId: p.id, incurredOn, amount: kr(100), description: 'Resa' })),
        (e: unknown) => e instanceof RuleViolationError && e.rule === 'EXTRA_COST_OUTSIDE_PLACEMENT',
      );
    }
  });

  it('the amount is whole öre and not zero, and the cost says what it is for', async () => {
    const p = await placement('own', 'ongoing');
    const attempt = (amount: number, description = 'Kläder') =>
      as(sara, (session) => recordExtraCost(session, { placementId: p.id, incurredOn: p.starts_on, amount, description }));
    await assert.rejects(attempt(0), (e: unknown) => e instanceof ValidationError && /inte vara 0 kr/.test(e.message));
    await assert.rejects(attempt(10.5), (e: unknown) => e instanceof ValidationError && /hela ören/.test(e.message));
    await assert.rejects(attempt(kr(100), '  '), (e: unknown) => e instanceof ValidationError && /Vad kostnaden gäller/.test(e.message));
  });

  it('another municipality cannot find the placement, and the unit cannot record or read its costs', async () => {
    const p = await placement('own', 'ongoing');
    await assert.rejects(as(johan, (session) => recordExtraCost(session, { placementId: p.id, incurredOn: p.starts_on, amount: kr(100), description: 'Resa' })), NotFoundError);
    assert.deepEqual(await as(johan, (session) => loadExtraCosts(session, [p.id])), []);
    await assert.rejects(as(anna, (session) => recordExtraCost(session, { placementId: p.id, incurredOn: p.starts_on, amount: kr(100), description: 'Resa' })), ForbiddenError);
    await assert.rejects(as(anna, (session) => loadExtraCosts(session, [p.id])), ForbiddenError);
  });
});

describe('the treatment assignment of a placement', () => {
  it('the child’s social worker gives a placement in an own home a treatment assignment, guarded by its version', async () => {
    const p = await placement('own', 'ongoing');
    assert.equal((await as(sara, (session) => loadTreatmentAssignments(session, [p.id]))).get(p.id), p.treatment_assignment);
    const updated = await as(sara, (session) => setTreatmentAssignment(session, { placementId: p.id, treatmentAssignment: !p.treatment_assignment, expectedVersion: p.version }));
    assert.equal(updated.version, p.version + 1);
    assert.equal((await as(anna, (session) => loadTreatmentAssignments(session, [p.id]))).get(p.id), !p.treatment_assignment, 'the unit paying the supplement sees it');
    await assert.rejects(
      as(sara, (session) => setTreatmentAssignment(session, { placementId: p.id, treatmentAssignment: p.treatment_assignment, expectedVersion: p.version })),
      (e: unknown) => e instanceof VersionConflictError && e.currentVersion === p.version + 1,
    );
  });

  it('is refused in a consultant-supported home with TREATMENT_IN_CONSULTANT_HOME', async () => {
    const p = await placement('consultant_supported', 'ongoing');
    await assert.rejects(
      as(sara, (session) => setTreatmentAssignment(session, { placementId: p.id, treatmentAssignment: true, expectedVersion: p.version })),
      (e: unknown) => e instanceof RuleViolationError && e.rule === 'TREATMENT_IN_CONSULTANT_HOME' && /ingår i konsulentverksamhetens avtalade dygnspris/.test(e.message),
    );
    const unchanged = await db.kysely.selectFrom('placements').select(['treatment_assignment', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.deepEqual(unchanged, { treatment_assignment: false, version: p.version });
  });

  it('the unit cannot change it', async () => {
    const p = await placement('own', 'ongoing');
    await assert.rejects(as(anna, (session) => setTreatmentAssignment(session, { placementId: p.id, treatmentAssignment: true, expectedVersion: p.version })), ForbiddenError);
  });
});
