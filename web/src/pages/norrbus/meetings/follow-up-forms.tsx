import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../../components/forms';
import { OUTCOME_LABELS, swedishDateTime } from './labels';
import { OrganisationSelect, WhenAndWhereFields } from './meeting-fields';
import { CallFollowUpMutation, RecordFollowUpMutation, RecordHeldMutation } from './operations';
import { meetingPath } from './overview-page';
import type { CommitmentOutcome, NamedOrganisation, NorrbusMeeting } from './types';

type Held = { heldOn: string; notes: string };

/** The day the meeting was held and its notes. */
function HeldFields({ held, onChange, fieldError }: { held: Held; onChange: (held: Held) => void; fieldError: (field: string) => string | undefined }) {
  return (
    <>
      <Field label="Dag då mötet hölls" error={fieldError('heldOn')}>
        {(props) => <input {...props} type="date" value={held.heldOn} onChange={(e) => onChange({ ...held, heldOn: e.target.value })} />}
      </Field>
      <Field label="Anteckningar" error={fieldError('notes')}>
        {(props) => <textarea {...props} value={held.notes} onChange={(e) => onChange({ ...held, notes: e.target.value })} />}
      </Field>
    </>
  );
}

/** That the meeting was held, with the notes, and who calls the follow-up (the convener unless another party takes over). */
export function HeldForm({ meeting, parties, onSaved }: { meeting: NorrbusMeeting; parties: readonly NamedOrganisation[]; onSaved: (message: string) => void }) {
  const [held, setHeld] = useState({ heldOn: todayInSweden(), notes: '' });
  const [followUpConvenerId, setFollowUpConvenerId] = useState(meeting.convener.id);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordHeldMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submit({ input: { meetingId: meeting.id, expectedVersion: meeting.version, ...held, followUpConvenerId } })) onSaved('Mötet är registrerat som hållet.');
  }

  return (
    <form className="norrbus-form" aria-label="Registrera att mötet hölls" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3>Registrera att mötet hölls</h3>
      <FailureAlert failure={failure} title="Mötet kunde inte registreras" failureRef={failureRef} summary />
      <HeldFields held={held} onChange={setHeld} fieldError={fieldError} />
      <OrganisationSelect label="Kallar till uppföljande möte" error={fieldError('followUpConvenerOrgId')} organisations={parties} value={followUpConvenerId} onChange={setFollowUpConvenerId} />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Spara
        </button>
      </div>
    </form>
  );
}

type OutcomeChoice = CommitmentOutcome | 'LATER';
const OUTCOME_CHOICES: OutcomeChoice[] = ['DONE', 'PARTLY_DONE', 'NOT_DONE', 'LATER'];
const CHOICE_LABELS: Record<OutcomeChoice, string> = { ...OUTCOME_LABELS, LATER: 'Följs inte upp nu' };

/** The follow-up meeting held: its notes, and for each open åtagande of the meeting followed up, what became of it. */
export function FollowUpOutcomeForm({ meeting, onSaved }: { meeting: NorrbusMeeting; onSaved: (message: string) => void }) {
  const open = meeting.followUpOf?.commitments.filter((c) => !c.outcome) ?? [];
  const [held, setHeld] = useState({ heldOn: todayInSweden(), notes: '' });
  const [outcomes, setOutcomes] = useState<Record<string, OutcomeChoice>>({});
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordFollowUpMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const recorded = Object.entries(outcomes).flatMap(([commitmentId, outcome]) => (outcome === 'LATER' ? [] : [{ commitmentId, outcome, note: null }]));
    if (await submit({ input: { meetingId: meeting.id, expectedVersion: meeting.version, ...held, outcomes: recorded } })) {
      onSaved(`Uppföljningen är registrerad med utfall för ${recorded.length} ${recorded.length === 1 ? 'åtagande' : 'åtaganden'}.`);
    }
  }

  return (
    <form className="norrbus-form" aria-label="Registrera uppföljningen" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3>Registrera uppföljningen</h3>
      <FailureAlert failure={failure} title="Uppföljningen kunde inte registreras" failureRef={failureRef} summary />
      <HeldFields held={held} onChange={setHeld} fieldError={fieldError} />
      {open.length === 0 && <p>Inga öppna åtaganden att följa upp.</p>}
      {open.map((commitment) => (
        <RadioGroup<OutcomeChoice>
          key={commitment.id}
          legend={`${commitment.intervention} (${commitment.responsibleOrganisation.name})`}
          name={`outcome-${commitment.id}`}
          value={outcomes[commitment.id] ?? 'LATER'}
          options={OUTCOME_CHOICES.map((value) => ({ value, label: CHOICE_LABELS[value] }))}
          onChange={(value) => setOutcomes({ ...outcomes, [commitment.id]: value })}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Spara uppföljningen
        </button>
      </div>
    </form>
  );
}

/** Calls the follow-up meeting; the parties are called again, and the new meeting's page opens. */
export function CallFollowUpForm({ meeting }: { meeting: NorrbusMeeting }) {
  const navigate = useNavigate();
  const [purpose, setPurpose] = useState(`Följa upp åtagandena från mötet den ${meeting.heldOn ?? ''}.`);
  const [when, setWhen] = useState({ date: meeting.commitments.map((c) => c.followUpOn).sort()[0] ?? todayInSweden(), time: '09:00', location: meeting.location ?? '' });
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(CallFollowUpMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: { meetingId: meeting.id, purpose, scheduledAt: swedishDateTime(when.date, when.time), location: when.location.trim() || null } });
    if (saved) navigate(meetingPath(saved.id));
  }

  return (
    <form className="norrbus-form" aria-label="Kalla till uppföljande möte" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3>Kalla till uppföljande möte</h3>
      <FailureAlert failure={failure} title="Det uppföljande mötet kunde inte kallas" failureRef={failureRef} summary />
      <Field label="Syfte" error={fieldError('purpose')}>
        {(props) => <textarea {...props} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <WhenAndWhereFields when={when} onChange={setWhen} error={fieldError('scheduledAt')} />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Kalla till uppföljande möte
        </button>
      </div>
    </form>
  );
}
