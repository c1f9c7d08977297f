import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Field, FailureAlert, RadioGroup, todayInSweden, useMutationForm } from '../../components/forms';
import { useViewer } from '../../components/viewer-context';
import { DEVIATION_CATEGORY_LABELS } from './labels';
import { DEVIATION_CATEGORIES, ReportDeviationMutation, type DeviationCategory, type OrganisationOption } from './operations';
import { countyOrganisations, defaultMunicipalityId, missingChoices, MunicipalitySelect, OrganisationCheckboxes } from './organisation-fields';

/**
 * Reports a deviation: the municipality, the category, the day, what happened and the parties
 * concerned. From a Norrbus meeting's page the meeting comes along; of the young person only the
 * gender is kept, for the yearly follow-up.
 */
export function ReportDeviationForm({ organisations, meetingId }: { organisations: readonly OrganisationOption[]; meetingId: string | null }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const headingId = `${useId()}-heading`;
  const inCounty = countyOrganisations(organisations, viewer);
  const { submit, saving, failure, failureRef, fieldError, fail } = useMutationForm(ReportDeviationMutation);
  const [municipalityId, setMunicipalityId] = useState(() => defaultMunicipalityId(organisations, viewer));
  const [category, setCategory] = useState<DeviationCategory | ''>('');
  const [occurredOn, setOccurredOn] = useState(todayInSweden);
  const [description, setDescription] = useState('');
  const [partyIds, setPartyIds] = useState<string[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = missingChoices([
      ['municipalityId', municipalityId, 'Välj kommun.'],
      ['category', category, 'Välj vad som hände.'],
    ]);
    if (missing.length > 0 || !category) {
      fail({ kind: 'invalid', message: 'Uppgifter saknas.', issues: missing });
      return;
    }
    const saved = await submit({ input: { municipalityId, meetingId, category, occurredOn, description: description.trim(), partyIds } });
    if (saved) navigate(`/avvikelser/${encodeURIComponent(saved.id)}`, { state: { reported: true } });
  }

  return (
    <form className="panel deviation-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId}>Rapportera en avvikelse</h2>
      {meetingId && <p className="notice">Avvikelsen gäller Norrbusmötet du kom ifrån. Av den unga sparas bara könet, för uppföljningen.</p>}
      <FailureAlert failure={failure} failureRef={failureRef} title="Avvikelsen kunde inte rapporteras" summary />
      <MunicipalitySelect organisations={inCounty} value={municipalityId} onChange={setMunicipalityId} error={fieldError('municipalityId')} />
      <RadioGroup
        legend="Vad hände?"
        name="category"
        value={category}
        options={DEVIATION_CATEGORIES.map((value) => ({ value, label: DEVIATION_CATEGORY_LABELS[value] }))}
        onChange={setCategory}
        error={fieldError('category')}
      />
      <Field label="Datum då det hände" error={fieldError('occurredOn')}>
        {(control) => <input {...control} type="date" max={todayInSweden()} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}
      </Field>
      <Field label="Beskrivning" hint="Stannar på lokal nivå. Det som lyfts vidare är en avidentifierad sammanfattning som godkänns senare." error={fieldError('description')}>
        {(control) => <textarea {...control} rows={5} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <OrganisationCheckboxes
        legend="Berörda organisationer"
        hint="Var och en analyserar avvikelsen i sin verksamhet."
        organisations={inCounty}
        selected={partyIds}
        onChange={setPartyIds}
        error={fieldError('partyIds')}
      />
      <button type="submit" className="button" aria-busy={saving}>
        Rapportera avvikelse
      </button>
    </form>
  );
}
