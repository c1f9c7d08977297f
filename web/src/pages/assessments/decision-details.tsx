import { formatDate, formatPersonalIdentityNumber } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, labelOf } from '../../lib/labels';
import type { ApprovalConditions, HomeDecision } from './assessment-api';
import { DECISION_MAKER_KIND_LABELS, DECISION_OUTCOME_LABELS } from './labels';

export function conditionsText(conditions: ApprovalConditions): string {
  const ages =
    conditions.minChildAge !== null || conditions.maxChildAge !== null
      ? `, ${conditions.minChildAge ?? 0}–${conditions.maxChildAge ?? 20} år`
      : '';
  const named = conditions.namedChild ? `, endast ${conditions.namedChild.name}` : '';
  return `${labelOf(FOSTER_HOME_KIND_LABELS, conditions.assignmentKind)}, ${conditions.places} barn${ages}${named}`;
}

/** A decision (beslut) as facts: outcome, who decided and when, validity and the conditions. */
export function DecisionDetails({ decision }: { decision: HomeDecision }) {
  const conditions = decision.conditions;
  return (
    <dl className="facts">
      <div>
        <dt>Beslut</dt>
        <dd>{DECISION_OUTCOME_LABELS[decision.outcome]}</dd>
      </div>
      <div>
        <dt>Beslutsdatum</dt>
        <dd>{formatDate(decision.decidedOn)}</dd>
      </div>
      <div>
        <dt>Beslutande kommun</dt>
        <dd>
          {decision.decidedBy.name}
          <span className="facts__sub">
            {DECISION_MAKER_KIND_LABELS[decision.decisionMakerKind]}: {decision.decisionMakerName}
          </span>
        </dd>
      </div>
      <div>
        <dt>Utrett av</dt>
        <dd>{decision.assessedBy.name}</dd>
      </div>
      {decision.validUntil && (
        <div>
          <dt>Gäller till och med</dt>
          <dd>{formatDate(decision.validUntil)}</dd>
        </div>
      )}
      {conditions && (
        <>
          <div>
            <dt>Uppdrag</dt>
            <dd>{labelOf(FOSTER_HOME_KIND_LABELS, conditions.assignmentKind)}</dd>
          </div>
          <div>
            <dt>Antal barn</dt>
            <dd>{conditions.places}</dd>
          </div>
          <div>
            <dt>Barnens ålder</dt>
            <dd>
              {conditions.minChildAge === null && conditions.maxChildAge === null
                ? 'Ingen begränsning'
                : `${conditions.minChildAge ?? 0}–${conditions.maxChildAge ?? 20} år`}
            </dd>
          </div>
          {conditions.namedChild && (
            <div>
              <dt>Gäller endast barnet</dt>
              <dd>
                {conditions.namedChild.name}
                <span className="facts__sub">{formatPersonalIdentityNumber(conditions.namedChild.personalIdentityNumber)}</span>
              </dd>
            </div>
          )}
        </>
      )}
      {decision.reasoning && (
        <div>
          <dt>Motivering</dt>
          <dd>{decision.reasoning}</dd>
        </div>
      )}
    </dl>
  );
}
