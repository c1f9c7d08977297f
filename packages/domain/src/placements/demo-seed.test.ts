import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { currentApproval, toHomeDecision, type HomeDecision } from '../assessments/approvals.js';
import { todayInSweden } from '../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
});
after(async () => {
  await db?.dispose();
});

/** Read straight from the tables as their owner, independent of any report code. */
describe('the demo data reproduces seed 001 and keeps every home within its approval', () => {
  it('on 31 May 2022 Lindesberg has 54 children placed in foster homes: 11 in jourhem and 43 long-term', async () => {
    const { rows } = await sql<{ kind: string; children: number }>`
      select case when h.kind = 'emergency' then 'emergency' else 'long_term' end as kind, count(distinct p.child_id)::int as children
      from placements p
      join foster_homes h on h.id = p.foster_home_id
      join organisations o on o.id = p.owner_org_id
      where o.name = 'Lindesbergs kommun' and p.starts_on <= '2022-05-31' and (p.ended_on is null or p.ended_on > '2022-05-31')
      group by 1 order by 1`.execute(db.kysely);
    assert.deepEqual(rows, [
      { kind: 'emergency', children: 11 },
      { kind: 'long_term', children: 43 },
    ]);
  });

  it('every placement was made under the approval in force on its start day, and no home ever holds more children than it allows', async () => {
    const decisions = (await db.kysely.selectFrom('home_decisions').selectAll().execute()).map(toHomeDecision);
    const byHome = new Map<string, HomeDecision[]>();
    for (const decision of decisions) byHome.set(decision.fosterHomeId, [...(byHome.get(decision.fosterHomeId) ?? []), decision]);
    const placements = await db.kysely.selectFrom('placements').select(['id', 'foster_home_id', 'approval_id', 'starts_on', 'ended_on']).execute();
    assert.ok(placements.length > 200, `a history, not a snapshot: ${placements.length} placements`);
    for (const placement of placements) {
      const approval = currentApproval(byHome.get(placement.foster_home_id) ?? [], placement.starts_on);
      assert.equal(placement.approval_id, approval?.id, `placement ${placement.id} on ${placement.starts_on}`);
      // Occupancy only rises on a start day, so checking every start day checks every day.
      const occupied = placements.filter((p) => p.foster_home_id === placement.foster_home_id && p.starts_on <= placement.starts_on && (p.ended_on === null || p.ended_on > placement.starts_on));
      assert.ok(occupied.length <= approval!.conditions!.places, `${occupied.length} children in a home approved for ${approval!.conditions!.places} on ${placement.starts_on}`);
    }
  });

  it('a move ends one placement the day the next begins, and the history has both moves and ended placements', async () => {
    const { rows } = await sql<{ moves: number; ended: number; ongoing: number }>`
      select
        (select count(*)::int from placements a join placements b on b.child_id = a.child_id and b.starts_on = a.ended_on and b.id <> a.id
          where a.end_reason = 'Flytt till annat familjehem') as moves,
        (select count(*)::int from placements where ended_on is not null and end_reason <> 'Flytt till annat familjehem') as ended,
        (select count(*)::int from placements where ended_on is null) as ongoing`.execute(db.kysely);
    const [counts] = rows;
    assert.ok(counts!.moves >= 20 && counts!.ended >= 50 && counts!.ongoing >= 30, JSON.stringify(counts));
    const unmatched = await sql<{ id: string }>`
      select a.id from placements a where a.end_reason = 'Flytt till annat familjehem'
        and not exists (select 1 from placements b where b.child_id = a.child_id and b.starts_on = a.ended_on and b.id <> a.id)`.execute(db.kysely);
    assert.deepEqual(unmatched.rows, []);
  });

  it('every child has a worker of its own municipality, and every placed child guardians, an utredning and a decision', async () => {
    const { rows } = await sql<{ without_worker: number; without_case: number; paused_with_children: number }>`
      select
        (select count(*)::int from children c where not exists (
          select 1 from memberships m where m.user_id = c.assigned_worker_id and m.organisation_id = c.owner_org_id and m.role = 'child_social_worker')) as without_worker,
        (select count(*)::int from children c where exists (select 1 from placements p where p.child_id = c.id) and (
          not exists (select 1 from guardians g where g.child_id = c.id)
          or not exists (select 1 from needs_assessments n where n.child_id = c.id)
          or exists (select 1 from placements p where p.child_id = c.id and p.decision_id is null))) as without_case,
        (select count(*)::int from placements p join foster_homes h on h.id = p.foster_home_id where h.status <> 'active' and p.ended_on is null) as paused_with_children`.execute(db.kysely);
    assert.deepEqual(rows[0], { without_worker: 0, without_case: 0, paused_with_children: 0 });
  });

  it('favourable decisions have waited more than three months unexecuted, in this quarter and the last, and one is interrupted', async () => {
    const today = todayInSweden();
    const { rows } = await sql<{ waiting_now: number; interrupted: number }>`
      select
        (select count(*)::int from placement_decisions d where d.favourable and d.cancelled_on is null and d.decided_on < ${today}::date - interval '3 months'
          and not exists (select 1 from placements p where p.decision_id = d.id)) as waiting_now,
        (select count(*)::int from placement_decisions where interrupted_on is not null) as interrupted`.execute(db.kysely);
    assert.ok(rows[0]!.waiting_now >= 3, JSON.stringify(rows[0]));
    assert.equal(rows[0]!.interrupted, 1);
  });
});
