import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import type { DashboardFollowUp, FollowUpDashboard, WorkerFollowUps } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { formatDate, formatNumber } from '../../lib/format';
import { FOLLOW_UP_KIND_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FollowUpDashboardQuery } from './operations';
import './follow-ups.css';

const DEFAULT_DAYS = 30;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; dashboard: FollowUpDashboard };

function daysFromParams(params: URLSearchParams): number {
  if (!params.has('dagar')) return DEFAULT_DAYS;
  const days = Number(params.get('dagar'));
  return Number.isInteger(days) && days >= 0 && days <= 365 ? days : DEFAULT_DAYS;
}

const workerName = (group: WorkerFollowUps) => group.worker?.displayName ?? 'Ingen handläggare';

/** The follow-ups of one social worker's children, in a table named by the worker. */
function WorkerTable({ group, items, caption, overdue }: { group: WorkerFollowUps; items: DashboardFollowUp[]; caption: string; overdue: boolean }) {
  return (
    <DataTable caption={`${workerName(group)}: ${caption}`}>
      <thead>
        <tr>
          <th scope="col">Barn</th>
          <th scope="col">Uppföljning</th>
          <th scope="col">{overdue ? 'Förföll' : 'Förfaller'}</th>
          <th scope="col" className="numeric">
            {overdue ? 'Dagar försenad' : 'Dagar kvar'}
          </th>
          <th scope="col">Lagrum</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.child.id}-${item.kind}`}>
            <th scope="row">
              <Link to={`/uppfoljning/barn/${encodeURIComponent(item.child.id)}`}>
                {item.child.givenName} {item.child.familyName}
              </Link>
            </th>
            <td>{FOLLOW_UP_KIND_LABELS[item.kind]}</td>
            <td className="tabular">{formatDate(item.dueOn)}</td>
            <td className={`numeric${overdue ? ' follow-up-late' : ''}`}>{formatNumber(Math.abs(item.daysOverdue))}</td>
            <td>{item.reference}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * /uppfoljning — the head of unit's view of the municipality's placed children: overdue follow-ups
 * first, then those due soon, per social worker, and each worker's caseload. A social worker sees
 * their own children.
 */
export function FollowUpDashboardPage() {
  useDocumentTitle('Uppföljning av placerade barn');
  const ids = { overdue: useId(), soon: useId(), caseload: useId() };
  const [params, setParams] = useSearchParams();
  const withinDays = daysFromParams(params);
  const [daysText, setDaysText] = useState(String(withinDays));
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      FollowUpDashboardQuery,
      { withinDays },
      ({ followUpDashboard }) => setState({ status: 'ready', dashboard: followUpDashboard }),
      (message) => setState({ status: 'error', message }),
    );
  }, [withinDays, attempt]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ dagar: daysText.trim() });
  }

  const dashboard = state.status === 'ready' ? state.dashboard : null;
  const withOverdue = dashboard?.workers.filter((group) => group.overdue.length > 0) ?? [];
  const withDueSoon = dashboard?.workers.filter((group) => group.dueSoon.length > 0) ?? [];

  return (
    <>
      <h1>Uppföljning av placerade barn</h1>
      <p className="lead">
        {dashboard ? `${dashboard.municipality.name}, ${formatDate(dashboard.day)}. ` : ''}Besök, överväganden, omprövningar, vårdnadsöverflyttning och vårdplaner: det som är försenat först,
        sedan det som förfaller snart, per handläggare.
      </p>
      <form className="filters" aria-label="Urval" onSubmit={handleSubmit}>
        <Field label="Förfaller inom antal dagar">
          {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={365} step={1} className="input--short" value={daysText} onChange={(e) => setDaysText(e.target.value)} />}
        </Field>
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            Visa
          </button>
        </div>
      </form>

      <div role="status" className="status-region">
        {state.status === 'loading' && <p className="muted">Hämtar uppföljningen…</p>}
        {dashboard && (
          <p className="result-count">
            {formatNumber(dashboard.caseload)} placerade barn: {formatNumber(dashboard.overdueCount)} försenade uppföljningar och {formatNumber(dashboard.dueSoonCount)} som förfaller inom{' '}
            {dashboard.withinDays} dagar.
          </p>
        )}
      </div>
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}

      {dashboard && (
        <>
          <section className="follow-up-section" aria-labelledby={ids.overdue}>
            <h2 id={ids.overdue}>Försenade uppföljningar</h2>
            {withOverdue.length === 0 && <p>Inga försenade uppföljningar.</p>}
            {withOverdue.map((group) => (
              <WorkerTable key={group.worker?.id ?? 'none'} group={group} items={group.overdue} caption="försenade, äldst först" overdue />
            ))}
          </section>

          <section className="follow-up-section" aria-labelledby={ids.soon}>
            <h2 id={ids.soon}>Förfaller inom {dashboard.withinDays} dagar</h2>
            {withDueSoon.length === 0 && <p>Inget förfaller inom perioden.</p>}
            {withDueSoon.map((group) => (
              <WorkerTable key={group.worker?.id ?? 'none'} group={group} items={group.dueSoon} caption="förfaller snart" overdue={false} />
            ))}
          </section>

          <section className="follow-up-section" aria-labelledby={ids.caseload}>
            <h2 id={ids.caseload}>Ärendemängd per handläggare</h2>
            <DataTable caption="Placerade barn, försenade och snart förfallande uppföljningar per handläggare" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Handläggare</th>
                  <th scope="col" className="numeric">
                    Placerade barn
                  </th>
                  <th scope="col" className="numeric">
                    Försenade
                  </th>
                  <th scope="col" className="numeric">
                    Förfaller snart
                  </th>
                </tr>
              </thead>
              <tbody>
                {dashboard.workers.length === 0 && <EmptyRow columns={4}>Inga placerade barn i dag.</EmptyRow>}
                {dashboard.workers.map((group) => (
                  <tr key={group.worker?.id ?? 'none'}>
                    <th scope="row">{workerName(group)}</th>
                    <td className="numeric">{formatNumber(group.caseload)}</td>
                    <td className="numeric">{formatNumber(group.overdue.length)}</td>
                    <td className="numeric">{formatNumber(group.dueSoon.length)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        </>
      )}
    </>
  );
}
