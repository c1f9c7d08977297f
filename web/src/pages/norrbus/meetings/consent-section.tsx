import { useId, useState, type FormEvent } from 'react';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../../components/forms';
import { formatDate } from '../../../lib/format';
import { CONSENT_GIVER_LABELS } from './labels';
import { OrganisationChecklist } from './meeting-fields';
import { RecordConsentMutation, WithdrawConsentMutation } from './operations';
import type { Consent, NamedOrganisation, NorrbusPerson } from './types';

function WithdrawForm({ consent, onSaved, onCancel }: { consent: Consent; onSaved: (message: string) => void; onCancel: () => void }) {
  const [withdrawnOn, setWithdrawnOn] = useState(todayInSweden());
  const [note, setNote] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(WithdrawConsentMutation);
  const who = consent.guardianName ?? CONSENT_GIVER_LABELS[consent.givenBy];
  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await submit({ input: { consentId: consent.id, withdrawnOn, note: note.trim() || null } })) onSaved(`${who}s samtycke är återkallat från ${withdrawnOn}.`);
  }
  return (
    <form className="norrbus-form" aria-label={`Återkalla samtycke från ${who}`} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FailureAlert failure={failure} title="Samtycket kunde inte återkallas" failureRef={failureRef} />
      <Field label="Återkallat från och med" error={fieldError('withdrawnOn')}>
        {(props) => <input {...props} type="date" value={withdrawnOn} onChange={(e) => setWithdrawnOn(e.target.value)} />}
      </Field>
      <Field label="Anteckning">{(props) => <textarea {...props} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Återkalla samtycket
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}

/**
 * Samtycke: the history (given, limited, withdrawn) and the form that records the young person's
 * and, under 18, the guardians' consent to named organisations sharing named information. Only the
 * organisation that registered the young person sees it.
 */
export function ConsentSection({ person, organisations, onSaved }: { person: NorrbusPerson; organisations: readonly NamedOrganisation[]; onSaved: (message: string) => void }) {
  const headingId = useId();
  const [signatories, setSignatories] = useState<Record<string, boolean>>(() => Object.fromEntries([['young', true], ...person.guardians.map((g) => [g.id, true])]));
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [givenOn, setGivenOn] = useState(todayInSweden());
  const [limitation, setLimitation] = useState('');
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  // Once there is a consent, another (a guardian registered later, more organisations) is the exception.
  const [adding, setAdding] = useState(person.consents.length === 0);
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(RecordConsentMutation);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        personId: person.id,
        givenOn,
        limitation: limitation.trim() || null,
        signatories: [
          ...(signatories.young ? [{ givenBy: 'YOUNG_PERSON' as const, guardianId: null }] : []),
          ...person.guardians.filter((g) => signatories[g.id]).map((g) => ({ givenBy: 'GUARDIAN' as const, guardianId: g.id })),
        ],
        organisations: Object.entries(chosen).map(([organisationId, information]) => ({ organisationId, information })),
      },
    });
    if (saved) {
      setChosen({});
      onSaved('Samtycket är registrerat.');
    }
  }

  return (
    <section className="norrbus-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Samtycke</h2>
      <p>Ingen annan organisation ser något om den unge förrän ett samtycke som nämner den gäller. Under 18 år samtycker också varje vårdnadshavare.</p>
      <DataTable caption="Samtycken, även återkallade">
        <thead>
          <tr>
            <th scope="col">Vem</th>
            <th scope="col">Lämnat</th>
            <th scope="col">Organisationer och uppgifter</th>
            <th scope="col">Begränsning</th>
            <th scope="col">Återkallat</th>
            <th scope="col">
              <span className="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {person.consents.length === 0 && <EmptyRow columns={6}>Inget samtycke är registrerat.</EmptyRow>}
          {person.consents.map((consent) => (
            <tr key={consent.id}>
              <th scope="row">{consent.guardianName ? `${CONSENT_GIVER_LABELS.GUARDIAN}: ${consent.guardianName}` : CONSENT_GIVER_LABELS[consent.givenBy]}</th>
              <td className="tabular">{formatDate(consent.givenOn)}</td>
              <td>
                <ul className="norrbus-choice-list">
                  {consent.organisations.map((o) => (
                    <li key={o.organisation.id}>
                      {o.organisation.name}: {o.information}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{consent.limitation ?? '–'}</td>
              <td className="tabular">{consent.withdrawnOn ? `${formatDate(consent.withdrawnOn)}${consent.withdrawalNote ? ` (${consent.withdrawalNote})` : ''}` : '–'}</td>
              <td>
                {!consent.withdrawnOn && (
                  <button type="button" className="button button--link" onClick={() => setWithdrawing(consent)}>
                    Återkalla
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {withdrawing && (
        <WithdrawForm
          consent={withdrawing}
          onCancel={() => setWithdrawing(null)}
          onSaved={(message) => {
            setWithdrawing(null);
            onSaved(message);
          }}
        />
      )}
      {!adding && (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          Registrera ytterligare samtycke
        </button>
      )}
      {adding && (
        <form className="norrbus-form" aria-label="Registrera samtycke" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <h3>Registrera samtycke</h3>
          <FailureAlert failure={failure} title="Samtycket kunde inte registreras" failureRef={failureRef} summary />
          <fieldset>
            <legend>Vem samtycker</legend>
            <label className="choice">
              <input type="checkbox" checked={signatories.young ?? false} onChange={(e) => setSignatories({ ...signatories, young: e.target.checked })} />
              Den unge ({person.givenName})
            </label>
            {person.guardians.map((guardian) => (
              <label key={guardian.id} className="choice">
                <input type="checkbox" checked={signatories[guardian.id] ?? false} onChange={(e) => setSignatories({ ...signatories, [guardian.id]: e.target.checked })} />
                Vårdnadshavare {guardian.name}
              </label>
            ))}
          </fieldset>
          <OrganisationChecklist legend="Organisationer som får dela uppgifter" organisations={organisations} chosen={chosen} onChange={setChosen} information error={fieldError('organisations')} />
          <div className="field-row">
            <Field label="Dag för samtycket" error={fieldError('givenOn')}>
              {(props) => <input {...props} type="date" value={givenOn} onChange={(e) => setGivenOn(e.target.value)} />}
            </Field>
          </div>
          <Field label="Begränsning" hint="Till exempel uppgifter som inte får delas.">
            {(props) => <textarea {...props} value={limitation} onChange={(e) => setLimitation(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" aria-busy={saving}>
              Spara samtycket
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
