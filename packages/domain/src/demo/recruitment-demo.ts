import type { IsoDate } from '../db/tables.js';
import type { LeavingReason, RecruitmentStep, ScreeningResult } from '../recruitment/pipeline.js';
import type { RecruitmentEventKind, RecruitmentSource } from '../recruitment/recruitments.js';
import { addDays, addMonths } from '../shared/dates.js';
import { testPersonalIdentityNumber, type DemoContext } from './demo-data.js';

/**
 * The unit's recruitment over the last 18 months: the basic training "Ett hem att växa i" given
 * in rounds, further training for approved homes, and 25 families spread over every step, with
 * dated, signed timelines. Days are counted back from today, so the board always looks current.
 */

const BASIC_TRAINING_SESSIONS = 6;
/** Days ago each round of the basic training began; the last one lies ahead. Sessions every two weeks. */
const BASIC_TRAINING_ROUNDS = [500, 400, 300, 200, 100, 40, -60] as const;
/** Traumamedveten omsorg: one round held, one coming. */
const FURTHER_TRAINING_ROUNDS = [210, -20] as const;
const FURTHER_TRAINING_SESSIONS = 3;

const STEP_ORDER: readonly RecruitmentStep[] = ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision', 'approved'];

type MunicipalityKey = 'lindesberg' | 'nora' | 'hallefors' | 'ljusnarsberg';

interface FamilySpec {
  readonly family: string;
  readonly adults: readonly string[];
  readonly children?: readonly string[];
  readonly municipality: MunicipalityKey;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly kind: 'own' | 'emergency';
  readonly source: RecruitmentSource;
  readonly sourceDetail?: string;
  /** Days ago the family entered each step it reached, from the inquiry on (see STEP_ORDER). */
  readonly entered: readonly number[];
  readonly screening?: ScreeningResult;
  readonly pause?: { readonly at: number; readonly resumedAt?: number; readonly note: string };
  readonly left?: { readonly at: number; readonly reason: LeavingReason; readonly note?: string };
  readonly approvedPlaces?: number;
  /** The round of the basic training the adults went to, and how many of its sessions they attended. */
  readonly training?: { readonly round: number; readonly sessions: number };
}

const FULL = BASIC_TRAINING_SESSIONS;

// prettier-ignore
const FAMILIES: readonly FamilySpec[] = [
  // Approved (godkända) within the last 18 months.
  { family: 'Björk', adults: ['Helena', 'Jonas'], children: ['Ebba'], municipality: 'lindesberg', street: 'Bergslagsvägen 12', postalCode: '711 31', city: 'Lindesberg', kind: 'own', source: 'word_of_mouth', sourceDetail: 'Grannar som är familjehem', entered: [560, 545, 510, 425, 310, 290], screening: 'suitable', approvedPlaces: 2, training: { round: 0, sessions: FULL } },
  { family: 'Falk', adults: ['Annika', 'Tomas'], municipality: 'nora', street: 'Prästgatan 4', postalCode: '713 30', city: 'Nora', kind: 'emergency', source: 'campaign', sourceDetail: 'Annons i Nerikes Allehanda', entered: [470, 458, 410, 325, 225, 200], screening: 'suitable', approvedPlaces: 1, training: { round: 1, sessions: FULL } },
  { family: 'Sundqvist', adults: ['Linnea'], municipality: 'hallefors', street: 'Hammarvägen 9', postalCode: '712 31', city: 'Hällefors', kind: 'own', source: 'website', entered: [380, 365, 310, 225, 120, 95], screening: 'suitable', approvedPlaces: 1, training: { round: 2, sessions: FULL } },
  // At the decision (beslut).
  { family: 'Ekdahl', adults: ['Sofia', 'Martin'], children: ['Alva', 'Theo'], municipality: 'lindesberg', street: 'Fröviforsvägen 3', postalCode: '718 30', city: 'Frövi', kind: 'own', source: 'event', sourceDetail: 'Lindesbergs marknad', entered: [350, 338, 305, 222, 20], screening: 'suitable', pause: { at: 180, resumedAt: 160, note: 'Familjen bad om uppehåll under föräldraledighet.' }, training: { round: 2, sessions: FULL } },
  { family: 'Hägg', adults: ['Camilla', 'Ahmed'], municipality: 'ljusnarsberg', street: 'Gruvgatan 17', postalCode: '714 31', city: 'Kopparberg', kind: 'own', source: 'social_media', sourceDetail: 'Facebook-kampanj', entered: [280, 262, 210, 125, 40], screening: 'doubtful', training: { round: 3, sessions: FULL } },
  // In the home study (utredning).
  { family: 'Lundmark', adults: ['Petra', 'Olle'], municipality: 'nora', street: 'Järnvägsgatan 21', postalCode: '713 31', city: 'Gyttorp', kind: 'own', source: 'campaign', sourceDetail: 'Affischer på vårdcentralen', entered: [300, 290, 205, 126], screening: 'suitable', training: { round: 3, sessions: FULL } },
  { family: 'Rask', adults: ['Jenny', 'Mattias'], children: ['Leo'], municipality: 'lindesberg', street: 'Kristinavägen 8', postalCode: '711 34', city: 'Lindesberg', kind: 'own', source: 'website', entered: [170, 150, 105, 25], screening: 'suitable', training: { round: 4, sessions: FULL } },
  { family: 'Åkerlund', adults: ['Maja', 'Henrik'], municipality: 'hallefors', street: 'Sörgården 2', postalCode: '712 81', city: 'Grythyttan', kind: 'emergency', source: 'agency', sourceDetail: 'Föreslagen efter egen kontakt med verksamheten', entered: [150, 135, 104, 28], training: { round: 4, sessions: FULL } },
  { family: 'Norén', adults: ['Elin', 'Viktor'], municipality: 'lindesberg', street: 'Storågatan 5', postalCode: '711 77', city: 'Storå', kind: 'own', source: 'word_of_mouth', entered: [200, 185, 103, 22], screening: 'suitable', pause: { at: 10, note: 'Familjen väntar barn; utredningen fortsätter efter sommaren.' }, training: { round: 4, sessions: FULL } },
  // In the basic training (grundutbildning).
  { family: 'Holmgren', adults: ['Karolina', 'David'], municipality: 'nora', street: 'Kungsgatan 30', postalCode: '713 32', city: 'Nora', kind: 'own', source: 'social_media', entered: [120, 95, 45], screening: 'suitable', training: { round: 5, sessions: 3 } },
  { family: 'Wiklund', adults: ['Therese'], children: ['Nora'], municipality: 'ljusnarsberg', street: 'Ställdalsvägen 14', postalCode: '714 35', city: 'Ställdalen', kind: 'own', source: 'event', sourceDetail: 'Familjehemsdag i Kopparberg', entered: [110, 80, 44], training: { round: 5, sessions: 3 } },
  { family: 'Stenberg', adults: ['Ida', 'Fredrik'], municipality: 'lindesberg', street: 'Fellingsbrovägen 40', postalCode: '718 92', city: 'Fellingsbro', kind: 'own', source: 'website', entered: [90, 70, 43], screening: 'suitable', training: { round: 5, sessions: 3 } },
  { family: 'Dahlgren', adults: ['Sara', 'Niklas'], municipality: 'hallefors', street: 'Hurtigvägen 6', postalCode: '712 30', city: 'Hällefors', kind: 'own', source: 'campaign', entered: [260, 240, 205], screening: 'doubtful', training: { round: 3, sessions: 4 } },
  { family: 'Berggren', adults: ['Louise', 'Patrik'], children: ['Vilma'], municipality: 'nora', street: 'Skolgatan 11', postalCode: '713 30', city: 'Nora', kind: 'own', source: 'word_of_mouth', entered: [230, 215, 104], pause: { at: 60, note: 'Sjukdom i familjen; återkommer när den är över.' }, training: { round: 4, sessions: 3 } },
  // After the information meeting (informationsträff/inledande samtal).
  { family: 'Forsman', adults: ['Emelie', 'Johan'], municipality: 'lindesberg', street: 'Vasagatan 3', postalCode: '711 30', city: 'Lindesberg', kind: 'own', source: 'social_media', entered: [40, 20], screening: 'suitable' },
  { family: 'Kronberg', adults: ['Anneli', 'Roger'], municipality: 'ljusnarsberg', street: 'Bergsmansvägen 2', postalCode: '714 30', city: 'Kopparberg', kind: 'own', source: 'other', sourceDetail: 'Läste om familjehem i församlingsbladet', entered: [75, 45], screening: 'doubtful' },
  { family: 'Lindahl', adults: ['Cecilia', 'Anton'], municipality: 'nora', street: 'Alntorpsvägen 1', postalCode: '713 92', city: 'Järnboås', kind: 'own', source: 'website', entered: [95, 80], pause: { at: 60, note: 'Familjen flyttar under våren och hör av sig efter flytten.' } },
  // New inquiries (intresseanmälan).
  { family: 'Ahlström', adults: ['Mikaela', 'Oskar'], municipality: 'lindesberg', street: 'Lilla Dalkarlsgatan 2', postalCode: '711 32', city: 'Lindesberg', kind: 'own', source: 'website', entered: [3] },
  { family: 'Nyberg', adults: ['Hanna'], municipality: 'hallefors', street: 'Sikforsvägen 7', postalCode: '712 32', city: 'Hällefors', kind: 'emergency', source: 'campaign', sourceDetail: 'Radioreklam', entered: [8] },
  { family: 'Söderlund', adults: ['Josefin', 'Kristian'], children: ['Elis'], municipality: 'nora', street: 'Rådstugatan 9', postalCode: '713 30', city: 'Nora', kind: 'own', source: 'social_media', entered: [20] },
  // Left the recruitment (lämnat).
  { family: 'Hedlund', adults: ['Malin', 'Stefan'], municipality: 'lindesberg', street: 'Ängsvägen 15', postalCode: '711 35', city: 'Lindesberg', kind: 'own', source: 'campaign', entered: [500, 490], left: { at: 470, reason: 'family_withdrew', note: 'Familjen kände att tiden inte räckte till just nu.' } },
  { family: 'Öhman', adults: ['Lina', 'Erik'], municipality: 'ljusnarsberg', street: 'Bergslagsgatan 8', postalCode: '714 32', city: 'Kopparberg', kind: 'own', source: 'social_media', entered: [330], left: { at: 300, reason: 'no_contact', note: 'Tre försök att nå familjen per telefon och brev.' } },
  { family: 'Palm', adults: ['Jessica', 'Marcus'], municipality: 'nora', street: 'Esplanaden 6', postalCode: '713 31', city: 'Gyttorp', kind: 'own', source: 'event', entered: [420, 410, 405], left: { at: 360, reason: 'circumstances_changed', note: 'Paret har separerat.' }, training: { round: 1, sessions: 3 } },
  { family: 'Kvist', adults: ['Rebecka', 'Anders'], municipality: 'lindesberg', street: 'Sjövägen 22', postalCode: '711 33', city: 'Lindesberg', kind: 'own', source: 'word_of_mouth', entered: [450, 440, 410, 328], screening: 'doubtful', left: { at: 250, reason: 'assessed_unsuitable', note: 'Utredningen visade att familjen saknar utrymme för ett placerat barn.' }, training: { round: 1, sessions: FULL } },
  { family: 'Thorén', adults: ['Amanda'], municipality: 'hallefors', street: 'Grängshammarvägen 4', postalCode: '712 33', city: 'Hällefors', kind: 'own', source: 'other', sourceDetail: 'Tips från kusin', entered: [60], left: { at: 50, reason: 'other', note: 'Familjen har flyttat från länet.' } },
];

function sessionDates(start: number, count: number, today: IsoDate): IsoDate[] {
  return Array.from({ length: count }, (_, i) => addDays(today, -(start - 14 * i)));
}

function birthDate(next: () => number, fromYear: number, toYear: number): IsoDate {
  const year = fromYear + Math.floor(next() * (toYear - fromYear + 1));
  return `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
}

export async function loadRecruitmentDemo(context: DemoContext): Promise<void> {
  const { trx, next, today, unitId } = context;
  const day = (daysAgo: number) => addDays(today, -daysAgo);
  const anna = context.userIds.get('anna.lind@familjehem-norra.se')!;
  const erik = context.userIds.get('erik.berg@familjehem-norra.se')!;
  const signer = () => (next() < 0.7 ? anna : erik);

  const [basic, further] = await trx
    .insertInto('training_courses')
    .values([
      {
        owner_org_id: unitId,
        name: 'Ett hem att växa i',
        description: 'Den nationella grundutbildningen för blivande familjehem: sex träffar om barnets behov, anknytning, samarbete och att vara familjehem.',
        required_for_approval: true,
        offered_to_approved_homes: false,
        sessions_required: BASIC_TRAINING_SESSIONS,
      },
      {
        owner_org_id: unitId,
        name: 'Traumamedveten omsorg',
        description: 'Fortbildning för godkända familjehem om barn som varit med om svåra händelser.',
        required_for_approval: false,
        offered_to_approved_homes: true,
        sessions_required: FURTHER_TRAINING_SESSIONS,
      },
    ])
    .returning('id')
    .execute();
  const insertSessions = async (courseId: string, starts: readonly number[], count: number, location: string, leader: string) => {
    const rows = await trx
      .insertInto('training_sessions')
      .values(starts.flatMap((start) => sessionDates(start, count, today).map((held_on) => ({ owner_org_id: unitId, course_id: courseId, held_on, location, leader }))))
      .returning(['id', 'held_on'])
      .execute();
    return starts.map((_, round) => rows.slice(round * count, (round + 1) * count));
  };
  const basicRounds = await insertSessions(basic!.id, BASIC_TRAINING_ROUNDS, BASIC_TRAINING_SESSIONS, 'Familjehemsenheten, Kristinavägen 24, Lindesberg', 'Anna Lind');
  const furtherRounds = await insertSessions(further!.id, FURTHER_TRAINING_ROUNDS, FURTHER_TRAINING_SESSIONS, 'Folkets hus, Nora', 'Erik Berg');

  const attendances: Array<{ owner_org_id: string; session_id: string; household_member_id: string; recorded_by: string }> = [];
  const completions: Array<{ owner_org_id: string; course_id: string; household_member_id: string; completed_on: IsoDate; recorded_by: string }> = [];
  const attend = (memberId: string, courseId: string, sessions: ReadonlyArray<{ id: string; held_on: IsoDate }>, attended: number, required: number) => {
    const held = sessions.filter((s) => s.held_on <= today).slice(0, attended);
    const recordedBy = signer();
    for (const session of held) attendances.push({ owner_org_id: unitId, session_id: session.id, household_member_id: memberId, recorded_by: recordedBy });
    if (held.length >= required) completions.push({ owner_org_id: unitId, course_id: courseId, household_member_id: memberId, completed_on: held.at(-1)!.held_on, recorded_by: recordedBy });
  };

  const agencyId = (await trx.selectFrom('consultancy_agencies').select('id').where('owner_org_id', '=', unitId).orderBy('name').executeTakeFirstOrThrow()).id;
  const deciding = context.organisationIds.get('lindesberg')!;

  for (const spec of FAMILIES) {
    const reached = STEP_ORDER.slice(0, spec.entered.length);
    const step = reached.at(-1)!;
    const enteredOn = spec.entered.map(day);
    const approvedOn = step === 'approved' ? enteredOn.at(-1)! : null;
    const home = await trx
      .insertInto('foster_homes')
      .values({
        owner_org_id: unitId,
        kind: spec.kind,
        name: `Familjen ${spec.family}`,
        street_address: spec.street,
        postal_code: spec.postalCode,
        city: spec.city,
        municipality_id: context.organisationIds.get(spec.municipality)!,
        places: spec.approvedPlaces ?? 0,
        status: approvedOn ? 'active' : spec.left ? 'closed' : 'recruiting',
        approved_by_org_id: approvedOn ? deciding : null,
        approved_on: approvedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const members = await trx
      .insertInto('household_members')
      .values([
        ...spec.adults.map((givenName) => ({ role: 'adult', givenName, born: birthDate(next, 1972, 1994) })),
        ...(spec.children ?? []).map((givenName) => ({ role: 'child', givenName, born: birthDate(next, 2010, 2021) })),
      ].map((m) => ({
        owner_org_id: unitId,
        foster_home_id: home.id,
        given_name: m.givenName,
        family_name: spec.family,
        personal_identity_number: testPersonalIdentityNumber(m.born, context.nextSerial()),
        role: m.role,
      })))
      .returning(['id', 'role'])
      .execute();
    if (spec.training) {
      for (const adult of members.filter((m) => m.role === 'adult')) attend(adult.id, basic!.id, basicRounds[spec.training.round]!, spec.training.sessions, BASIC_TRAINING_SESSIONS);
    }

    const events: Array<{ kind: RecruitmentEventKind; step: RecruitmentStep; occurred_on: IsoDate; note: string | null }> = reached.map((s, i) => ({
      kind: 'step_entered',
      step: s,
      occurred_on: enteredOn[i]!,
      note: i === 0 && spec.sourceDetail ? `Hörde talas om oss: ${spec.sourceDetail.toLowerCase()}.` : null,
    }));
    if (spec.screening) events.push({ kind: 'screening_recorded', step: 'information_meeting', occurred_on: enteredOn[1]!, note: 'BRA-Fam vid det inledande samtalet.' });
    if (spec.pause) {
      const pausedIn = reached[spec.entered.filter((d) => d >= spec.pause!.at).length - 1]!;
      events.push({ kind: 'paused', step: pausedIn, occurred_on: day(spec.pause.at), note: spec.pause.note });
      if (spec.pause.resumedAt !== undefined) events.push({ kind: 'resumed', step: pausedIn, occurred_on: day(spec.pause.resumedAt), note: null });
    }
    if (spec.left) events.push({ kind: 'left', step, occurred_on: day(spec.left.at), note: spec.left.note ?? null });
    events.sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));

    const recruitment = await trx
      .insertInto('recruitments')
      .values({
        owner_org_id: unitId,
        foster_home_id: home.id,
        purpose: 'new_home',
        source: spec.source,
        source_detail: spec.sourceDetail ?? null,
        proposed_by_agency_id: spec.source === 'agency' ? agencyId : null,
        received_on: enteredOn[0]!,
        step,
        step_entered_on: enteredOn.at(-1)!,
        paused_on: spec.pause && spec.pause.resumedAt === undefined ? day(spec.pause.at) : null,
        left_on: spec.left ? day(spec.left.at) : null,
        leaving_reason: spec.left?.reason ?? null,
        screening_result: spec.screening ?? null,
        version: events.length,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('recruitment_events')
      // Signed in the order they happened, at noon on the day, one minute apart.
      .values(events.map((event, i) => ({ ...event, owner_org_id: unitId, recruitment_id: recruitment.id, recorded_by: signer(), created_at: new Date(Date.parse(`${event.occurred_on}T12:00:00Z`) + i * 60_000) })))
      .execute();

    if (approvedOn) {
      await trx
        .insertInto('home_decisions')
        .values({
          owner_org_id: unitId,
          foster_home_id: home.id,
          outcome: 'approved',
          decided_on: approvedOn,
          decided_by_org_id: deciding,
          decision_maker_kind: 'committee',
          decision_maker_name: 'Sociala myndighetsnämnden',
          valid_until: addMonths(approvedOn, 36),
          assignment_kind: spec.kind,
          places: spec.approvedPlaces!,
          min_child_age: spec.kind === 'emergency' ? 0 : 3,
          max_child_age: spec.kind === 'emergency' ? 17 : 12,
          reasoning: 'Utredningen enligt Kälvestens metod visar att familjen har goda förutsättningar att ta emot barn enligt villkoren.',
          recorded_by: erik,
        })
        .execute();
    }
  }

  // Some of the register's active homes went to the further training; most of those finished it.
  const approvedAdults = await trx
    .selectFrom('household_members as m')
    .innerJoin('foster_homes as h', 'h.id', 'm.foster_home_id')
    .select('m.id')
    .where('h.owner_org_id', '=', unitId)
    .where('h.status', '=', 'active')
    .where('m.role', '=', 'adult')
    .orderBy('h.name')
    .orderBy('m.id')
    .limit(10)
    .execute();
  approvedAdults.forEach((adult, i) => attend(adult.id, further!.id, furtherRounds[0]!, i % 4 === 3 ? 2 : FURTHER_TRAINING_SESSIONS, FURTHER_TRAINING_SESSIONS));

  await trx.insertInto('training_attendances').values(attendances).execute();
  await trx.insertInto('training_completions').values(completions).execute();
}
