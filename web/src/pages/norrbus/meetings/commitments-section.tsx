import { useId, useState, type FormEvent } from 'react';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { FailureAlert, Field, useMutationForm } from '../../../components/forms';
import { formatDate } from '../../../lib/format';
import { dueText, OUTCOME_LABELS } from './labels';
import { DocumentCommitmentsMutation } from './operations';
import { OrganisationSelect } from './meeting-fields';
import type { Commitment, CommitmentInput, NamedOrganisation, NorrbusMeeting } from './types';

const EMPTY: CommitmentInput = { responsibleOrganisationId: null, intervention: '', extent: '', performer: '', followUpMethod: 'Uppföljande Norrbusmöte', followUpOn: null };

/** The plan's åtaganden with what became of them. */
export function CommitmentsTable({ caption, commitments }: { caption: string; commitments: readonly Commitment[] }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Insats</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Omfattning</th>
          <th scope="col">Utförare</th>
          <th scope="col">Uppföljning</th>
          <th scope="col">Utfall</th>
        </tr>
      </thead>
      <tbody>
        {commitments.length === 0 && <EmptyRow columns={6}>Inga åtaganden dokumenterade.</EmptyRow>}
        {commitments.map((c) => (
          <tr key={c.id}>
            <th scope="row">{c.intervention}</th>
            <td>{c.responsibleOrganisation.name}</td>
            <td>{c.extent}</td>
            <td>{c.performer}</td>
            <td>
              {c.followUpMethod}, <span className="tabular">{formatDate(c.followUpOn)}</span>
            </td>
            <td className={c.overdue ? 'norrbus-overdue' : undefined}>{c.outcome ? `${OUTCOME_LABELS[c.outcome]} ${formatDate(c.outcomeOn)}${c.outcomeNote ? `: ${c.outcomeNote}` : ''}` : `Öppet. ${dueText(c)}`}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/**
 * The åtaganden decided at the meeting, documented by the convener: for each, the responsible
 * organisation, the intervention, its extent, who performs it, and how and when it is followed up.
 * One incomplete åtagande refuses the whole plan.
 */
export function CommitmentsSection({ meeting, parties, onSaved }: { meeting: NorrbusMeeting; parties: readonly NamedOrganisation[]; onSaved: (message: string) => void }) {
  const headingId = useId();
  const [rows, setRows] = useState<CommitmentInput[]>([{ ...EMPTY }]);
  const { saving, failure, failureRef, submit } = useMutationForm(DocumentCommitmentsMutation);
  const set = (index: number, change: Partial<CommitmentInput>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const documenting = meeting.convenedByViewer && meeting.status === 'HELD';

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: { meetingId: meeting.id, expectedVersion: meeting.version, commitments: rows } });
    if (saved) {
      setRows([{ ...EMPTY }]);
      onSaved(`${rows.length} ${rows.length === 1 ? 'åtagande är dokumenterat' : 'åtaganden är dokumenterade'}.`);
    }
  }

  return (
    <section className="norrbus-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Åtaganden</h2>
      <CommitmentsTable caption="Mötets åtaganden" commitments={meeting.commitments} />
      {documenting && (
        <form className="norrbus-form" aria-label="Dokumentera åtaganden" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <h3>Dokumentera åtaganden</h3>
          <FailureAlert failure={failure} title="Åtagandena kunde inte sparas" failureRef={failureRef} summary />
          {rows.map((row, index) => (
            <fieldset key={index}>
              <legend>Åtagande {index + 1}</legend>
              <div className="field-row">
                <OrganisationSelect
                  label="Ansvarig organisation"
                  organisations={parties}
                  value={row.responsibleOrganisationId ?? ''}
                  onChange={(id) => set(index, { responsibleOrganisationId: id || null })}
                  emptyLabel="Välj…"
                />
                <Field label="Insats">{(props) => <input {...props} type="text" value={row.intervention} onChange={(e) => set(index, { intervention: e.target.value })} />}</Field>
              </div>
              <div className="field-row">
                <Field label="Omfattning">{(props) => <input {...props} type="text" value={row.extent} onChange={(e) => set(index, { extent: e.target.value })} />}</Field>
                <Field label="Utförare">{(props) => <input {...props} type="text" value={row.performer} onChange={(e) => set(index, { performer: e.target.value })} />}</Field>
              </div>
              <div className="field-row">
                <Field label="Hur det följs upp">{(props) => <input {...props} type="text" value={row.followUpMethod} onChange={(e) => set(index, { followUpMethod: e.target.value })} />}</Field>
                <Field label="Uppföljningsdatum">
                  {(props) => <input {...props} type="date" value={row.followUpOn ?? ''} onChange={(e) => set(index, { followUpOn: e.target.value || null })} />}
                </Field>
              </div>
              {rows.length > 1 && (
                <button type="button" className="button button--link" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                  Ta bort åtagande {index + 1}
                </button>
              )}
            </fieldset>
          ))}
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => setRows([...rows, { ...EMPTY }])}>
              Lägg till åtagande
            </button>
            <button type="submit" className="button" aria-busy={saving}>
              Spara åtagandena
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
