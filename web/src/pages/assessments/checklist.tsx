import { DataTable } from '../../components/data-table';
import type { AssessmentChecklist } from './assessment-api';
import { REQUIREMENT_STATUS_LABELS } from './labels';

/** The assessment's checklist: every requirement with its status as text (klart / saknas / för gammalt). */
export function Checklist({ checklist, headingId }: { checklist: AssessmentChecklist; headingId: string }) {
  const remaining = checklist.requirements.filter((r) => r.status !== 'DONE').length;
  return (
    <>
      <p className="lead">
        {checklist.ready ? (
          <strong>Alla krav är uppfyllda. Utredningen kan skickas för beslut.</strong>
        ) : (
          <strong>{remaining} krav återstår innan utredningen kan skickas för beslut.</strong>
        )}{' '}
        <span className="muted">Bedömt per {checklist.day} enligt enhetens policy.</span>
      </p>
      <DataTable labelledBy={headingId} caption="Krav i utredningen med status" captionHidden>
        <thead>
          <tr>
            <th scope="col">Krav</th>
            <th scope="col">Status</th>
            <th scope="col">Uppgift</th>
          </tr>
        </thead>
        <tbody>
          {checklist.requirements.map((requirement) => (
            <tr key={requirement.key}>
              <th scope="row">{requirement.label}</th>
              <td>
                <span className={`badge requirement--${requirement.status.toLowerCase()}`}>{REQUIREMENT_STATUS_LABELS[requirement.status]}</span>
              </td>
              <td>{requirement.missing?.message ?? requirement.detail ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
