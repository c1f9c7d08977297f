import { Link } from 'react-router-dom';

/**
 * For a Norrbus meeting's page: a link to report a deviation about the meeting. The report keeps
 * the meeting (and of the young person only the gender); `meetingId` is the meeting's id as the
 * page holds it (its global id).
 */
export function ReportDeviationLink({ meetingId, children = 'Rapportera en avvikelse om mötet' }: { meetingId: string; children?: string }) {
  return <Link to={`/avvikelser?mote=${encodeURIComponent(meetingId)}#rapportera`}>{children}</Link>;
}
