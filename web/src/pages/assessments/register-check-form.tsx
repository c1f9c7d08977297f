import { useId, useState, type FormEvent } from 'react';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { RecordRegisterCheckMutation, REGISTERS, type Register, type RegisterCheckResult } from './assessment-api';
import type { AssessmentFormProps } from './activity-form';
import { REGISTER_CHECK_RESULT_LABELS, REGISTER_LABELS } from './labels';

/** Records a register check on an adult of the household, with the date the adult gave consent. */
export function RegisterCheckForm({ assessment, onSaved }: AssessmentFormProps) {
  const headingId = useId();
  const adults = assessment.fosterHome.householdMembers.filter((m) => m.role === 'ADULT');
  const [memberId, setMemberId] = useState(adults[0]?.id ?? '');
  const [register, setRegister] = useState<Register>('CONVICTION_REGISTER');
  const [consentGivenOn, setConsentGivenOn] = useState('');
  const [checkedOn, setCheckedOn] = useState(todayInSweden);
  const [result, setResult] = useState<RegisterCheckResult | ''>('');
  const [note, setNote] = useState('');
  const { saving, failure, failureRef, submit, fieldError, fail } = useMutationForm(RecordRegisterCheckMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = [
      ...(consentGivenOn ? [] : [{ path: 'consentGivenOn', message: 'Ange datum då personen gav sitt samtycke.' }]),
      ...(result ? [] : [{ path: 'result', message: 'Ange resultatet av kontrollen.' }]),
    ];
    if (missing.length > 0 || !result) {
      fail({ kind: 'invalid', message: 'Uppgifter saknas.', issues: missing });
      return;
    }
    const saved = await submit({ input: { assessmentId: assessment.id, householdMemberId: memberId, register, consentGivenOn, checkedOn, result, note: note.trim() || null } });
    if (saved) {
      const person = adults.find((a) => a.id === memberId);
      setNote('');
      setResult('');
      onSaved(saved, `Kontrollen i ${REGISTER_LABELS[register].toLowerCase()} för ${person?.givenName ?? ''} ${person?.familyName ?? ''} är registrerad.`);
    }
  }

  if (adults.length === 0) return <p className="notice">Hushållet har ingen vuxen registrerad, så inga registerkontroller kan göras.</p>;

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>Registrera registerkontroll</h3>
      <FailureAlert failure={failure} title="Kontrollen kunde inte registreras" failureRef={failureRef} summary />
      <div className="field-row">
        <Field label="Person" error={fieldError('householdMemberId')}>
          {(props) => (
            <select {...props} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
              {adults.map((adult) => (
                <option key={adult.id} value={adult.id}>
                  {adult.givenName} {adult.familyName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Register" error={fieldError('register')}>
          {(props) => (
            <select {...props} value={register} onChange={(e) => setRegister(e.target.value as Register)}>
              {REGISTERS.map((r) => (
                <option key={r} value={r}>
                  {REGISTER_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="field-row">
        <Field label="Datum för samtycke" hint="Dagen personen gav sitt samtycke till kontrollen." error={fieldError('consentGivenOn')}>
          {(props) => <input {...props} type="date" required value={consentGivenOn} onChange={(e) => setConsentGivenOn(e.target.value)} />}
        </Field>
        <Field label="Datum för kontroll" hint="Utdragets datum." error={fieldError('checkedOn')}>
          {(props) => <input {...props} type="date" required value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} />}
        </Field>
      </div>
      <RadioGroup<RegisterCheckResult>
        legend="Resultat"
        name="result"
        value={result}
        error={fieldError('result')}
        options={[
          { value: 'NO_ENTRIES', label: REGISTER_CHECK_RESULT_LABELS.NO_ENTRIES },
          { value: 'ENTRIES_FOUND', label: REGISTER_CHECK_RESULT_LABELS.ENTRIES_FOUND },
        ]}
        onChange={setResult}
      />
      <Field label="Anteckning" hint="Till exempel utredarens bedömning av en uppgift i registret." error={fieldError('note')}>
        {(props) => <textarea {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera registerkontroll
        </button>
      </div>
    </form>
  );
}
