import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { loadCommitmentsByMeeting } from './commitments.js';
import { consentGap, type ConsentFacts } from './consent-coverage.js';
import { loadConsentsByPerson, withdrawNorrbusConsent } from './consents.js';
import { listNorrbusMeetings, loadNorrbusMeetings, type NorrbusMeeting } from './meetings.js';
import { myNorrbusOverview } from './participant-view.js';
import { loadNorrbusPersons } from './persons.js';
import { norrbusFixtures, type NorrbusFixtures } from './test-support.js';

let db: TestDatabase;
let f: NorrbusFixtures;
let meeting: NorrbusMeeting;

before(async () => {
  db = await createTestDatabase();
  f = await norrbusFixtures(db);
  meeting = await f.meeting();
  // Written as the database owner, past every check in the domain: an invitation and an åtagande for
  // Hälsocentralen Öjebyn without any consent. Only row-level security stands between them and Mats.
  await db.kysely.insertInto('norrbus_invitations').values({ meeting_id: meeting.id, organisation_id: f.org.primaryCare, owner_org_id: f.org.school, invited_on: f.today }).execute();
  await db.kysely
    .insertInto('norrbus_commitments')
    .values({ meeting_id: meeting.id, owner_org_id: f.org.school, responsible_org_id: f.org.primaryCare, intervention: 'Hälsosamtal', extent: 'Ett besök', performer: 'Distriktssköterska', follow_up_method: 'Uppföljande möte', follow_up_on: addDays(f.today, 20) })
    .execute();
});
after(async () => {
  await db?.dispose();
});

/** Everything an organisation gets about the young person, through the domain and through plain SQL under its identity. */
async function whatSees(actor: Actor) {
  const viaDomain = await f.as(actor, async (session) => ({
    persons: (await loadNorrbusPersons(session, [meeting.personId])).length,
    meetings: (await loadNorrbusMeetings(session, [meeting.id])).length + (await listNorrbusMeetings(session, { limit: 500 })).filter((m) => m.personId === meeting.personId).length,
    commitments: (await loadCommitmentsByMeeting(session, [meeting.id])).length,
    overview: (await myNorrbusOverview(session)).openCommitments.filter((c) => c.meetingId === meeting.id).length,
  }));
  const viaSql = await inIdentityTransaction(db.kysely, actor, async (trx) => {
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(trx)).rows[0]!.n);
    return {
      persons: await count(sql<{ n: number }>`select count(*) as n from norrbus_persons where id = ${meeting.personId}`),
      guardians: await count(sql<{ n: number }>`select count(*) as n from norrbus_guardians where person_id = ${meeting.personId}`),
      consents: await count(sql<{ n: number }>`select count(*) as n from norrbus_consents where person_id = ${meeting.personId}`),
      meetings: await count(sql<{ n: number }>`select count(*) as n from norrbus_meetings where person_id = ${meeting.personId}`),
      invitations: await count(sql<{ n: number }>`select count(*) as n from norrbus_invitations where meeting_id = ${meeting.id}`),
      commitments: await count(sql<{ n: number }>`select count(*) as n from norrbus_commitments where meeting_id = ${meeting.id}`),
    };
  });
  return { viaDomain, viaSql };
}

const NOTHING = {
  viaDomain: { persons: 0, meetings: 0, commitments: 0, overview: 0 },
  viaSql: { persons: 0, guardians: 0, consents: 0, meetings: 0, invitations: 0, commitments: 0 },
};

const auditOf = (organisationId: string) =>
  db.kysely.selectFrom('audit_log').select(['action', 'entity_type', 'entity_id']).where('person_id', '=', meeting.personId).where('organisation_id', '=', organisationId).orderBy('id').execute();

describe('the consent gate: another organisation sees the young person only under a consent in force that names it', () => {
  it('before consent, Hälsocentralen Öjebyn gets nothing — no person, no meeting, no åtagande — even invited and responsible', async () => {
    assert.deepEqual(await whatSees(f.mats), NOTHING);
    assert.deepEqual(await auditOf(f.org.primaryCare), [], 'nothing was read, so nothing is logged');
  });

  it('with the young person’s and both guardians’ consent, Mats sees the person, the meeting and his åtagande, and every read is in the audit log', async () => {
    await f.consent(meeting, [f.org.primaryCare], addDays(f.today, -3));
    const seen = await whatSees(f.mats);
    assert.deepEqual(seen.viaDomain, { persons: 1, meetings: 2, commitments: 1, overview: 1 });
    assert.deepEqual(seen.viaSql, { persons: 1, guardians: 0, consents: 0, meetings: 1, invitations: 1, commitments: 1 }, 'the guardians and the consents stay with the school');
    const audit = await auditOf(f.org.primaryCare);
    const entries = (type: string) => audit.filter((a) => a.action === 'read' && a.entity_type === type);
    assert.deepEqual(entries('NorrbusPerson').map((a) => a.entity_id), [meeting.personId]);
    assert.deepEqual(entries('NorrbusMeeting').map((a) => a.entity_id), [meeting.id, meeting.id, meeting.id], 'loaded, listed, and in the overview');
    assert.equal(entries('Commitment').length, 2, 'the plan and the overview');
    const school = await auditOf(f.org.school);
    assert.deepEqual(
      school.filter((a) => a.action === 'create').map((a) => a.entity_type),
      ['NorrbusPerson', 'NorrbusGuardian', 'NorrbusGuardian', 'NorrbusMeeting', 'Consent', 'Consent', 'Consent'],
    );
  });

  it('an organisation the consent does not name — BUP — sees nothing, whatever others may', async () => {
    assert.deepEqual(await whatSees(f.jonas), NOTHING);
  });

  it('after a guardian withdraws, nothing more is shared with Mats; the school still has it all, and the history keeps the day', async () => {
    const consents = await f.as(f.lisa, (session) => loadConsentsByPerson(session, [meeting.personId]));
    const guardians = consents.filter((c) => c.givenBy === 'guardian');
    const withdrawn = await f.as(f.lisa, (session) => withdrawNorrbusConsent(session, { consentId: guardians[0]!.id, withdrawnOn: f.yesterday, note: 'Pappan vill inte att vården får uppgifter från skolan.' }));
    assert.equal(withdrawn.withdrawnOn, f.yesterday);
    const readsBefore = (await auditOf(f.org.primaryCare)).length;
    assert.deepEqual(await whatSees(f.mats), NOTHING);
    assert.equal((await auditOf(f.org.primaryCare)).length, readsBefore, 'nothing shown, nothing logged');
    const school = await whatSees(f.lisa);
    assert.deepEqual(school.viaSql, { persons: 1, guardians: 2, consents: 3, meetings: 1, invitations: 1, commitments: 1 });
    const history = await f.as(f.lisa, (session) => loadConsentsByPerson(session, [meeting.personId]));
    assert.deepEqual(
      history.map((c) => [c.givenBy, c.givenOn, c.withdrawnOn]).sort(),
      [
        ['guardian', addDays(f.today, -3), f.yesterday],
        ['guardian', addDays(f.today, -3), null],
        ['young_person', addDays(f.today, -3), null],
      ].sort(),
    );
    const updates = (await auditOf(f.org.school)).filter((a) => a.action === 'update' && a.entity_type === 'Consent');
    assert.deepEqual(updates.map((a) => a.entity_id), [guardians[0]!.id]);
  });

  it('the rule in the domain and the database’s norrbus_has_consent agree, day by day across the consent and its withdrawal', async () => {
    const person = await db.kysely.selectFrom('norrbus_persons').select('birth_date').where('id', '=', meeting.personId).executeTakeFirstOrThrow();
    const guardians = await db.kysely.selectFrom('norrbus_guardians').select('id').where('person_id', '=', meeting.personId).execute();
    const rows = await db.kysely.selectFrom('norrbus_consents').select(['id', 'given_by', 'guardian_id', 'given_on', 'withdrawn_on']).where('person_id', '=', meeting.personId).execute();
    const named = await db.kysely.selectFrom('norrbus_consent_organisations').select(['consent_id', 'organisation_id']).where('consent_id', 'in', rows.map((r) => r.id)).execute();
    const subject = {
      birthDate: person.birth_date,
      guardianIds: guardians.map((g) => g.id),
      consents: rows.map((r): ConsentFacts => ({ givenBy: r.given_by as ConsentFacts['givenBy'], guardianId: r.guardian_id, givenOn: r.given_on, withdrawnOn: r.withdrawn_on, organisationIds: named.filter((n) => n.consent_id === r.id).map((n) => n.organisation_id) })),
    };
    for (let offset = -6; offset <= 1; offset += 1) {
      const day = addDays(f.today, offset);
      for (const organisationId of [f.org.primaryCare, f.org.bup]) {
        const { rows: answer } = await sql<{ covered: boolean }>`select norrbus_has_consent(${meeting.personId}::uuid, ${organisationId}::uuid, ${day}::date) as covered`.execute(db.kysely);
        assert.equal(answer[0]!.covered, consentGap(subject, organisationId, day) === null, `${organisationId} on ${day}`);
      }
    }
  });
});
