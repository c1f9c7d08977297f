import type { Db, Trx } from '../db/database.js';
import type { OrganisationKind, Role } from '../access/roles.js';
import type { FosterHomeKind, HouseholdRole } from '../homes/foster-homes.js';
import { luhnCheckDigit } from '../shared/personal-identity.js';
import { addMonths, todayInSweden } from '../shared/dates.js';
import { REGISTERS } from '../assessments/register-checks.js';
import { sharesFromPopulation } from '../units/cost-sharing.js';
import { loadRecruitmentDemo } from './recruitment-demo.js';
import { loadAssessmentsDemo } from './assessments-demo.js';
import { loadPlacementsDemo } from './placements-demo.js';
import { loadFollowUpsDemo } from './follow-ups-demo.js';
import { loadCostsDemo } from './costs-demo.js';
import { loadNorrbusMeetingsDemo } from './norrbus-meetings-demo.js';
import { loadNorrbusForumsDemo } from './norrbus-forums-demo.js';
import { loadDeviationsDemo } from './deviations-demo.js';

/**
 * Builds the demo data set from the seeds: the four municipalities of the joint foster-care unit
 * in northern Örebro län (Lindesberg hosts), Norrbotten's 14 municipalities and region, demo users
 * for every role, consultant agencies and foster homes in the proportions of Lindesberg's May 2022
 * figures (30 own, 4 consultant-supported, 6 network, 3 emergency homes). `scale` multiplies the
 * homes for benchmarks. Deterministic: the same scale gives the same data.
 */
export interface DemoOptions {
  readonly scale?: number;
}

export const DEMO_SUBJECT_PREFIX = 'demo|';

interface MunicipalitySeed {
  readonly key: string;
  readonly name: string;
  readonly code: string;
  readonly county: string;
  readonly countyPart: string;
  /** Approximate folkmängd, used for the demo cost-sharing key. */
  readonly population: number;
}

const OREBRO = 'Örebro län';
const NORRBOTTEN = 'Norrbottens län';

export const JOINT_UNIT_MUNICIPALITIES: readonly MunicipalitySeed[] = [
  { key: 'lindesberg', name: 'Lindesbergs kommun', code: '1885', county: OREBRO, countyPart: 'Norra länsdelen', population: 23_500 },
  { key: 'nora', name: 'Nora kommun', code: '1884', county: OREBRO, countyPart: 'Norra länsdelen', population: 10_600 },
  { key: 'hallefors', name: 'Hällefors kommun', code: '1863', county: OREBRO, countyPart: 'Norra länsdelen', population: 6_800 },
  { key: 'ljusnarsberg', name: 'Ljusnarsbergs kommun', code: '1864', county: OREBRO, countyPart: 'Norra länsdelen', population: 4_800 },
];

// Norrbus works in the county's four parts (länsdelar); the grouping here is the demo's.
export const NORRBOTTEN_MUNICIPALITIES: readonly MunicipalitySeed[] = [
  ['arvidsjaur', 'Arvidsjaurs kommun', '2505', 'Inlandet', 6_000],
  ['arjeplog', 'Arjeplogs kommun', '2506', 'Inlandet', 2_700],
  ['jokkmokk', 'Jokkmokks kommun', '2510', 'Inlandet', 4_900],
  ['overkalix', 'Överkalix kommun', '2513', 'Östra Norrbotten', 3_200],
  ['kalix', 'Kalix kommun', '2514', 'Östra Norrbotten', 15_600],
  ['overtornea', 'Övertorneå kommun', '2518', 'Östra Norrbotten', 4_200],
  ['pajala', 'Pajala kommun', '2521', 'Malmfälten', 6_000],
  ['gallivare', 'Gällivare kommun', '2523', 'Malmfälten', 17_400],
  ['alvsbyn', 'Älvsbyns kommun', '2560', 'Södra Norrbotten', 8_100],
  ['lulea', 'Luleå kommun', '2580', 'Södra Norrbotten', 80_000],
  ['pitea', 'Piteå kommun', '2581', 'Södra Norrbotten', 42_800],
  ['boden', 'Bodens kommun', '2582', 'Södra Norrbotten', 28_000],
  ['haparanda', 'Haparanda kommun', '2583', 'Östra Norrbotten', 9_600],
  ['kiruna', 'Kiruna kommun', '2584', 'Malmfälten', 22_500],
].map(([key, name, code, countyPart, population]) => ({
  key: key as string,
  name: name as string,
  code: code as string,
  county: NORRBOTTEN,
  countyPart: countyPart as string,
  population: population as number,
}));

interface DemoUserSeed {
  readonly email: string;
  readonly displayName: string;
  readonly memberships: ReadonlyArray<readonly [organisationKey: string, role: Role]>;
}

export const DEMO_USERS: readonly DemoUserSeed[] = [
  { email: 'anna.lind@familjehem-norra.se', displayName: 'Anna Lind', memberships: [['unit', 'foster_care_worker']] },
  { email: 'erik.berg@familjehem-norra.se', displayName: 'Erik Berg', memberships: [['unit', 'head_of_unit']] },
  { email: 'sara.nilsson@lindesberg.se', displayName: 'Sara Nilsson', memberships: [['lindesberg', 'child_social_worker']] },
  // Lindesberg places most of the unit's children (54 in May 2022): its caseload needs more than one worker.
  { email: 'ahmed.karimi@lindesberg.se', displayName: 'Ahmed Karimi', memberships: [['lindesberg', 'child_social_worker']] },
  { email: 'jenny.berglund@lindesberg.se', displayName: 'Jenny Berglund', memberships: [['lindesberg', 'child_social_worker']] },
  { email: 'maria.holm@lindesberg.se', displayName: 'Maria Holm', memberships: [['lindesberg', 'head_of_unit']] },
  { email: 'johan.ek@nora.se', displayName: 'Johan Ek', memberships: [['nora', 'child_social_worker']] },
  { email: 'lena.strand@nora.se', displayName: 'Lena Strand', memberships: [['nora', 'head_of_unit']] },
  { email: 'karin.sjoberg@hallefors.se', displayName: 'Karin Sjöberg', memberships: [['hallefors', 'child_social_worker']] },
  { email: 'olof.hed@ljusnarsberg.se', displayName: 'Olof Hed', memberships: [['ljusnarsberg', 'child_social_worker']] },
  { email: 'eva.ahlin@lindesberg.se', displayName: 'Eva Ahlin', memberships: [['lindesberg', 'administrator'], ['unit', 'administrator']] },
  // Norrbus: a school counsellor who convenes, and participants from social services, primary care and child psychiatry.
  { email: 'lisa.lundqvist@pitea.se', displayName: 'Lisa Lundqvist', memberships: [['pitea-school', 'norrbus_convener']] },
  { email: 'sofia.backman@pitea.se', displayName: 'Sofia Backman', memberships: [['pitea-ifo', 'norrbus_participant'], ['pitea-ifo', 'norrbus_convener']] },
  { email: 'mats.nyberg@norrbotten.se', displayName: 'Mats Nyberg', memberships: [['pitea-primary-care', 'norrbus_participant']] },
  { email: 'jonas.eriksson@norrbotten.se', displayName: 'Jonas Eriksson', memberships: [['bup', 'norrbus_participant']] },
  { email: 'karl.nilsson@lulea.se', displayName: 'Karl Nilsson', memberships: [['lulea-school', 'norrbus_convener']] },
  { email: 'maja.kero@kiruna.se', displayName: 'Maja Kero', memberships: [['kiruna-ifo', 'norrbus_convener']] },
  { email: 'ingrid.wikstrom@norrbotten.se', displayName: 'Ingrid Wikström', memberships: [['steering', 'steering_group_member']] },
];

const AGENCIES = [
  { name: 'Bergslagens Familjehemsstöd AB', organisationNumber: '556677-8899', ivoPermitNumber: '3.5.1-12345/2019' },
  { name: 'Trygga Hem Konsulent AB', organisationNumber: '559012-3456', ivoPermitNumber: '3.5.1-23456/2020' },
];

/** Lindesberg, May 2022 (seed 001), per scale unit. */
const HOME_MIX: ReadonlyArray<{ kind: FosterHomeKind; count: number; owner: 'unit' | 'municipality' }> = [
  { kind: 'own', count: 30, owner: 'unit' },
  { kind: 'emergency', count: 3, owner: 'unit' },
  { kind: 'network', count: 6, owner: 'municipality' },
  { kind: 'consultant_supported', count: 4, owner: 'municipality' },
];

const FAMILY_NAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist', 'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Sjöberg', 'Forsberg', 'Wallin', 'Engström', 'Danielsson', 'Håkansson', 'Eklund', 'Lundin'];
const ADULT_NAMES = ['Maria', 'Erik', 'Anna', 'Lars', 'Karin', 'Anders', 'Eva', 'Johan', 'Kristina', 'Per', 'Lena', 'Mikael', 'Sara', 'Peter', 'Emma', 'Magnus', 'Ingrid', 'Daniel', 'Malin', 'Fredrik'];
const CHILD_NAMES = ['Elsa', 'Liam', 'Alice', 'Noah', 'Maja', 'Hugo', 'Vera', 'William', 'Selma', 'Oscar', 'Ella', 'Nils'];
const TOWNS: Record<string, ReadonlyArray<readonly [city: string, postalCode: string]>> = {
  lindesberg: [['Lindesberg', '711 30'], ['Frövi', '718 30'], ['Storå', '711 77'], ['Fellingsbro', '718 92']],
  nora: [['Nora', '713 30'], ['Gyttorp', '713 31'], ['Järnboås', '713 92']],
  hallefors: [['Hällefors', '712 30'], ['Grythyttan', '712 81']],
  ljusnarsberg: [['Kopparberg', '714 30'], ['Ställdalen', '714 35']],
};
const STREETS = ['Storgatan', 'Kungsgatan', 'Skolgatan', 'Bergsvägen', 'Björkvägen', 'Ängsvägen', 'Kyrkvägen', 'Sjövägen', 'Tallstigen', 'Gruvvägen'];

/** A small, seedable generator, so the demo and benchmarks are reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A personnummer in Skatteverket's test series (birth number 980–999), the range its published
 * test persons use, so demo data can never be a real person's number.
 */
export function testPersonalIdentityNumber(birthDate: string, serial: number): string {
  const [year, month, day] = birthDate.split('-');
  const birthNumber = String(980 + (serial % 20)).padStart(3, '0');
  const nine = `${year!.slice(2)}${month}${day}${birthNumber}`;
  return `${year}${month}${day}${birthNumber}${luhnCheckDigit(nine)}`;
}

function birthDate(next: () => number, fromYear: number, toYear: number): string {
  const year = fromYear + Math.floor(next() * (toYear - fromYear + 1));
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

export interface DemoHome {
  readonly id: string;
  readonly ownerId: string;
  readonly kind: FosterHomeKind;
  readonly places: number;
  readonly name: string;
}

/** What each area's demo loader builds on: the organisations, users and homes made above. */
export interface DemoContext {
  readonly trx: Trx;
  /** The seeded random generator; loaders draw from it in a fixed order, so the data is reproducible. */
  readonly next: () => number;
  readonly today: string;
  readonly unitId: string;
  /** By key: the municipality keys (lindesberg, nora, hallefors, ljusnarsberg, pitea …), unit, region. */
  readonly organisationIds: ReadonlyMap<string, string>;
  /** By e-mail address of the demo user. */
  readonly userIds: ReadonlyMap<string, string>;
  readonly homes: readonly DemoHome[];
  /** A fresh serial for testPersonalIdentityNumber, so no two demo persons share a number. */
  readonly nextSerial: () => number;
}

export interface DemoSummary {
  readonly organisations: number;
  readonly users: number;
  readonly fosterHomes: number;
  readonly householdMembers: number;
}

/** Loads the demo data set into an empty, migrated database as its owner (outside RLS). */
export async function loadDemoData(db: Db, options: DemoOptions = {}): Promise<DemoSummary> {
  const scale = Math.max(1, Math.floor(options.scale ?? 1));
  const next = random(20220518);
  return db.transaction().execute(async (trx) => {
    const organisationIds = new Map<string, string>();
    const addOrganisation = async (key: string, values: { kind: OrganisationKind; name: string; municipality_code?: string; county?: string; county_part?: string; parent_id?: string }) => {
      const row = await trx.insertInto('organisations').values(values).returning('id').executeTakeFirstOrThrow();
      organisationIds.set(key, row.id);
      return row.id;
    };
    for (const m of [...JOINT_UNIT_MUNICIPALITIES, ...NORRBOTTEN_MUNICIPALITIES]) {
      await addOrganisation(m.key, { kind: 'municipality', name: m.name, municipality_code: m.code, county: m.county, county_part: m.countyPart });
    }
    const lindesberg = organisationIds.get('lindesberg')!;
    const unit = await addOrganisation('unit', {
      kind: 'foster_care_unit',
      name: 'Familjehemsenheten Norra länsdelen',
      county: OREBRO,
      county_part: 'Norra länsdelen',
      parent_id: lindesberg,
    });
    const region = await addOrganisation('region', { kind: 'region', name: 'Region Norrbotten', county: NORRBOTTEN });
    await addOrganisation('steering', { kind: 'steering_group', name: 'Samverkansstruktur målgrupp barn och unga', county: NORRBOTTEN, parent_id: region });
    await addOrganisation('pitea-school', { kind: 'school_unit', name: 'Piteå kommun, Strömbackaskolan', county: NORRBOTTEN, county_part: 'Södra Norrbotten', parent_id: organisationIds.get('pitea')! });
    await addOrganisation('pitea-primary-care', { kind: 'primary_care_unit', name: 'Hälsocentralen Öjebyn', county: NORRBOTTEN, county_part: 'Södra Norrbotten', parent_id: region });
    await addOrganisation('bup', { kind: 'specialist_care_unit', name: 'Barn- och ungdomspsykiatrin Norrbotten', county: NORRBOTTEN, parent_id: region });
    // Norrbus parties in four municipalities, one in each county part, and a forum guest (the police).
    const norrbusParties: Array<[key: string, kind: OrganisationKind, name: string, municipalityKey: string | null, countyPart: string]> = [
      ['pitea-ifo', 'social_services_unit', 'Piteå kommun, Individ- och familjeomsorgen', 'pitea', 'Södra Norrbotten'],
      ['lulea-school', 'school_unit', 'Luleå kommun, Hertsöskolan', 'lulea', 'Södra Norrbotten'],
      ['lulea-ifo', 'social_services_unit', 'Luleå kommun, Socialtjänsten barn och familj', 'lulea', 'Södra Norrbotten'],
      ['lulea-primary-care', 'primary_care_unit', 'Hälsocentralen Hertsön', null, 'Södra Norrbotten'],
      ['lulea-private-school', 'private_school', 'Pysslingen Ekbacken, Luleå', null, 'Södra Norrbotten'],
      ['kiruna-school', 'school_unit', 'Kiruna kommun, Högalidskolan', 'kiruna', 'Malmfälten'],
      ['kiruna-ifo', 'social_services_unit', 'Kiruna kommun, Individ- och familjeomsorgen', 'kiruna', 'Malmfälten'],
      ['kiruna-primary-care', 'primary_care_unit', 'Hälsocentralen Kiruna', null, 'Malmfälten'],
      ['kalix-school', 'school_unit', 'Kalix kommun, Furuhedsskolan', 'kalix', 'Östra Norrbotten'],
      ['kalix-ifo', 'social_services_unit', 'Kalix kommun, Individ- och familjeomsorgen', 'kalix', 'Östra Norrbotten'],
      ['kalix-primary-care', 'primary_care_unit', 'Hälsocentralen Kalix', null, 'Östra Norrbotten'],
      ['arvidsjaur-school', 'school_unit', 'Arvidsjaurs kommun, Sandbackaskolan', 'arvidsjaur', 'Inlandet'],
      ['arvidsjaur-ifo', 'social_services_unit', 'Arvidsjaurs kommun, Individ- och familjeomsorgen', 'arvidsjaur', 'Inlandet'],
      ['arvidsjaur-primary-care', 'primary_care_unit', 'Hälsocentralen Arvidsjaur', null, 'Inlandet'],
      ['habilitation', 'specialist_care_unit', 'Habiliteringen Norrbotten', null, ''],
      ['pitea-police', 'police', 'Polisen, lokalpolisområde Piteå', null, 'Södra Norrbotten'],
    ];
    for (const [key, kind, name, municipalityKey, countyPart] of norrbusParties) {
      const parent = municipalityKey ? organisationIds.get(municipalityKey)! : kind === 'police' ? null : region;
      await addOrganisation(key, { kind, name, county: NORRBOTTEN, ...(countyPart ? { county_part: countyPart } : {}), ...(parent ? { parent_id: parent } : {}) });
    }

    const agreement = await trx
      .insertInto('collaboration_agreements')
      .values({ unit_id: unit, host_municipality_id: lindesberg, name: 'Avtal om gemensam familjehemsenhet i norra länsdelen', valid_from: '2023-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('agreement_members')
      .values(JOINT_UNIT_MUNICIPALITIES.map((m) => ({ agreement_id: agreement.id, municipality_id: organisationIds.get(m.key)!, joined_on: '2023-01-01' })))
      .execute();
    const populations = JOINT_UNIT_MUNICIPALITIES.map((m) => ({ municipalityId: organisationIds.get(m.key)!, population: m.population }));
    for (const year of [2025, 2026]) {
      const key = await trx.insertInto('cost_sharing_keys').values({ owner_org_id: unit, agreement_id: agreement.id, year, basis: 'population' }).returning('id').executeTakeFirstOrThrow();
      await trx
        .insertInto('cost_shares')
        .values(
          sharesFromPopulation(populations).map((share) => ({
            owner_org_id: unit,
            key_id: key.id,
            municipality_id: share.municipalityId,
            basis_points: share.basisPoints,
            population: populations.find((p) => p.municipalityId === share.municipalityId)!.population,
          })),
        )
        .execute();
    }

    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const row = await trx
        .insertInto('users')
        .values({ external_subject: `${DEMO_SUBJECT_PREFIX}${user.email}`, email: user.email, display_name: user.displayName })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(user.email, row.id);
      await trx
        .insertInto('memberships')
        .values(user.memberships.map(([organisationKey, role]) => ({ user_id: row.id, organisation_id: organisationIds.get(organisationKey)!, role })))
        .execute();
    }

    const agencies = await trx
      .insertInto('consultancy_agencies')
      .values(AGENCIES.map((a) => ({ owner_org_id: unit, name: a.name, organisation_number: a.organisationNumber, ivo_permit_number: a.ivoPermitNumber })))
      .returning('id')
      .execute();

    const municipalityKeys = JOINT_UNIT_MUNICIPALITIES.map((m) => m.key);
    const homes: Array<{ owner_org_id: string; kind: FosterHomeKind; name: string; street_address: string; postal_code: string; city: string; municipality_id: string; places: number; status: string; approved_by_org_id: string; approved_on: string; consultancy_agency_id: string | null }> = [];
    let homeNumber = 0;
    for (let round = 0; round < scale; round += 1) {
      for (const mix of HOME_MIX) {
        for (let i = 0; i < mix.count; i += 1) {
          // Network and consultant-supported homes are the placing municipality's own arrangements;
          // Lindesberg has most, as in its figures.
          const municipalityKey = mix.owner === 'unit' ? pick(next, municipalityKeys) : i < mix.count / 2 ? 'lindesberg' : municipalityKeys[i % municipalityKeys.length]!;
          const owner = mix.owner === 'unit' ? unit : organisationIds.get(municipalityKey)!;
          const [city, postalCode] = pick(next, TOWNS[municipalityKey]!);
          const familyName = FAMILY_NAMES[homeNumber % FAMILY_NAMES.length]!;
          homeNumber += 1;
          homes.push({
            owner_org_id: owner,
            kind: mix.kind,
            name: `Familjen ${familyName}${homeNumber > FAMILY_NAMES.length ? ` ${Math.ceil(homeNumber / FAMILY_NAMES.length)}` : ''}`,
            street_address: `${pick(next, STREETS)} ${1 + Math.floor(next() * 40)}`,
            postal_code: postalCode,
            city,
            municipality_id: organisationIds.get(municipalityKey)!,
            // Jourhem take siblings: four places each, enough for Lindesberg's eleven emergency placements in May 2022.
            places: mix.kind === 'emergency' ? 4 : 1 + Math.floor(next() * 2),
            status: next() < 0.08 ? 'paused' : 'active',
            approved_by_org_id: mix.owner === 'unit' ? pick(next, municipalityKeys.map((k) => organisationIds.get(k)!)) : owner,
            // First approved by 2021, so the homes are there for the placement history from 2020 (seed 001).
            approved_on: birthDate(next, 2012, 2021),
            consultancy_agency_id: mix.kind === 'consultant_supported' ? agencies[i % agencies.length]!.id : null,
          });
        }
      }
    }
    await trx
      .insertInto('recruitment_policies')
      .values({
        owner_org_id: unit,
        valid_from: '2023-01-01',
        required_registers: [...REGISTERS],
        register_check_max_age_days: 90,
        approval_valid_months: 36,
        inquiry_target_days: 14,
        information_meeting_target_days: 30,
        basic_training_target_days: 120,
        assessment_target_days: 120,
        decision_target_days: 30,
      })
      .execute();
    const headOfUnit = userIds.get('erik.berg@familjehem-norra.se')!;
    const today = todayInSweden();
    let householdMembers = 0;
    let serial = 0;
    const demoHomes: DemoHome[] = [];
    for (let start = 0; start < homes.length; start += 500) {
      const inserted = await trx.insertInto('foster_homes').values(homes.slice(start, start + 500)).returning(['id', 'owner_org_id', 'name', 'kind', 'places', 'approved_on', 'approved_by_org_id']).execute();
      // The approvals behind each home, with its conditions: the first on the day it was approved and a
      // renewal every 36 months up to the latest, so one is in force on every day since; a few of the
      // latest come up for renewal soon.
      await trx
        .insertInto('home_decisions')
        .values(
          inserted.flatMap((home) => {
            const youngest = home.kind === 'emergency' ? 0 : Math.floor(next() * 7);
            // The latest approval or renewal, within the policy's 36 months.
            const decidedOn = [home.approved_on!, addMonths(today, -1 - Math.floor(next() * 34))].sort().at(-1)!;
            const latest = {
              owner_org_id: home.owner_org_id,
              foster_home_id: home.id,
              outcome: 'approved',
              decided_on: decidedOn,
              decided_by_org_id: home.approved_by_org_id!,
              decision_maker_kind: next() < 0.5 ? 'committee' : 'delegate',
              decision_maker_name: next() < 0.5 ? 'Sociala myndighetsnämnden' : 'Enhetschef enligt delegationsordning',
              valid_until: addMonths(decidedOn, 36),
              assignment_kind: home.kind,
              places: home.places,
              min_child_age: youngest,
              max_child_age: home.kind === 'emergency' ? 17 : Math.max(youngest + 5, 12 + Math.floor(next() * 6)),
              named_child_personal_identity_number: null,
              named_child_name: null,
              reasoning: 'Utredningen visar att familjen har förutsättningar att ta emot barn enligt villkoren.',
              recorded_by: headOfUnit,
            };
            const earlier: string[] = [];
            for (let on = addMonths(decidedOn, -36); on > home.approved_on!; on = addMonths(on, -36)) earlier.unshift(on);
            if (home.approved_on! < decidedOn) earlier.unshift(home.approved_on!);
            return [...earlier.map((on) => ({ ...latest, decided_on: on, valid_until: addMonths(on, 36) })), latest];
          }),
        )
        .execute();
      const members: Array<{ owner_org_id: string; foster_home_id: string; given_name: string; family_name: string; personal_identity_number: string; role: HouseholdRole }> = [];
      demoHomes.push(...inserted.map((home) => ({ id: home.id, ownerId: home.owner_org_id, kind: home.kind as FosterHomeKind, places: home.places, name: home.name })));
      for (const home of inserted) {
        const familyName = home.name.replace(/^Familjen /, '').replace(/ \d+$/, '');
        const adults = next() < 0.8 ? 2 : 1;
        for (let a = 0; a < adults; a += 1) {
          members.push({ owner_org_id: home.owner_org_id, foster_home_id: home.id, given_name: pick(next, ADULT_NAMES), family_name: familyName, personal_identity_number: testPersonalIdentityNumber(birthDate(next, 1965, 1990), serial++), role: 'adult' });
        }
        if (next() < 0.4) {
          members.push({ owner_org_id: home.owner_org_id, foster_home_id: home.id, given_name: pick(next, CHILD_NAMES), family_name: familyName, personal_identity_number: testPersonalIdentityNumber(birthDate(next, 2010, 2020), serial++), role: 'child' });
        }
      }
      for (let m = 0; m < members.length; m += 1000) {
        await trx.insertInto('household_members').values(members.slice(m, m + 1000)).execute();
      }
      householdMembers += members.length;
    }
    const context: DemoContext = { trx, next, today, unitId: unit, organisationIds, userIds, homes: demoHomes, nextSerial: () => serial++ };
    await loadRecruitmentDemo(context);
    await loadAssessmentsDemo(context);
    await loadPlacementsDemo(context);
    await loadFollowUpsDemo(context);
    await loadCostsDemo(context);
    // Norrbus demo loaders (meetings, deviations and disputes, forums) follow, in that order.
    await loadNorrbusMeetingsDemo(context);
    await loadDeviationsDemo(context);
    await loadNorrbusForumsDemo(context);
    return { organisations: organisationIds.size, users: DEMO_USERS.length, fosterHomes: homes.length, householdMembers };
  });
}

export interface DemoUser {
  readonly email: string;
  readonly displayName: string;
  readonly roles: ReadonlyArray<{ readonly role: Role; readonly organisationName: string }>;
}

/** The demo users as the sign-in page lists them (runs as the owner: it is not a user's request). */
export async function listDemoUsers(db: Db): Promise<DemoUser[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select(['users.email', 'users.display_name', 'memberships.role', 'organisations.name as organisation_name'])
    .where('users.external_subject', 'like', `${DEMO_SUBJECT_PREFIX}%`)
    .orderBy('organisations.name')
    .orderBy('users.display_name')
    .execute();
  const users = new Map<string, { email: string; displayName: string; roles: Array<{ role: Role; organisationName: string }> }>();
  for (const row of rows) {
    const user = users.get(row.email) ?? { email: row.email, displayName: row.display_name, roles: [] };
    user.roles.push({ role: row.role as Role, organisationName: row.organisation_name });
    users.set(row.email, user);
  }
  return [...users.values()];
}
