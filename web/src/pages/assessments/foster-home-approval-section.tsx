import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { startQuery, type Operation } from '../../api/graphql';
import type { FosterHomeStatus, Role } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, Loading } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { formatDate } from '../../lib/format';
import { FosterHomeApprovalQuery, FosterHomeAssessmentsQuery, type AssessmentListItem, type HomeDecision } from './assessment-api';
import './assessments.css';
import { conditionsText, DecisionDetails } from './decision-details';
import { DECISION_OUTCOME_LABELS } from './labels';
import { StartReassessmentForm } from './start-assessment-form';

const UNIT_READERS: readonly Role[] = ['FOSTER_CARE_WORKER', 'HEAD_OF_UNIT', 'ADMINISTRATOR'];
const UNIT_WRITERS: readonly Role[] = ['FOSTER_CARE_WORKER', 'HEAD_OF_UNIT'];

type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/** Reads one of the home's queries (when enabled), keeping loading and error apart. */
function useHomeQuery<T>(query: Operation<T, { id: string }>, id: string, enabled: boolean): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    setState({ status: 'loading' });
    return startQuery(
      query,
      { id },
      (value) => setState({ status: 'ready', value }),
      (message) => setState({ status: 'error', message }),
    );
  }, [query, id, enabled]);
  return state;
}

function assessmentState(assessment: AssessmentListItem): string {
  if (assessment.decision) return `beslut ${formatDate(assessment.decision.decidedOn)}: ${DECISION_OUTCOME_LABELS[assessment.decision.outcome].toLowerCase()}`;
  if (assessment.sentForDecisionOn) return `skickad för beslut ${formatDate(assessment.sentForDecisionOn)}`;
  return 'pågår';
}

/**
 * The home's approval for everyone who sees the home (a placing municipality must see who assessed
 * and approved it, and on what conditions), and for the unit that owns it its assessments and the
 * "Starta omutredning" action.
 */
export function FosterHomeApprovalSection({ home }: { home: { id: string; status: FosterHomeStatus; approvedOn: string | null; owner: { id: string } } }) {
  const idPrefix = useId();
  const viewer = useViewer();
  const ownsHome = viewer.organisation.id === home.owner.id;
  const mayReadAssessments = ownsHome && viewer.roles.some((role) => UNIT_READERS.includes(role));
  const mayReassess = ownsHome && viewer.roles.some((role) => UNIT_WRITERS.includes(role));
  const approval = useHomeQuery(FosterHomeApprovalQuery, home.id, true);
  const assessments = useHomeQuery(FosterHomeAssessmentsQuery, home.id, mayReadAssessments);

  const decisions: HomeDecision[] = approval.status === 'ready' ? (approval.value.fosterHome?.decisions ?? []) : [];
  const current = approval.status === 'ready' ? (approval.value.fosterHome?.currentApproval ?? null) : null;
  const assessmentList = assessments.status === 'ready' ? (assessments.value.fosterHome?.assessments ?? []) : [];
  const underWay = assessmentList.some((a) => a.decision === null);

  return (
    <section aria-labelledby={`${idPrefix}-approval`} className="panel approval-section">
      <h2 id={`${idPrefix}-approval`}>Godkännande</h2>
      {approval.status === 'loading' && <Loading>Hämtar godkännandet…</Loading>}
      {approval.status === 'error' && <ErrorAlert message={`Godkännandet kunde inte hämtas. ${approval.message}`} />}
      {approval.status === 'ready' && (
        <>
          <h3>Gällande godkännande</h3>
          {current ? <DecisionDetails decision={current} /> : <p>Hemmet har inget gällande godkännande.</p>}

          <h3 id={`${idPrefix}-history`}>Beslutshistorik</h3>
          {decisions.length === 0 ? (
            <p>Inga beslut är registrerade.</p>
          ) : (
            <DataTable labelledBy={`${idPrefix}-history`} caption="Beslut om hemmet, senaste först" captionHidden>
              <thead>
                <tr>
                  <th scope="col">Beslutsdatum</th>
                  <th scope="col">Beslut</th>
                  <th scope="col">Beslutande kommun</th>
                  <th scope="col">Gäller till och med</th>
                  <th scope="col">Villkor</th>
                </tr>
              </thead>
              <tbody>
                {decisions.map((decision) => (
                  <tr key={decision.id}>
                    <td className="tabular">{formatDate(decision.decidedOn)}</td>
                    <td>{DECISION_OUTCOME_LABELS[decision.outcome]}</td>
                    <td>
                      {decision.decidedBy.name}
                      <span className="facts__sub"> ({decision.decisionMakerName})</span>
                    </td>
                    <td className="tabular">{formatDate(decision.validUntil)}</td>
                    <td>{decision.conditions ? conditionsText(decision.conditions) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </>
      )}

      {mayReadAssessments && (
        <>
          <h3>Utredningar</h3>
          {assessments.status === 'error' && <ErrorAlert message={`Utredningarna kunde inte hämtas. ${assessments.message}`} />}
          {assessments.status === 'ready' &&
            (assessmentList.length === 0 ? (
              <p>Inga utredningar är registrerade.</p>
            ) : (
              <ul>
                {assessmentList.map((assessment) => (
                  <li key={assessment.id}>
                    <Link to={`/utredningar/${assessment.id}`}>Utredning startad {formatDate(assessment.startedOn)}</Link> ({assessment.assessor.displayName},{' '}
                    {assessmentState(assessment)})
                  </li>
                ))}
              </ul>
            ))}
          {mayReassess && assessments.status === 'ready' && !underWay && home.approvedOn !== null && home.status !== 'CLOSED' && (
            <StartReassessmentForm fosterHomeId={home.id} />
          )}
        </>
      )}
    </section>
  );
}
