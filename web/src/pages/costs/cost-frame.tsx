import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Field, todayInSweden } from '../../components/forms';
import { downloadCsv } from '../../lib/download-csv';
import { numberParam } from '../reports/report-frame';
import { csvSection } from './cost-format';
import { COST_CATEGORIES, type CostCategory, type ReportPeriod } from './cost-report-operations';
import '../reports/reports.css';
import './costs.css';

/** The query string of the cost pages: /kostnader?ar=2026&datum=2026-11-23, the drill-down adds kategori and manad. */
export const PARAM = { year: 'ar', asOf: 'datum', category: 'kategori', month: 'manad' } as const;
/** The first year with costs in Samverka (the price lists start in 2020). */
const FIRST_YEAR = 2020;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The year and report day asked for; no day means the server's default (today, or 31 December for a past year). */
export function usePeriodParams(): ReportPeriod & { params: URLSearchParams } {
  const [params] = useSearchParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const year = numberParam(params.get(PARAM.year), FIRST_YEAR, thisYear + 1, thisYear);
  const day = params.get(PARAM.asOf) ?? '';
  return { year, asOf: ISO_DATE.test(day) ? day : null, params };
}

export function categoryParam(value: string | null): CostCategory | null {
  return COST_CATEGORIES.find((category) => category === value) ?? null;
}

export function monthParam(value: string | null, year: number): string | null {
  return value && MONTH.test(value) && value.startsWith(`${year}-`) ? value : null;
}

/** A link's query string for a period and optional drill-down filters. */
export function periodSearch(period: ReportPeriod, filters: { category?: CostCategory | null; month?: string | null } = {}): string {
  const search = new URLSearchParams({ [PARAM.year]: String(period.year) });
  if (period.asOf) search.set(PARAM.asOf, period.asOf);
  if (filters.category) search.set(PARAM.category, filters.category);
  if (filters.month) search.set(PARAM.month, filters.month);
  return `?${search}`;
}

/** The drill-down to the placements behind a figure of the municipality's report. */
export function placementCostsLink(period: ReportPeriod, filters: { category?: CostCategory | null; month?: string | null }): string {
  return `/kostnader/placeringar${periodSearch(period, filters)}`;
}

/** The year (a list) and the optional report day (within that year); `children` adds named fields, read from `form` on submit. */
export function PeriodForm({ period, onSubmit, children }: { period: ReportPeriod; onSubmit: (period: ReportPeriod, form: FormData) => void; children?: ReactNode }) {
  const thisYear = Number(todayInSweden().slice(0, 4));
  const [draft, setDraft] = useState({ year: period.year, asOf: period.asOf ?? '' });
  const years = Array.from({ length: thisYear + 2 - FIRST_YEAR }, (_, i) => thisYear + 1 - i);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit({ year: draft.year, asOf: draft.asOf || null }, new FormData(event.currentTarget));
  }

  return (
    <form className="filters report__period cost-period" aria-label="Period" onSubmit={handleSubmit}>
      <Field label="År">
        {(control) => (
          <select
            {...control}
            value={draft.year}
            // A report day belongs to its year; another year starts without one.
            onChange={(e) => setDraft((d) => ({ year: Number(e.target.value), asOf: d.asOf.startsWith(`${e.target.value}-`) ? d.asOf : '' }))}
          >
            {years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Per datum (valfritt)" hint="Utfall till och med dagen. Tomt: i dag, eller 31 december för ett avslutat år.">
        {(control) => <input {...control} type="date" min={`${draft.year}-01-01`} max={`${draft.year}-12-31`} value={draft.asOf} onChange={(e) => setDraft((d) => ({ ...d, asOf: e.target.value }))} />}
      </Field>
      {children}
      <div className="filters__actions">
        <button type="submit" className="button button--secondary">
          Visa
        </button>
      </div>
    </form>
  );
}

/** The whole report's CSV and printing, above the report (hidden when printed). */
export function ReportActions({ onDownload }: { onDownload: () => void }) {
  return (
    <div className="form-actions report__actions">
      <button type="button" className="button button--secondary" onClick={onDownload}>
        Ladda ner CSV
      </button>
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        Skriv ut
      </button>
    </div>
  );
}

/**
 * A table's own CSV: its section of the report's CSV. `name` says which table to those who cannot see
 * where the button is. Nothing when the report's CSV has no such section.
 */
export function TableCsvButton({ csv, section, name, fileName }: { csv: string; section: string; name: string; fileName: string }) {
  const part = csvSection(csv, section);
  if (!part) return null;
  return (
    <button type="button" className="button button--link cost-table-csv" onClick={() => downloadCsv(part, fileName)}>
      Ladda ner CSV<span className="visually-hidden">: {name}</span>
    </button>
  );
}

/** A report section with its heading (level 2), named by it for landmarks and tests. */
export function CostSection({ id, title, intro, actions, children }: { id: string; title: string; intro?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="cost-section" aria-labelledby={id}>
      <div className="cost-section__head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {intro && <p className="cost-section__intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A warning that some days had no rate: the price list has a gap to fill before the figures are whole. */
export function DaysWithoutRateWarning({ days }: { days: number }) {
  if (days <= 0) return null;
  return (
    <div role="alert" className="alert alert--warning">
      <p>
        <strong>{days.toLocaleString('sv-SE')} vårddygn saknar gällande taxa</strong> och är inte med i kostnaderna. Komplettera <Link to="/kostnader/prislista">prislistan</Link> (arvode, omkostnadsersättning eller konsulentverksamhetens dygnspris) för de perioderna.
      </p>
    </div>
  );
}
