import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { graphql } from '../../api/graphql';
import { errorMessage } from '../../api/errors';
import { BackLink } from '../../components/back-link';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { downloadCsv } from '../../lib/download-csv';
import { formatDate, formatNumber } from '../../lib/format';
import { formatKronor } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReport } from '../reports/report-frame';
import { COST_CATEGORY_LABELS, formatAverage, formatMonth } from './cost-format';
import { categoryParam, monthParam, PARAM, PeriodForm, periodSearch, ReportActions, usePeriodParams } from './cost-frame';
import { COST_CATEGORIES, PlacementCostsCsvQuery, PlacementCostsQuery, type PlacementCostLine, type PlacementCostsFilter } from './cost-report-operations';

const MONTH_NUMBERS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const sum = (lines: readonly PlacementCostLine[], pick: (line: PlacementCostLine) => number) => lines.reduce((total, line) => total + pick(line), 0);

/**
 * /kostnader/placeringar?ar=2026&kategori=CONSULTANT_SUPPORTED&manad=2026-05 — the municipality's
 * placements behind a figure of the cost report, each with its child, home and cost. Only the
 * placing municipality sees them; the server logs the read of each child.
 */
export function PlacementCostsPage() {
  useDocumentTitle('Placeringar bakom kostnaderna');
  const [, setParams] = useSearchParams();
  const { year, asOf, params } = usePeriodParams();
  const filter: PlacementCostsFilter = { year, asOf, category: categoryParam(params.get(PARAM.category)), month: monthParam(params.get(PARAM.month), year) };
  const key = periodSearch({ year, asOf }, filter);
  const state = useReport(PlacementCostsQuery, filter, key, (data) => data.placementCosts);
  const [csvError, setCsvError] = useState<string | null>(null);
  const what = `${filter.category ? COST_CATEGORY_LABELS[filter.category] : 'Alla kategorier'}, ${filter.month ? formatMonth(filter.month) : `hela ${year}`}`;

  function submit(period: { year: number; asOf: string | null }, form: FormData) {
    const month = String(form.get('manad') ?? '');
    setParams(periodSearch(period, { category: categoryParam(String(form.get('kategori') ?? '')), month: month ? `${period.year}-${month}` : null }));
  }

  async function downloadPlacementsCsv() {
    setCsvError(null);
    try {
      const { placementCostsCsv } = await graphql(PlacementCostsCsvQuery, filter);
      downloadCsv(placementCostsCsv, `kostnader-placeringar-${year}${filter.month ? `-${filter.month}` : ''}${filter.category ? `-${filter.category.toLowerCase()}` : ''}.csv`);
    } catch (error) {
      setCsvError(errorMessage(error));
    }
  }

  return (
    <div className="report cost-report">
      <BackLink to={`/kostnader${periodSearch({ year, asOf })}`}>Kostnader</BackLink>
      <h1>Placeringar bakom kostnaderna</h1>
      <p className="lead report__lead">Kommunens placeringar med dygn eller kostnader under perioden, med barn, familjehem och kostnad. Snittkostnaden per dygn räknas på dygnskostnaderna, utan extra kostnader.</p>
      <PeriodForm key={key} period={{ year, asOf }} onSubmit={submit}>
        <Field label="Kategori">
          {(control) => (
            <select {...control} name="kategori" defaultValue={filter.category ?? ''}>
              <option value="">Alla kategorier</option>
              {COST_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {COST_CATEGORY_LABELS[category]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Månad">
          {(control) => (
            <select {...control} name="manad" defaultValue={filter.month?.slice(5) ?? ''}>
              <option value="">Hela året</option>
              {MONTH_NUMBERS.map((month) => (
                <option key={month} value={month}>
                  {formatMonth(`2000-${month}`).replace(' 2000', '')}
                </option>
              ))}
            </select>
          )}
        </Field>
      </PeriodForm>
      {state.status === 'loading' && <Loading>Hämtar placeringarna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} />}
      {state.status === 'ready' && (
        <>
          <ReportActions onDownload={() => void downloadPlacementsCsv()} />
          {csvError && <ErrorAlert message={csvError} />}
          <p className="report__meta">
            {what}
            {asOf ? `, utfall till och med ${asOf}` : ''}.
          </p>
          <p role="status" className="report__summary">
            {formatNumber(state.report.length)} {state.report.length === 1 ? 'placering' : 'placeringar'}, {formatNumber(sum(state.report, (l) => l.days))} vårddygn, {formatKronor(sum(state.report, (l) => l.total))}.
          </p>
          <PlacementCostTable lines={state.report} caption={`Placeringar: ${what}`} />
        </>
      )}
    </div>
  );
}

function PlacementCostTable({ lines, caption }: { lines: readonly PlacementCostLine[]; caption: string }) {
  return (
    <DataTable caption={caption} className="data-table cost-table cost-table--children">
      <thead>
        <tr>
          <th scope="col">Barn</th>
          <th scope="col">Familjehem</th>
          <th scope="col">Kategori</th>
          <th scope="col">Från</th>
          <th scope="col">Till</th>
          <th scope="col" className="numeric">
            Vårddygn
          </th>
          <th scope="col" className="numeric">
            Dygnskostnader
          </th>
          <th scope="col" className="numeric">
            Extra kostnader
          </th>
          <th scope="col" className="numeric">
            Kostnad
          </th>
          <th scope="col" className="numeric">
            Snittkostnad per dygn
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 && <EmptyRow columns={10}>Inga placeringar med kostnader under perioden.</EmptyRow>}
        {lines.map((line) => (
          <tr key={line.placementId}>
            <th scope="row">
              <Link to={`/barn/${encodeURIComponent(line.childId)}`}>{line.childName}</Link>
            </th>
            <td>{line.homeName}</td>
            <td>{COST_CATEGORY_LABELS[line.category]}</td>
            <td className="tabular">{formatDate(line.startsOn)}</td>
            <td className="tabular">{line.endedOn ? formatDate(line.endedOn) : 'pågår'}</td>
            <td className="numeric">{formatNumber(line.days)}</td>
            <td className="numeric">{formatKronor(line.dailyCost)}</td>
            <td className="numeric">{formatKronor(line.extra)}</td>
            <td className="numeric">{formatKronor(line.total)}</td>
            <td className="numeric">{formatAverage(line.averageDailyCost)}</td>
          </tr>
        ))}
      </tbody>
      {lines.length > 0 && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              Totalt
            </th>
            <td className="numeric">{formatNumber(sum(lines, (l) => l.days))}</td>
            <td className="numeric">{formatKronor(sum(lines, (l) => l.dailyCost))}</td>
            <td className="numeric">{formatKronor(sum(lines, (l) => l.extra))}</td>
            <td className="numeric">{formatKronor(sum(lines, (l) => l.total))}</td>
            <td />
          </tr>
        </tfoot>
      )}
    </DataTable>
  );
}
