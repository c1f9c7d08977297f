import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ChildGender, ChildRecord, GuardianInput } from '../../api/types';
import { FailureAlert, Field, RadioGroup, useMutationForm } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { CHILD_GENDER_LABELS } from '../../lib/labels';
import { UpdateChildMutation } from './operations';
import { filledGuardians, GuardiansFieldset, useCaseWorkers } from './register-child-form';

/** Changes the child's name, gender, worker and guardians, refused if someone else changed the record since. */
export function EditChildForm({ child, onSaved, onCancel, onReload }: { child: ChildRecord; onSaved: () => void; onCancel: () => void; onReload: () => void }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { workers, error: workersError } = useCaseWorkers();
  const [givenName, setGivenName] = useState(child.givenName);
  const [familyName, setFamilyName] = useState(child.familyName);
  const [gender, setGender] = useState<ChildGender>(child.gender);
  const [workerId, setWorkerId] = useState(child.assignedWorker?.id ?? '');
  const [guardians, setGuardians] = useState<GuardianInput[]>(child.guardians.map(({ name, personalIdentityNumber, relation }) => ({ name, personalIdentityNumber, relation })));
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(UpdateChildMutation);

  useEffect(() => headingRef.current?.focus(), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: { id: child.id, expectedVersion: child.version, givenName, familyName, gender, guardians: filledGuardians(guardians), ...(workerId ? { assignedWorkerId: workerId } : {}) },
    });
    if (saved) onSaved();
  }

  return (
    <form className="step-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        Ändra uppgifter
      </h3>
      <FailureAlert failure={failure} title="Uppgifterna kunde inte sparas" failureRef={failureRef} summary onReload={onReload} />
      {workersError && <ErrorAlert message={`Handläggarna kunde inte hämtas. ${workersError}`} />}
      <div className="field-row">
        <Field label="Förnamn" error={fieldError('givenName')}>
          {(props) => <input {...props} required value={givenName} onChange={(e) => setGivenName(e.target.value)} />}
        </Field>
        <Field label="Efternamn" error={fieldError('familyName')}>
          {(props) => <input {...props} required value={familyName} onChange={(e) => setFamilyName(e.target.value)} />}
        </Field>
        <Field label="Handläggare" error={fieldError('assignedWorkerId')}>
          {(props) => (
            <select {...props} value={workerId} onChange={(e) => setWorkerId(e.target.value)}>
              {!workerId && <option value="">Ingen vald</option>}
              {workers.map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RadioGroup<ChildGender> legend="Kön" name="gender" value={gender} options={(['GIRL', 'BOY', 'OTHER'] as const).map((value) => ({ value, label: CHILD_GENDER_LABELS[value] }))} onChange={setGender} error={fieldError('gender')} />
      <GuardiansFieldset guardians={guardians} onChange={setGuardians} fieldError={fieldError} />
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
