/** The parts both cost reports show: key figures, months, categories, forecast and savings. */
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { DataTable, EmptyRow } from '../../components/data-table';
import { formatNumber } from '../../lib/format';
import { formatKronor, formatKronorOrDash } from '../../lib/money';
import { ChartLegend, HorizontalBarChart, LineChart, NARROW, StackedBarChart, type LineSeries, type Series } from './charts';
import { CATEGORY_CLASS, COST_CATEGORY_LABELS, formatAverage, formatMonth, formatPercent, shortMonth } from './cost-format';
import { CostSection, placementCostsLink, TableCsvButton } from './cost-frame';
import { COST_CATEGORIES, type CategoryCost, type CostCategory, type CostReport, type MonthCost, type Ore, type ReportPeriod } from './cost-report-operations';

export const CATEGORY_SERIES: readonly Series[] = COST_CATEGORIES.map((category) => ({ key: category, label: COST_CATEGORY_LABELS[category], className: CATEGORY_CLASS[category] }));

/** How a report's sections link to the placements behind a figure; null for the unit, which sees sums only. */
export type DrillDown = ((filters: { category?: CostCategory | null; month?: string | null }) => string) | null;

export function drillDownFor(period: ReportPeriod): DrillDown {
  return (filters) => placementCostsLink(period, filters);
}

/** A figure that links to its placements when the reader may see them and there is something to see. */
function Drill({ to, children }: { to: string | null; children: ReactNode }) {
  return to ? <Link to={to}>{children}</Link> : <>{children}</>;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const categoryOf = (month: MonthCost, category: CostCategory) => month.categories.find((c) => c.category === category);

export interface KeyFigure {
  label: string;
  value: string;
  note?: string;
  /** Over budget or otherwise worth a look. */
  warning?: boolean;
}

/** The headline figures as a description list: label, amount and what the amount covers. */
export function KeyFigures({ figures }: { figures: readonly KeyFigure[] }) {
  return (
    <dl className="cost-figures">
      {figures.map((figure) => (
        <div key={figure.label} className={figure.warning ? 'cost-figure cost-figure--warning' : 'cost-figure'}>
          <dt>{figure.label}</dt>
          <dd className="cost-figure__value">{figure.value}</dd>
          {figure.note && <dd className="cost-figure__note">{figure.note}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** The CSV file name of a report's table: kostnader-lindesbergs-kommun-2026-manader.csv. */
export function csvFileName(owner: string, report: { year: number }, table: string): string {
  const slug = owner
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `kostnader-${slug}-${report.year}${table ? `-${table}` : ''}.csv`;
}

interface SectionProps {
  report: CostReport & { csv: string };
  owner: string;
  drillDown: DrillDown;
}

/** Cost per month by category: stacked bars with the forecast on top, and the same figures as a table. */
export function MonthsSection({ report, owner, drillDown }: SectionProps) {
  const id = useId();
  const lastBooked = report.asOf.slice(0, 7);
  const tableId = `${id}-table`;
  const total = sum(report.months.map((m) => m.outcome));
  return (
    <CostSection
      id={`${id}-heading`}
      title="Kostnad per månad"
      intro="Utfall per kategori till och med rapportdagen. Den ofyllda delen av en stapel är prognosen: pågående placeringar till planerat slut."
      actions={<TableCsvButton csv={report.csv} section="Kostnad per månad" name="Kostnad per månad och kategori" fileName={csvFileName(owner, report, 'manader')} />}
    >
      <figure className="panel cost-chart cost-chart--stacked">
        <StackedBarChart
          bars={report.months.map((m) => ({ key: m.month, label: shortMonth(m.month), longLabel: formatMonth(m.month), values: Object.fromEntries(m.categories.map((c) => [c.category ?? '', c.total])), forecast: m.forecast }))}
          series={CATEGORY_SERIES}
          summary={`Staplat stapeldiagram: kostnad per månad och kategori ${report.year}, totalt ${formatKronor(total)} hittills. Siffrorna finns i tabellen Kostnad per månad och kategori.`}
          tableId={tableId}
          formatValue={formatKronor}
          height={300}
        />
        <figcaption>
          <ChartLegend
            series={CATEGORY_SERIES}
            extra={
              <li>
                <span className="chart-legend__swatch chart-legend__swatch--forecast" aria-hidden="true" />
                Prognos
              </li>
            }
          />
        </figcaption>
      </figure>
      <DataTable id={tableId} caption="Kostnad per månad och kategori" className="data-table cost-table cost-table--months">
        <thead>
          <tr>
            <th scope="col">Månad</th>
            {CATEGORY_SERIES.map((s) => (
              <th key={s.key} scope="col" className="numeric">
                {s.label}
              </th>
            ))}
            <th scope="col" className="numeric">
              Utfall
            </th>
            <th scope="col" className="numeric">
              Prognos
            </th>
          </tr>
        </thead>
        <tbody>
          {report.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">
                <Drill to={m.categories.length > 0 && drillDown ? drillDown({ month: m.month }) : null}>{formatMonth(m.month)}</Drill>
              </th>
              {COST_CATEGORIES.map((category) => {
                const cost = categoryOf(m, category);
                return (
                  <td key={category} className="numeric">
                    {cost ? <Drill to={drillDown ? drillDown({ category, month: m.month }) : null}>{formatKronor(cost.total)}</Drill> : '–'}
                  </td>
                );
              })}
              <td className="numeric">{m.month <= lastBooked ? formatKronor(m.outcome) : '–'}</td>
              <td className="numeric">{formatKronor(m.forecast)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Hela året</th>
            {COST_CATEGORIES.map((category) => (
              <td key={category} className="numeric">
                {formatKronor(sum(report.months.map((m) => categoryOf(m, category)?.total ?? 0)))}
              </td>
            ))}
            <td className="numeric">{formatKronor(total)}</td>
            <td className="numeric">{formatKronor(sum(report.months.map((m) => m.forecast)))}</td>
          </tr>
        </tfoot>
      </DataTable>
    </CostSection>
  );
}

/** Each month's categories with placements, days, cost and the average per day (snittkostnad per dygn). */
export function MonthDetailSection({ report, owner, drillDown }: SectionProps) {
  const id = useId();
  const months = report.months.filter((m) => m.categories.length > 0);
  return (
    <CostSection
      id={`${id}-heading`}
      title="Vårddygn och snittkostnad per månad"
      intro="Placeringar, vårddygn, kostnad och snittkostnad per dygn för varje månad och kategori. Snittkostnaden räknas på dygnskostnaderna, utan extra kostnader."
      actions={<TableCsvButton csv={report.csv} section="Vårddygn och snittkostnad per månad" name="Vårddygn och snittkostnad per månad" fileName={csvFileName(owner, report, 'snittkostnad')} />}
    >
      <DataTable caption="Vårddygn och snittkostnad per månad och kategori" captionHidden className="data-table cost-table cost-month-table">
        <thead>
          <tr>
            <th scope="col">Månad</th>
            <th scope="col">Kategori</th>
            <th scope="col" className="numeric">
              Placeringar
            </th>
            <th scope="col" className="numeric">
              Vårddygn
            </th>
            <th scope="col" className="numeric">
              Kostnad
            </th>
            <th scope="col" className="numeric">
              Snittkostnad per dygn
            </th>
          </tr>
        </thead>
        {months.length === 0 && (
          <tbody>
            <EmptyRow columns={6}>Inga placeringar med kostnader under året.</EmptyRow>
          </tbody>
        )}
        {months.map((m) => (
          <tbody key={m.month} aria-label={formatMonth(m.month)}>
            {m.categories.map((c, i) => (
              <tr key={c.category ?? c.label}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={m.categories.length}>
                    {formatMonth(m.month)}
                  </th>
                )}
                <th scope="row">
                  <Drill to={drillDown && c.category ? drillDown({ category: c.category, month: m.month }) : null}>{c.label}</Drill>
                </th>
                <td className="numeric">{formatNumber(c.placements)}</td>
                <td className="numeric">{formatNumber(c.days)}</td>
                <td className="numeric">{formatKronor(c.total)}</td>
                <td className="numeric">{formatAverage(c.averageDailyCost)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </DataTable>
    </CostSection>
  );
}

function CategoryRow({ cost, to }: { cost: CategoryCost; to: string | null }) {
  return (
    <tr>
      <th scope="row">
        <Drill to={to}>{cost.label}</Drill>
      </th>
      <td className="numeric">{formatNumber(cost.placements)}</td>
      <td className="numeric">{formatNumber(cost.days)}</td>
      <td className="numeric">{formatKronor(cost.dailyCost)}</td>
      <td className="numeric">{formatKronor(cost.extra)}</td>
      <td className="numeric">{formatKronor(cost.total)}</td>
      <td className="numeric">{formatAverage(cost.averageDailyCost)}</td>
    </tr>
  );
}

/** The columns of a table of categories (CategoryRow). */
export function CategoryHead() {
  return (
    <thead>
      <tr>
        <th scope="col">Kategori</th>
        <th scope="col" className="numeric">
          Placeringar
        </th>
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
  );
}

/** The rows of categories, then the combined rows, in a table of CategoryHead's columns. */
export function CategoryRows({ categories, combined, drillDown }: { categories: readonly CategoryCost[]; combined: readonly CategoryCost[]; drillDown: DrillDown }) {
  return (
    <>
      <tbody>
        {categories.length === 0 && <EmptyRow columns={7}>Inga placeringar med kostnader hittills i år.</EmptyRow>}
        {categories.map((c) => (
          <CategoryRow key={c.label} cost={c} to={drillDown && c.category ? drillDown({ category: c.category }) : null} />
        ))}
      </tbody>
      <tbody className="cost-table__combined">
        {combined.map((c) => (
          <CategoryRow key={c.label} cost={c} to={null} />
        ))}
      </tbody>
    </>
  );
}

const shareOf = (part: number, whole: number) => (whole === 0 ? 0 : (part * 100) / whole);

/** Egen regi against konsulentstött: days, cost and the average per day, by category and combined. */
export function CategoriesSection({ report, owner, drillDown }: SectionProps) {
  const id = useId();
  const tableId = `${id}-table`;
  const allDays = report.own.days + report.consultant.days;
  const averages = [...report.categories, { ...report.own, label: 'Egen regi sammantaget' }].filter((c) => c.averageDailyCost !== null);
  return (
    <CostSection
      id={`${id}-heading`}
      title="Egen regi och konsulentstödda familjehem"
      intro={
        allDays === 0
          ? 'Inga vårddygn hittills i år.'
          : `Hittills i år: egen regi ${formatNumber(report.own.days)} vårddygn (${formatPercent(shareOf(report.own.days, allDays))}) till i snitt ${formatAverage(report.own.averageDailyCost)} per dygn, konsulentstödda familjehem ${formatNumber(report.consultant.days)} vårddygn (${formatPercent(shareOf(report.consultant.days, allDays))}) till i snitt ${formatAverage(report.consultant.averageDailyCost)} per dygn.`
      }
      actions={<TableCsvButton csv={report.csv} section="Kostnad per kategori hittills i år" name="Kostnad per kategori hittills i år" fileName={csvFileName(owner, report, 'kategorier')} />}
    >
      <figure className="panel cost-chart cost-chart--stacked">
        <figcaption className="cost-chart__title">Snittkostnad per dygn hittills i år</figcaption>
        <HorizontalBarChart
          bars={averages.map((c) => ({ key: c.label, label: c.label, value: c.averageDailyCost ?? 0, className: c.category ? CATEGORY_CLASS[c.category] : 'cost-series--combined' }))}
          summary={`Stapeldiagram: snittkostnad per dygn, ${averages.map((c) => `${c.label} ${formatAverage(c.averageDailyCost)}`).join(', ')}. Siffrorna finns i tabellen Kostnad per kategori hittills i år.`}
          tableId={tableId}
          formatValue={formatKronor}
        />
      </figure>
      <DataTable id={tableId} caption="Kostnad per kategori hittills i år" className="data-table cost-table">
        <CategoryHead />
        <CategoryRows categories={report.categories} combined={[report.own, report.consultant]} drillDown={drillDown} />
      </DataTable>
    </CostSection>
  );
}

/** Cumulative lines over the year: outcome to the report day, the forecast, and the budget when there is one. */
export function CumulativeChart({ report, budget, title }: { report: CostReport; budget: Ore | null; title: string }) {
  const id = useId();
  const tableId = `${id}-table`;
  const lastBooked = report.asOf.slice(0, 7);
  const running = (values: readonly number[]) => values.map((_, i) => sum(values.slice(0, i + 1)));
  const outcome = running(report.months.map((m) => m.outcome)).map((value, i) => (report.months[i]!.month <= lastBooked ? value : null));
  const forecast = running(report.months.map((m) => m.forecast));
  // The budget as the committee periodises it: an even twelfth a month, in whole kronor.
  const budgetLine = budget === null ? null : report.months.map((_, i) => Math.round((budget * (i + 1)) / 12 / 100) * 100);
  const lines: LineSeries[] = [
    ...(budgetLine ? [{ key: 'budget', label: 'Budget (jämnt fördelad)', className: 'cost-series--budget', points: budgetLine, dashed: true }] : []),
    { key: 'forecast', label: 'Prognos', className: 'cost-series--forecast', points: forecast, dashed: true },
    { key: 'outcome', label: 'Utfall', className: 'cost-series--outcome', points: outcome },
  ];
  const months = report.months.map((m) => m.month);
  return (
    <div className="cost-columns">
      <figure className="panel cost-chart">
        <figcaption className="cost-chart__title">{title}</figcaption>
        <LineChart
          labels={months.map(shortMonth)}
          longLabels={months.map(formatMonth)}
          lines={lines}
          summary={`Linjediagram, ackumulerat över året: utfall ${formatKronor(outcome.findLast((v) => v !== null) ?? 0)} till och med ${report.asOf}, prognos helår ${formatKronor(forecast.at(-1) ?? 0)}${budget === null ? '' : `, budget ${formatKronor(budget)}`}. Siffrorna finns i tabellen ${title}.`}
          tableId={tableId}
          formatValue={formatKronor}
          width={NARROW}
          height={300}
        />
        <ChartLegend series={lines} />
      </figure>
      <DataTable id={tableId} caption={title} className="data-table cost-table cost-table--months">
        <thead>
          <tr>
            <th scope="col">Månad</th>
            {budgetLine && (
              <th scope="col" className="numeric">
                Budget
              </th>
            )}
            <th scope="col" className="numeric">
              Utfall
            </th>
            <th scope="col" className="numeric">
              Prognos
            </th>
          </tr>
        </thead>
        <tbody>
          {months.map((month, i) => (
            <tr key={month}>
              <th scope="row">{formatMonth(month)}</th>
              {budgetLine && <td className="numeric">{formatKronor(budgetLine[i]!)}</td>}
              <td className="numeric">{formatKronorOrDash(outcome[i])}</td>
              <td className="numeric">{formatKronor(forecast[i]!)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}

/** What the consultant-supported days would have cost in own homes, this year and by year. */
export function SavingsSection({ report, owner }: Omit<SectionProps, 'drillDown'>) {
  const id = useId();
  const tableId = `${id}-table`;
  // Years before the first placement say nothing about the trend.
  const firstWithDays = report.savingsTrend.findIndex((y) => y.ownDays + y.consultantDays > 0);
  const trend = firstWithDays < 0 ? [] : report.savingsTrend.slice(firstWithDays);
  const series: Series[] = [{ key: 'potential', label: 'Besparingspotential', className: 'cost-series--consultant' }];
  return (
    <CostSection
      id={`${id}-heading`}
      title="Besparingspotential"
      intro="Vad de konsulentstödda vårddygnen kostade, mot vad samma dygn hade kostat i familjehemsenhetens egna familjehem (arvode och omkostnadsersättning efter barnets ålder)."
      actions={<TableCsvButton csv={report.csv} section="Besparingspotential per år" name="Besparingspotential per år" fileName={csvFileName(owner, report, 'besparingspotential')} />}
    >
      <KeyFigures
        figures={[
          { label: 'Konsulentstödda vårddygn hittills i år', value: formatNumber(report.savings.consultantDays) },
          { label: 'Kostnad konsulentstött', value: formatKronor(report.savings.consultantCost) },
          { label: 'Samma dygn i egna familjehem', value: formatKronor(report.savings.atOwnRates) },
          { label: 'Besparingspotential', value: formatKronor(report.savings.potential) },
        ]}
      />
      <div className="cost-columns">
        <figure className="panel cost-chart">
          <figcaption className="cost-chart__title">Besparingspotential per år</figcaption>
          <StackedBarChart
            bars={trend.map((y) => ({ key: String(y.year), label: String(y.year), longLabel: `${y.year} (konsulentstött ${formatPercent(y.consultantShare)} av dygnen)`, values: { potential: y.potential } }))}
            series={series}
            summary={`Stapeldiagram: besparingspotential per år, ${trend.map((y) => `${y.year} ${formatKronor(y.potential)} (konsulentstött ${formatPercent(y.consultantShare)})`).join(', ')}. Siffrorna finns i tabellen Besparingspotential per år.`}
            tableId={tableId}
            formatValue={formatKronor}
            width={NARROW}
            height={240}
          />
        </figure>
        <DataTable id={tableId} caption="Besparingspotential per år" className="data-table cost-table">
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="numeric">
                Vårddygn egen regi
              </th>
              <th scope="col" className="numeric">
                Vårddygn konsulentstött
              </th>
              <th scope="col" className="numeric">
                Andel konsulentstött
              </th>
              <th scope="col" className="numeric">
                {/* A soft hyphen: the long word may break beside the chart. */}
                Besparings{'\u00ad'}potential
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.length === 0 && <EmptyRow columns={5}>Inga vårddygn ännu.</EmptyRow>}
            {trend.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td className="numeric">{formatNumber(y.ownDays)}</td>
                <td className="numeric">{formatNumber(y.consultantDays)}</td>
                <td className="numeric">{formatPercent(y.consultantShare)}</td>
                <td className="numeric">{formatKronor(y.potential)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </div>
    </CostSection>
  );
}

/** The report's heading line under h1: whose costs, which year, up to which day. */
export function ReportMeta({ owner, report }: { owner: string; report: CostReport }) {
  return (
    <p className="report__meta">
      {owner}, {report.year}. Utfall 1 januari – {report.asOf}.
    </p>
  );
}
