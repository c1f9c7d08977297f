import {
  CAPACITY_READERS,
  listFreePlaces,
  loadCapacities,
  loadOccupantsByHome,
  todayInSweden,
  type FreePlace,
  type HomeCapacity,
  type Occupant,
  type Session,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { FosterHomeKindEnum, FosterHomeRef } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';
import { ChildRef } from './child.js';

/** Capacity depends on the day as well as the home: loaders are keyed by both. */
const dayKey = (day: string, homeId: string) => `${day}|${homeId}`;

/** Runs `load` once per distinct day among the keys. */
async function byDay<T>(keys: readonly string[], load: (day: string, homeIds: string[]) => Promise<T[]>): Promise<T[]> {
  const homeIdsByDay = new Map<string, string[]>();
  for (const key of keys) {
    const [day, homeId] = key.split('|') as [string, string];
    homeIdsByDay.set(day, [...(homeIdsByDay.get(day) ?? []), homeId]);
  }
  const loaded: T[] = [];
  for (const [day, homeIds] of homeIdsByDay) loaded.push(...(await load(day, homeIds)));
  return loaded;
}

function capacitiesFor(session: Session, keys: readonly string[]): Promise<HomeCapacity[]> {
  return byDay(keys, (day, homeIds) => loadCapacities(session, homeIds, day));
}

const OccupantRef = builder.objectRef<Occupant>('Occupant').implement({
  description: 'En belagd plats (belagd plats): vilket barn, vilken kommun som placerat det och sedan när.',
  fields: (t) => ({
    child: t.field({ type: ChildRef, description: 'Barnet (barn): namn och ålder; identiteten bara för den placerande kommunen.', resolve: (o) => o.child }),
    age: t.exposeInt('age', { description: 'Barnets ålder i hela år den dag beläggningen gäller (ålder).' }),
    placingMunicipality: t.field({ type: OrganisationRef, description: 'Placerande kommun (placerande kommun).', resolve: (o) => o.placingMunicipalityId }),
    since: t.field({ type: 'Date', description: 'Placerat sedan (placeringens startdatum).', resolve: (o) => o.since }),
  }),
});

const OccupancyRef = builder.objectRef<HomeCapacity>('Occupancy').implement({
  description: 'Ett familjehems platser en dag (beläggning): godkända enligt beslutet i kraft, belagda och lediga.',
  fields: (t) => ({
    day: t.field({ type: 'Date', description: 'Dagen beläggningen gäller (datum).', resolve: (c) => c.day }),
    hasCurrentApproval: t.boolean({ description: 'Om hemmet har ett gällande godkännande (beslut) den dagen; annars har det inga användbara platser.', resolve: (c) => c.approval !== null }),
    approvedPlaces: t.exposeInt('approvedPlaces', { description: 'Godkända platser (platser) enligt beslutet i kraft; 0 utan gällande godkännande.' }),
    occupiedPlaces: t.exposeInt('occupiedPlaces', { description: 'Belagda platser (belagda), alla placerande kommuners barn räknade.' }),
    freePlaces: t.exposeInt('freePlaces', { description: 'Lediga platser (lediga): godkända minus belagda, aldrig under 0.' }),
    placeKind: t.field({
      type: FosterHomeKindEnum,
      nullable: true,
      description: 'Vilken sorts placering beslutet godkänner platserna för (uppdragstyp).',
      resolve: (c) => c.approval?.conditions?.assignmentKind ?? null,
    }),
    minChildAge: t.int({ nullable: true, description: 'Lägsta ålder enligt beslutet (villkor: ålder).', resolve: (c) => c.approval?.conditions?.minChildAge ?? null }),
    maxChildAge: t.int({ nullable: true, description: 'Högsta ålder enligt beslutet (villkor: ålder).', resolve: (c) => c.approval?.conditions?.maxChildAge ?? null }),
    forNamedChildOnly: t.boolean({
      description: 'Om beslutet gäller endast ett namngivet barn (villkor: namngivet barn).',
      resolve: (c) => Boolean(c.approval?.conditions?.namedChild),
    }),
    approvalValidUntil: t.field({ type: 'Date', nullable: true, description: 'Godkännandet gäller till och med (giltigt till).', resolve: (c) => c.approval?.validUntil ?? null }),
    occupants: t.loadableGroup({
      type: OccupantRef,
      description: 'De placerade barn du får se (placerade barn): din kommuns egna, eller alla i hem som din organisation ansvarar för. Andra syns bara i antalet. Varje läsning loggas.',
      authScopes: { anyRole: ['foster_care_worker', 'child_social_worker', 'head_of_unit'] },
      load: (keys: string[], context) => byDay(keys, (day, homeIds) => loadOccupantsByHome(sessionOf(context), homeIds, day)),
      group: (occupant) => dayKey(occupant.day, occupant.fosterHomeId),
      resolve: (capacity) => dayKey(capacity.day, capacity.fosterHomeId),
    }),
  }),
});

builder.objectFields(FosterHomeRef, (t) => ({
  languages: t.stringList({ description: 'Språk som talas i hemmet (språk), med små bokstäver, för matchning.', resolve: (home) => [...home.languages] }),
  occupancy: t.loadable({
    type: OccupancyRef,
    description: 'Platser och beläggning (platser) en dag, i dag om inget annat anges.',
    authScopes: { anyRole: [...CAPACITY_READERS] },
    args: { on: t.arg({ type: 'Date', required: false, description: 'Dagen (datum), ÅÅÅÅ-MM-DD.' }) },
    load: (keys: string[], context) => capacitiesFor(sessionOf(context), keys),
    sort: (capacity) => dayKey(capacity.day, capacity.fosterHomeId),
    resolve: (home, args) => dayKey(args.on ?? todayInSweden(), home.id),
  }),
  freePlaces: t.loadable({
    type: 'Int',
    description: 'Lediga platser i dag (lediga platser): godkända enligt beslutet i kraft minus belagda, aldrig under 0.',
    authScopes: { anyRole: [...CAPACITY_READERS] },
    load: async (homeIds: string[], context) => (await loadCapacities(sessionOf(context), homeIds, todayInSweden())).map((c) => c.freePlaces),
    resolve: (home) => home.id,
  }),
}));

const FreePlaceRef = builder.objectRef<FreePlace>('FreePlace').implement({
  description: 'Ett familjehem med lediga platser i dag (ledig plats), efter slag, ålder och kommun enligt beslutet i kraft.',
  fields: (t) => ({
    home: t.field({ type: FosterHomeRef, description: 'Familjehemmet (familjehem).', resolve: (p) => p.fosterHomeId }),
    kind: t.field({ type: FosterHomeKindEnum, description: 'Vilken sorts placering platserna är godkända för (uppdragstyp).', resolve: (p) => p.kind }),
    municipality: t.field({ type: OrganisationRef, description: 'Kommunen där hemmet ligger (kommun).', resolve: (p) => p.municipalityId }),
    minChildAge: t.int({ nullable: true, description: 'Lägsta ålder enligt beslutet (villkor: ålder).', resolve: (p) => p.minChildAge }),
    maxChildAge: t.int({ nullable: true, description: 'Högsta ålder enligt beslutet (villkor: ålder).', resolve: (p) => p.maxChildAge }),
    approvedPlaces: t.exposeInt('approvedPlaces', { description: 'Godkända platser (platser).' }),
    occupiedPlaces: t.exposeInt('occupiedPlaces', { description: 'Belagda platser (belagda).' }),
    freePlaces: t.exposeInt('freePlaces', { description: 'Lediga platser (lediga).' }),
    approvalValidUntil: t.field({ type: 'Date', description: 'Godkännandet gäller till och med (giltigt till).', resolve: (p) => p.validUntil }),
  }),
});

const FreePlaceFilter = builder.inputType('FreePlaceFilter', {
  description: 'Urval bland lediga platser (filter).',
  fields: (t) => ({
    kind: t.field({ type: FosterHomeKindEnum, required: false, description: 'Slag av placering som platsen är godkänd för.' }),
    childAge: t.int({ required: false, description: 'Ett barns ålder (ålder): bara hem godkända för den åldern.' }),
    municipalityId: t.globalID({ required: false, description: 'Kommunen där hemmet ligger (kommun).' }),
  }),
});

builder.queryField('freePlaces', (t) =>
  t.field({
    type: [FreePlaceRef],
    description: 'Lediga platser i dag (lediga platser) i de aktiva, godkända familjehem du får se, efter slag och namn.',
    authScopes: { anyRole: [...CAPACITY_READERS] },
    args: { filter: t.arg({ type: FreePlaceFilter, required: false, description: 'Urval.' }) },
    resolve: (_root, args, context) =>
      listFreePlaces(
        sessionOf(context),
        { kind: args.filter?.kind ?? null, childAge: args.filter?.childAge ?? null, municipalityId: args.filter?.municipalityId?.id ?? null },
        todayInSweden(),
      ),
  }),
);
