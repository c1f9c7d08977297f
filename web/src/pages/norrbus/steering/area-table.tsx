import { DataTable } from '../../../components/data-table';
import type { Cell, Figure, Indicator, IndicatorArea, RowLookup } from './operations';

/** Which of a row's figures a column shows. */
export type Which = 'current' | 'previous' | 'change';

export interface AreaColumn {
  key: string;
  header: string;
  indicator: Indicator;
  cell?: Cell;
  which: Which;
}

/** A column of an indicator's cell: this year, last year or the change. */
export const column = (header: string, indicator: Indicator, which: Which = 'current', cell: Cell = 'TOTAL'): AreaColumn => ({ key: `${indicator}-${cell}-${which}`, header, indicator, cell, which });

/** The county parts in order, each with its municipalities. */
export function groupByCountyPart(areas: readonly IndicatorArea[]): Array<{ part: IndicatorArea; municipalities: IndicatorArea[] }> {
  return areas
    .filter((a) => a.kind === 'COUNTY_PART')
    .map((part) => ({ part, municipalities: areas.filter((a) => a.kind === 'MUNICIPALITY' && a.countyPart === part.countyPart) }));
}

function FigureCell({ figure }: { figure: Figure | undefined }) {
  const hidden = figure !== undefined && figure.value === null;
  return (
    <td className={`numeric${hidden ? ' indicator-hidden' : ''}`}>
      {figure?.display ?? '–'}
      {figure?.display === '<3' && <span className="visually-hidden"> (färre än tre)</span>}
      {figure?.display === 'x' && <span className="visually-hidden"> (dolt för att skydda ett litet tal)</span>}
    </td>
  );
}

/**
 * One table per theme: every county part with its municipalities under it, and the county in the
 * footer, so both levels read in one place. The figures are shown exactly as the server gave them.
 */
export function AreaTable({
  id,
  caption,
  areas,
  columns,
  lookup,
  municipalities = true,
}: {
  id?: string;
  caption: string;
  areas: readonly IndicatorArea[];
  columns: readonly AreaColumn[];
  lookup: RowLookup;
  /** False: county parts and county only. */
  municipalities?: boolean;
}) {
  const county = areas.find((a) => a.kind === 'COUNTY');
  const cells = (area: IndicatorArea) => columns.map((c) => <FigureCell key={c.key} figure={lookup(area.key, c.indicator, c.cell)?.[c.which]} />);
  return (
    <DataTable id={id} caption={caption} className="data-table indicator-table">
      <thead>
        <tr>
          <th scope="col">Område</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className="numeric">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      {groupByCountyPart(areas).map(({ part, municipalities: parts }) => (
        <tbody key={part.key}>
          <tr className="indicator-table__part">
            <th scope="row">{part.name}</th>
            {cells(part)}
          </tr>
          {municipalities &&
            parts.map((m) => (
              <tr key={m.key}>
                <th scope="row" className="indicator-table__municipality">
                  {m.name}
                </th>
                {cells(m)}
              </tr>
            ))}
        </tbody>
      ))}
      {county && (
        <tfoot>
          <tr>
            <th scope="row">{county.name}</th>
            {cells(county)}
          </tr>
        </tfoot>
      )}
    </DataTable>
  );
}
