import { useId, useState, type FormEvent } from 'react';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../components/forms';
import { RecordChildHeardMutation } from './assessment-api';
import type { AssessmentFormProps } from './activity-form';

/** Records that one of the family's own children has been heard. */
export function ChildHeardForm({ assessment, onSaved }: AssessmentFormProps) {
  const headingId = useId();
  const heard = new Set(assessment.childrenHeard.map((h) => h.householdMemberId));
  const waiting = assessment.fosterHome.householdMembers.filter((m) => m.role === 'CHILD' && !heard.has(m.id));
  const [memberId, setMemberId] = useState(waiting[0]?.id ?? '');
  const [heardOn, setHeardOn] = useState(todayInSweden);
  const [note, setNote] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordChildHeardMutation);
  const chosen = waiting.some((m) => m.id === memberId) ? memberId : (waiting[0]?.id ?? '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: { assessmentId: assessment.id, householdMemberId: chosen, heardOn, note: note.trim() || null } });
    if (saved) {
      const child = waiting.find((m) => m.id === chosen);
      setNote('');
      onSaved(saved, `${child?.givenName ?? 'Barnet'} är registrerad som hörd.`);
    }
  }

  if (waiting.length === 0) return null;

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>Registrera att ett barn har hörts</h3>
      <FailureAlert failure={failure} title="Det kunde inte registreras" failureRef={failureRef} summary />
      <div className="field-row">
        <Field label="Barn" error={fieldError('householdMemberId')}>
          {(props) => (
            <select {...props} value={chosen} onChange={(e) => setMemberId(e.target.value)}>
              {waiting.map((child) => (
                <option key={child.id} value={child.id}>
                  {child.givenName} {child.familyName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Datum då barnet hördes" error={fieldError('heardOn')}>
          {(props) => <input {...props} type="date" required value={heardOn} onChange={(e) => setHeardOn(e.target.value)} />}
        </Field>
      </div>
      <Field label="Anteckning" error={fieldError('note')}>
        {(props) => <textarea {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera att barnet hörts
        </button>
      </div>
    </form>
  );
}
