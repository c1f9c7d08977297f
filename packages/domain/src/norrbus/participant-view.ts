import type { Session } from '../access/actor.js';
import type { IsoDate } from '../db/tables.js';
import { daysBetween, todayInSweden } from '../shared/dates.js';
import { commitmentsQuery, toCommitment, type Commitment } from './commitments.js';
import { meetingColumns, toNorrbusMeeting, type NorrbusMeeting } from './meetings.js';
import { auditNorrbusReads, requireNorrbusMember } from './support.js';

/** An åtagande not yet followed up, with how late it is. */
export interface OpenCommitment extends Commitment {
  /** Days past the follow-up date (negative: days left). */
  readonly daysOverdue: number;
  readonly overdue: boolean;
}

/** Each participant's view: the organisation's upcoming meetings and its open åtaganden, overdue first. */
export interface NorrbusOverview {
  readonly organisationId: string;
  readonly day: IsoDate;
  readonly upcomingMeetings: readonly NorrbusMeeting[];
  readonly openCommitments: readonly OpenCommitment[];
}

/** Overdue first (the longest overdue first), then by follow-up date. */
export function byOverdueFirst(a: OpenCommitment, b: OpenCommitment): number {
  return Number(b.overdue) - Number(a.overdue) || a.followUpOn.localeCompare(b.followUpOn) || a.id.localeCompare(b.id);
}

/**
 * What my organisation has in Norrbus: the meetings not yet held that it convenes or is invited
 * to, and the åtaganden it is responsible for that are not yet followed up. Row-level security
 * hides everything about a young person whose consent does not (or no longer) name the organisation.
 */
export async function myNorrbusOverview(session: Session, day: IsoDate = todayInSweden()): Promise<NorrbusOverview> {
  requireNorrbusMember(session.actor);
  const organisationId = session.actor.organisationId;
  const meetings = await session.db
    .selectFrom('norrbus_meetings as m')
    .select(meetingColumns.map((column) => `m.${column}` as const))
    .where('m.status', 'in', ['planned', 'invited'])
    .where((eb) =>
      eb.or([
        eb('m.owner_org_id', '=', organisationId),
        eb.exists(eb.selectFrom('norrbus_invitations as i').select('i.meeting_id').whereRef('i.meeting_id', '=', 'm.id').where('i.organisation_id', '=', organisationId)),
      ]),
    )
    .orderBy('m.scheduled_at', (ob) => ob.asc().nullsLast())
    .orderBy('m.initiated_on')
    .execute();
  const commitments = await commitmentsQuery(session).where('c.responsible_org_id', '=', organisationId).where('c.outcome', 'is', null).execute();
  await auditNorrbusReads(
    session,
    [
      ...meetings.map((m) => ({ entityType: 'NorrbusMeeting', entityId: m.id, personId: m.person_id })),
      ...commitments.map((c) => ({ entityType: 'Commitment', entityId: c.id, personId: c.person_id })),
    ],
    'Norrbus: min översikt',
  );
  return {
    organisationId,
    day,
    upcomingMeetings: meetings.map(toNorrbusMeeting),
    openCommitments: commitments
      .map((row) => {
        const daysOverdue = daysBetween(row.follow_up_on, day);
        return { ...toCommitment(row), daysOverdue, overdue: daysOverdue > 0 };
      })
      .sort(byOverdueFirst),
  };
}
