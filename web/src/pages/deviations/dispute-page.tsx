import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { BackLink } from '../../components/back-link';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActionForm } from './action-form';
import { DISPUTE_EVENT_LABELS, DISPUTE_LEVEL_LABELS, DISPUTE_STATUS_LABELS, DISPUTE_SUBJECT_LABELS } from './labels';
import { DisputeQuery, EscalateDisputeMutation, ResolveDisputeMutation, StateDisputePositionMutation, type DisputeDetails } from './operations';
import { PositionList } from './position-list';
import './deviations.css';

type State = UnreadyState | { status: 'ready'; dispute: DisputeDetails };

export function DisputeRoute() {
  const { id = '' } = useParams();
  return <DisputePage key={id} id={id} />;
}

/** /oenigheter/:id — a dispute: the question, each party's position, the history, and what the party can do now. */
function DisputePage({ id }: { id: string }) {
  const idPrefix = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [message, announce] = useAnnouncement();
  const actionsHeadingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(state.status === 'ready' ? `Oenighet: ${state.dispute.intervention}` : 'Oenighet');

  useEffect(
    () =>
      startQuery(
        DisputeQuery,
        { id },
        ({ dispute }) => setState(dispute ? { status: 'ready', dispute } : { status: 'not-found' }),
        (text) => setState({ status: 'error', message: text }),
      ),
    [id, attempt],
  );

  const saved = useCallback(
    (text: string) => (dispute: DisputeDetails) => {
      setState({ status: 'ready', dispute });
      announce(text);
      requestAnimationFrame(() => actionsHeadingRef.current?.focus());
    },
    [announce],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const backLink = <BackLink to="/oenigheter">Oenigheter</BackLink>;

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar oenigheten…"
        errorHeading="Oenigheten kunde inte visas"
        notFoundHeading="Oenigheten hittades inte"
        notFound="Oenigheten finns inte, eller så är din organisation inte part i den."
        onRetry={reload}
      />
    );
  }

  const { dispute } = state;
  const headings = { facts: `${idPrefix}-facts`, positions: `${idPrefix}-positions`, history: `${idPrefix}-history`, actions: `${idPrefix}-actions` };
  const versioned = (occurredOn: string) => ({ disputeId: dispute.id, expectedVersion: dispute.version, occurredOn });

  return (
    <div className="deviations-area">
      {backLink}
      <div className="page-title">
        <h1>Oenighet: {dispute.intervention}</h1>
        <p className="page-title__meta">
          {DISPUTE_SUBJECT_LABELS[dispute.subject]} · {DISPUTE_LEVEL_LABELS[dispute.level]} · {DISPUTE_STATUS_LABELS[dispute.status]}
        </p>
      </div>
      <div className="detail-layout">
        <div className="detail-layout__main">
          <section aria-labelledby={headings.facts} className="panel">
            <h2 id={headings.facts}>Frågan</h2>
            <p className="deviation-text">{dispute.question}</p>
            <dl className="facts">
              <div>
                <dt>Togs upp</dt>
                <dd>
                  {formatDate(dispute.raisedOn)} av {dispute.raisingOrganisation.name}
                </dd>
              </div>
              <div>
                <dt>Kommun</dt>
                <dd>
                  {dispute.municipality.name}
                  {dispute.countyPart && <span className="facts__sub">{dispute.countyPart}</span>}
                </dd>
              </div>
              {dispute.outcome && (
                <div>
                  <dt>Utfall {formatDate(dispute.resolvedOn)}</dt>
                  <dd>{dispute.outcome}</dd>
                </div>
              )}
            </dl>
          </section>
          <section aria-labelledby={headings.positions} className="panel">
            <h2 id={headings.positions}>Parternas ståndpunkter</h2>
            <PositionList positions={dispute.parties} />
          </section>
          <section aria-labelledby={headings.history} className="panel">
            <h2 id={headings.history}>Historik</h2>
            <ol className="timeline">
              {dispute.history.map((event, index) => (
                <li key={index} className="timeline__event">
                  <time dateTime={event.occurredOn} className="timeline__date">
                    {formatDate(event.occurredOn)}
                  </time>
                  <span className="timeline__title">{DISPUTE_EVENT_LABELS[event.kind]}</span>
                  {event.note && <span className="timeline__note">{event.note}</span>}
                  <span className="timeline__signed">
                    {event.organisation.name}
                    {event.signedBy ? `, ${event.signedBy}` : ''}
                  </span>
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
          {dispute.status === 'OPEN' && dispute.level === 'COUNTY' && <p>Oenigheten är lyft till länsnivå; styrgruppen avgör den.</p>}
          <div key={`${dispute.version}:${attempt}`}>
            {dispute.actions.includes('STATE_POSITION') && (
              <ActionForm
                heading="Er ståndpunkt"
                hint="Utan namn och personnummer: ståndpunkten når styrgruppen om oenigheten lyfts."
                textLabel="Ståndpunkt"
                submitLabel="Spara ståndpunkt"
                notBefore={dispute.raisedOn}
                mutation={StateDisputePositionMutation}
                input={(position, occurredOn) => ({ ...versioned(occurredOn), position })}
                onSaved={saved('Ståndpunkten är sparad.')}
                onReload={reload}
              />
            )}
            {dispute.actions.includes('RESOLVE') && (
              <ActionForm
                heading="Utfall"
                hint="Det ledningarna har enats om."
                textLabel="Utfall"
                submitLabel="Registrera utfall"
                notBefore={dispute.raisedOn}
                mutation={ResolveDisputeMutation}
                input={(outcome, occurredOn) => ({ ...versioned(occurredOn), outcome })}
                onSaved={saved('Utfallet är registrerat.')}
                onReload={reload}
              />
            )}
            {dispute.actions.includes('ESCALATE') && (
              <ActionForm
                heading="Lyft till länsnivå"
                hint="När ledningarna inte kommer överens avgör styrgruppen."
                submitLabel="Lyft oenigheten"
                notBefore={dispute.raisedOn}
                mutation={EscalateDisputeMutation}
                input={(_text, occurredOn) => versioned(occurredOn)}
                onSaved={saved('Oenigheten är lyft till länsnivå.')}
                onReload={reload}
              />
            )}
            {dispute.status === 'OPEN' && dispute.level === 'MANAGEMENT' && !dispute.actions.includes('ESCALATE') && (
              <p className="hint">Oenigheten kan lyftas när alla parter har angett sin ståndpunkt.</p>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
