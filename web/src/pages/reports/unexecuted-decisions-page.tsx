import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { UnexecutedDecision, UnexecutedDecisionReport } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, todayInSweden } from '../../components/forms';
import { formatDate, formatNumber } from '../../lib/format';
import { CHILD_GENDER_LABELS, LEGAL_BASIS_LABELS, PLACEMENT_KIND_LABELS, UNEXECUTED_DECISION_STATUS_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { UnexecutedDecisionReportQuery } from './operations';
import { currentQuarter, numberParam, ReportPage, useReport } from './report-frame';

const PARAM = { year: 'ar', quarter: 'kvartal' } as const;

/** The quarter before, which is the one to report once it has ended. */
function lastEndedQuarter(today: string): { year: number; quarter: number } {
  const { year, quarter } = currentQuarter(today);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** "tre färre jämfört med kvartal 1 2025", as the committees write it. */
function comparedWithPrevious(report: UnexecutedDecisionReport): string {
  const previous = report.quarter === 1 ? `kvartal 4 ${report.year - 1}` : `kvartal ${report.quarter - 1} ${report.year}`;
  const difference = report.total - report.previousQuarterTotal;
  if (difference === 0) return `lika många som ${previous}`;
  return `${formatNumber(Math.abs(difference))} ${difference < 0 ? 'färre' : 'fler'} jämfört med ${previous}`;
}

function statusText(row: UnexecutedDecision): string {
  const status = row.status === 'EXECUTED' && row.waitKind === 'INTERRUPTED' ? 'Återupptaget' : UNEXECUTED_DECISION_STATUS_LABELS[row.status];
  return row.statusOn ? `${status} ${formatDate(row.statusOn)}` : status;
}

/** /rapporter/ej-verkstallda — the quarterly report to IVO and the council of favourable decisions not executed within three months. */
export function UnexecutedDecisionsPage() {
  useDocumentTitle('Ej verkställda beslut');
  const [params, setParams] = useSearchParams();
  const today = todayInSweden();
  const fallback = lastEndedQuarter(today);
  const year = numberParam(params.get(PARAM.year), 2000, 2100, fallback.year);
  const quarter = numberParam(params.get(PARAM.quarter), 1, 4, fallback.quarter);
  const [draft, setDraft] = useState({ year: String(year), quarter: String(quarter) });
  const state = useReport(UnexecutedDecisionReportQuery, { year, quarter }, `${year}-${quarter}`, (data) => data.unexecutedDecisionReport);

  return (
    <ReportPage
      title="Ej verkställda beslut"
      lead="Gynnande beslut om placering som inte verkställts inom tre månader från beslutsdatum, eller där verkställigheten avbrutits i tre månader. Rapporteras varje kvartal till IVO och till fullmäktige, utan den enskildes namn."
      period={
        <>
          <Field label="År">
            {(control) => <input {...control} type="number" inputMode="numeric" min={2000} max={2100} value={draft.year} onChange={(e) => setDraft((d) => ({ ...d, year: e.target.value }))} />}
          </Field>
          <Field label="Kvartal">
            {(control) => (
              <select {...control} value={draft.quarter} onChange={(e) => setDraft((d) => ({ ...d, quarter: e.target.value }))}>
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    Kvartal {q}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      }
      onPeriodSubmit={() => setParams(new URLSearchParams({ [PARAM.year]: draft.year, [PARAM.quarter]: draft.quarter }))}
      state={state}
      loadingText="Tar fram rapporten…"
      csvFileName={(report) => `ej-verkstallda-beslut-${report.year}-kvartal-${report.quarter}.csv`}
      csvOf={(report) => report.csv}
    >
      {(report) => (
        <>
          <p className="report__meta">
            {report.municipality.name}, kvartal {report.quarter} {report.year} ({formatDate(report.first)}–{formatDate(report.last)}).
            {report.asOf < report.last && <> Kvartalet pågår: siffrorna gäller {formatDate(report.asOf)}.</>}
          </p>
          <p role="status" className="report__summary">
            Under kvartal {report.quarter} {report.year} fanns totalt {formatNumber(report.total)} ej verkställda beslut inom lagstadgade tre månader, vilket är {comparedWithPrevious(report)}.
          </p>
          <div className="report__figures">
            <DataTable caption="Antal beslut">
              <tbody>
                <tr>
                  <th scope="row">Ej verkställda vid kvartalets slut</th>
                  <td className="numeric">{formatNumber(report.notExecuted)}</td>
                </tr>
                <tr>
                  <th scope="row">Verkställda under kvartalet</th>
                  <td className="numeric">{formatNumber(report.executed)}</td>
                </tr>
                <tr>
                  <th scope="row">Avslutade under kvartalet</th>
                  <td className="numeric">{formatNumber(report.cancelled)}</td>
                </tr>
                <tr>
                  <th scope="row">Totalt</th>
                  <td className="numeric">{formatNumber(report.total)}</td>
                </tr>
              </tbody>
            </DataTable>
            <DataTable caption="Per kön">
              <tbody>
                {report.byGender.map((row) => (
                  <tr key={row.gender}>
                    <th scope="row">{CHILD_GENDER_LABELS[row.gender]}</th>
                    <td className="numeric">{formatNumber(row.count)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
          <DataTable caption="Besluten (bilaga)" note="Väntat: dagar från beslutet, eller från avbrottet, till kvartalets sista dag eller till dagen beslutet verkställdes eller avslutades.">
            <thead>
              <tr>
                <th scope="col">Beslutsdatum</th>
                <th scope="col">Insats</th>
                <th scope="col">Placeringsform</th>
                <th scope="col">Lagrum</th>
                <th scope="col">Kön</th>
                <th scope="col">Avbrott</th>
                <th scope="col" className="numeric">
                  Väntat (dagar)
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {report.decisions.length === 0 && <EmptyRow columns={8}>Inga ej verkställda beslut att rapportera för kvartalet.</EmptyRow>}
              {report.decisions.map((row, index) => (
                <tr key={index}>
                  <td className="tabular">{formatDate(row.decidedOn)}</td>
                  <td>{row.intervention}</td>
                  <td>{PLACEMENT_KIND_LABELS[row.kind]}</td>
                  <td>{LEGAL_BASIS_LABELS[row.legalBasis]}</td>
                  <td>{CHILD_GENDER_LABELS[row.gender]}</td>
                  <td className="tabular">{row.interruptedOn ? formatDate(row.interruptedOn) : '–'}</td>
                  <td className="numeric">{formatNumber(row.daysWaited)}</td>
                  <td>{statusText(row)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </ReportPage>
  );
}
