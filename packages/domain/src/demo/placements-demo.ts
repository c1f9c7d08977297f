import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { currentApproval, toHomeDecision, type HomeDecision } from '../assessments/approvals.js';
import type { ChildrenTable, GuardiansTable, IsoDate, NeedsAssessmentsTable, PlacementDecisionsTable, PlacementsTable, Tables } from '../db/tables.js';
import { reserveNumberFrom, type ChildGender, type ChildIdentityKind } from '../placements/children.js';
import type { NeedsAssessmentOutcome } from '../placements/needs-assessments.js';
import { DEFAULT_INTERVENTION, type LegalBasis, type PlacementKind } from '../placements/placement-decisions.js';
import { MOVE_END_REASON } from '../placements/placements.js';
import { addDays, addMonths, ageOn } from '../shared/dates.js';
import { testPersonalIdentityNumber, type DemoContext, type DemoHome } from './demo-data.js';

/**
 * The unit's placement history from 2020 to today: children of the four municipalities with their
 * guardians, utredning, decisions and placements in the demo homes, moves from jourhem to family
 * homes and between homes, ended placements, and favourable decisions left unexecuted for more
 * than three months (one interrupted) for the quarterly report to IVO. On 31 May 2022 Lindesberg
 * has exactly the 54 children of seed 001 in foster homes: 11 in jourhem and 43 long-term.
 * Every placement lies in a place of its home's approval in force on its start day, so no home
 * is ever above its approved places.
 */

const HISTORY_FROM = '2020-01-01';
/** Seed 001: Lindesberg's foster children on 31 May 2022. */
const SEED_DAY = '2022-05-31';
const SEED_FIGURES = { emergency: 11, longTerm: 43 } as const;
const FAR = '9999-12-31';

const MUNICIPALITIES = [
  { key: 'lindesberg', share: 0.55, committee: 'Sociala myndighetsnämnden', workers: ['sara.nilsson@lindesberg.se', 'ahmed.karimi@lindesberg.se', 'jenny.berglund@lindesberg.se'] },
  { key: 'nora', share: 0.2, committee: 'Socialnämnden', workers: ['johan.ek@nora.se'] },
  { key: 'hallefors', share: 0.15, committee: 'Sociala myndighetsnämnden', workers: ['karin.sjoberg@hallefors.se'] },
  { key: 'ljusnarsberg', share: 0.1, committee: 'Socialnämnden', workers: ['olof.hed@ljusnarsberg.se'] },
] as const;
type MunicipalityKey = (typeof MUNICIPALITIES)[number]['key'];

const GIRLS = ['Elsa', 'Alice', 'Maja', 'Vera', 'Selma', 'Wilma', 'Saga', 'Astrid', 'Nour', 'Ebba', 'Alva', 'Ella', 'Freja', 'Leia', 'Amira', 'Signe'];
const BOYS = ['Liam', 'Noah', 'Hugo', 'William', 'Oscar', 'Elias', 'Lucas', 'Adam', 'Yusuf', 'Nils', 'Melvin', 'Theo', 'Ali', 'Viggo', 'Omar', 'Sixten'];
const OTHERS = ['Kim', 'Alex', 'Robin', 'Charlie'];
const FAMILY_NAMES = ['Lindqvist', 'Holmberg', 'Sundström', 'Nyström', 'Hedlund', 'Virtanen', 'Ahmed', 'Öberg', 'Blom', 'Åkesson', 'Ali', 'Strand', 'Granlund', 'Hassan', 'Lundell', 'Korhonen', 'Mohammed', 'Sjödin', 'Ek', 'Wikström', 'Falk', 'Norling'];
const ADULTS = ['Maria', 'Erik', 'Anna', 'Mikael', 'Sara', 'Johan', 'Linda', 'Daniel', 'Jessica', 'Ahmed', 'Fatima', 'Tommy', 'Sanna', 'Marcus', 'Hanna', 'Jari'];

const CHILD_IMPACT = [
  'Barnet har fått komma till tals och vill bo kvar i närheten av skolan. Placeringen bedöms vara till barnets bästa; umgänge med föräldrarna planeras varannan vecka.',
  'Barnets behov av trygghet och stabilitet väger tyngst. Syskonrelationen bevaras genom regelbundet umgänge.',
  'Barnet har informerats i en form anpassad efter ålder. Alternativet att bo kvar hemma med öppenvårdsinsatser bedöms inte tillgodose barnets behov av skydd.',
];
const SUMMARIES: Readonly<Record<NeedsAssessmentOutcome, string>> = {
  placement: 'Utredningen visar att barnets behov av omsorg och skydd inte kan tillgodoses i hemmet. Placering i familjehem föreslås.',
  other_intervention: 'Barnets behov kan tillgodoses med öppenvårdsinsatser i hemmet: familjebehandling och kontaktperson.',
  no_intervention: 'Utredningen visar inga behov som kräver insatser från socialtjänsten.',
};
/** Why a placement ended, weighted, and what that means for the decision behind it. */
const LONG_TERM_ENDINGS: ReadonlyArray<readonly [reason: string, weight: number]> = [
  ['Återförening med vårdnadshavare', 0.45],
  [MOVE_END_REASON, 0.25],
  ['Placering i HVB', 0.1],
  ['Vårdnadsöverflyttning', 0.2],
];
const AGE_ENDING = 'Barnet har fyllt 18 år';
const CANCELLATIONS: Readonly<Record<string, string>> = {
  'Återförening med vårdnadshavare': 'Vården har upphört.',
  'Placering i HVB': 'Ersatt av beslut om placering i HVB.',
  'Vårdnadsöverflyttning': 'Vårdnaden har flyttats över till familjehemsföräldrarna.',
  [AGE_ENDING]: 'Barnet har fyllt 18 år.',
};

type Group = 'emergency' | 'long_term';

/** One approved place in a home, with the stays that fill it (never two at once). */
interface Slot {
  readonly home: DemoHome;
  readonly group: Group;
  readonly decisions: readonly HomeDecision[];
  /** The first day the home was approved, or the start of the history. */
  readonly from: IsoDate;
  /** Set when the place must be empty from then (a paused home, a place kept free today). */
  until: IsoDate | null;
  readonly placingIds: readonly string[];
  readonly minAge: number;
  readonly maxAge: number;
  readonly stays: Array<{ readonly start: IsoDate; readonly end: IsoDate | null }>;
}

type DemoDecision = Insertable<PlacementDecisionsTable> & {
  id: string;
  decided_on: IsoDate;
  kind: PlacementKind;
  legal_basis: LegalBasis;
  interrupted_on: IsoDate | null;
  cancelled_on: IsoDate | null;
  cancellation_reason: string | null;
  version: number;
};

/** A stay taken in a slot, with the reason it ends (null while it lasts). */
interface Stay {
  readonly slot: Slot;
  readonly entry: { readonly start: IsoDate; readonly end: IsoDate | null };
  readonly endReason: string | null;
}

interface DemoChild {
  readonly row: Insertable<ChildrenTable> & { id: string; owner_org_id: string; birth_date: IsoDate; assigned_worker_id: string };
  readonly key: MunicipalityKey;
  readonly guardians: Array<Insertable<GuardiansTable>>;
  readonly assessments: Array<Insertable<NeedsAssessmentsTable> & { id: string }>;
  readonly decisions: DemoDecision[];
  readonly placements: Array<Insertable<PlacementsTable>>;
}

const covers = (start: IsoDate, end: IsoDate | null, day: IsoDate) => start <= day && (end === null || end > day);

function isFree(slot: Slot, start: IsoDate, end: IsoDate | null): boolean {
  if (start < slot.from) return false;
  if (slot.until !== null && (end === null || end > slot.until)) return false;
  return slot.stays.every((stay) => !(start < (stay.end ?? FAR) && stay.start < (end ?? FAR)));
}

export async function loadPlacementsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today } = context;
  await assignLanguages(context);
  const days = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = <T>(options: ReadonlyArray<readonly [T, number]>): T => {
    let draw = next();
    for (const [value, weight] of options) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return options.at(-1)![0];
  };
  const municipalityId = (key: MunicipalityKey) => context.organisationIds.get(key)!;
  const allPlacing = MUNICIPALITIES.map((m) => municipalityId(m.key));

  // The places: one slot per approved place of each active or paused home, from its first approval.
  const homeIds = context.homes.map((home) => home.id);
  if (homeIds.length === 0) return;
  const statuses = new Map((await trx.selectFrom('foster_homes').select(['id', 'status']).where('id', 'in', homeIds).execute()).map((row) => [row.id, row.status]));
  const decisionsByHome = new Map<string, HomeDecision[]>();
  for (const row of await trx.selectFrom('home_decisions').selectAll().where('foster_home_id', 'in', homeIds).execute()) {
    decisionsByHome.set(row.foster_home_id, [...(decisionsByHome.get(row.foster_home_id) ?? []), toHomeDecision(row)]);
  }
  const slots: Slot[] = [];
  for (const home of context.homes) {
    const decisions = decisionsByHome.get(home.id) ?? [];
    const conditions = currentApproval(decisions, today)?.conditions;
    const status = statuses.get(home.id);
    if (!conditions || (status !== 'active' && status !== 'paused')) continue;
    const firstApproved = decisions.map((d) => d.decidedOn).sort()[0]!;
    for (let place = 0; place < conditions.places; place += 1) {
      slots.push({
        home,
        group: home.kind === 'emergency' ? 'emergency' : 'long_term',
        decisions,
        from: firstApproved > HISTORY_FROM ? firstApproved : HISTORY_FROM,
        // A paused home took its last child half a year ago.
        until: status === 'paused' ? addMonths(today, -6) : null,
        placingIds: home.ownerId === context.unitId ? allPlacing : [home.ownerId],
        minAge: conditions.minChildAge ?? 0,
        maxAge: conditions.maxChildAge ?? 17,
        stays: [],
      });
    }
  }
  // Some places are free today, so matching and placing have somewhere to go: every fifth of the
  // unit's own homes keeps one, and one jourhem place.
  const ownHomes = [...new Set(slots.filter((s) => s.home.kind === 'own' && s.home.ownerId === context.unitId && s.until === null).map((s) => s.home))];
  ownHomes.forEach((home, index) => {
    if (index % 5 === 0) slots.filter((s) => s.home === home).at(-1)!.until = addDays(today, -days(20, 200));
  });
  const lastEmergency = slots.filter((s) => s.group === 'emergency').at(-1);
  if (lastEmergency) lastEmergency.until = addDays(today, -30);

  const children: DemoChild[] = [];
  const usedNumbers = new Set<string>();
  let reserveSequence = 0;
  const pickMunicipality = (): MunicipalityKey => weighted(MUNICIPALITIES.map((m) => [m.key, m.share] as const));

  function newChild(key: MunicipalityKey, birthDate: IsoDate): DemoChild {
    const municipality = MUNICIPALITIES.find((m) => m.key === key)!;
    const gender: ChildGender = next() < 0.04 ? 'other' : next() < 0.5 ? 'girl' : 'boy';
    const givenName = pick(gender === 'girl' ? GIRLS : gender === 'boy' ? BOYS : OTHERS);
    const familyName = pick(FAMILY_NAMES);
    const draw = next();
    const identityKind: ChildIdentityKind = draw < 0.03 ? 'reserve_number' : draw < 0.12 ? 'coordination_number' : 'personal_identity_number';
    let number: string;
    do {
      if (identityKind === 'reserve_number') {
        reserveSequence += 1;
        number = reserveNumberFrom(`${birthDate.slice(0, 4)}${String(reserveSequence).padStart(5, '0')}`);
      } else {
        const [year, month, day] = birthDate.split('-');
        // A samordningsnummer is the birth date with 60 added to the day.
        const numberDay = identityKind === 'coordination_number' ? String(Number(day) + 60) : day;
        number = testPersonalIdentityNumber(`${year}-${month}-${numberDay}`, context.nextSerial());
      }
    } while (usedNumbers.has(`${key}|${number}`));
    usedNumbers.add(`${key}|${number}`);
    const id = randomUUID();
    const ownerId = municipalityId(key);
    const parentNumber = () => (next() < 0.8 ? testPersonalIdentityNumber(`${1975 + Math.floor(next() * 25)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`, context.nextSerial()) : null);
    // Children who came alone often have a särskilt förordnad vårdnadshavare instead of their parents.
    const guardians: Array<Insertable<GuardiansTable>> =
      identityKind !== 'personal_identity_number' && next() < 0.3
        ? [{ owner_org_id: ownerId, child_id: id, name: `${pick(ADULTS)} ${pick(FAMILY_NAMES)}`, personal_identity_number: null, relation: 'appointed_guardian' }]
        : Array.from({ length: next() < 0.7 ? 2 : 1 }, () => ({
            owner_org_id: ownerId,
            child_id: id,
            name: `${pick(ADULTS)} ${next() < 0.8 ? familyName : pick(FAMILY_NAMES)}`,
            personal_identity_number: parentNumber(),
            relation: 'parent',
          }));
    return {
      row: {
        id,
        owner_org_id: ownerId,
        given_name: givenName,
        family_name: familyName,
        identity_kind: identityKind,
        personal_identity_number: number,
        birth_date: birthDate,
        gender,
        assigned_worker_id: context.userIds.get(pick(municipality.workers))!,
      },
      key,
      guardians,
      assessments: [],
      decisions: [],
      placements: [],
    };
  }

  /** The birth date of a child `age` years (and up to eleven months) old on `day`. */
  const bornAged = (age: number, day: IsoDate) => addDays(addMonths(day, -12 * age), -days(1, 330));

  function assess(child: DemoChild, startedOn: IsoDate, completedOn: IsoDate | null, outcome: NeedsAssessmentOutcome, id: string = randomUUID()): string {
    const done = completedOn !== null && completedOn <= today;
    const started = startedOn < child.row.birth_date ? child.row.birth_date : startedOn;
    child.assessments.push({
      id,
      owner_org_id: child.row.owner_org_id,
      child_id: child.row.id,
      worker_id: child.row.assigned_worker_id,
      started_on: started,
      completed_on: done ? [completedOn, started].sort().at(-1)! : null,
      outcome: done ? outcome : null,
      summary: done ? SUMMARIES[outcome] : null,
      version: done ? 2 : 1,
    });
    return id;
  }

  function decide(child: DemoChild, kind: PlacementKind, decidedOn: IsoDate, assessmentId: string | null, options: { legalBasis?: LegalBasis; favourable?: boolean } = {}): DemoDecision {
    const municipality = MUNICIPALITIES.find((m) => m.key === child.key)!;
    const on = decidedOn < child.row.birth_date ? child.row.birth_date : decidedOn;
    const legalBasis = options.legalBasis ?? weighted<LegalBasis>([['sol', 0.6], ['lvu_2', 0.3], [ageOn(child.row.birth_date, on) >= 12 ? 'lvu_3' : 'lvu_2', 0.1]]);
    const lvu = legalBasis !== 'sol';
    // Urgent LVU decisions are the chair's; SoL jourplaceringar a delegate's; the rest the committee's or a delegate's.
    const [makerKind, makerName] =
      kind === 'emergency'
        ? lvu
          ? (['chair', `Ordförande i ${municipality.committee.toLowerCase()}`] as const)
          : (['delegate', 'Enhetschef barn och unga'] as const)
        : lvu || next() < 0.5
          ? (['committee', municipality.committee] as const)
          : (['delegate', 'Enhetschef barn och unga'] as const);
    const decision: DemoDecision = {
      id: randomUUID(),
      owner_org_id: child.row.owner_org_id,
      child_id: child.row.id,
      needs_assessment_id: assessmentId,
      legal_basis: legalBasis,
      kind,
      intervention: kind === 'emergency' ? 'Placering i jourhem' : DEFAULT_INTERVENTION,
      decided_on: on,
      decision_maker_kind: makerKind,
      decision_maker_name: makerName,
      favourable: options.favourable ?? true,
      child_impact_assessment: kind !== 'emergency' && next() < 0.6 ? pick(CHILD_IMPACT) : null,
      interrupted_on: null,
      cancelled_on: null,
      cancellation_reason: null,
      recorded_by: child.row.assigned_worker_id,
      version: 1,
    };
    child.decisions.push(decision);
    return decision;
  }

  const cancel = (decision: DemoDecision, on: IsoDate, reason: string) => {
    decision.cancelled_on = on;
    decision.cancellation_reason = reason;
    decision.version += 1;
  };

  /**
   * A stay from `start` to `end` (null: ongoing) in a free place of the group that the child's
   * municipality may use and whose ages the child fits, or null. A stay ends at the latest on the
   * 18th birthday. Only the seed's own stays may hold a Lindesberg child on the seed day.
   */
  function allocate(child: DemoChild, group: Group, start: IsoDate, proposedEnd: IsoDate | null, reason: string, options: { seed?: boolean; target?: Slot } = {}): Stay | null {
    const eighteen = addMonths(child.row.birth_date, 216);
    let end = proposedEnd !== null && proposedEnd >= today ? null : proposedEnd;
    let endReason = end === null ? null : reason;
    if (eighteen <= (end ?? today)) [end, endReason] = [eighteen, AGE_ENDING];
    if (end !== null && end <= start) return null;
    if (!options.seed && child.key === 'lindesberg' && covers(start, end, SEED_DAY)) return null;
    const age = ageOn(child.row.birth_date, start);
    const fits = (s: Slot) => s.group === group && s.placingIds.includes(child.row.owner_org_id) && age >= s.minAge && age <= s.maxAge && isFree(s, start, end);
    const candidates = options.target ? [options.target].filter(fits) : slots.filter(fits);
    if (candidates.length === 0) return null;
    const slot = pick(candidates);
    const entry = { start, end };
    slot.stays.push(entry);
    return { slot, entry, endReason };
  }

  const release = (stay: Stay) => stay.slot.stays.splice(stay.slot.stays.indexOf(stay.entry), 1);

  function record(child: DemoChild, stay: Stay, decision: DemoDecision): void {
    const { start, end } = stay.entry;
    const approval = currentApproval(stay.slot.decisions, start);
    if (!approval) throw new Error(`demo: ${stay.slot.home.name} has no approval on ${start}`);
    const last = end ?? today;
    const within = (day: IsoDate) => (day <= last ? day : null);
    const emergency = stay.slot.group === 'emergency';
    // The vårdplan is revised every two years of a long placement, most of them on time.
    const years = Math.floor(ageOn(start, last) / 2) * 2;
    const carePlanOn = years >= 2 && next() < 0.8 ? within(addDays(addMonths(start, 12 * years), days(0, 20))) : within(addDays(decision.decided_on, days(0, 20)));
    child.placements.push({
      owner_org_id: child.row.owner_org_id,
      child_id: child.row.id,
      foster_home_id: stay.slot.home.id,
      decision_id: decision.id,
      approval_id: approval.id,
      starts_on: start,
      planned_end_on: emergency ? addMonths(start, 3) : decision.kind === 'upbringing' ? addDays(addMonths(child.row.birth_date, 216), -1) : null,
      ended_on: end,
      end_reason: stay.endReason,
      agreement_signed_on: emergency ? start : within(addDays(start, days(0, 10))),
      care_plan_on: carePlanOn,
      implementation_plan_on: within(addDays(start, days(14, 42))),
      version: end ? 2 : 1,
    });
  }

  /**
   * Family-home stays from `start` under the decision: a move continues in another home under the
   * same decision; any other end, or no place for the move, ends the care and the decision.
   */
  function placeLongTerm(child: DemoChild, decision: DemoDecision, start: IsoDate, options: { seed?: boolean; seedEnd?: IsoDate | null; target?: Slot } = {}): boolean {
    let from = start;
    for (let step = 0; step < 3; step += 1) {
      const first = step === 0;
      let end: IsoDate | null = first && options.seedEnd !== undefined ? options.seedEnd : next() < 0.35 ? null : addDays(from, days(180, 2200));
      let reason = step === 2 ? 'Återförening med vårdnadshavare' : weighted(LONG_TERM_ENDINGS);
      // Custody is transferred only after two years in the home.
      if (reason === 'Vårdnadsöverflyttning' && end !== null && end < addMonths(from, 24)) reason = 'Återförening med vårdnadshavare';
      // A Lindesberg child placed before the seed day (other than the seed's own) has gone home by then.
      if (!options.seed && child.key === 'lindesberg' && from < SEED_DAY && covers(from, end, SEED_DAY)) end = addDays(SEED_DAY, -days(0, 60));
      const stay = allocate(child, 'long_term', from, end, reason, first ? { seed: options.seed, target: options.target } : {});
      if (!stay) {
        if (first) return false;
        const previous = child.placements.at(-1)!;
        previous.end_reason = 'Återförening med vårdnadshavare';
        cancel(decision, previous.ended_on!, CANCELLATIONS['Återförening med vårdnadshavare']!);
        return true;
      }
      record(child, stay, decision);
      if (stay.entry.end === null) return true;
      if (stay.endReason !== MOVE_END_REASON) {
        cancel(decision, stay.entry.end, CANCELLATIONS[stay.endReason!]!);
        return true;
      }
      from = stay.entry.end;
    }
    return true;
  }

  /** Jourhem first under an emergency decision; then, for most, a family home under a long-term one. */
  function emergencyStory(key: MunicipalityKey, start: IsoDate, options: { seed?: boolean; end?: IsoDate; target?: Slot } = {}): boolean {
    const child = newChild(key, bornAged(days(0, 15), start));
    const onwards = next() < 0.55;
    const homeReason = weighted([['Återförening med vårdnadshavare', 0.75], ['Placering i HVB', 0.25]] as const);
    const stay = allocate(child, 'emergency', start, options.end ?? addDays(start, days(14, 80)), onwards ? MOVE_END_REASON : homeReason, options);
    if (!stay) return false;
    const assessmentId = randomUUID();
    const emergencyDecision = decide(child, 'emergency', addDays(start, -days(0, 1)), assessmentId);
    record(child, stay, emergencyDecision);
    const leftOn = stay.entry.end;
    let outcome: NeedsAssessmentOutcome = next() < 0.7 ? 'other_intervention' : 'no_intervention';
    let completedOn = leftOn ? addDays(leftOn, days(0, 20)) : null;
    if (leftOn && stay.endReason === MOVE_END_REASON) {
      const longTerm = decide(child, next() < 0.15 && ageOn(child.row.birth_date, leftOn) <= 5 ? 'upbringing' : 'long_term', [addDays(leftOn, -days(3, 14)), emergencyDecision.decided_on].sort().at(-1)!, assessmentId, {
        legalBasis: emergencyDecision.legal_basis,
      });
      if (placeLongTerm(child, longTerm, leftOn)) {
        [outcome, completedOn] = ['placement', addDays(longTerm.decided_on, -days(0, 3))];
        cancel(emergencyDecision, leftOn, 'Ersatt av beslut om långsiktig placering.');
      } else {
        // No family home had a place: the child went home from the jourhem.
        child.decisions.pop();
        child.placements.at(-1)!.end_reason = homeReason;
      }
    }
    if (leftOn && emergencyDecision.cancelled_on === null) cancel(emergencyDecision, leftOn, CANCELLATIONS[child.placements[0]!.end_reason!]!);
    assess(child, emergencyDecision.decided_on, completedOn, outcome, assessmentId);
    children.push(child);
    return true;
  }

  /** Utredning, decision and a family home, for a child not placed in a jourhem first. */
  function longTermStory(key: MunicipalityKey, start: IsoDate, options: { decidedOn?: IsoDate; age?: number; seed?: boolean; seedEnd?: IsoDate | null; target?: Slot } = {}): DemoChild | null {
    const child = newChild(key, bornAged(options.age ?? days(0, 13), start));
    const decidedOn = options.decidedOn ?? addDays(start, -days(7, 40));
    const assessmentId = assess(child, addDays(decidedOn, -days(50, 120)), addDays(decidedOn, -days(0, 5)), 'placement');
    const decision = decide(child, next() < 0.15 && ageOn(child.row.birth_date, start) <= 5 ? 'upbringing' : 'long_term', decidedOn, assessmentId);
    if (!placeLongTerm(child, decision, start, options)) return null;
    children.push(child);
    return child;
  }

  /** A Lindesberg child in the family-home place on the seed day, half of them after a jourhem stay. */
  function seedLongTermStory(slot: Slot): boolean {
    const start = [addMonths(SEED_DAY, -days(1, 30)), slot.from].sort().at(-1)!;
    const seedEnd = slot.until ?? (next() < 0.45 ? null : addDays(SEED_DAY, days(60, 1400)));
    const age = days(slot.minAge, Math.min(slot.maxAge, 13));
    if (next() < 0.5) {
      const child = newChild('lindesberg', bornAged(age, start));
      const jour = allocate(child, 'emergency', addDays(start, -days(14, 60)), start, MOVE_END_REASON);
      if (jour) {
        const assessmentId = randomUUID();
        const emergencyDecision = decide(child, 'emergency', addDays(jour.entry.start, -days(0, 1)), assessmentId);
        const longTerm = decide(child, 'long_term', addDays(start, -days(3, 14)), assessmentId, { legalBasis: emergencyDecision.legal_basis });
        if (placeLongTerm(child, longTerm, start, { seed: true, seedEnd, target: slot })) {
          record(child, jour, emergencyDecision);
          cancel(emergencyDecision, start, 'Ersatt av beslut om långsiktig placering.');
          assess(child, emergencyDecision.decided_on, addDays(longTerm.decided_on, -days(0, 3)), 'placement', assessmentId);
          children.push(child);
          return true;
        }
        release(jour);
      }
    }
    return longTermStory('lindesberg', start, { age, seed: true, seedEnd, target: slot }) !== null;
  }

  // Seed 001 first, while every place is free: Lindesberg's 43 long-term and 11 jourhem children on the seed day.
  let longTermOnSeedDay = 0;
  for (const slot of slots.filter((s) => s.group === 'long_term' && s.placingIds.includes(municipalityId('lindesberg')) && isFree(s, SEED_DAY, addDays(SEED_DAY, 1)))) {
    if (longTermOnSeedDay < SEED_FIGURES.longTerm && seedLongTermStory(slot)) longTermOnSeedDay += 1;
  }
  let emergencyOnSeedDay = 0;
  for (const slot of slots.filter((s) => s.group === 'emergency' && isFree(s, SEED_DAY, addDays(SEED_DAY, 1)))) {
    const start = addDays(SEED_DAY, -days(3, 50));
    if (emergencyOnSeedDay < SEED_FIGURES.emergency && emergencyStory('lindesberg', start, { seed: true, end: addDays(SEED_DAY, days(5, 70)), target: slot })) emergencyOnSeedDay += 1;
  }
  if (longTermOnSeedDay !== SEED_FIGURES.longTerm || emergencyOnSeedDay !== SEED_FIGURES.emergency) {
    throw new Error(`demo: the homes hold only ${longTermOnSeedDay} long-term and ${emergencyOnSeedDay} jourhem places for Lindesberg on ${SEED_DAY}`);
  }

  // The quarterly report to IVO: favourable decisions waiting more than three months, some still
  // waiting, some carried out late in the current and the last quarter and in earlier years.
  const quarterStart = `${today.slice(0, 4)}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  const lastQuarterStart = addMonths(quarterStart, -3);
  const unexecuted: ReadonlyArray<{ key: MunicipalityKey; decidedOn: IsoDate; executedOn: IsoDate | null }> = [
    { key: 'lindesberg', decidedOn: addDays(addMonths(today, -4), -3), executedOn: null },
    { key: 'lindesberg', decidedOn: addMonths(today, -8), executedOn: null },
    { key: 'lindesberg', decidedOn: addMonths(lastQuarterStart, -4), executedOn: addDays(lastQuarterStart, 20) },
    { key: 'lindesberg', decidedOn: addMonths(today, -5), executedOn: addDays(today, -15) },
    { key: 'nora', decidedOn: addMonths(today, -6), executedOn: null },
    { key: 'nora', decidedOn: addMonths(lastQuarterStart, -5), executedOn: addDays(lastQuarterStart, 40) },
    { key: 'hallefors', decidedOn: addDays(addMonths(today, -4), -10), executedOn: null },
    { key: 'ljusnarsberg', decidedOn: addMonths(today, -7), executedOn: addDays(today, -30) },
    ...[2021, 2022, 2023, 2024, 2025].map((year, index) => {
      const decidedOn = `${year}-0${3 + index}-1${index}`;
      return { key: MUNICIPALITIES[index % MUNICIPALITIES.length]!.key, decidedOn, executedOn: addMonths(decidedOn, 4 + (index % 3)) };
    }),
  ];
  for (const waiting of unexecuted) {
    if (waiting.executedOn && longTermStory(waiting.key, waiting.executedOn, { decidedOn: waiting.decidedOn, age: days(3, 12) })) continue;
    // Still waiting (or no place was found when it was carried out): the decision stands unexecuted.
    const child = newChild(waiting.key, bornAged(days(3, 12), waiting.decidedOn));
    decide(child, 'long_term', waiting.decidedOn, assess(child, addDays(waiting.decidedOn, -days(60, 110)), addDays(waiting.decidedOn, -days(0, 5)), 'placement'));
    children.push(child);
  }
  {
    // One waited five months and was cancelled when the family moved away.
    const child = newChild('lindesberg', bornAged(9, addMonths(today, -14)));
    const decision = decide(child, 'long_term', addMonths(today, -14), assess(child, addMonths(today, -17), addMonths(today, -14), 'placement'));
    cancel(decision, addMonths(today, -9), 'Familjen har flyttat från kommunen.');
    children.push(child);
  }
  // One interrupted: a young person left the family home five months ago and has not been placed again.
  const leftOn = addMonths(today, -5);
  for (let attempt = 0; attempt < 24; attempt += 1) {
    const start = addMonths(today, -14 - attempt);
    const child = newChild('lindesberg', bornAged(14, start));
    const stay = allocate(child, 'long_term', start, leftOn, 'Den unge har avvikit från familjehemmet');
    if (!stay) continue;
    const decision = decide(child, 'long_term', addDays(start, -days(7, 30)), assess(child, addDays(start, -days(90, 150)), addDays(start, -days(8, 40)), 'placement'), { legalBasis: 'sol' });
    record(child, stay, decision);
    decision.interrupted_on = leftOn;
    decision.version += 1;
    children.push(child);
    break;
  }

  // Children whose utredning led to another intervention or none, an avslag, and utredningar under way.
  for (const municipality of MUNICIPALITIES) {
    for (const outcome of ['other_intervention', 'no_intervention'] as const) {
      const startedOn = addDays(today, -days(120, 900));
      const child = newChild(municipality.key, bornAged(days(2, 15), startedOn));
      assess(child, startedOn, addDays(startedOn, days(60, 120)), outcome);
      children.push(child);
    }
    const child = newChild(municipality.key, bornAged(days(1, 15), today));
    assess(child, addDays(today, -days(10, 60)), null, 'placement');
    children.push(child);
  }
  {
    const startedOn = addMonths(today, -10);
    const child = newChild('lindesberg', bornAged(15, startedOn));
    decide(child, 'long_term', addMonths(startedOn, 3), assess(child, startedOn, addMonths(startedOn, 3), 'other_intervention'), { legalBasis: 'sol', favourable: false });
    children.push(child);
  }

  // The rest of the history, month by month: jourhem stays, most moving on to family homes, and
  // children placed in a family home directly.
  for (let month = HISTORY_FROM; month <= today; month = addMonths(month, 1)) {
    const arrivals = 1 + Math.floor(next() * 2.2);
    for (let arrival = 0; arrival < arrivals; arrival += 1) {
      const start = addDays(month, days(0, 27));
      if (start <= today) emergencyStory(pickMunicipality(), start);
    }
    if (next() < 0.5) {
      const start = addDays(month, days(0, 27));
      if (start <= today) longTermStory(pickMunicipality(), start);
    }
  }

  await insertInChunks(context, 'children', children.map((c) => c.row));
  await insertInChunks(context, 'guardians', children.flatMap((c) => c.guardians));
  await insertInChunks(context, 'needs_assessments', children.flatMap((c) => c.assessments));
  await insertInChunks(context, 'placement_decisions', children.flatMap((c) => c.decisions));
  await insertInChunks(context, 'placements', children.flatMap((c) => c.placements));
}

async function insertInChunks<Table extends 'children' | 'guardians' | 'needs_assessments' | 'placement_decisions' | 'placements'>(
  context: DemoContext,
  table: Table,
  rows: ReadonlyArray<Insertable<Tables[Table]>>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await context.trx.insertInto(table).values(rows.slice(start, start + 500) as never).execute();
  }
}

/** Swedish in every home; some also speak the languages the unit's children most often have. */
const EXTRA_LANGUAGES: ReadonlyArray<readonly [language: string, share: number]> = [
  ['arabiska', 0.12], ['finska', 0.08], ['engelska', 0.1], ['somaliska', 0.05], ['tigrinja', 0.04], ['persiska', 0.04],
];

/** One update per distinct set of languages, so even a scaled demo sets them in a few statements. */
async function assignLanguages(context: DemoContext): Promise<void> {
  const bySet = new Map<string, string[]>();
  for (const home of context.homes) {
    const languages = ['svenska', ...EXTRA_LANGUAGES.filter(([, share]) => context.next() < share).map(([language]) => language)];
    const key = languages.join(',');
    bySet.set(key, [...(bySet.get(key) ?? []), home.id]);
  }
  for (const [key, ids] of bySet) {
    for (let start = 0; start < ids.length; start += 1000) {
      await context.trx.updateTable('foster_homes').set({ languages: key.split(',') }).where('id', 'in', ids.slice(start, start + 1000)).execute();
    }
  }
}
