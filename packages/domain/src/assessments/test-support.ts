import { randomUUID } from 'node:crypto';
import type { Actor, Session } from '../access/actor.js';
import { inIdentityTransaction } from '../db/database.js';
import { testPersonalIdentityNumber } from '../demo/demo-data.js';
import { addDays, todayInSweden } from '../shared/dates.js';
import { demoActor, organisationIdByName, type TestDatabase } from '../testing/index.js';
import { recordAssessmentActivity } from './activities.js';
import { startHomeAssessment, updateAssessmentSummary } from './assessments.js';
import { recordChildHeard } from './children-heard.js';
import { getHomeAssessment, type HomeAssessment } from './home-assessment.js';
import { recordRegisterCheck, REGISTERS } from './register-checks.js';

/** Builders the assessment and decision tests share: a family at the assessment step, a complete assessment. */
export interface AssessmentFixtures {
  readonly today: string;
  readonly unitId: string;
  /** Anna Lind, familjehemssekreterare at the joint unit. */
  readonly anna: Actor;
  as<T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T>;
  familyAtAssessment(options: FamilyOptions): Promise<Family>;
  /** Starts the family's assessment, led by the actor (Anna Lind unless another is given). */
  start(family: Family, actor?: Actor): Promise<HomeAssessment>;
  completeAssessment(assessment: HomeAssessment, family: Family, checkedDaysAgo?: number, actor?: Actor): Promise<HomeAssessment>;
}

export interface FamilyOptions {
  readonly name: string;
  readonly adults: readonly string[];
  readonly children?: readonly string[];
  /** The organisation owning the home, by default the joint unit. */
  readonly ownerId?: string;
  readonly consultancyAgencyId?: string;
}

export interface Family {
  readonly homeId: string;
  readonly recruitmentId: string;
  readonly adults: readonly string[];
  readonly children: readonly string[];
}

export async function assessmentFixtures(db: TestDatabase): Promise<AssessmentFixtures> {
  const today = todayInSweden();
  const unitId = await organisationIdByName(db, 'Familjehemsenheten Norra länsdelen');
  const lindesbergId = await organisationIdByName(db, 'Lindesbergs kommun');
  const anna = await demoActor(db, 'anna.lind@familjehem-norra.se');
  let serial = 0;

  const as = <T>(actor: Actor, work: (session: Session) => Promise<T>): Promise<T> =>
    inIdentityTransaction(db.kysely, actor, (trx) => work({ db: trx, actor, requestId: randomUUID() }));

  /**
   * A family that came to the assessment step 60 days ago, written as the owner: how it got there
   * (inquiry, training) is the recruitment's business, not what the assessment tests prove.
   */
  async function familyAtAssessment(options: FamilyOptions): Promise<Family> {
    const ownerId = options.ownerId ?? unitId;
    const home = await db.kysely
      .insertInto('foster_homes')
      .values({
        owner_org_id: ownerId,
        kind: options.consultancyAgencyId ? 'consultant_supported' : 'own',
        name: `Familjen ${options.name}`,
        city: 'Frövi',
        postal_code: '718 30',
        municipality_id: lindesbergId,
        places: 0,
        status: 'recruiting',
        consultancy_agency_id: options.consultancyAgencyId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const member = async (givenName: string, role: 'adult' | 'child', born: string) =>
      (
        await db.kysely
          .insertInto('household_members')
          .values({ owner_org_id: ownerId, foster_home_id: home.id, given_name: givenName, family_name: options.name, personal_identity_number: testPersonalIdentityNumber(born, serial++), role })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const adults = [];
    for (const name of options.adults) adults.push(await member(name, 'adult', '1982-04-12'));
    const children = [];
    for (const name of options.children ?? []) children.push(await member(name, 'child', '2014-09-03'));
    const recruitment = await db.kysely
      .insertInto('recruitments')
      .values({ owner_org_id: ownerId, foster_home_id: home.id, purpose: 'new_home', source: 'website', received_on: addDays(today, -200), step: 'assessment', step_entered_on: addDays(today, -60) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { homeId: home.id, recruitmentId: recruitment.id, adults, children };
  }

  const start = (family: Family, actor: Actor = anna) =>
    as(actor, (session) => startHomeAssessment(session, { recruitmentId: family.recruitmentId, assessorId: actor.userId, method: 'kalvesten', startedOn: addDays(today, -50) }));

  /** Everything an assessment needs, done the day it started; register extracts taken `checkedDaysAgo` days ago. */
  const completeAssessment = (assessment: HomeAssessment, family: Family, checkedDaysAgo = 30, actor: Actor = anna) =>
    as(actor, async (session) => {
      for (const [kind, participants] of [['interview', 'Båda vuxna'], ['home_visit', 'Hela familjen'], ['reference', 'Arbetsgivare'], ['reference', 'Granne']] as const) {
        await recordAssessmentActivity(session, { assessmentId: assessment.id, kind, occurredOn: assessment.startedOn, participants });
      }
      for (const adult of family.adults) {
        for (const register of REGISTERS) {
          await recordRegisterCheck(session, {
            assessmentId: assessment.id,
            householdMemberId: adult,
            register,
            consentGivenOn: addDays(today, -checkedDaysAgo - 5),
            checkedOn: addDays(today, -checkedDaysAgo),
            result: 'no_entries',
          });
        }
      }
      for (const child of family.children) {
        await recordChildHeard(session, { assessmentId: assessment.id, householdMemberId: child, heardOn: assessment.startedOn, note: 'Ser fram emot ett syskon.' });
      }
      const current = await getHomeAssessment(session, assessment.id);
      return updateAssessmentSummary(session, { id: current.id, expectedVersion: current.version, summary: 'Familjen har goda förutsättningar.', recommendation: 'approve' });
    });

  return { today, unitId, anna, as, familyAtAssessment, start, completeAssessment };
}
