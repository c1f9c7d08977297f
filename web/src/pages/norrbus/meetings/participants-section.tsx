import { useId, useState, type FormEvent } from 'react';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { FailureAlert, Field, useMutationForm } from '../../../components/forms';
import { useViewer } from '../../../components/viewer-context';
import { AddParticipantsMutation } from './operations';
import type { NamedOrganisation, NorrbusMeeting } from './types';

const YOUNG_PERSON_OR_GUARDIAN = 'family';

/**
 * The participants with their mandate. The convener adds anyone of the parties and the young person
 * and guardians; an invited organisation adds its own people.
 */
export function ParticipantsSection({ meeting, parties, onSaved }: { meeting: NorrbusMeeting; parties: readonly NamedOrganisation[]; onSaved: (message: string) => void }) {
  const headingId = useId();
  const viewer = useViewer();
  const choices = meeting.convenedByViewer ? parties : parties.filter((p) => p.id === viewer.organisation.id);
  const [organisationId, setOrganisationId] = useState(choices[0]?.id ?? YOUNG_PERSON_OR_GUARDIAN);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [mandate, setMandate] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(AddParticipantsMutation);
  const professional = organisationId !== YOUNG_PERSON_OR_GUARDIAN;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: { meetingId: meeting.id, participants: [{ organisationId: professional ? organisationId : null, name, role, mandate: professional ? mandate.trim() || null : null }] },
    });
    if (saved) {
      setName('');
      setRole('');
      setMandate('');
      onSaved(`${name} är tillagd som deltagare.`);
    }
  }

  return (
    <section className="norrbus-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Deltagare</h2>
      <DataTable caption="Deltagare och deras mandat" captionHidden>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Roll</th>
            <th scope="col">Organisation</th>
            <th scope="col">Mandat</th>
          </tr>
        </thead>
        <tbody>
          {meeting.participants.length === 0 && <EmptyRow columns={4}>Inga deltagare registrerade.</EmptyRow>}
          {meeting.participants.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.role}</td>
              <td>{p.organisation?.name ?? '–'}</td>
              <td>{p.mandate ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {meeting.status !== 'CANCELLED' && choices.length > 0 && (
        <form className="norrbus-form" aria-label="Lägg till deltagare" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FailureAlert failure={failure} title="Deltagaren kunde inte läggas till" failureRef={failureRef} />
          <div className="field-row">
            <Field label="Organisation" error={fieldError('organisationId')}>
              {(props) => (
                <select {...props} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
                  {choices.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                  {meeting.convenedByViewer && <option value={YOUNG_PERSON_OR_GUARDIAN}>Den unge eller vårdnadshavare</option>}
                </select>
              )}
            </Field>
            <Field label="Namn" error={fieldError('name')}>
              {(props) => <input {...props} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label="Roll" error={fieldError('role')}>
              {(props) => <input {...props} type="text" value={role} onChange={(e) => setRole(e.target.value)} />}
            </Field>
          </div>
          {professional && (
            <Field label="Mandat" hint="Vad deltagaren får besluta om för sin organisation." error={fieldError('mandate')}>
              {(props) => <input {...props} type="text" value={mandate} onChange={(e) => setMandate(e.target.value)} />}
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="button button--secondary" aria-busy={saving}>
              Lägg till deltagare
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
