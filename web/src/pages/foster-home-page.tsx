import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { startQuery } from '../api/graphql';
import { FosterHomeQuery } from '../api/operations';
import type { FosterHomeCore, FosterHomeDetails } from '../api/types';
import { Announcement, useAnnouncement } from '../components/announcement';
import { BackLink } from '../components/back-link';
import { EditFosterHomeForm } from '../components/edit-foster-home-form';
import { HouseholdTable } from '../components/household-table';
import { PageLoadState, type UnreadyState } from '../components/page-states';
import { HomePlacesSection } from './matching/home-places-section';
import { FosterHomeApprovalSection } from './assessments/foster-home-approval-section';
import { StatusBadge } from '../components/status-badge';
import { useViewer } from '../components/viewer-context';
import { formatAddress, formatDate, formatDateTime, formatNumber } from '../lib/format';
import { FOSTER_HOME_KIND_LABELS, labelOf } from '../lib/labels';
import { useDocumentTitle } from '../lib/use-document-title';

type HomeState = UnreadyState | { status: 'ready'; home: FosterHomeDetails };

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
  const [statusMessage, announce] = useAnnouncement('', 'info');
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

  useEffect(() => {
    const soft = softReload.current;
    softReload.current = false;
    if (!soft) setState({ status: 'loading' });
    return startQuery(
      FosterHomeQuery,
      { id, withHousehold: keepsRegister },
      ({ fosterHome }) => {
        setState(fosterHome ? { status: 'ready', home: fosterHome } : { status: 'not-found' });
        if (soft && fosterHome) {
          announce('Familjehemmet är omladdat. Du ser nu den senaste versionen.');
          requestAnimationFrame(() => editHeadingRef.current?.focus());
        }
      },
      (message) => {
        if (soft) announce(`Familjehemmet kunde inte laddas om. ${message}`, 'error');
        else setState({ status: 'error', message });
      },
    );
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

  const backLink = <BackLink to={backTo}>Alla familjehem</BackLink>;

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar familjehemmet…"
        errorHeading="Familjehemmet kunde inte visas"
        notFoundHeading="Familjehemmet hittades inte"
        notFound="Familjehemmet finns inte, eller så har du inte behörighet att se det. Kontrollera länken eller gå tillbaka till registret."
        onRetry={retry}
      />
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
              <HouseholdTable members={householdMembers} />
            </section>
          )}
        </div>

        {isOwner && (
          <section aria-labelledby={editHeadingId} className="panel detail-layout__side">
            <h2 id={editHeadingId} ref={editHeadingRef} tabIndex={-1}>
              Redigera
            </h2>
            <Announcement message={statusMessage} />
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
