import type { Figure } from './operations';

/**
 * This year against last year as pairs of horizontal bars, one pair per row (a county part, a
 * gender, a category). A hidden figure ("<3", "x") gets no bar, only its sign, so the picture never
 * shows more than the table; the table named by `tableId` carries the same figures.
 */
export interface ComparisonGroup {
  key: string;
  label: string;
  current: Figure;
  previous: Figure;
}

const WIDTH = 720;
const LABEL_WIDTH = 270;
const VALUE_GAP = 8;
const VALUE_WIDTH = 80;
const BAR_HEIGHT = 14;
const GROUP_HEIGHT = 2 * BAR_HEIGHT + 14;

export function ComparisonChart({
  title,
  groups,
  year,
  previousYear,
  tableId,
  unit = '',
}: {
  title: string;
  groups: readonly ComparisonGroup[];
  year: number;
  previousYear: number;
  tableId: string;
  /** Said after each value in the spoken summary, e.g. "möten". */
  unit?: string;
}) {
  const max = Math.max(1, ...groups.flatMap((g) => [g.current.value ?? 0, g.previous.value ?? 0]));
  const space = WIDTH - LABEL_WIDTH - VALUE_GAP - VALUE_WIDTH;
  const height = groups.length * GROUP_HEIGHT + 4;
  const spoken = (figure: Figure) => `${figure.display}${unit && figure.value !== null ? ` ${unit}` : ''}`;
  const summary = `${title}. ${groups.map((g) => `${g.label}: ${year} ${spoken(g.current)}, ${previousYear} ${spoken(g.previous)}`).join('; ')}. Siffrorna finns i tabellen.`;
  const bar = (figure: Figure, y: number, className: string, label: string) => {
    const width = figure.value === null ? 0 : Math.max(1, (Math.max(0, figure.value) / max) * space);
    return (
      <g>
        {width > 0 && (
          <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={2} className={className}>
            <title>{`${label}: ${figure.display}`}</title>
          </rect>
        )}
        <text x={LABEL_WIDTH + width + VALUE_GAP} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="indicator-chart__value">
          {figure.display}
        </text>
      </g>
    );
  };
  return (
    <figure className="panel indicator-chart">
      <figcaption className="indicator-chart__title">{title}</figcaption>
      <ul className="indicator-chart__legend" aria-hidden="true">
        <li>
          <span className="indicator-chart__swatch indicator-series--current" /> {year}
        </li>
        <li>
          <span className="indicator-chart__swatch indicator-series--previous" /> {previousYear}
        </li>
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} className="indicator-chart__svg" role="img" aria-label={summary} aria-details={tableId}>
        {groups.map((group, i) => {
          const y = i * GROUP_HEIGHT + 2;
          return (
            <g key={group.key}>
              <text x={LABEL_WIDTH - 10} y={y + BAR_HEIGHT} textAnchor="end" dominantBaseline="middle" className="indicator-chart__label">
                {group.label}
              </text>
              {bar(group.current, y, 'indicator-series--current', `${group.label} ${year}`)}
              {bar(group.previous, y + BAR_HEIGHT + 2, 'indicator-series--previous', `${group.label} ${previousYear}`)}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
