import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/errors';
import { graphql, startQuery } from '../api/graphql';
import { FosterHomeOwnerOptionsQuery, FosterHomesQuery } from '../api/operations';
import {
  FOSTER_HOME_KINDS,
  FOSTER_HOME_STATUSES,
  type FosterHomeConnection,
  type FosterHomeFilter,
  type FosterHomeKind,
  type FosterHomeListItem,
  type FosterHomeStatus,
  type OrganisationRef,
} from '../api/types';
import { DataTable, EmptyRow } from '../components/data-table';
import { FilterActions } from '../components/forms';
import { ErrorAlert } from '../components/page-states';
import { StatusBadge } from '../components/status-badge';
import { compareSv, formatNumber } from '../lib/format';
import { FOSTER_HOME_KIND_LABELS, FOSTER_HOME_STATUS_LABELS, labelOf } from '../lib/labels';
import { useDocumentTitle } from '../lib/use-document-title';

const PAGE_SIZE = 25;
const SEARCH_DEBOUNCE_MS = 300;

/** URL query-string keys for the filter. */
const PARAM = { kind: 'typ', status: 'status', owner: 'ansvarig', search: 'sok' } as const;

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

function filterFromParams(params: URLSearchParams): FosterHomeFilter {
  const filter: FosterHomeFilter = {};
  const kind = params.get(PARAM.kind);
  if (isOneOf(FOSTER_HOME_KINDS, kind)) filter.kind = kind;
  const status = params.get(PARAM.status);
  if (isOneOf(FOSTER_HOME_STATUSES, status)) filter.status = status;
  const ownerId = params.get(PARAM.owner);
  if (ownerId) filter.ownerId = ownerId;
  const search = params.get(PARAM.search)?.trim();
  if (search) filter.search = search;
  return filter;
}

interface ListData {
  homes: FosterHomeListItem[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

function toListData(connection: FosterHomeConnection, previous: FosterHomeListItem[] = []): ListData {
  const seen = new Set(previous.map((h) => h.id));
  const added = connection.edges.map((e) => e.node).filter((h) => !seen.has(h.id));
  return {
    homes: [...previous, ...added],
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

interface OwnerOptions {
  units: OrganisationRef[];
  municipalities: OrganisationRef[];
}

export function FosterHomesPage() {
  useDocumentTitle('Familjehem');
  const idPrefix = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => filterFromParams(searchParams), [searchParams]);
  const filterKey = JSON.stringify(filter);
  const hasFilter = filterKey !== '{}';

  // --- Free-text search: typed locally, written to the URL after a pause ---
  const urlSearch = searchParams.get(PARAM.search) ?? '';
  const [searchText, setSearchText] = useState(urlSearch);
  const lastWrittenSearch = useRef(urlSearch);
  const searchParamsRef = useRef(searchParams);
  searchParamsRef.current = searchParams;

  // Choices in the selects become history entries; typing in the search field does not.
  const updateParams = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      const next = new URLSearchParams(searchParamsRef.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      setSearchParams(next, { replace });
    },
    [setSearchParams],
  );

  const commitSearch = useCallback(
    (text: string) => {
      const value = text.trim();
      if (value === (searchParamsRef.current.get(PARAM.search) ?? '')) return;
      lastWrittenSearch.current = value;
      updateParams({ [PARAM.search]: value || null }, true);
    },
    [updateParams],
  );

  useEffect(() => {
    const timer = window.setTimeout(() => commitSearch(searchText), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [searchText, commitSearch]);

  // The URL changed from outside (back button, shared link): show its search text.
  useEffect(() => {
    if (urlSearch !== lastWrittenSearch.current) {
      lastWrittenSearch.current = urlSearch;
      setSearchText(urlSearch);
    }
  }, [urlSearch]);

  function handleSearchSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    commitSearch(searchText);
  }

  function clearFilters() {
    lastWrittenSearch.current = '';
    setSearchText('');
    setSearchParams(new URLSearchParams());
  }

  // --- Owner options ---
  const [ownerOptions, setOwnerOptions] = useState<OwnerOptions | null>(null);
  const [ownerOptionsError, setOwnerOptionsError] = useState<string | null>(null);
  useEffect(
    () =>
      startQuery(
        FosterHomeOwnerOptionsQuery,
        {},
        (data) => {
          const byName = (a: OrganisationRef, b: OrganisationRef) => compareSv(a.name, b.name);
          setOwnerOptions({
            units: [...data.units].sort(byName),
            municipalities: [...data.municipalities].sort(byName),
          });
        },
        setOwnerOptionsError,
      ),
    [],
  );

  // --- The list ---
  const [data, setData] = useState<ListData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const currentFilterKey = useRef(filterKey);
  currentFilterKey.current = filterKey;
  const focusRowIndex = useRef<number | null>(null);
  const tableBodyRef = useRef<HTMLTableSectionElement>(null);

  useEffect(() => {
    const variables = { first: PAGE_SIZE, after: null, filter: JSON.parse(filterKey) as FosterHomeFilter };
    setLoading(true);
    setError(null);
    setLoadMoreError(null);
    return startQuery(
      FosterHomesQuery,
      variables,
      (result) => {
        setData(toListData(result.fosterHomes));
        setLoading(false);
      },
      (message) => {
        setError(message);
        setLoading(false);
      },
    );
  }, [filterKey, attempt]);

  async function loadMore() {
    if (!data?.endCursor || loadingMore) return;
    const requestKey = filterKey;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const result = await graphql(FosterHomesQuery, {
        first: PAGE_SIZE,
        after: data.endCursor,
        filter,
      });
      if (currentFilterKey.current !== requestKey) return;
      focusRowIndex.current = data.homes.length;
      setData((previous) => toListData(result.fosterHomes, previous?.homes));
    } catch (err) {
      if (currentFilterKey.current === requestKey) setLoadMoreError(errorMessage(err));
    } finally {
      setLoadingMore(false);
    }
  }

  // After "Visa fler", move focus to the first newly loaded home.
  useEffect(() => {
    const index = focusRowIndex.current;
    if (index === null) return;
    focusRowIndex.current = null;
    const links = tableBodyRef.current?.querySelectorAll<HTMLAnchorElement>('a');
    links?.[index]?.focus();
  }, [data]);

  const ids = {
    kind: `${idPrefix}-kind`,
    status: `${idPrefix}-status`,
    owner: `${idPrefix}-owner`,
    search: `${idPrefix}-search`,
    searchHint: `${idPrefix}-search-hint`,
    heading: `${idPrefix}-heading`,
  };

  return (
    <>
      <h1 id={ids.heading}>Familjehem</h1>
      <p className="lead">
        Familjehemsenhetens register över egna familjehem, nätverkshem, jourhem och
        konsulentstödda familjehem.
      </p>

      <form role="search" aria-label="Filtrera familjehem" className="filters" onSubmit={handleSearchSubmit}>
        <div className="field field--wide">
          <label htmlFor={ids.search}>Sök</label>
          <input
            id={ids.search}
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            aria-describedby={ids.searchHint}
            autoComplete="off"
          />
          <span id={ids.searchHint} className="hint">
            Till exempel familjehemmets namn eller ort
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Typ</label>
          <select
            id={ids.kind}
            value={filter.kind ?? ''}
            onChange={(e) => updateParams({ [PARAM.kind]: e.target.value || null })}
          >
            <option value="">Alla typer</option>
            {FOSTER_HOME_KINDS.map((kind: FosterHomeKind) => (
              <option key={kind} value={kind}>
                {FOSTER_HOME_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            value={filter.status ?? ''}
            onChange={(e) => updateParams({ [PARAM.status]: e.target.value || null })}
          >
            <option value="">Alla statusar</option>
            {FOSTER_HOME_STATUSES.map((status: FosterHomeStatus) => (
              <option key={status} value={status}>
                {FOSTER_HOME_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.owner}>Ansvarig organisation</label>
          <select
            id={ids.owner}
            value={filter.ownerId ?? ''}
            onChange={(e) => updateParams({ [PARAM.owner]: e.target.value || null })}
          >
            <option value="">Alla organisationer</option>
            {ownerOptions && ownerOptions.units.length > 0 && (
              <optgroup label="Familjehemsenheter">
                {ownerOptions.units.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            )}
            {ownerOptions && ownerOptions.municipalities.length > 0 && (
              <optgroup label="Kommuner">
                {ownerOptions.municipalities.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            )}
            {filter.ownerId &&
              ownerOptions &&
              ![...ownerOptions.units, ...ownerOptions.municipalities].some((o) => o.id === filter.ownerId) && (
                <option value={filter.ownerId}>Vald organisation</option>
              )}
          </select>
          {ownerOptionsError && <span className="hint hint--error">Listan kunde inte hämtas.</span>}
        </div>
        <FilterActions submitLabel="Sök" onClear={hasFilter ? clearFilters : undefined} />
      </form>

      <div className="list-summary">
        <p role="status" className="result-count">
          {data && !error ? `${formatNumber(data.totalCount)} familjehem` : ''}
        </p>
        {loading && data && (
          <span className="muted" aria-hidden="true">
            Uppdaterar…
          </span>
        )}
      </div>

      {error && <ErrorAlert message={error} onRetry={() => setAttempt((n) => n + 1)} />}

      {!data && loading && <p className="muted">Hämtar familjehem…</p>}

      {data && !error && (
        <>
          <DataTable caption="Familjehem" captionHidden aria-busy={loading}>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Typ</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Platser
                </th>
                <th scope="col">Ansvarig organisation</th>
                <th scope="col">Ort</th>
                <th scope="col">Kommun</th>
                <th scope="col">Konsulentverksamhet</th>
              </tr>
            </thead>
            <tbody ref={tableBodyRef}>
              {data.homes.length === 0 && (
                <EmptyRow columns={8}>
                  {hasFilter ? 'Inga familjehem matchar filtret.' : 'Det finns inga familjehem i registret.'}
                </EmptyRow>
              )}
              {data.homes.map((home) => (
                <tr key={home.id}>
                  <th scope="row">
                    <Link to={`/familjehem/${encodeURIComponent(home.id)}`} state={{ listSearch: searchParams.toString() }}>
                      {home.name}
                    </Link>
                  </th>
                  <td>{labelOf(FOSTER_HOME_KIND_LABELS, home.kind)}</td>
                  <td>
                    <StatusBadge status={home.status} />
                  </td>
                  <td className="numeric">{formatNumber(home.places)}</td>
                  <td>{home.owner.name}</td>
                  <td>{home.city ?? '–'}</td>
                  <td>{home.municipality.name}</td>
                  <td>{home.consultancyAgency?.name ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>

          {data.homes.length > 0 && (
            <div className="pagination">
              <p className="muted">
                Visar {formatNumber(data.homes.length)} av {formatNumber(data.totalCount)}
              </p>
              {data.hasNextPage && (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-busy={loadingMore}
                  onClick={() => void loadMore()}
                >
                  Visa fler
                </button>
              )}
              <span role="status" className="muted">
                {loadingMore ? 'Hämtar fler familjehem…' : ''}
              </span>
              {loadMoreError && (
                <p role="alert" className="hint hint--error">
                  {loadMoreError}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
