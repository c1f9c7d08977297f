import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { startQuery } from '../../api/graphql';
import type { CaseWorker, ChildGender, ChildIdentityKind, GuardianInput, GuardianRelation } from '../../api/types';
import { FailureAlert, Field, RadioGroup, useMutationForm } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { CHILD_GENDER_LABELS, CHILD_IDENTITY_KIND_LABELS, GUARDIAN_RELATION_LABELS } from '../../lib/labels';
import { CaseWorkersQuery, RegisterChildMutation } from './operations';

const IDENTITY_HINTS: Record<ChildIdentityKind, string> = {
  PERSONAL_IDENTITY_NUMBER: 'ÅÅÅÅMMDD-NNNN',
  COORDINATION_NUMBER: 'ÅÅÅÅMMDD-NNNN, där dagen är födelsedagen plus 60',
  RESERVE_NUMBER: 'R och tio siffror, till exempel R2026000170. Ange då födelsedatum och kön.',
};

const GENDERS: ChildGender[] = ['GIRL', 'BOY', 'OTHER'];
const RELATIONS: GuardianRelation[] = ['PARENT', 'APPOINTED_GUARDIAN', 'OTHER'];

/** The municipality's social workers, with the viewer chosen when they are one. */
export function useCaseWorkers(): { workers: CaseWorker[]; error: string | null } {
  const [workers, setWorkers] = useState<CaseWorker[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => startQuery(CaseWorkersQuery, {}, ({ caseWorkers }) => setWorkers(caseWorkers), setError), []);
  return { workers, error };
}

/** Registers a child of the viewer's municipality: identity, name, guardians and worker. */
export function RegisterChildForm({ onRegistered, onCancel }: { onRegistered: (id: string) => void; onCancel: () => void }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const viewer = useViewer();
  const { workers, error: workersError } = useCaseWorkers();
  const [identityKind, setIdentityKind] = useState<ChildIdentityKind>('PERSONAL_IDENTITY_NUMBER');
  const [identityNumber, setIdentityNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [gender, setGender] = useState<ChildGender | ''>('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [workerId, setWorkerId] = useState('');
  const [guardians, setGuardians] = useState<GuardianInput[]>([{ name: '', personalIdentityNumber: null, relation: 'PARENT' }]);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RegisterChildMutation);
  const reserve = identityKind === 'RESERVE_NUMBER';
  const chosenWorker = workerId || (workers.some((w) => w.id === viewer.user.id) ? viewer.user.id : (workers[0]?.id ?? ''));

  useEffect(() => headingRef.current?.focus(), []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        identity: { identityKind, identityNumber, birthDate: reserve ? birthDate || null : null, gender: gender || null },
        givenName,
        familyName,
        guardians: filledGuardians(guardians),
        assignedWorkerId: chosenWorker,
      },
    });
    if (saved) onRegistered(saved.id);
  }

  return (
    <form aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        Nytt barn
      </h2>
      <FailureAlert failure={failure} title="Barnet kunde inte registreras" failureRef={failureRef} summary />
      {workersError && <ErrorAlert message={`Handläggarna kunde inte hämtas. ${workersError}`} />}
      <RadioGroup<ChildIdentityKind>
        legend="Identitet"
        name="identity-kind"
        value={identityKind}
        options={(['PERSONAL_IDENTITY_NUMBER', 'COORDINATION_NUMBER', 'RESERVE_NUMBER'] as const).map((kind) => ({ value: kind, label: CHILD_IDENTITY_KIND_LABELS[kind] }))}
        onChange={setIdentityKind}
      />
      <div className="field-row">
        <Field label={CHILD_IDENTITY_KIND_LABELS[identityKind]} hint={IDENTITY_HINTS[identityKind]} error={fieldError('identityNumber')}>
          {(props) => <input {...props} required autoComplete="off" value={identityNumber} onChange={(e) => setIdentityNumber(e.target.value)} />}
        </Field>
        {reserve && (
          <Field label="Födelsedatum" error={fieldError('birthDate')}>
            {(props) => <input {...props} type="date" required value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />}
          </Field>
        )}
      </div>
      <RadioGroup<ChildGender>
        legend={reserve ? 'Kön' : 'Kön (förvalt enligt numret om du inte väljer)'}
        name="gender"
        value={gender}
        options={GENDERS.map((value) => ({ value, label: CHILD_GENDER_LABELS[value] }))}
        onChange={setGender}
        error={fieldError('gender')}
      />
      <div className="field-row">
        <Field label="Förnamn" error={fieldError('givenName')}>
          {(props) => <input {...props} required autoComplete="off" value={givenName} onChange={(e) => setGivenName(e.target.value)} />}
        </Field>
        <Field label="Efternamn" error={fieldError('familyName')}>
          {(props) => <input {...props} required autoComplete="off" value={familyName} onChange={(e) => setFamilyName(e.target.value)} />}
        </Field>
        <Field label="Handläggare" error={fieldError('assignedWorkerId')}>
          {(props) => (
            <select {...props} value={chosenWorker} onChange={(e) => setWorkerId(e.target.value)}>
              {workers.map((worker) => (
                <option key={worker.id} value={worker.id}>
                  {worker.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <GuardiansFieldset guardians={guardians} onChange={setGuardians} fieldError={fieldError} />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera barnet
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

/** The guardian rows that have something in them, an empty personnummer as none. */
export function filledGuardians(guardians: GuardianInput[]): GuardianInput[] {
  return guardians
    .filter((g) => g.name.trim() || g.personalIdentityNumber?.trim())
    .map((g) => ({ ...g, personalIdentityNumber: g.personalIdentityNumber?.trim() || null }));
}

/** The guardians as rows of name, personnummer and relation, up to four, each removable. */
export function GuardiansFieldset({
  guardians,
  onChange,
  fieldError,
}: {
  guardians: GuardianInput[];
  onChange: (guardians: GuardianInput[]) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const setGuardian = (index: number, change: Partial<GuardianInput>) => onChange(guardians.map((g, i) => (i === index ? { ...g, ...change } : g)));
  return (
    <fieldset className="guardians-fieldset">
      <legend>Vårdnadshavare</legend>
      {guardians.map((guardian, index) => (
        <div key={index} className="field-row guardian-row">
          <Field label={`Namn, vårdnadshavare ${index + 1}`} error={fieldError(`guardians.${index}.name`)}>
            {(props) => <input {...props} autoComplete="off" value={guardian.name} onChange={(e) => setGuardian(index, { name: e.target.value })} />}
          </Field>
          <Field label={`Personnummer, vårdnadshavare ${index + 1}`} hint="Om det är känt" error={fieldError(`guardians.${index}.personalIdentityNumber`)}>
            {(props) => <input {...props} autoComplete="off" value={guardian.personalIdentityNumber ?? ''} onChange={(e) => setGuardian(index, { personalIdentityNumber: e.target.value })} />}
          </Field>
          <Field label={`Relation, vårdnadshavare ${index + 1}`} error={fieldError(`guardians.${index}.relation`)}>
            {(props) => (
              <select {...props} value={guardian.relation} onChange={(e) => setGuardian(index, { relation: e.target.value as GuardianRelation })}>
                {RELATIONS.map((relation) => (
                  <option key={relation} value={relation}>
                    {GUARDIAN_RELATION_LABELS[relation]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button button--link" onClick={() => onChange(guardians.filter((_, i) => i !== index))}>
            Ta bort<span className="visually-hidden"> vårdnadshavare {index + 1}</span>
          </button>
        </div>
      ))}
      {guardians.length < 4 && (
        <button type="button" className="button button--secondary" onClick={() => onChange([...guardians, { name: '', personalIdentityNumber: null, relation: 'PARENT' }])}>
          Lägg till vårdnadshavare
        </button>
      )}
    </fieldset>
  );
}
