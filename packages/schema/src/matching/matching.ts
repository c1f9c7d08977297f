import {
  loadMatchingArea,
  matchFosterHomes,
  MATCHERS,
  PLACEMENT_NEED_KINDS,
  PROXIMITIES,
  todayInSweden,
  ValidationError,
  type ExcludedHome,
  type MatchResult,
  type PlacementNeedKind,
  type Proximity,
  type RankedHome,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { FosterHomeKindEnum, FosterHomeRef } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';

const PlacementNeedKindEnum = builder.enumType('PlacementNeedKind', {
  description: 'Vilken sorts placering barnet behöver (placeringsbehov).',
  values: enumValues<PlacementNeedKind>(PLACEMENT_NEED_KINDS, {
    emergency: 'Jourplacering: tar jourhem.',
    long_term: 'Långsiktig (stadigvarande) placering: tar egna familjehem, nätverkshem, konsulentstödda hem och hem med behandlingsuppdrag.',
    treatment: 'Placering med behandlingsuppdrag: tar hem med behandlingsuppdrag.',
  }),
});

const ProximityEnum = builder.enumType('MatchProximity', {
  description: 'Hur nära barnet hemmet ligger (närhet).',
  values: enumValues<Proximity>(PROXIMITIES, {
    school_municipality: 'I samma kommun som barnets skola.',
    family_municipality: 'I samma kommun som barnets familj.',
    unit_area: 'Inom familjehemsenhetens område (medlemskommunerna).',
    outside_area: 'Utanför familjehemsenhetens område.',
  }),
});

const ChildNeedsInput = builder.inputType('ChildNeedsInput', {
  description: 'Barnets behov (behov) som familjehemmen matchas mot.',
  fields: (t) => ({
    ages: t.intList({ required: true, description: 'Barnets ålder i hela år, eller syskonens åldrar när syskon ska placeras tillsammans (ålder).' }),
    kind: t.field({ type: PlacementNeedKindEnum, required: true, description: 'Vilken sorts placering barnet behöver.' }),
    languages: t.stringList({ required: false, description: 'Språk som barnet talar (språk).' }),
    schoolMunicipalityId: t.globalID({ required: false, description: 'Kommunen där barnet går i skolan (skolkommun).' }),
    familyMunicipalityId: t.globalID({ required: false, description: 'Kommunen där barnets familj bor (familjens kommun).' }),
    personalIdentityNumber: t.string({ required: false, description: 'Barnets personnummer (personnummer), för hem godkända endast för ett namngivet barn.' }),
    networkFirst: t.boolean({ required: false, description: 'Pröva nätverkshem godkänt för barnet först (nätverksplacering först); på om inget anges.' }),
  }),
});

const MatchedFosterHomeRef = builder.objectRef<RankedHome>('MatchedFosterHome').implement({
  description: 'Ett familjehem som uppfyller villkoren (matchat familjehem), med sin plats i rangordningen och skälen.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { description: 'Plats i rangordningen (rang), 1 är bäst.' }),
    home: t.field({ type: FosterHomeRef, description: 'Familjehemmet (familjehem).', resolve: (r) => r.fosterHomeId }),
    placeKind: t.field({ type: FosterHomeKindEnum, description: 'Vilken sorts placering beslutet godkänner (uppdragstyp).', resolve: (r) => r.placeKind }),
    freePlaces: t.exposeInt('freePlaces', { description: 'Lediga platser i dag (lediga platser).' }),
    networkForChild: t.exposeBoolean('networkForChild', { description: 'Nätverkshem godkänt för just detta barn, som prövas först (nätverksplacering).' }),
    sharedLanguages: t.stringList({ description: 'Barnets språk som talas i hemmet (gemensamma språk).', resolve: (r) => [...r.sharedLanguages] }),
    proximity: t.field({ type: ProximityEnum, description: 'Hur nära barnet hemmet ligger (närhet).', resolve: (r) => r.proximity }),
    reasons: t.stringList({ description: 'Varför hemmet rangordnas som det gör (skäl), på svenska.', resolve: (r) => [...r.reasons] }),
  }),
});

const ExcludedFosterHomeRef = builder.objectRef<ExcludedHome>('ExcludedFosterHome').implement({
  description: 'Ett familjehem som inte kan ta emot barnet (uteslutet familjehem), med varje villkor det bryter.',
  fields: (t) => ({
    home: t.field({ type: FosterHomeRef, description: 'Familjehemmet (familjehem).', resolve: (e) => e.fosterHomeId }),
    reasons: t.stringList({ description: 'Varför hemmet är uteslutet (skäl), t.ex. ”Godkänt för barn 0–6 år; barnet är 9 år.”', resolve: (e) => [...e.reasons] }),
  }),
});

const FosterHomeMatchingRef = builder.objectRef<MatchResult>('FosterHomeMatching').implement({
  description: 'Resultatet av en matchning (matchning): rangordnade hem och uteslutna hem.',
  fields: (t) => ({
    candidates: t.field({ type: [MatchedFosterHomeRef], description: 'Hem som uppfyller villkoren, bäst först (förslag).', resolve: (m) => [...m.ranked] }),
    excluded: t.field({ type: [ExcludedFosterHomeRef], description: 'Hem som inte kan ta emot barnet, med skälen (uteslutna).', resolve: (m) => [...m.excluded] }),
  }),
});

builder.queryFields((t) => ({
  matchFosterHomes: t.field({
    type: FosterHomeMatchingRef,
    description: 'Matcha ett barns behov mot de familjehem du får se (matchning): hem som bryter mot sitt godkännandes villkor utesluts, övriga rangordnas med skäl.',
    authScopes: { anyRole: [...MATCHERS] },
    errors: { types: [ValidationError] },
    args: { needs: t.arg({ type: ChildNeedsInput, required: true, description: 'Barnets behov.' }) },
    resolve: (_root, { needs }, context) =>
      matchFosterHomes(
        sessionOf(context),
        {
          ages: needs.ages,
          kind: needs.kind,
          languages: needs.languages ?? [],
          schoolMunicipalityId: needs.schoolMunicipalityId?.id ?? null,
          familyMunicipalityId: needs.familyMunicipalityId?.id ?? null,
          personalIdentityNumber: needs.personalIdentityNumber?.trim() || null,
          networkFirst: needs.networkFirst ?? true,
        },
        todayInSweden(),
      ),
  }),
  matchingArea: t.field({
    type: [OrganisationRef],
    description: 'Familjehemsenhetens område (område): medlemskommunerna, inom vilka ett hem räknas som nära barnet.',
    authScopes: { anyRole: [...MATCHERS] },
    resolve: (_root, _args, context) => loadMatchingArea(sessionOf(context), todayInSweden()),
  }),
}));
