import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { IvoFosterChildList } from '../../api/types';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, todayInSweden } from '../../components/forms';
import { formatDate, formatNumber } from '../../lib/format';
import { CHILD_GENDER_LABELS, FOSTER_HOME_KIND_LABELS, LEGAL_BASIS_LABELS, PLACEMENT_KIND_LABELS, PLACEMENT_TERM_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { IvoFosterChildListQuery } from './operations';
import { numberParam, ReportPage, useReport } from './report-frame';

const PARAM = { year: 'ar' } as const;

function daysLeftText(days: number): string {
  if (days === 0) return 'i dag';
  return days === 1 ? 'i morgon' : `om ${formatNumber(days)} dagar`;
}

/** The warning the page shows in January, until the list for the year before is due. */
export function IvoDeadlineWarning({ list }: { list: Pick<IvoFosterChildList, 'year' | 'dueOn' | 'daysUntilDue' | 'deadlineApproaching'> }) {
  if (!list.deadlineApproaching) return null;
  return (
    <div className="alert alert--warning report__deadline" role="note">
      <p>
        Förteckningen över barn i familjehem under {list.year} ska lämnas till IVO senast {formatDate(list.dueOn)}, {daysLeftText(list.daysUntilDue)}.
      </p>
    </div>
  );
}

/** /rapporter/ivo-familjehem — the yearly list to IVO of the children in foster homes, due by 31 January. */
export function IvoListPage() {
  useDocumentTitle('Barn i familjehem – förteckning till IVO');
  const [params, setParams] = useSearchParams();
  // The list is for a year that has ended: the one before this.
  const fallbackYear = Number(todayInSweden().slice(0, 4)) - 1;
  const year = numberParam(params.get(PARAM.year), 2000, 2100, fallbackYear);
  const [draft, setDraft] = useState(String(year));
  const state = useReport(IvoFosterChildListQuery, { year }, String(year), (data) => data.ivoFosterChildList);

  return (
    <ReportPage
      title="Barn i familjehem – förteckning till IVO"
      lead="Varje placering av kommunens barn i familjehem (egna, nätverkshem, jourhem, konsulentstödda och med behandlingsuppdrag) någon gång under året, utan barnens namn. Förteckningen lämnas till IVO senast den 31 januari året efter."
      period={
        <Field label="År">
          {(control) => <input {...control} type="number" inputMode="numeric" min={2000} max={2100} value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
      }
      onPeriodSubmit={() => setParams(new URLSearchParams({ [PARAM.year]: draft }))}
      state={state}
      loadingText="Tar fram förteckningen…"
      csvFileName={(list) => `barn-i-familjehem-ivo-${list.year}.csv`}
      csvOf={(list) => list.csv}
    >
      {(list) => (
        <>
          <IvoDeadlineWarning list={list} />
          <p className="report__meta">
            {list.municipality.name}, {list.year}. Lämnas senast {formatDate(list.dueOn)}.
          </p>
          <p role="status" className="report__summary">
            {formatNumber(list.children)} barn var placerade i familjehem under {list.year}, varav {formatNumber(list.childrenAtYearEnd)} den 31 december.
          </p>
          <DataTable caption="Placeringar i familjehem under året">
            <thead>
              <tr>
                <th scope="col">Kön</th>
                <th scope="col" className="numeric">
                  Födelseår
                </th>
                <th scope="col">Familjehem</th>
                <th scope="col">Typ av hem</th>
                <th scope="col">Hemmets kommun</th>
                <th scope="col">Jour/stadigvarande</th>
                <th scope="col">Lagrum</th>
                <th scope="col">Placerad</th>
                <th scope="col">
                  <abbr title="Placerad den 31 december">31 dec.</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.placements.length === 0 && <EmptyRow columns={9}>Inga barn var placerade i familjehem under året.</EmptyRow>}
              {list.placements.map((row, index) => (
                <tr key={index}>
                  <td>{CHILD_GENDER_LABELS[row.gender]}</td>
                  <td className="numeric">{row.birthYear}</td>
                  <td>{row.homeName ?? 'Annan organisations hem'}</td>
                  <td>{row.homeKind ? FOSTER_HOME_KIND_LABELS[row.homeKind] : '–'}</td>
                  <td>{row.homeMunicipalityName ?? '–'}</td>
                  <td>
                    {PLACEMENT_TERM_LABELS[row.term]}
                    {row.placementKind === 'UPBRINGING' && ` (${PLACEMENT_KIND_LABELS.UPBRINGING.toLowerCase()})`}
                  </td>
                  <td>{row.legalBasis ? LEGAL_BASIS_LABELS[row.legalBasis] : '–'}</td>
                  <td className="tabular">
                    {formatDate(row.startsOn)}–{row.endedOn ? formatDate(row.endedOn) : ''}
                  </td>
                  <td>{row.placedAtYearEnd ? 'Ja' : 'Nej'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </ReportPage>
  );
}
