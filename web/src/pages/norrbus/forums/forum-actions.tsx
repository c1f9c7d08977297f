import { FailureAlert, todayInSweden, useMutationForm } from '../../../components/forms';
import { DataTable, EmptyRow } from '../../../components/data-table';
import { formatDate } from '../../../lib/format';
import { SetForumActionDoneMutation, type ForumAction } from './operations';

/** When an action is due, or when it was done; overdue said in words, not only in colour. */
export function ActionStatus({ action }: { action: Pick<ForumAction, 'dueOn' | 'doneOn' | 'overdue'> }) {
  if (action.doneOn) return <>Klar {formatDate(action.doneOn)}</>;
  if (!action.dueOn) return <span className="muted">Inget datum</span>;
  return (
    <>
      {formatDate(action.dueOn)}
      {action.overdue && <span className="badge forum-overdue-badge"> Försenad</span>}
    </>
  );
}

/** A forum's actions; the organisation that recorded one marks it done (today) or opens it again. */
export function ForumActionsTable({ caption, actions, onChanged }: { caption: string; actions: ForumAction[]; onChanged: () => void }) {
  const { saving, failure, failureRef, submit } = useMutationForm(SetForumActionDoneMutation);
  async function setDone(action: ForumAction, done: boolean) {
    const saved = await submit({ input: { actionId: action.id, doneOn: done ? todayInSweden() : null } });
    if (saved) onChanged();
  }
  return (
    <>
      <FailureAlert failure={failure} title="Åtgärden kunde inte ändras" failureRef={failureRef} />
      <DataTable caption={caption} className="data-table forum-actions">
        <thead>
          <tr>
            <th scope="col">Åtgärd</th>
            <th scope="col">Ansvarig</th>
            <th scope="col">Klar senast / klar</th>
            <th scope="col">
              <span className="visually-hidden">Ändra</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {actions.length === 0 && <EmptyRow columns={4}>Inga åtgärder.</EmptyRow>}
          {actions.map((action) => (
            <tr key={action.id}>
              <th scope="row">{action.action}</th>
              <td>{action.responsible}</td>
              <td>
                <ActionStatus action={action} />
              </td>
              <td>
                {action.canMarkDone && (
                  <button type="button" className="button button--link" aria-busy={saving} onClick={() => void setDone(action, action.doneOn === null)}>
                    {action.doneOn === null ? 'Markera klar' : 'Öppna igen'}
                    <span className="visually-hidden">: {action.action}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
