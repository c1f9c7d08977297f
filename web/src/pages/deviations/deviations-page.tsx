import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, FilterActions } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatDate, formatNumber } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DEVIATION_CATEGORY_LABELS, DEVIATION_LEVEL_LABELS, DEVIATION_STATUS_LABELS } from './labels';
import {
  DEVIATION_CATEGORIES,
  DEVIATION_LEVELS,
  DEVIATION_STATUSES,
  DeviationsQuery,
  type DeviationCategory,
  type DeviationLevel,
  type DeviationStatus,
  type DeviationSummary,
  type OrganisationOption,
} from './operations';
import { ReportDeviationForm } from './report-deviation-form';
import './deviations.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; deviations: DeviationSummary[]; organisations: OrganisationOption[] };

/** A filter value from the query string, if it is one of the allowed values. */
function param<Value extends string>(params: URLSearchParams, name: string, values: readonly Value[]): Value | null {
  const value = params.get(name);
  return values.find((v) => v === value) ?? null;
}

function SelectFilter<Value extends string>({ label, value, values, labels, onChange }: { label: string; value: string; values: readonly Value[]; labels: Record<Value, string>; onChange: (value: string) => void }) {
  return (
    <Field label={label}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Alla</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {labels[v]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * /avvikelser — the deviations the organisation reported, is the municipality of or is a party
 * to, with status and level, filterable; and the form to report one (from a meeting's page the
 * link brings the meeting along as ?mote=).
 */
export function DeviationsPage() {
  useDocumentTitle('Avvikelser');
  const [params, setParams] = useSearchParams();
  const status = param<DeviationStatus>(params, 'status', DEVIATION_STATUSES);
  const level = param<DeviationLevel>(params, 'niva', DEVIATION_LEVELS);
  const category = param<DeviationCategory>(params, 'kategori', DEVIATION_CATEGORIES);
  const meetingId = params.get('mote');
  const [draft, setDraft] = useState({ status: status ?? '', niva: level ?? '', kategori: category ?? '' });
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      DeviationsQuery,
      { filter: { status, level, category } },
      ({ deviations, organisations }) => setState({ status: 'ready', deviations, organisations }),
      (message) => setState({ status: 'error', message }),
    );
  }, [status, level, category, attempt]);

  // From a meeting's page the link lands on the report form.
  const ready = state.status === 'ready';
  useEffect(() => {
    if (ready && meetingId) document.getElementById('rapportera')?.scrollIntoView();
  }, [ready, meetingId]);

  function applyFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== '')));
  }
  const filtered = status !== null || level !== null || category !== null;

  return (
    <div className="deviations-area">
      <h1>Avvikelser</h1>
      <p className="lead">
        Avvikelser från Norrbus rutiner som din organisation har rapporterat, är berörd av eller är kommun för. Varje berörd part analyserar; det som lyfts över lokal nivå är
        avidentifierat.
      </p>
      <p>
        <a href="#rapportera">Rapportera en avvikelse</a> · <Link to="/oenigheter">Oenigheter</Link>
      </p>
      <form className="filters" aria-label="Urval" onSubmit={applyFilter}>
        <SelectFilter label="Status" value={draft.status} values={DEVIATION_STATUSES} labels={DEVIATION_STATUS_LABELS} onChange={(v) => setDraft({ ...draft, status: v })} />
        <SelectFilter label="Nivå" value={draft.niva} values={DEVIATION_LEVELS} labels={DEVIATION_LEVEL_LABELS} onChange={(v) => setDraft({ ...draft, niva: v })} />
        <SelectFilter label="Kategori" value={draft.kategori} values={DEVIATION_CATEGORIES} labels={DEVIATION_CATEGORY_LABELS} onChange={(v) => setDraft({ ...draft, kategori: v })} />
        <FilterActions
          submitLabel="Visa"
          onClear={
            filtered
              ? () => {
                  setDraft({ status: '', niva: '', kategori: '' });
                  setParams({});
                }
              : undefined
          }
        />
      </form>

      {state.status === 'loading' && <Loading>Hämtar avvikelserna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && (
        <>
          <p role="status" className="result-count">
            {formatNumber(state.deviations.length)} avvikelser
          </p>
          <DeviationTable deviations={state.deviations} />
          <div id="rapportera">
            <ReportDeviationForm organisations={state.organisations} meetingId={meetingId} />
          </div>
        </>
      )}
    </div>
  );
}

function DeviationTable({ deviations }: { deviations: DeviationSummary[] }) {
  return (
    <DataTable caption="Avvikelser, nyast först">
      <thead>
        <tr>
          <th scope="col">Kategori</th>
          <th scope="col">Inträffade</th>
          <th scope="col">Kommun</th>
          <th scope="col">Rapporterad av</th>
          <th scope="col">Nivå</th>
          <th scope="col">Status</th>
          <th scope="col">Att göra</th>
        </tr>
      </thead>
      <tbody>
        {deviations.length === 0 && <EmptyRow columns={7}>Inga avvikelser.</EmptyRow>}
        {deviations.map((d) => (
          <tr key={d.id}>
            <th scope="row">
              <Link to={`/avvikelser/${encodeURIComponent(d.id)}`}>{DEVIATION_CATEGORY_LABELS[d.category]}</Link>
            </th>
            <td className="tabular">{formatDate(d.occurredOn)}</td>
            <td>{d.municipality.name}</td>
            <td>{d.reportingOrganisation.name}</td>
            <td>{DEVIATION_LEVEL_LABELS[d.level]}</td>
            <td>
              <span className={`badge deviation-status deviation-status--${d.status.toLowerCase()}`}>{DEVIATION_STATUS_LABELS[d.status]}</span>
            </td>
            <td>{d.actions.includes('ANALYSE') ? 'Er analys saknas' : d.actions.length > 0 ? 'Hantera' : '–'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
