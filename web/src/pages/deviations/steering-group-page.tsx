import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatDate, formatNumber } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActionForm } from './action-form';
import { countyPartLabel, DEVIATION_CATEGORY_LABELS, DEVIATION_LEVEL_LABELS, DEVIATION_STATUS_LABELS, DISPUTE_STATUS_LABELS, DISPUTE_SUBJECT_LABELS } from './labels';
import {
  DecideDeviationActionAtCountyMutation,
  DEVIATION_CATEGORIES,
  ResolveDisputeAtCountyMutation,
  SteeringGroupQuery,
  type DeviationCategory,
  type SteeringGroupDeviation,
  type SteeringGroupDeviationOverview,
  type SteeringGroupDispute,
} from './operations';
import { PositionList } from './position-list';
import './deviations.css';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; overview: SteeringGroupDeviationOverview; disputes: SteeringGroupDispute[] };

/** The query string of a drill-down: a county part and/or a category. */
function drillDown(countyPart: string | null, category: DeviationCategory | null): string {
  const params = new URLSearchParams();
  if (countyPart !== null) params.set('lansdel', countyPart);
  if (category !== null) params.set('kategori', category);
  const query = params.toString();
  return query ? `?${query}` : '?';
}

/**
 * /styrgrupp/avvikelser — the steering group's view: the deviations escalated above the local
 * level, counted per county part and category (click a cell to list them), de-identified; its
 * decisions at county level; and the disputes escalated to the county, with their outcome.
 */
export function SteeringGroupPage() {
  useDocumentTitle('Styrgruppen: avvikelser och oenigheter');
  const ids = { matrix: useId(), list: useId(), disputes: useId() };
  const [params] = useSearchParams();
  const countyPart = params.get('lansdel');
  const category = DEVIATION_CATEGORIES.find((c) => c === params.get('kategori')) ?? null;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [message, announce] = useAnnouncement();

  useEffect(
    () =>
      startQuery(
        SteeringGroupQuery,
        { filter: { countyPart, category } },
        ({ steeringGroupDeviations, steeringGroupDisputes }) => setState({ status: 'ready', overview: steeringGroupDeviations, disputes: steeringGroupDisputes }),
        (text) => setState({ status: 'error', message: text }),
      ),
    [countyPart, category, attempt],
  );

  const saved = useCallback(
    (text: string) => () => {
      announce(text);
      setAttempt((n) => n + 1);
    },
    [announce],
  );

  const filterText = [countyPart, category ? DEVIATION_CATEGORY_LABELS[category].toLowerCase() : null].filter(Boolean).join(', ');

  return (
    <div className="deviations-area">
      <h1>Styrgruppen: avvikelser och oenigheter</h1>
      <p className="lead">
        Avvikelser som lyfts över lokal nivå och oenigheter som lyfts till länsnivå i Samverkansstruktur målgrupp barn och unga. Allt är avidentifierat: ingen person, inget möte,
        ingen beskrivning, bara den godkända sammanfattningen och besluten.
      </p>
      <Announcement message={message} />
      {state.status === 'loading' && <Loading>Hämtar avvikelserna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby={ids.matrix}>
            <h2 id={ids.matrix}>Per länsdel och kategori</h2>
            <CountTable overview={state.overview} countyPart={countyPart} category={category} />
          </section>
          <section aria-labelledby={ids.list}>
            <h2 id={ids.list}>{filterText ? `Avvikelser: ${filterText}` : 'Alla lyfta avvikelser'}</h2>
            <p role="status" className="result-count">
              {formatNumber(state.overview.deviations.length)} av {formatNumber(state.overview.total)} avvikelser
              {filterText && (
                <>
                  {' '}
                  · <Link to="?">Visa alla</Link>
                </>
              )}
            </p>
            <ul className="steering-list">
              {state.overview.deviations.map((deviation) => (
                <SteeringDeviation key={deviation.id} deviation={deviation} onSaved={saved('Styrgruppens beslut är registrerat.')} />
              ))}
            </ul>
          </section>
          <section aria-labelledby={ids.disputes}>
            <h2 id={ids.disputes}>Oenigheter på länsnivå</h2>
            {state.disputes.length === 0 && <p>Inga oenigheter är lyfta till länsnivå.</p>}
            <ul className="steering-list">
              {state.disputes.map((dispute) => (
                <SteeringDispute key={dispute.id} dispute={dispute} onSaved={saved('Styrgruppens avgörande är registrerat.')} />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}

/** Counts per county part (rows) × category (columns); each count links to the list it counts. */
function CountTable({ overview, countyPart, category }: { overview: SteeringGroupDeviationOverview; countyPart: string | null; category: DeviationCategory | null }) {
  const sum = (cells: SteeringGroupDeviationOverview['cells']) => cells.reduce((total, c) => total + c.count, 0);
  const partCount = (part: string | null, cat: DeviationCategory | null) => sum(overview.cells.filter((c) => c.countyPart === part && (cat === null || c.category === cat)));
  const cellLink = (part: string | null, cat: DeviationCategory | null) => {
    const value = partCount(part, cat);
    const current = part === countyPart && cat === category;
    return (
      <Link
        to={drillDown(part, cat)}
        aria-label={`${countyPartLabel(part)}, ${cat ? DEVIATION_CATEGORY_LABELS[cat] : 'alla kategorier'}: ${value}`}
        aria-current={current ? 'true' : undefined}
        className={current ? 'drill-cell drill-cell--current' : 'drill-cell'}
      >
        {formatNumber(value)}
      </Link>
    );
  };
  const parts = [...new Set(overview.cells.map((c) => c.countyPart))];
  return (
    <DataTable caption="Lyfta avvikelser per länsdel och kategori. Välj ett antal för att se avvikelserna." className="data-table drill-table">
      <thead>
        <tr>
          <th scope="col">Länsdel</th>
          {DEVIATION_CATEGORIES.map((cat) => (
            <th key={cat} scope="col" className="numeric">
              <Link to={drillDown(null, cat)}>{DEVIATION_CATEGORY_LABELS[cat]}</Link>
            </th>
          ))}
          <th scope="col" className="numeric">
            Totalt
          </th>
        </tr>
      </thead>
      <tbody>
        {parts.map((part) => (
          <tr key={part ?? 'none'}>
            <th scope="row">
              <Link to={drillDown(part, null)}>{countyPartLabel(part)}</Link>
            </th>
            {DEVIATION_CATEGORIES.map((cat) => (
              <td key={cat} className="numeric">
                {cellLink(part, cat)}
              </td>
            ))}
            <td className="numeric">{cellLink(part, null)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Hela länet</th>
          {DEVIATION_CATEGORIES.map((cat) => (
            <td key={cat} className="numeric">
              {formatNumber(sum(overview.cells.filter((c) => c.category === cat)))}
            </td>
          ))}
          <td className="numeric">{formatNumber(overview.total)}</td>
        </tr>
      </tfoot>
    </DataTable>
  );
}

function SteeringDeviation({ deviation, onSaved }: { deviation: SteeringGroupDeviation; onSaved: () => void }) {
  const decides = deviation.level === 'COUNTY' && deviation.status !== 'CLOSED' && deviation.status !== 'REPORTED';
  return (
    <li className="panel steering-item">
      <h3>
        {DEVIATION_CATEGORY_LABELS[deviation.category]}, {deviation.municipality.name}
      </h3>
      <p className="muted">
        {countyPartLabel(deviation.countyPart)} · inträffade {formatDate(deviation.occurredOn)} · rapporterad {formatDate(deviation.reportedOn)} · {DEVIATION_LEVEL_LABELS[deviation.level]} ·{' '}
        {DEVIATION_STATUS_LABELS[deviation.status]}
        {deviation.closedOn && ` ${formatDate(deviation.closedOn)}`}
      </p>
      <p className="deviation-text">{deviation.clearedSummary ?? 'Ingen godkänd sammanfattning.'}</p>
      {deviation.decisions.length > 0 && (
        <ul className="decision-list">
          {deviation.decisions.map((d, index) => (
            <li key={index}>
              <strong>
                {DEVIATION_LEVEL_LABELS[d.level]} {formatDate(d.decidedOn)}:
              </strong>{' '}
              {d.decision}
            </li>
          ))}
        </ul>
      )}
      {decides && (
        <ActionForm
          heading="Styrgruppens beslut om åtgärd"
          hint="Utan namn och personnummer."
          textLabel="Beslut"
          submitLabel="Registrera beslut"
          notBefore={deviation.reportedOn}
          mutation={DecideDeviationActionAtCountyMutation}
          input={(decision, occurredOn) => ({ deviationId: deviation.id, decision, occurredOn })}
          onSaved={onSaved}
        />
      )}
    </li>
  );
}

function SteeringDispute({ dispute, onSaved }: { dispute: SteeringGroupDispute; onSaved: () => void }) {
  return (
    <li className="panel steering-item">
      <h3>
        {dispute.intervention} ({DISPUTE_SUBJECT_LABELS[dispute.subject].toLowerCase()}), {dispute.municipality.name}
      </h3>
      <p className="muted">
        {countyPartLabel(dispute.countyPart)} · togs upp {formatDate(dispute.raisedOn)} · {DISPUTE_STATUS_LABELS[dispute.status]}
        {dispute.resolvedOn && ` ${formatDate(dispute.resolvedOn)}`}
      </p>
      <p className="deviation-text">{dispute.question}</p>
      <PositionList positions={dispute.positions} />
      {dispute.outcome && (
        <p>
          <strong>Utfall:</strong> {dispute.outcome}
        </p>
      )}
      {dispute.status === 'OPEN' && (
        <ActionForm
          heading="Styrgruppens avgörande"
          hint="Utan namn och personnummer."
          textLabel="Utfall"
          submitLabel="Registrera avgörande"
          notBefore={dispute.raisedOn}
          mutation={ResolveDisputeAtCountyMutation}
          input={(outcome, occurredOn) => ({ disputeId: dispute.id, outcome, occurredOn })}
          onSaved={onSaved}
        />
      )}
    </li>
  );
}
