import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { FOSTER_HOME_KINDS, type FosterHomeKind, type FreePlace, type FreePlaceFilter, type OrganisationRef } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, FilterActions } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { compareSv, formatDate, formatNumber } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, labelOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatAgeRange, formatFreePlaces } from './capacity';
import { FreePlacesQuery, MatchingAreaQuery } from './operations';
import './matching.css';

/** URL query-string keys for the filter. */
const PARAM = { kind: 'typ', age: 'alder', municipality: 'kommun' } as const;

function filterFromParams(params: URLSearchParams): FreePlaceFilter {
  const filter: FreePlaceFilter = {};
  const kind = params.get(PARAM.kind);
  if (kind && (FOSTER_HOME_KINDS as readonly string[]).includes(kind)) filter.kind = kind as FosterHomeKind;
  const age = params.get(PARAM.age);
  if (age && /^\d{1,2}$/.test(age)) filter.childAge = Number(age);
  const municipalityId = params.get(PARAM.municipality);
  if (municipalityId) filter.municipalityId = municipalityId;
  return filter;
}

type ListState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; places: FreePlace[] };

/** Lediga platser: the approved, active homes with places left today, by kind, ages and municipality. */
export function FreePlacesPage() {
  useDocumentTitle('Lediga platser');
  const idPrefix = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(searchParams), [searchParams]);
  const filterKey = JSON.stringify(filter);
  const [ageText, setAgeText] = useState(filter.childAge === undefined ? '' : String(filter.childAge));
  const [ageError, setAgeError] = useState<string | null>(null);
  const [area, setArea] = useState<OrganisationRef[]>([]);
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // The URL changed from outside (back button, shared link): show its age.
  useEffect(() => {
    setAgeText(filter.childAge === undefined ? '' : String(filter.childAge));
  }, [filter.childAge]);

  // Without the list the filter offers all municipalities' homes only; the table still works.
  useEffect(() => startQuery(MatchingAreaQuery, {}, (data) => setArea([...data.matchingArea].sort((a, b) => compareSv(a.name, b.name)))), []);

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      FreePlacesQuery,
      { filter: JSON.parse(filterKey) as FreePlaceFilter },
      ({ freePlaces }) => setState({ status: 'ready', places: freePlaces }),
      (message) => setState({ status: 'error', message }),
    );
  }, [filterKey, attempt]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const age = ageText.trim();
    if (age !== '' && !(/^\d{1,2}$/.test(age) && Number(age) <= 20)) {
      setAgeError('Ange barnets ålder i hela år, 0–20.');
      return;
    }
    setAgeError(null);
    update({ [PARAM.age]: age || null });
  }

  function clear() {
    setAgeText('');
    setAgeError(null);
    setSearchParams(new URLSearchParams());
  }

  const ids = { kind: `${idPrefix}-kind`, municipality: `${idPrefix}-municipality` };
  const places = state.status === 'ready' ? state.places : [];
  const byKind = FOSTER_HOME_KINDS.map((kind) => {
    const ofKind = places.filter((p) => p.kind === kind);
    return { kind, homes: ofKind.length, free: ofKind.reduce((sum, p) => sum + p.freePlaces, 0) };
  }).filter((row) => row.homes > 0);
  const totalFree = places.reduce((sum, p) => sum + p.freePlaces, 0);

  return (
    <>
      <h1>Lediga platser</h1>
      <p className="lead">
        Aktiva familjehem med ett gällande godkännande och lediga platser i dag. Platserna och åldrarna kommer
        från beslutet om godkännande; belagda platser räknas för alla placerande kommuner.
      </p>

      <form role="search" aria-label="Filtrera lediga platser" className="filters filters--free-places" noValidate onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={ids.kind}>Typ av familjehem</label>
          <select id={ids.kind} value={filter.kind ?? ''} onChange={(e) => update({ [PARAM.kind]: e.target.value || null })}>
            <option value="">Alla typer</option>
            {FOSTER_HOME_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {FOSTER_HOME_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Barnets ålder (år)" error={ageError}>
          {(control) => (
            <input {...control} type="number" inputMode="numeric" min={0} max={20} className="input--short" value={ageText} onChange={(e) => setAgeText(e.target.value)} />
          )}
        </Field>
        <div className="field">
          <label htmlFor={ids.municipality}>Kommun där hemmet ligger</label>
          <select id={ids.municipality} value={filter.municipalityId ?? ''} onChange={(e) => update({ [PARAM.municipality]: e.target.value || null })}>
            <option value="">Alla kommuner</option>
            {area.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <FilterActions submitLabel="Visa lediga platser" onClear={filterKey !== '{}' ? clear : undefined} />
      </form>

      <div className="list-summary">
        <p role="status" className="result-count">
          {state.status === 'ready'
            ? places.length === 0
              ? 'Inga lediga platser'
              : `${formatFreePlaces(totalFree)} i ${formatNumber(places.length)} familjehem`
            : ''}
        </p>
      </div>
      {byKind.length > 0 && (
        <ul className="free-places-summary" aria-label="Lediga platser per typ">
          {byKind.map((row) => (
            <li key={row.kind}>
              {FOSTER_HOME_KIND_LABELS[row.kind]}: {formatFreePlaces(row.free)} i {formatNumber(row.homes)} hem
            </li>
          ))}
        </ul>
      )}

      {state.status === 'loading' && <p className="muted">Hämtar lediga platser…</p>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}

      {state.status === 'ready' && (
        <DataTable caption="Lediga platser" captionHidden>
          <thead>
            <tr>
              <th scope="col">Familjehem</th>
              <th scope="col">Typ</th>
              <th scope="col">Kommun</th>
              <th scope="col">Ålder</th>
              <th scope="col" className="numeric">
                Godkända
              </th>
              <th scope="col" className="numeric">
                Belagda
              </th>
              <th scope="col" className="numeric">
                Lediga
              </th>
              <th scope="col">Godkänt till</th>
            </tr>
          </thead>
          <tbody>
            {places.length === 0 && (
              <EmptyRow columns={8}>{filterKey === '{}' ? 'Det finns inga lediga platser i dag.' : 'Inga lediga platser matchar filtret.'}</EmptyRow>
            )}
            {places.map((place) => (
              <tr key={place.home.id}>
                <th scope="row">
                  <Link to={`/familjehem/${encodeURIComponent(place.home.id)}`}>{place.home.name}</Link>
                </th>
                <td>{labelOf(FOSTER_HOME_KIND_LABELS, place.kind)}</td>
                <td>{place.municipality.name}</td>
                <td>{formatAgeRange(place.minChildAge, place.maxChildAge)}</td>
                <td className="numeric">{formatNumber(place.approvedPlaces)}</td>
                <td className="numeric">{formatNumber(place.occupiedPlaces)}</td>
                <td className="numeric">{formatNumber(place.freePlaces)}</td>
                <td className="tabular">{formatDate(place.approvalValidUntil)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
