import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { startQuery, type Operation } from '../../api/graphql';
import { BackLink } from '../../components/back-link';
import { ErrorAlert } from '../../components/page-states';
import { downloadCsv } from '../../lib/download-csv';
import './reports.css';

export type ReportState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; report: T };

/** Runs a report's query again whenever `key` (the period asked for) changes. */
export function useReport<TData, TVariables, TReport>(query: Operation<TData, TVariables>, variables: TVariables, key: string, pick: (data: TData) => TReport): ReportState<TReport> {
  const [state, setState] = useState<ReportState<TReport>>({ status: 'loading' });
  useEffect(() => {
    setState({ status: 'loading' });
    return startQuery(
      query,
      variables,
      (data) => setState({ status: 'ready', report: pick(data) }),
      (message) => setState({ status: 'error', message }),
    );
    // The variables follow from the key; the query and picker never change for a page.
  }, [key]);
  return state;
}

/** Today's year and quarter (1–4) in Sweden. */
export function currentQuarter(today: string): { year: number; quarter: number } {
  return { year: Number(today.slice(0, 4)), quarter: Math.ceil(Number(today.slice(5, 7)) / 3) };
}

/** A whole number from the query string within [min, max], else the fallback. */
export function numberParam(value: string | null, min: number, max: number, fallback: number): number {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= min && number <= max ? number : fallback;
}

/**
 * A report page: the way back to the index, the heading, what the report is, the period form,
 * and once loaded the actions (CSV, print) and the report itself. The print stylesheet keeps the
 * heading, the period and the tables, and drops the rest.
 */
export function ReportPage<T>({
  title,
  lead,
  period,
  onPeriodSubmit,
  state,
  loadingText,
  csvFileName,
  csvOf,
  children,
}: {
  title: string;
  lead: ReactNode;
  period: ReactNode;
  onPeriodSubmit: () => void;
  state: ReportState<T>;
  loadingText: string;
  csvFileName: (report: T) => string;
  csvOf: (report: T) => string;
  children: (report: T) => ReactNode;
}) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onPeriodSubmit();
  }
  return (
    <div className="report">
      <BackLink to="/rapporter">Rapporter</BackLink>
      <h1>{title}</h1>
      <p className="lead report__lead">{lead}</p>
      <form className="filters report__period" aria-label="Period" onSubmit={handleSubmit}>
        {period}
        <div className="filters__actions">
          <button type="submit" className="button button--secondary">
            Visa
          </button>
        </div>
      </form>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          {loadingText}
        </p>
      )}
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && (
        <>
          <div className="form-actions report__actions">
            <button type="button" className="button button--secondary" onClick={() => downloadCsv(csvOf(state.report), csvFileName(state.report))}>
              Ladda ner CSV
            </button>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              Skriv ut
            </button>
          </div>
          {children(state.report)}
        </>
      )}
    </div>
  );
}
