import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import type { FollowUpKind } from './policy.js';
import type { CarePlacement, FollowUpDone, FollowUpLegalBasis } from './schedule.js';

/** A placed child of the acting municipality with every placement, as the schedule needs them. */
export interface CareRecord {
  readonly childId: string;
  readonly ownerId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly workerId: string | null;
  readonly workerName: string | null;
  /** Oldest first. */
  readonly placements: CarePlacement[];
}

export type CareSelection =
  | { readonly childIds: readonly string[] }
  /** The children placed on the day, optionally only one social worker's. */
  | { readonly placedOn: IsoDate; readonly workerId: string | null };

/**
 * The selected children of the acting municipality with all their placements and each
 * placement's legal basis, in one statement (placements, children, decisions and workers joined).
 */
export async function loadCareRecords(session: Session, selection: CareSelection): Promise<CareRecord[]> {
  if ('childIds' in selection && selection.childIds.length === 0) return [];
  let query = session.db
    .selectFrom('placements as p')
    .innerJoin('children as c', 'c.id', 'p.child_id')
    .leftJoin('placement_decisions as d', 'd.id', 'p.decision_id')
    .leftJoin('users as w', 'w.id', 'c.assigned_worker_id')
    .select([
      'c.id as child_id',
      'c.owner_org_id',
      'c.given_name',
      'c.family_name',
      'c.assigned_worker_id',
      'w.display_name as worker_name',
      'p.id as placement_id',
      'p.foster_home_id',
      'p.starts_on',
      'p.ended_on',
      'p.care_plan_on',
      'd.legal_basis',
    ])
    // The unit sees placements in its homes; the follow-up is the placing municipality's alone.
    .where('c.owner_org_id', '=', session.actor.organisationId);
  if ('childIds' in selection) {
    query = query.where('c.id', 'in', [...selection.childIds]);
  } else {
    const { placedOn, workerId } = selection;
    query = query.where('c.id', 'in', (eb) =>
      eb
        .selectFrom('placements as current')
        .select('current.child_id')
        .where('current.starts_on', '<=', placedOn)
        .where((inner) => inner.or([inner('current.ended_on', 'is', null), inner('current.ended_on', '>', placedOn)])),
    );
    if (workerId) query = query.where('c.assigned_worker_id', '=', workerId);
  }
  const rows = await query.orderBy('c.family_name').orderBy('c.given_name').orderBy('c.id').orderBy('p.starts_on').execute();
  const records = new Map<string, CareRecord>();
  for (const row of rows) {
    let record = records.get(row.child_id);
    if (!record) {
      record = {
        childId: row.child_id,
        ownerId: row.owner_org_id,
        givenName: row.given_name,
        familyName: row.family_name,
        workerId: row.assigned_worker_id,
        workerName: row.worker_name,
        placements: [],
      };
      records.set(row.child_id, record);
    }
    record.placements.push({
      id: row.placement_id,
      fosterHomeId: row.foster_home_id,
      startsOn: row.starts_on,
      endedOn: row.ended_on,
      legalBasis: row.legal_basis as FollowUpLegalBasis | null,
      carePlanOn: row.care_plan_on,
    });
  }
  return [...records.values()];
}

/** Every follow-up done in the given placements, with who recorded it, in one statement. */
export async function loadFollowUpsDone(session: Session, placementIds: readonly string[]): Promise<FollowUpDone[]> {
  if (placementIds.length === 0) return [];
  const rows = await session.db
    .selectFrom('follow_ups as f')
    .leftJoin('users as u', 'u.id', 'f.recorded_by')
    .select(['f.id', 'f.placement_id', 'f.kind', 'f.due_on', 'f.done_on', 'f.recorded_by', 'u.display_name', 'f.talked_alone', 'f.note'])
    .where('f.placement_id', 'in', [...placementIds])
    .orderBy('f.done_on')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    placementId: row.placement_id,
    kind: row.kind as FollowUpKind,
    dueOn: row.due_on,
    doneOn: row.done_on,
    doneById: row.recorded_by,
    // A colleague who has left the municipality is no longer visible by name (RLS on users).
    doneByName: row.display_name ?? 'tidigare medarbetare',
    talkedAlone: row.talked_alone,
    note: row.note,
  }));
}

/** The follow-ups done, grouped by child. */
export function doneByChild(records: readonly CareRecord[], done: readonly FollowUpDone[]): Map<string, FollowUpDone[]> {
  const childOf = new Map(records.flatMap((record) => record.placements.map((placement) => [placement.id, record.childId] as const)));
  const grouped = new Map<string, FollowUpDone[]>(records.map((record) => [record.childId, []]));
  for (const item of done) grouped.get(childOf.get(item.placementId)!)!.push(item);
  return grouped;
}
