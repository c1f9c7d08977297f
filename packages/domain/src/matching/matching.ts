import { z } from 'zod';
import type { ApprovalConditions } from '../assessments/approvals.js';
import type { FosterHomeKind, FosterHomeStatus } from '../homes/foster-homes.js';
import { normalisePersonalIdentityNumber, personalIdentityNumber } from '../shared/personal-identity.js';
import { languageList, normaliseLanguage } from './languages.js';

/** What kind of placement the child needs: jourplacering, långsiktig (stadigvarande) placering, behandling. */
export const PLACEMENT_NEED_KINDS = ['emergency', 'long_term', 'treatment'] as const;
export type PlacementNeedKind = (typeof PLACEMENT_NEED_KINDS)[number];

/** Which approved kinds of home may take each kind of placement. */
export const HOME_KINDS_FOR_NEED: Readonly<Record<PlacementNeedKind, readonly FosterHomeKind[]>> = {
  emergency: ['emergency'],
  long_term: ['own', 'network', 'consultant_supported', 'treatment'],
  treatment: ['treatment'],
};

const MAX_CHILD_AGE = 20;
export const childAge = z
  .number({ error: 'Ange barnets ålder i hela år.' })
  .int({ error: 'Ange barnets ålder i hela år.' })
  .min(0, { error: 'Åldern kan inte vara negativ.' })
  .max(MAX_CHILD_AGE, { error: `Åldern kan vara högst ${MAX_CHILD_AGE} år.` });

const municipalityId = z.string().uuid({ error: 'Välj en kommun i listan.' });

export const childNeedsInput = z.object({
  /** One age per child: several when siblings are to be placed together. */
  ages: z
    .array(childAge, { error: 'Ange barnets ålder.' })
    .min(1, { error: 'Ange barnets ålder.' })
    .max(6, { error: 'Högst sex syskon kan matchas tillsammans.' }),
  kind: z.enum(PLACEMENT_NEED_KINDS, { error: 'Välj vilken typ av placering barnet behöver.' }),
  languages: languageList.default([]),
  schoolMunicipalityId: municipalityId.nullish(),
  familyMunicipalityId: municipalityId.nullish(),
  personalIdentityNumber: personalIdentityNumber.nullish(),
  /** Network placement is considered first (DOMAIN.md §2): on unless the worker turns it off. */
  networkFirst: z.boolean().default(true),
});
export type ChildNeedsInput = z.input<typeof childNeedsInput>;
export type ChildNeeds = z.output<typeof childNeedsInput>;

/** A home as matching sees it: the approval in force, how many places are free, where it lies. */
export interface MatchCandidate {
  readonly fosterHomeId: string;
  readonly name: string;
  readonly status: FosterHomeStatus;
  readonly municipalityId: string;
  readonly municipalityName: string;
  readonly languages: readonly string[];
  /** The conditions of the approval in force today; null when the home has none. */
  readonly approval: ApprovalConditions | null;
  readonly freePlaces: number;
}

export interface MatchArea {
  /** The member municipalities of the joint unit: proximity counts homes within them as near. */
  readonly municipalityIds: ReadonlySet<string>;
}

export const PROXIMITIES = ['school_municipality', 'family_municipality', 'unit_area', 'outside_area'] as const;
export type Proximity = (typeof PROXIMITIES)[number];

export interface RankedHome {
  readonly fosterHomeId: string;
  /** 1 for the best match. */
  readonly rank: number;
  readonly placeKind: FosterHomeKind;
  readonly freePlaces: number;
  /** The approval names this child and the home is to be tried first. */
  readonly networkForChild: boolean;
  readonly sharedLanguages: readonly string[];
  readonly proximity: Proximity;
  /** Why it ranks where it does, in Swedish, in the order the ranking weighs them. */
  readonly reasons: readonly string[];
}

export interface ExcludedHome {
  readonly fosterHomeId: string;
  /** Every condition the home breaks, in Swedish. */
  readonly reasons: readonly string[];
}

export interface MatchResult {
  readonly ranked: readonly RankedHome[];
  readonly excluded: readonly ExcludedHome[];
}

/** The lower-case Swedish name of an approved kind, as it reads inside a sentence. */
const HOME_KIND_NAMES: Readonly<Record<FosterHomeKind, string>> = {
  own: 'eget familjehem',
  network: 'nätverkshem',
  emergency: 'jourhem',
  consultant_supported: 'konsulentstött familjehem',
  treatment: 'familjehem med behandlingsuppdrag',
};

const NEED_NAMES: Readonly<Record<PlacementNeedKind, string>> = {
  emergency: 'en jourplacering',
  long_term: 'en långsiktig placering',
  treatment: 'ett familjehem med behandlingsuppdrag',
};

const STATUS_EXCLUSIONS: Readonly<Record<Exclude<FosterHomeStatus, 'active'>, string>> = {
  recruiting: 'Familjen är under rekrytering och ännu inte godkänd.',
  paused: 'Hemmet är pausat (vilande) och tar inte emot barn just nu.',
  closed: 'Hemmet är avslutat.',
};

// The order of seed 001's average daily costs: own and network homes about 560 kr, own emergency
// places 660 kr, treatment assignments 1 484 kr, consultant-supported homes 2 100 kr.
const COST_ORDER: Readonly<Record<FosterHomeKind, number>> = { own: 0, network: 0, emergency: 1, treatment: 2, consultant_supported: 3 };
const COST_REASONS: Readonly<Record<FosterHomeKind, string>> = {
  own: 'Eget familjehem: lägre dygnskostnad än ett konsulentstött hem.',
  network: 'Nätverkshem: lägre dygnskostnad än ett konsulentstött hem.',
  emergency: 'Jourhem: dygnskostnad för en jourplats.',
  treatment: 'Behandlingsuppdrag: högre dygnskostnad än ett eget familjehem, lägre än ett konsulentstött.',
  consultant_supported: 'Konsulentstött familjehem: högst dygnskostnad, rangordnas efter enhetens egna hem.',
};

/** True when the approval lets the home take a child of this age (an open bound accepts every age). */
export function acceptsAge(conditions: Pick<ApprovalConditions, 'minChildAge' | 'maxChildAge'>, age: number): boolean {
  return (conditions.minChildAge === null || age >= conditions.minChildAge) && (conditions.maxChildAge === null || age <= conditions.maxChildAge);
}

/** "barn 0–6 år", "barn från 3 år", "barn upp till 12 år", "barn i alla åldrar". */
export function ageRangeText(conditions: Pick<ApprovalConditions, 'minChildAge' | 'maxChildAge'>): string {
  const { minChildAge: min, maxChildAge: max } = conditions;
  if (min !== null && max !== null) return `barn ${min}–${max} år`;
  if (min !== null) return `barn från ${min} år`;
  if (max !== null) return `barn upp till ${max} år`;
  return 'barn i alla åldrar';
}

function listText(items: readonly (string | number)[]): string {
  const words = items.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words.at(-1)}`;
}

function placesText(count: number): string {
  return count === 1 ? '1 ledig plats' : `${count === 0 ? 'inga' : count} lediga platser`;
}

function childrenText(ages: readonly number[]): string {
  return ages.length === 1 ? `barnet är ${ages[0]} år` : `syskonen är ${listText(ages)} år`;
}

/** Which condition of an approval (or the home's state) a child breaks; placement maps each to its rule code. */
export const APPROVAL_CONDITIONS = ['approval', 'status', 'kind', 'named_child', 'age', 'places'] as const;
export type ApprovalCondition = (typeof APPROVAL_CONDITIONS)[number];

export interface ConditionBreach {
  readonly condition: ApprovalCondition;
  /** In Swedish, as the worker reads it. */
  readonly reason: string;
}

/** What a condition check needs to know of the child or siblings. */
export type ConditionNeeds = Pick<ChildNeeds, 'ages' | 'kind'> & { readonly personalIdentityNumber?: string | null | undefined };

/**
 * Every condition of the approval (and the home's state) that this child or these siblings break:
 * the one check behind matching's exclusions and the refusal of a placement.
 */
export function conditionBreaches(needs: ConditionNeeds, candidate: Pick<MatchCandidate, 'approval' | 'status' | 'freePlaces'>): ConditionBreach[] {
  const { approval } = candidate;
  if (!approval) return [{ condition: 'approval', reason: 'Har inget gällande godkännande (beslut) och kan inte ta emot barn.' }];
  const breaches: ConditionBreach[] = [];
  if (candidate.status !== 'active') breaches.push({ condition: 'status', reason: STATUS_EXCLUSIONS[candidate.status] });
  if (!HOME_KINDS_FOR_NEED[needs.kind].includes(approval.assignmentKind)) {
    breaches.push({ condition: 'kind', reason: `Godkänt som ${HOME_KIND_NAMES[approval.assignmentKind]}; barnet behöver ${NEED_NAMES[needs.kind]}.` });
  }
  if (approval.namedChild) {
    const named = (reason: string) => breaches.push({ condition: 'named_child', reason });
    if (needs.ages.length > 1) named('Godkänt endast för ett namngivet barn; syskon kan inte placeras där tillsammans.');
    else if (!needs.personalIdentityNumber) named('Godkänt endast för ett namngivet barn; ange barnets personnummer om det gäller det barnet.');
    else if (!isNamedChild(approval, needs.personalIdentityNumber)) named('Godkänt endast för ett namngivet barn, inte för det här barnet.');
  }
  if (needs.ages.some((age) => !acceptsAge(approval, age))) {
    breaches.push({ condition: 'age', reason: `Godkänt för ${ageRangeText(approval)}; ${childrenText(needs.ages)}.` });
  }
  if (candidate.freePlaces < needs.ages.length) {
    breaches.push({
      condition: 'places',
      reason: needs.ages.length === 1 ? 'Har inga lediga platser.' : `Har ${placesText(candidate.freePlaces)}; syskonen behöver ${needs.ages.length}.`,
    });
  }
  return breaches;
}

function isNamedChild(approval: ApprovalConditions, personalIdentityNumber: string | null | undefined): boolean {
  if (!approval.namedChild || !personalIdentityNumber) return false;
  const named = normalisePersonalIdentityNumber(approval.namedChild.personalIdentityNumber);
  return named !== null && named === normalisePersonalIdentityNumber(personalIdentityNumber);
}

interface Assessed {
  readonly candidate: MatchCandidate;
  readonly approval: ApprovalConditions;
  readonly networkForChild: boolean;
  readonly sharedLanguages: readonly string[];
  readonly proximity: Proximity;
}

function proximityOf(needs: ChildNeeds, candidate: MatchCandidate, area: MatchArea): Proximity {
  if (needs.schoolMunicipalityId && candidate.municipalityId === needs.schoolMunicipalityId) return 'school_municipality';
  if (needs.familyMunicipalityId && candidate.municipalityId === needs.familyMunicipalityId) return 'family_municipality';
  return area.municipalityIds.has(candidate.municipalityId) ? 'unit_area' : 'outside_area';
}

function reasonsFor(needs: ChildNeeds, home: Assessed): string[] {
  const { candidate, approval } = home;
  const reasons: string[] = [];
  if (isNamedChild(approval, needs.personalIdentityNumber)) {
    const what = approval.assignmentKind === 'network' ? 'Nätverkshem godkänt' : 'Godkänt';
    reasons.push(home.networkForChild ? `${what} för just det här barnet: prövas först.` : `${what} för just det här barnet.`);
  }
  if (needs.languages.length > 0) {
    if (home.sharedLanguages.length > 0) reasons.push(`Talar ${listText(home.sharedLanguages)}, som barnet.`);
    else if (candidate.languages.length === 0) reasons.push(`Hemmets språk är inte registrerade; barnet talar ${listText(needs.languages)}.`);
    else reasons.push(`Talar inte barnets språk (${listText(needs.languages)}).`);
  }
  const where = candidate.municipalityName;
  switch (home.proximity) {
    case 'school_municipality':
      reasons.push(
        needs.familyMunicipalityId === candidate.municipalityId
          ? `Ligger i samma kommun som barnets skola och familj (${where}).`
          : `Ligger i samma kommun som barnets skola (${where}).`,
      );
      break;
    case 'family_municipality':
      reasons.push(`Ligger i samma kommun som barnets familj (${where}).`);
      break;
    case 'unit_area':
      reasons.push(`Ligger inom familjehemsenhetens område (${where}).`);
      break;
    case 'outside_area':
      reasons.push(`Ligger utanför familjehemsenhetens område (${where}).`);
      break;
  }
  reasons.push(COST_REASONS[approval.assignmentKind]);
  // Eligible homes have a free place for every child, so the count leads the sentence.
  const free = placesText(candidate.freePlaces);
  reasons.push(needs.ages.length > 1 ? `${free}; syskonen behöver ${needs.ages.length}.` : `${free}.`);
  reasons.push(`Godkänt för ${ageRangeText(approval)}.`);
  return reasons;
}

/** Negative when `a` ranks before `b`: network for this child, language, proximity, cost, free places. */
function compareAssessed(a: Assessed, b: Assessed): number {
  const languageMatch = (home: Assessed) => (home.sharedLanguages.length > 0 ? 0 : 1);
  return (
    Number(b.networkForChild) - Number(a.networkForChild) ||
    languageMatch(a) - languageMatch(b) ||
    PROXIMITIES.indexOf(a.proximity) - PROXIMITIES.indexOf(b.proximity) ||
    COST_ORDER[a.approval.assignmentKind] - COST_ORDER[b.approval.assignmentKind] ||
    b.candidate.freePlaces - a.candidate.freePlaces ||
    a.candidate.name.localeCompare(b.candidate.name, 'sv-SE') ||
    a.candidate.fosterHomeId.localeCompare(b.candidate.fosterHomeId)
  );
}

/**
 * Matchning: leaves out every home that breaks a condition of its approval or cannot take the
 * child now, and ranks the rest by what the social worker weighs, each with its reasons.
 */
export function matchHomes(needs: ChildNeeds, candidates: readonly MatchCandidate[], area: MatchArea): MatchResult {
  const childLanguages = new Set(needs.languages.map(normaliseLanguage));
  const eligible: Assessed[] = [];
  const excluded: ExcludedHome[] = [];
  for (const candidate of candidates) {
    const reasons = conditionBreaches(needs, candidate).map((breach) => breach.reason);
    if (reasons.length > 0 || !candidate.approval) {
      excluded.push({ fosterHomeId: candidate.fosterHomeId, reasons });
      continue;
    }
    const approval = candidate.approval;
    eligible.push({
      candidate,
      approval,
      networkForChild: needs.networkFirst && approval.assignmentKind === 'network' && isNamedChild(approval, needs.personalIdentityNumber),
      sharedLanguages: candidate.languages.map(normaliseLanguage).filter((language) => childLanguages.has(language)),
      proximity: proximityOf(needs, candidate, area),
    });
  }
  const ranked = eligible.sort(compareAssessed).map((home, index) => ({
    fosterHomeId: home.candidate.fosterHomeId,
    rank: index + 1,
    placeKind: home.approval.assignmentKind,
    freePlaces: home.candidate.freePlaces,
    networkForChild: home.networkForChild,
    sharedLanguages: home.sharedLanguages,
    proximity: home.proximity,
    reasons: reasonsFor(needs, home),
  }));
  const byName = new Map(candidates.map((c) => [c.fosterHomeId, c.name]));
  excluded.sort((a, b) => byName.get(a.fosterHomeId)!.localeCompare(byName.get(b.fosterHomeId)!, 'sv-SE'));
  return { ranked, excluded };
}
