import { useState, type FormEvent } from 'react';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../../components/forms';
import { swedishDateTime } from './labels';
import { OrganisationChecklist, OrganisationSelect, WhenAndWhereFields } from './meeting-fields';
import { InviteMutation } from './operations';
import type { NamedOrganisation, NorrbusMeeting } from './types';

/**
 * The kallelse: purpose, time and place, the organisations called (three parties, exceptionally two
 * with the reason), and who coordinates. Every organisation called must be covered by the consent.
 */
export function InvitationForm({ meeting, organisations, onSaved }: { meeting: NorrbusMeeting; organisations: readonly NamedOrganisation[]; onSaved: (message: string) => void }) {
  const invited = meeting.invitations.map((i) => i.organisation.id);
  const [purpose, setPurpose] = useState(meeting.purpose ?? '');
  const [when, setWhen] = useState({ date: meeting.scheduledAt ? meeting.scheduledAt.slice(0, 10) : todayInSweden(), time: '09:00', location: meeting.location ?? '' });
  const [chosen, setChosen] = useState<Record<string, string>>(() => Object.fromEntries(invited.map((id) => [id, ''])));
  const [twoPartyReason, setTwoPartyReason] = useState(meeting.twoPartyReason ?? '');
  const [coordinatorId, setCoordinatorId] = useState(meeting.coordinator?.id ?? '');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(InviteMutation);
  const candidates = organisations.filter((o) => o.id !== meeting.convener.id);
  const parties = [meeting.convener, ...candidates.filter((o) => o.id in chosen)];

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        meetingId: meeting.id,
        expectedVersion: meeting.version,
        purpose,
        scheduledAt: swedishDateTime(when.date, when.time),
        location: when.location.trim() || null,
        organisationIds: Object.keys(chosen),
        twoPartyReason: twoPartyReason.trim() || null,
        coordinatorId: coordinatorId || null,
      },
    });
    if (saved) onSaved('Kallelsen är skickad.');
  }

  return (
    <form className="norrbus-form" aria-label="Kallelse" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3>{meeting.status === 'PLANNED' ? 'Skicka kallelse' : 'Ändra kallelsen'}</h3>
      <FailureAlert failure={failure} title="Kallelsen kunde inte skickas" failureRef={failureRef} summary />
      <Field label="Syfte med mötet" hint="Så att de kallade kan förbereda sig." error={fieldError('purpose')}>
        {(props) => <textarea {...props} value={purpose} onChange={(e) => setPurpose(e.target.value)} />}
      </Field>
      <WhenAndWhereFields when={when} onChange={setWhen} error={fieldError('scheduledAt')} />
      <OrganisationChecklist legend="Kallade organisationer" organisations={candidates} chosen={chosen} onChange={setChosen} error={fieldError('organisationIds')} />
      <Field label="Skäl till att bara två parter deltar" hint="Krävs när skola, socialtjänst eller hälso- och sjukvård inte kallas." error={fieldError('twoPartyReason')}>
        {(props) => <textarea {...props} value={twoPartyReason} onChange={(e) => setTwoPartyReason(e.target.value)} />}
      </Field>
      <OrganisationSelect
        label="Samordnare"
        hint={meeting.person?.placedOutsideHome ? 'Den unge är placerad utanför hemmet: socialtjänsten samordnar.' : 'Valfritt.'}
        error={fieldError('coordinatorOrgId')}
        organisations={parties}
        value={coordinatorId}
        onChange={setCoordinatorId}
        emptyLabel="Ingen angiven"
      />
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Skicka kallelsen
        </button>
      </div>
    </form>
  );
}
