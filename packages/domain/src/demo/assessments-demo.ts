import { REGISTERS } from '../assessments/register-checks.js';
import type { IsoDate } from '../db/tables.js';
import { addDays, daysBetween } from '../shared/dates.js';
import type { DemoContext } from './demo-data.js';

/**
 * The home studies (utredningar) of the demo families at the assessment and decision steps. Those
 * at the decision were complete and sent the day they reached it; those still in the assessment
 * have come as far as their time allows, and the longest-running one has a belastningsregister
 * extract that has grown too old, so its checklist shows what a stale check looks like.
 */

/** Days after the start that each part of the study is done, as the unit usually works. */
const SCHEDULE = { registerChecks: 10, interview: 7, homeVisit: 21, firstReference: 35, secondReference: 50, childrenHeard: 40, summary: 60 } as const;
/** How long before the checks the applicants signed their consent. */
const CONSENT_DAYS_BEFORE_CHECK = 5;

const REFERENCES = [
  ['Arbetsgivare', 'Lång och stabil anställning; beskrivs som ansvarstagande och lugn.'],
  ['Vän till familjen sedan tio år', 'Berättar om en varm familj med mycket umgänge och tydliga rutiner.'],
] as const;

export async function loadAssessmentsDemo(context: DemoContext): Promise<void> {
  const { trx, today, unitId } = context;
  const assessors = [context.userIds.get('anna.lind@familjehem-norra.se')!, context.userIds.get('erik.berg@familjehem-norra.se')!];
  const families = await trx
    .selectFrom('recruitments as r')
    .innerJoin('foster_homes as h', 'h.id', 'r.foster_home_id')
    .innerJoin('recruitment_events as e', (join) => join.onRef('e.recruitment_id', '=', 'r.id').on('e.kind', '=', 'step_entered').on('e.step', '=', 'assessment'))
    .select(['r.id', 'r.foster_home_id', 'r.step', 'r.step_entered_on', 'h.name', 'e.occurred_on as assessment_entered_on'])
    .where('r.owner_org_id', '=', unitId)
    .where('r.step', 'in', ['assessment', 'decision'])
    .where('r.left_on', 'is', null)
    .orderBy('h.name')
    .execute();
  const members = families.length === 0
    ? []
    : await trx
        .selectFrom('household_members')
        .select(['id', 'foster_home_id', 'given_name', 'role'])
        .where('foster_home_id', 'in', families.map((f) => f.foster_home_id))
        .orderBy('given_name')
        .execute();

  for (const [index, family] of families.entries()) {
    const assessor = assessors[index % assessors.length]!;
    const startedOn = addDays(family.assessment_entered_on, 3);
    // A study sent for decision was finished by the day it was sent; one under way, by today.
    const sentOn = family.step === 'decision' ? family.step_entered_on : null;
    const doneBy = sentOn ?? today;
    // What was planned after the day a study was sent was done by then; under way, it is still to come.
    const plannedOn = (days: number) => {
      const on = addDays(startedOn, days);
      return on <= doneBy ? on : sentOn;
    };
    const adults = members.filter((m) => m.foster_home_id === family.foster_home_id && m.role === 'adult');
    const children = members.filter((m) => m.foster_home_id === family.foster_home_id && m.role === 'child');
    const hasSummary = sentOn !== null || daysBetween(startedOn, today) >= SCHEDULE.summary;
    const assessment = await trx
      .insertInto('home_assessments')
      .values({
        owner_org_id: unitId,
        recruitment_id: family.id,
        foster_home_id: family.foster_home_id,
        assessor_id: assessor,
        method: 'kalvesten',
        started_on: startedOn,
        summary: hasSummary
          ? `${family.name} har genomgått utredning enligt Kälvestens metod. Familjen visar god förmåga att ge ett barn trygghet och att samarbeta med barnets nätverk.`
          : null,
        recommendation: hasSummary ? 'approve' : null,
        sent_for_decision_on: sentOn,
        version: 1 + (hasSummary ? 1 : 0) + (sentOn ? 1 : 0),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = { owner_org_id: unitId, assessment_id: assessment.id, recorded_by: assessor };

    const adultNames = adults.map((a) => a.given_name).join(' och ');
    const activities = [
      { kind: 'interview', on: plannedOn(SCHEDULE.interview), participants: adultNames, note: 'Första intervjun om familjens bakgrund och motiv.' },
      { kind: 'home_visit', on: plannedOn(SCHEDULE.homeVisit), participants: 'Hela familjen', note: 'Bostaden har ett eget rum för ett placerat barn.' },
      { kind: 'reference', on: plannedOn(SCHEDULE.firstReference), participants: REFERENCES[0][0], note: REFERENCES[0][1] },
      { kind: 'reference', on: plannedOn(SCHEDULE.secondReference), participants: REFERENCES[1][0], note: REFERENCES[1][1] },
    ].flatMap((a) => (a.on ? [{ ...base, kind: a.kind, occurred_on: a.on, participants: a.participants, note: a.note }] : []));
    if (activities.length > 0) await trx.insertInto('assessment_activities').values(activities).execute();

    const checkedOn = sentOn ? addDays(sentOn, -30) : plannedOn(SCHEDULE.registerChecks);
    if (checkedOn) {
      // Extracts older than the policy's 90 days are taken again, all but the first adult's
      // belastningsregister extract, which is left stale so that the checklist shows it.
      const renewedOn = sentOn === null && daysBetween(checkedOn, today) > 90 ? addDays(today, -14) : null;
      const check = (memberId: string, register: (typeof REGISTERS)[number], on: IsoDate, note: string | null = null) => ({
        ...base,
        household_member_id: memberId,
        register,
        consent_given_on: addDays(on, -CONSENT_DAYS_BEFORE_CHECK),
        checked_on: on,
        result: note ? 'entries_found' : 'no_entries',
        note,
      });
      const checks = adults.flatMap((adult, adultIndex) =>
        REGISTERS.flatMap((register) => {
          const first = check(adult.id, register, checkedOn);
          const keptStale = adultIndex === 0 && register === 'conviction_register';
          return renewedOn && !keptStale ? [first, check(adult.id, register, renewedOn)] : [first];
        }),
      );
      // One family has a settled debt with Kronofogden: an entry the assessor judges unimportant.
      if (index === 1 && adults[0]) {
        const kronofogden = checks.findIndex((c) => c.household_member_id === adults[0]!.id && c.register === 'enforcement_authority');
        checks[kronofogden] = check(adults[0].id, 'enforcement_authority', checkedOn, 'En skuld från 2019 som är betald; inga pågående ärenden.');
      }
      await trx.insertInto('register_checks').values(checks).execute();
    }

    const heardOn = plannedOn(SCHEDULE.childrenHeard);
    if (heardOn && children.length > 0) {
      await trx
        .insertInto('children_heard')
        .values(children.map((child) => ({ ...base, household_member_id: child.id, heard_on: heardOn, note: `${child.given_name} är positiv till att familjen tar emot ett barn.` })))
        .execute();
    }
  }
}
