import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, FailureAlert, RadioGroup, useMutationForm } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DISPUTE_LEVEL_LABELS, DISPUTE_STATUS_LABELS, DISPUTE_SUBJECT_LABELS } from './labels';
import { DISPUTE_SUBJECTS, DisputesQuery, RaiseDisputeMutation, type DisputeSubject, type DisputeSummary, type OrganisationOption } from './operations';
import { countyOrganisations, defaultMunicipalityId, missingChoices, MunicipalitySelect, OrganisationCheckboxes } from './organisation-fields';
import './deviations.css';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; disputes: DisputeSummary[]; organisations: OrganisationOption[] };

/** /oenigheter — the disputes the organisation is a party to, and the form to raise one. */
export function DisputesPage() {
  useDocumentTitle('Oenigheter');
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(
    () =>
      startQuery(
        DisputesQuery,
        {},
        ({ disputes, organisations }) => setState({ status: 'ready', disputes, organisations }),
        (message) => setState({ status: 'error', message }),
      ),
    [attempt],
  );

  return (
    <div className="deviations-area">
      <h1>Oenigheter</h1>
      <p className="lead">
        Oenighet mellan parterna om ansvar eller kostnad för en insats. Den hanteras först av varje huvudmans ledning och sist, på länsnivå, av styrgruppen Samverkansstruktur
        målgrupp barn och unga. Ingen person nämns.
      </p>
      <p>
        <Link to="/avvikelser">Avvikelser</Link>
      </p>
      {state.status === 'loading' && <Loading>Hämtar oenigheterna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
      {state.status === 'ready' && (
        <>
          <DataTable caption="Oenigheter där din organisation är part, nyast först">
            <thead>
              <tr>
                <th scope="col">Insats</th>
                <th scope="col">Gäller</th>
                <th scope="col">Kommun</th>
                <th scope="col">Togs upp</th>
                <th scope="col">Nivå</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {state.disputes.length === 0 && <EmptyRow columns={6}>Inga oenigheter.</EmptyRow>}
              {state.disputes.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={`/oenigheter/${encodeURIComponent(d.id)}`}>{d.intervention}</Link>
                  </th>
                  <td>{DISPUTE_SUBJECT_LABELS[d.subject]}</td>
                  <td>{d.municipality.name}</td>
                  <td className="tabular">
                    {formatDate(d.raisedOn)}
                    <span className="facts__sub">{d.raisingOrganisation.name}</span>
                  </td>
                  <td>{DISPUTE_LEVEL_LABELS[d.level]}</td>
                  <td>
                    {DISPUTE_STATUS_LABELS[d.status]}
                    {d.resolvedOn && ` ${formatDate(d.resolvedOn)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <RaiseDisputeForm organisations={state.organisations} />
        </>
      )}
    </div>
  );
}

function RaiseDisputeForm({ organisations }: { organisations: readonly OrganisationOption[] }) {
  const viewer = useViewer();
  const navigate = useNavigate();
  const headingId = `${useId()}-heading`;
  const inCounty = countyOrganisations(organisations, viewer).filter((o) => o.id !== viewer.organisation.id);
  const { submit, saving, failure, failureRef, fieldError, fail } = useMutationForm(RaiseDisputeMutation);
  const [municipalityId, setMunicipalityId] = useState(() => defaultMunicipalityId(organisations, viewer));
  const [subject, setSubject] = useState<DisputeSubject | ''>('');
  const [intervention, setIntervention] = useState('');
  const [question, setQuestion] = useState('');
  const [partyIds, setPartyIds] = useState<string[]>([]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = missingChoices([
      ['municipalityId', municipalityId, 'Välj kommun.'],
      ['subject', subject, 'Välj ansvar eller kostnad.'],
    ]);
    if (missing.length > 0 || !subject) {
      fail({ kind: 'invalid', message: 'Uppgifter saknas.', issues: missing });
      return;
    }
    const saved = await submit({ input: { municipalityId, subject, intervention: intervention.trim(), question: question.trim(), partyIds } });
    if (saved) navigate(`/oenigheter/${encodeURIComponent(saved.id)}`);
  }

  return (
    <form className="panel deviation-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h2 id={headingId}>Ta upp en oenighet</h2>
      <FailureAlert failure={failure} failureRef={failureRef} title="Oenigheten kunde inte tas upp" summary />
      <MunicipalitySelect organisations={inCounty} value={municipalityId} onChange={setMunicipalityId} error={fieldError('municipalityId')} />
      <RadioGroup
        legend="Oenigheten gäller"
        name="subject"
        value={subject}
        options={DISPUTE_SUBJECTS.map((value) => ({ value, label: DISPUTE_SUBJECT_LABELS[value] }))}
        onChange={setSubject}
        error={fieldError('subject')}
      />
      <Field label="Insats" error={fieldError('intervention')}>
        {(control) => <input {...control} type="text" value={intervention} onChange={(e) => setIntervention(e.target.value)} />}
      </Field>
      <Field label="Frågan ni är oense om" hint="Utan namn och personnummer: texten når styrgruppen om oenigheten lyfts." error={fieldError('question')}>
        {(control) => <textarea {...control} rows={4} value={question} onChange={(e) => setQuestion(e.target.value)} />}
      </Field>
      <OrganisationCheckboxes
        legend="De andra parterna"
        hint="Din organisation är part. Välj de organisationer ni är oense med."
        organisations={inCounty}
        selected={partyIds}
        onChange={setPartyIds}
        error={fieldError('partyIds')}
      />
      <button type="submit" className="button" aria-busy={saving}>
        Ta upp oenigheten
      </button>
    </form>
  );
}
