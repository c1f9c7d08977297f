import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { BackLink } from '../../../components/back-link';
import { PageLoadState, type UnreadyState } from '../../../components/page-states';
import { useViewer } from '../../../components/viewer-context';
import { formatDate, formatPersonalIdentityNumber } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CommitmentsSection, CommitmentsTable } from './commitments-section';
import { ConsentSection } from './consent-section';
import { CallFollowUpForm, FollowUpOutcomeForm, HeldForm } from './follow-up-forms';
import { InvitationForm } from './invitation-section';
import { GENDER_LABELS, MEETING_STATUS_LABELS, meetingTime, partyOrganisations, personName } from './labels';
import { NorrbusMeetingQuery } from './operations';
import { meetingPath } from './overview-page';
import { ParticipantsSection } from './participants-section';
import type { NorrbusMeeting, PartyOrganisation } from './types';
import './meetings.css';

type State = UnreadyState | { status: 'ready'; meeting: NorrbusMeeting; organisations: PartyOrganisation[] };

export function NorrbusMeetingRoute() {
  const { id = '' } = useParams();
  return <NorrbusMeetingPage key={id} id={id} />;
}

function MeetingFacts({ meeting }: { meeting: NorrbusMeeting }) {
  const person = meeting.person;
  return (
    <dl className="facts">
      <div>
        <dt>Den unge</dt>
        <dd>
          {personName(person)}
          {person && (
            <span className="facts__sub">
              {person.personalIdentityNumber ? formatPersonalIdentityNumber(person.personalIdentityNumber) : `Född ${person.birthDate}`}, {person.age} år, {GENDER_LABELS[person.gender]}, {person.municipality.name}
              {person.placedOutsideHome ? ', placerad utanför hemmet' : ''}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          {MEETING_STATUS_LABELS[meeting.status]}
          <span className="facts__sub">{meetingTime(meeting)}{meeting.location ? `, ${meeting.location}` : ''}</span>
        </dd>
      </div>
      <div>
        <dt>Sammankallande</dt>
        <dd>{meeting.convener.name}</dd>
      </div>
      <div>
        <dt>Initiativ</dt>
        <dd>
          {formatDate(meeting.initiatedOn)}
          <span className="facts__sub">{meeting.initiativeReason}</span>
        </dd>
      </div>
      <div>
        <dt>Syfte</dt>
        <dd>{meeting.purpose ?? 'Ingen kallelse ännu'}</dd>
      </div>
      <div>
        <dt>Kallade</dt>
        <dd>{meeting.invitations.length === 0 ? 'Ingen' : meeting.invitations.map((i) => i.organisation.name).join(', ')}</dd>
      </div>
      {meeting.twoPartyReason && (
        <div>
          <dt>Skäl till två parter</dt>
          <dd>{meeting.twoPartyReason}</dd>
        </div>
      )}
      <div>
        <dt>Samordnare</dt>
        <dd>{meeting.coordinator?.name ?? '–'}</dd>
      </div>
      <div>
        <dt>Kallar till uppföljning</dt>
        <dd>{meeting.followUpConvener.name}</dd>
      </div>
    </dl>
  );
}

/**
 * /norrbus/moten/:id — one Norrbusmöte: for the convener the whole way from consent and kallelse to
 * participants, notes, åtaganden and the follow-up; for an invited organisation what the consent
 * lets it see, and its own participants.
 */
function NorrbusMeetingPage({ id }: { id: string }) {
  const viewer = useViewer();
  const ids = { meeting: useId(), followUp: useId() };
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState('');
  const meeting = state.status === 'ready' ? state.meeting : null;
  useDocumentTitle(meeting ? `Norrbusmöte: ${personName(meeting.person)}` : 'Norrbusmöte');

  useEffect(
    () =>
      startQuery(
        NorrbusMeetingQuery,
        { id },
        ({ norrbusMeeting, organisations }) => setState(norrbusMeeting ? { status: 'ready', meeting: norrbusMeeting, organisations } : { status: 'not-found' }),
        (message) => setState({ status: 'error', message }),
      ),
    [id, attempt],
  );

  const saved = useCallback((message: string) => {
    setNotice(message);
    setAttempt((n) => n + 1);
  }, []);

  const backLink = <BackLink to="/norrbus">Tillbaka till mina Norrbusmöten</BackLink>;
  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        backLink={backLink}
        loading="Hämtar mötet…"
        errorHeading="Mötet kunde inte hämtas"
        notFoundHeading="Mötet finns inte"
        notFound="Mötet finns inte, eller så får din organisation inte se det: det kräver ett samtycke som gäller och som nämner er."
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  }
  const m = state.meeting;
  const organisations = partyOrganisations(state.organisations, viewer.organisation.id);
  const parties = [m.convener, ...m.invitations.map((i) => i.organisation)];
  const open = m.status === 'PLANNED' || m.status === 'INVITED';

  return (
    <>
      {backLink}
      <h1>Norrbusmöte: {personName(m.person)}</h1>
      <p role="status" className="status-region">
        {notice}
      </p>
      <section aria-labelledby={ids.meeting}>
        <h2 id={ids.meeting} className="visually-hidden">
          Mötet
        </h2>
        <MeetingFacts meeting={m} />
        {m.followUpOf && (
          <p>
            Uppföljande möte av <Link to={meetingPath(m.followUpOf.id)}>mötet den {formatDate(m.followUpOf.heldOn)}</Link>.
          </p>
        )}
        {m.notes && (
          <>
            <h3 className="norrbus-notes-heading">Anteckningar</h3>
            <p className="norrbus-notes">{m.notes}</p>
          </>
        )}
      </section>
      {m.person?.registeredByViewer && <ConsentSection key={`consent-${m.person.version}-${m.person.consents.length}`} person={m.person} organisations={organisations} onSaved={saved} />}
      {m.convenedByViewer && open && <InvitationForm key={`invite-${m.version}`} meeting={m} organisations={organisations} onSaved={saved} />}
      <ParticipantsSection key={`participants-${m.participants.length}`} meeting={m} parties={parties} onSaved={saved} />
      {m.convenedByViewer && m.status === 'INVITED' && !m.followUpOf && <HeldForm key={`held-${m.version}`} meeting={m} parties={parties} onSaved={saved} />}
      {m.convenedByViewer && m.status === 'INVITED' && m.followUpOf && <FollowUpOutcomeForm key={`outcomes-${m.version}`} meeting={m} onSaved={saved} />}
      {m.followUpOf && <CommitmentsTable caption="Åtaganden från mötet som följs upp" commitments={m.followUpOf.commitments} />}
      <CommitmentsSection key={`commitments-${m.version}`} meeting={m} parties={parties} onSaved={saved} />
      <section className="norrbus-section" aria-labelledby={ids.followUp}>
        <h2 id={ids.followUp}>Uppföljning</h2>
        {m.followUps.length === 0 ? (
          <p>Inget uppföljande möte är kallat.</p>
        ) : (
          <ul>
            {m.followUps.map((f) => (
              <li key={f.id}>
                <Link to={meetingPath(f.id)}>Uppföljande möte, {meetingTime(f)}</Link> ({MEETING_STATUS_LABELS[f.status]})
              </li>
            ))}
          </ul>
        )}
        {m.canCallFollowUp && <CallFollowUpForm meeting={m} />}
      </section>
    </>
  );
}
