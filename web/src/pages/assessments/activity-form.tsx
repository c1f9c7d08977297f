import { useId, useState, type FormEvent } from 'react';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../components/forms';
import { ACTIVITY_KINDS, RecordAssessmentActivityMutation, type ActivityKind, type HomeAssessment, type HomeAssessmentCore } from './assessment-api';
import { ACTIVITY_KIND_LABELS } from './labels';

export interface AssessmentFormProps {
  assessment: HomeAssessment;
  /** The assessment as the server now has it, and what to announce. */
  onSaved: (assessment: HomeAssessmentCore, announcement: string) => void;
}

/** Records an interview, home visit or reference (datum, vem, anteckning). */
export function ActivityForm({ assessment, onSaved }: AssessmentFormProps) {
  const headingId = useId();
  const [kind, setKind] = useState<ActivityKind>('INTERVIEW');
  const [occurredOn, setOccurredOn] = useState(todayInSweden);
  const [participants, setParticipants] = useState('');
  const [note, setNote] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordAssessmentActivityMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: { assessmentId: assessment.id, kind, occurredOn, participants: participants.trim(), note: note.trim() || null } });
    if (saved) {
      setParticipants('');
      setNote('');
      onSaved(saved, `${ACTIVITY_KIND_LABELS[kind]} ${occurredOn} är registrerad.`);
    }
  }

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>Registrera moment</h3>
      <FailureAlert failure={failure} title="Momentet kunde inte registreras" failureRef={failureRef} summary />
      <div className="field-row">
        <Field label="Slag av moment" error={fieldError('kind')}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as ActivityKind)}>
              {ACTIVITY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ACTIVITY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Datum" error={fieldError('occurredOn')}>
          {(props) => <input {...props} type="date" required value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}
        </Field>
      </div>
      <Field label="Vem deltog eller lämnade referensen" error={fieldError('participants')}>
        {(props) => <input {...props} type="text" required autoComplete="off" value={participants} onChange={(e) => setParticipants(e.target.value)} />}
      </Field>
      <Field label="Anteckning" error={fieldError('note')}>
        {(props) => <textarea {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera moment
        </button>
      </div>
    </form>
  );
}
