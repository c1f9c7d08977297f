import {
  loadPlacementOverview,
  PLACEMENT_TERMS,
  placementOverviewCsv,
  REPORT_READERS,
  todayInSweden,
  type FosterHomeKind,
  type PlacementOverview,
  type PlacementTerm,
} from '@samverka/domain';
import { builder } from '../builder.js';
import { sessionOf } from '../context.js';
import { enumValues } from '../enum-values.js';
import { FosterHomeKindEnum } from '../homes/foster-home.js';
import { OrganisationRef } from '../units/organisation.js';

export const PlacementTermEnum = builder.enumType('PlacementTerm', {
  description: 'Jour eller stadigvarande placering (placeringstyp), som nämnderna räknar placerade barn.',
  values: enumValues<PlacementTerm>(PLACEMENT_TERMS, {
    emergency: 'Jourplacering: beslutad som jour, eller utan registrerat beslut i ett jourhem.',
    long_term: 'Stadigvarande placering, uppväxtplaceringar inräknade.',
  }),
});

const HomeKindCountRef = builder.objectRef<{ kind: FosterHomeKind; children: number }>('PlacementOverviewHomeKind').implement({
  description: 'Placerade barn i en typ av familjehem (antal per typ av hem).',
  fields: (t) => ({
    kind: t.field({ type: FosterHomeKindEnum, description: 'Typ av familjehem.', resolve: (row) => row.kind }),
    children: t.exposeInt('children', { description: 'Antal barn.' }),
  }),
});

const TermCountRef = builder.objectRef<{ term: PlacementTerm; children: number }>('PlacementOverviewTerm').implement({
  description: 'Placerade barn i jour eller stadigvarande placering (antal per placeringstyp).',
  fields: (t) => ({
    term: t.field({ type: PlacementTermEnum, description: 'Jour eller stadigvarande.', resolve: (row) => row.term }),
    children: t.exposeInt('children', { description: 'Antal barn.' }),
  }),
});

const PlacementOverviewRef = builder.objectRef<PlacementOverview>('PlacementOverview').implement({
  description: 'Kommunens barn placerade i familjehem en dag (placeringsöversikt), per typ av hem och jour eller stadigvarande. Bara antal.',
  fields: (t) => ({
    municipality: t.field({ type: OrganisationRef, description: 'Den placerande kommunen (kommun).', resolve: (_o, _args, context) => sessionOf(context).actor.organisationId }),
    day: t.field({ type: 'Date', description: 'Dagen (datum).', resolve: (o) => o.day }),
    children: t.exposeInt('children', { description: 'Placerade barn i familjehem den dagen (totalt); ett barn räknas en gång.' }),
    byHomeKind: t.field({ type: [HomeKindCountRef], description: 'Per typ av hem: eget, nätverkshem, jourhem, konsulentstött, behandlingsuppdrag.', resolve: (o) => [...o.byHomeKind] }),
    inHomesNotVisible: t.exposeInt('inHomesNotVisible', { description: 'Barn i hem som kommunen inte kan se (en annan organisations), så att typerna går jämnt ut.' }),
    byTerm: t.field({ type: [TermCountRef], description: 'Jour och stadigvarande.', resolve: (o) => [...o.byTerm] }),
    upbringing: t.exposeInt('upbringing', { description: 'Varav uppväxtplaceringar (bland de stadigvarande).' }),
    csv: t.string({ description: 'Översikten som CSV för svenska Excel (CSV-export): semikolonseparerad, svenska rubriker.', resolve: (o) => placementOverviewCsv(o) }),
  }),
});

builder.queryField('placementOverview', (t) =>
  t.field({
    type: PlacementOverviewRef,
    description: 'Din kommuns barn placerade i familjehem en dag (placeringsöversikt), i dag om inget annat anges.',
    authScopes: { anyRole: [...REPORT_READERS] },
    args: { on: t.arg({ type: 'Date', required: false, description: 'Dagen (datum), ÅÅÅÅ-MM-DD.' }) },
    resolve: (_root, args, context) => loadPlacementOverview(sessionOf(context), args.on ?? todayInSweden()),
  }),
);
