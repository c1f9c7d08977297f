import type { IsoDate } from '../db/tables.js';
import { addDays } from '../shared/dates.js';
import type { DemoContext } from './demo-data.js';

/**
 * Forum barn och unga in five municipalities, one or two per county part (seed 004: "På kommunal
 * nivå är det Forum barn och unga som utgör samverkansstrukturen"): members from school, social
 * services and health care, the police where invited, a regular schedule, and minutes of meetings in
 * 2025–2026 with topics and agreed actions. Nothing in them names a child. The last meeting's
 * actions are still open and fall due after today, so every forum has upcoming actions.
 */

interface ForumSeed {
  readonly name: string;
  /** The organisation that set the forum up, and the convener. */
  readonly owner: string;
  readonly convener: string;
  readonly members: readonly string[];
  readonly namedMembers: readonly string[];
  readonly schedule: string;
  /** Who writes the minutes: a demo user of the convener, or a record keeper without sign-in. */
  readonly recorder: string;
  readonly meetings: readonly IsoDate[];
}

const FORUMS: readonly ForumSeed[] = [
  {
    name: 'Forum barn och unga Piteå',
    owner: 'pitea',
    convener: 'pitea-ifo',
    members: ['pitea-school', 'pitea-primary-care', 'bup', 'habilitation', 'pitea-police'],
    namedMembers: ['Fältassistenterna, Piteå kommun'],
    schedule: 'Andra tisdagen varannan månad (utom juli), kl. 13.00–15.00, Stadshuset',
    recorder: 'sofia.backman@pitea.se',
    meetings: ['2025-02-11', '2025-04-08', '2025-06-10', '2025-09-09', '2025-11-11', '2026-02-10', '2026-04-14', '2026-06-09', '2026-09-08', '2026-11-10'],
  },
  {
    name: 'Forum barn och unga Luleå, Hertsön och Bergnäset',
    owner: 'lulea-school',
    convener: 'lulea-school',
    members: ['lulea-ifo', 'lulea-primary-care', 'lulea-private-school', 'bup'],
    namedMembers: ['Polisen, lokalpolisområde Luleå', 'Lulebo AB (fastighetsägare)'],
    schedule: 'Första torsdagen varje kvartal, kl. 09.00–11.00, Hertsöskolan',
    recorder: 'karl.nilsson@lulea.se',
    meetings: ['2025-03-06', '2025-06-05', '2025-09-04', '2025-12-04', '2026-03-05', '2026-06-04', '2026-09-03'],
  },
  {
    name: 'Forum barn och unga Kiruna',
    owner: 'kiruna-ifo',
    convener: 'kiruna-ifo',
    members: ['kiruna-school', 'kiruna-primary-care', 'bup'],
    namedMembers: ['Polisen, lokalpolisområde Kiruna', 'Svenska kyrkan, Kiruna församling'],
    schedule: 'Sista onsdagen varannan månad, kl. 13.00–15.00, via Teams vid behov',
    recorder: 'maja.kero@kiruna.se',
    meetings: ['2025-01-29', '2025-03-26', '2025-05-28', '2025-09-24', '2025-11-26', '2026-01-28', '2026-03-25', '2026-05-27', '2026-09-30'],
  },
  {
    name: 'Forum barn och unga Kalix',
    owner: 'kalix-ifo',
    convener: 'kalix-ifo',
    members: ['kalix-school', 'kalix-primary-care', 'habilitation'],
    namedMembers: ['Polisen, lokalpolisområde Kalix'],
    schedule: 'En gång per termin och vid behov, Kalix kommunhus',
    recorder: 'protokoll.kalix@norrbus.invalid',
    meetings: ['2025-03-18', '2025-10-14', '2026-03-17', '2026-10-13'],
  },
  {
    name: 'Forum barn och unga Arvidsjaur',
    owner: 'arvidsjaur-ifo',
    convener: 'arvidsjaur-ifo',
    members: ['arvidsjaur-school', 'arvidsjaur-primary-care', 'bup'],
    namedMembers: ['Fritidsgården Ungdomens hus'],
    schedule: 'Tredje måndagen varannan månad, kl. 10.00–12.00',
    recorder: 'protokoll.arvidsjaur@norrbus.invalid',
    meetings: ['2025-02-17', '2025-04-21', '2025-09-15', '2025-11-17', '2026-02-16', '2026-04-20', '2026-09-21'],
  },
];

/** Record keepers for the forums whose convener has no demo user; they have no membership and cannot sign in. */
const RECORD_KEEPERS = [
  { email: 'protokoll.kalix@norrbus.invalid', displayName: 'Protokollförare, IFO Kalix' },
  { email: 'protokoll.arvidsjaur@norrbus.invalid', displayName: 'Protokollförare, IFO Arvidsjaur' },
];

/** What forums talk about (the local situation) and the actions they agree; taken in turn. */
const AGENDA: ReadonlyArray<{ topics: readonly string[]; minutes: string; actions: ReadonlyArray<{ action: string; responsible: string }> }> = [
  {
    topics: ['Läget i kommunen: skolfrånvaro', 'Norrbusmöten sedan förra träffen'],
    minutes:
      'Skolan redovisade att den problematiska frånvaron i högstadiet har ökat sedan hösten, främst i årskurs 8. Socialtjänsten och primärvården ser samma mönster. Antalet Norrbusmöten har ökat; de flesta initieras av skolan.',
    actions: [
      { action: 'Ta fram en gemensam rutin för tidig signal vid frånvaro', responsible: 'Rektorerna tillsammans med elevhälsan' },
      { action: 'Redovisa frånvarostatistik per årskurs till nästa möte', responsible: 'Skolförvaltningen' },
    ],
  },
  {
    topics: ['Väntetider till BUP', 'Avvikelser i Norrbussamverkan'],
    minutes:
      'BUP redovisade väntetider för första bedömning. Forumet gick igenom avvikelserna sedan förra mötet: två gällde kallelser utan angivet syfte. Forumet påminner om att kallelsen ska ange syfte, tid och vilka som bjuds in.',
    actions: [
      { action: 'Påminna alla enheter om mallen för kallelse till Norrbusmöte', responsible: 'Sammankallande' },
      { action: 'Bjuda in BUP:s enhetschef till nästa möte om remissvägar', responsible: 'Sammankallande' },
    ],
  },
  {
    topics: ['Sommarlovet: aktiviteter och öppettider', 'Trygghet i centrum kvällstid'],
    minutes:
      'Fritid och fältassistenter presenterade sommarens aktiviteter. Polisen beskrev läget i centrum kvällstid; inga större förändringar. Forumet vill samordna information till vårdnadshavare inför sommaren.',
    actions: [
      { action: 'Samordnat informationsbrev till vårdnadshavare inför sommarlovet', responsible: 'Socialtjänsten och skolan' },
      { action: 'Sammanställa kontaktvägar under sommaren för elevhälsa och socialtjänst', responsible: 'Elevhälsan' },
    ],
  },
  {
    topics: ['Uppföljning av åtaganden i Norrbusmöten', 'Samtycke: rutiner och blanketter'],
    minutes:
      'Andelen åtaganden som följs upp i tid har ökat. Forumet diskuterade hur samtycke dokumenteras och att vårdnadshavares samtycke behövs för den som är under 18 år. Hälsocentralen efterfrågade en gemensam blankett.',
    actions: [
      { action: 'Gemensam samtyckesblankett för skola, socialtjänst och hälsocentral', responsible: 'Socialtjänsten' },
      { action: 'Utbildningstillfälle om Norrbus för nyanställda', responsible: 'Sammankallande med BUP' },
    ],
  },
  {
    topics: ['Länsdelens samverkansgrupp: återkoppling', 'Planering av nästa år'],
    minutes:
      'Återkoppling från länsdelens samverkansgrupp om avvikelser som lyfts dit och om indikatorerna inför årsuppföljningen till Samverkansstruktur målgrupp barn och unga. Mötesplan för nästa år fastställdes.',
    actions: [
      { action: 'Skicka forumets underlag till årsuppföljningen', responsible: 'Sammankallande' },
      { action: 'Boka lokaler för nästa års möten', responsible: 'Sammankallande' },
    ],
  },
];

export async function loadNorrbusForumsDemo(context: DemoContext): Promise<void> {
  const { trx, today, organisationIds } = context;
  const org = (key: string) => {
    const id = organisationIds.get(key);
    if (!id) throw new Error(`Demo organisation ${key} is missing`);
    return id;
  };
  const recorders = new Map(context.userIds);
  for (const keeper of RECORD_KEEPERS) {
    const row = await trx
      .insertInto('users')
      .values({ external_subject: `demo-minutes|${keeper.email}`, email: keeper.email, display_name: keeper.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    recorders.set(keeper.email, row.id);
  }
  let agendaIndex = 0;
  for (const seed of FORUMS) {
    const held = seed.meetings.filter((day) => day <= today);
    const joinedOn = addDays(seed.meetings[0]!, -30);
    const forum = await trx
      .insertInto('local_forums')
      .values({ owner_org_id: org(seed.owner), name: seed.name, convener_org_id: org(seed.convener), meeting_schedule: seed.schedule, created_at: `${joinedOn}T08:00:00Z` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const names = await trx.selectFrom('organisations').select(['id', 'name']).where('id', 'in', seed.members.map(org)).execute();
    await trx
      .insertInto('local_forum_members')
      .values([
        ...names.map((o) => ({ forum_id: forum.id, organisation_id: o.id, name: o.name, joined_on: joinedOn })),
        ...seed.namedMembers.map((name) => ({ forum_id: forum.id, organisation_id: null, name, joined_on: joinedOn })),
      ])
      .execute();
    for (const [index, heldOn] of held.entries()) {
      const agenda = AGENDA[agendaIndex++ % AGENDA.length]!;
      const meeting = await trx
        .insertInto('local_forum_meetings')
        .values({ forum_id: forum.id, owner_org_id: org(seed.convener), held_on: heldOn, topics: [...agenda.topics], minutes: agenda.minutes, recorded_by: recorders.get(seed.recorder)!, created_at: `${heldOn}T15:00:00Z` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const latest = index === held.length - 1;
      await trx
        .insertInto('local_forum_actions')
        .values(
          agenda.actions.map((a, i) => {
            // Earlier actions were done before their day, the second of a pair a little late; the latest meeting's are open.
            const dueOn = latest ? addDays(today, 14 + 30 * i) : addDays(heldOn, 45 + 15 * i);
            const doneOn = latest ? null : addDays(dueOn, i === 0 ? -5 : 6);
            return { forum_meeting_id: meeting.id, owner_org_id: org(seed.convener), action: a.action, responsible: a.responsible, due_on: dueOn, done_on: doneOn !== null && doneOn > today ? null : doneOn };
          }),
        )
        .execute();
    }
  }
}
