import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import type { RecruitmentFunnel } from '../../api/types';
import { BackLink } from '../../components/back-link';
import { DataTable, EmptyRow } from '../../components/data-table';
import { FilterActions, todayInSweden } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { formatNumber } from '../../lib/format';
import { LEAVING_REASON_LABELS, RECRUITMENT_SOURCE_LABELS, RECRUITMENT_STEP_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RecruitmentFunnelQuery } from './operations';
import './recruitment.css';
import { downloadCsv } from '../../lib/download-csv';

const PARAM = { from: 'fran', to: 'till' } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function yearBefore(day: string): string {
  const [year, month, date] = day.split('-');
  return `${Number(year) - 1}-${month}-${date === '29' && month === '02' ? '28' : date}`;
}

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);
const days = (value: number | null) => (value === null ? '–' : value.toLocaleString('sv-SE', { maximumFractionDigits: 1 }));

/** /rekrytering/tratt — the funnel report: the figures the unit is judged by, as a chart, tables and CSV. */
export function RecruitmentFunnelPage() {
  useDocumentTitle('Rekryteringstratten');
  const idPrefix = useId();
  const [params, setParams] = useSearchParams();
  const today = todayInSweden();
  // Two years back by default: a family takes a year or more from inquiry to decision.
  const from = ISO_DATE.test(params.get(PARAM.from) ?? '') ? params.get(PARAM.from)! : yearBefore(yearBefore(today));
  const to = ISO_DATE.test(params.get(PARAM.to) ?? '') ? params.get(PARAM.to)! : today;
  const [draft, setDraft] = useState({ from, to });
  const [funnel, setFunnel] = useState<RecruitmentFunnel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setLoading(true);
    setError(null);
    return startQuery(
      RecruitmentFunnelQuery,
      { from, to },
      (data) => {
        setFunnel(data.recruitmentFunnel);
        setLoading(false);
      },
      (message) => {
        setError(message);
        setLoading(false);
      },
    );
  }, [from, to]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams(new URLSearchParams({ [PARAM.from]: draft.from, [PARAM.to]: draft.to }));
  }

  const ids = { from: `${idPrefix}-from`, to: `${idPrefix}-to`, steps: `${idPrefix}-steps` };
  const approved = funnel?.steps.find((s) => s.step === 'APPROVED')?.reached ?? 0;

  return (
    <div className="recruitment-area">
      <BackLink to="/rekrytering">Rekrytering</BackLink>
      <h1>Rekryteringstratten</h1>
      <p className="lead">Hur intresseanmälningarna under perioden har gått vidare, hur länge varje steg tar, varför familjer lämnar och vilka källor som ger godkända hem.</p>

      <form className="filters filters--period" aria-label="Period" onSubmit={handleSubmit}>
        <div className="field">
          <label htmlFor={ids.from}>Från</label>
          <input id={ids.from} type="date" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>Till</label>
          <input id={ids.to} type="date" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        </div>
        <FilterActions submitLabel="Visa" />
      </form>

      {error && <ErrorAlert message={error} />}
      <p role="status" className="result-count">
        {loading
          ? 'Räknar…'
          : funnel && !error
            ? `${formatNumber(funnel.inquiries)} intresseanmälningar mottagna ${funnel.from}–${funnel.to}, varav ${formatNumber(approved)} godkända hem och ${formatNumber(funnel.refused)} avslag.`
            : ''}
      </p>

      {funnel && !error && (
        <>
          <div className="form-actions">
            <button type="button" className="button button--secondary" onClick={() => downloadCsv(funnel.csv, `rekryteringstratt-${funnel.from}-${funnel.to}.csv`)}>
              Ladda ner CSV
            </button>
          </div>
          <div className="columns-layout">
            <figure className="panel funnel-chart">
              <figcaption>Familjer som nått varje steg</figcaption>
              <FunnelChart funnel={funnel} tableId={ids.steps} />
            </figure>
            <DataTable
              id={ids.steps}
              caption="Familjer per steg"
              note="Till nästa steg: andelen som gick vidare. Mediantid: från att familjen kom till steget tills den gick vidare, pauser inräknade."
            >
                <thead>
                  <tr>
                    <th scope="col">Steg</th>
                    <th scope="col" className="numeric">
                      Antal
                    </th>
                    <th scope="col" className="numeric">
                      Till nästa steg
                    </th>
                    <th scope="col" className="numeric">
                      Mediantid (dagar)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {funnel.steps.map((s) => (
                    <tr key={s.step}>
                      <th scope="row">{RECRUITMENT_STEP_LABELS[s.step]}</th>
                      <td className="numeric">{formatNumber(s.reached)}</td>
                      <td className="numeric">{percent(s.conversionToNext)}</td>
                      <td className="numeric">{days(s.medianDays)}</td>
                    </tr>
                  ))}
              </tbody>
            </DataTable>
          </div>

          <div className="columns-layout">
            <DataTable caption="Orsaker att lämna rekryteringen">
              <thead>
                <tr>
                  <th scope="col">Orsak</th>
                  <th scope="col" className="numeric">
                    Familjer
                  </th>
                </tr>
              </thead>
              <tbody>
                {funnel.leavingReasons.length === 0 && <EmptyRow columns={2}>Ingen familj har lämnat.</EmptyRow>}
                {funnel.leavingReasons.map((r) => (
                  <tr key={r.reason}>
                    <th scope="row">{LEAVING_REASON_LABELS[r.reason]}</th>
                    <td className="numeric">{formatNumber(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <DataTable caption="Källor">
              <thead>
                <tr>
                  <th scope="col">Källa</th>
                  <th scope="col" className="numeric">
                    Intresseanmälningar
                  </th>
                  <th scope="col" className="numeric">
                    Godkända hem
                  </th>
                </tr>
              </thead>
              <tbody>
                {funnel.sources.length === 0 && <EmptyRow columns={3}>Inga intresseanmälningar under perioden.</EmptyRow>}
                {funnel.sources.map((s) => (
                  <tr key={s.source}>
                    <th scope="row">{RECRUITMENT_SOURCE_LABELS[s.source]}</th>
                    <td className="numeric">{formatNumber(s.inquiries)}</td>
                    <td className="numeric">{formatNumber(s.approved)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </div>
        </>
      )}
    </div>
  );
}

const BAR_HEIGHT = 28;
const GAP = 10;
const LABEL_WIDTH = 270;
const CHART_WIDTH = 620;

/** Horizontal bars, one per step. The table beside it carries the same figures for screen readers. */
function FunnelChart({ funnel, tableId }: { funnel: RecruitmentFunnel; tableId: string }) {
  const max = Math.max(1, ...funnel.steps.map((s) => s.reached));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 50;
  const height = funnel.steps.length * (BAR_HEIGHT + GAP);
  return (
    <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={`Stapeldiagram: ${funnel.steps.map((s) => `${RECRUITMENT_STEP_LABELS[s.step]} ${s.reached}`).join(', ')}. Siffrorna finns i tabellen Familjer per steg.`} aria-details={tableId}>
      {funnel.steps.map((s, i) => {
        const y = i * (BAR_HEIGHT + GAP);
        const width = (s.reached / max) * barSpace;
        return (
          <g key={s.step}>
            <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT / 2} textAnchor="end" dominantBaseline="middle" className="funnel-chart__label">
              {RECRUITMENT_STEP_LABELS[s.step]}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(width, 1)} height={BAR_HEIGHT} rx={3} className={s.step === 'APPROVED' ? 'funnel-chart__bar funnel-chart__bar--approved' : 'funnel-chart__bar'} />
            <text x={LABEL_WIDTH + width + 6} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="funnel-chart__value">
              {s.reached}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
