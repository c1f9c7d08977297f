import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable } from '../../components/data-table';
import { Field, todayInSweden } from '../../components/forms';
import { formatDate, formatNumber } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, PLACEMENT_TERM_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PlacementOverviewQuery } from './operations';
import { ReportPage, useReport } from './report-frame';

const PARAM = { day: 'datum' } as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** /rapporter/placeringar — the municipality's children in foster homes on a day, by kind of home and jour or stadigvarande. */
export function PlacementsOverviewPage() {
  useDocumentTitle('Placerade barn');
  const [params, setParams] = useSearchParams();
  const day = ISO_DATE.test(params.get(PARAM.day) ?? '') ? params.get(PARAM.day)! : todayInSweden();
  const [draft, setDraft] = useState(day);
  const state = useReport(PlacementOverviewQuery, { on: day }, day, (data) => data.placementOverview);

  return (
    <ReportPage
      title="Placerade barn i familjehem"
      lead="Kommunens barn som är placerade i familjehem en viss dag, per typ av hem och som jour eller stadigvarande placering. Bara antal, inga barn."
      period={
        <Field label="Datum">
          {(control) => <input {...control} type="date" value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
      }
      onPeriodSubmit={() => setParams(new URLSearchParams({ [PARAM.day]: draft }))}
      state={state}
      loadingText="Räknar…"
      csvFileName={(overview) => `placerade-barn-${overview.day}.csv`}
      csvOf={(overview) => overview.csv}
    >
      {(overview) => {
        const term = (which: 'EMERGENCY' | 'LONG_TERM') => overview.byTerm.find((row) => row.term === which)?.children ?? 0;
        return (
          <>
            <p className="report__meta">
              {overview.municipality.name}, {formatDate(overview.day)}.
            </p>
            <p role="status" className="report__summary">
              Antal barn placerade i familjehem är {formatNumber(overview.children)}, varav jour {formatNumber(term('EMERGENCY'))} och stadigvarande placering {formatNumber(term('LONG_TERM'))}.
            </p>
            <div className="report__figures">
              <DataTable caption="Per typ av hem">
                <thead>
                  <tr>
                    <th scope="col">Typ av hem</th>
                    <th scope="col" className="numeric">
                      Barn
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.byHomeKind.map((row) => (
                    <tr key={row.kind}>
                      <th scope="row">{FOSTER_HOME_KIND_LABELS[row.kind]}</th>
                      <td className="numeric">{formatNumber(row.children)}</td>
                    </tr>
                  ))}
                  {overview.inHomesNotVisible > 0 && (
                    <tr>
                      <th scope="row">Hem som kommunen inte ser</th>
                      <td className="numeric">{formatNumber(overview.inHomesNotVisible)}</td>
                    </tr>
                  )}
                  <tr>
                    <th scope="row">Totalt</th>
                    <td className="numeric">{formatNumber(overview.children)}</td>
                  </tr>
                </tbody>
              </DataTable>
              <DataTable caption="Jour eller stadigvarande" note="Jour eller stadigvarande enligt placeringsbeslutet; en placering utan registrerat beslut räknas efter hemmet (jourhem: jour).">
                <thead>
                  <tr>
                    <th scope="col">Placering</th>
                    <th scope="col" className="numeric">
                      Barn
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.byTerm.map((row) => (
                    <tr key={row.term}>
                      <th scope="row">{PLACEMENT_TERM_LABELS[row.term]}</th>
                      <td className="numeric">{formatNumber(row.children)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Varav uppväxtplacering</th>
                    <td className="numeric">{formatNumber(overview.upbringing)}</td>
                  </tr>
                </tbody>
              </DataTable>
            </div>
          </>
        );
      }}
    </ReportPage>
  );
}
