import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ForbiddenError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { addDays } from '../shared/dates.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { documentNorrbusCommitments, loadCommitmentsByMeeting } from './commitments.js';
import { callNorrbusFollowUp, recordNorrbusFollowUp } from './follow-up.js';
import { inviteToNorrbusMeeting, loadInvitationsByMeeting } from './invitations.js';
import { createNorrbusMeeting, recordNorrbusMeetingHeld, type NorrbusMeeting } from './meetings.js';
import { myNorrbusOverview } from './participant-view.js';
import { addNorrbusParticipants, loadParticipantsByMeeting } from './participants.js';
import { updateNorrbusPerson } from './persons.js';
import { norrbusFixtures, refusedWith, type NorrbusFixtures } from './test-support.js';

let db: TestDatabase;
let f: NorrbusFixtures;

before(async () => {
  db = await createTestDatabase();
  f = await norrbusFixtures(db);
});
after(async () => {
  await db?.dispose();
});

const plan = (overrides: Array<Record<string, string | null>> = [{}, {}]) =>
  overrides.map((override, index) => ({
    responsibleOrgId: index === 0 ? f.org.primaryCare : f.org.school,
    intervention: index === 0 ? 'Bedömning av sömn och nedstämdhet' : 'Anpassad studiegång och samtal med kurator',
    extent: index === 0 ? 'Två besök' : 'Varje vecka under terminen',
    performer: index === 0 ? 'Distriktssköterska och läkare' : 'Skolkurator',
    followUpMethod: 'Uppföljande Norrbusmöte',
    followUpOn: addDays(f.today, index === 0 ? 30 : 60),
    ...override,
  }));

async function invite(meeting: NorrbusMeeting, fields: Partial<Parameters<typeof inviteToNorrbusMeeting>[1]> = {}) {
  return f.as(f.lisa, (session) =>
    inviteToNorrbusMeeting(session, {
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      purpose: 'Samordna stödet kring skolgång och hälsa.',
      scheduledAt: new Date(`${f.today}T09:00:00+01:00`),
      organisationIds: [f.org.ifo, f.org.primaryCare],
      ...fields,
    }),
  );
}

const countRows = async (table: 'norrbus_commitments' | 'norrbus_invitations' | 'norrbus_persons', column: 'meeting_id' | 'given_name', value: string) =>
  Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);

describe('a Norrbusmöte from the initiative to the follow-up', () => {
  it('the convener invites the parties under consent, documents the åtaganden, and the responsible organisation sees its open one until the follow-up records it done', async () => {
    const held = await f.heldMeeting();
    assert.equal(held.status, 'held');
    assert.equal(held.heldOn, f.yesterday);
    await f.as(f.lisa, (session) =>
      addNorrbusParticipants(session, {
        meetingId: held.id,
        participants: [
          { organisationId: f.org.school, name: 'Lisa Lundqvist', role: 'Skolkurator, sammankallande', mandate: 'Beslutar om anpassningar och elevhälsans stöd.' },
          { organisationId: null, name: 'Alva', role: 'Den unge' },
        ],
      }),
    );
    await f.as(f.mats, (session) =>
      addNorrbusParticipants(session, { meetingId: held.id, participants: [{ organisationId: f.org.primaryCare, name: 'Mats Nyberg', role: 'Distriktsläkare', mandate: 'Beslutar om utredning och behandling i primärvården.' }] }),
    );
    const documented = await f.as(f.lisa, (session) => documentNorrbusCommitments(session, { meetingId: held.id, expectedVersion: held.version, commitments: plan() }));
    assert.equal(documented.version, held.version + 1);

    const matsView = await f.as(f.mats, (session) => myNorrbusOverview(session));
    const open = matsView.openCommitments.filter((c) => c.meetingId === held.id);
    assert.deepEqual(open.map((c) => c.intervention), ['Bedömning av sömn och nedstämdhet'], 'Mats sees the åtagande of his organisation only');
    assert.equal(open[0]!.daysOverdue, -30);
    const participants = await f.as(f.mats, (session) => loadParticipantsByMeeting(session, [held.id]));
    assert.deepEqual(participants.map((p) => p.name).sort(), ['Alva', 'Lisa Lundqvist', 'Mats Nyberg']);

    const followUp = await f.as(f.lisa, (session) =>
      callNorrbusFollowUp(session, { meetingId: held.id, purpose: 'Följa upp åtagandena.', scheduledAt: new Date(`${addDays(f.today, 1)}T10:00:00+01:00`), organisationIds: null }),
    );
    assert.deepEqual([followUp.status, followUp.followUpOfId, followUp.ownerId], ['invited', held.id, f.org.school]);
    const invited = await f.as(f.lisa, (session) => loadInvitationsByMeeting(session, [followUp.id]));
    assert.deepEqual(invited.map((i) => i.organisationId).sort(), [f.org.ifo, f.org.primaryCare].sort(), 'the parties of the meeting are called again');
    assert.ok((await f.as(f.mats, (session) => myNorrbusOverview(session))).upcomingMeetings.some((m) => m.id === followUp.id));

    const documentedPlan = await f.as(f.lisa, (session) => loadCommitmentsByMeeting(session, [held.id]));
    const health = documentedPlan.find((c) => c.responsibleOrgId === f.org.primaryCare);
    const school = documentedPlan.find((c) => c.responsibleOrgId === f.org.school);
    const recorded = await f.as(f.lisa, (session) =>
      recordNorrbusFollowUp(session, {
        meetingId: followUp.id,
        expectedVersion: followUp.version,
        heldOn: f.today,
        notes: 'Bedömningen är gjord. Skolans stöd fortsätter.',
        outcomes: [{ commitmentId: health!.id, outcome: 'done', note: 'Remiss till BUP skickad.' }],
      }),
    );
    assert.equal(recorded.status, 'held');
    const after = await f.as(f.lisa, (session) => loadCommitmentsByMeeting(session, [held.id]));
    assert.deepEqual(
      after.map((c) => [c.id, c.outcome, c.outcomeOn, c.outcomeMeetingId]),
      [
        [health!.id, 'done', f.today, followUp.id],
        [school!.id, null, null, null],
      ],
    );
    assert.equal((await f.as(f.mats, (session) => myNorrbusOverview(session))).openCommitments.filter((c) => c.meetingId === held.id).length, 0, 'the done åtagande leaves the open list');
    await assert.rejects(
      f.as(f.lisa, (session) => recordNorrbusFollowUp(session, { meetingId: followUp.id, expectedVersion: recorded.version, heldOn: f.today, notes: 'Igen', outcomes: [{ commitmentId: health!.id, outcome: 'not_done' }] })),
      refusedWith(RuleViolationError, 'NORRBUS_OUTCOME_ALREADY_RECORDED'),
    );
  });

  it('lists overdue åtaganden first, the longest overdue first', async () => {
    const held = await f.heldMeeting();
    await f.as(f.lisa, (session) =>
      documentNorrbusCommitments(session, {
        meetingId: held.id,
        expectedVersion: held.version,
        commitments: plan([{ followUpOn: addDays(f.today, 5), responsibleOrgId: f.org.primaryCare }, { followUpOn: f.yesterday, responsibleOrgId: f.org.primaryCare }, { followUpOn: f.yesterday, responsibleOrgId: f.org.primaryCare, intervention: 'Kontakt med dietist' }]),
      }),
    );
    await db.kysely.updateTable('norrbus_commitments').set({ follow_up_on: addDays(f.today, -20) }).where('meeting_id', '=', held.id).where('intervention', '=', 'Kontakt med dietist').execute();
    const mine = (await f.as(f.mats, (session) => myNorrbusOverview(session))).openCommitments.filter((c) => c.meetingId === held.id);
    assert.deepEqual(
      mine.map((c) => [c.daysOverdue, c.overdue]),
      [
        [20, true],
        [1, true],
        [-5, false],
      ],
    );
  });

  it('the follow-up is called by the convener or the party the meeting named, and by no one else', async () => {
    const invited = await f.invitedMeeting();
    const held = await f.as(f.lisa, (session) =>
      recordNorrbusMeetingHeld(session, { meetingId: invited.id, expectedVersion: invited.version, heldOn: f.yesterday, notes: 'Socialtjänsten tar över samordningen.', followUpConvenerOrgId: f.org.ifo }),
    );
    const call = (actor: NorrbusFixtures['lisa']) =>
      f.as(actor, (session) => callNorrbusFollowUp(session, { meetingId: held.id, purpose: 'Uppföljning.', scheduledAt: new Date(`${addDays(f.today, 7)}T10:00:00+01:00`) }));
    await assert.rejects(call(f.lisa), refusedWith(ForbiddenError));
    const followUp = await call(f.sofia);
    assert.equal(followUp.ownerId, f.org.ifo);
    const invitations = await f.as(f.sofia, (session) => loadInvitationsByMeeting(session, [followUp.id]));
    assert.deepEqual(invitations.map((i) => i.organisationId).sort(), [f.org.school, f.org.primaryCare].sort());
  });
});

describe('what a Norrbusmöte refuses, leaving nothing half-written', () => {
  it('a young person over 20 on the initiative day: the 21st birthday is refused, the day before allowed', async () => {
    const person = f.youngPerson({ birthDate: '2004-06-01', guardians: [], givenName: 'Ebba21' });
    await assert.rejects(
      f.as(f.lisa, (session) => createNorrbusMeeting(session, { person, initiatedOn: '2025-06-01', initiativeReason: 'Studieavbrott.' })),
      refusedWith(RuleViolationError, 'NORRBUS_AGE_LIMIT'),
    );
    assert.equal(await countRows('norrbus_persons', 'given_name', 'Ebba21'), 0, 'the young person is not registered either');
    const meeting = await f.as(f.lisa, (session) => createNorrbusMeeting(session, { person, initiatedOn: '2025-05-31', initiativeReason: 'Studieavbrott.' }));
    assert.equal(meeting.initiatedOn, '2025-05-31');
  });

  it('a kallelse without purpose, with one party, or with two and no reason', async () => {
    const meeting = await f.meeting();
    await f.consent(meeting, [f.org.ifo, f.org.primaryCare, f.org.police]);
    await assert.rejects(invite(meeting, { purpose: '  ' }), refusedWith(RuleViolationError, 'NORRBUS_INVITATION_PURPOSE'));
    await assert.rejects(invite(meeting, { organisationIds: [f.org.police] }), refusedWith(RuleViolationError, 'NORRBUS_TOO_FEW_PARTIES'));
    await assert.rejects(invite(meeting, { organisationIds: [f.org.primaryCare] }), refusedWith(RuleViolationError, 'NORRBUS_TWO_PARTY_REASON'));
    assert.equal(await countRows('norrbus_invitations', 'meeting_id', meeting.id), 0);
    const twoParties = await invite(meeting, { organisationIds: [f.org.primaryCare], twoPartyReason: 'Familjen har ingen kontakt med socialtjänsten och vill inte.' });
    assert.deepEqual([twoParties.status, twoParties.twoPartyReason], ['invited', 'Familjen har ingen kontakt med socialtjänsten och vill inte.']);
  });

  it('an invited organisation not covered by the consent in force: the message says what is missing', async () => {
    const meeting = await f.meeting();
    await assert.rejects(invite(meeting), (error: unknown) => refusedWith(RuleViolationError, 'NORRBUS_CONSENT_MISSING')(error) && /Hälsocentralen Öjebyn: den unge har inte samtyckt/.test((error as Error).message));
    await f.consent(meeting, [f.org.ifo, f.org.primaryCare]);
    await assert.rejects(invite(meeting, { organisationIds: [f.org.ifo, f.org.bup] }), (error: unknown) => refusedWith(RuleViolationError, 'NORRBUS_CONSENT_MISSING')(error) && /Barn- och ungdomspsykiatrin Norrbotten/.test((error as Error).message));
    assert.equal((await invite(meeting)).status, 'invited');
  });

  it('a plan with one incomplete åtagande is refused whole: nothing is saved and the meeting keeps its version', async () => {
    const held = await f.heldMeeting();
    await assert.rejects(
      f.as(f.lisa, (session) => documentNorrbusCommitments(session, { meetingId: held.id, expectedVersion: held.version, commitments: plan([{}, { responsibleOrgId: null }, { followUpOn: '' }]) })),
      (error: unknown) => refusedWith(RuleViolationError, 'NORRBUS_COMMITMENT_INCOMPLETE')(error) && /åtagande 2 saknar ansvarig organisation; åtagande 3 saknar uppföljningsdatum/.test((error as Error).message),
    );
    assert.equal(await countRows('norrbus_commitments', 'meeting_id', held.id), 0);
    await assert.rejects(
      f.as(f.lisa, (session) => documentNorrbusCommitments(session, { meetingId: held.id, expectedVersion: held.version, commitments: plan([{ responsibleOrgId: f.org.bup }]) })),
      refusedWith(RuleViolationError, 'NORRBUS_RESPONSIBLE_NOT_PARTY'),
    );
    const saved = await f.as(f.lisa, (session) => documentNorrbusCommitments(session, { meetingId: held.id, expectedVersion: held.version, commitments: plan() }));
    assert.equal(saved.version, held.version + 1);
  });

  it('a young person placed outside the home is coordinated by social services', async () => {
    const meeting = await f.meeting({ placedOutsideHome: true });
    await f.consent(meeting, [f.org.ifo, f.org.primaryCare]);
    await assert.rejects(invite(meeting), refusedWith(RuleViolationError, 'NORRBUS_COORDINATOR_SOCIAL_SERVICES'));
    await assert.rejects(invite(meeting, { coordinatorOrgId: f.org.primaryCare }), refusedWith(RuleViolationError, 'NORRBUS_COORDINATOR_SOCIAL_SERVICES'));
    assert.equal((await invite(meeting, { coordinatorOrgId: f.org.ifo })).coordinatorOrgId, f.org.ifo);
  });

  it('a young person placed after the kallelse: the meeting cannot be held until social services coordinates', async () => {
    const invited = await f.invitedMeeting();
    const person = await f.as(f.lisa, async (session) => (await session.db.selectFrom('norrbus_persons').select('version').where('id', '=', invited.personId).executeTakeFirstOrThrow()).version);
    await f.as(f.lisa, (session) => updateNorrbusPerson(session, { id: invited.personId, expectedVersion: person, placedOutsideHome: true }));
    const hold = (coordinatorOrgId?: string) =>
      f.as(f.lisa, (session) => recordNorrbusMeetingHeld(session, { meetingId: invited.id, expectedVersion: invited.version, heldOn: f.yesterday, notes: 'Anteckningar.', ...(coordinatorOrgId ? { coordinatorOrgId } : {}) }));
    await assert.rejects(hold(), refusedWith(RuleViolationError, 'NORRBUS_COORDINATOR_SOCIAL_SERVICES'));
    assert.equal((await hold(f.org.ifo)).coordinatorOrgId, f.org.ifo);
  });

  it('two conveners changing the same meeting: the second is refused with a version conflict, nothing overwritten', async () => {
    const meeting = await f.meeting();
    await f.consent(meeting, [f.org.ifo, f.org.primaryCare]);
    const first = await invite(meeting);
    await assert.rejects(invite(meeting, { purpose: 'Ett annat syfte' }), refusedWith(VersionConflictError));
    const stored = await db.kysely.selectFrom('norrbus_meetings').select(['purpose', 'version']).where('id', '=', meeting.id).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { purpose: first.purpose, version: first.version });
  });

  it('a participant cannot convene, and an invited organisation cannot change the meeting', async () => {
    const invited = await f.invitedMeeting();
    await assert.rejects(f.as(f.mats, (session) => createNorrbusMeeting(session, { person: f.youngPerson(), initiativeReason: 'Oro.' })), refusedWith(ForbiddenError));
    await assert.rejects(
      f.as(f.sofia, (session) => recordNorrbusMeetingHeld(session, { meetingId: invited.id, expectedVersion: invited.version, heldOn: f.yesterday, notes: 'x' })),
      refusedWith(ForbiddenError),
    );
    await assert.rejects(
      f.as(f.mats, (session) => addNorrbusParticipants(session, { meetingId: invited.id, participants: [{ organisationId: f.org.ifo, name: 'Någon', role: 'Socialsekreterare', mandate: 'x' }] })),
      refusedWith(ForbiddenError),
    );
    await assert.rejects(
      f.as(f.lisa, (session) => addNorrbusParticipants(session, { meetingId: invited.id, participants: [{ organisationId: f.org.ifo, name: 'Sofia Backman', role: 'Socialsekreterare' }] })),
      (error: unknown) => error instanceof ValidationError && error.issues[0]!.path === 'participants.0.mandate',
    );
  });
});
