import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { errorMessage, isAbortError } from '../api/errors';
import { graphql } from '../api/graphql';
import { FosterHomeQuery } from '../api/operations';
import type { FosterHomeCore, FosterHomeDetails } from '../api/types';
import { EditFosterHomeForm } from '../components/edit-foster-home-form';
import { HomePlacesSection } from './matching/home-places-section';
import { FosterHomeApprovalSection } from './assessments/foster-home-approval-section';
import { StatusBadge } from '../components/status-badge';
import { useViewer } from '../components/viewer-context';
import {
  formatAddress,
  formatDate,
  formatDateTime,
  formatNumber,
  formatPersonalIdentityNumber,
} from '../lib/format';
import { FOSTER_HOME_KIND_LABELS, HOUSEHOLD_ROLE_LABELS, labelOf } from '../lib/labels';
import { useDocumentTitle } from '../lib/use-document-title';

type HomeState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'not-found' }
  | { status: 'ready'; home: FosterHomeDetails };

export type StatusTone = 'info' | 'success' | 'error';

interface StatusMessage {
  id: number;
  text: string;
  tone: StatusTone;
}

/** Keyed by id so that moving to another home starts from a clean state. */
export function FosterHomeRoute() {
  const { id = '' } = useParams();
  return <FosterHomePage key={id} id={id} />;
}

/** The roles that keep a register: they see a home's household and may edit the home. */
const REGISTER_KEEPER_ROLES = new Set(['FOSTER_CARE_WORKER', 'HEAD_OF_UNIT', 'ADMINISTRATOR']);

function FosterHomePage({ id }: { id: string }) {
  const location = useLocation();
  const viewer = useViewer();
  const keepsRegister = viewer.roles.some((role) => REGISTER_KEEPER_ROLES.has(role));
  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const backTo = typeof listSearch === 'string' && listSearch ? `/familjehem?${listSearch}` : '/familjehem';
  const idPrefix = useId();
  const editHeadingId = `${idPrefix}-edit`;

  const [state, setState] = useState<HomeState>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const [statusMessage, setStatusMessage] = useState<StatusMessage>({ id: 0, text: '', tone: 'info' });
  const editHeadingRef = useRef<HTMLHeadingElement>(null);
  // A "soft" reload keeps the page on screen while the latest version is fetched.
  const softReload = useRef(false);

  useDocumentTitle(
    state.status === 'ready'
      ? state.home.name
      : state.status === 'not-found'
        ? 'Familjehemmet hittades inte'
        : 'Familjehem',
  );

  const announce = useCallback((text: string, tone: StatusTone = 'info') => {
    setStatusMessage((previous) => ({ id: previous.id + 1, text, tone }));
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const soft = softReload.current;
    softReload.current = false;
    if (!soft) setState({ status: 'loading' });
    graphql(FosterHomeQuery, { id, withHousehold: keepsRegister }, { signal: controller.signal })
      .then(({ fosterHome }) => {
        setState(fosterHome ? { status: 'ready', home: fosterHome } : { status: 'not-found' });
        if (soft && fosterHome) {
          announce('Familjehemmet är omladdat. Du ser nu den senaste versionen.');
          requestAnimationFrame(() => editHeadingRef.current?.focus());
        }
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        if (soft) announce(`Familjehemmet kunde inte laddas om. ${errorMessage(error)}`, 'error');
        else setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [id, reloadCount, announce, keepsRegister]);

  /** Fetches the latest version while keeping the page visible (after a version conflict). */
  const reload = useCallback(() => {
    softReload.current = true;
    announce('Laddar om familjehemmet…');
    setReloadCount((n) => n + 1);
  }, [announce]);

  const retry = useCallback(() => setReloadCount((n) => n + 1), []);

  const handleSaved = useCallback((saved: Partial<FosterHomeCore>) => {
    setState((previous) =>
      previous.status === 'ready' ? { status: 'ready', home: { ...previous.home, ...saved } } : previous,
    );
  }, []);

  const backLink = (
    <p className="back-link">
      <Link to={backTo}>
        <span aria-hidden="true">← </span>Alla familjehem
      </Link>
    </p>
  );

  if (state.status === 'loading') {
    return (
      <>
        {backLink}
        <p role="status" className="muted">
          Hämtar familjehemmet…
        </p>
      </>
    );
  }

  if (state.status === 'error') {
    return (
      <>
        {backLink}
        <h1>Familjehemmet kunde inte visas</h1>
        <div role="alert" className="alert alert--error">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={retry}>
            Försök igen
          </button>
        </div>
      </>
    );
  }

  if (state.status === 'not-found') {
    return (
      <>
        {backLink}
        <h1>Familjehemmet hittades inte</h1>
        <p>
          Familjehemmet finns inte, eller så har du inte behörighet att se det. Kontrollera länken
          eller gå tillbaka till registret.
        </p>
      </>
    );
  }

  const { home } = state;
  const agency = home.consultancyAgency;
  // Only the organisation responsible for the home sees who lives there and changes the record.
  const isOwner = keepsRegister && home.owner.id === viewer.organisation.id;
  const householdMembers = isOwner ? home.householdMembers : undefined;

  return (
    <>
      {backLink}
      <div className="page-title">
        <h1>{home.name}</h1>
        <p className="page-title__meta">
          {labelOf(FOSTER_HOME_KIND_LABELS, home.kind)} <StatusBadge status={home.status} />
        </p>
      </div>

      <div className="detail-layout">
        <div className="detail-layout__main">
          <section aria-labelledby={`${idPrefix}-facts`} className="panel">
            <h2 id={`${idPrefix}-facts`}>Uppgifter</h2>
            <dl className="facts">
              <div>
                <dt>Typ</dt>
                <dd>{labelOf(FOSTER_HOME_KIND_LABELS, home.kind)}</dd>
              </div>
              <div>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={home.status} />
                </dd>
              </div>
              <div>
                <dt>Platser</dt>
                <dd>{formatNumber(home.places)}</dd>
              </div>
              <div>
                <dt>Adress</dt>
                <dd>{formatAddress(home)}</dd>
              </div>
              <div>
                <dt>Kommun</dt>
                <dd>{home.municipality.name}</dd>
              </div>
              <div>
                <dt>Ansvarig organisation</dt>
                <dd>{home.owner.name}</dd>
              </div>
              <div>
                <dt>Godkänt av</dt>
                <dd>{home.approvedBy?.name ?? 'Inte godkänt'}</dd>
              </div>
              <div>
                <dt>Godkänt datum</dt>
                <dd>{formatDate(home.approvedOn)}</dd>
              </div>
              <div>
                <dt>Konsulentverksamhet</dt>
                <dd>
                  {agency ? (
                    <>
                      {agency.name}
                      <span className="facts__sub">
                        IVO-tillstånd {agency.ivoPermitNumber}
                        {agency.organisationNumber && `, org.nr ${agency.organisationNumber}`}
                      </span>
                    </>
                  ) : (
                    '–'
                  )}
                </dd>
              </div>
              <div>
                <dt>Senast ändrad</dt>
                <dd>
                  {formatDateTime(home.updatedAt)}{' '}
                  <span className="facts__sub">version {formatNumber(home.version)}</span>
                </dd>
              </div>
            </dl>
          </section>

          <HomePlacesSection home={home} onSaved={handleSaved} />

          <FosterHomeApprovalSection home={home} />

          {householdMembers && (
            <section aria-labelledby={`${idPrefix}-household`} className="panel">
              <h2 id={`${idPrefix}-household`}>Hushåll</h2>
              <p className="notice">
                <strong>Visningen loggas.</strong> Uppgifterna om hushållets medlemmar är
                personuppgifter. Varje gång de visas registreras det i loggen vem som tittade och när.
              </p>
              <div className="table-scroll" role="region" aria-labelledby={`${idPrefix}-household-caption`} tabIndex={0}>
                <table className="data-table">
                  <caption id={`${idPrefix}-household-caption`} className="visually-hidden">
                    Hushållsmedlemmar
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Namn</th>
                      <th scope="col">Personnummer</th>
                      <th scope="col">Roll</th>
                    </tr>
                  </thead>
                  <tbody>
                    {householdMembers.length === 0 && (
                      <tr>
                        <td colSpan={3} className="empty">
                          Inga hushållsmedlemmar är registrerade.
                        </td>
                      </tr>
                    )}
                    {householdMembers.map((member) => (
                      <tr key={member.id}>
                        <th scope="row">
                          {member.givenName} {member.familyName}
                        </th>
                        <td className="tabular">{formatPersonalIdentityNumber(member.personalIdentityNumber)}</td>
                        <td>{labelOf(HOUSEHOLD_ROLE_LABELS, member.role)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </div>

        {isOwner && (
          <section aria-labelledby={editHeadingId} className="panel detail-layout__side">
            <h2 id={editHeadingId} ref={editHeadingRef} tabIndex={-1}>
              Redigera
            </h2>
            <div role="status" className="status-region">
              {statusMessage.text && (
                <p key={statusMessage.id} className={`alert alert--${statusMessage.tone}`}>
                  {statusMessage.text}
                </p>
              )}
            </div>
            <EditFosterHomeForm
              key={`${home.id}:${home.version}:${reloadCount}`}
              home={home}
              headingId={editHeadingId}
              onSaved={handleSaved}
              onReload={reload}
              onStatus={announce}
            />
          </section>
        )}
      </div>
    </>
  );
}
