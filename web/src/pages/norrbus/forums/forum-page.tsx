import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { BackLink } from '../../../components/back-link';
import { DataTable } from '../../../components/data-table';
import { PageLoadState, type UnreadyState } from '../../../components/page-states';
import { formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ForumActionsTable } from './forum-actions';
import { LocalForumQuery, type ForumDetails, type ForumMeeting } from './operations';
import './forums.css';

type State = UnreadyState | { status: 'ready'; forum: ForumDetails };

/** Loads a forum by the route's id; `reload` fetches it again after a change. */
export function useForum(id: string) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      startQuery(
        LocalForumQuery,
        { id },
        ({ localForum }) => setState(localForum ? { status: 'ready', forum: localForum } : { status: 'not-found' }),
        (message) => setState({ status: 'error', message }),
      ),
    [id, attempt],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}

export function ForumLoadState({ state, onRetry }: { state: UnreadyState; onRetry: () => void }) {
  return (
    <PageLoadState
      state={state}
      backLink={<BackLink to="/forum">Forum barn och unga</BackLink>}
      loading="Hämtar forumet…"
      errorHeading="Forum barn och unga"
      notFoundHeading="Forumet finns inte"
      notFound="Forumet finns inte, eller så har du inte behörighet att se det."
      onRetry={onRetry}
    />
  );
}

/** /forum/:id — a forum's members, open actions and meetings with their minutes. */
export function ForumRoute() {
  const { id = '' } = useParams();
  const { state, reload } = useForum(id);
  useDocumentTitle(state.status === 'ready' ? state.forum.name : 'Forum barn och unga');
  if (state.status !== 'ready') return <ForumLoadState state={state} onRetry={reload} />;
  return <ForumPage forum={state.forum} reload={reload} />;
}

function ForumPage({ forum, reload }: { forum: ForumDetails; reload: () => void }) {
  const membersId = useId();
  const actionsId = useId();
  const meetingsId = useId();
  return (
    <>
      <BackLink to="/forum">Forum barn och unga</BackLink>
      <div className="page-title">
        <h1>{forum.name}</h1>
        {forum.canRecordMeetings && (
          <Link to={`/forum/${forum.id}/nytt-mote`} className="button">
            Protokollför möte
          </Link>
        )}
      </div>
      <dl className="facts panel">
        <dt>Kommun</dt>
        <dd>{forum.municipality.name}</dd>
        <dt>Länsdel</dt>
        <dd>{forum.countyPart ?? '–'}</dd>
        <dt>Sammankallande</dt>
        <dd>{forum.convener.name}</dd>
        <dt>Inrättat av</dt>
        <dd>{forum.owner.name}</dd>
        <dt>Mötesplan</dt>
        <dd>{forum.meetingSchedule}</dd>
      </dl>

      <section aria-labelledby={membersId} className="forum-section">
        <h2 id={membersId}>Medlemmar</h2>
        <DataTable caption="Medlemmar" captionHidden className="data-table">
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">På plattformen</th>
              <th scope="col">Medlem från</th>
              <th scope="col">Lämnade</th>
            </tr>
          </thead>
          <tbody>
            {forum.members.map((member) => (
              <tr key={member.id}>
                <th scope="row">{member.name}</th>
                <td>{member.organisation ? 'Ja' : 'Nej, namngiven'}</td>
                <td>{formatDate(member.joinedOn)}</td>
                <td>{formatDate(member.leftOn)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby={actionsId} className="forum-section">
        <h2 id={actionsId}>Öppna åtgärder</h2>
        <ForumActionsTable caption="Öppna åtgärder, försenade först" actions={forum.openActions} onChanged={reload} />
      </section>

      <section aria-labelledby={meetingsId} className="forum-section">
        <h2 id={meetingsId}>Möten och protokoll</h2>
        {forum.meetings.length === 0 && <p className="muted">Inga möten är protokollförda ännu.</p>}
        {forum.meetings.map((meeting) => (
          <MeetingMinutes key={meeting.id} meeting={meeting} reload={reload} />
        ))}
      </section>
    </>
  );
}

function MeetingMinutes({ meeting, reload }: { meeting: ForumMeeting; reload: () => void }) {
  const headingId = useId();
  return (
    <article className="panel forum-meeting" aria-labelledby={headingId}>
      <h3 id={headingId}>Möte {formatDate(meeting.heldOn)}</h3>
      <p className="muted">
        Protokollfört av {meeting.recordedBy.name}
        {meeting.recordedByName ? ` (${meeting.recordedByName})` : ''}
      </p>
      <h4>Ämnen</h4>
      <ul>
        {meeting.topics.map((topic, i) => (
          <li key={`${topic}-${i}`}>{topic}</li>
        ))}
      </ul>
      <h4>Protokoll</h4>
      <p className="forum-minutes">{meeting.minutes}</p>
      <ForumActionsTable caption={`Åtgärder från mötet ${formatDate(meeting.heldOn)}`} actions={meeting.actions} onChanged={reload} />
    </article>
  );
}
