import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { ForbiddenError, RuleViolationError, ValidationError, VersionConflictError } from '../errors.js';
import { listFosterHomes, loadHouseholdMembersByHome } from '../homes/foster-homes.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { createTestDatabase, demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { listTrainingCourses, loadTrainingSessionsByCourse, recordTrainingAttendance, recordTrainingCompletion } from '../training/courses.js';
import { registerInquiry, type RegisterInquiryInput } from './inquiries.js';
import { advanceRecruitment, leaveRecruitment, pauseRecruitment, recordScreening, resumeRecruitment } from './moves.js';
import {
  listRecruitmentPipeline,
  loadLatestRecruitmentsByHome,
  loadRecruitmentEvents,
  loadRecruitmentProgress,
  recruitmentProgress,
} from './pipeline-view.js';
import { loadUserNames } from '../access/users.js';
import { getRecruitment, loadRecruitments, openRecruitment, type Recruitment } from './recruitments.js';

let db: TestDatabase;
let unitId: string;
let noraId: string;
/** Anna Lind, familjehemssekreterare at the joint unit. */
let anna: Actor;
/** Erik Berg, enhetschef at the joint unit. */
let erik: Actor;
/** Eva Ahlin, administratör, acting for the joint unit. */
let eva: Actor;
/** Johan Ek, barnsekreterare in Nora. */
let johan: Actor;
/** Sara Nilsson, barnsekreterare in Lindesberg. */
let sara: Actor;
const today = todayInSweden();
const daysAgo = (n: number) => addDays(today, -n);

before(async () => {
  db = await createTestDatabase();
  unitId = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  noraId = await organisationIdByName(db, 'Nora kommun');
  anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  erik = await demoActor(db, 'erik.berg@familjehem-norra.se');
  eva = await demoActor(db, 'eva.ahlin@lindesberg.se', unitId);
  johan = await demoActor(db, 'johan.ek@nora.se');
  sara = await demoActor(db, 'sara.nilsson@lindesberg.se');
});

after(async () => {
  await db.dispose();
});

async function as<T>(actor: Actor, work: (session: Session) => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId }));
}

let serial = 0;
/** An inquiry from a couple in Nora, received `receivedDaysAgo` days ago. */
function inquiry(family: string, receivedDaysAgo: number, overrides: Partial<RegisterInquiryInput> = {}): RegisterInquiryInput {
  return {
    kindSought: 'own',
    name: `Familjen ${family}`,
    streetAddress: 'Prästgatan 12',
    postalCode: '713 30',
    city: 'Nora',
    municipalityId: noraId,
    householdMembers: [
      { givenName: 'Karin', familyName: family, personalIdentityNumber: testPersonalIdentityNumber('1984-03-12', serial++), role: 'adult' },
      { givenName: 'Per', familyName: family, personalIdentityNumber: testPersonalIdentityNumber('1982-11-05', serial++), role: 'adult' },
      { givenName: 'Nils', familyName: family, personalIdentityNumber: testPersonalIdentityNumber('2015-06-01', serial++), role: 'child' },
    ],
    receivedOn: daysAgo(receivedDaysAgo),
    source: 'website',
    sourceDetail: 'Familjehemsenhetens webbplats',
    note: 'Ringde efter att ha läst på webbplatsen.',
    ...overrides,
  };
}

async function register(family: string, receivedDaysAgo: number, overrides: Partial<RegisterInquiryInput> = {}): Promise<Recruitment> {
  return as(anna, (session) => registerInquiry(session, inquiry(family, receivedDaysAgo, overrides)));
}

const move = (recruitment: Recruitment, occurredDaysAgo: number, note: string | null = null) => ({
  recruitmentId: recruitment.id,
  expectedVersion: recruitment.version,
  occurredOn: daysAgo(occurredDaysAgo),
  note,
});

async function rowCounts() {
  const count = async (table: 'foster_homes' | 'household_members' | 'recruitments' | 'recruitment_events') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { homes: await count('foster_homes'), members: await count('household_members'), recruitments: await count('recruitments'), events: await count('recruitment_events') };
}

function refusedBy(rule: string, message?: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof RuleViolationError, `expected RuleViolationError ${rule}, got ${String(error)}`);
    assert.equal(error.rule, rule);
    if (message) assert.match(error.message, message);
    return true;
  };
}

describe('the pipeline board (listRecruitmentPipeline) and a family’s record', () => {
  const demoFamily = async (name: string) => {
    const row = await db.kysely
      .selectFrom('recruitments')
      .innerJoin('foster_homes', 'foster_homes.id', 'recruitments.foster_home_id')
      .select('recruitments.id')
      .where('foster_homes.name', '=', name)
      .executeTakeFirstOrThrow();
    return as(anna, (session) => getRecruitment(session, row.id));
  };

  // These run first, on the demo data as loaded.
  it('counts the demo unit’s families per step with the overdue and paused among them, finished families left out', async () => {
    const board = await as(anna, (session) => listRecruitmentPipeline(session, {}, today));
    const demoCounts = Object.fromEntries(board.counts.map((c) => [c.step, [c.count, c.overdue, c.paused]]));
    assert.deepEqual(demoCounts.inquiry, [3, 1, 0]);
    assert.deepEqual(demoCounts.information_meeting, [3, 1, 1]);
    assert.deepEqual(demoCounts.basic_training, [5, 1, 1]);
    assert.deepEqual(demoCounts.assessment, [4, 1, 1]);
    assert.deepEqual(demoCounts.decision, [2, 1, 0]);
    assert.deepEqual(demoCounts.approved, [0, 0, 0]);
    assert.equal(board.recruitments.length, board.counts.reduce((sum, c) => sum + c.count, 0));
    assert.ok(board.recruitments.every((r) => r.leftOn === null && r.step !== 'approved'));
    const steps = board.recruitments.map((r) => r.step);
    assert.deepEqual(steps, [...steps].sort((a, b) => ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision'].indexOf(a) - ['inquiry', 'information_meeting', 'basic_training', 'assessment', 'decision'].indexOf(b)));
  });

  it('filters by step, and shows finished families when asked', async () => {
    const atAssessment = await as(anna, (session) => listRecruitmentPipeline(session, { step: 'assessment' }, today));
    assert.equal(atAssessment.recruitments.length, 4);
    assert.ok(atAssessment.recruitments.every((r) => r.step === 'assessment'));
    const everything = await as(anna, (session) => listRecruitmentPipeline(session, { includeFinished: true }, today));
    const approved = everything.counts.find((c) => c.step === 'approved')!;
    assert.equal(approved.count, 3);
    assert.ok(everything.recruitments.filter((r) => r.leftOn !== null).length >= 5);
  });

  it('days in the step and overdue follow the unit’s dated target days; a paused family is not overdue', async () => {
    const [overdueInquiry, freshInquiry, pausedInAssessment, left] = await Promise.all(['Familjen Söderlund', 'Familjen Ahlström', 'Familjen Norén', 'Familjen Hedlund'].map(demoFamily));
    const progress = await as(anna, (session) => loadRecruitmentProgress(session, [overdueInquiry!, freshInquiry!, pausedInAssessment!, left!], today));
    assert.deepEqual(
      progress.map((p) => [p.daysInStep, p.targetDays, p.overdue]),
      [
        [20, 14, true],
        [3, 14, false],
        [22, 120, false],
        [20, 30, false],
      ],
    );
    assert.equal(pausedInAssessment!.pausedOn, daysAgo(10));
  });

  it('a family is overdue from the day after its target, never on the target day itself, and a decided family has no step time', () => {
    const policy = { stepTargetDays: { inquiry: 14, information_meeting: 30, basic_training: 120, assessment: 120, decision: 30 } };
    const family = (overrides: Partial<Recruitment>): Recruitment => ({
      id: 'r',
      ownerId: 'u',
      fosterHomeId: 'h',
      purpose: 'new_home',
      source: 'website',
      sourceDetail: null,
      proposedByAgencyId: null,
      receivedOn: '2025-01-01',
      step: 'inquiry',
      stepEnteredOn: '2025-01-01',
      pausedOn: null,
      leftOn: null,
      leavingReason: null,
      screeningResult: null,
      version: 1,
      ...overrides,
    });
    assert.equal(recruitmentProgress(family({}), policy, '2025-01-15').overdue, false);
    assert.equal(recruitmentProgress(family({}), policy, '2025-01-16').overdue, true);
    assert.equal(recruitmentProgress(family({ pausedOn: '2025-01-05' }), policy, '2025-03-01').overdue, false);
    assert.deepEqual(recruitmentProgress(family({ leftOn: '2025-02-01', leavingReason: 'no_contact' }), policy, '2025-06-01'), { recruitmentId: 'r', daysInStep: 31, targetDays: 14, overdue: false });
    assert.deepEqual(recruitmentProgress(family({ step: 'approved' }), policy, '2025-06-01'), { recruitmentId: 'r', daysInStep: null, targetDays: null, overdue: false });
  });

  it('a family’s timeline lists every event in date order: steps, screening, pause and resumption', async () => {
    const ekdahl = await demoFamily('Familjen Ekdahl');
    const events = await as(anna, (session) => loadRecruitmentEvents(session, [ekdahl.id]));
    assert.deepEqual(events.map((e) => `${e.occurredOn} ${e.kind} ${e.step}`), [
      `${daysAgo(350)} step_entered inquiry`,
      `${daysAgo(338)} step_entered information_meeting`,
      `${daysAgo(338)} screening_recorded information_meeting`,
      `${daysAgo(305)} step_entered basic_training`,
      `${daysAgo(222)} step_entered assessment`,
      `${daysAgo(180)} paused assessment`,
      `${daysAgo(160)} resumed assessment`,
      `${daysAgo(20)} step_entered decision`,
    ]);
  });

  it('a home’s recruitment is the one under way, else its latest', async () => {
    const approved = await demoFamily('Familjen Björk');
    const [latest] = await as(anna, (session) => loadLatestRecruitmentsByHome(session, [approved.fosterHomeId]));
    assert.equal(latest!.id, approved.id);
    const reassessment = await as(anna, (session) => openRecruitment(session, { fosterHomeId: approved.fosterHomeId, purpose: 'reassessment', source: 'other', receivedOn: today }));
    const [current] = await as(anna, (session) => loadLatestRecruitmentsByHome(session, [approved.fosterHomeId]));
    assert.equal(current!.id, reassessment.id);
  });
});

describe('registering an inquiry (intresseanmälan)', () => {
  it('creates a home in recruitment owned by the unit, with no places, its household and a recruitment at the inquiry signed by the worker', async () => {
    const requestId = randomUUID();
    const recruitment = await as(anna, (session) => registerInquiry(session, inquiry('Prästgård', 5)), requestId);
    assert.equal(recruitment.ownerId, unitId);
    assert.equal(recruitment.purpose, 'new_home');
    assert.equal(recruitment.step, 'inquiry');
    assert.equal(recruitment.receivedOn, daysAgo(5));
    assert.equal(recruitment.stepEnteredOn, daysAgo(5));
    assert.equal(recruitment.source, 'website');
    assert.equal(recruitment.sourceDetail, 'Familjehemsenhetens webbplats');
    assert.equal(recruitment.version, 1);

    const home = await db.kysely.selectFrom('foster_homes').selectAll().where('id', '=', recruitment.fosterHomeId).executeTakeFirstOrThrow();
    assert.deepEqual(
      [home.owner_org_id, home.status, home.places, home.kind, home.municipality_id, home.street_address, home.postal_code, home.city, home.approved_on],
      [unitId, 'recruiting', 0, 'own', noraId, 'Prästgatan 12', '713 30', 'Nora', null],
    );
    const members = await as(anna, (session) => loadHouseholdMembersByHome(session, [home.id]));
    assert.deepEqual(members.map((m) => [m.givenName, m.role]).sort(), [['Karin', 'adult'], ['Nils', 'child'], ['Per', 'adult']]);

    const events = await as(anna, (session) => loadRecruitmentEvents(session, [recruitment.id]));
    assert.deepEqual(
      events.map((e) => [e.kind, e.step, e.occurredOn, e.recordedById, e.note]),
      [['step_entered', 'inquiry', daysAgo(5), anna.userId, 'Ringde efter att ha läst på webbplatsen.']],
    );
    const audit = await db.kysely.selectFrom('audit_log').select(['action', 'entity_type']).where('request_id', '=', requestId).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => `${a.action} ${a.entity_type}`), ['create FosterHome', 'create HouseholdMember', 'create HouseholdMember', 'create HouseholdMember', 'create Recruitment']);
  });

  it('the family is not in the register until asked for: the register leaves out homes in recruitment by default', async () => {
    const recruitment = await register('Registersson', 2);
    const byDefault = await as(anna, (session) => listFosterHomes(session, { filter: { search: 'Registersson' }, limit: 10, offset: 0 }));
    const asked = await as(anna, (session) => listFosterHomes(session, { filter: { search: 'Registersson', status: 'recruiting' }, limit: 10, offset: 0 }));
    assert.equal(byDefault.totalCount, 0);
    assert.deepEqual(asked.homes.map((h) => h.id), [recruitment.fosterHomeId]);
  });

  it('a wrong personnummer is refused as createFosterHome refuses it, and nothing is written', async () => {
    const before = await rowCounts();
    const input = inquiry('Felsson', 3);
    input.householdMembers = [input.householdMembers![0]!, { ...input.householdMembers![1]!, personalIdentityNumber: '198211059955' }];
    await assert.rejects(as(anna, (session) => registerInquiry(session, input)), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ path: 'householdMembers.1.personalIdentityNumber', message: 'Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.' }]);
      return true;
    });
    assert.deepEqual(await rowCounts(), before);
  });

  const refusals: Array<[string, Partial<RegisterInquiryInput>, string, string]> = [
    ['a family without an adult', { householdMembers: [{ givenName: 'Nils', familyName: 'Barnsson', personalIdentityNumber: testPersonalIdentityNumber('2015-06-01', 7), role: 'child' }] }, 'householdMembers', 'Ange minst en vuxen i familjen.'],
    ['an inquiry dated in the future', { receivedOn: addDays(today, 1) }, 'receivedOn', `Datumet ${addDays(today, 1)} har inte varit än; ange den dag det hände.`],
    ['an impossible date', { receivedOn: '2025-02-30' }, 'receivedOn', 'Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.'],
    ['the source "agency" without the agency', { source: 'agency' }, 'proposedByAgencyId', 'När en konsulentverksamhet föreslår familjen är källan konsulentverksamhet och verksamheten anges, annars inte.'],
    ['a consultant-supported home (the agency only proposes)', { kindSought: 'consultant_supported' as never }, 'kindSought', 'Välj vilket slag av familjehem familjen vill bli.'],
    ['a home outside any municipality', { municipalityId: randomUUID() }, 'municipalityId', 'Ange vilken kommun hemmet ligger i.'],
  ];
  for (const [what, overrides, path, message] of refusals) {
    it(`${what} is refused with a Swedish message, and nothing is written`, async () => {
      const before = await rowCounts();
      await assert.rejects(as(anna, (session) => registerInquiry(session, inquiry('Avvisadsson', 3, overrides))), (error: unknown) => {
        assert.ok(error instanceof ValidationError, String(error));
        assert.deepEqual(error.issues.filter((i) => i.path === path).map((i) => i.message), [message]);
        return true;
      });
      assert.deepEqual(await rowCounts(), before);
    });
  }

  it('a family a consultancy agency proposes is registered with the agency as proposer; the unit owns the recruitment', async () => {
    const agency = await db.kysely.selectFrom('consultancy_agencies').select('id').orderBy('name').executeTakeFirstOrThrow();
    const recruitment = await register('Förslagsson', 1, { source: 'agency', proposedByAgencyId: agency.id, sourceDetail: null });
    assert.equal(recruitment.proposedByAgencyId, agency.id);
    assert.equal(recruitment.ownerId, unitId);
    await assert.rejects(
      as(anna, (session) => registerInquiry(session, inquiry('Webbsson', 1, { source: 'website', proposedByAgencyId: agency.id }))),
      ValidationError,
    );
  });

  it('a municipality’s barnsekreterare cannot register an inquiry', async () => {
    const before = await rowCounts();
    await assert.rejects(as(sara, (session) => registerInquiry(session, inquiry('Obehörigsson', 1))), ForbiddenError);
    assert.deepEqual(await rowCounts(), before);
  });
});

describe('moving a family through the pipeline, dated and signed', () => {
  it('advancing moves the family to the next step with the date and note, signed by the worker, and bumps the version', async () => {
    const registered = await register('Stegsson', 30);
    const moved = await as(erik, (session) => advanceRecruitment(session, move(registered, 20, 'Inledande samtal hemma hos familjen.')));
    assert.deepEqual([moved.step, moved.stepEnteredOn, moved.version], ['information_meeting', daysAgo(20), 2]);
    const events = await as(anna, (session) => loadRecruitmentEvents(session, [registered.id]));
    assert.deepEqual(events.at(-1) && [events.at(-1)!.kind, events.at(-1)!.step, events.at(-1)!.occurredOn, events.at(-1)!.recordedById, events.at(-1)!.note], [
      'step_entered',
      'information_meeting',
      daysAgo(20),
      erik.userId,
      'Inledande samtal hemma hos familjen.',
    ]);
    const names = await as(anna, (session) => loadUserNames(session, events.map((e) => e.recordedById)));
    assert.deepEqual(names.map((n) => n.displayName).sort(), ['Anna Lind', 'Erik Berg']);
  });

  it('a date in the future, or before the family came to its current step, is refused', async () => {
    const registered = await register('Datumsson', 10);
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, { ...move(registered, 0), occurredOn: addDays(today, 2) })), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues.map((i) => i.path), ['occurredOn']);
      return true;
    });
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, move(registered, 11))), refusedBy('RECRUITMENT_DATE_ORDER', new RegExp(daysAgo(10))));
    assert.equal((await as(anna, (session) => getRecruitment(session, registered.id))).version, 1);
  });

  it('two workers who saw the same version: the second gets a VersionConflictError and the first one’s move stays', async () => {
    const registered = await register('Samtidigsson', 10);
    await as(anna, (session) => advanceRecruitment(session, move(registered, 5)));
    await assert.rejects(as(erik, (session) => pauseRecruitment(session, move(registered, 4))), VersionConflictError);
    const current = await as(anna, (session) => getRecruitment(session, registered.id));
    assert.deepEqual([current.step, current.pausedOn, current.version], ['information_meeting', null, 2]);
  });

  it('a BRA-Fam screening is recorded at the information meeting as a timeline event, and refused at the basic training', async () => {
    let recruitment = await register('Screeningsson', 30);
    recruitment = await as(anna, (session) => recordScreening(session, { ...move(recruitment, 28), result: 'suitable' }));
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 25)));
    recruitment = await as(anna, (session) => recordScreening(session, { ...move(recruitment, 24, 'BRA-Fam på informationsträffen.'), result: 'doubtful' }));
    assert.deepEqual([recruitment.step, recruitment.screeningResult], ['information_meeting', 'doubtful']);
    const events = await as(anna, (session) => loadRecruitmentEvents(session, [recruitment.id]));
    assert.deepEqual(events.map((e) => `${e.kind} ${e.step}`), [
      'step_entered inquiry',
      'screening_recorded inquiry',
      'step_entered information_meeting',
      'screening_recorded information_meeting',
    ]);
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 20)));
    await assert.rejects(as(anna, (session) => recordScreening(session, { ...move(recruitment, 19), result: 'suitable' })), refusedBy('SCREENING_STEP', /grundutbildning/));
  });

  it('a paused family cannot move on until it is resumed, and the resumption cannot be dated before the pause', async () => {
    let recruitment = await register('Paussson', 40);
    recruitment = await as(anna, (session) => pauseRecruitment(session, move(recruitment, 30, 'Familjen flyttar.')));
    assert.equal(recruitment.pausedOn, daysAgo(30));
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, move(recruitment, 20))), refusedBy('RECRUITMENT_PAUSED', /återuppta/));
    await assert.rejects(as(anna, (session) => pauseRecruitment(session, move(recruitment, 20))), refusedBy('RECRUITMENT_ALREADY_PAUSED'));
    await assert.rejects(as(anna, (session) => resumeRecruitment(session, move(recruitment, 35))), refusedBy('RECRUITMENT_DATE_ORDER'));
    recruitment = await as(anna, (session) => resumeRecruitment(session, move(recruitment, 10)));
    assert.equal(recruitment.pausedOn, null);
    await assert.rejects(as(anna, (session) => resumeRecruitment(session, move(recruitment, 9))), refusedBy('RECRUITMENT_NOT_PAUSED'));
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 5)));
    assert.equal(recruitment.step, 'information_meeting');
  });

  it('the assessment cannot start until every adult has completed the required basic training; the refusal names who lacks what', async () => {
    let recruitment = await register('Utbildningsson', 300);
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 290)));
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 280)));
    assert.equal(recruitment.step, 'basic_training');
    await assert.rejects(
      as(anna, (session) => advanceRecruitment(session, move(recruitment, 10))),
      refusedBy('TRAINING_INCOMPLETE', /^Alla vuxna i hushållet ska ha gått den obligatoriska utbildningen innan utredningen börjar\. Karin Utbildningsson saknar Ett hem att växa i\. Per Utbildningsson saknar Ett hem att växa i\.$/),
    );

    // Both adults go to a whole round of the basic training; Karin's completion is recorded first.
    const adults = (await as(anna, (session) => loadHouseholdMembersByHome(session, [recruitment.fosterHomeId]))).filter((m) => m.role === 'adult');
    const [basic] = await as(anna, (session) => listTrainingCourses(session, { requiredForApproval: true }));
    const sessions = (await as(anna, (session) => loadTrainingSessionsByCourse(session, [basic!.id]))).filter((s) => s.heldOn <= today && s.heldOn >= daysAgo(280)).slice(0, basic!.sessionsRequired);
    assert.equal(sessions.length, basic!.sessionsRequired);
    for (const held of sessions) await as(anna, (session) => recordTrainingAttendance(session, { sessionId: held.id, householdMemberIds: adults.map((a) => a.id) }));
    const karin = adults.find((a) => a.givenName === 'Karin')!;
    await as(anna, (session) => recordTrainingCompletion(session, { courseId: basic!.id, householdMemberId: karin.id, completedOn: sessions.at(-1)!.heldOn }));
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, move(recruitment, 10))), refusedBy('TRAINING_INCOMPLETE', /^[^.]+\.[^K]*Per Utbildningsson saknar Ett hem att växa i\.$/));

    const per = adults.find((a) => a.givenName === 'Per')!;
    await as(anna, (session) => recordTrainingCompletion(session, { courseId: basic!.id, householdMemberId: per.id, completedOn: sessions.at(-1)!.heldOn }));
    recruitment = await as(anna, (session) => advanceRecruitment(session, move(recruitment, 10)));
    assert.equal(recruitment.step, 'assessment');

    // From the assessment the way on is to send the assessment for decision, not "next step".
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, move(recruitment, 1))), refusedBy('ASSESSMENT_SENDS_FOR_DECISION', /lämnas för beslut/));
  });

  it('a family that leaves gives a reason; its home is closed, and nothing more can be recorded', async () => {
    let recruitment = await register('Lämnarsson', 20);
    await assert.rejects(as(anna, (session) => leaveRecruitment(session, { ...move(recruitment, 5), reason: 'other' })), (error: unknown) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.issues, [{ path: 'note', message: 'Beskriv orsaken i anteckningen när du väljer annan orsak.' }]);
      return true;
    });
    recruitment = await as(anna, (session) => leaveRecruitment(session, { ...move(recruitment, 5, 'Familjen hörde inte av sig.'), reason: 'no_contact' }));
    assert.deepEqual([recruitment.leftOn, recruitment.leavingReason, recruitment.step], [daysAgo(5), 'no_contact', 'inquiry']);
    const home = await db.kysely.selectFrom('foster_homes').select(['status', 'version']).where('id', '=', recruitment.fosterHomeId).executeTakeFirstOrThrow();
    assert.deepEqual(home, { status: 'closed', version: 2 });
    await assert.rejects(as(anna, (session) => advanceRecruitment(session, move(recruitment, 1))), refusedBy('RECRUITMENT_FINISHED'));
    await assert.rejects(as(anna, (session) => pauseRecruitment(session, move(recruitment, 1))), refusedBy('RECRUITMENT_FINISHED'));
  });

  it('a re-assessment that is left ends the re-assessment, not the approved home', async () => {
    const { homes } = await as(anna, (session) => listFosterHomes(session, { filter: { status: 'active', kind: 'own' }, limit: 1, offset: 0 }));
    const home = homes[0]!;
    let reassessment = await as(anna, (session) => openRecruitment(session, { fosterHomeId: home.id, purpose: 'reassessment', source: 'other', receivedOn: daysAgo(3) }));
    assert.equal(reassessment.step, 'assessment');
    reassessment = await as(anna, (session) => leaveRecruitment(session, { ...move(reassessment, 1, 'Familjen avslutar uppdraget.'), reason: 'family_withdrew' }));
    const after = await db.kysely.selectFrom('foster_homes').select(['status', 'version']).where('id', '=', home.id).executeTakeFirstOrThrow();
    assert.deepEqual(after, { status: 'active', version: home.version });
  });
});

describe('who may see and change recruitments', () => {
  for (const [who, actor] of [
    ['Nora’s barnsekreterare', () => johan],
    ['Lindesberg’s barnsekreterare', () => sara],
  ] as const) {
    it(`${who} cannot read the unit’s recruitments, neither through the domain nor in SQL`, async () => {
      const ids = (await db.kysely.selectFrom('recruitments').select('id').limit(5).execute()).map((r) => r.id);
      await assert.rejects(as(actor(), (session) => listRecruitmentPipeline(session, {}, today)), ForbiddenError);
      await assert.rejects(as(actor(), (session) => loadRecruitments(session, ids)), ForbiddenError);
      await assert.rejects(as(actor(), (session) => loadRecruitmentEvents(session, ids)), ForbiddenError);
      const counts = await as(actor(), async ({ db: trx }) => {
        const { rows } = await sql<{ recruitments: number; events: number }>`
          select (select count(*)::int from recruitments) as recruitments, (select count(*)::int from recruitment_events) as events`.execute(trx);
        return rows[0]!;
      });
      assert.deepEqual(counts, { recruitments: 0, events: 0 });
    });
  }

  it('the unit’s administrator may read the board but not move a family', async () => {
    const board = await as(eva, (session) => listRecruitmentPipeline(session, {}, today));
    assert.ok(board.recruitments.length > 0);
    await assert.rejects(as(eva, (session) => advanceRecruitment(session, move(board.recruitments[0]!, 0))), ForbiddenError);
  });
});
