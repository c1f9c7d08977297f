import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ApprovalsDueForRenewalQuery, type ApprovalRenewal } from './assessment-api';
import './assessments.css';
import { conditionsText } from './decision-details';

const DEFAULT_DAYS = 90;

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; renewals: ApprovalRenewal[] };

function daysFromParams(params: URLSearchParams): number {
  const days = Number(params.get('dagar'));
  return Number.isInteger(days) && days > 0 && days <= 730 ? days : DEFAULT_DAYS;
}

/** /godkannanden-att-fornya — the unit's approvals running out soon, each with its re-assessment. */
export function RenewalsPage() {
  useDocumentTitle('Godkännanden att förnya');
  const [params, setParams] = useSearchParams();
  const withinDays = daysFromParams(params);
  const [daysText, setDaysText] = useState(String(withinDays));
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      ApprovalsDueForRenewalQuery,
      { withinDays },
      ({ approvalsDueForRenewal }) => setState({ status: 'ready', renewals: approvalsDueForRenewal }),
      (message) => setState({ status: 'error', message }),
    );
  }, [withinDays]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ dagar: daysText.trim() });
  }

  return (
    <>
      <h1>Godkännanden att förnya</h1>
      <p className="lead">Familjehem vars godkännande löper ut inom {withinDays} dagar. Ett godkännande förnyas genom en omutredning och ett nytt beslut.</p>
      <form className="assessment-form" aria-label="Urval" onSubmit={handleSubmit}>
        <div className="field-row">
          <Field label="Löper ut inom antal dagar">
            {(props) => <input {...props} type="number" inputMode="numeric" min={1} max={730} step={1} className="input--short" value={daysText} onChange={(e) => setDaysText(e.target.value)} />}
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            Visa
          </button>
        </div>
      </form>

      <div role="status" className="status-region">
        {state.status === 'loading' && <p className="muted">Hämtar godkännandena…</p>}
        {state.status === 'ready' && (
          <p className="result-count">
            {state.renewals.length === 0 ? 'Inga godkännanden löper ut inom perioden.' : `${state.renewals.length} godkännanden löper ut inom perioden.`}
          </p>
        )}
      </div>
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && state.renewals.length > 0 && (
        <DataTable caption="Godkännanden som löper ut, det som löper ut först överst" captionHidden>
          <thead>
            <tr>
              <th scope="col">Familjehem</th>
              <th scope="col">Gäller till och med</th>
              <th scope="col">Dagar kvar</th>
              <th scope="col">Villkor</th>
              <th scope="col">Omutredning</th>
            </tr>
          </thead>
          <tbody>
            {state.renewals.map((renewal) => (
              <tr key={renewal.fosterHome.id}>
                <th scope="row">
                  <Link to={`/familjehem/${renewal.fosterHome.id}`}>{renewal.fosterHome.name}</Link>
                  {renewal.fosterHome.city && <span className="facts__sub"> {renewal.fosterHome.city}</span>}
                </th>
                <td className="tabular">{formatDate(renewal.approval.validUntil)}</td>
                <td className="tabular">{renewal.daysLeft}</td>
                <td>{renewal.approval.conditions ? conditionsText(renewal.approval.conditions) : '–'}</td>
                <td>
                  {renewal.reassessment ? (
                    <Link to={`/utredningar/${renewal.reassessment.id}`}>Omutredning startad {formatDate(renewal.reassessment.startedOn)}</Link>
                  ) : (
                    <Link to={`/familjehem/${renewal.fosterHome.id}`}>Ej startad – starta på hemmets sida</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}
