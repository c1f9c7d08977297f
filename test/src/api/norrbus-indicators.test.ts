import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { todayInSweden } from '@samverka/domain';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const tokens: Record<string, string> = {};
const today = todayInSweden();

before(async () => {
  server = await startTestServer();
  for (const email of ['ingrid.wikstrom@norrbotten.se', 'maria.holm@lindesberg.se', 'lisa.lundqvist@pitea.se', 'sofia.backman@pitea.se', 'mats.nyberg@norrbotten.se', 'maja.kero@kiruna.se']) {
    tokens[email] = await server.signIn(email);
  }
});
after(async () => {
  await server?.close();
});

const VALUE = '__typename value display';
const ROW = `area breakdown gender category level subject current { ${VALUE} } previous { ${VALUE} } change { ${VALUE} }`;
const INDICATORS = /* GraphQL */ `
  query ($year: Int!) {
    norrbusIndicators(year: $year) {
      year previousYear asOf
      areas { key kind name countyPart municipality { id name } }
      counts { indicator ${ROW} }
      measures { indicator ${ROW} }
    }
  }`;

interface Figure {
  __typename: 'IndicatorCount' | 'IndicatorMeasure' | 'IndicatorChange';
  value: number | null;
  display: string;
}
interface Row {
  area: string;
  indicator: string;
  breakdown: string;
  gender: string | null;
  current: Figure;
  previous: Figure;
  change: Figure;
}
interface Indicators {
  year: number;
  previousYear: number;
  areas: Array<{ key: string; kind: string; name: string; municipality: { id: string; name: string } | null }>;
  counts: Row[];
  measures: Row[];
}

/** Every figure object anywhere in a response. */
function figures(node: unknown, found: Figure[] = []): Figure[] {
  if (Array.isArray(node)) for (const item of node) figures(item, found);
  else if (node && typeof node === 'object') {
    if ('__typename' in node && 'display' in node) found.push(node as Figure);
    for (const value of Object.values(node)) figures(value, found);
  }
  return found;
}

/** Held Norrbusmöten per municipality and gender in a year, counted as the database owner (the truth). */
async function heldMeetings(year: number): Promise<Map<string, number>> {
  const { rows } = await sql<{ municipality_id: string; gender: string; n: number }>`
    select p.municipality_id, p.gender, count(*)::int as n
    from norrbus_meetings m join norrbus_persons p on p.id = m.person_id
    where m.status = 'held' and m.held_on between ${`${year}-01-01`}::date and least(${`${year}-12-31`}::date, ${today}::date)
    group by 1, 2`.execute(server.db.kysely);
  return new Map(rows.map((r) => [`${r.municipality_id}|${r.gender}`, Number(r.n)]));
}

const GENDER_VALUES: Record<string, string> = { GIRL: 'girl', BOY: 'boy', OTHER: 'other' };
const globalIdToUuid = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':').slice(1).join(':');

describe('the steering group’s Norrbus indicators over HTTP', () => {
  for (const year of [2026, 2025]) {
    it(`Ingrid Wikström gets ${year} against ${year - 1} for Norrbotten, with every count under 3 shown as "<3" and no value`, async () => {
      const response = await server.graphql(tokens['ingrid.wikstrom@norrbotten.se']!, INDICATORS, { year });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      const result = response.data!.norrbusIndicators as Indicators;
      assert.equal(result.year, year);
      assert.equal(result.previousYear, year - 1);
      assert.deepEqual(result.areas.map((a) => a.kind), ['COUNTY', ...Array<string>(4).fill('COUNTY_PART'), ...Array<string>(14).fill('MUNICIPALITY')]);
      assert.equal(result.areas[0]!.name, 'Norrbottens län');

      const all = figures(result);
      assert.equal(all.length, 3 * 19 * (43 + 17));
      for (const figure of all) {
        if (figure.__typename === 'IndicatorCount') assert.ok(figure.value === null || figure.value >= 3, `a count of ${figure.value} was shown`);
        if (figure.display === '<3' || figure.display === 'x' || figure.display === '–') assert.equal(figure.value, null, JSON.stringify(figure));
        else assert.notEqual(figure.value, null, JSON.stringify(figure));
        if (figure.__typename === 'IndicatorCount' && figure.value === null) assert.ok(['<3', 'x'].includes(figure.display), figure.display);
      }

      // Against the truth: a municipality's meetings of a gender under 3 come back as "<3", a shown one as the number.
      const truth = await heldMeetings(year);
      const cells = result.counts.filter((r) => r.indicator === 'MEETINGS_HELD' && r.breakdown === 'GENDER' && r.area.startsWith('m:'));
      assert.equal(cells.length, 14 * 3);
      for (const row of cells) {
        const municipality = result.areas.find((a) => a.key === row.area)!;
        const actual = truth.get(`${globalIdToUuid(municipality.municipality!.id)}|${GENDER_VALUES[row.gender!]}`) ?? 0;
        if (actual < 3) assert.deepEqual([row.current.value, row.current.display], [null, '<3'], `${municipality.name} ${row.gender}: ${actual}`);
        else if (row.current.value !== null) assert.equal(row.current.value, actual);
        else assert.equal(row.current.display, 'x');
      }
      assert.ok(response.extensions!.queryCount! <= 12, `queryCount was ${response.extensions!.queryCount}`);
    });
  }

  for (const email of ['maria.holm@lindesberg.se', 'lisa.lundqvist@pitea.se', 'sofia.backman@pitea.se', 'mats.nyberg@norrbotten.se']) {
    it(`${email} is refused the indicators with FORBIDDEN and no data`, async () => {
      const response = await server.graphql(tokens[email]!, INDICATORS, { year: 2026 });
      assert.equal(response.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      assert.equal(response.data ?? null, null);
    });
  }

  it('a year outside 2000–2100 is refused with a Swedish message', async () => {
    const response = await server.graphql(tokens['ingrid.wikstrom@norrbotten.se']!, INDICATORS, { year: 1999 });
    assert.equal(response.errors?.[0]?.extensions?.code, 'VALIDATION_FAILED');
    assert.match(response.errors![0]!.message, /Ange ett år från 2000/);
  });
});

const FORUMS = /* GraphQL */ `
  query ($countyPart: String) {
    localForums(countyPart: $countyPart) {
      id name countyPart canRecordMeetings municipality { name } convener { name }
      members { name leftOn organisation { name } }
      meetings { heldOn topics minutes actions { action responsible dueOn doneOn } }
      openActions { id action dueOn overdue canMarkDone }
    }
  }`;
const RECORD = /* GraphQL */ `
  mutation ($input: RecordLocalForumMeetingInput!) {
    result: recordLocalForumMeeting(input: $input) {
      __typename
      ... on MutationRecordLocalForumMeetingSuccess { data { heldOn topics actions { action } } }
      ... on RuleViolationError { rule message }
      ... on Error { message }
    }
  }`;

describe('Forum barn och unga over HTTP', () => {
  type Forum = { id: string; name: string; canRecordMeetings: boolean; members: unknown[]; meetings: Array<{ heldOn: string; actions: unknown[] }>; openActions: Array<{ dueOn: string; overdue: boolean }> };

  it('lists the demo forums of five municipalities, with members, minutes and open actions, in a few statements', async () => {
    const response = await server.graphql(tokens['mats.nyberg@norrbotten.se']!, FORUMS, {});
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const forums = response.data!.localForums as Forum[];
    for (const name of ['Piteå', 'Luleå', 'Kiruna', 'Kalix', 'Arvidsjaur']) assert.ok(forums.some((f) => f.name.includes(name)), name);
    for (const forum of forums.filter((f) => f.name.startsWith('Forum barn och unga'))) {
      assert.ok(forum.members.length >= 3 && forum.meetings.length >= 2, forum.name);
      assert.ok(forum.meetings.every((m) => m.heldOn >= '2025-01-01' && m.heldOn <= today && m.actions.length > 0));
      assert.ok(forum.openActions.length > 0 && forum.openActions.every((a) => !a.overdue), forum.name);
      assert.equal(forum.canRecordMeetings, false);
    }
    assert.ok(response.extensions!.queryCount! <= 14, `queryCount was ${response.extensions!.queryCount}`);
    const malmfalten = (await server.graphql(tokens['mats.nyberg@norrbotten.se']!, FORUMS, { countyPart: 'Malmfälten' })).data!.localForums as Forum[];
    assert.deepEqual(malmfalten.map((f) => f.name), ['Forum barn och unga Kiruna']);
  });

  it('the convener records minutes; a personnummer in them is refused with FORUM_TEXT_IDENTIFIES', async () => {
    const forums = (await server.graphql(tokens['maja.kero@kiruna.se']!, FORUMS, { countyPart: 'Malmfälten' })).data!.localForums as Forum[];
    const kiruna = forums[0]!;
    assert.equal(kiruna.canRecordMeetings, true);
    const input = { forumId: kiruna.id, heldOn: today, topics: ['Läget i skolorna efter flytten'], minutes: 'Skolorna rapporterar ökad oro i samband med stadsflytten.', actions: [{ action: 'Kartlägga fritidsaktiviteter i nya centrum', responsible: 'Kultur och fritid', dueOn: null }] };
    const refused = await server.graphql(tokens['maja.kero@kiruna.se']!, RECORD, { input: { ...input, minutes: 'Gäller eleven 20120304-9812.' } });
    assert.deepEqual([refused.data!.result.__typename, refused.data!.result.rule], ['RuleViolationError', 'FORUM_TEXT_IDENTIFIES']);
    const saved = await server.graphql(tokens['maja.kero@kiruna.se']!, RECORD, { input });
    assert.equal(saved.data!.result.__typename, 'MutationRecordLocalForumMeetingSuccess', JSON.stringify(saved));
    const forbidden = await server.graphql(tokens['mats.nyberg@norrbotten.se']!, RECORD, { input });
    // Refused by the role check (a top-level FORBIDDEN) or by the domain (the ForbiddenError result), never saved.
    assert.ok(forbidden.errors?.[0]?.extensions?.code === 'FORBIDDEN' || forbidden.data?.result?.__typename === 'ForbiddenError', JSON.stringify(forbidden));
  });
});
