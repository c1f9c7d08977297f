import { useId, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { ErrorAlert, Loading } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { formatKronor, formatKronorOrDash } from '../../lib/money';
import { downloadCsv } from '../../lib/download-csv';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useReport, type ReportState } from '../reports/report-frame';
import { HorizontalBarChart, NARROW } from './charts';
import { formatAverage, formatBasisPoints } from './cost-format';
import { CostSection, DaysWithoutRateWarning, PeriodForm, periodSearch, ReportActions, TableCsvButton, usePeriodParams } from './cost-frame';
import {
  MunicipalityCostReportQuery,
  UnitCostReportQuery,
  type BudgetLine,
  type MunicipalityCostReport,
  type Ore,
  type ReportPeriod,
  type UnitCostReport,
  type UnitCostShare,
} from './cost-report-operations';
import { CategoriesSection, CategoryHead, CategoryRows, csvFileName, CumulativeChart, drillDownFor, KeyFigures, MonthDetailSection, MonthsSection, ReportMeta, SavingsSection } from './cost-sections';

/**
 * /kostnader?ar=2026&datum=2026-11-23 — the cost of foster care for a head of unit and the committee:
 * a municipality sees its own placements against its budget and can open the placements behind a
 * figure; the joint unit sees its members' sums and how its running cost is shared. Anyone else gets
 * the server's refusal.
 */
export function CostDashboardPage() {
  useDocumentTitle('Kostnader');
  const viewer = useViewer();
  const [, setParams] = useSearchParams();
  const { year, asOf } = usePeriodParams();
  const period = { year, asOf };
  const unit = viewer.organisation.kind === 'FOSTER_CARE_UNIT';
  return (
    <div className="report cost-report">
      <h1>Kostnader för familjehemsvård</h1>
      <p className="lead report__lead">
        {unit
          ? 'Medlemskommunernas kostnader för placeringar i familjehem, som summor per kommun, och hur enhetens kostnad fördelas enligt fördelningsnyckeln.'
          : 'Kommunens kostnader för placeringar i familjehem: utfall per månad och kategori, budget mot prognos, snittkostnad per dygn och besparingspotential.'}
      </p>
      <PeriodForm key={`${year}-${asOf}`} period={period} onSubmit={(next) => setParams(periodSearch(next))} />
      {unit ? <UnitCostDashboard period={period} /> : <MunicipalityCostDashboard period={period} />}
    </div>
  );
}

/** Loading, the failure (e.g. no access) or the report. */
function ReportBody<T>({ state, children }: { state: ReportState<T>; children: (report: T) => ReactNode }) {
  if (state.status === 'loading') return <Loading>Räknar kostnaderna…</Loading>;
  if (state.status === 'error') return <ErrorAlert message={state.message} />;
  return <>{children(state.report)}</>;
}

const periodKey = (period: ReportPeriod) => `${period.year}|${period.asOf ?? ''}`;

function MunicipalityCostDashboard({ period }: { period: ReportPeriod }) {
  const state = useReport(MunicipalityCostReportQuery, period, periodKey(period), (data) => data.municipalityCostReport);
  return <ReportBody state={state}>{(report) => <MunicipalityReport report={report} period={period} />}</ReportBody>;
}

function UnitCostDashboard({ period }: { period: ReportPeriod }) {
  const state = useReport(UnitCostReportQuery, period, periodKey(period), (data) => data.unitCostReport);
  return <ReportBody state={state}>{(report) => <UnitReport report={report} />}</ReportBody>;
}

function MunicipalityReport({ report, period }: { report: MunicipalityCostReport; period: ReportPeriod }) {
  const owner = report.municipality.name;
  const total = report.budgetTotal;
  const drillDown = drillDownFor(period);
  const sections = { report, owner, drillDown };
  return (
    <>
      <ReportActions onDownload={() => downloadCsv(report.csv, csvFileName(owner, report, ''))} />
      <ReportMeta owner={owner} report={report} />
      <DaysWithoutRateWarning days={report.daysWithoutRate} />
      <KeyFigures
        figures={[
          { label: 'Kostnad hittills i år', value: formatKronor(total.outcomeToDate), note: `1 januari – ${report.asOf}` },
          { label: 'Prognos helår', value: formatKronor(total.forecast), note: 'Utfall och pågående placeringar till planerat slut' },
          { label: 'Budget helår', value: formatKronorOrDash(total.budget), note: total.budget === null ? 'Ingen budget satt' : 'Placeringar och andel av enhetens kostnad' },
          {
            label: 'Avvikelse',
            value: formatKronorOrDash(total.deviation),
            note: total.deviation === null ? 'Utan budget' : total.deviation < 0 ? 'Prognosen är över budget' : 'Prognosen ryms i budget',
            warning: total.deviation !== null && total.deviation < 0,
          },
          { label: 'Besparingspotential', value: formatKronor(report.savings.potential), note: 'Konsulentstödda dygn i egna familjehem, hittills i år' },
        ]}
      />
      <MonthsSection {...sections} />
      <BudgetSection report={report} owner={owner} />
      <CategoriesSection {...sections} />
      <SavingsSection report={report} owner={owner} />
      <UnitShareSection report={report} />
      <MonthDetailSection {...sections} />
    </>
  );
}

/** Negative deviations are over budget: marked in words for screen readers and print, in colour on screen. */
function Deviation({ value }: { value: Ore | null }) {
  if (value === null) return <>–</>;
  if (value >= 0) return <>{formatKronor(value)}</>;
  return (
    <span className="cost-negative">
      {formatKronor(value)}
      <span className="visually-hidden"> (över budget)</span>
    </span>
  );
}

function BudgetRow({ line, header }: { line: BudgetLine; header?: boolean }) {
  return (
    <tr className={line.deviation !== null && line.deviation < 0 ? 'cost-row--over' : undefined}>
      <th scope="row">{header ? <strong>{line.label}</strong> : line.label}</th>
      <td className="numeric">{formatKronorOrDash(line.budget)}</td>
      <td className="numeric">{formatKronor(line.outcomeToDate)}</td>
      <td className="numeric">{formatKronor(line.forecast)}</td>
      <td className="numeric">
        <Deviation value={line.deviation} />
      </td>
    </tr>
  );
}

/** The committee's follow-up: budget, outcome to date, full-year forecast and deviation per category. */
function BudgetSection({ report, owner }: { report: MunicipalityCostReport; owner: string }) {
  const id = useId();
  const placementLines = report.budget.filter((line) => line.category !== 'UNIT_SHARE');
  // The months hold the placements only, so the cumulative chart compares them with their own budget.
  const placementBudget = placementLines.some((line) => line.budget !== null) ? placementLines.reduce((sum, line) => sum + (line.budget ?? 0), 0) : null;
  return (
    <CostSection
      id={`${id}-heading`}
      title="Budget, utfall och prognos"
      intro="Avvikelse är budget minus prognos för helåret; ett negativt belopp betyder att året väntas gå över budget."
      actions={<TableCsvButton csv={report.csv} section="Budget och prognos" name="Budget, utfall och prognos" fileName={csvFileName(owner, report, 'budget')} />}
    >
      <DataTable caption={`Budget och prognos ${report.year}, utfall till och med ${report.asOf}`} className="data-table cost-table cost-budget-table">
        <thead>
          <tr>
            <th scope="col">Kategori</th>
            <th scope="col" className="numeric">
              Budget helår
            </th>
            <th scope="col" className="numeric">
              Utfall hittills
            </th>
            <th scope="col" className="numeric">
              Prognos helår
            </th>
            <th scope="col" className="numeric">
              Avvikelse
            </th>
          </tr>
        </thead>
        <tbody>
          {report.budget.map((line) => (
            <BudgetRow key={line.label} line={line} />
          ))}
        </tbody>
        <tfoot>
          <BudgetRow line={report.budgetTotal} header />
        </tfoot>
      </DataTable>
      <CumulativeChart report={report} budget={placementBudget} title="Placeringskostnader ackumulerat" />
    </CostSection>
  );
}

/** The municipality's part of the joint unit's running cost, by this year's fördelningsnyckel. */
function UnitShareSection({ report }: { report: MunicipalityCostReport }) {
  const id = useId();
  const share = report.unitShare;
  return (
    <CostSection id={`${id}-heading`} title="Andel av familjehemsenhetens kostnad">
      {share && report.unitRunningCost !== null ? (
        <>
          <p>
            {report.municipality.name} betalar {formatBasisPoints(share.basisPoints)} av familjehemsenhetens kostnad {report.year} på {formatKronor(report.unitRunningCost)}, alltså {formatKronor(share.amount)}.
          </p>
          <DataTable caption={`Andel av familjehemsenhetens kostnad ${report.year}`} captionHidden className="data-table cost-table cost-table--narrow">
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col" className="numeric">
                  Andel enligt fördelningsnyckeln
                </th>
                <th scope="col" className="numeric">
                  Belopp
                </th>
                <th scope="col" className="numeric">
                  Enhetens kostnad
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{share.municipality.name}</th>
                <td className="numeric">{formatBasisPoints(share.basisPoints)}</td>
                <td className="numeric">{formatKronor(share.amount)}</td>
                <td className="numeric">{formatKronor(report.unitRunningCost)}</td>
              </tr>
            </tbody>
          </DataTable>
        </>
      ) : (
        <p className="muted">Ingen fördelningsnyckel eller kostnad för familjehemsenheten är registrerad för {report.year}.</p>
      )}
    </CostSection>
  );
}

function UnitReport({ report }: { report: UnitCostReport }) {
  const owner = report.unit.name;
  const sections = { report, owner, drillDown: null };
  const outcome = report.own.total + report.consultant.total;
  const forecast = report.months.reduce((sum, m) => sum + m.forecast, 0);
  const id = useId();
  return (
    <>
      <ReportActions onDownload={() => downloadCsv(report.csv, csvFileName(owner, report, ''))} />
      <ReportMeta owner={owner} report={report} />
      <DaysWithoutRateWarning days={report.daysWithoutRate} />
      <KeyFigures
        figures={[
          { label: 'Kostnad hittills i år', value: formatKronor(outcome), note: `Medlemskommunernas placeringar, 1 januari – ${report.asOf}` },
          { label: 'Prognos helår', value: formatKronor(forecast), note: 'Utfall och pågående placeringar till planerat slut' },
          { label: 'Snittkostnad per dygn, egen regi', value: formatAverage(report.own.averageDailyCost) },
          { label: 'Snittkostnad per dygn, konsulentstött', value: formatAverage(report.consultant.averageDailyCost) },
          { label: 'Besparingspotential', value: formatKronor(report.savings.potential), note: 'Konsulentstödda dygn i egna familjehem, hittills i år' },
          { label: 'Enhetens kostnad', value: formatKronorOrDash(report.runningCost), note: `Fördelas på medlemskommunerna ${report.year}` },
        ]}
      />
      <MonthsSection {...sections} />
      <CostSection id={`${id}-forecast`} title="Utfall och prognos">
        <CumulativeChart report={report} budget={null} title="Medlemskommunernas placeringskostnader ackumulerat" />
      </CostSection>
      <CategoriesSection {...sections} />
      <MunicipalitiesSection report={report} owner={owner} />
      <SplitSection report={report} owner={owner} />
      <SavingsSection report={report} owner={owner} />
      <MonthDetailSection {...sections} />
    </>
  );
}

/** One table per member municipality: sums by category, never a placement or a child. */
function MunicipalitiesSection({ report, owner }: { report: UnitCostReport; owner: string }) {
  const id = useId();
  return (
    <CostSection
      id={`${id}-heading`}
      title="Per medlemskommun"
      intro="Varje kommuns placeringar i familjehem hittills i år, som summor per kategori."
      actions={<TableCsvButton csv={report.csv} section="Kostnad per kommun" name="Kostnad per medlemskommun" fileName={csvFileName(owner, report, 'kommuner')} />}
    >
      <div className="cost-municipalities">
        {report.municipalities.map((m) => (
          <DataTable key={m.municipality.id} caption={m.municipality.name} className="data-table cost-table" note={`Besparingspotential hittills i år: ${formatKronor(m.savings.potential)}.`}>
            <CategoryHead />
            <CategoryRows categories={m.categories} combined={[m.total]} drillDown={null} />
          </DataTable>
        ))}
      </div>
    </CostSection>
  );
}

const MUNICIPALITY_CLASSES = ['cost-series--own', 'cost-series--network', 'cost-series--emergency', 'cost-series--treatment'];

/** The unit's running cost split by the year's fördelningsnyckel; the parts add up to the whole exactly. */
function SplitSection({ report, owner }: { report: UnitCostReport; owner: string }) {
  const id = useId();
  const tableId = `${id}-table`;
  const split: UnitCostShare[] = report.split;
  return (
    <CostSection
      id={`${id}-heading`}
      title="Enhetens kostnad enligt fördelningsnyckeln"
      intro={report.runningCost === null ? undefined : `Familjehemsenhetens kostnad ${report.year}, ${formatKronor(report.runningCost)}, fördelad på medlemskommunerna enligt årets fördelningsnyckel.`}
      actions={<TableCsvButton csv={report.csv} section="Enhetens kostnad" name="Enhetens kostnad enligt fördelningsnyckeln" fileName={csvFileName(owner, report, 'fordelning')} />}
    >
      {report.runningCost === null || split.length === 0 ? (
        <p className="muted">Ingen kostnad eller fördelningsnyckel är registrerad för {report.year}.</p>
      ) : (
        <div className="cost-columns">
          <figure className="panel cost-chart">
            <figcaption className="cost-chart__title">Belopp per kommun</figcaption>
            <HorizontalBarChart
              bars={split.map((s, i) => ({ key: s.municipality.id, label: s.municipality.name, value: s.amount, className: MUNICIPALITY_CLASSES[i % MUNICIPALITY_CLASSES.length]! }))}
              summary={`Stapeldiagram: enhetens kostnad per kommun, ${split.map((s) => `${s.municipality.name} ${formatBasisPoints(s.basisPoints)}, ${formatKronor(s.amount)}`).join('; ')}. Siffrorna finns i tabellen Fördelning av enhetens kostnad.`}
              tableId={tableId}
              formatValue={formatKronor}
              width={NARROW}
            />
          </figure>
          <DataTable id={tableId} caption={`Fördelning av enhetens kostnad ${report.year}`} className="data-table cost-table cost-split-table">
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col" className="numeric">
                  Andel
                </th>
                <th scope="col" className="numeric">
                  Belopp
                </th>
              </tr>
            </thead>
            <tbody>
              {split.map((s) => (
                <tr key={s.municipality.id}>
                  <th scope="row">{s.municipality.name}</th>
                  <td className="numeric">{formatBasisPoints(s.basisPoints)}</td>
                  <td className="numeric">{formatKronor(s.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Totalt</th>
                <td className="numeric">{formatBasisPoints(split.reduce((sum, s) => sum + s.basisPoints, 0))}</td>
                <td className="numeric">{formatKronor(report.runningCost)}</td>
              </tr>
            </tfoot>
          </DataTable>
        </div>
      )}
    </CostSection>
  );
}
