import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { BackLink } from '../../components/back-link';
import { DataTable, EmptyRow } from '../../components/data-table';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActivityForm } from './activity-form';
import { HomeAssessmentQuery, type HomeAssessment, type HomeAssessmentCore, type HomeDecision } from './assessment-api';
import './assessments.css';
import { Checklist } from './checklist';
import { ChildHeardForm } from './child-heard-form';
import { DecisionDetails } from './decision-details';
import { DecisionForm } from './decision-form';
import { ACTIVITY_KIND_LABELS, METHOD_LABELS, RECOMMENDATION_LABELS, REGISTER_CHECK_RESULT_LABELS, REGISTER_LABELS } from './labels';
import { RegisterCheckForm } from './register-check-form';
import { SendForDecision } from './send-for-decision';
import { SummaryForm } from './summary-form';

type State = UnreadyState | { status: 'ready'; assessment: HomeAssessment };

/** /utredningar/:id — keyed by id so that another assessment starts from a clean state. */
export function AssessmentRoute() {
  const { id = '' } = useParams();
  return <AssessmentPage key={id} id={id} />;
}

function stateText(assessment: HomeAssessment): string {
  if (assessment.decision) return `Beslut ${formatDate(assessment.decision.decidedOn)}`;
  if (assessment.sentForDecisionOn) return `Skickad för beslut ${formatDate(assessment.sentForDecisionOn)}`;
  return 'Pågår';
}

function AssessmentPage({ id }: { id: string }) {
  const idPrefix = useId();
  const sectionId = (name: string) => `${idPrefix}-${name}`;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);
  const [announcement, announce] = useAnnouncement();
  const softReload = useRef(false);

  useDocumentTitle(state.status === 'ready' ? `Utredning: ${state.assessment.fosterHome.name}` : 'Utredning');


  useEffect(() => {
    const soft = softReload.current;
    softReload.current = false;
    if (!soft) setState({ status: 'loading' });
    return startQuery(
      HomeAssessmentQuery,
      { id },
      ({ homeAssessment }) => {
        setState(homeAssessment ? { status: 'ready', assessment: homeAssessment } : { status: 'not-found' });
        if (soft) announce('Utredningen är omladdad. Du ser nu den senaste versionen.');
      },
      (message) => setState({ status: 'error', message }),
    );
  }, [id, reloadCount, announce]);

  const reload = useCallback(() => {
    softReload.current = true;
    setReloadCount((n) => n + 1);
  }, []);

  const handleSaved = useCallback(
    (saved: HomeAssessmentCore, text: string) => {
      // Only an open assessment is changed, and it has no decision yet.
      setState({ status: 'ready', assessment: { ...saved, decision: null } });
      announce(text);
    },
    [announce],
  );

  const handleDecided = useCallback(
    (decision: HomeDecision) => {
      announce(`Beslutet är registrerat: ${decision.outcome === 'APPROVED' ? 'godkänt' : 'avslag'}.`);
      reload();
    },
    [announce, reload],
  );

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        loading="Hämtar utredningen…"
        errorHeading="Utredningen kunde inte visas"
        notFoundHeading="Utredningen hittades inte"
        notFound="Utredningen finns inte, eller så har du inte behörighet att se den. Bara familjehemsenheten ser sina utredningar."
        onRetry={() => setReloadCount((n) => n + 1)}
      />
    );
  }

  const { assessment } = state;
  const home = assessment.fosterHome;
  const open = assessment.sentForDecisionOn === null;
  const hasChildren = home.householdMembers.some((m) => m.role === 'CHILD');

  return (
    <>
      <BackLink to={`/familjehem/${home.id}`}>{home.name}</BackLink>
      <div className="page-title">
        <h1>Utredning: {home.name}</h1>
        <p className="page-title__meta">{stateText(assessment)}</p>
      </div>
      <Announcement message={announcement} />

      <div className="assessment-sections">
        <section aria-labelledby={sectionId('facts')} className="panel">
          <h2 id={sectionId('facts')}>Uppgifter</h2>
          <dl className="facts">
            <div>
              <dt>Utredare</dt>
              <dd>{assessment.assessor.displayName}</dd>
            </div>
            <div>
              <dt>Metod</dt>
              <dd>{METHOD_LABELS[assessment.method]}</dd>
            </div>
            <div>
              <dt>Startad</dt>
              <dd>{formatDate(assessment.startedOn)}</dd>
            </div>
            <div>
              <dt>Skickad för beslut</dt>
              <dd>{formatDate(assessment.sentForDecisionOn)}</dd>
            </div>
          </dl>
          {!open && <p className="notice">Utredningen skickades för beslut {formatDate(assessment.sentForDecisionOn)} och kan inte längre ändras.</p>}
        </section>

        <section aria-labelledby={sectionId('checklist')} className="panel">
          <h2 id={sectionId('checklist')}>Checklista</h2>
          <Checklist checklist={assessment.checklist} headingId={sectionId('checklist')} />
        </section>

        <section aria-labelledby={sectionId('activities')} className="panel">
          <h2 id={sectionId('activities')}>Intervjuer, hembesök och referenser</h2>
          <DataTable labelledBy={sectionId('activities')} caption="Registrerade moment" captionHidden>
            <thead>
              <tr>
                <th scope="col">Datum</th>
                <th scope="col">Moment</th>
                <th scope="col">Vem</th>
                <th scope="col">Anteckning</th>
              </tr>
            </thead>
            <tbody>
              {assessment.activities.length === 0 && <EmptyRow columns={4}>Inga moment är registrerade.</EmptyRow>}
              {assessment.activities.map((activity) => (
                <tr key={activity.id}>
                  <td className="tabular">{formatDate(activity.occurredOn)}</td>
                  <td>{ACTIVITY_KIND_LABELS[activity.kind]}</td>
                  <td>{activity.participants}</td>
                  <td>{activity.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {open && <ActivityForm assessment={assessment} onSaved={handleSaved} />}
        </section>

        <section aria-labelledby={sectionId('checks')} className="panel">
          <h2 id={sectionId('checks')}>Registerkontroller</h2>
          <p className="notice">
            <strong>Visningen loggas.</strong> Registerkontrollerna är personuppgifter; varje visning registreras i loggen.
          </p>
          <DataTable labelledBy={sectionId('checks')} caption="Registrerade registerkontroller" captionHidden>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Register</th>
                <th scope="col">Samtycke</th>
                <th scope="col">Kontrollerad</th>
                <th scope="col">Resultat</th>
                <th scope="col">Anteckning</th>
              </tr>
            </thead>
            <tbody>
              {assessment.registerChecks.length === 0 && <EmptyRow columns={6}>Inga registerkontroller är registrerade.</EmptyRow>}
              {assessment.registerChecks.map((check) => (
                <tr key={check.id}>
                  <th scope="row">{check.personName}</th>
                  <td>{REGISTER_LABELS[check.register]}</td>
                  <td className="tabular">{formatDate(check.consentGivenOn)}</td>
                  <td className="tabular">{formatDate(check.checkedOn)}</td>
                  <td>{REGISTER_CHECK_RESULT_LABELS[check.result]}</td>
                  <td>{check.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {open && <RegisterCheckForm assessment={assessment} onSaved={handleSaved} />}
        </section>

        <section aria-labelledby={sectionId('children')} className="panel">
          <h2 id={sectionId('children')}>Familjens barn</h2>
          {!hasChildren && <p>Familjen har inga egna barn i hushållet.</p>}
          {hasChildren && (
            <ul>
              {home.householdMembers
                .filter((m) => m.role === 'CHILD')
                .map((child) => {
                  const heard = assessment.childrenHeard.find((h) => h.householdMemberId === child.id);
                  return (
                    <li key={child.id}>
                      {child.givenName} {child.familyName}:{' '}
                      {heard ? `hörd ${formatDate(heard.heardOn)}${heard.note ? ` – ${heard.note}` : ''}` : 'inte hörd'}
                    </li>
                  );
                })}
            </ul>
          )}
          {open && <ChildHeardForm assessment={assessment} onSaved={handleSaved} />}
        </section>

        {open ? (
          <>
            <section className="panel">
              <SummaryForm key={assessment.version} assessment={assessment} onSaved={handleSaved} onReload={reload} />
            </section>
            <section className="panel">
              <SendForDecision assessment={assessment} onSaved={handleSaved} onReload={reload} />
            </section>
          </>
        ) : (
          <section aria-labelledby={sectionId('summary')} className="panel">
            <h2 id={sectionId('summary')}>Sammanfattning och rekommendation</h2>
            <p>{assessment.summary ?? 'Ingen sammanfattning.'}</p>
            <p>
              <strong>Rekommendation:</strong> {assessment.recommendation ? RECOMMENDATION_LABELS[assessment.recommendation] : '–'}
            </p>
          </section>
        )}

        {assessment.decision ? (
          <section aria-labelledby={sectionId('decision')} className="panel">
            <h2 id={sectionId('decision')}>Beslut</h2>
            <DecisionDetails decision={assessment.decision} />
          </section>
        ) : (
          !open && (
            <section className="panel">
              <DecisionForm assessment={assessment} onDecided={handleDecided} />
            </section>
          )
        )}
      </div>
    </>
  );
}
