import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { ErrorAlert, Loading } from '../../../components/page-states';
import { useViewer } from '../../../components/viewer-context';
import { formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { dueText, MEETING_STATUS_LABELS, meetingTime, personName } from './labels';
import { NorrbusOverviewQuery } from './operations';
import type { MeetingListItem, NorrbusOverview } from './types';
import './meetings.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; overview: NorrbusOverview; meetings: MeetingListItem[] };

export const meetingPath = (id: string) => `/norrbus/moten/${encodeURIComponent(id)}`;

function MeetingsTable({ caption, meetings, empty }: { caption: string; meetings: MeetingListItem[]; empty: string }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Den unge</th>
          <th scope="col">Tid</th>
          <th scope="col">Sammankallande</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {meetings.length === 0 && <EmptyRow columns={4}>{empty}</EmptyRow>}
        {meetings.map((meeting) => (
          <tr key={meeting.id}>
            <th scope="row">
              <Link to={meetingPath(meeting.id)}>{personName(meeting.person)}</Link>
              {meeting.followUpOf && <span className="facts__sub">Uppföljande möte</span>}
            </th>
            <td className="tabular">{meetingTime(meeting)}</td>
            <td>{meeting.convener.name}</td>
            <td>{MEETING_STATUS_LABELS[meeting.status]}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * /norrbus — each participant's view: my organisation's upcoming Norrbusmöten and the åtaganden we
 * are responsible for that are not yet followed up, overdue first; and the meetings we take part in.
 * A convener starts a new meeting from here.
 */
export function NorrbusOverviewPage() {
  useDocumentTitle('Mina Norrbusmöten och åtaganden');
  const viewer = useViewer();
  const ids = { upcoming: useId(), open: useId(), all: useId() };
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const convener = viewer.roles.includes('NORRBUS_CONVENER');
  const member = convener || viewer.roles.includes('NORRBUS_PARTICIPANT');

  useEffect(() => {
    if (!member) return;
    setState({ status: 'loading' });
    return startQuery(
      NorrbusOverviewQuery,
      {},
      ({ myNorrbusOverview, norrbusMeetings }) => setState({ status: 'ready', overview: myNorrbusOverview, meetings: norrbusMeetings }),
      (message) => setState({ status: 'error', message }),
    );
  }, [attempt, member]);

  if (!member) {
    return (
      <>
        <h1>Mina Norrbusmöten och åtaganden</h1>
        <ErrorAlert message="Norrbusmöten är för sammankallande och deltagare i Norrbus." />
      </>
    );
  }
  const ready = state.status === 'ready' ? state : null;
  const overdueCount = ready?.overview.openCommitments.filter((c) => c.overdue).length ?? 0;

  return (
    <>
      <div className="page-title">
        <h1>Mina Norrbusmöten och åtaganden</h1>
        {convener && (
          <Link className="button" to="/norrbus/moten/ny">
            Nytt Norrbusmöte
          </Link>
        )}
      </div>
      <p className="lead">
        {ready ? `${ready.overview.organisation.name}, ${formatDate(ready.overview.day)}. ` : ''}Det du ser om en ung person visas bara medan ett samtycke som nämner din organisation gäller.
      </p>
      {state.status === 'loading' && <Loading>Hämtar dina möten och åtaganden…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {ready && (
        <>
          <section className="norrbus-section" aria-labelledby={ids.upcoming}>
            <h2 id={ids.upcoming}>Kommande möten</h2>
            <MeetingsTable caption="Möten som ännu inte hållits, närmast först" meetings={ready.overview.upcomingMeetings} empty="Inga kommande möten." />
          </section>
          <section className="norrbus-section" aria-labelledby={ids.open}>
            <h2 id={ids.open}>Våra öppna åtaganden</h2>
            <p role="status" className="result-count">
              {ready.overview.openCommitments.length} öppna åtaganden, varav {overdueCount} försenade.
            </p>
            <DataTable caption="Öppna åtaganden, försenade först">
              <thead>
                <tr>
                  <th scope="col">Den unge</th>
                  <th scope="col">Insats</th>
                  <th scope="col">Omfattning</th>
                  <th scope="col">Följs upp</th>
                  <th scope="col">Läge</th>
                </tr>
              </thead>
              <tbody>
                {ready.overview.openCommitments.length === 0 && <EmptyRow columns={5}>Inga öppna åtaganden.</EmptyRow>}
                {ready.overview.openCommitments.map((commitment) => (
                  <tr key={commitment.id}>
                    <th scope="row">
                      <Link to={meetingPath(commitment.meeting.id)}>{personName(commitment.meeting.person)}</Link>
                    </th>
                    <td>{commitment.intervention}</td>
                    <td>{commitment.extent}</td>
                    <td className="tabular">{formatDate(commitment.followUpOn)}</td>
                    <td className={commitment.overdue ? 'norrbus-overdue' : undefined}>{dueText(commitment)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
          <section className="norrbus-section" aria-labelledby={ids.all}>
            <h2 id={ids.all}>Alla våra möten</h2>
            <MeetingsTable caption="Möten som vi kallar till eller är kallade till, senaste först" meetings={ready.meetings} empty="Inga möten ännu." />
          </section>
        </>
      )}
    </>
  );
}
