import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApprovalConditions } from '../assessments/approvals.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ValidationError } from '../errors.js';
import type { FosterHomeKind } from '../homes/foster-homes.js';
import { parseInput } from '../shared/validation.js';
import {
  acceptsAge,
  ageRangeText,
  childNeedsInput,
  HOME_KINDS_FOR_NEED,
  matchHomes,
  PLACEMENT_NEED_KINDS,
  type ChildNeedsInput,
  type MatchCandidate,
  type MatchResult,
} from './matching.js';

const LINDESBERG = '00000000-0000-4000-8000-000000001885';
const NORA = '00000000-0000-4000-8000-000000001884';
const HALLEFORS = '00000000-0000-4000-8000-000000001863';
const LJUSNARSBERG = '00000000-0000-4000-8000-000000001864';
const OREBRO = '00000000-0000-4000-8000-000000001880';
const NAMES: Record<string, string> = {
  [LINDESBERG]: 'Lindesbergs kommun',
  [NORA]: 'Nora kommun',
  [HALLEFORS]: 'Hällefors kommun',
  [LJUSNARSBERG]: 'Ljusnarsbergs kommun',
  [OREBRO]: 'Örebro kommun',
};
/** Familjehemsenheten Norra länsdelen: Örebro is outside it. */
const AREA = { municipalityIds: new Set([LINDESBERG, NORA, HALLEFORS, LJUSNARSBERG]) };

/** Elsa, 9, placed by Lindesberg; and another child a network home may be approved for. */
const ELSA = testPersonalIdentityNumber('2017-03-14', 3);
const NOAH = testPersonalIdentityNumber('2016-08-02', 4);

let homeNumber = 0;
function home(name: string, overrides: Partial<Omit<MatchCandidate, 'approval'>> & { approval?: Partial<ApprovalConditions> | null } = {}): MatchCandidate {
  homeNumber += 1;
  const { approval, ...rest } = overrides;
  const municipalityId = rest.municipalityId ?? LINDESBERG;
  return {
    fosterHomeId: `home-${homeNumber}`,
    name,
    status: 'active',
    municipalityId,
    municipalityName: NAMES[municipalityId]!,
    languages: ['svenska'],
    freePlaces: 1,
    ...rest,
    approval:
      approval === null
        ? null
        : { assignmentKind: 'own', places: 2, minChildAge: 0, maxChildAge: 17, namedChild: null, ...approval },
  };
}

function needs(overrides: ChildNeedsInput | Partial<ChildNeedsInput> = {}) {
  return parseInput(childNeedsInput, { ages: [9], kind: 'long_term', ...overrides });
}

function match(childNeeds: Partial<ChildNeedsInput>, candidates: MatchCandidate[]): MatchResult {
  return matchHomes(needs(childNeeds), candidates, AREA);
}

const rankedNames = (result: MatchResult, candidates: MatchCandidate[]) =>
  result.ranked.map((r) => candidates.find((c) => c.fosterHomeId === r.fosterHomeId)!.name);
const excludedReasons = (result: MatchResult, candidate: MatchCandidate) => result.excluded.find((e) => e.fosterHomeId === candidate.fosterHomeId)?.reasons;
const rankedOf = (result: MatchResult, candidate: MatchCandidate) => result.ranked.find((r) => r.fosterHomeId === candidate.fosterHomeId);

describe('matching excludes every home that breaks a condition of its approval', () => {
  it('a home without an approval in force is left out, whatever else fits', () => {
    const berg = home('Familjen Berg', { approval: null, freePlaces: 2 });
    const result = match({}, [berg]);
    assert.deepEqual(result.ranked, []);
    assert.deepEqual(excludedReasons(result, berg), ['Har inget gällande godkännande (beslut) och kan inte ta emot barn.']);
  });

  it('a paused, closed or recruiting home is left out with the reason, even when its approval fits', () => {
    const paused = home('Familjen Paus', { status: 'paused' });
    const closed = home('Familjen Slut', { status: 'closed' });
    const recruiting = home('Familjen Ny', { status: 'recruiting' });
    const result = match({}, [paused, closed, recruiting]);
    assert.deepEqual(result.ranked, []);
    assert.deepEqual(excludedReasons(result, paused), ['Hemmet är pausat (vilande) och tar inte emot barn just nu.']);
    assert.deepEqual(excludedReasons(result, closed), ['Hemmet är avslutat.']);
    assert.deepEqual(excludedReasons(result, recruiting), ['Familjen är under rekrytering och ännu inte godkänd.']);
  });

  it('an emergency need takes jourhem only; long-term takes own, network, consultant-supported and treatment homes; treatment takes treatment homes', () => {
    const kinds: FosterHomeKind[] = ['own', 'network', 'emergency', 'consultant_supported', 'treatment'];
    const homes = kinds.map((kind) => home(`Hem ${kind}`, { approval: { assignmentKind: kind } }));
    for (const need of PLACEMENT_NEED_KINDS) {
      const result = match({ kind: need }, homes);
      const fitting = result.ranked.map((r) => r.placeKind).sort();
      assert.deepEqual(fitting, [...HOME_KINDS_FOR_NEED[need]].sort(), `need ${need}`);
      assert.equal(result.ranked.length + result.excluded.length, homes.length);
    }
    assert.deepEqual(HOME_KINDS_FOR_NEED, {
      emergency: ['emergency'],
      long_term: ['own', 'network', 'consultant_supported', 'treatment'],
      treatment: ['treatment'],
    });
  });

  it('the kind that counts is the one the approval gives, and the reason names both', () => {
    const jour = home('Familjen Jour', { approval: { assignmentKind: 'emergency' } });
    const own = home('Familjen Egen', { approval: { assignmentKind: 'own' } });
    assert.deepEqual(excludedReasons(match({ kind: 'long_term' }, [jour]), jour), ['Godkänt som jourhem; barnet behöver en långsiktig placering.']);
    assert.deepEqual(excludedReasons(match({ kind: 'emergency' }, [own]), own), ['Godkänt som eget familjehem; barnet behöver en jourplacering.']);
    assert.deepEqual(excludedReasons(match({ kind: 'treatment' }, [own]), own), ['Godkänt som eget familjehem; barnet behöver ett familjehem med behandlingsuppdrag.']);
  });

  it('a child outside the approved age range is left out: "Godkänt för barn 0–6 år; barnet är 9"', () => {
    const small = home('Familjen Liten', { approval: { minChildAge: 0, maxChildAge: 6 } });
    const result = match({ ages: [9] }, [small]);
    assert.deepEqual(result.ranked, []);
    assert.deepEqual(excludedReasons(result, small), ['Godkänt för barn 0–6 år; barnet är 9 år.']);
  });

  it('the age range includes both its ends, and an open end accepts every age on that side', () => {
    const range = home('Familjen Spann', { approval: { minChildAge: 3, maxChildAge: 6 } });
    assert.equal(match({ ages: [3] }, [range]).ranked.length, 1);
    assert.equal(match({ ages: [6] }, [range]).ranked.length, 1);
    assert.equal(match({ ages: [2] }, [range]).ranked.length, 0);
    assert.equal(match({ ages: [7] }, [range]).ranked.length, 0);
    assert.ok(acceptsAge({ minChildAge: null, maxChildAge: 12 }, 0));
    assert.ok(!acceptsAge({ minChildAge: null, maxChildAge: 12 }, 13));
    assert.ok(acceptsAge({ minChildAge: 10, maxChildAge: null }, 20));
    assert.ok(acceptsAge({ minChildAge: null, maxChildAge: null }, 15));
    const older = home('Familjen Äldre', { approval: { minChildAge: 13, maxChildAge: null } });
    assert.deepEqual(excludedReasons(match({ ages: [9] }, [older]), older), ['Godkänt för barn från 13 år; barnet är 9 år.']);
  });

  it('the age range reads as Swedish whichever ends are set', () => {
    assert.equal(ageRangeText({ minChildAge: 0, maxChildAge: 6 }), 'barn 0–6 år');
    assert.equal(ageRangeText({ minChildAge: 3, maxChildAge: null }), 'barn från 3 år');
    assert.equal(ageRangeText({ minChildAge: null, maxChildAge: 12 }), 'barn upp till 12 år');
    assert.equal(ageRangeText({ minChildAge: null, maxChildAge: null }), 'barn i alla åldrar');
  });

  it('siblings placed together must all be within the age range', () => {
    const school = home('Familjen Skola', { freePlaces: 2, approval: { minChildAge: 3, maxChildAge: 12 } });
    const result = match({ ages: [2, 8] }, [school]);
    assert.deepEqual(result.ranked, []);
    assert.deepEqual(excludedReasons(result, school), ['Godkänt för barn 3–12 år; syskonen är 2 och 8 år.']);
    assert.equal(match({ ages: [3, 8, 12] }, [home('Familjen Tre', { freePlaces: 3, approval: { minChildAge: 3, maxChildAge: 12 } })]).ranked.length, 1);
  });

  it('a home with no free place is left out, and siblings need a free place each', () => {
    const full = home('Familjen Full', { freePlaces: 0 });
    const one = home('Familjen En', { freePlaces: 1 });
    const two = home('Familjen Två', { freePlaces: 2 });
    assert.deepEqual(excludedReasons(match({}, [full]), full), ['Har inga lediga platser.']);
    const siblings = match({ ages: [4, 7] }, [full, one, two]);
    assert.deepEqual(rankedNames(siblings, [full, one, two]), ['Familjen Två']);
    assert.deepEqual(excludedReasons(siblings, one), ['Har 1 ledig plats; syskonen behöver 2.']);
    assert.deepEqual(excludedReasons(siblings, full), ['Har inga lediga platser; syskonen behöver 2.']);
    assert.ok(rankedOf(siblings, two)!.reasons.includes('2 lediga platser; syskonen behöver 2.'));
  });

  it('a home approved only for another named child is left out without saying who that child is', () => {
    const network = home('Familjen Släkt', { approval: { assignmentKind: 'network', namedChild: { name: 'Noah Lindqvist', personalIdentityNumber: NOAH } } });
    const result = match({ personalIdentityNumber: ELSA }, [network]);
    assert.deepEqual(result.ranked, []);
    const reasons = excludedReasons(result, network)!;
    assert.deepEqual(reasons, ['Godkänt endast för ett namngivet barn, inte för det här barnet.']);
    assert.ok(reasons.every((reason) => !reason.includes('Noah') && !reason.includes(NOAH.slice(0, 8))));
  });

  it('without the child’s personnummer a named-child approval cannot be used, and siblings never fit one', () => {
    const network = home('Familjen Släkt', { freePlaces: 2, approval: { assignmentKind: 'network', namedChild: { name: 'Elsa Berg', personalIdentityNumber: ELSA } } });
    assert.deepEqual(excludedReasons(match({}, [network]), network), ['Godkänt endast för ett namngivet barn; ange barnets personnummer om det gäller det barnet.']);
    assert.deepEqual(excludedReasons(match({ ages: [9, 6], personalIdentityNumber: ELSA }, [network]), network), [
      'Godkänt endast för ett namngivet barn; syskon kan inte placeras där tillsammans.',
    ]);
  });

  it('a home breaking several conditions lists every one of them', () => {
    const wrong = home('Familjen Fel', { status: 'paused', freePlaces: 0, approval: { assignmentKind: 'emergency', minChildAge: 0, maxChildAge: 6 } });
    assert.deepEqual(excludedReasons(match({ ages: [9] }, [wrong]), wrong), [
      'Hemmet är pausat (vilande) och tar inte emot barn just nu.',
      'Godkänt som jourhem; barnet behöver en långsiktig placering.',
      'Godkänt för barn 0–6 år; barnet är 9 år.',
      'Har inga lediga platser.',
    ]);
  });

  it('every candidate ends up either ranked or excluded, never both', () => {
    const homes = [home('A'), home('B', { freePlaces: 0 }), home('C', { approval: null }), home('D', { status: 'paused' })];
    const result = match({}, homes);
    const ids = [...result.ranked.map((r) => r.fosterHomeId), ...result.excluded.map((e) => e.fosterHomeId)].sort();
    assert.deepEqual(ids, homes.map((h) => h.fosterHomeId).sort());
  });
});

describe('matching ranks the homes that fit, each with its reasons', () => {
  it('a network home approved for this named child comes first, before a nearer home that speaks the child’s language', () => {
    const near = home('Familjen Nära', { municipalityId: NORA, languages: ['svenska', 'arabiska'], freePlaces: 2 });
    const network = home('Familjen Släkt', { municipalityId: OREBRO, languages: ['svenska'], approval: { assignmentKind: 'network', namedChild: { name: 'Elsa Berg', personalIdentityNumber: ELSA } } });
    const result = match({ personalIdentityNumber: ELSA, languages: ['arabiska'], schoolMunicipalityId: NORA }, [near, network]);
    assert.deepEqual(rankedNames(result, [near, network]), ['Familjen Släkt', 'Familjen Nära']);
    assert.equal(rankedOf(result, network)!.networkForChild, true);
    assert.equal(rankedOf(result, network)!.reasons[0], 'Nätverkshem godkänt för just det här barnet: prövas först.');
  });

  it('with "network first" turned off the child’s network home ranks by language, proximity and cost like any other', () => {
    const near = home('Familjen Nära', { municipalityId: NORA });
    const network = home('Familjen Släkt', { municipalityId: OREBRO, approval: { assignmentKind: 'network', namedChild: { name: 'Elsa Berg', personalIdentityNumber: ELSA } } });
    const result = match({ personalIdentityNumber: ELSA, schoolMunicipalityId: NORA, networkFirst: false }, [network, near]);
    assert.deepEqual(rankedNames(result, [near, network]), ['Familjen Nära', 'Familjen Släkt']);
    assert.equal(rankedOf(result, network)!.networkForChild, false);
    assert.equal(rankedOf(result, network)!.reasons[0], 'Nätverkshem godkänt för just det här barnet.');
  });

  it('a home that speaks the child’s language ranks before a nearer one that does not, whatever the case the language is written in', () => {
    const nearSwedish = home('Familjen Nära', { municipalityId: NORA, languages: ['svenska'] });
    const arabic = home('Familjen Språk', { municipalityId: HALLEFORS, languages: ['Svenska', 'Arabiska'] });
    const result = match({ languages: [' arabiska '], schoolMunicipalityId: NORA }, [nearSwedish, arabic]);
    assert.deepEqual(rankedNames(result, [nearSwedish, arabic]), ['Familjen Språk', 'Familjen Nära']);
    assert.deepEqual(rankedOf(result, arabic)!.sharedLanguages, ['arabiska']);
    assert.ok(rankedOf(result, arabic)!.reasons.includes('Talar arabiska, som barnet.'));
    assert.ok(rankedOf(result, nearSwedish)!.reasons.includes('Talar inte barnets språk (arabiska).'));
  });

  it('a home whose languages are not recorded says so instead of claiming it does not speak the language', () => {
    const unknown = home('Familjen Okänd', { languages: [] });
    const result = match({ languages: ['finska', 'meänkieli'] }, [unknown]);
    assert.ok(rankedOf(result, unknown)!.reasons.includes('Hemmets språk är inte registrerade; barnet talar finska och meänkieli.'));
  });

  it('without the child’s languages, language neither helps nor hurts and is not mentioned', () => {
    const a = home('Familjen A', { languages: ['somaliska'], freePlaces: 1 });
    const b = home('Familjen B', { languages: [], freePlaces: 2 });
    const result = match({}, [a, b]);
    assert.deepEqual(rankedNames(result, [a, b]), ['Familjen B', 'Familjen A']);
    assert.ok(result.ranked.every((r) => r.reasons.every((reason) => !reason.startsWith('Talar') && !reason.startsWith('Hemmets språk'))));
  });

  it('proximity: the school’s municipality first, then the family’s, then the unit’s area, then outside it', () => {
    const outside = home('Familjen Örebro', { municipalityId: OREBRO });
    const area = home('Familjen Kopparberg', { municipalityId: LJUSNARSBERG });
    const family = home('Familjen Lindesberg', { municipalityId: LINDESBERG });
    const school = home('Familjen Nora', { municipalityId: NORA });
    const homes = [outside, area, family, school];
    const result = match({ schoolMunicipalityId: NORA, familyMunicipalityId: LINDESBERG }, homes);
    assert.deepEqual(rankedNames(result, homes), ['Familjen Nora', 'Familjen Lindesberg', 'Familjen Kopparberg', 'Familjen Örebro']);
    assert.deepEqual(result.ranked.map((r) => r.proximity), ['school_municipality', 'family_municipality', 'unit_area', 'outside_area']);
    assert.ok(rankedOf(result, school)!.reasons.includes('Ligger i samma kommun som barnets skola (Nora kommun).'));
    assert.ok(rankedOf(result, family)!.reasons.includes('Ligger i samma kommun som barnets familj (Lindesbergs kommun).'));
    assert.ok(rankedOf(result, area)!.reasons.includes('Ligger inom familjehemsenhetens område (Ljusnarsbergs kommun).'));
    assert.ok(rankedOf(result, outside)!.reasons.includes('Ligger utanför familjehemsenhetens område (Örebro kommun).'));
  });

  it('when school and family are in the same municipality, the reason says both', () => {
    const nora = home('Familjen Nora', { municipalityId: NORA });
    const result = match({ schoolMunicipalityId: NORA, familyMunicipalityId: NORA }, [nora]);
    assert.ok(rankedOf(result, nora)!.reasons.includes('Ligger i samma kommun som barnets skola och familj (Nora kommun).'));
  });

  it('an own home ranks before a treatment home, and both before a consultant-supported one (cost), all else equal', () => {
    const consultant = home('Familjen Konsulent', { approval: { assignmentKind: 'consultant_supported' }, freePlaces: 3 });
    const treatment = home('Familjen Behandling', { approval: { assignmentKind: 'treatment' }, freePlaces: 2 });
    const own = home('Familjen Egen', { approval: { assignmentKind: 'own' } });
    const homes = [consultant, treatment, own];
    const result = match({}, homes);
    assert.deepEqual(rankedNames(result, homes), ['Familjen Egen', 'Familjen Behandling', 'Familjen Konsulent']);
    assert.ok(rankedOf(result, consultant)!.reasons.includes('Konsulentstött familjehem: högst dygnskostnad, rangordnas efter enhetens egna hem.'));
    assert.ok(rankedOf(result, own)!.reasons.includes('Eget familjehem: lägre dygnskostnad än ett konsulentstött hem.'));
  });

  it('proximity weighs more than cost: a consultant-supported home in the school’s municipality ranks before an own home elsewhere', () => {
    const consultant = home('Familjen Konsulent', { municipalityId: NORA, approval: { assignmentKind: 'consultant_supported' } });
    const own = home('Familjen Egen', { municipalityId: HALLEFORS });
    assert.deepEqual(rankedNames(match({ schoolMunicipalityId: NORA }, [own, consultant]), [own, consultant]), ['Familjen Konsulent', 'Familjen Egen']);
  });

  it('more free places rank first when all else is equal, then the name decides so the order is stable', () => {
    const one = home('Familjen Ett', { freePlaces: 1 });
    const three = home('Familjen Tre', { freePlaces: 3 });
    const alpha = home('Familjen Andersson', { freePlaces: 1 });
    const homes = [one, three, alpha];
    const result = match({}, homes);
    assert.deepEqual(rankedNames(result, homes), ['Familjen Tre', 'Familjen Andersson', 'Familjen Ett']);
    assert.deepEqual(result.ranked.map((r) => r.rank), [1, 2, 3]);
    assert.deepEqual(rankedNames(match({}, [...homes].reverse()), homes), ['Familjen Tre', 'Familjen Andersson', 'Familjen Ett']);
  });

  it('every ranked home gives its reasons in the order the ranking weighs them', () => {
    const berg = home('Familjen Berg', { municipalityId: NORA, languages: ['svenska', 'arabiska'], freePlaces: 2, approval: { minChildAge: 6, maxChildAge: 15 } });
    const result = match({ ages: [9], languages: ['arabiska'], schoolMunicipalityId: NORA }, [berg]);
    assert.deepEqual(rankedOf(result, berg)!.reasons, [
      'Talar arabiska, som barnet.',
      'Ligger i samma kommun som barnets skola (Nora kommun).',
      'Eget familjehem: lägre dygnskostnad än ett konsulentstött hem.',
      '2 lediga platser.',
      'Godkänt för barn 6–15 år.',
    ]);
  });
});

describe('the child’s needs as the social worker gives them', () => {
  it('need at least one age, whole years from 0 to 20, and a kind of placement, with Swedish messages', () => {
    const issues = (input: unknown) => {
      try {
        parseInput(childNeedsInput, input);
        return [];
      } catch (error) {
        assert.ok(error instanceof ValidationError);
        return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
    };
    assert.deepEqual(issues({ ages: [], kind: 'long_term' }), ['ages: Ange barnets ålder.']);
    assert.deepEqual(issues({ ages: [21], kind: 'long_term' }), ['ages.0: Åldern kan vara högst 20 år.']);
    assert.deepEqual(issues({ ages: [4.5], kind: 'long_term' }), ['ages.0: Ange barnets ålder i hela år.']);
    assert.deepEqual(issues({ ages: [4], kind: 'forever' }), ['kind: Välj vilken typ av placering barnet behöver.']);
    assert.deepEqual(issues({ ages: [4], kind: 'emergency', personalIdentityNumber: '20170314-9999' }), [
      'personalIdentityNumber: Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.',
    ]);
    assert.deepEqual(issues({ ages: [4], kind: 'emergency', languages: ['arabiska', '42'] }), ['languages.1: Ange språket med bokstäver, till exempel arabiska.']);
  });

  it('languages are trimmed, lower-cased and given once; network first is on unless turned off', () => {
    const parsed = needs({ languages: ['Arabiska', ' arabiska', 'Svenska'] });
    assert.deepEqual(parsed.languages, ['arabiska', 'svenska']);
    assert.equal(parsed.networkFirst, true);
    assert.equal(needs({ networkFirst: false }).networkFirst, false);
    assert.equal(needs({ personalIdentityNumber: `${ELSA.slice(2, 8)}-${ELSA.slice(8)}` }).personalIdentityNumber, ELSA);
  });
});
