import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { graphql, startQuery } from '../../api/graphql';
import { errorMessage } from '../../api/errors';
import type { ChildConnection, ChildSummary } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { FilterActions } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatNumber, formatPersonalIdentityNumber } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ChildrenQuery } from './operations';
import { RegisterChildForm } from './register-child-form';
import './placements.css';

const PAGE_SIZE = 50;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; page: ChildConnection };

/** The number as it is usually written: a personnummer with its hyphen, a reserve number as it is. */
export function identityText(child: Pick<ChildSummary, 'identityKind' | 'identityNumber'>): string {
  return child.identityKind === 'RESERVE_NUMBER' ? child.identityNumber : formatPersonalIdentityNumber(child.identityNumber);
}

/** /barn — the municipality's children, searched by name or number, and "Nytt barn" to register one. */
export function ChildrenPage() {
  useDocumentTitle('Barn');
  const ids = { heading: useId(), search: useId(), searchHint: useId(), form: useId() };
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const search = params.get('sok') ?? '';
  const [searchText, setSearchText] = useState(search);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [registering, setRegistering] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const tableBodyRef = useRef<HTMLTableSectionElement>(null);
  const focusRowIndex = useRef<number | null>(null);

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      ChildrenQuery,
      { search: search || null, first: PAGE_SIZE, after: null },
      ({ children }) => setState({ status: 'ready', page: children }),
      (message) => setState({ status: 'error', message }),
    );
  }, [search, attempt]);

  // After "Visa fler", focus moves to the first newly loaded child.
  useEffect(() => {
    const index = focusRowIndex.current;
    if (index === null) return;
    focusRowIndex.current = null;
    tableBodyRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-child]')[index]?.focus();
  }, [state]);

  function handleSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = searchText.trim();
    setParams(text ? { sok: text } : {});
  }

  async function loadMore() {
    if (state.status !== 'ready' || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const { children } = await graphql(ChildrenQuery, { search: search || null, first: PAGE_SIZE, after: state.page.pageInfo.endCursor });
      focusRowIndex.current = state.page.edges.length;
      setState({ status: 'ready', page: { ...children, edges: [...state.page.edges, ...children.edges] } });
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <>
      <div className="page-title">
        <h1 id={ids.heading}>Barn</h1>
        <button type="button" className="button" aria-expanded={registering} aria-controls={ids.form} onClick={() => setRegistering((open) => !open)}>
          Nytt barn
        </button>
      </div>
      <p className="lead">Kommunens barn med utredning, beslut och placeringar. Varje visning av ett barns uppgifter loggas.</p>

      {registering && (
        <section id={ids.form} className="panel" aria-label="Registrera nytt barn">
          <RegisterChildForm onRegistered={(id) => navigate(`/barn/${encodeURIComponent(id)}`)} onCancel={() => setRegistering(false)} />
        </section>
      )}

      <form role="search" aria-label="Sök bland barnen" className="filters" onSubmit={handleSearch}>
        <div className="field field--wide">
          <label htmlFor={ids.search}>Sök</label>
          <input id={ids.search} type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} aria-describedby={ids.searchHint} autoComplete="off" />
          <span id={ids.searchHint} className="hint">
            Förnamn, efternamn eller nummer
          </span>
        </div>
        <FilterActions
          submitLabel="Sök"
          onClear={
            search
              ? () => {
                  setSearchText('');
                  setParams({});
                }
              : undefined
          }
        />
      </form>

      {state.status === 'loading' && <Loading>Hämtar barnen…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && (
        <>
          <p role="status" className="muted">
            {state.page.totalCount === 1 ? '1 barn' : `${formatNumber(state.page.totalCount)} barn`}
            {search && ` som matchar ”${search}”`}
          </p>
          <DataTable caption="Kommunens barn" captionHidden>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Nummer</th>
                <th scope="col" className="numeric">
                  Ålder
                </th>
                <th scope="col">Handläggare</th>
                <th scope="col">Placerad i</th>
              </tr>
            </thead>
            <tbody ref={tableBodyRef}>
              {state.page.edges.length === 0 && <EmptyRow columns={5}>{search ? 'Inget barn matchar sökningen.' : 'Kommunen har inga registrerade barn.'}</EmptyRow>}
              {state.page.edges.map(({ node: child }) => (
                <tr key={child.id}>
                  <th scope="row">
                    <Link data-child to={`/barn/${encodeURIComponent(child.id)}`}>
                      {child.givenName} {child.familyName}
                    </Link>
                  </th>
                  <td className="tabular">{identityText(child)}</td>
                  <td className="numeric">{child.age}</td>
                  <td>{child.assignedWorker?.displayName ?? '–'}</td>
                  <td>{child.currentPlacement?.fosterHome.name ?? 'Inte placerad'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {moreError && <ErrorAlert message={moreError} />}
          {state.page.pageInfo.hasNextPage && (
            <p>
              <button type="button" className="button button--secondary" aria-busy={loadingMore} onClick={() => void loadMore()}>
                Visa fler
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}
