import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { BackLink } from '../../../components/back-link';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../../components/forms';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ForumLoadState, useForum } from './forum-page';
import { RecordForumMeetingMutation, type ForumDetails } from './operations';
import './forums.css';

interface ActionDraft {
  key: number;
  action: string;
  responsible: string;
  dueOn: string;
}

const emptyAction = (key: number): ActionDraft => ({ key, action: '', responsible: '', dueOn: '' });

/** /forum/:id/nytt-mote — the convener records a held meeting: topics, minutes and agreed actions. */
export function RecordForumMeetingRoute() {
  const { id = '' } = useParams();
  const { state, reload } = useForum(id);
  useDocumentTitle('Protokollför möte');
  if (state.status !== 'ready') return <ForumLoadState state={state} onRetry={reload} />;
  return <RecordForumMeetingPage forum={state.forum} />;
}

function RecordForumMeetingPage({ forum }: { forum: ForumDetails }) {
  const navigate = useNavigate();
  const id = useId();
  const [heldOn, setHeldOn] = useState(todayInSweden);
  const [topics, setTopics] = useState('');
  const [minutes, setMinutes] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([emptyAction(0)]);
  const [nextKey, setNextKey] = useState(1);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordForumMeetingMutation);

  const update = (key: number, change: Partial<ActionDraft>) => setActions((list) => list.map((a) => (a.key === key ? { ...a, ...change } : a)));
  function addAction() {
    setActions((list) => [...list, emptyAction(nextKey)]);
    setNextKey((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        forumId: forum.id,
        heldOn,
        topics: topics.split('\n').map((t) => t.trim()).filter(Boolean),
        minutes,
        // A row left wholly empty is no action.
        actions: actions.filter((a) => a.action.trim() || a.responsible.trim() || a.dueOn).map((a) => ({ action: a.action, responsible: a.responsible, dueOn: a.dueOn || null })),
      },
    });
    if (saved) navigate(`/forum/${forum.id}`);
  }

  return (
    <>
      <BackLink to={`/forum/${forum.id}`}>{forum.name}</BackLink>
      <h1>Protokollför möte: {forum.name}</h1>
      {!forum.canRecordMeetings && <p className="alert alert--warning">Bara forumets sammankallande, eller den organisation som inrättade forumet, protokollför möten.</p>}
      <p className="alert alert--info" id={`${id}-privacy`}>
        Forum barn och unga diskuterar läget i kommunen, inte enskilda barn. Skriv inte namn eller personnummer; text med personnummer sparas inte.
      </p>
      <form className="panel forum-form" noValidate onSubmit={(event) => void handleSubmit(event)} aria-describedby={`${id}-privacy`}>
        <FailureAlert failure={failure} title="Mötet kunde inte sparas" failureRef={failureRef} summary />
        <Field label="Mötesdag" error={fieldError('heldOn')}>
          {(props) => <input {...props} type="date" required className="input--short" value={heldOn} max={todayInSweden()} onChange={(e) => setHeldOn(e.target.value)} />}
        </Field>
        <Field label="Ämnen" hint="Ett ämne per rad." error={fieldError('topics')}>
          {(props) => <textarea {...props} rows={4} required value={topics} onChange={(e) => setTopics(e.target.value)} />}
        </Field>
        <Field label="Protokoll" error={fieldError('minutes')}>
          {(props) => <textarea {...props} rows={10} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </Field>
        <fieldset className="forum-form__actions">
          <legend>Åtgärder som bestämdes</legend>
          {actions.map((draft, index) => (
            <div key={draft.key} className="field-row forum-form__action" role="group" aria-label={`Åtgärd ${index + 1}`}>
              <Field label="Vad ska göras" className="field field--grow" error={fieldError(`actions.${index}.action`)}>
                {(props) => <input {...props} type="text" value={draft.action} onChange={(e) => update(draft.key, { action: e.target.value })} />}
              </Field>
              <Field label="Ansvarig" error={fieldError(`actions.${index}.responsible`)}>
                {(props) => <input {...props} type="text" value={draft.responsible} onChange={(e) => update(draft.key, { responsible: e.target.value })} />}
              </Field>
              <Field label="Klar senast" error={fieldError(`actions.${index}.dueOn`)}>
                {(props) => <input {...props} type="date" value={draft.dueOn} onChange={(e) => update(draft.key, { dueOn: e.target.value })} />}
              </Field>
              <button type="button" className="button button--link" onClick={() => setActions((list) => list.filter((a) => a.key !== draft.key))}>
                Ta bort<span className="visually-hidden"> åtgärd {index + 1}</span>
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={addAction}>
            Lägg till åtgärd
          </button>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" aria-busy={saving}>
            Spara protokollet
          </button>
        </div>
      </form>
    </>
  );
}
