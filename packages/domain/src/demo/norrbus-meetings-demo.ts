import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../db/tables.js';
import type { NorrbusGender } from '../norrbus/persons.js';
import type { CommitmentOutcome } from '../norrbus/commitments.js';
import type { PartySector } from '../norrbus/parties.js';
import { addDays, addMonths, ageOn } from '../shared/dates.js';
import { testPersonalIdentityNumber, type DemoContext } from './demo-data.js';

/**
 * Norrbusmöten in Piteå, Luleå, Kiruna, Kalix and Arvidsjaur in 2025 and 2026, up to today and a
 * few weeks on: young persons of all three genders aged 6–20, consent from them and, under 18, the
 * guardians (one withdrawn), kallelser with purpose (some with two parties and the reason), the
 * meetings held with participants, notes and åtaganden, follow-up meetings recording done, partly
 * done and not done, and åtaganden still open, some overdue because no follow-up was called. The
 * numbers differ much between the municipalities, as they do: the yearly indicators get small cells.
 */

interface MunicipalityParties {
  readonly key: string;
  /** First meetings a full year. */
  readonly perYear: number;
  readonly school: readonly string[];
  readonly socialServices: string;
  readonly healthCare: readonly string[];
  readonly place: string;
}

const MUNICIPALITIES: readonly MunicipalityParties[] = [
  { key: 'lulea', perYear: 17, school: ['lulea-school', 'lulea-private-school'], socialServices: 'lulea-ifo', healthCare: ['lulea-primary-care', 'bup'], place: 'Hertsöskolan' },
  { key: 'pitea', perYear: 14, school: ['pitea-school'], socialServices: 'pitea-ifo', healthCare: ['pitea-primary-care', 'bup', 'habilitation'], place: 'Strömbackaskolan' },
  { key: 'kiruna', perYear: 8, school: ['kiruna-school'], socialServices: 'kiruna-ifo', healthCare: ['kiruna-primary-care', 'bup'], place: 'Högalidskolan' },
  { key: 'kalix', perYear: 5, school: ['kalix-school'], socialServices: 'kalix-ifo', healthCare: ['kalix-primary-care'], place: 'Furuhedsskolan' },
  { key: 'arvidsjaur', perYear: 2, school: ['arvidsjaur-school'], socialServices: 'arvidsjaur-ifo', healthCare: ['arvidsjaur-primary-care'], place: 'Sandbackaskolan' },
];

/** The people who convened and documented the historic meetings where the demo has no user who signs in. */
const STAFF: Readonly<Record<string, readonly [displayName: string, email: string, title: string]>> = {
  'pitea-school': ['Lisa Lundqvist', 'lisa.lundqvist@pitea.se', 'Skolkurator'],
  'pitea-ifo': ['Sofia Backman', 'sofia.backman@pitea.se', 'Socialsekreterare'],
  'pitea-primary-care': ['Mats Nyberg', 'mats.nyberg@norrbotten.se', 'Distriktsläkare'],
  bup: ['Jonas Eriksson', 'jonas.eriksson@norrbotten.se', 'Psykolog'],
  'lulea-school': ['Karl Nilsson', 'karl.nilsson@lulea.se', 'Rektor'],
  'kiruna-ifo': ['Maja Kero', 'maja.kero@kiruna.se', 'Socialsekreterare'],
  'lulea-private-school': ['Helena Burman', 'helena.burman@pysslingen.se', 'Specialpedagog'],
  'lulea-ifo': ['Petra Sundqvist', 'petra.sundqvist@lulea.se', 'Socialsekreterare'],
  'lulea-primary-care': ['Anders Marklund', 'anders.marklund@norrbotten.se', 'Distriktssköterska'],
  'kiruna-school': ['Elin Keskitalo', 'elin.keskitalo@kiruna.se', 'Skolkurator'],
  'kiruna-primary-care': ['Tomas Rimpi', 'tomas.rimpi@norrbotten.se', 'Distriktsläkare'],
  'kalix-school': ['Anneli Öhman', 'anneli.ohman@kalix.se', 'Skolsköterska'],
  'kalix-ifo': ['Jukka Niva', 'jukka.niva@kalix.se', 'Socialsekreterare'],
  'kalix-primary-care': ['Karin Nyström', 'karin.nystrom@norrbotten.se', 'Distriktssköterska'],
  'arvidsjaur-school': ['Per Lidström', 'per.lidstrom@arvidsjaur.se', 'Rektor'],
  'arvidsjaur-ifo': ['Sara Labba', 'sara.labba@arvidsjaur.se', 'Socialsekreterare'],
  'arvidsjaur-primary-care': ['Ola Wiklund', 'ola.wiklund@norrbotten.se', 'Distriktsläkare'],
  habilitation: ['Maria Granström', 'maria.granstrom@norrbotten.se', 'Arbetsterapeut'],
};

const GIVEN_NAMES: Record<NorrbusGender, readonly string[]> = {
  girl: ['Alva', 'Saga', 'Wilma', 'Maja', 'Ebba', 'Tuva', 'Linnea', 'Moa', 'Elvira', 'Alicia', 'Nora', 'Stina', 'Idun', 'Hanna'],
  boy: ['Elias', 'Melvin', 'Theo', 'Isak', 'Oliver', 'Viggo', 'Arvid', 'Hugo', 'Lucas', 'Albin', 'Axel', 'Noel', 'Anton', 'Jon'],
  other: ['Kim', 'Alex', 'Robin', 'Sam', 'Charlie', 'Love', 'Eli'],
};
const FAMILY_NAMES = ['Lindqvist', 'Nyström', 'Öhman', 'Lundström', 'Sundqvist', 'Isaksson', 'Marklund', 'Lidström', 'Holmgren', 'Sandström', 'Wiklund', 'Nordström', 'Kuoljok', 'Rimpi', 'Pekkari', 'Labba', 'Niemi', 'Stenberg', 'Lindgren', 'Eriksson', 'Öberg', 'Fjällström', 'Bergqvist', 'Johansson'];
const GUARDIAN_NAMES = ['Anna', 'Jenny', 'Karin', 'Sanna', 'Helena', 'Maria', 'Johan', 'Mikael', 'Peter', 'Jonas', 'Tomas', 'Fredrik'];

const REASONS = [
  'Hög skolfrånvaro sedan höstlovet; mentor och elevhälsa når inte fram.',
  'Oro för psykisk ohälsa: nedstämdhet och tecken på självskadebeteende.',
  'Konflikter hemma och i skolan; vårdnadshavarna ber om hjälp.',
  'Misstänkt neuropsykiatrisk problematik; behov av samordnade insatser.',
  'Har slutat komma till gymnasiet och riskerar att inte fullfölja utbildningen.',
  'Oro för alkohol och droger och nya kamrater.',
  'Sömnproblem och stor trötthet i skolan.',
  'Behov av samordning efter placering i familjehem.',
];
const PURPOSES = [
  'Få en gemensam bild av {name}s situation och komma överens om vem som gör vad.',
  'Samordna stödet kring {name}s skolgång och hälsa.',
  'Planera insatser för att {name} ska komma tillbaka till skolan.',
  'Gå igenom {name}s behov och familjens resurser, och besluta om insatser.',
];
const TWO_PARTY_REASONS: Record<PartySector, string> = {
  school: 'Den unge har avslutat skolan; skolan deltar inte i nuläget.',
  social_services: 'Familjen har ingen kontakt med socialtjänsten och vill inte ha det i nuläget.',
  health_care: 'Hälso- och sjukvården har lämnat sin bedömning skriftligt och deltar vid behov.',
};
const COMMITMENTS: Record<PartySector, ReadonlyArray<readonly [intervention: string, extent: string, performer: string]>> = {
  school: [
    ['Anpassad studiegång med reducerat schema', 'Under resten av terminen', 'Rektor och mentor'],
    ['Extra anpassningar och särskilt stöd enligt åtgärdsprogram', 'Dagligen, utvärderas varannan vecka', 'Specialpedagog'],
    ['Stödsamtal hos skolkurator', 'En gång i veckan i tio veckor', 'Skolkurator'],
    ['Kartläggning av skolfrånvaron', 'Fyra veckor', 'Elevhälsoteamet'],
  ],
  social_services: [
    ['Föräldrastöd enligt ABC', 'Fyra träffar', 'Familjebehandlare'],
    ['Kontaktperson', 'Fyra timmar i veckan', 'Kontaktperson via socialtjänsten'],
    ['Familjebehandling i hemmet', 'Ett besök i veckan i tre månader', 'Familjebehandlare'],
    ['Stödsamtal för den unge', 'Två samtal i månaden', 'Socialsekreterare'],
  ],
  health_care: [
    ['Bedömning av psykisk ohälsa', 'Två besök', 'Distriktssköterska och läkare'],
    ['Sömnskola', 'Sex träffar i grupp', 'Distriktssköterska'],
    ['Läkarbedömning och vid behov remiss till BUP', 'Ett besök', 'Distriktsläkare'],
    ['Samtal med psykolog', 'Sex samtal', 'Psykolog'],
  ],
};
const FOLLOW_UP_METHODS = ['Uppföljande Norrbusmöte', 'Uppföljande möte med den unge och vårdnadshavarna', 'Avstämning med sammankallande före uppföljande möte'];
const MANDATES: Record<PartySector, string> = {
  school: 'Beslutar om anpassningar, särskilt stöd och elevhälsans insatser.',
  social_services: 'Beslutar om bistånd och öppenvårdsinsatser enligt delegation.',
  health_care: 'Beslutar om bedömning, behandling och remiss inom sin verksamhet.',
};
const OUTCOME_NOTES: Record<CommitmentOutcome, string> = {
  done: 'Genomfört enligt planen.',
  partly_done: 'Påbörjat; fortsätter till nästa uppföljning.',
  not_done: 'Inte genomfört: väntetid, ny tid bokad.',
};

type Draw = () => number;
const pick = <T>(next: Draw, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const between = (next: Draw, from: number, to: number) => from + Math.floor(next() * (to - from + 1));

/** A time of day on a date in Swedish local time, whatever zone the loader runs in. */
function swedishTime(date: IsoDate, hour: number, minute: number): Date {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${date}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')!
    .value.replace('GMT', '');
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00${offset || '+00:00'}`);
}

interface Rows {
  persons: Array<{ id: string; owner_org_id: string; given_name: string; family_name: string; personal_identity_number: string | null; birth_date: IsoDate; gender: NorrbusGender; municipality_id: string; placed_outside_home: boolean }>;
  guardians: Array<{ id: string; owner_org_id: string; person_id: string; name: string }>;
  consents: Array<{ id: string; owner_org_id: string; person_id: string; given_by: string; guardian_id: string | null; given_on: IsoDate; limitation: string | null; withdrawn_on: IsoDate | null; withdrawal_note: string | null; recorded_by: string }>;
  consentOrganisations: Array<{ consent_id: string; organisation_id: string; information: string }>;
  meetings: Array<{ id: string; owner_org_id: string; person_id: string; follow_up_of_id: string | null; initiated_on: IsoDate; initiative_reason: string; purpose: string | null; scheduled_at: Date | null; location: string | null; two_party_reason: string | null; status: string; held_on: IsoDate | null; notes: string | null; coordinator_org_id: string | null; follow_up_convener_org_id: string | null; created_by: string }>;
  invitations: Array<{ meeting_id: string; organisation_id: string; owner_org_id: string; invited_on: IsoDate }>;
  participants: Array<{ meeting_id: string; owner_org_id: string; organisation_id: string | null; name: string; role: string; mandate: string | null }>;
  commitments: Array<{ id: string; meeting_id: string; owner_org_id: string; responsible_org_id: string; intervention: string; extent: string; performer: string; follow_up_method: string; follow_up_on: IsoDate; outcome: CommitmentOutcome | null; outcome_on: IsoDate | null; outcome_meeting_id: string | null; outcome_note: string | null }>;
}

/** How one young person's chain of meetings goes, drawn or (for the showcase) given. */
interface Story {
  readonly municipality: MunicipalityParties;
  readonly initiatedOn: IsoDate;
  readonly conveningSector: PartySector;
  /** Days from the initiative to the first meeting. */
  readonly daysToMeeting: number;
  /** Null: the invitation is not sent yet. */
  readonly invited: boolean;
  readonly twoParty: PartySector | null;
  readonly placedOutsideHome: boolean;
  /** False: nobody called the follow-up, the åtaganden stay open. */
  readonly followUpCalled: boolean;
  /** A guardian withdraws the consent after the first meeting. */
  readonly withdrawal: boolean;
  readonly age: number;
  readonly gender: NorrbusGender;
  /** The health care party, when the story needs a particular one. */
  readonly healthCare?: string;
}

/** Builds the rows of one young person's meetings in memory; everything is inserted at the end in a few statements. */
class ChainBuilder {
  constructor(
    private readonly context: DemoContext,
    private readonly rows: Rows,
    private readonly userOf: (orgKey: string) => string,
  ) {}

  private org(key: string): string {
    return this.context.organisationIds.get(key)!;
  }

  build(story: Story): void {
    const { next, today } = this.context;
    const m = story.municipality;
    const parties: Record<PartySector, string> = { school: pick(next, m.school), social_services: m.socialServices, health_care: story.healthCare ?? pick(next, m.healthCare) };
    const conveningKey = parties[story.conveningSector];
    const convener = this.org(conveningKey);
    const author = this.userOf(conveningKey);
    const partyKeys = (Object.keys(parties) as PartySector[]).filter((sector) => sector !== story.twoParty).map((sector) => parties[sector]);
    const invitedKeys = partyKeys.filter((key) => key !== conveningKey);

    const gender = story.gender;
    const givenName = pick(next, GIVEN_NAMES[gender]);
    const familyName = pick(next, FAMILY_NAMES);
    const birthDate = addDays(addMonths(story.initiatedOn, -12 * story.age), -between(next, 0, story.age === 20 ? 150 : 340));
    let serial = this.context.nextSerial();
    // The number's birth number follows the legal gender (odd for a man); draw again to keep it realistic.
    if (gender !== 'other' && serial % 2 !== (gender === 'boy' ? 1 : 0)) serial = this.context.nextSerial();
    const person = {
      id: randomUUID(),
      owner_org_id: convener,
      given_name: givenName,
      family_name: familyName,
      personal_identity_number: next() < 0.92 ? testPersonalIdentityNumber(birthDate, serial) : null,
      birth_date: birthDate,
      gender,
      municipality_id: this.org(m.key),
      placed_outside_home: story.placedOutsideHome,
    };
    this.rows.persons.push(person);
    const minor = ageOn(birthDate, story.initiatedOn) < 18;
    const guardianNames = minor ? (next() < 0.7 ? [pick(next, GUARDIAN_NAMES), pick(next, GUARDIAN_NAMES)] : [pick(next, GUARDIAN_NAMES)]) : [];
    const guardians = [...new Set(guardianNames)].map((name) => ({ id: randomUUID(), owner_org_id: convener, person_id: person.id, name: `${name} ${familyName}` }));
    this.rows.guardians.push(...guardians);

    const meetingOn = addDays(story.initiatedOn, story.daysToMeeting);
    const invitedOn = addDays(story.initiatedOn, between(next, 1, Math.max(1, Math.min(5, story.daysToMeeting - 1))));
    if (story.invited && invitedOn <= today) {
      const givenOn = addDays(story.initiatedOn, between(next, 0, Math.max(0, Math.min(3, story.daysToMeeting - 2))));
      for (const signatory of [null, ...guardians]) {
        const id = randomUUID();
        this.rows.consents.push({
          id,
          owner_org_id: convener,
          person_id: person.id,
          given_by: signatory ? 'guardian' : 'young_person',
          guardian_id: signatory?.id ?? null,
          given_on: givenOn,
          limitation: next() < 0.1 ? 'Uppgifter om syskonen får inte delas.' : null,
          withdrawn_on: null,
          withdrawal_note: null,
          recorded_by: author,
        });
        this.rows.consentOrganisations.push(
          ...partyKeys.map((key) => ({ consent_id: id, organisation_id: this.org(key), information: 'Uppgifter om skolsituation, hälsa och pågående insatser som behövs för att samordna stödet.' })),
        );
      }
    }

    const firstHeld = story.invited && meetingOn < today;
    const first = this.meeting({
      owner: convener,
      author,
      person: person.id,
      followUpOf: null,
      initiatedOn: story.initiatedOn,
      reason: story.placedOutsideHome ? REASONS[7]! : pick(next, REASONS.slice(0, 7)),
      purpose: story.invited ? pick(next, PURPOSES).replace('{name}', givenName) : null,
      on: meetingOn,
      place: story.conveningSector === 'school' ? m.place : 'Socialkontoret',
      twoPartyReason: story.twoParty ? TWO_PARTY_REASONS[story.twoParty] : null,
      status: !story.invited || invitedOn > today ? 'planned' : firstHeld ? 'held' : 'invited',
      coordinator: story.placedOutsideHome ? this.org(parties.social_services) : null,
      notes: `Mötet hölls på ${story.conveningSector === 'school' ? m.place : 'socialkontoret'}. ${givenName}${guardians[0] ? ` och ${guardians[0].name}` : ''} deltog. Vi gick igenom läget och enades om åtagandena.`,
    });
    if (first.status !== 'planned') this.invite(first.id, convener, invitedKeys, invitedOn);
    if (!firstHeld) return;
    this.participants(first.id, convener, partyKeys, parties, givenName, guardians[0]?.name ?? null);
    const commitments = this.plan(first.id, convener, parties, partyKeys, meetingOn);

    const lastFollowUpOn = commitments.map((c) => c.follow_up_on).sort().at(-1)!;
    if (story.withdrawal) {
      const consent = this.rows.consents.find((c) => c.person_id === person.id && c.given_by === (guardians.length > 0 ? 'guardian' : 'young_person'))!;
      consent.withdrawn_on = addDays(meetingOn, 12);
      consent.withdrawal_note = 'Vårdnadshavaren vill inte längre att uppgifter delas mellan verksamheterna.';
      return;
    }
    if (!story.followUpCalled) return;
    const followUpOn = addDays(lastFollowUpOn, between(next, -10, 14));
    if (followUpOn > addDays(today, 35)) return;
    const followUpHeld = followUpOn < today;
    const calledOn = addDays(followUpOn, -between(next, 10, 20));
    const followUp = this.meeting({
      owner: convener,
      author,
      person: person.id,
      followUpOf: first.id,
      initiatedOn: calledOn > today ? today : calledOn,
      reason: `Uppföljning av Norrbusmötet den ${meetingOn}.`,
      purpose: `Följa upp åtagandena från mötet den ${meetingOn}.`,
      on: followUpOn,
      place: story.conveningSector === 'school' ? m.place : 'Socialkontoret',
      twoPartyReason: first.two_party_reason,
      status: followUpHeld ? 'held' : 'invited',
      coordinator: first.coordinator_org_id,
      notes: `Uppföljande möte. ${givenName} deltog. Vi gick igenom varje åtagande.`,
    });
    this.invite(followUp.id, convener, invitedKeys, followUp.initiated_on);
    if (!followUpHeld) return;
    this.participants(followUp.id, convener, partyKeys, parties, givenName, null);
    for (const commitment of commitments) {
      const draw = next();
      commitment.outcome = draw < 0.6 ? 'done' : draw < 0.85 ? 'partly_done' : 'not_done';
      commitment.outcome_on = followUpOn;
      commitment.outcome_meeting_id = followUp.id;
      commitment.outcome_note = OUTCOME_NOTES[commitment.outcome];
    }
    // What was not done lately is planned again, and is open now (some of it overdue).
    const again = commitments.filter((c) => c.outcome !== 'done');
    if (again.length > 0 && followUpOn > addDays(today, -60) && next() < 0.7) {
      this.plan(followUp.id, convener, parties, partyKeys, followUpOn, again.map((c) => c.responsible_org_id));
    }
  }

  private meeting(spec: {
    owner: string;
    author: string;
    person: string;
    followUpOf: string | null;
    initiatedOn: IsoDate;
    reason: string;
    purpose: string | null;
    on: IsoDate;
    place: string;
    twoPartyReason: string | null;
    status: string;
    coordinator: string | null;
    notes: string;
  }) {
    const { next } = this.context;
    const row = {
      id: randomUUID(),
      owner_org_id: spec.owner,
      person_id: spec.person,
      follow_up_of_id: spec.followUpOf,
      initiated_on: spec.initiatedOn,
      initiative_reason: spec.reason,
      purpose: spec.status === 'planned' ? null : spec.purpose,
      scheduled_at: spec.status === 'planned' ? null : swedishTime(spec.on, pick(next, [8, 9, 10, 13, 14]), pick(next, [0, 30])),
      location: spec.status === 'planned' ? null : spec.place,
      two_party_reason: spec.status === 'planned' ? null : spec.twoPartyReason,
      status: spec.status,
      held_on: spec.status === 'held' ? spec.on : null,
      notes: spec.status === 'held' ? spec.notes : null,
      coordinator_org_id: spec.coordinator,
      follow_up_convener_org_id: null,
      created_by: spec.author,
    };
    this.rows.meetings.push(row);
    return row;
  }

  private invite(meetingId: string, owner: string, invitedKeys: readonly string[], on: IsoDate): void {
    this.rows.invitations.push(...invitedKeys.map((key) => ({ meeting_id: meetingId, organisation_id: this.org(key), owner_org_id: owner, invited_on: on })));
  }

  private participants(meetingId: string, owner: string, partyKeys: readonly string[], parties: Record<PartySector, string>, youngPerson: string, guardian: string | null): void {
    const sectorOf = (key: string) => (Object.keys(parties) as PartySector[]).find((sector) => parties[sector] === key)!;
    this.rows.participants.push(
      ...partyKeys.map((key) => ({ meeting_id: meetingId, owner_org_id: owner, organisation_id: this.org(key), name: STAFF[key]![0], role: STAFF[key]![2], mandate: MANDATES[sectorOf(key)] })),
      { meeting_id: meetingId, owner_org_id: owner, organisation_id: null, name: youngPerson, role: 'Den unge', mandate: null },
      ...(guardian ? [{ meeting_id: meetingId, owner_org_id: owner, organisation_id: null, name: guardian, role: 'Vårdnadshavare', mandate: null }] : []),
    );
  }

  private plan(meetingId: string, owner: string, parties: Record<PartySector, string>, partyKeys: readonly string[], heldOn: IsoDate, responsible?: readonly string[]): Rows['commitments'] {
    const { next } = this.context;
    const sectors = (Object.keys(parties) as PartySector[]).filter((sector) => partyKeys.includes(parties[sector]));
    // Every party takes on something, one of them now and then two things.
    const count = responsible ? responsible.length : sectors.length + (next() < 0.3 ? 1 : 0);
    const followUpOn = addDays(heldOn, between(next, 42, 84));
    const planned = Array.from({ length: count }, (_, index) => {
      const sector = responsible ? sectors.find((s) => this.org(parties[s]) === responsible[index]) ?? sectors[0]! : sectors[index % sectors.length]!;
      const [intervention, extent, performer] = pick(next, COMMITMENTS[sector]);
      return {
        id: randomUUID(),
        meeting_id: meetingId,
        owner_org_id: owner,
        responsible_org_id: this.org(parties[sector]),
        intervention,
        extent,
        performer,
        follow_up_method: pick(next, FOLLOW_UP_METHODS),
        follow_up_on: followUpOn,
        outcome: null,
        outcome_on: null,
        outcome_meeting_id: null,
        outcome_note: null,
      };
    });
    this.rows.commitments.push(...planned);
    return planned;
  }
}

function drawGender(next: Draw): NorrbusGender {
  const draw = next();
  return draw < 0.46 ? 'girl' : draw < 0.91 ? 'boy' : 'other';
}

/** The stories of a municipality's year: initiatives spread over the year, up to today. */
function yearStories(next: Draw, municipality: MunicipalityParties, year: number, today: IsoDate): Story[] {
  const stories: Story[] = [];
  for (let i = 0; i < municipality.perYear; i += 1) {
    const initiatedOn = addDays(`${year}-01-03`, Math.floor(((i + next()) / municipality.perYear) * 355));
    if (initiatedOn > today) break;
    const sectorDraw = next();
    const age = between(next, 6, 20);
    const twoPartyDraw = next();
    stories.push({
      municipality,
      initiatedOn,
      conveningSector: sectorDraw < 0.68 ? 'school' : sectorDraw < 0.9 ? 'social_services' : 'health_care',
      daysToMeeting: between(next, 6, 38),
      invited: next() < 0.95,
      // Two parties now and then, with the reason: most often school is no longer a party for the oldest.
      twoParty: twoPartyDraw < 0.14 ? (age >= 19 ? 'school' : 'health_care') : null,
      placedOutsideHome: next() < 0.08,
      followUpCalled: next() < 0.88,
      withdrawal: false,
      age,
      gender: drawGender(next),
    });
  }
  return stories;
}

/**
 * Lisa Lundqvist's own meetings at Strömbackaskolan, relative to today, so a convener and Mats
 * Nyberg at Hälsocentralen Öjebyn always have something to do: an åtagande overdue because no
 * follow-up was called, one falling due, a meeting next week, an initiative not yet invited, and
 * the young person whose guardian withdrew the consent.
 */
function showcase(today: IsoDate, pitea: MunicipalityParties): Story[] {
  const base = { municipality: pitea, conveningSector: 'school' as const, invited: true, twoParty: null, placedOutsideHome: false, withdrawal: false, healthCare: 'pitea-primary-care' };
  return [
    { ...base, initiatedOn: addDays(today, -150), daysToMeeting: 14, followUpCalled: false, age: 14, gender: 'girl' },
    { ...base, initiatedOn: addDays(today, -40), daysToMeeting: 18, followUpCalled: true, age: 12, gender: 'boy' },
    { ...base, initiatedOn: addDays(today, -5), daysToMeeting: 9, followUpCalled: true, age: 16, gender: 'other' },
    { ...base, initiatedOn: addDays(today, -2), daysToMeeting: 20, invited: false, followUpCalled: true, age: 9, gender: 'boy' },
    { ...base, initiatedOn: addDays(today, -120), daysToMeeting: 12, followUpCalled: true, withdrawal: true, age: 15, gender: 'girl' },
  ];
}

export async function loadNorrbusMeetingsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today } = context;
  const users = new Map(context.userIds);
  for (const [displayName, email] of Object.values(STAFF)) {
    if (users.has(email)) continue;
    // Staff who recorded the history: named in the records, with neither sign-in nor membership, so they act for no one now.
    const row = await trx.insertInto('users').values({ external_subject: `demo-norrbus|${email}`, email, display_name: displayName }).returning('id').executeTakeFirstOrThrow();
    users.set(email, row.id);
  }
  const rows: Rows = { persons: [], guardians: [], consents: [], consentOrganisations: [], meetings: [], invitations: [], participants: [], commitments: [] };
  const builder = new ChainBuilder(context, rows, (orgKey) => users.get(STAFF[orgKey]![1])!);
  const stories = MUNICIPALITIES.flatMap((municipality) => [2025, 2026].flatMap((year) => yearStories(next, municipality, year, today)));
  for (const story of [...stories, ...showcase(today, MUNICIPALITIES.find((m) => m.key === 'pitea')!)]) builder.build(story);

  await trx.insertInto('norrbus_persons').values(rows.persons).execute();
  if (rows.guardians.length > 0) await trx.insertInto('norrbus_guardians').values(rows.guardians).execute();
  await trx.insertInto('norrbus_consents').values(rows.consents).execute();
  await trx.insertInto('norrbus_consent_organisations').values(rows.consentOrganisations).execute();
  // First meetings before the follow-ups that point at them.
  await trx.insertInto('norrbus_meetings').values(rows.meetings.filter((m) => !m.follow_up_of_id)).execute();
  const followUps = rows.meetings.filter((m) => m.follow_up_of_id);
  if (followUps.length > 0) await trx.insertInto('norrbus_meetings').values(followUps).execute();
  await trx.insertInto('norrbus_invitations').values(rows.invitations).execute();
  await trx.insertInto('norrbus_participants').values(rows.participants).execute();
  await trx.insertInto('norrbus_commitments').values(rows.commitments).execute();
}
