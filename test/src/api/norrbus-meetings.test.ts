import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, testPersonalIdentityNumber, todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

const today = todayInSweden();
// Consents a day or more back: row-level security counts days by the database's date, which may be behind Sweden's.
const yesterday = addDays(today, -1);

let server: TestServer;
let lisa: string;
let mats: string;
let jonas: string;
let sofia: string;
const org: Record<'school' | 'ifo' | 'primaryCare' | 'bup' | 'pitea', string> = { school: '', ifo: '', primaryCare: '', bup: '', pitea: '' };

before(async () => {
  server = await startTestServer();
  lisa = await server.signIn('lisa.lundqvist@pitea.se');
  mats = await server.signIn('mats.nyberg@norrbotten.se');
  jonas = await server.signIn('jonas.eriksson@norrbotten.se');
  sofia = await server.signIn('sofia.backman@pitea.se');
  const organisations = (await server.graphql(lisa, '{ organisations { id name } }')).data!.organisations as Array<{ id: string; name: string }>;
  const idOf = (name: string) => organisations.find((o) => o.name === name)!.id;
  org.school = idOf('Piteå kommun, Strömbackaskolan');
  org.ifo = idOf('Piteå kommun, Individ- och familjeomsorgen');
  org.primaryCare = idOf('Hälsocentralen Öjebyn');
  org.bup = idOf('Barn- och ungdomspsykiatrin Norrbotten');
  org.pitea = idOf('Piteå kommun');
});
after(async () => {
  await server?.close();
});

/** A mutation document answering with the data or any typed error. */
function mutation(field: string, inputType: string, data: string): string {
  const success = `Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success`;
  return `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename
    ... on ${success} { data { ${data} } }
    ... on Error { code message }
    ... on RuleViolationError { rule }
    ... on ValidationError { issues { path message } }
    ... on VersionConflictError { currentVersion } } }`;
}

const MEETING = 'id status version purpose twoPartyReason person { id givenName guardians { id name } } invitations { organisation { name } } commitments { id intervention responsibleOrganisation { name } outcome }';
const CREATE = mutation('createNorrbusMeeting', 'CreateNorrbusMeetingInput', MEETING);
const CONSENT = mutation('recordNorrbusConsent', 'RecordNorrbusConsentInput', 'id consents { id givenBy guardianName givenOn withdrawnOn inForce organisations { organisation { name } } }');
const WITHDRAW = mutation('withdrawNorrbusConsent', 'WithdrawNorrbusConsentInput', 'id consents { id withdrawnOn inForce }');
const INVITE = mutation('inviteToNorrbusMeeting', 'InviteToNorrbusMeetingInput', MEETING);
const HELD = mutation('recordNorrbusMeetingHeld', 'RecordNorrbusMeetingHeldInput', MEETING);
const DOCUMENT = mutation('documentNorrbusCommitments', 'DocumentNorrbusCommitmentsInput', MEETING);
const CALL = mutation('callNorrbusFollowUp', 'CallNorrbusFollowUpInput', `${MEETING} followUpOf { id }`);
const FOLLOW_UP = mutation('recordNorrbusFollowUp', 'RecordNorrbusFollowUpInput', `${MEETING} followUpOf { commitments { id outcome outcomeOn } }`);

const OVERVIEW = /* GraphQL */ `{
  myNorrbusOverview {
    organisation { name }
    upcomingMeetings { id status scheduledAt person { givenName familyName } convener { name } invitations { organisation { name } } }
    openCommitments { id intervention followUpOn daysOverdue overdue responsibleOrganisation { name } meeting { id heldOn person { givenName familyName } } }
  }
}`;

let serial = 700;
function youngPerson(overrides: Record<string, unknown> = {}) {
  serial += 1;
  const birthDate = addDays(`${Number(today.slice(0, 4)) - 14}${today.slice(4)}`, -serial);
  return {
    givenName: 'Tuva',
    familyName: `Httpsson ${serial}`,
    personalIdentityNumber: testPersonalIdentityNumber(birthDate, serial),
    gender: 'GIRL',
    municipalityId: org.pitea,
    guardians: ['Sanna Httpsson', 'Jon Httpsson'],
    ...overrides,
  };
}

async function send(token: string, document: string, input: Record<string, unknown>) {
  const response = await server.graphql(token, document, { input });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return Object.values(response.data!)[0] as any;
}

async function succeeded(token: string, document: string, input: Record<string, unknown>) {
  const result = await send(token, document, input);
  assert.match(result.__typename, /Success$/, JSON.stringify(result));
  return result.data;
}

/** A meeting about a new fourteen-year-old, with the young person’s and both guardians’ consent naming the parties. */
async function meetingWithConsent(organisationIds = [org.school, org.ifo, org.primaryCare]) {
  const meeting = await succeeded(lisa, CREATE, { person: youngPerson(), initiatedOn: addDays(today, -3), initiativeReason: 'Hög frånvaro sedan höstlovet.' });
  await succeeded(lisa, CONSENT, {
    personId: meeting.person.id,
    givenOn: addDays(today, -2),
    signatories: [{ givenBy: 'YOUNG_PERSON' }, ...meeting.person.guardians.map((g: { id: string }) => ({ givenBy: 'GUARDIAN', guardianId: g.id }))],
    organisations: organisationIds.map((organisationId) => ({ organisationId, information: 'Skolsituation och hälsa.' })),
  });
  return meeting;
}

const inviteInput = (meeting: { id: string; version: number }, overrides: Record<string, unknown> = {}) => ({
  meetingId: meeting.id,
  expectedVersion: meeting.version,
  purpose: 'Gemensam bild av skolsituationen och vem som gör vad.',
  scheduledAt: `${today}T10:00:00+01:00`,
  location: 'Strömbackaskolan',
  organisationIds: [org.ifo, org.primaryCare],
  ...overrides,
});

const commitment = (responsibleOrganisationId: string | null, intervention: string, followUpOn: string | null) => ({
  responsibleOrganisationId,
  intervention,
  extent: 'Fyra tillfällen',
  performer: 'Distriktssköterska',
  followUpMethod: 'Uppföljande Norrbusmöte',
  followUpOn,
});

async function overviewOf(token: string) {
  const response = await server.graphql(token, OVERVIEW);
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return { overview: response.data!.myNorrbusOverview, queryCount: response.extensions!.queryCount! };
}

const countRows = async (table: 'norrbus_persons' | 'norrbus_commitments' | 'norrbus_invitations', column: 'family_name' | 'meeting_id', value: string) =>
  Number((await server.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where(column, '=', value).executeTakeFirstOrThrow()).n);
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1]!;

describe('a Norrbusmöte over HTTP', () => {
  it('goes from the initiative to a follow-up that closes an åtagande, which leaves Mats Nyberg’s open list', async () => {
    const created = await meetingWithConsent();
    assert.equal(created.status, 'PLANNED');
    const invited = await succeeded(lisa, INVITE, inviteInput(created));
    assert.deepEqual([invited.status, invited.invitations.map((i: any) => i.organisation.name).sort()], ['INVITED', ['Hälsocentralen Öjebyn', 'Piteå kommun, Individ- och familjeomsorgen']]);
    const held = await succeeded(lisa, HELD, { meetingId: invited.id, expectedVersion: invited.version, heldOn: today, notes: 'Tuva och hennes mamma deltog.' });
    const documented = await succeeded(lisa, DOCUMENT, {
      meetingId: held.id,
      expectedVersion: held.version,
      commitments: [commitment(org.primaryCare, 'Bedömning av sömnproblem', addDays(today, 30)), commitment(org.school, 'Anpassad studiegång', addDays(today, 45))],
    });
    assert.equal(documented.commitments.length, 2);

    const before = (await overviewOf(mats)).overview;
    const mine = before.openCommitments.filter((c: any) => c.meeting.id === documented.id);
    assert.deepEqual(mine.map((c: any) => [c.intervention, c.responsibleOrganisation.name, c.daysOverdue, c.overdue, c.meeting.person.givenName]), [['Bedömning av sömnproblem', 'Hälsocentralen Öjebyn', -30, false, 'Tuva']]);

    const followUp = await succeeded(lisa, CALL, { meetingId: documented.id, purpose: 'Följa upp åtagandena.', scheduledAt: `${addDays(today, 1)}T10:00:00+01:00` });
    assert.deepEqual([followUp.status, followUp.followUpOf.id], ['INVITED', documented.id]);
    assert.ok((await overviewOf(mats)).overview.upcomingMeetings.some((m: any) => m.id === followUp.id), 'the follow-up is among Mats’s upcoming meetings');
    const health = documented.commitments.find((c: any) => c.responsibleOrganisation.name === 'Hälsocentralen Öjebyn');
    const recorded = await succeeded(lisa, FOLLOW_UP, { meetingId: followUp.id, expectedVersion: followUp.version, heldOn: today, notes: 'Bedömningen är gjord.', outcomes: [{ commitmentId: health.id, outcome: 'DONE' }] });
    assert.deepEqual(
      recorded.followUpOf.commitments.map((c: any) => [c.id === health.id, c.outcome, c.outcomeOn]).sort(),
      [
        [false, null, null],
        [true, 'DONE', today],
      ],
    );
    const after = (await overviewOf(mats)).overview;
    assert.equal(after.openCommitments.filter((c: any) => c.meeting.id === documented.id).length, 0);
    assert.equal(after.openCommitments.length, before.openCommitments.length - 1);
  });

  it('gives a participant the overview — upcoming meetings and open åtaganden, overdue first — in a small, constant number of SQL statements', async () => {
    const { overview, queryCount } = await overviewOf(mats);
    assert.equal(overview.organisation.name, 'Hälsocentralen Öjebyn');
    assert.ok(overview.openCommitments.length >= 1, 'the demo gives Hälsocentralen Öjebyn open åtaganden');
    assert.ok(overview.openCommitments.some((c: any) => c.overdue), 'and some of them overdue');
    const overdue = overview.openCommitments.map((c: any) => c.overdue);
    assert.deepEqual(overdue, [...overdue].sort((a: boolean, b: boolean) => Number(b) - Number(a)), 'overdue first');
    assert.ok(overview.upcomingMeetings.length >= 1);
    // begin, identity, meetings, commitments, audit, commit; per loader a statement and its audit: persons, meetings, invitations; organisations.
    assert.ok(queryCount <= 16, `queryCount was ${queryCount}`);
    const social = await overviewOf(sofia);
    const rows = (view: typeof overview) => view.upcomingMeetings.length + view.openCommitments.length;
    assert.ok(social.overview.upcomingMeetings.length > 0 && social.overview.openCommitments.length > 0);
    assert.notEqual(rows(social.overview), rows(overview));
    assert.equal(social.queryCount, queryCount, 'as many statements for Piteå IFO’s rows as for the health centre’s (no N+1)');
  });
});

describe('what the API refuses, with a stable code and a Swedish message, leaving nothing half-written', () => {
  it('a young person over 20 on the initiative day, and a personnummer that is not valid', async () => {
    const tooOld = youngPerson({ personalIdentityNumber: null, birthDate: '2004-06-01', guardians: [] });
    const refused = await send(lisa, CREATE, { person: tooOld, initiatedOn: '2025-06-01', initiativeReason: 'Studieavbrott.' });
    assert.deepEqual([refused.__typename, refused.code, refused.rule], ['RuleViolationError', 'RULE_VIOLATION', 'NORRBUS_AGE_LIMIT']);
    assert.equal(refused.message, 'Norrbus gäller barn och unga till och med 20 år. Den unge är 21 år den 2025-06-01.');
    assert.equal(await countRows('norrbus_persons', 'family_name', tooOld.familyName as string), 0);
    const wrong = await send(lisa, CREATE, { person: youngPerson({ personalIdentityNumber: '20110510-1234' }), initiativeReason: 'Oro.' });
    assert.deepEqual([wrong.__typename, wrong.issues[0].path], ['ValidationError', 'person.personalIdentityNumber']);
    assert.match(wrong.issues[0].message, /Personnumret eller samordningsnumret är inte giltigt/);
  });

  it('a kallelse without purpose, with too few parties, two without a reason, or to an organisation the consent does not name', async () => {
    const meeting = await meetingWithConsent();
    const refusal = async (overrides: Record<string, unknown>) => {
      const result = await send(lisa, INVITE, inviteInput(meeting, overrides));
      return [result.__typename, result.rule];
    };
    assert.deepEqual(await refusal({ purpose: '' }), ['RuleViolationError', 'NORRBUS_INVITATION_PURPOSE']);
    assert.deepEqual(await refusal({ organisationIds: [] }), ['RuleViolationError', 'NORRBUS_TOO_FEW_PARTIES']);
    assert.deepEqual(await refusal({ organisationIds: [org.primaryCare] }), ['RuleViolationError', 'NORRBUS_TWO_PARTY_REASON']);
    const missing = await send(lisa, INVITE, inviteInput(meeting, { organisationIds: [org.ifo, org.bup] }));
    assert.equal(missing.rule, 'NORRBUS_CONSENT_MISSING');
    assert.match(missing.message, /^Samtycke saknas: Barn- och ungdomspsykiatrin Norrbotten: den unge har inte samtyckt/);
    assert.equal(await countRows('norrbus_invitations', 'meeting_id', rawId(meeting.id)), 0);
    const twoParties = await succeeded(lisa, INVITE, inviteInput(meeting, { organisationIds: [org.primaryCare], twoPartyReason: 'Familjen vill inte ha kontakt med socialtjänsten nu.' }));
    assert.equal(twoParties.twoPartyReason, 'Familjen vill inte ha kontakt med socialtjänsten nu.');
    const stale = await send(lisa, INVITE, inviteInput(meeting));
    assert.deepEqual([stale.__typename, stale.code, stale.currentVersion], ['VersionConflictError', 'VERSION_CONFLICT', twoParties.version]);
  });

  it('a plan with an incomplete åtagande: refused whole, nothing saved', async () => {
    const meeting = await meetingWithConsent();
    const invited = await succeeded(lisa, INVITE, inviteInput(meeting));
    const held = await succeeded(lisa, HELD, { meetingId: invited.id, expectedVersion: invited.version, heldOn: today, notes: 'Anteckningar.' });
    const refused = await send(lisa, DOCUMENT, {
      meetingId: held.id,
      expectedVersion: held.version,
      commitments: [commitment(org.primaryCare, 'Bedömning', addDays(today, 30)), commitment(null, 'Föräldrastöd', null)],
    });
    assert.deepEqual([refused.__typename, refused.rule], ['RuleViolationError', 'NORRBUS_COMMITMENT_INCOMPLETE']);
    assert.match(refused.message, /^Planen sparades inte: åtagande 2 saknar ansvarig organisation och uppföljningsdatum\./);
    assert.equal(await countRows('norrbus_commitments', 'meeting_id', rawId(held.id)), 0);
  });

  it('a participant cannot convene: the schema refuses it as forbidden', async () => {
    const response = await server.graphql(mats, CREATE, { input: { person: youngPerson(), initiativeReason: 'Oro.' } });
    assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('the consent gate over HTTP', () => {
  const MEETING_AS_SEEN = `query ($id: ID!) { norrbusMeeting(id: $id) { id person { givenName } commitments { id } } }`;
  const PERSON_AS_SEEN = `query ($id: ID!) { norrbusPerson(id: $id) { id givenName personalIdentityNumber } }`;

  it('another organisation gets nothing before consent and after withdrawal, and everything it read is in the audit log', async () => {
    const meeting = await succeeded(lisa, CREATE, { person: youngPerson(), initiatedOn: addDays(today, -3), initiativeReason: 'Oro för måendet.' });
    const seenBy = async (token: string) => ({
      meeting: (await server.graphql(token, MEETING_AS_SEEN, { id: meeting.id })).data!.norrbusMeeting,
      person: (await server.graphql(token, PERSON_AS_SEEN, { id: meeting.person.id })).data!.norrbusPerson,
    });
    assert.deepEqual(await seenBy(mats), { meeting: null, person: null });

    const withConsent = await succeeded(lisa, CONSENT, {
      personId: meeting.person.id,
      givenOn: addDays(today, -2),
      signatories: [{ givenBy: 'YOUNG_PERSON' }, ...meeting.person.guardians.map((g: { id: string }) => ({ givenBy: 'GUARDIAN', guardianId: g.id }))],
      organisations: [{ organisationId: org.ifo, information: 'Allt som rör skolan.' }, { organisationId: org.primaryCare, information: 'Hälsa.' }],
    });
    assert.equal(withConsent.consents.length, 3);
    assert.deepEqual(await seenBy(mats), { meeting: null, person: { id: meeting.person.id, givenName: 'Tuva', personalIdentityNumber: (await seenBy(lisa)).person.personalIdentityNumber } }, 'the person, but not a meeting Mats is not invited to');
    await succeeded(lisa, INVITE, inviteInput(meeting));
    assert.equal((await seenBy(mats)).meeting.person.givenName, 'Tuva');
    assert.deepEqual(await seenBy(jonas), { meeting: null, person: null }, 'BUP is not named');

    const guardianConsent = withConsent.consents.find((c: any) => c.givenBy === 'GUARDIAN');
    const withdrawn = await succeeded(lisa, WITHDRAW, { consentId: guardianConsent.id, withdrawnOn: yesterday, note: 'Vill inte längre att uppgifter delas.' });
    assert.deepEqual(withdrawn.consents.find((c: any) => c.id === guardianConsent.id), { id: guardianConsent.id, withdrawnOn: yesterday, inForce: false });
    assert.deepEqual(await seenBy(mats), { meeting: null, person: null });
    assert.ok(!(await overviewOf(mats)).overview.upcomingMeetings.some((m: any) => m.id === meeting.id));

    const audit = await server.db.kysely
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.user_id')
      .select(['users.display_name', 'audit_log.action', 'audit_log.entity_type'])
      .where('audit_log.person_id', '=', rawId(meeting.person.id))
      .orderBy('audit_log.id')
      .execute();
    const matsReads = audit.filter((a) => a.display_name === 'Mats Nyberg').map((a) => `${a.action} ${a.entity_type}`);
    assert.deepEqual(new Set(matsReads), new Set(['read NorrbusPerson', 'read NorrbusMeeting']), 'Mats’s reads under consent, and no more');
    assert.ok(audit.filter((a) => a.display_name === 'Jonas Eriksson').length === 0);
    assert.ok(audit.some((a) => a.display_name === 'Lisa Lundqvist' && a.action === 'update' && a.entity_type === 'Consent'));
  });
});
