import { useId, useState } from 'react';
import type { ChildRecord, NeedsAssessment, NeedsAssessmentOutcome } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { useViewer } from '../../components/viewer-context';
import { formatDate } from '../../lib/format';
import { NEEDS_ASSESSMENT_OUTCOME_LABELS } from '../../lib/labels';
import type { OnChanged } from './child-page';
import { CompleteNeedsAssessmentMutation, StartNeedsAssessmentMutation } from './operations';
import { useCaseWorkers } from './register-child-form';
import { StepForm } from './step-form';

type Open = { form: 'start' } | { form: 'complete'; assessment: NeedsAssessment } | null;

/** Utredningar of the child's needs: started, completed with the outcome; one under way at a time. */
export function NeedsAssessmentsSection({ child, onChanged }: { child: ChildRecord; onChanged: OnChanged }) {
  const headingId = useId();
  const [open, setOpen] = useState<Open>(null);
  const ongoing = child.needsAssessments.some((a) => a.completedOn === null);
  const done = (message: string) => {
    setOpen(null);
    onChanged(message);
  };

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Utredningar</h2>
      <DataTable caption="Utredningar av barnets behov" captionHidden>
        <thead>
          <tr>
            <th scope="col">Inledd</th>
            <th scope="col">Utredare</th>
            <th scope="col">Avslutad</th>
            <th scope="col">Utfall</th>
            <th scope="col">Sammanfattning</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {child.needsAssessments.length === 0 && <EmptyRow columns={6}>Ingen utredning är inledd.</EmptyRow>}
          {child.needsAssessments.map((assessment) => (
            <tr key={assessment.id}>
              <th scope="row" className="tabular">
                {formatDate(assessment.startedOn)}
              </th>
              <td>{assessment.worker.displayName}</td>
              <td className="tabular">{assessment.completedOn ? formatDate(assessment.completedOn) : 'Pågår'}</td>
              <td>{assessment.outcome ? NEEDS_ASSESSMENT_OUTCOME_LABELS[assessment.outcome] : '–'}</td>
              <td>{assessment.summary ?? '–'}</td>
              <td>
                {assessment.completedOn === null && (
                  <button type="button" className="button button--secondary" aria-expanded={open?.form === 'complete'} onClick={() => setOpen({ form: 'complete', assessment })}>
                    Avsluta utredning
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {!ongoing && (
        <p>
          <button type="button" className="button button--secondary" aria-expanded={open?.form === 'start'} onClick={() => setOpen({ form: 'start' })}>
            Inled utredning
          </button>
        </p>
      )}
      {open?.form === 'start' && <StartForm child={child} onCancel={() => setOpen(null)} onDone={() => done('Utredningen är inledd.')} />}
      {open?.form === 'complete' && <CompleteForm key={open.assessment.id} assessment={open.assessment} onCancel={() => setOpen(null)} onDone={() => done('Utredningen är avslutad.')} />}
    </section>
  );
}

function StartForm({ child, onCancel, onDone }: { child: ChildRecord; onCancel: () => void; onDone: () => void }) {
  const viewer = useViewer();
  const { workers } = useCaseWorkers();
  const [startedOn, setStartedOn] = useState(todayInSweden);
  const [workerId, setWorkerId] = useState('');
  const chosen = workerId || (workers.some((w) => w.id === viewer.user.id) ? viewer.user.id : (child.assignedWorker?.id ?? workers[0]?.id ?? ''));
  const form = useMutationForm(StartNeedsAssessmentMutation);
  return (
    <StepForm
      title="Inled utredning"
      failureTitle="Utredningen kunde inte inledas"
      submitLabel="Inled utredning"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        if (await form.submit({ input: { childId: child.id, startedOn, workerId: chosen } })) onDone();
      }}
    >
      <div className="field-row">
        <Field label="Inledd" error={form.fieldError('startedOn')}>
          {(props) => <input {...props} type="date" required max={todayInSweden()} value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />}
        </Field>
        <Field label="Utredare" error={form.fieldError('workerId')}>
          {(props) => (
            <select {...props} value={chosen} onChange={(e) => setWorkerId(e.target.value)}>
              {workers.map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </StepForm>
  );
}

function CompleteForm({ assessment, onCancel, onDone }: { assessment: NeedsAssessment; onCancel: () => void; onDone: () => void }) {
  const [completedOn, setCompletedOn] = useState(todayInSweden);
  const [outcome, setOutcome] = useState<NeedsAssessmentOutcome | ''>('');
  const [summary, setSummary] = useState('');
  const form = useMutationForm(CompleteNeedsAssessmentMutation);
  return (
    <StepForm
      title="Avsluta utredning"
      failureTitle="Utredningen kunde inte avslutas"
      submitLabel="Avsluta utredning"
      {...form}
      onCancel={onCancel}
      onSubmit={async () => {
        if (!outcome) {
          form.fail({ kind: 'invalid', message: 'Välj vad utredningen ledde till.', issues: [{ path: 'outcome', message: 'Välj vad utredningen ledde till.' }] });
          return;
        }
        if (await form.submit({ input: { id: assessment.id, expectedVersion: assessment.version, completedOn, outcome, summary } })) onDone();
      }}
    >
      <Field label="Avslutad" error={form.fieldError('completedOn')}>
        {(props) => <input {...props} type="date" required min={assessment.startedOn} max={todayInSweden()} value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />}
      </Field>
      <RadioGroup<NeedsAssessmentOutcome>
        legend="Utfall"
        name="outcome"
        value={outcome}
        options={(['PLACEMENT', 'OTHER_INTERVENTION', 'NO_INTERVENTION'] as const).map((value) => ({ value, label: NEEDS_ASSESSMENT_OUTCOME_LABELS[value] }))}
        onChange={setOutcome}
        error={form.fieldError('outcome')}
      />
      <Field label="Sammanfattning" error={form.fieldError('summary')}>
        {(props) => <textarea {...props} required value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
    </StepForm>
  );
}
