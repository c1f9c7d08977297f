import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, todayInSweden } from '../../components/forms';
import { formatDate, formatNumber, formatPersonalIdentityNumber } from '../../lib/format';
import { CHILD_IDENTITY_KIND_LABELS, FOSTER_HOME_KIND_LABELS, LEGAL_BASIS_LABELS, PLACEMENT_KIND_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { InterventionRegisterQuery } from './operations';
import { numberParam, ReportPage, useReport } from './report-frame';

const PARAM = { year: 'ar' } as const;

/** /rapporter/socialstyrelsen — the placements for Socialstyrelsen's register of interventions for children, with personnummer. */
export function RegisterPage() {
  useDocumentTitle('Socialstyrelsens register');
  const [params, setParams] = useSearchParams();
  const fallbackYear = Number(todayInSweden().slice(0, 4)) - 1;
  const year = numberParam(params.get(PARAM.year), 2000, 2100, fallbackYear);
  const [draft, setDraft] = useState(String(year));
  const state = useReport(InterventionRegisterQuery, { year }, String(year), (data) => data.interventionRegister);

  return (
    <ReportPage
      title="Socialstyrelsens register över insatser för barn och unga"
      lead={
        <>
          Varje placering under året med barnets personnummer, insats, beslutsdatum, start, slut och lagrum (SoL eller LVU). Det här är den enda rapporten med personnummer:{' '}
          <strong>varje gång den visas loggas det för varje barn.</strong>
        </>
      }
      period={
        <Field label="År">
          {(control) => <input {...control} type="number" inputMode="numeric" min={2000} max={2100} value={draft} onChange={(e) => setDraft(e.target.value)} />}
        </Field>
      }
      onPeriodSubmit={() => setParams(new URLSearchParams({ [PARAM.year]: draft }))}
      state={state}
      loadingText="Tar fram uppgifterna…"
      csvFileName={(register) => `socialstyrelsen-insatser-barn-${register.year}.csv`}
      csvOf={(register) => register.csv}
    >
      {(register) => (
        <>
          <p className="report__meta">
            {register.municipality.name}, {register.year}.
          </p>
          <p role="status" className="report__summary">
            {formatNumber(register.interventions.length)} placeringar under {register.year}, varav {formatNumber(register.started)} påbörjade och {formatNumber(register.ended)} avslutade under året.
          </p>
          <DataTable caption="Placeringar under året">
            <thead>
              <tr>
                <th scope="col">Personnummer</th>
                <th scope="col">Insats</th>
                <th scope="col">Placeringsform</th>
                <th scope="col">Vårdform</th>
                <th scope="col">Lagrum</th>
                <th scope="col">Beslutsdatum</th>
                <th scope="col">Start</th>
                <th scope="col">Slut</th>
                <th scope="col">Orsak till avslut</th>
              </tr>
            </thead>
            <tbody>
              {register.interventions.length === 0 && <EmptyRow columns={9}>Inga placeringar under året.</EmptyRow>}
              {register.interventions.map((row) => (
                <tr key={`${row.identityNumber}-${row.startsOn}`}>
                  <td className="tabular">
                    {row.identityKind === 'RESERVE_NUMBER' ? row.identityNumber : formatPersonalIdentityNumber(row.identityNumber)}
                    {row.identityKind !== 'PERSONAL_IDENTITY_NUMBER' && <span className="muted"> ({CHILD_IDENTITY_KIND_LABELS[row.identityKind].toLowerCase()})</span>}
                  </td>
                  <td>{row.intervention ?? '–'}</td>
                  <td>{row.placementKind ? PLACEMENT_KIND_LABELS[row.placementKind] : '–'}</td>
                  <td>{row.homeKind ? FOSTER_HOME_KIND_LABELS[row.homeKind] : '–'}</td>
                  <td>{row.legalBasis ? LEGAL_BASIS_LABELS[row.legalBasis] : '–'}</td>
                  <td className="tabular">{formatDate(row.decidedOn)}</td>
                  <td className="tabular">{formatDate(row.startsOn)}</td>
                  <td className="tabular">{formatDate(row.endedOn)}</td>
                  <td>{row.endReason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </ReportPage>
  );
}
