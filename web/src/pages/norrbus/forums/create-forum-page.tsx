import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { BackLink } from '../../../components/back-link';
import { FailureAlert, Field, useMutationForm } from '../../../components/forms';
import { ErrorAlert, Loading } from '../../../components/page-states';
import { useViewer } from '../../../components/viewer-context';
import { compareSv } from '../../../lib/format';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { CreateForumMutation, ForumOrganisationsQuery } from './operations';
import './forums.css';

type Organisation = { id: string; name: string; kind: string };
type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; organisations: Organisation[] };

/** Organisations that take part in a forum: the services, not steering groups or joint foster-care units. */
const MEMBER_KINDS = new Set(['MUNICIPALITY', 'REGION', 'SCHOOL_UNIT', 'SOCIAL_SERVICES_UNIT', 'PRIMARY_CARE_UNIT', 'SPECIALIST_CARE_UNIT', 'PRIVATE_SCHOOL', 'PRIVATE_CARE_PROVIDER', 'POLICE', 'OTHER']);

/** /forum/nytt — a municipality (or one of its units) sets up a Forum barn och unga. */
export function CreateForumPage() {
  useDocumentTitle('Inrätta Forum barn och unga');
  const viewer = useViewer();
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(
    () =>
      startQuery(
        ForumOrganisationsQuery,
        {},
        ({ organisations }) => {
          // The organisations of the viewer's county: those the forum draws its members from.
          const county = organisations.find((o) => o.id === viewer.organisation.id)?.county ?? null;
          const inCounty = organisations.filter((o) => MEMBER_KINDS.has(o.kind) && (county === null || o.county === county));
          setState({ status: 'ready', organisations: inCounty.sort((a, b) => compareSv(a.name, b.name)) });
        },
        (message) => setState({ status: 'error', message }),
      ),
    [viewer.organisation.id],
  );
  return (
    <>
      <BackLink to="/forum">Forum barn och unga</BackLink>
      <h1>Inrätta Forum barn och unga</h1>
      <p className="lead">Forumet hör till kommunen du agerar för. Vem som är sammankallande och hur ofta forumet möts bestäms lokalt; det viktiga är regelbundenheten.</p>
      {state.status === 'loading' && <Loading>Hämtar organisationerna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && <CreateForumForm organisations={state.organisations} ownId={viewer.organisation.id} />}
    </>
  );
}

function CreateForumForm({ organisations, ownId }: { organisations: Organisation[]; ownId: string }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [convenerId, setConvenerId] = useState(organisations.some((o) => o.id === ownId) ? ownId : (organisations[0]?.id ?? ''));
  const [schedule, setSchedule] = useState('');
  const [members, setMembers] = useState<Set<string>>(new Set());
  const [others, setOthers] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(CreateForumMutation);

  function toggle(id: string) {
    setMembers((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const named = others.split('\n').map((n) => n.trim()).filter(Boolean);
    const created = await submit({
      input: {
        name,
        convenerId,
        meetingSchedule: schedule,
        members: [...[...members].map((id) => ({ organisationId: id, name: null })), ...named.map((n) => ({ organisationId: null, name: n }))],
      },
    });
    if (created) navigate(`/forum/${created.id}`);
  }

  return (
    <form className="panel forum-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FailureAlert failure={failure} title="Forumet kunde inte inrättas" failureRef={failureRef} summary />
      <Field label="Forumets namn" hint="T.ex. Forum barn och unga Piteå." error={fieldError('name')}>
        {(props) => <input {...props} type="text" required value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Sammankallande" error={fieldError('convenerId')}>
        {(props) => (
          <select {...props} value={convenerId} onChange={(e) => setConvenerId(e.target.value)}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Mötesplan" hint="Hur ofta och när forumet möts, t.ex. Andra tisdagen varannan månad." error={fieldError('meetingSchedule')}>
        {(props) => <input {...props} type="text" required value={schedule} onChange={(e) => setSchedule(e.target.value)} />}
      </Field>
      <fieldset className="choice-group forum-form__members">
        <legend>Medlemmar</legend>
        {organisations
          .filter((o) => o.id !== convenerId)
          .map((o) => (
            <label key={o.id} className="choice">
              <input type="checkbox" checked={members.has(o.id)} onChange={() => toggle(o.id)} />
              {o.name}
            </label>
          ))}
      </fieldset>
      <Field label="Övriga medlemmar" hint="Den som inte finns på plattformen, t.ex. polisen eller en fastighetsägare. En per rad." error={fieldError('members')}>
        {(props) => <textarea {...props} rows={3} value={others} onChange={(e) => setOthers(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Inrätta forumet
        </button>
      </div>
    </form>
  );
}
