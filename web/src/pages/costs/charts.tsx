/**
 * Small SVG charts for the cost reports. Each is an image with a short spoken summary; the table
 * beside it (named by `tableId`) carries the exact figures, so nothing is only in the picture.
 */
import type { ReactNode } from 'react';
import { formatAxisKronor } from './cost-format';

/**
 * Charts are drawn in a coordinate system as wide as the space they are shown in (about one pixel a
 * unit), so their text stays the size of the page's text: WIDE for a whole row, NARROW beside a table.
 */
export const WIDE = 1100;
export const NARROW = 580;
const AXIS_WIDTH = 64;
const RIGHT_GAP = 12;
const TOP_GAP = 12;
const X_AXIS_HEIGHT = 28;
const plotWidth = (width: number) => width - AXIS_WIDTH - RIGHT_GAP;

/** Round steps (1, 2, 2,5, 5 × 10ⁿ) so the axis reads 0, 500 tkr, 1 mnkr … */
function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

export interface Series {
  key: string;
  label: string;
  /** A colour class shared with the legend (cost-series--…). */
  className: string;
}

/** The legend, as a list the screen reader can skip or read; the colours match the chart. */
export function ChartLegend({ series, extra }: { series: readonly Series[]; extra?: ReactNode }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <span className={`chart-legend__swatch ${s.className}`} aria-hidden="true" />
          {s.label}
        </li>
      ))}
      {extra}
    </ul>
  );
}

/** Horizontal grid lines and their amounts. */
function ValueAxis({ width, top, step, plotHeight }: { width: number; top: number; step: number; plotHeight: number }) {
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => {
        const y = TOP_GAP + plotHeight - (tick / top) * plotHeight;
        return (
          <g key={tick}>
            <line x1={AXIS_WIDTH} x2={width - RIGHT_GAP} y1={y} y2={y} className={tick === 0 ? 'chart__baseline' : 'chart__grid'} />
            <text x={AXIS_WIDTH - 6} y={y} textAnchor="end" dominantBaseline="middle" className="chart__tick">
              {formatAxisKronor(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function CategoryAxis({ width, labels, plotHeight }: { width: number; labels: readonly string[]; plotHeight: number }) {
  const slot = plotWidth(width) / labels.length;
  return (
    <g aria-hidden="true">
      {labels.map((label, i) => (
        <text key={`${label}-${i}`} x={AXIS_WIDTH + slot * (i + 0.5)} y={TOP_GAP + plotHeight + 18} textAnchor="middle" className="chart__tick">
          {label}
        </text>
      ))}
    </g>
  );
}

export interface StackedBar {
  key: string;
  /** Under the bar, e.g. "maj". */
  label: string;
  /** Said in each segment's tooltip, e.g. "maj 2022". */
  longLabel: string;
  /** One value (öre) per series, in the series' order; a missing series is 0. */
  values: Readonly<Record<string, number>>;
  /** A forecast above the stacked outcome, drawn as an outline (prognos). */
  forecast?: number;
}

/** Vertical bars, one per period, the series stacked; an outlined top shows what is still forecast. */
export function StackedBarChart({
  bars,
  series,
  summary,
  tableId,
  formatValue,
  width = WIDE,
  height = 280,
}: {
  bars: readonly StackedBar[];
  series: readonly Series[];
  summary: string;
  tableId: string;
  formatValue: (value: number) => string;
  width?: number;
  height?: number;
}) {
  const plotHeight = height - TOP_GAP - X_AXIS_HEIGHT;
  const totals = bars.map((bar) => series.reduce((sum, s) => sum + (bar.values[s.key] ?? 0), 0));
  const { top, step } = niceScale(Math.max(0, ...totals, ...bars.map((bar) => bar.forecast ?? 0)));
  const slot = plotWidth(width) / Math.max(1, bars.length);
  const barWidth = Math.min(56, slot * 0.64);
  const y = (value: number) => TOP_GAP + plotHeight - (value / top) * plotHeight;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={summary} aria-details={tableId}>
      <ValueAxis width={width} top={top} step={step} plotHeight={plotHeight} />
      {bars.map((bar, i) => {
        const x = AXIS_WIDTH + slot * i + (slot - barWidth) / 2;
        let base = 0;
        const total = totals[i] ?? 0;
        return (
          <g key={bar.key}>
            {bar.forecast !== undefined && bar.forecast > total && (
              <rect x={x} y={y(bar.forecast)} width={barWidth} height={y(total) - y(bar.forecast)} className="chart__forecast">
                <title>{`${bar.longLabel}, prognos: ${formatValue(bar.forecast)}`}</title>
              </rect>
            )}
            {series.map((s) => {
              const value = bar.values[s.key] ?? 0;
              if (value <= 0) return null;
              const rect = (
                <rect key={s.key} x={x} y={y(base + value)} width={barWidth} height={Math.max(0.5, y(base) - y(base + value))} className={s.className}>
                  <title>{`${bar.longLabel}, ${s.label}: ${formatValue(value)}`}</title>
                </rect>
              );
              base += value;
              return rect;
            })}
          </g>
        );
      })}
      <CategoryAxis width={width} labels={bars.map((bar) => bar.label)} plotHeight={plotHeight} />
    </svg>
  );
}

export interface LineSeries extends Series {
  /** One value (öre) per x label; null where the line has no value (e.g. outcome after the report day). */
  points: readonly (number | null)[];
  /** Dashed lines for what is planned or expected rather than booked. */
  dashed?: boolean;
}

/** Lines over the months, e.g. cumulative budget, outcome and forecast. */
export function LineChart({ labels, longLabels, lines, summary, tableId, formatValue, width = WIDE, height = 280 }: { labels: readonly string[]; longLabels: readonly string[]; lines: readonly LineSeries[]; summary: string; tableId: string; formatValue: (value: number) => string; width?: number; height?: number }) {
  const plotHeight = height - TOP_GAP - X_AXIS_HEIGHT;
  const { top, step } = niceScale(Math.max(0, ...lines.flatMap((line) => line.points.map((p) => p ?? 0))));
  const slot = plotWidth(width) / Math.max(1, labels.length);
  const x = (i: number) => AXIS_WIDTH + slot * (i + 0.5);
  const y = (value: number) => TOP_GAP + plotHeight - (value / top) * plotHeight;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={summary} aria-details={tableId}>
      <ValueAxis width={width} top={top} step={step} plotHeight={plotHeight} />
      {lines.map((line) => {
        const path = line.points
          .map((p, i) => (p === null ? null : `${x(i).toFixed(1)},${y(p).toFixed(1)}`))
          .reduce<string[][]>((runs, point) => {
            if (point === null) runs.push([]);
            else runs.at(-1)!.push(point);
            return runs;
          }, [[]])
          .filter((run) => run.length > 0);
        return (
          <g key={line.key} className={`chart__line ${line.className}${line.dashed ? ' chart__line--dashed' : ''}`}>
            {path.map((run) => (
              <polyline key={run[0]} points={run.join(' ')} />
            ))}
            {line.points.map((p, i) =>
              p === null ? null : (
                <circle key={i} cx={x(i)} cy={y(p)} r={3.5}>
                  <title>{`${longLabels[i]}, ${line.label}: ${formatValue(p)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
      <CategoryAxis width={width} labels={labels} plotHeight={plotHeight} />
    </svg>
  );
}

export interface HorizontalBar {
  key: string;
  label: string;
  value: number;
  className: string;
}

const ROW_HEIGHT = 32;
const BAR_LABEL_WIDTH = 230;
const VALUE_WIDTH = 130;

/** One bar per row with its label and value, e.g. the average cost per day of each category. */
export function HorizontalBarChart({ bars, summary, tableId, formatValue, width = WIDE }: { bars: readonly HorizontalBar[]; summary: string; tableId: string; formatValue: (value: number) => string; width?: number }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const space = width - BAR_LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW_HEIGHT;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="chart" role="img" aria-label={summary} aria-details={tableId}>
      {bars.map((bar, i) => {
        const y = i * ROW_HEIGHT;
        const length = Math.max(1, (Math.max(0, bar.value) / max) * space);
        return (
          <g key={bar.key}>
            <text x={BAR_LABEL_WIDTH - 10} y={y + ROW_HEIGHT / 2} textAnchor="end" dominantBaseline="middle" className="chart__label">
              {bar.label}
            </text>
            <rect x={BAR_LABEL_WIDTH} y={y + 6} width={length} height={ROW_HEIGHT - 12} rx={2} className={bar.className} />
            <text x={BAR_LABEL_WIDTH + length + 8} y={y + ROW_HEIGHT / 2} dominantBaseline="middle" className="chart__label">
              {formatValue(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
