import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { ForbiddenError, RuleViolationError, ValidationError } from '../errors.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import {
  addLocalForumMember,
  compareOpenActions,
  createLocalForum,
  endLocalForumMembership,
  forumTextRefusal,
  listLocalForums,
  listUpcomingForumActions,
  loadLocalForumActionsByMeeting,
  loadLocalForumMeetingsByForum,
  loadLocalForumMembers,
  recordLocalForumMeeting,
  setLocalForumActionDone,
  type LocalForumAction,
} from './forums.js';

const today = todayInSweden();

describe('Forum barn och unga never names a child (pure rules)', () => {
  it('text with a personnummer is refused with FORUM_TEXT_IDENTIFIES, naming the field', () => {
    const refusal = forumTextRefusal([
      { label: 'Ämnet', text: 'Skolfrånvaro i årskurs 7–9' },
      { label: 'Protokollet', text: 'Vi talade om 120304-9812 och hennes frånvaro.' },
    ]);
    assert.ok(refusal instanceof RuleViolationError);
    assert.equal(refusal.rule, 'FORUM_TEXT_IDENTIFIES');
    assert.match(refusal.message, /^Protokollet: Texten innehåller ett personnummer/);
  });

  it('text about the local situation passes, dates and phone numbers included', () => {
    assert.equal(forumTextRefusal([{ label: 'Protokollet', text: 'Möte 2026-03-12. Frånvaron har ökat med 12 % sedan hösten; ring 0911-69 60 00.' }]), null);
  });

  it('open actions come by due day, those without a day last', () => {
    const action = (id: string, dueOn: string | null): LocalForumAction => ({ id, forumId: 'f', meetingId: 'm', ownerId: 'o', action: id, responsible: 'r', dueOn, doneOn: null });
    assert.deepEqual([action('c', null), action('b', '2026-05-01'), action('a', '2026-03-01')].sort(compareOpenActions).map((a) => a.id), ['a', 'b', 'c']);
  });
});

describe('a municipality’s Forum barn och unga', () => {
  let db: TestDatabase;
  const actors: Record<string, Actor> = {};
  const ids: Record<string, string> = {};
  before(async () => {
    db = await createTestDatabase();
    for (const email of ['lisa.lundqvist@pitea.se', 'sofia.backman@pitea.se', 'mats.nyberg@norrbotten.se', 'maria.holm@lindesberg.se', 'ingrid.wikstrom@norrbotten.se', 'karl.nilsson@lulea.se']) {
      actors[email] = await demoActor(db, email);
    }
    for (const [key, name] of [
      ['pitea', 'Piteå kommun'],
      ['ifo', 'Piteå kommun, Individ- och familjeomsorgen'],
      ['primaryCare', 'Hälsocentralen Öjebyn'],
      ['bup', 'Barn- och ungdomspsykiatrin Norrbotten'],
      ['lindesberg', 'Lindesbergs kommun'],
    ] as const) {
      ids[key] = await organisationIdByName(db, name);
    }
  });
  after(async () => {
    await db?.dispose();
  });
  const as = <T>(email: string, work: (session: Session) => Promise<T>) =>
    inIdentityTransaction(db.kysely, actors[email]!, (trx) => work({ db: trx, actor: actors[email]!, requestId: randomUUID() }));

  const newForum = (email = 'lisa.lundqvist@pitea.se', name = `Forum barn och unga Piteå ${randomUUID().slice(0, 6)}`) =>
    as(email, (session) =>
      createLocalForum(session, {
        name,
        convenerId: ids.ifo!,
        meetingSchedule: 'Första tisdagen varannan månad, kl. 13–15',
        members: [{ organisationId: ids.primaryCare! }, { organisationId: ids.bup! }, { name: 'Polisen, lokalpolisområde Piteå' }],
      }),
    );

  it('a convener at a school creates a forum for its municipality, with members and a schedule', async () => {
    const forum = await newForum();
    assert.equal(forum.municipalityId, ids.pitea);
    assert.equal(forum.countyPart, 'Södra Norrbotten');
    assert.equal(forum.convenerId, ids.ifo);
    const members = await as('mats.nyberg@norrbotten.se', (session) => loadLocalForumMembers(session, [forum.id]));
    assert.deepEqual(members.map((m) => [m.name, m.organisationId !== null, m.joinedOn]).sort(), [
      ['Barn- och ungdomspsykiatrin Norrbotten', true, today],
      ['Hälsocentralen Öjebyn', true, today],
      ['Polisen, lokalpolisområde Piteå', false, today],
    ]);
    const listed = await as('ingrid.wikstrom@norrbotten.se', (session) => listLocalForums(session, { countyPart: 'Södra Norrbotten' }));
    assert.ok(listed.some((f) => f.id === forum.id));
    assert.equal((await as('mats.nyberg@norrbotten.se', (session) => listLocalForums(session, { municipalityId: ids.lindesberg! }))).some((f) => f.id === forum.id), false);
    const audit = await db.kysely.selectFrom('audit_log').select(['entity_type']).where('entity_id', '=', forum.id).execute();
    assert.deepEqual(audit.map((a) => a.entity_type), ['LocalForum']);
  });

  it('a municipality’s head of unit creates one too; a health centre of the region, the steering group and a convener elsewhere cannot for Piteå', async () => {
    const lindesberg = await as('maria.holm@lindesberg.se', (session) =>
      createLocalForum(session, { name: 'Forum barn och unga Lindesberg', convenerId: ids.lindesberg!, meetingSchedule: 'En gång i månaden' }),
    );
    assert.equal(lindesberg.municipalityId, ids.lindesberg);
    await assert.rejects(newForum('mats.nyberg@norrbotten.se'), ForbiddenError);
    await assert.rejects(newForum('ingrid.wikstrom@norrbotten.se'), ForbiddenError);
    const lulea = await newForum('karl.nilsson@lulea.se', 'Forum barn och unga Luleå Hertsön');
    assert.notEqual(lulea.municipalityId, ids.pitea);
  });

  it('the convener records a meeting with topics, minutes and actions; a member reads them and its open actions', async () => {
    const forum = await newForum();
    const meeting = await as('sofia.backman@pitea.se', (session) =>
      recordLocalForumMeeting(session, {
        forumId: forum.id,
        heldOn: today,
        topics: ['Skolfrånvaro i högstadiet', 'Samverkan kring BUP-remisser'],
        minutes: 'Frånvaron har ökat i årskurs 8. Hälsocentralen och skolan tar fram en gemensam rutin.',
        actions: [
          { action: 'Gemensam rutin för frånvaroanmälan', responsible: 'Rektor Strömbackaskolan och Hälsocentralen Öjebyn', dueOn: addDays(today, 30) },
          { action: 'Bjuda in fältassistenterna', responsible: 'IFO Piteå' },
          { action: 'Sammanställa remisstider', responsible: 'BUP', dueOn: addDays(today, 10) },
        ],
      }),
    );
    assert.deepEqual(meeting.topics, ['Skolfrånvaro i högstadiet', 'Samverkan kring BUP-remisser']);
    const [read] = await as('mats.nyberg@norrbotten.se', (session) => loadLocalForumMeetingsByForum(session, [forum.id]));
    assert.equal(read!.minutes, meeting.minutes);
    assert.equal(read!.recordedByName, null, 'the recorder’s name stays within the recording organisation');
    const upcoming = await as('mats.nyberg@norrbotten.se', (session) => listUpcomingForumActions(session, { forumIds: [forum.id] }));
    assert.deepEqual(upcoming.map((a) => a.action), ['Sammanställa remisstider', 'Gemensam rutin för frånvaroanmälan', 'Bjuda in fältassistenterna']);
    const mine = await as('mats.nyberg@norrbotten.se', (session) => listUpcomingForumActions(session));
    assert.ok(upcoming.every((a) => mine.some((m) => m.id === a.id)), 'a member sees the actions of its forums');

    await assert.rejects(as('lisa.lundqvist@pitea.se', (session) => setLocalForumActionDone(session, { actionId: upcoming[0]!.id, doneOn: today })), ForbiddenError);
    const done = await as('sofia.backman@pitea.se', (session) => setLocalForumActionDone(session, { actionId: upcoming[0]!.id, doneOn: today }));
    assert.equal(done.doneOn, today);
    const after = await as('mats.nyberg@norrbotten.se', (session) => listUpcomingForumActions(session, { forumIds: [forum.id] }));
    assert.equal(after.length, 2);
    const all = await as('mats.nyberg@norrbotten.se', (session) => loadLocalForumActionsByMeeting(session, [meeting.id]));
    assert.equal(all.length, 3);
  });

  it('minutes, a topic or an action with a personnummer are refused and nothing is saved', async () => {
    const forum = await newForum();
    const base = { forumId: forum.id, heldOn: today, topics: ['Läget i skolorna'], minutes: 'Inget särskilt.' };
    for (const input of [
      { ...base, minutes: 'Eleven 20120304-9812 har hög frånvaro.' },
      { ...base, topics: ['Frånvaro 120304-9812'] },
      { ...base, actions: [{ action: 'Kontakta vårdnadshavare till 201203049812', responsible: 'Skolan' }] },
    ]) {
      const error = await as('sofia.backman@pitea.se', (session) => recordLocalForumMeeting(session, input)).catch((e: unknown) => e);
      assert.ok(error instanceof RuleViolationError && error.rule === 'FORUM_TEXT_IDENTIFIES', String(error));
    }
    assert.equal((await as('sofia.backman@pitea.se', (session) => loadLocalForumMeetingsByForum(session, [forum.id]))).length, 0);
  });

  it('only the convener or the forum’s own organisation records meetings, and not for a day still to come', async () => {
    const forum = await newForum();
    const input = { forumId: forum.id, heldOn: today, topics: ['Läget'], minutes: 'Kort möte.' };
    await assert.rejects(as('mats.nyberg@norrbotten.se', (session) => recordLocalForumMeeting(session, input)), ForbiddenError);
    await assert.rejects(as('karl.nilsson@lulea.se', (session) => recordLocalForumMeeting(session, input)), ForbiddenError);
    await as('lisa.lundqvist@pitea.se', (session) => recordLocalForumMeeting(session, input));
    await assert.rejects(as('sofia.backman@pitea.se', (session) => recordLocalForumMeeting(session, { ...input, heldOn: addDays(today, 1) })), ValidationError);
    await assert.rejects(
      as('sofia.backman@pitea.se', (session) => recordLocalForumMeeting(session, { ...input, actions: [{ action: 'x', responsible: 'y', dueOn: addDays(today, -1) }] })),
      (error: unknown) => error instanceof ValidationError && error.issues[0]!.path === 'actions.0.dueOn',
    );
  });

  it('members join and leave; an organisation is a member once', async () => {
    const forum = await newForum();
    const [primaryCare] = (await as('sofia.backman@pitea.se', (session) => loadLocalForumMembers(session, [forum.id]))).filter((m) => m.organisationId === ids.primaryCare);
    await assert.rejects(
      as('sofia.backman@pitea.se', (session) => addLocalForumMember(session, { forumId: forum.id, member: { organisationId: ids.primaryCare! } })),
      (error: unknown) => error instanceof RuleViolationError && error.rule === 'FORUM_MEMBER_EXISTS',
    );
    const left = await as('sofia.backman@pitea.se', (session) => endLocalForumMembership(session, { memberId: primaryCare!.id, leftOn: today }));
    assert.equal(left.leftOn, today);
    const back = await as('sofia.backman@pitea.se', (session) => addLocalForumMember(session, { forumId: forum.id, member: { organisationId: ids.primaryCare! } }));
    assert.equal(back.id, primaryCare!.id);
    assert.equal(back.leftOn, null);
    await assert.rejects(as('mats.nyberg@norrbotten.se', (session) => addLocalForumMember(session, { forumId: forum.id, member: { name: 'Hyresvärden Pitebo' } })), ForbiddenError);
  });
});
