import { useEffect, useId, useState, type FormEvent } from 'react';
import { startQuery } from '../../api/graphql';
import { FOSTER_HOME_KINDS, type FosterHomeKind } from '../../api/types';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { compareSv } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS } from '../../lib/labels';
import { DeciderOptionsQuery, RecordHomeDecisionMutation, type DecisionMakerKind, type DecisionOutcome, type HomeAssessment, type HomeDecision } from './assessment-api';
import { DECISION_MAKER_KIND_LABELS, DECISION_OUTCOME_LABELS } from './labels';

/** Whole years, or null for an empty field; anything else is left to the server to refuse in Swedish. */
function optionalNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value);
}

/**
 * The decision (beslut) on an assessment sent for decision: approval with conditions or refusal,
 * by the committee or a delegate of the home's owner municipality or a member of the unit's agreement.
 */
export function DecisionForm({ assessment, onDecided }: { assessment: HomeAssessment; onDecided: (decision: HomeDecision) => void }) {
  const headingId = useId();
  const viewer = useViewer();
  const home = assessment.fosterHome;
  const [deciders, setDeciders] = useState<{ id: string; name: string }[]>([]);
  const [decidersError, setDecidersError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<DecisionOutcome | ''>('');
  const [decidedOn, setDecidedOn] = useState(todayInSweden);
  const [decidedById, setDecidedById] = useState('');
  const [makerKind, setMakerKind] = useState<DecisionMakerKind | ''>('');
  const [makerName, setMakerName] = useState('');
  const [reasoning, setReasoning] = useState('');
  const [assignmentKind, setAssignmentKind] = useState<FosterHomeKind>(home.consultancyAgency ? 'CONSULTANT_SUPPORTED' : 'OWN');
  const [places, setPlaces] = useState('1');
  const [minAge, setMinAge] = useState('');
  const [maxAge, setMaxAge] = useState('');
  const [onlyNamedChild, setOnlyNamedChild] = useState(false);
  const [childName, setChildName] = useState('');
  const [childNumber, setChildNumber] = useState('');
  const { saving, failure, failureRef, submit, fieldError, fail } = useMutationForm(RecordHomeDecisionMutation);

  useEffect(
    () =>
      startQuery(
        DeciderOptionsQuery,
        {},
        ({ fosterCareUnits }) => {
          const members = fosterCareUnits.find((unit) => unit.organisation.id === viewer.organisation.id)?.agreement?.members ?? [];
          const owner = home.owner.kind === 'MUNICIPALITY' ? [{ id: home.owner.id, name: home.owner.name }] : [];
          const options = [...owner, ...members.filter((m) => m.id !== home.owner.id)].sort((a, b) => compareSv(a.name, b.name));
          setDeciders(options);
          setDecidedById((current) => current || (options[0]?.id ?? ''));
        },
        setDecidersError,
      ),
    [viewer.organisation.id, home.owner.id, home.owner.kind, home.owner.name],
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = [
      ...(outcome ? [] : [{ path: 'outcome', message: 'Välj beslut: godkänt eller avslag.' }]),
      ...(makerKind ? [] : [{ path: 'decisionMakerKind', message: 'Välj nämnd eller delegat.' }]),
    ];
    if (!outcome || !makerKind) {
      fail({ kind: 'invalid', message: 'Uppgifter saknas.', issues: missing });
      return;
    }
    const decision = await submit({
      input: {
        assessmentId: assessment.id,
        outcome,
        decidedOn,
        decidedById,
        decisionMakerKind: makerKind,
        decisionMakerName: makerName.trim(),
        reasoning: reasoning.trim() || null,
        conditions:
          outcome === 'APPROVED'
            ? {
                assignmentKind,
                places: Number(places),
                minChildAge: optionalNumber(minAge),
                maxChildAge: optionalNumber(maxAge),
                namedChild: onlyNamedChild ? { name: childName.trim(), personalIdentityNumber: childNumber.trim() } : null,
              }
            : null,
      },
    });
    if (decision) onDecided(decision);
  }

  return (
    <form className="assessment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId}>Registrera beslut</h2>
      <p>Beslutet fattas alltid av en kommuns nämnd eller delegat, aldrig av en konsulentverksamhet.</p>
      <FailureAlert failure={failure} title="Beslutet kunde inte registreras" failureRef={failureRef} summary />
      {decidersError && <ErrorAlert message={`Kommunerna kunde inte hämtas. ${decidersError}`} />}
      <RadioGroup<DecisionOutcome>
        legend="Beslut"
        name="outcome"
        value={outcome}
        error={fieldError('outcome')}
        options={[
          { value: 'APPROVED', label: DECISION_OUTCOME_LABELS.APPROVED },
          { value: 'REFUSED', label: DECISION_OUTCOME_LABELS.REFUSED },
        ]}
        onChange={setOutcome}
      />
      <div className="field-row">
        <Field label="Beslutsdatum" error={fieldError('decidedOn')}>
          {(props) => <input {...props} type="date" required value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />}
        </Field>
        <Field label="Beslutande kommun" error={fieldError('decidedById')}>
          {(props) => (
            <select {...props} value={decidedById} onChange={(e) => setDecidedById(e.target.value)}>
              {deciders.map((decider) => (
                <option key={decider.id} value={decider.id}>
                  {decider.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <RadioGroup<DecisionMakerKind>
        legend="Beslutsfattare"
        name="decisionMakerKind"
        value={makerKind}
        error={fieldError('decisionMakerKind')}
        options={[
          { value: 'COMMITTEE', label: DECISION_MAKER_KIND_LABELS.COMMITTEE },
          { value: 'DELEGATE', label: DECISION_MAKER_KIND_LABELS.DELEGATE },
        ]}
        onChange={setMakerKind}
      />
      <Field label="Nämndens eller delegatens namn" hint="Till exempel Sociala myndighetsnämnden eller Enhetschef enligt delegationsordning." error={fieldError('decisionMakerName')}>
        {(props) => <input {...props} type="text" required autoComplete="off" value={makerName} onChange={(e) => setMakerName(e.target.value)} />}
      </Field>
      <Field label="Motivering" error={fieldError('reasoning')}>
        {(props) => <textarea {...props} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />}
      </Field>
      {outcome === 'APPROVED' && (
        <fieldset className="conditions">
          <legend>Villkor</legend>
          <div className="field-row">
            <Field label="Uppdrag" error={fieldError('assignmentKind')}>
              {(props) => (
                <select {...props} value={assignmentKind} onChange={(e) => setAssignmentKind(e.target.value as FosterHomeKind)}>
                  {FOSTER_HOME_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {FOSTER_HOME_KIND_LABELS[kind]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Antal barn" error={fieldError('places')}>
              {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={20} step={1} required className="input--short" value={places} onChange={(e) => setPlaces(e.target.value)} />}
            </Field>
            <Field label="Lägsta ålder (år)" error={fieldError('minChildAge')}>
              {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={20} step={1} className="input--short" value={minAge} onChange={(e) => setMinAge(e.target.value)} />}
            </Field>
            <Field label="Högsta ålder (år)" error={fieldError('maxChildAge')}>
              {(props) => <input {...props} type="number" inputMode="numeric" min={0} max={20} step={1} className="input--short" value={maxAge} onChange={(e) => setMaxAge(e.target.value)} />}
            </Field>
          </div>
          <label className="choice">
            <input type="checkbox" checked={onlyNamedChild} onChange={(e) => setOnlyNamedChild(e.target.checked)} />
            Godkännandet gäller bara ett namngivet barn
          </label>
          {onlyNamedChild && (
            <div className="field-row">
              <Field label="Barnets namn" error={fieldError('name')}>
                {(props) => <input {...props} type="text" required autoComplete="off" value={childName} onChange={(e) => setChildName(e.target.value)} />}
              </Field>
              <Field label="Barnets personnummer" hint="ÅÅÅÅMMDD-NNNN" error={fieldError('personalIdentityNumber')}>
                {(props) => <input {...props} type="text" required autoComplete="off" inputMode="numeric" value={childNumber} onChange={(e) => setChildNumber(e.target.value)} />}
              </Field>
            </div>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera beslut
        </button>
      </div>
    </form>
  );
}
