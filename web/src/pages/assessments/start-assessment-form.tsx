import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { startQuery, type Operation } from '../../api/graphql';
import type { MutationResult } from '../../api/types';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import {
  AssessorsQuery,
  StartHomeAssessmentMutation,
  StartReassessmentMutation,
  type AssessmentMethod,
  type Assessor,
  type HomeAssessmentCore,
  type StartAssessmentInput,
} from './assessment-api';
import { METHOD_LABELS } from './labels';

/** Starts the assessment of a family at the assessment step (its recruitment): "Starta utredning". */
export function StartAssessmentForm({ recruitmentId }: { recruitmentId: string }) {
  return (
    <StartForm mutation={StartHomeAssessmentMutation} toInput={(values) => ({ ...values, recruitmentId })} heading="Starta utredning" submitLabel="Starta utredning" />
  );
}

/** Starts a re-assessment of an approved home (omutredning): "Starta omutredning". */
export function StartReassessmentForm({ fosterHomeId }: { fosterHomeId: string }) {
  return (
    <StartForm mutation={StartReassessmentMutation} toInput={(values) => ({ ...values, fosterHomeId })} heading="Starta omutredning" submitLabel="Starta omutredning" />
  );
}

/** Assessor, method and start date; once started, on to the assessment's page. */
function StartForm<TInput>({
  mutation,
  toInput,
  heading,
  submitLabel,
}: {
  mutation: Operation<{ result: MutationResult<HomeAssessmentCore> }, { input: TInput }>;
  toInput: (values: StartAssessmentInput) => TInput;
  heading: string;
  submitLabel: string;
}) {
  const headingId = useId();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [assessors, setAssessors] = useState<Assessor[]>([]);
  const [assessorsError, setAssessorsError] = useState<string | null>(null);
  const [assessorId, setAssessorId] = useState(viewer.user.id);
  const [method, setMethod] = useState<AssessmentMethod>('KALVESTEN');
  const [startedOn, setStartedOn] = useState(todayInSweden);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(mutation);

  useEffect(
    () =>
      startQuery(
        AssessorsQuery,
        {},
        ({ assessors: list }) => {
          setAssessors(list);
          setAssessorId((current) => (list.some((a) => a.id === current) ? current : (list[0]?.id ?? '')));
        },
        setAssessorsError,
      ),
    [],
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const started = await submit({ input: toInput({ assessorId, method, startedOn }) });
    if (started) navigate(`/utredningar/${started.id}`);
  }

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>{heading}</h3>
      <FailureAlert failure={failure} title="Utredningen kunde inte startas" failureRef={failureRef} summary />
      {assessorsError && <ErrorAlert message={`Utredarna kunde inte hämtas. ${assessorsError}`} />}
      <div className="field-row">
        <Field label="Utredare" error={fieldError('assessorId')}>
          {(props) => (
            <select {...props} value={assessorId} onChange={(e) => setAssessorId(e.target.value)}>
              {assessors.map((assessor) => (
                <option key={assessor.id} value={assessor.id}>
                  {assessor.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Startdatum" error={fieldError('startedOn')}>
          {(props) => <input {...props} type="date" required value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}
        </Field>
      </div>
      <RadioGroup<AssessmentMethod>
        legend="Metod"
        name="method"
        value={method}
        error={fieldError('method')}
        options={[
          { value: 'KALVESTEN', label: METHOD_LABELS.KALVESTEN },
          { value: 'OTHER', label: METHOD_LABELS.OTHER },
        ]}
        onChange={setMethod}
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
