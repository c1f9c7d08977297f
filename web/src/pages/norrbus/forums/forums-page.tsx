import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { ErrorAlert, Loading } from '../../../components/page-states';
import { useViewer } from '../../../components/viewer-context';
import { compareSv, formatDate } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ActionStatus } from './forum-actions';
import { LocalForumsQuery, type ForumSummary, type UpcomingAction } from './operations';
import './forums.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; forums: ForumSummary[]; actions: UpcomingAction[] };

/** Who may set up a forum; the server decides whether the organisation belongs to a municipality. */
const CREATOR_ROLES = ['HEAD_OF_UNIT', 'ADMINISTRATOR', 'NORRBUS_CONVENER'];

/**
 * /forum?lansdel=Malmfälten — every Forum barn och unga, optionally in one county part, and the
 * open actions of the forums the viewer's organisation takes part in.
 */
export function ForumsPage() {
  useDocumentTitle('Forum barn och unga');
  const viewer = useViewer();
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const countyPart = params.get('lansdel') ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(
    () =>
      startQuery(
        LocalForumsQuery,
        {},
        (data) => setState({ status: 'ready', forums: data.localForums, actions: data.upcomingLocalForumActions }),
        (message) => setState({ status: 'error', message }),
      ),
    [],
  );
  const mayCreate = viewer.roles.some((role) => CREATOR_ROLES.includes(role));
  return (
    <>
      <h1>Forum barn och unga</h1>
      <p className="lead">Kommunernas stående forum i Norrbus för dialog om läget för barn och unga. Forumen diskuterar läget i kommunen, aldrig enskilda barn.</p>
      {mayCreate && (
        <p>
          <Link to="/forum/nytt" className="button">
            Inrätta ett forum
          </Link>
        </p>
      )}
      {state.status === 'loading' && <Loading>Hämtar forumen…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && (
        <>
          <div className="filters" role="search" aria-label="Filtrera forum">
            <div className="field">
              <label htmlFor={filterId}>Länsdel</label>
              <select id={filterId} value={countyPart} onChange={(e) => setParams(e.target.value ? { lansdel: e.target.value } : {})}>
                <option value="">Alla länsdelar</option>
                {[...new Set(state.forums.flatMap((f) => (f.countyPart ? [f.countyPart] : [])))].sort(compareSv).map((part) => (
                  <option key={part} value={part}>
                    {part}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <ForumTable forums={state.forums.filter((f) => !countyPart || f.countyPart === countyPart)} />
          <UpcomingActions actions={state.actions} />
        </>
      )}
    </>
  );
}

function ForumTable({ forums }: { forums: ForumSummary[] }) {
  return (
    <DataTable caption={`Forum (${forums.length})`} className="data-table forum-table">
      <thead>
        <tr>
          <th scope="col">Forum</th>
          <th scope="col">Kommun</th>
          <th scope="col">Länsdel</th>
          <th scope="col">Sammankallande</th>
          <th scope="col">Mötesplan</th>
          <th scope="col">Senaste möte</th>
          <th scope="col" className="numeric">
            Medlemmar
          </th>
          <th scope="col" className="numeric">
            Öppna åtgärder
          </th>
        </tr>
      </thead>
      <tbody>
        {forums.length === 0 && <EmptyRow columns={8}>Inga forum.</EmptyRow>}
        {forums.map((forum) => {
          const overdue = forum.openActions.filter((a) => a.overdue).length;
          return (
            <tr key={forum.id}>
              <th scope="row">
                <Link to={`/forum/${forum.id}`}>{forum.name}</Link>
              </th>
              <td>{forum.municipality.name}</td>
              <td>{forum.countyPart ?? '–'}</td>
              <td>{forum.convener.name}</td>
              <td>{forum.meetingSchedule}</td>
              <td>{formatDate(forum.meetings[0]?.heldOn)}</td>
              <td className="numeric">{forum.members.filter((m) => m.leftOn === null).length}</td>
              <td className="numeric">
                {forum.openActions.length}
                {overdue > 0 && <span className="forum-overdue"> ({overdue} försenade)</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}

function UpcomingActions({ actions }: { actions: UpcomingAction[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="forum-section">
      <h2 id={headingId}>Öppna åtgärder i dina forum</h2>
      <p className="muted">Åtgärder som inte är klara i de forum din organisation inrättat, är sammankallande för eller är medlem i. Försenade först.</p>
      <DataTable caption="Öppna åtgärder" captionHidden className="data-table">
        <thead>
          <tr>
            <th scope="col">Åtgärd</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Klar senast</th>
            <th scope="col">Forum</th>
          </tr>
        </thead>
        <tbody>
          {actions.length === 0 && <EmptyRow columns={4}>Inga öppna åtgärder.</EmptyRow>}
          {actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">{action.action}</th>
              <td>{action.responsible}</td>
              <td>
                <ActionStatus action={action} />
              </td>
              <td>
                <Link to={`/forum/${action.forum.id}`}>{action.forum.name}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
