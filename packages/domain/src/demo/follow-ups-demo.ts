import type { IsoDate } from '../db/tables.js';
import { toFollowUpPolicy, type FollowUpKind, type FollowUpPolicy } from '../follow-ups/policy.js';
import { currentCare, followUpSchedule, type CarePlacement, type FollowUpDone, type FollowUpLegalBasis } from '../follow-ups/schedule.js';
import { addDays, daysBetween } from '../shared/dates.js';
import { JOINT_UNIT_MUNICIPALITIES, type DemoContext } from './demo-data.js';

/** The law's references as each policy period had them; LVU kept its numbering in 2025. */
const OLD_LAW = {
  visit_reference: '6 kap. 7 b § socialtjänstlagen (2001:453)',
  review_reference: '6 kap. 8 § första stycket socialtjänstlagen (2001:453); vid vård enligt 2 § LVU: 13 § första stycket LVU',
  reexamination_reference: '13 § andra stycket LVU',
  custody_transfer_reference: '6 kap. 8 § socialtjänstlagen (2001:453); 13 § LVU',
  care_plan_revision_reference: '11 kap. 3 § socialtjänstlagen (2001:453)',
};
const NEW_LAW = {
  visit_reference: 'Socialtjänstlagen (2025:400): regelbundna besök och enskilda samtal med barnet (förut 6 kap. 7 b § SoL 2001:453)',
  review_reference: 'Socialtjänstlagen (2025:400): övervägande minst var sjätte månad (förut 6 kap. 8 § SoL 2001:453); vid vård enligt 2 § LVU: 13 § första stycket LVU',
  reexamination_reference: '13 § andra stycket LVU',
  custody_transfer_reference: 'Socialtjänstlagen (2025:400): övervägande av vårdnadsöverflyttning (förut 6 kap. 8 § SoL 2001:453); 13 § LVU',
  care_plan_revision_reference: 'Socialtjänstlagen (2025:400): revidering av vårdplanen (förut 11 kap. 3 § SoL 2001:453)',
};

/**
 * Each municipality's policy periods: four visits a year (its own choice since the national advice
 * was removed in 2020), custody transfer considered after three years until the law made it two
 * on 1 July 2022, and the new Socialtjänstlag's references from 1 July 2025, when Nora also chose
 * to visit its placed children every second month.
 */
function policyPeriods(municipalityKey: string) {
  const common = { visit_interval_months: 3, review_interval_months: 6, reexamination_interval_months: 6, custody_transfer_interval_months: 12, care_plan_revision_months: 24 };
  return [
    { valid_from: '2020-01-01', ...common, custody_transfer_after_months: 36, ...OLD_LAW },
    { valid_from: '2022-07-01', ...common, custody_transfer_after_months: 24, ...OLD_LAW },
    { valid_from: '2025-07-01', ...common, custody_transfer_after_months: 24, ...NEW_LAW, ...(municipalityKey === 'nora' ? { visit_interval_months: 2 } : {}) },
  ];
}

const NOTES: Record<FollowUpKind, readonly string[]> = {
  visit: [
    'Besök i familjehemmet. Enskilt samtal med barnet om skolan och umgänget med föräldrarna.',
    'Barnet visade sitt rum och berättade om fritidsaktiviteter. Familjehemmet upplever att vardagen fungerar.',
    'Besök efter skoltid. Barnet vill träffa syskonen oftare; tas upp med föräldrarna.',
  ],
  review: ['Övervägande: vården behövs fortfarande och inriktningen ligger fast.', 'Övervägande: vården behövs; umgänget utökas enligt vårdplanen.'],
  reexamination: ['Omprövning: skälen för vård enligt 3 § LVU kvarstår.'],
  custody_transfer_consideration: ['Vårdnadsöverflyttning övervägd; inte aktuell nu, barnet har nära kontakt med sina föräldrar.'],
  care_plan_revision: ['Vårdplanen reviderad med inriktning på barnets långsiktiga boende.'],
};
const VISIT_WITHOUT_TALK_ALONE = ['Besök i familjehemmet; barnet ville inte samtala enskilt den här gången. Nytt försök vid nästa besök.'];

/**
 * The four municipalities' follow-up policies, and a history of follow-ups for the demo placements
 * made by the child's social worker: most on time, some late, and some overdue today, so every
 * worker's part of the head of unit's view has content.
 */
export async function loadFollowUpsDemo(context: DemoContext): Promise<void> {
  const { trx, next, today } = context;
  const policiesByOwner = new Map<string, FollowUpPolicy[]>();
  for (const municipality of JOINT_UNIT_MUNICIPALITIES) {
    const ownerId = context.organisationIds.get(municipality.key)!;
    const rows = await trx
      .insertInto('follow_up_policies')
      .values(policyPeriods(municipality.key).map((period) => ({ owner_org_id: ownerId, ...period })))
      .returningAll()
      .execute();
    policiesByOwner.set(ownerId, rows.map(toFollowUpPolicy));
  }

  const rows = await trx
    .selectFrom('placements as p')
    .innerJoin('children as c', 'c.id', 'p.child_id')
    .leftJoin('placement_decisions as d', 'd.id', 'p.decision_id')
    .select(['c.id as child_id', 'c.owner_org_id', 'c.assigned_worker_id', 'p.id', 'p.foster_home_id', 'p.starts_on', 'p.ended_on', 'p.care_plan_on', 'd.legal_basis'])
    .where('c.owner_org_id', 'in', [...policiesByOwner.keys()])
    .orderBy('c.id')
    .orderBy('p.starts_on')
    .execute();
  // A child without an assigned social worker is followed up by the municipality's demo social worker.
  const municipalWorkers = new Map(
    (
      await trx
        .selectFrom('memberships')
        .select(['organisation_id', 'user_id'])
        .where('role', '=', 'child_social_worker')
        .where('organisation_id', 'in', [...policiesByOwner.keys()])
        .orderBy('user_id')
        .execute()
    ).map((row) => [row.organisation_id, row.user_id]),
  );
  const children = new Map<string, { ownerId: string; workerId: string; placements: CarePlacement[] }>();
  for (const row of rows) {
    const child = children.get(row.child_id) ?? { ownerId: row.owner_org_id, workerId: row.assigned_worker_id ?? municipalWorkers.get(row.owner_org_id)!, placements: [] };
    children.set(row.child_id, child);
    child.placements.push({ id: row.id, fosterHomeId: row.foster_home_id, startsOn: row.starts_on, endedOn: row.ended_on, legalBasis: row.legal_basis as FollowUpLegalBasis | null, carePlanOn: row.care_plan_on });
  }

  const values: Array<{ owner_org_id: string; placement_id: string; kind: string; due_on: IsoDate; done_on: IsoDate; talked_alone: boolean | null; note: string; recorded_by: string }> = [];
  const workersWithOverdue = new Set<string>();
  /** Per social worker, the placed child's last visit that fell due most lately (its index in `values`). */
  const latestVisit = new Map<string, number>();
  for (const child of children.values()) {
    const care = currentCare(child.placements);
    const ended = care.at(-1)!.endedOn;
    const placedNow = ended === null || ended > today;
    const done: FollowUpDone[] = [];
    let lastVisit: number | null = null;
    // Kinds left undone: a follow-up missed lately is overdue today, and nothing after it is done.
    const missed = new Set<FollowUpKind>();
    for (;;) {
      const item = followUpSchedule({ placements: child.placements, done, policies: policiesByOwner.get(child.ownerId)!, today }).find(
        (candidate) => candidate.done === null && candidate.dueOn <= today && !missed.has(candidate.kind),
      );
      if (!item) break;
      const recent = daysBetween(item.dueOn, today) <= 75;
      const onTime = next() < 0.75;
      const doneOn = [addDays(item.dueOn, onTime ? -Math.floor(next() * 21) : 1 + Math.floor(next() * 40)), item.countedFrom!].sort().at(-1)!;
      if ((recent && next() < 0.25) || doneOn > today || (ended !== null && doneOn >= ended)) {
        missed.add(item.kind);
        if (placedNow && item.dueOn < today) workersWithOverdue.add(child.workerId);
        continue;
      }
      if (item.kind === 'visit') lastVisit = values.length;
      const placement = care.filter((p) => p.startsOn <= doneOn).at(-1) ?? care[0]!;
      const talkedAlone = item.kind === 'visit' ? next() < 0.85 : null;
      const notes = talkedAlone === false ? VISIT_WITHOUT_TALK_ALONE : NOTES[item.kind];
      const note = notes[Math.floor(next() * notes.length)]!;
      done.push({ id: `${values.length}`, placementId: placement.id, kind: item.kind, dueOn: item.dueOn, doneOn, doneById: child.workerId, doneByName: '', talkedAlone, note });
      values.push({ owner_org_id: child.ownerId, placement_id: placement.id, kind: item.kind, due_on: item.dueOn, done_on: doneOn, talked_alone: talkedAlone, note, recorded_by: child.workerId });
    }
    const candidate = latestVisit.get(child.workerId);
    if (placedNow && lastVisit !== null && values[lastVisit]!.due_on < today && (candidate === undefined || values[candidate]!.due_on < values[lastVisit]!.due_on)) {
      latestVisit.set(child.workerId, lastVisit);
    }
  }
  // Every social worker has something overdue today: where chance left all of a worker's placed
  // children up to date, the visit that fell due most lately is left undone.
  const undone = new Set([...latestVisit].filter(([workerId]) => !workersWithOverdue.has(workerId)).map(([, index]) => index));
  const recorded = values.filter((_, index) => !undone.has(index));
  for (let start = 0; start < recorded.length; start += 1000) {
    await trx.insertInto('follow_ups').values(recorded.slice(start, start + 1000)).execute();
  }
}
