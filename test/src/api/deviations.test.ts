import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, todayInSweden } from '@samverka/domain';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/server.js';

const encodeGlobalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');
const today = todayInSweden();

let server: TestServer;
const tokens: Record<string, string> = {};
const orgIds: Record<string, string> = {};
let reportedDeviationId = '';

before(async () => {
  server = await startTestServer();
  const people = {
    lisa: 'lisa.lundqvist@pitea.se',
    sofia: 'sofia.backman@pitea.se',
    mats: 'mats.nyberg@norrbotten.se',
    karl: 'karl.nilsson@lulea.se',
    maja: 'maja.kero@kiruna.se',
    ingrid: 'ingrid.wikstrom@norrbotten.se',
  };
  for (const [key, email] of Object.entries(people)) tokens[key] = await server.signIn(email);
  const organisations = await server.graphql(tokens.lisa!, `{ organisations { id name } }`);
  for (const o of organisations.data!.organisations as Array<{ id: string; name: string }>) orgIds[o.name] = o.id;
});
after(async () => {
  await server?.close();
});

const ERRORS = /* GraphQL */ `
  ... on Error { __typename code message }
  ... on RuleViolationError { rule }
  ... on ValidationError { issues { path message } }`;
const DEVIATION = 'id status level version actions clearedSummary countyPart description';

async function mutate(who: string, field: string, input: Record<string, unknown>, selection = DEVIATION) {
  const name = `${field[0]!.toUpperCase()}${field.slice(1)}`;
  const response = await server.graphql(tokens[who]!, `mutation($input: ${name}Input!) { ${field}(input: $input) { __typename ... on Mutation${name}Success { data { ${selection} } } ${ERRORS} } }`, {
    input,
  });
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data![field];
}

const PERSON = { givenName: 'Saga', familyName: 'Nordmark', personalIdentityNumber: '201103149814' };

/** A young person and a held meeting convened by Strömbackaskolan, written as the database owner. */
async function meetingAboutAYoungPerson(): Promise<string> {
  const db = server.db.kysely;
  const school = await db.selectFrom('organisations').select('id').where('name', '=', 'Piteå kommun, Strömbackaskolan').executeTakeFirstOrThrow();
  const pitea = await db.selectFrom('organisations').select('id').where('name', '=', 'Piteå kommun').executeTakeFirstOrThrow();
  const lisa = await db.selectFrom('users').select('id').where('email', '=', 'lisa.lundqvist@pitea.se').executeTakeFirstOrThrow();
  const person = await db
    .insertInto('norrbus_persons')
    .values({ owner_org_id: school.id, given_name: PERSON.givenName, family_name: PERSON.familyName, personal_identity_number: PERSON.personalIdentityNumber, birth_date: '2011-03-14', gender: 'boy', municipality_id: pitea.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('norrbus_meetings')
    .values({ owner_org_id: school.id, person_id: person.id, initiated_on: addDays(today, -40), initiative_reason: 'Oro för närvaron', status: 'held', held_on: addDays(today, -20), created_by: lisa.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return meeting.id;
}

describe('avvikelser over HTTP', () => {
  let deviation: { id: string; version: number };

  it('a participant reports a deviation about a meeting; its description may name the young person, locally', async () => {
    const meetingId = await meetingAboutAYoungPerson();
    const reported = await mutate('lisa', 'reportDeviation', {
      municipalityId: orgIds['Piteå kommun'],
      meetingId: encodeGlobalId('NorrbusMeeting', meetingId),
      category: 'DID_NOT_ATTEND',
      occurredOn: addDays(today, -20),
      description: `${PERSON.givenName} ${PERSON.familyName} (${PERSON.personalIdentityNumber}): hälsocentralen kom inte till mötet.`,
      partyIds: [orgIds['Piteå kommun, Individ- och familjeomsorgen'], orgIds['Hälsocentralen Öjebyn']],
    });
    assert.equal(reported.__typename, 'MutationReportDeviationSuccess', JSON.stringify(reported));
    assert.deepEqual([reported.data.status, reported.data.level, reported.data.countyPart, reported.data.actions], ['REPORTED', 'LOCAL', 'Södra Norrbotten', ['CLEAR']]);
    deviation = reported.data;
    reportedDeviationId = reported.data.id;
  });

  it('another municipality cannot read it, by id or in its list', async () => {
    for (const who of ['karl', 'maja']) {
      const response = await server.graphql(tokens[who]!, `query($id: ID!) { deviation(id: $id) { id description } deviations { id } }`, { id: deviation.id });
      assert.equal(response.errors, undefined, JSON.stringify(response.errors));
      assert.equal(response.data!.deviation, null);
      assert.ok(!response.data!.deviations.some((d: { id: string }) => d.id === deviation.id));
    }
  });

  it('the parties analyse it; escalation without a cleared summary is refused', async () => {
    for (const who of ['sofia', 'mats']) {
      const analysed = await mutate(who, 'recordDeviationAnalysis', { deviationId: deviation.id, analysis: 'Kallelsen gick till fel adress.' });
      assert.equal(analysed.__typename, 'MutationRecordDeviationAnalysisSuccess', JSON.stringify(analysed));
    }
    const current = await server.graphql(tokens.lisa!, `query($id: ID!) { deviation(id: $id) { ${DEVIATION} } }`, { id: deviation.id });
    deviation = current.data!.deviation;
    assert.equal(current.data!.deviation.status, 'ANALYSED');
    const refused = await mutate('lisa', 'escalateDeviation', { deviationId: deviation.id, expectedVersion: deviation.version, to: 'COUNTY_PART' });
    assert.deepEqual([refused.__typename, refused.rule], ['RuleViolationError', 'DEVIATION_NOT_CLEARED']);
  });

  it('a summary with a personnummer is refused, and so is one with the young person’s name', async () => {
    const withNumber = await mutate('lisa', 'clearDeviationSummary', { deviationId: deviation.id, expectedVersion: deviation.version, summary: `Gäller ${PERSON.personalIdentityNumber.slice(2, 8)}-${PERSON.personalIdentityNumber.slice(8)}.` });
    assert.deepEqual([withNumber.__typename, withNumber.rule], ['RuleViolationError', 'DEVIATION_SUMMARY_IDENTIFIES']);
    assert.match(withNumber.message, /personnummer/);
    const withName = await mutate('lisa', 'clearDeviationSummary', { deviationId: deviation.id, expectedVersion: deviation.version, summary: `Mötet om ${PERSON.familyName} blev utan hälsocentralen.` });
    assert.deepEqual([withName.__typename, withName.rule], ['RuleViolationError', 'DEVIATION_SUMMARY_IDENTIFIES']);
  });

  it('cleared, it climbs to the county, where the steering group decides on actions', async () => {
    let saved = await mutate('lisa', 'clearDeviationSummary', { deviationId: deviation.id, expectedVersion: deviation.version, summary: 'En kallad part uteblev utan att meddela förhinder.' });
    assert.equal(saved.__typename, 'MutationClearDeviationSummarySuccess', JSON.stringify(saved));
    saved = await mutate('lisa', 'escalateDeviation', { deviationId: deviation.id, expectedVersion: saved.data.version, to: 'COUNTY_PART' });
    saved = await mutate('lisa', 'decideDeviationAction', { deviationId: deviation.id, expectedVersion: saved.data.version, decision: 'Länsdelen inför påminnelse dagen före mötet.' });
    saved = await mutate('lisa', 'escalateDeviation', { deviationId: deviation.id, expectedVersion: saved.data.version, to: 'COUNTY' });
    assert.deepEqual([saved.data.level, saved.data.status], ['COUNTY', 'ACTION_DECIDED']);
    const decided = await mutate(
      'ingrid',
      'decideDeviationActionAtCounty',
      { deviationId: encodeGlobalId('SteeringGroupDeviation', Buffer.from(deviation.id, 'base64').toString().split(':')[1]!), decision: 'Länsgemensam rutin för förhinder.' },
      'id level status clearedSummary decisions { level decision }',
    );
    assert.equal(decided.__typename, 'MutationDecideDeviationActionAtCountySuccess', JSON.stringify(decided));
    assert.deepEqual(decided.data.decisions, [
      { level: 'COUNTY_PART', decision: 'Länsdelen inför påminnelse dagen före mötet.' },
      { level: 'COUNTY', decision: 'Länsgemensam rutin för förhinder.' },
    ]);
    const forum = await mutate('lisa', 'decideDeviationAction', { deviationId: deviation.id, expectedVersion: saved.data.version + 1, decision: 'Vi beslutar själva.' });
    assert.deepEqual([forum.__typename, forum.rule], ['RuleViolationError', 'DEVIATION_DECIDED_BY_STEERING_GROUP']);
  });

  it('lists the organisation’s deviations with parties, history and names in a constant number of SQL statements', async () => {
    const fields = `id category status level municipality { name } reportingOrganisation { name } reportedBy clearedBy
      parties { organisation { name } analysis analysedBy } history { kind level occurredOn organisation { name } signedBy decision }`;
    const response = await server.graphql(tokens.lisa!, `{ deviations { ${fields} } }`);
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    const list = response.data!.deviations as Array<{ history: unknown[] }>;
    assert.ok(list.length >= 5, `${list.length} deviations`);
    const one = await server.graphql(tokens.lisa!, `query($id: ID!) { deviation(id: $id) { ${fields} } }`, { id: deviation.id });
    // begin, identity, commit; deviations, parties, history, organisations at two depths, and the
    // signers' names once per field: as many for the whole list as for one deviation. (Loads at the
    // two depths may batch together or not, depending on timing: 12 or 13.)
    assert.equal(response.extensions!.queryCount, one.extensions!.queryCount);
    assert.ok(response.extensions!.queryCount! <= 14, `queryCount was ${response.extensions!.queryCount}`);
  });

  it('lists the steering group’s escalated deviations with the drill-down, and filters by county part and category', async () => {
    const query = `query($filter: SteeringGroupDeviationFilter) { steeringGroupDeviations(filter: $filter) {
        countyParts total cells { countyPart category count }
        deviations { id municipality { name } countyPart category level status occurredOn reportedOn closedOn clearedSummary decisions { level decidedOn decision } } } }`;
    const all = await server.graphql(tokens.ingrid!, query);
    assert.equal(all.errors, undefined, JSON.stringify(all.errors));
    const overview = all.data!.steeringGroupDeviations;
    assert.deepEqual(overview.countyParts, ['Inlandet', 'Malmfälten', 'Södra Norrbotten', 'Östra Norrbotten']);
    assert.equal(overview.deviations.length, overview.total);
    assert.equal(overview.cells.reduce((sum: number, c: { count: number }) => sum + c.count, 0), overview.total);
    assert.ok(overview.deviations.every((d: { level: string }) => d.level !== 'LOCAL'));
    assert.ok(all.extensions!.queryCount! <= 7, `queryCount was ${all.extensions!.queryCount}`);
    const cell = overview.cells.find((c: { count: number }) => c.count > 0);
    const filtered = await server.graphql(tokens.ingrid!, query, { filter: { countyPart: cell.countyPart, category: cell.category } });
    const narrowed = filtered.data!.steeringGroupDeviations.deviations as Array<{ countyPart: string; category: string }>;
    assert.equal(narrowed.length, cell.count);
    assert.ok(narrowed.every((d) => d.countyPart === cell.countyPart && d.category === cell.category));
    const others = await server.graphql(tokens.lisa!, `{ steeringGroupDeviations { total } }`);
    assert.equal(others.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});

describe('oenigheter over HTTP', () => {
  it('a dispute goes through positions to the county and is resolved by the steering group', async () => {
    const DISPUTE = 'id level status version actions outcome parties { organisation { name } position }';
    const refused = await mutate(
      'lisa',
      'raiseDispute',
      { municipalityId: orgIds['Piteå kommun'], subject: 'COST', intervention: 'Skolskjuts', question: `Vem betalar för ${PERSON.personalIdentityNumber}?`, partyIds: [orgIds['Piteå kommun, Individ- och familjeomsorgen']] },
      DISPUTE,
    );
    assert.deepEqual([refused.__typename, refused.rule], ['RuleViolationError', 'DISPUTE_TEXT_IDENTIFIES']);
    let dispute = await mutate(
      'lisa',
      'raiseDispute',
      { municipalityId: orgIds['Piteå kommun'], subject: 'RESPONSIBILITY', intervention: 'Stöd i hemmet', question: 'Vem ansvarar för stödet i hemmet?', partyIds: [orgIds['Piteå kommun, Individ- och familjeomsorgen']] },
      DISPUTE,
    );
    dispute = await mutate('lisa', 'stateDisputePosition', { disputeId: dispute.data.id, expectedVersion: dispute.data.version, position: 'Socialtjänsten ansvarar.' }, DISPUTE);
    dispute = await mutate('sofia', 'stateDisputePosition', { disputeId: dispute.data.id, expectedVersion: dispute.data.version, position: 'Skolan ansvarar.' }, DISPUTE);
    dispute = await mutate('sofia', 'escalateDispute', { disputeId: dispute.data.id, expectedVersion: dispute.data.version }, DISPUTE);
    assert.deepEqual([dispute.data.level, dispute.data.actions], ['COUNTY', ['STATE_POSITION']]);
    const id = Buffer.from(dispute.data.id, 'base64').toString().split(':')[1]!;
    const resolved = await mutate('ingrid', 'resolveDisputeAtCounty', { disputeId: encodeGlobalId('SteeringGroupDispute', id), outcome: 'Skolan leder insatsen.' }, 'status outcome positions { position }');
    assert.deepEqual([resolved.data.status, resolved.data.outcome], ['RESOLVED', 'Skolan leder insatsen.']);
    const karl = await server.graphql(tokens.karl!, `query($id: ID!) { dispute(id: $id) { id } }`, { id: dispute.data.id });
    assert.equal(karl.data!.dispute, null);
    const list = await server.graphql(tokens.sofia!, `{ disputes { id status parties { organisation { name } position } history { kind organisation { name } signedBy note } } }`);
    assert.equal(list.errors, undefined, JSON.stringify(list.errors));
    assert.ok(list.extensions!.queryCount! <= 9, `queryCount was ${list.extensions!.queryCount}`);
  });
});

// ---- The de-identification sweep: everything the steering group may query, searched for people. ----

interface IntrospectedType {
  kind: string;
  name: string | null;
  ofType: IntrospectedType | null;
}
interface IntrospectedField {
  name: string;
  args: Array<{ name: string; type: IntrospectedType }>;
  type: IntrospectedType;
}
interface FullType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
  inputFields: Array<{ name: string; type: IntrospectedType }> | null;
  possibleTypes: Array<{ name: string }> | null;
  enumValues: Array<{ name: string }> | null;
}

const TYPE_REF = 'fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema { queryType { name } types { kind name fields { name args { name type { ...T } } type { ...T } } inputFields { name type { ...T } } possibleTypes { name } enumValues { name } } } } ${TYPE_REF}`;

function named(type: IntrospectedType): string {
  return type.name ?? named(type.ofType!);
}
function isRequired(type: IntrospectedType): boolean {
  return type.kind === 'NON_NULL';
}

/** The people the steering group must never see: demo children and Norrbus young persons. */
async function identifiers(): Promise<string[]> {
  const db = server.db.kysely;
  const people = [
    ...(await db.selectFrom('children').select(['given_name', 'family_name', 'personal_identity_number']).execute()),
    ...(await db.selectFrom('norrbus_persons').select(['given_name', 'family_name', 'personal_identity_number']).execute()),
  ];
  assert.ok(people.some((p) => p.given_name === PERSON.givenName), 'the test’s young person is among them');
  return people.flatMap((p) => {
    const number = p.personal_identity_number ?? '';
    const digits = number.replace(/\D/g, '');
    const numbers =
      digits.length === 12 ? [digits, `${digits.slice(0, 8)}-${digits.slice(8)}`, digits.slice(2), `${digits.slice(2, 8)}-${digits.slice(8)}`] : number ? [number] : [];
    return [`${p.given_name} ${p.family_name}`.toLowerCase(), ...numbers];
  });
}

describe('a steering-group member can never retrieve a name or personnummer', () => {
  it('through any query it may call, with plausible arguments, nor through its own mutations', { timeout: 600_000 }, async () => {
    const ingrid = tokens.ingrid!;
    const schema = await server.graphql(ingrid, INTROSPECTION);
    assert.equal(schema.errors, undefined, JSON.stringify(schema.errors));
    const types = new Map((schema.data!.__schema.types as FullType[]).map((t) => [t.name, t]));
    const queryType = types.get(schema.data!.__schema.queryType.name)!;

    const db = server.db.kysely;
    const uuids = [
      ...(await db.selectFrom('children').select('id').limit(3).execute()),
      ...(await db.selectFrom('norrbus_persons').select('id').limit(5).execute()),
      ...(await db.selectFrom('norrbus_meetings').select('id').limit(5).execute()),
      ...(await db.selectFrom('deviations').select('id').where('level', '<>', 'local').limit(3).execute()),
      ...(await db.selectFrom('disputes').select('id').limit(2).execute()),
    ].map((row) => row.id);
    const familyName = (await db.selectFrom('children').select('family_name').limit(1).executeTakeFirstOrThrow()).family_name;
    const idTypes = ['Child', 'NorrbusPerson', 'NorrbusMeeting', 'Deviation', 'Dispute', 'SteeringGroupDeviation', 'SteeringGroupDispute', 'Placement', 'FosterHome'];
    const idCandidates = (returnType: string) => uuids.flatMap((id) => [id, ...[...new Set([returnType, ...idTypes])].map((t) => encodeGlobalId(t, id))]);

    /** A GraphQL literal for an argument or input field of this type, or null when none can be made. */
    function literal(name: string, type: IntrospectedType): string | null {
      if (type.kind === 'NON_NULL') return literal(name, type.ofType!);
      if (type.kind === 'LIST') {
        const item = literal(name, type.ofType!);
        return item === null ? null : `[${item}]`;
      }
      const typeName = type.name!;
      if (typeName === 'Int') return /year/i.test(name) ? today.slice(0, 4) : /first|last|limit|days/i.test(name) ? '20' : '1';
      if (typeName === 'Float') return '1';
      if (typeName === 'Boolean') return 'true';
      if (typeName === 'Date') return JSON.stringify(/from|start/i.test(name) ? '2025-01-01' : today);
      if (typeName === 'DateTime') return JSON.stringify(new Date().toISOString());
      if (typeName === 'Money') return '100';
      if (typeName === 'String') return JSON.stringify(/search|query|name/i.test(name) ? familyName : '');
      if (typeName === 'ID') return JSON.stringify(uuids[0] ?? '');
      const full = types.get(typeName)!;
      if (full.kind === 'ENUM') return full.enumValues![0]!.name;
      if (full.kind === 'INPUT_OBJECT') {
        const fields = full.inputFields!.filter((f) => isRequired(f.type)).map((f) => {
          const value = literal(f.name, f.type);
          return value === null ? null : `${f.name}: ${value}`;
        });
        return fields.includes(null) ? null : `{ ${fields.join(', ')} }`;
      }
      return null;
    }

    function argumentList(args: IntrospectedField['args'], idValue: string | null): string | null {
      const parts: string[] = [];
      for (const arg of args.filter((a) => isRequired(a.type))) {
        const value = named(arg.type) === 'ID' && idValue !== null ? JSON.stringify(idValue) : literal(arg.name, arg.type);
        if (value === null) return null;
        parts.push(`${arg.name}: ${value}`);
      }
      return parts.length > 0 ? `(${parts.join(', ')})` : '';
    }

    /** Every field to `depth`, with inline fragments for interfaces and unions. */
    function selection(typeName: string, depth: number): string | null {
      const type = types.get(typeName)!;
      if (type.kind === 'SCALAR' || type.kind === 'ENUM') return '';
      if (depth === 0) return null;
      if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
        const fragments = type.possibleTypes!.map((p) => {
          const inner = selection(p.name, depth);
          return inner ? `... on ${p.name} ${inner}` : '';
        });
        return `{ __typename ${fragments.join(' ')} }`;
      }
      const fields = type.fields!.flatMap((field) => {
        if (field.name.startsWith('__')) return [];
        const args = argumentList(field.args, null);
        if (args === null) return [];
        const inner = selection(named(field.type), depth - 1);
        return inner === null ? [] : [`${field.name}${args} ${inner}`];
      });
      return fields.length > 0 ? `{ ${fields.join(' ')} }` : null;
    }

    const bodies: string[] = [];
    const allowed: string[] = [];
    async function ask(field: IntrospectedField, idValue: string | null): Promise<GraphQLResponse | null> {
      const args = argumentList(field.args, idValue);
      if (args === null) return null;
      // The armour's token and cost limits cap how deep one document may go.
      for (let depth = 5; depth >= 1; depth -= 1) {
        const inner = selection(named(field.type), depth);
        if (inner === null) continue;
        const text = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ingrid}` },
          body: JSON.stringify({ query: `{ ${field.name}${args} ${inner} }` }),
        }).then((r) => r.text());
        const response = JSON.parse(text) as GraphQLResponse;
        if (response.errors?.some((e) => /limit|exceed|depth|cost|token/i.test(e.message))) continue;
        bodies.push(text);
        return response;
      }
      return null;
    }

    for (const field of queryType.fields!) {
      const hasIdArgument = field.args.some((a) => isRequired(a.type) && named(a.type) === 'ID');
      const candidates = hasIdArgument ? idCandidates(named(field.type)) : [null];
      for (const candidate of candidates) {
        const response = await ask(field, candidate);
        if (!response) continue;
        const forbidden = response.errors?.some((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED');
        if (forbidden && !response.data?.[field.name]) break;
        if (!allowed.includes(field.name)) allowed.push(field.name);
      }
    }
    assert.ok(allowed.includes('steeringGroupDeviations') && allowed.includes('steeringGroupDisputes') && allowed.includes('viewer'), `allowed: ${allowed.join(', ')}`);

    // The drill-down with every filter, and the steering group's own writes' answers.
    const overview = await server.graphql(ingrid, `{ steeringGroupDeviations { countyParts cells { countyPart category } deviations { id } } }`);
    const { countyParts, cells, deviations } = overview.data!.steeringGroupDeviations;
    for (const countyPart of countyParts) {
      for (const category of [...new Set(cells.map((c: { category: string }) => c.category))]) {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ingrid}` },
          body: JSON.stringify({
            query: `query($f: SteeringGroupDeviationFilter) { steeringGroupDeviations(filter: $f) { deviations { id municipality { name } countyPart category level status clearedSummary decisions { level decision } } } }`,
            variables: { f: { countyPart, category } },
          }),
        });
        bodies.push(await response.text());
      }
    }
    const county = deviations.find(() => true);
    if (county) {
      const answer = await server.graphql(
        ingrid,
        `mutation($input: DecideDeviationActionAtCountyInput!) { decideDeviationActionAtCounty(input: $input) { __typename ... on MutationDecideDeviationActionAtCountySuccess { data { id clearedSummary decisions { decision } } } ${ERRORS} } }`,
        { input: { deviationId: county.id, decision: 'Styrgruppen följer upp.' } },
      );
      bodies.push(JSON.stringify(answer));
    }

    const corpus = bodies.map((body) => body.toLowerCase());
    assert.ok(corpus.length > 20, `${corpus.length} responses searched`);
    assert.ok(corpus.some((body) => body.includes('en kallad part uteblev utan att meddela förhinder')), 'the cleared summary of the test’s deviation was seen');
    const people = await identifiers();
    const leaks = people.filter((identifier) => corpus.some((body) => body.includes(identifier)));
    assert.deepEqual(leaks, []);
    // The search finds what it looks for: the reporter's own view of the description names the young person.
    const local = JSON.stringify(await server.graphql(tokens.lisa!, `query($id: ID!) { deviation(id: $id) { description } }`, { id: reportedDeviationId })).toLowerCase();
    const found = people.filter((identifier) => local.includes(identifier));
    assert.ok(found.includes(`${PERSON.givenName} ${PERSON.familyName}`.toLowerCase()) && found.includes(PERSON.personalIdentityNumber), found.join(', '));
  });
});
