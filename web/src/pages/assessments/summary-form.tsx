import { useId, useState, type FormEvent } from 'react';
import { FailureAlert, Field, RadioGroup, useMutationForm } from '../../components/forms';
import { UpdateAssessmentSummaryMutation, type Recommendation } from './assessment-api';
import type { AssessmentFormProps } from './activity-form';
import { RECOMMENDATION_LABELS } from './labels';

/** The assessor's summary and recommendation, saved with the version read (no silent overwrite). */
export function SummaryForm({ assessment, onSaved, onReload }: AssessmentFormProps & { onReload: () => void }) {
  const headingId = useId();
  const [summary, setSummary] = useState(assessment.summary ?? '');
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(assessment.recommendation ?? '');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(UpdateAssessmentSummaryMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: { id: assessment.id, expectedVersion: assessment.version, summary: summary.trim() || null, recommendation: recommendation || null },
    });
    if (saved) onSaved(saved, 'Sammanfattning och rekommendation är sparade.');
  }

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId}>Sammanfattning och rekommendation</h2>
      <FailureAlert failure={failure} title="Sammanfattningen kunde inte sparas" failureRef={failureRef} summary onReload={onReload} />
      <Field label="Sammanfattning" error={fieldError('summary')}>
        {(props) => <textarea {...props} rows={6} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <RadioGroup<Recommendation>
        legend="Rekommendation"
        name="recommendation"
        value={recommendation}
        error={fieldError('recommendation')}
        options={[
          { value: 'APPROVE', label: RECOMMENDATION_LABELS.APPROVE },
          { value: 'REFUSE', label: RECOMMENDATION_LABELS.REFUSE },
        ]}
        onChange={setRecommendation}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Spara sammanfattning
        </button>
      </div>
    </form>
  );
}
