import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { startQuery } from '../../api/graphql';
import type { ChildFollowUpSchedule, DueFollowUp, FollowUpChild, FollowUpKind } from '../../api/types';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { DataTable, EmptyRow } from '../../components/data-table';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_STATUS_LABELS } from '../../lib/labels';
import { ChildFollowUpsQuery, RecordFollowUpMutation } from './operations';
import './follow-ups.css';

/** What the timeline says once a follow-up is saved (Swedish agrees with the noun's gender). */
const RECORDED: Record<FollowUpKind, string> = {
  VISIT: 'Besök hos barnet är registrerat.',
  REVIEW: 'Övervägandet är registrerat.',
  REEXAMINATION: 'Omprövningen är registrerad.',
  CUSTODY_TRANSFER_CONSIDERATION: 'Övervägandet av vårdnadsöverflyttning är registrerat.',
  CARE_PLAN_REVISION: 'Revideringen av vårdplanen är registrerad.',
};

/** Whole days from one ISO date to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'not-found' } | { status: 'ready'; items: DueFollowUp[] };

/**
 * A placed child's follow-up: the next visit, review and the other statutory follow-ups with their
 * due dates and status, a form to record one, and those done. `childId` is the child's global id.
 */
export function ChildFollowUps({ childId, onLoaded }: { childId: string; onLoaded?: (child: FollowUpChild) => void }) {
  const headingId = useId();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [recording, setRecording] = useState<DueFollowUp | null>(null);
  const [message, announce] = useAnnouncement();
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      ChildFollowUpsQuery,
      { childId },
      ({ child }) => {
        if (!child?.followUps) {
          setState({ status: 'not-found' });
          return;
        }
        setState({ status: 'ready', items: child.followUps.items });
        onLoadedRef.current?.({ id: child.id, givenName: child.givenName, familyName: child.familyName });
      },
      (error) => setState({ status: 'error', message: error }),
    );
  }, [childId, attempt]);

  const open = state.status === 'ready' ? state.items.filter((item) => item.status !== 'DONE') : [];
  const done = state.status === 'ready' ? state.items.filter((item) => item.status === 'DONE').reverse() : [];

  return (
    <section className="child-follow-ups" aria-labelledby={headingId}>
      <h2 id={headingId}>Uppföljning</h2>
      {state.status === 'loading' && <Loading>Hämtar uppföljningen…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'not-found' && <p>Barnets uppföljning finns inte, eller så är barnet inte placerat av din kommun.</p>}
      <Announcement message={message} />
      {state.status === 'ready' && (
        <>
          <p className="muted">Förfallodagarna räknas fram ur kommunens uppföljningspolicy. Nästa uppföljning av varje slag förfaller ett intervall efter den senast gjorda.</p>
          <DataTable caption="Nästa uppföljningar">
            <thead>
              <tr>
                <th scope="col">Uppföljning</th>
                <th scope="col">Förfaller</th>
                <th scope="col">Status</th>
                <th scope="col">Lagrum</th>
                <th scope="col">
                  <span className="visually-hidden">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {open.length === 0 && <EmptyRow columns={5}>Inget förfaller: vården har upphört.</EmptyRow>}
              {open.map((item) => (
                <tr key={item.kind}>
                  <th scope="row">{FOLLOW_UP_KIND_LABELS[item.kind]}</th>
                  <td className="tabular">{formatDate(item.dueOn)}</td>
                  <td>
                    <span className={`follow-up-status follow-up-status--${item.status.toLowerCase()}`}>{FOLLOW_UP_STATUS_LABELS[item.status]}</span>
                  </td>
                  <td>{item.reference}</td>
                  <td>
                    <button type="button" className="button button--secondary" aria-expanded={recording?.kind === item.kind} onClick={() => setRecording(item)}>
                      Registrera<span className="visually-hidden"> {FOLLOW_UP_KIND_LABELS[item.kind].toLowerCase()}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {recording && (
            <RecordFollowUpForm
              key={`${recording.kind}-${recording.dueOn}`}
              childId={childId}
              item={recording}
              onCancel={() => setRecording(null)}
              onSaved={(schedule) => {
                setRecording(null);
                setState({ status: 'ready', items: schedule.items });
                announce(RECORDED[recording.kind]);
              }}
            />
          )}
          <DataTable caption="Genomförda uppföljningar">
            <thead>
              <tr>
                <th scope="col">Uppföljning</th>
                <th scope="col">Förföll</th>
                <th scope="col">Gjord</th>
                <th scope="col">Av</th>
                <th scope="col">Enskilt samtal</th>
                <th scope="col">Anteckning</th>
              </tr>
            </thead>
            <tbody>
              {done.length === 0 && <EmptyRow columns={6}>Inga uppföljningar är registrerade än.</EmptyRow>}
              {done.map((item) => {
                const late = item.doneOn ? daysFrom(item.dueOn, item.doneOn) : 0;
                return (
                  <tr key={`${item.kind}-${item.dueOn}`}>
                    <th scope="row">{FOLLOW_UP_KIND_LABELS[item.kind]}</th>
                    <td className="tabular">{formatDate(item.dueOn)}</td>
                    <td className="tabular">
                      {formatDate(item.doneOn)}
                      {late > 0 && <span className="follow-up-late"> ({late} dagar sent)</span>}
                    </td>
                    <td>{item.doneBy?.displayName ?? '–'}</td>
                    <td>{item.talkedAlone === null ? '–' : item.talkedAlone ? 'Ja' : 'Nej'}</td>
                    <td>{item.note ?? '–'}</td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

/** Records the follow-up `item` asks for, answering its due date. */
function RecordFollowUpForm({ childId, item, onCancel, onSaved }: { childId: string; item: DueFollowUp; onCancel: () => void; onSaved: (schedule: ChildFollowUpSchedule) => void }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const today = todayInSweden();
  const [doneOn, setDoneOn] = useState(today);
  const [talkedAlone, setTalkedAlone] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordFollowUpMutation);
  const label = FOLLOW_UP_KIND_LABELS[item.kind].toLowerCase();

  // Keyboard and screen reader users land on the form they opened.
  useEffect(() => headingRef.current?.focus(), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        childId,
        kind: item.kind,
        dueOn: item.dueOn,
        doneOn,
        talkedAlone: item.kind === 'VISIT' && talkedAlone !== '' ? talkedAlone === 'yes' : null,
        note: note.trim() || null,
      },
    });
    if (saved) onSaved(saved);
  }

  return (
    <form className="panel follow-up-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Registrera {label}
      </h3>
      <p className="muted">
        Besvarar förfallodagen {formatDate(item.dueOn)}
        {item.countedFrom ? `; kan registreras med datum från ${formatDate(item.countedFrom)}.` : '.'}
      </p>
      <FailureAlert failure={failure} title="Uppföljningen kunde inte registreras" failureRef={failureRef} summary />
      <Field label="Datum då det gjordes" error={fieldError('doneOn')}>
        {(props) => <input {...props} type="date" required min={item.countedFrom ?? undefined} max={today} value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />}
      </Field>
      {item.kind === 'VISIT' && (
        <RadioGroup
          legend="Samtalade du enskilt med barnet?"
          name="talked-alone"
          value={talkedAlone}
          options={[
            { value: 'yes', label: 'Ja' },
            { value: 'no', label: 'Nej' },
          ]}
          onChange={setTalkedAlone}
          error={fieldError('talkedAlone')}
        />
      )}
      <Field label="Anteckning" error={fieldError('note')}>
        {(props) => <textarea {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Spara
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
