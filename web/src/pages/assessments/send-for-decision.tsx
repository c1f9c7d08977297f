import { useId, useState, type FormEvent } from 'react';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../components/forms';
import { SendAssessmentForDecisionMutation } from './assessment-api';
import type { AssessmentFormProps } from './activity-form';

/**
 * "Skicka för beslut": the server checks the assessment on the day of sending; while anything is
 * missing it refuses, and the refusal's reasons are shown here.
 */
export function SendForDecision({ assessment, onSaved, onReload }: AssessmentFormProps & { onReload: () => void }) {
  const headingId = useId();
  const [sentOn, setSentOn] = useState(todayInSweden);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(SendAssessmentForDecisionMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: { id: assessment.id, expectedVersion: assessment.version, sentOn } });
    if (saved) onSaved(saved, `Utredningen är skickad för beslut ${sentOn}.`);
  }

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId}>Skicka för beslut</h2>
      <p>
        När utredningen skickas för beslut går familjen till steget beslut, och utredningen kan inte längre ändras. Registerutdragen bedöms
        mot policyn på det datum du anger.
      </p>
      <FailureAlert failure={failure} title="Utredningen kunde inte skickas för beslut" failureRef={failureRef} summary onReload={onReload} />
      <Field label="Datum då utredningen skickas för beslut" error={fieldError('sentOn')}>
        {(props) => <input {...props} type="date" required value={sentOn} onChange={(e) => setSentOn(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Skicka för beslut
        </button>
      </div>
    </form>
  );
}
