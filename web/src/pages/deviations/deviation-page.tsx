import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { BackLink } from '../../components/back-link';
import { DataTable } from '../../components/data-table';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ActionForm } from './action-form';
import { DEVIATION_CATEGORY_LABELS, DEVIATION_EVENT_LABELS, DEVIATION_LEVEL_LABELS, DEVIATION_STATUS_LABELS, nextLevel } from './labels';
import {
  ClearDeviationSummaryMutation,
  CloseDeviationMutation,
  DecideDeviationActionMutation,
  DeviationQuery,
  EscalateDeviationMutation,
  RecordDeviationAnalysisMutation,
  type DeviationDetails,
} from './operations';
import './deviations.css';

type State = UnreadyState | { status: 'ready'; deviation: DeviationDetails };

/** Keyed by id so that moving to another deviation starts from a clean state. */
export function DeviationRoute() {
  const { id = '' } = useParams();
  return <DeviationPage key={id} id={id} />;
}

/** /avvikelser/:id — a deviation: what happened, the parties' analyses, the history and what the organisation can do now. */
function DeviationPage({ id }: { id: string }) {
  const idPrefix = useId();
  const location = useLocation();
  const reported = (location.state as { reported?: boolean } | null)?.reported === true;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [message, announce] = useAnnouncement(reported ? 'Avvikelsen är rapporterad.' : '');
  const actionsHeadingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(state.status === 'ready' ? `Avvikelse: ${DEVIATION_CATEGORY_LABELS[state.deviation.category]}` : 'Avvikelse');

  useEffect(
    () =>
      startQuery(
        DeviationQuery,
        { id },
        ({ deviation }) => setState(deviation ? { status: 'ready', deviation } : { status: 'not-found' }),
        (text) => setState({ status: 'error', message: text }),
      ),
    [id, attempt],
  );

  const saved = useCallback(
    (text: string) => (deviation: DeviationDetails) => {
      setState({ status: 'ready', deviation });
      announce(text);
      requestAnimationFrame(() => actionsHeadingRef.current?.focus());
    },
    [announce],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const backLink = <BackLink to="/avvikelser">Avvikelser</BackLink>;

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar avvikelsen…"
        errorHeading="Avvikelsen kunde inte visas"
        notFoundHeading="Avvikelsen hittades inte"
        notFound="Avvikelsen finns inte, eller så är din organisation inte berörd av den."
        onRetry={reload}
      />
    );
  }

  const { deviation } = state;
  const headings = { facts: `${idPrefix}-facts`, parties: `${idPrefix}-parties`, history: `${idPrefix}-history`, actions: `${idPrefix}-actions` };
  const versioned = (occurredOn: string) => ({ deviationId: deviation.id, expectedVersion: deviation.version, occurredOn });
  const next = nextLevel(deviation.level);

  return (
    <div className="deviations-area">
      {backLink}
      <div className="page-title">
        <h1>Avvikelse: {DEVIATION_CATEGORY_LABELS[deviation.category]}</h1>
        <p className="page-title__meta">
          {deviation.municipality.name}, {formatDate(deviation.occurredOn)} · {DEVIATION_LEVEL_LABELS[deviation.level]} ·{' '}
          <span className={`badge deviation-status deviation-status--${deviation.status.toLowerCase()}`}>{DEVIATION_STATUS_LABELS[deviation.status]}</span>
        </p>
      </div>

      <div className="detail-layout">
        <div className="detail-layout__main">
          <section aria-labelledby={headings.facts} className="panel">
            <h2 id={headings.facts}>Uppgifter</h2>
            <dl className="facts">
              <div>
                <dt>Rapporterad</dt>
                <dd>
                  {formatDate(deviation.reportedOn)} av {deviation.reportingOrganisation.name}
                  {deviation.reportedBy && <span className="facts__sub">{deviation.reportedBy}</span>}
                </dd>
              </div>
              <div>
                <dt>Kommun och länsdel</dt>
                <dd>
                  {deviation.municipality.name}
                  <span className="facts__sub">{[deviation.countyPart, deviation.county].filter(Boolean).join(', ')}</span>
                </dd>
              </div>
              <div>
                <dt>Beslutar på nuvarande nivå</dt>
                <dd>{deviation.decidingBody}</dd>
              </div>
              {deviation.meetingId && (
                <div>
                  <dt>Gäller</dt>
                  <dd>Ett Norrbusmöte</dd>
                </div>
              )}
              {deviation.closedOn && (
                <div>
                  <dt>Avslutad</dt>
                  <dd>{formatDate(deviation.closedOn)}</dd>
                </div>
              )}
            </dl>
            <h3>Beskrivning</h3>
            <p className="notice">Beskrivningen stannar på lokal nivå.</p>
            <p className="deviation-text">{deviation.description}</p>
            <h3>Avidentifierad sammanfattning</h3>
            {deviation.clearedSummary ? (
              <>
                <p className="deviation-text">{deviation.clearedSummary}</p>
                <p className="muted">
                  Godkänd {formatDate(deviation.clearedOn)}
                  {deviation.clearedBy ? ` av ${deviation.clearedBy}` : ''}. Det är den som syns över lokal nivå.
                </p>
              </>
            ) : (
              <p>Ingen sammanfattning är godkänd. Avvikelsen kan inte lyftas över lokal nivå förrän det finns en.</p>
            )}
          </section>

          <section aria-labelledby={headings.parties} className="panel">
            <h2 id={headings.parties}>Berörda parter och analyser</h2>
            <DataTable caption="De berörda parternas analyser" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Analys</th>
                  <th scope="col">Registrerad</th>
                </tr>
              </thead>
              <tbody>
                {deviation.parties.map((party) => (
                  <tr key={party.organisation.id}>
                    <th scope="row">{party.organisation.name}</th>
                    <td>{party.analysis ?? <span className="muted">Ingen analys ännu</span>}</td>
                    <td className="tabular">
                      {formatDate(party.analysedOn)}
                      {party.analysedBy && <span className="facts__sub">{party.analysedBy}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>

          <section aria-labelledby={headings.history} className="panel">
            <h2 id={headings.history}>Historik</h2>
            <ol className="timeline">
              {deviation.history.map((event, index) => (
                <li key={index} className={`timeline__event timeline__event--${event.kind.toLowerCase()}`}>
                  <time dateTime={event.occurredOn} className="timeline__date">
                    {formatDate(event.occurredOn)}
                  </time>
                  <span className="timeline__title">
                    {event.kind === 'ESCALATED' ? `Lyft till ${DEVIATION_LEVEL_LABELS[event.level].toLowerCase()}` : DEVIATION_EVENT_LABELS[event.kind]}
                    {event.kind === 'DECIDED' && ` (${DEVIATION_LEVEL_LABELS[event.level].toLowerCase()})`}
                  </span>
                  {event.decision && <span className="timeline__note">{event.decision}</span>}
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
          {deviation.actions.length === 0 && <p>Din organisation har inget att registrera i avvikelsen nu.</p>}
          <div key={`${deviation.version}:${attempt}`}>
            {deviation.actions.includes('ANALYSE') && (
              <ActionForm
                heading="Er analys"
                hint="Varför hände det, och vad gör ni åt det? Analysen registreras en gång."
                textLabel="Analys"
                submitLabel="Registrera analys"
                notBefore={deviation.reportedOn}
                mutation={RecordDeviationAnalysisMutation}
                input={(analysis, occurredOn) => ({ deviationId: deviation.id, analysis, occurredOn })}
                onSaved={saved('Analysen är registrerad.')}
                onReload={reload}
              />
            )}
            {deviation.actions.includes('CLEAR') && (
              <ActionForm
                heading={deviation.clearedSummary ? 'Ändra den avidentifierade sammanfattningen' : 'Godkänn en avidentifierad sammanfattning'}
                hint="Det här är vad som syns över lokal nivå. Den får inte innehålla namn, personnummer eller annat som kan identifiera den unga."
                textLabel="Sammanfattning"
                submitLabel="Godkänn sammanfattning"
                notBefore={deviation.reportedOn}
                mutation={ClearDeviationSummaryMutation}
                input={(summary, occurredOn) => ({ ...versioned(occurredOn), summary })}
                onSaved={saved('Sammanfattningen är godkänd.')}
                onReload={reload}
              />
            )}
            {deviation.actions.includes('DECIDE') && (
              <ActionForm
                heading={`Beslut om åtgärd: ${deviation.decidingBody}`}
                hint={deviation.level === 'LOCAL' ? undefined : 'Beslutet syns för styrgruppen: skriv det utan namn och personnummer.'}
                textLabel="Beslut"
                submitLabel="Registrera beslut"
                notBefore={deviation.reportedOn}
                mutation={DecideDeviationActionMutation}
                input={(decision, occurredOn) => ({ ...versioned(occurredOn), decision })}
                onSaved={saved('Beslutet är registrerat.')}
                onReload={reload}
              />
            )}
            {deviation.actions.includes('ESCALATE') && next && (
              <ActionForm
                heading={`Lyft till ${DEVIATION_LEVEL_LABELS[next].toLowerCase()}`}
                hint="Ett steg i taget och aldrig tillbaka. Bara den godkända sammanfattningen och besluten syns där."
                submitLabel="Lyft avvikelsen"
                notBefore={deviation.reportedOn}
                mutation={EscalateDeviationMutation}
                input={(_text, occurredOn) => ({ ...versioned(occurredOn), to: next })}
                onSaved={saved(`Avvikelsen är lyft till ${DEVIATION_LEVEL_LABELS[next].toLowerCase()}.`)}
                onReload={reload}
              />
            )}
            {!deviation.actions.includes('ESCALATE') && deviation.actions.includes('CLEAR') && next && (
              <p className="hint">
                {deviation.clearedSummary ? 'Avvikelsen kan lyftas när alla berörda parter har analyserat den.' : 'Avvikelsen kan lyftas när en avidentifierad sammanfattning är godkänd och alla parter har analyserat.'}
              </p>
            )}
            {deviation.actions.includes('CLOSE') && (
              <ActionForm
                heading="Avsluta"
                hint="När den beslutade åtgärden är på plats."
                submitLabel="Avsluta avvikelsen"
                notBefore={deviation.reportedOn}
                mutation={CloseDeviationMutation}
                input={(_text, occurredOn) => versioned(occurredOn)}
                onSaved={saved('Avvikelsen är avslutad.')}
                onReload={reload}
              />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
