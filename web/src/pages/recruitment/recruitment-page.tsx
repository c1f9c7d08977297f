import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import type { RecruitmentDetails, RecruitmentEvent } from '../../api/types';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { BackLink } from '../../components/back-link';
import { HouseholdTable } from '../../components/household-table';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { formatAddress, formatDate, formatNumber } from '../../lib/format';
import {
  FOSTER_HOME_KIND_LABELS,
  LEAVING_REASON_LABELS,
  RECRUITMENT_EVENT_LABELS,
  RECRUITMENT_SOURCE_LABELS,
  RECRUITMENT_STEP_LABELS,
  SCREENING_RESULT_LABELS,
  labelOf,
} from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RecruitmentQuery } from './operations';
import { RecruitmentActions } from './recruitment-actions';
import './recruitment.css';

type State = UnreadyState | { status: 'ready'; recruitment: RecruitmentDetails };

/** Keyed by id so that moving to another family starts from a clean state. */
export function RecruitmentRoute() {
  const { id = '' } = useParams();
  return <RecruitmentPage key={id} id={id} />;
}

function eventTitle(event: RecruitmentEvent): string {
  if (event.kind === 'STEP_ENTERED') return `${RECRUITMENT_STEP_LABELS[event.step]}`;
  return `${RECRUITMENT_EVENT_LABELS[event.kind]} (${RECRUITMENT_STEP_LABELS[event.step].toLowerCase()})`;
}

/** /rekrytering/:id — a family's record: the home, the household, the timeline and the moves. */
function RecruitmentPage({ id }: { id: string }) {
  const idPrefix = useId();
  const location = useLocation();
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [message, announce] = useAnnouncement(registered ? 'Intresseanmälan är registrerad.' : '');
  const actionsHeadingRef = useRef<HTMLHeadingElement>(null);

  useDocumentTitle(state.status === 'ready' ? `${state.recruitment.fosterHome.name} – rekrytering` : 'Rekrytering');

  useEffect(
    () =>
      startQuery(
        RecruitmentQuery,
        { id },
        ({ recruitment }) => setState(recruitment ? { status: 'ready', recruitment } : { status: 'not-found' }),
        (message) => setState({ status: 'error', message }),
      ),
    [id, attempt],
  );

  const handleSaved = useCallback((recruitment: RecruitmentDetails, text: string) => {
    setState({ status: 'ready', recruitment });
    announce(text);
    requestAnimationFrame(() => actionsHeadingRef.current?.focus());
  }, [announce]);

  const reload = useCallback(() => {
    announce('Familjen är omladdad. Du ser nu den senaste versionen.');
    setAttempt((n) => n + 1);
  }, [announce]);

  const backLink = <BackLink to="/rekrytering">Rekrytering</BackLink>;

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar familjen…"
        errorHeading="Familjen kunde inte visas"
        notFoundHeading="Familjen hittades inte"
        notFound="Rekryteringen finns inte, eller så har du inte behörighet att se den."
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  }

  const { recruitment } = state;
  const home = recruitment.fosterHome;
  const { progress } = recruitment;
  const headings = { facts: `${idPrefix}-facts`, household: `${idPrefix}-household`, timeline: `${idPrefix}-timeline`, actions: `${idPrefix}-actions` };

  return (
    <div className="recruitment-area">
      {backLink}
      <div className="page-title">
        <h1>{home.name}</h1>
        <p className="page-title__meta">
          {recruitment.purpose === 'REASSESSMENT' ? 'Ny utredning' : 'Rekrytering'}: {RECRUITMENT_STEP_LABELS[recruitment.step]}
          {progress.overdue && <span className="badge badge--overdue">Försenad</span>}
          {recruitment.pausedOn && <span className="badge badge--paused">Pausad sedan {formatDate(recruitment.pausedOn)}</span>}
          {recruitment.leftOn && <span className="badge badge--closed">Lämnade {formatDate(recruitment.leftOn)}</span>}
        </p>
      </div>

      <div className="detail-layout">
        <div className="detail-layout__main">
          <section aria-labelledby={headings.facts} className="panel">
            <h2 id={headings.facts}>Uppgifter</h2>
            <dl className="facts">
              <div>
                <dt>Steg</dt>
                <dd>{RECRUITMENT_STEP_LABELS[recruitment.step]}</dd>
              </div>
              <div>
                <dt>I steget sedan</dt>
                <dd>
                  {formatDate(recruitment.stepEnteredOn)}
                  {progress.daysInStep !== null && (
                    <span className="facts__sub">
                      {formatNumber(progress.daysInStep)} dagar, mål {formatNumber(progress.targetDays ?? 0)} dagar{progress.overdue ? ' – försenad' : ''}
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt>Intresseanmälan mottagen</dt>
                <dd>{formatDate(recruitment.receivedOn)}</dd>
              </div>
              <div>
                <dt>Källa</dt>
                <dd>
                  {labelOf(RECRUITMENT_SOURCE_LABELS, recruitment.source)}
                  {recruitment.sourceDetail && <span className="facts__sub">{recruitment.sourceDetail}</span>}
                </dd>
              </div>
              {recruitment.proposedBy && (
                <div>
                  <dt>Föreslagen av</dt>
                  <dd>{recruitment.proposedBy.name}</dd>
                </div>
              )}
              <div>
                <dt>BRA-Fam</dt>
                <dd>{recruitment.screeningResult ? SCREENING_RESULT_LABELS[recruitment.screeningResult] : 'Ingen screening registrerad'}</dd>
              </div>
              {recruitment.leavingReason && (
                <div>
                  <dt>Orsak att lämna</dt>
                  <dd>{LEAVING_REASON_LABELS[recruitment.leavingReason]}</dd>
                </div>
              )}
              <div>
                <dt>Slag av familjehem</dt>
                <dd>{labelOf(FOSTER_HOME_KIND_LABELS, home.kind)}</dd>
              </div>
              <div>
                <dt>Adress</dt>
                <dd>{formatAddress(home)}</dd>
              </div>
              <div>
                <dt>Kommun</dt>
                <dd>{home.municipality.name}</dd>
              </div>
            </dl>
            <p>
              <Link to={`/familjehem/${encodeURIComponent(home.id)}`}>Familjehemmet i registret</Link>
            </p>
          </section>

          <section aria-labelledby={headings.household} className="panel">
            <h2 id={headings.household}>Hushåll</h2>
            <p className="notice">
              <strong>Visningen loggas.</strong> Uppgifterna om hushållets medlemmar är personuppgifter.
            </p>
            <HouseholdTable members={home.householdMembers} />
          </section>

          <section aria-labelledby={headings.timeline} className="panel">
            <h2 id={headings.timeline}>Tidslinje</h2>
            <ol className="timeline">
              {recruitment.timeline.map((event, index) => (
                <li key={index} className={`timeline__event timeline__event--${event.kind.toLowerCase()}`}>
                  <time dateTime={event.occurredOn} className="timeline__date">
                    {formatDate(event.occurredOn)}
                  </time>
                  <span className="timeline__title">{eventTitle(event)}</span>
                  {event.note && <span className="timeline__note">{event.note}</span>}
                  <span className="timeline__signed">Signerad av {event.signedBy}</span>
                </li>
              ))}
            </ol>
          </section>
        </div>

        <section aria-labelledby={headings.actions} className="panel detail-layout__side">
          <h2 id={headings.actions} ref={actionsHeadingRef} tabIndex={-1}>
            Åtgärder
          </h2>
          <Announcement message={message} />
          <RecruitmentActions key={`${recruitment.version}:${attempt}`} recruitment={recruitment} onSaved={handleSaved} onReload={reload} />
        </section>
      </div>
    </div>
  );
}
