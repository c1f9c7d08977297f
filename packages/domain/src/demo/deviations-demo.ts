import type { Insertable } from 'kysely';
import type { DeviationEventsTable, DisputeEventsTable, IsoDate } from '../db/tables.js';
import type { DeviationCategory, DeviationLevel, DeviationStatus } from '../deviations/deviation-workflow.js';
import { addDays } from '../shared/dates.js';
import type { DemoContext } from './demo-data.js';

/**
 * Norrbus avvikelser and oenigheter in Norrbotten in 2025 and 2026: about thirty deviations across
 * municipalities and categories, at every level and status, and a few disputes, one of them
 * decided by the steering group. Every history follows the workflow (analysis by each party,
 * the cleared summary before anything goes above the local level, decisions at each level, the
 * steering group's at county level). A deviation about a Norrbus meeting of the demo (when the
 * meetings loader made any) keeps the young person's gender; its local description names the
 * young person by first name, as reporters do, but no summary or decision does.
 */

/** The Norrbus organisations with a demo user, who signs what the organisation does. */
const SIGNERS: Readonly<Record<string, string>> = {
  'pitea-school': 'lisa.lundqvist@pitea.se',
  'pitea-ifo': 'sofia.backman@pitea.se',
  'pitea-primary-care': 'mats.nyberg@norrbotten.se',
  bup: 'jonas.eriksson@norrbotten.se',
  'lulea-school': 'karl.nilsson@lulea.se',
  'kiruna-ifo': 'maja.kero@kiruna.se',
};
const STEERING_SIGNER = 'ingrid.wikstrom@norrbotten.se';

interface DeviationSeed {
  readonly municipality: string;
  readonly reporter: string;
  readonly category: DeviationCategory;
  readonly occurredOn: IsoDate;
  /** Parties concerned; those without a signer never analyse, so their deviation stays reported. */
  readonly parties: readonly string[];
  readonly level: DeviationLevel;
  readonly status: DeviationStatus;
}

// prettier-ignore
const DEVIATIONS: readonly DeviationSeed[] = [
  { municipality: 'pitea', reporter: 'pitea-school', category: 'did_not_attend', occurredOn: '2025-01-21', parties: ['pitea-primary-care'], level: 'local', status: 'closed' },
  { municipality: 'pitea', reporter: 'pitea-school', category: 'commitment_not_done', occurredOn: '2025-02-11', parties: ['pitea-ifo', 'bup'], level: 'county_part', status: 'closed' },
  { municipality: 'pitea', reporter: 'pitea-ifo', category: 'follow_up_not_called', occurredOn: '2025-03-04', parties: ['pitea-school'], level: 'local', status: 'closed' },
  { municipality: 'pitea', reporter: 'pitea-primary-care', category: 'invitation_without_purpose', occurredOn: '2025-04-08', parties: ['pitea-school'], level: 'local', status: 'action_decided' },
  { municipality: 'pitea', reporter: 'pitea-school', category: 'shared_without_consent', occurredOn: '2025-05-13', parties: ['pitea-primary-care', 'pitea-ifo'], level: 'county', status: 'closed' },
  { municipality: 'pitea', reporter: 'pitea-ifo', category: 'did_not_attend', occurredOn: '2025-09-02', parties: ['bup'], level: 'county_part', status: 'action_decided' },
  { municipality: 'pitea', reporter: 'pitea-school', category: 'commitment_not_done', occurredOn: '2025-10-14', parties: ['pitea-ifo'], level: 'county', status: 'action_decided' },
  { municipality: 'pitea', reporter: 'pitea-primary-care', category: 'other', occurredOn: '2026-02-03', parties: ['pitea-school', 'pitea-ifo'], level: 'local', status: 'analysed' },
  { municipality: 'pitea', reporter: 'pitea-school', category: 'did_not_attend', occurredOn: '2026-04-21', parties: ['bup'], level: 'county', status: 'analysed' },
  { municipality: 'pitea', reporter: 'pitea-ifo', category: 'follow_up_not_called', occurredOn: '2026-09-15', parties: ['pitea-school', 'pitea-primary-care'], level: 'local', status: 'reported' },
  { municipality: 'pitea', reporter: 'pitea-school', category: 'commitment_not_done', occurredOn: '2026-10-27', parties: ['pitea-ifo', 'habilitation'], level: 'local', status: 'reported' },
  { municipality: 'lulea', reporter: 'lulea-school', category: 'did_not_attend', occurredOn: '2025-01-28', parties: ['bup'], level: 'local', status: 'closed' },
  { municipality: 'lulea', reporter: 'lulea-school', category: 'invitation_without_purpose', occurredOn: '2025-03-18', parties: ['bup'], level: 'county_part', status: 'closed' },
  { municipality: 'lulea', reporter: 'lulea-school', category: 'commitment_not_done', occurredOn: '2025-06-10', parties: ['bup', 'lulea-ifo'], level: 'local', status: 'reported' },
  { municipality: 'lulea', reporter: 'lulea-school', category: 'shared_without_consent', occurredOn: '2025-11-11', parties: ['bup'], level: 'county', status: 'closed' },
  { municipality: 'lulea', reporter: 'lulea-school', category: 'follow_up_not_called', occurredOn: '2026-03-10', parties: ['bup'], level: 'county_part', status: 'analysed' },
  { municipality: 'lulea', reporter: 'bup', category: 'did_not_attend', occurredOn: '2026-08-25', parties: ['lulea-school'], level: 'local', status: 'action_decided' },
  { municipality: 'kiruna', reporter: 'kiruna-ifo', category: 'did_not_attend', occurredOn: '2025-02-18', parties: ['bup'], level: 'county_part', status: 'closed' },
  { municipality: 'kiruna', reporter: 'kiruna-ifo', category: 'commitment_not_done', occurredOn: '2025-05-20', parties: ['bup'], level: 'county', status: 'closed' },
  { municipality: 'kiruna', reporter: 'kiruna-ifo', category: 'follow_up_not_called', occurredOn: '2025-12-02', parties: ['bup'], level: 'local', status: 'closed' },
  { municipality: 'kiruna', reporter: 'bup', category: 'invitation_without_purpose', occurredOn: '2026-05-12', parties: ['kiruna-ifo'], level: 'county_part', status: 'action_decided' },
  { municipality: 'kiruna', reporter: 'kiruna-ifo', category: 'shared_without_consent', occurredOn: '2026-10-06', parties: ['kiruna-school', 'bup'], level: 'local', status: 'reported' },
  { municipality: 'kalix', reporter: 'bup', category: 'did_not_attend', occurredOn: '2025-04-01', parties: ['bup'], level: 'local', status: 'closed' },
  { municipality: 'kalix', reporter: 'bup', category: 'commitment_not_done', occurredOn: '2025-08-26', parties: ['bup'], level: 'county_part', status: 'closed' },
  { municipality: 'kalix', reporter: 'bup', category: 'other', occurredOn: '2026-06-09', parties: ['bup'], level: 'county', status: 'action_decided' },
  { municipality: 'kalix', reporter: 'bup', category: 'follow_up_not_called', occurredOn: '2026-10-13', parties: ['kalix-school', 'kalix-ifo'], level: 'local', status: 'reported' },
  { municipality: 'arvidsjaur', reporter: 'bup', category: 'did_not_attend', occurredOn: '2025-06-17', parties: ['bup'], level: 'county_part', status: 'closed' },
  { municipality: 'arvidsjaur', reporter: 'bup', category: 'invitation_without_purpose', occurredOn: '2026-01-20', parties: ['bup'], level: 'local', status: 'closed' },
  { municipality: 'arvidsjaur', reporter: 'bup', category: 'commitment_not_done', occurredOn: '2026-07-07', parties: ['bup'], level: 'county', status: 'analysed' },
  { municipality: 'boden', reporter: 'bup', category: 'shared_without_consent', occurredOn: '2025-10-21', parties: ['bup'], level: 'county', status: 'closed' },
  { municipality: 'gallivare', reporter: 'bup', category: 'did_not_attend', occurredOn: '2026-03-24', parties: ['bup'], level: 'county_part', status: 'closed' },
  { municipality: 'haparanda', reporter: 'bup', category: 'other', occurredOn: '2026-09-29', parties: ['bup'], level: 'local', status: 'analysed' },
];

/** What happened, in the reporter's words; `{name}` is the young person's first name when there is a meeting. */
const DESCRIPTIONS: Record<DeviationCategory, string> = {
  did_not_attend: 'Vid Norrbusmötet {about} kom en kallad part inte och hade inte meddelat förhinder. Beslut om insatser fick skjutas upp.',
  commitment_not_done: 'Ett åtagande i planen {about} var inte genomfört vid uppföljningen, och ingen hade meddelat varför.',
  invitation_without_purpose: 'Kallelsen till Norrbusmötet {about} saknade syfte, så parterna kunde inte förbereda sig eller skicka någon med mandat.',
  follow_up_not_called: 'Det uppföljande mötet {about} kallades inte till på utsatt datum.',
  shared_without_consent: 'Uppgifter {about} lämnades till en part som samtycket inte omfattade.',
  other: 'Parterna var oense om vem som samordnar insatserna {about}, och mötet avslutades utan plan.',
};

/** The cleared, de-identified summary that may go above the local level. */
const SUMMARIES: Record<DeviationCategory, string> = {
  did_not_attend: 'En kallad part uteblev från ett Norrbusmöte utan att meddela förhinder.',
  commitment_not_done: 'Ett dokumenterat åtagande var inte genomfört vid uppföljningen.',
  invitation_without_purpose: 'En kallelse till Norrbusmöte saknade syfte.',
  follow_up_not_called: 'Uppföljande möte kallades inte till på utsatt datum.',
  shared_without_consent: 'Uppgifter delades med en part utanför samtycket.',
  other: 'Oklart samordningsansvar mellan parterna vid ett Norrbusmöte.',
};

const ANALYSES = [
  'Rutinen för att meddela förhinder var inte känd av ersättaren. Vi går igenom rutinen på nästa arbetsplatsträff.',
  'Åtagandet föll mellan två handläggare vid ett personalbyte. Överlämningen ses över.',
  'Kallelsen gick till en funktionsbrevlåda som inte bevakades under semestern.',
  'Vi saknade en tydlig ansvarig för uppföljningen. Ansvaret läggs nu hos enhetschefen.',
];

const DECISIONS: Record<DeviationLevel, readonly string[]> = {
  local: [
    'Forum barn och unga beslutar att alla parter utser en ersättare med mandat och meddelar förhinder senast dagen före.',
    'Forum barn och unga beslutar att kallelsemallen kompletteras med obligatoriskt syfte.',
  ],
  county_part: [
    'Länsdelens samverkansgrupp beslutar om en gemensam rutin för överlämning av åtaganden vid personalbyte.',
    'Länsdelens samverkansgrupp följer upp rutinen för samtycke i samtliga kommuner i länsdelen.',
  ],
  county: [
    'Styrgruppen beslutar att länsgemensam utbildning om samtycke genomförs för alla parter.',
    'Styrgruppen beslutar att avvikelser av detta slag följs upp i den årliga uppföljningen.',
  ],
};

interface MeetingChoice {
  readonly id: string;
  readonly ownerOrgId: string;
  readonly municipalityId: string;
  readonly givenName: string;
  readonly gender: string;
  readonly heldOn: IsoDate;
  readonly invited: readonly string[];
}

/** Held Norrbus meetings of the demo, if the meetings loader made any, with who may report about them. */
async function demoMeetings(context: DemoContext): Promise<MeetingChoice[]> {
  const rows = await context.trx
    .selectFrom('norrbus_meetings')
    .innerJoin('norrbus_persons', 'norrbus_persons.id', 'norrbus_meetings.person_id')
    .select(['norrbus_meetings.id', 'norrbus_meetings.owner_org_id', 'norrbus_meetings.held_on', 'norrbus_persons.municipality_id', 'norrbus_persons.given_name', 'norrbus_persons.gender'])
    .where('norrbus_meetings.status', '=', 'held')
    .orderBy('norrbus_meetings.held_on')
    .orderBy('norrbus_meetings.id')
    .execute();
  if (rows.length === 0) return [];
  const invitations = await context.trx.selectFrom('norrbus_invitations').select(['meeting_id', 'organisation_id']).execute();
  return rows.map((row) => ({
    id: row.id,
    ownerOrgId: row.owner_org_id,
    municipalityId: row.municipality_id,
    givenName: row.given_name,
    gender: row.gender,
    heldOn: row.held_on!,
    invited: invitations.filter((i) => i.meeting_id === row.id).map((i) => i.organisation_id),
  }));
}

export async function loadDeviationsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today, organisationIds, userIds } = context;
  const org = (key: string) => organisationIds.get(key)!;
  const signer = (key: string) => userIds.get(SIGNERS[key]!)!;
  const days = (from: number, to: number) => from + Math.floor(next() * (to - from + 1));
  const meetings = await demoMeetings(context);
  const used = new Set<string>();
  const municipalities = await trx
    .selectFrom('organisations')
    .select(['id', 'county', 'county_part'])
    .where('id', 'in', DEVIATIONS.map((d) => org(d.municipality)))
    .execute();

  for (const [index, seed] of DEVIATIONS.entries()) {
    const municipality = municipalities.find((m) => m.id === org(seed.municipality))!;
    const reporter = org(seed.reporter);
    // The latest meeting held by then in the municipality that the reporter convened or was invited to.
    const meeting = meetings.findLast(
      (m) => !used.has(m.id) && m.heldOn <= seed.occurredOn && m.municipalityId === municipality.id && (m.ownerOrgId === reporter || m.invited.includes(reporter)),
    );
    if (meeting) used.add(meeting.id);
    const about = meeting ? `om ${meeting.givenName}` : 'om en elev';
    const events: Array<Omit<Insertable<DeviationEventsTable>, 'deviation_id'>> = [];
    let on = addDays(seed.occurredOn, days(1, 6));
    const reportedOn = on;
    const event = (kind: string, level: DeviationLevel, organisationKey: string | null, decision: string | null = null) =>
      events.push({
        occurred_on: on,
        kind,
        level,
        organisation_id: organisationKey ? org(organisationKey) : org('steering'),
        user_id: organisationKey ? signer(organisationKey) : userIds.get(STEERING_SIGNER)!,
        decision,
      });
    event('reported', 'local', seed.reporter);
    const analysed = seed.status !== 'reported';
    const partyRows = seed.parties.map((key, partyIndex) => {
      // A reported deviation still waits for its last party (one without a demo user, or the last one).
      const analyses = key in SIGNERS && (analysed || partyIndex < seed.parties.length - 1);
      if (!analyses) return { organisation_id: org(key), analysis: null, analysed_on: null, analysed_by: null };
      on = addDays(on, days(4, 14));
      event('analysed', 'local', key);
      return { organisation_id: org(key), analysis: ANALYSES[(index + partyIndex) % ANALYSES.length]!, analysed_on: on, analysed_by: signer(key) };
    });
    const decided = seed.status === 'action_decided' || seed.status === 'closed';
    const levels = ['local', 'county_part', 'county'] as const;
    const top = levels.indexOf(seed.level);
    let cleared: { summary: string; on: IsoDate } | null = null;
    if (top > 0 || (decided && index % 3 === 0)) {
      on = addDays(on, days(2, 8));
      cleared = { summary: SUMMARIES[seed.category], on };
      event('cleared', 'local', seed.reporter);
    }
    for (let level = 0; level <= top; level += 1) {
      const here = levels[level]!;
      if (level > 0) {
        on = addDays(on, days(7, 30));
        event('escalated', here, seed.reporter);
      }
      // A decision makes the status action decided, so only such deviations have any: at the
      // level they reached, and for some at the levels on the way up too.
      if (decided && (level === top || index % 2 === 1)) {
        on = addDays(on, days(5, 25));
        event('decided', here, here === 'county' ? null : seed.reporter, DECISIONS[here][index % 2]!);
      }
    }
    let closedOn: IsoDate | null = null;
    if (seed.status === 'closed') {
      on = addDays(on, days(10, 40));
      closedOn = on;
      event('closed', seed.level, seed.reporter);
    }
    // A history not yet complete by today belongs to a later demo; the data never runs ahead.
    if (on > today) continue;
    const row = await trx
      .insertInto('deviations')
      .values({
        owner_org_id: reporter,
        county: municipality.county!,
        county_part: municipality.county_part,
        municipality_id: municipality.id,
        meeting_id: meeting?.id ?? null,
        category: seed.category,
        occurred_on: seed.occurredOn,
        reported_on: reportedOn,
        description: DESCRIPTIONS[seed.category].replace('{about}', about),
        cleared_summary: cleared?.summary ?? null,
        cleared_by: cleared ? signer(seed.reporter) : null,
        cleared_on: cleared?.on ?? null,
        level: seed.level,
        status: seed.status,
        closed_on: closedOn,
        gender: meeting?.gender ?? null,
        reported_by: signer(seed.reporter),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('deviation_parties').values(partyRows.map((party) => ({ ...party, deviation_id: row.id }))).execute();
    await trx.insertInto('deviation_events').values(events.map((e) => ({ ...e, deviation_id: row.id }))).execute();
  }
  await loadDisputes(context);
}

interface DisputeSeed {
  readonly municipality: string;
  readonly raisedBy: string;
  readonly others: readonly string[];
  readonly subject: 'responsibility' | 'cost';
  readonly intervention: string;
  readonly question: string;
  readonly raisedOn: IsoDate;
  readonly positions: Readonly<Record<string, string>>;
  readonly escalatedOn: IsoDate | null;
  readonly resolved: { readonly on: IsoDate; readonly outcome: string } | null;
}

// prettier-ignore
const DISPUTES: readonly DisputeSeed[] = [
  {
    municipality: 'pitea', raisedBy: 'pitea-school', others: ['pitea-ifo'], subject: 'responsibility',
    intervention: 'Stöd i hemmet för att öka närvaron i skolan',
    question: 'Är hemmaplansstödet för att öka skolnärvaron skolans eller socialtjänstens ansvar?',
    raisedOn: '2025-03-12',
    positions: {
      'pitea-school': 'Insatsen riktar sig till familjen i hemmet och är därför socialtjänstens ansvar.',
      'pitea-ifo': 'Målet är skolnärvaro; elevhälsan har ansvaret och socialtjänsten bistår.',
    },
    escalatedOn: null,
    resolved: { on: '2025-04-23', outcome: 'Ledningarna enades om delat ansvar: elevhälsan leder insatsen och socialtjänsten bidrar med en familjebehandlare.' },
  },
  {
    municipality: 'lulea', raisedBy: 'lulea-school', others: ['bup'], subject: 'cost',
    intervention: 'Neuropsykiatrisk utredning',
    question: 'Vem bekostar en neuropsykiatrisk utredning som skolan begär men som BUP inte bedömer som prioriterad?',
    raisedOn: '2025-09-09',
    positions: {
      'lulea-school': 'Utredningen är hälso- och sjukvård och ska bekostas av regionen.',
      bup: 'Utredningen begärs för skolans anpassningar; regionen utreder när det finns medicinsk indikation.',
    },
    escalatedOn: '2025-11-04',
    resolved: { on: '2026-02-17', outcome: 'Styrgruppen beslutar att regionen bekostar utredningen när elevhälsans underlag visar behov; en länsgemensam remissrutin tas fram.' },
  },
  {
    municipality: 'kiruna', raisedBy: 'kiruna-ifo', others: ['bup'], subject: 'responsibility',
    intervention: 'Samtalsbehandling efter placering',
    question: 'Har socialtjänsten eller BUP ansvaret för samtalsbehandling när en ung person är placerad utanför hemmet?',
    raisedOn: '2026-06-16',
    positions: {
      'kiruna-ifo': 'Behandling av psykisk ohälsa är regionens ansvar även under placering.',
      bup: 'Behandlingen ingår i vårdens innehåll som socialtjänsten har beslutat om.',
    },
    escalatedOn: '2026-09-22',
    resolved: null,
  },
  {
    municipality: 'pitea', raisedBy: 'pitea-primary-care', others: ['pitea-ifo'], subject: 'cost',
    intervention: 'Kontaktperson under sommarlovet',
    question: 'Vem bekostar kontaktperson under sommarlovet när hälsocentralen har föreslagit insatsen?',
    raisedOn: '2026-10-20',
    positions: { 'pitea-primary-care': 'Kontaktperson är en insats enligt socialtjänstlagen och bekostas av kommunen.' },
    escalatedOn: null,
    resolved: null,
  },
];

async function loadDisputes({ trx, today, organisationIds, userIds }: DemoContext): Promise<void> {
  const org = (key: string) => organisationIds.get(key)!;
  const signer = (key: string) => userIds.get(SIGNERS[key]!)!;
  for (const seed of DISPUTES) {
    if ((seed.resolved?.on ?? seed.escalatedOn ?? seed.raisedOn) > today) continue;
    const municipality = await trx.selectFrom('organisations').select(['id', 'county', 'county_part']).where('id', '=', org(seed.municipality)).executeTakeFirstOrThrow();
    const level = seed.escalatedOn ? 'county' : 'management';
    const row = await trx
      .insertInto('disputes')
      .values({
        owner_org_id: org(seed.raisedBy),
        county: municipality.county!,
        county_part: municipality.county_part,
        municipality_id: municipality.id,
        subject: seed.subject,
        intervention: seed.intervention,
        question: seed.question,
        raised_on: seed.raisedOn,
        level,
        status: seed.resolved ? 'resolved' : 'open',
        outcome: seed.resolved?.outcome ?? null,
        resolved_on: seed.resolved?.on ?? null,
        raised_by: signer(seed.raisedBy),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parties = [seed.raisedBy, ...seed.others];
    const statedOn = (partyIndex: number) => addDays(seed.raisedOn, 7 * (partyIndex + 1));
    await trx
      .insertInto('dispute_parties')
      .values(parties.map((key, i) => ({ dispute_id: row.id, organisation_id: org(key), position: seed.positions[key] ?? null, stated_on: seed.positions[key] ? statedOn(i) : null })))
      .execute();
    const events: Array<Insertable<DisputeEventsTable>> = [
      { dispute_id: row.id, occurred_on: seed.raisedOn, kind: 'raised', level: 'management', organisation_id: org(seed.raisedBy), user_id: signer(seed.raisedBy), note: null },
      ...parties
        .map((key, i) => ({ key, i }))
        .filter(({ key }) => seed.positions[key])
        .map(({ key, i }) => ({ dispute_id: row.id, occurred_on: statedOn(i), kind: 'position', level: 'management', organisation_id: org(key), user_id: signer(key), note: seed.positions[key]! })),
    ];
    if (seed.escalatedOn) {
      events.push({ dispute_id: row.id, occurred_on: seed.escalatedOn, kind: 'escalated', level: 'county', organisation_id: org(seed.raisedBy), user_id: signer(seed.raisedBy), note: null });
    }
    if (seed.resolved) {
      const bySteeringGroup = level === 'county';
      events.push({
        dispute_id: row.id,
        occurred_on: seed.resolved.on,
        kind: 'resolved',
        level,
        organisation_id: bySteeringGroup ? org('steering') : org(seed.raisedBy),
        user_id: bySteeringGroup ? userIds.get(STEERING_SIGNER)! : signer(seed.raisedBy),
        note: seed.resolved.outcome,
      });
    }
    await trx.insertInto('dispute_events').values(events).execute();
  }
}
