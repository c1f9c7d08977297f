import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { DataTable, EmptyRow } from '../../components/data-table';
import { Field, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatDate } from '../../lib/format';
import { formatKronor, parsePercent } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatBasisPoints } from './cost-format';
import { CostForm, invalid, KronorField, parseAmounts } from './cost-forms';
import {
  AddConsultantPriceMutation,
  AddFeeRateMutation,
  AddTreatmentSupplementMutation,
  ApplyRateIndexMutation,
  FEE_HOME_KIND_LABELS,
  FEE_HOME_KINDS,
  PriceListQuery,
  RATE_PERIOD_STATUS_LABELS,
  type FeeHomeKind,
  type PriceList,
  type PriceListData,
  type RatePeriodStatus,
} from './price-list-operations';

/** Whose price list: ?organisation=<id>, else the user's own organisation's. */
const OWNER_PARAM = 'organisation';

type Changed = (message: string) => void;

function tomorrow(): string {
  const date = new Date(`${todayInSweden()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const period = (p: { validFrom: string; validTo: string | null }) => `${formatDate(p.validFrom)} – ${p.validTo ? formatDate(p.validTo) : 'tills vidare'}`;

/**
 * /kostnader/prislista — the dated rates the organisation pays its homes: arvode and
 * omkostnadsersättning per home kind and age band, the agencies' contracted daily prices, the
 * treatment supplement and the yearly indices. A change is a new period from a day (never before
 * today); a member municipality also reads its joint unit's price list.
 */
export function PriceListPage() {
  useDocumentTitle('Prislista');
  const [params, setParams] = useSearchParams();
  const ownerId = params.get(OWNER_PARAM);
  const [data, setData] = useState<PriceListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [showPast, setShowPast] = useState(false);
  const [message, announce] = useAnnouncement();

  useEffect(
    () =>
      startQuery(
        PriceListQuery,
        { ownerId },
        (result) => {
          setData(result);
          setError(null);
        },
        setError,
      ),
    [ownerId, attempt],
  );

  const changed = useCallback<Changed>(
    (text) => {
      announce(text);
      setAttempt((n) => n + 1);
    },
    [announce],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <div className="price-list">
      <div className="page-title">
        <h1>Prislista</h1>
        <p className="page-title__meta">
          <Link to="/kostnader">Kostnader</Link> · <Link to="/kostnader/budget">Budget</Link>
        </p>
      </div>
      <p className="lead">
        Arvoden och omkostnadsersättningar, avtalade dygnspriser och tillägg för behandlingsuppdrag gäller under perioder. En ändring är en ny period från ett
        datum, tidigast i dag: dagar som har varit behåller sin taxa.
      </p>
      <Announcement message={message} />
      {error && <ErrorAlert message={error} onRetry={reload} />}
      {!data && !error && <Loading>Hämtar prislistan…</Loading>}
      {data && (
        <>
          <div className="field-row">
            {data.priceListOwners.length > 1 && (
              <Field label="Prislista för">
                {(control) => (
                  <select {...control} value={data.priceList.owner.id} onChange={(e) => setParams({ [OWNER_PARAM]: e.target.value })}>
                    {data.priceListOwners.map((owner) => (
                      <option key={owner.id} value={owner.id}>
                        {owner.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <label className="choice">
              <input type="checkbox" checked={showPast} onChange={(e) => setShowPast(e.target.checked)} />
              Visa perioder som har upphört
            </label>
          </div>
          <PriceListTables list={data.priceList} showPast={showPast} />
          {data.priceList.canEdit && (
            <section aria-labelledby="price-list-changes">
              <h2 id="price-list-changes">Ändra prislistan</h2>
              <NewFeeRateForm onChanged={changed} onReload={reload} />
              <RateIndexForm list={data.priceList} onChanged={changed} onReload={reload} />
              <NewTreatmentSupplementForm onChanged={changed} onReload={reload} />
              <NewConsultantPriceForm agencies={data.consultancyAgencies} onChanged={changed} onReload={reload} />
            </section>
          )}
        </>
      )}
    </div>
  );
}

function StatusCell({ status }: { status: RatePeriodStatus }) {
  return <td>{RATE_PERIOD_STATUS_LABELS[status]}</td>;
}

/** The price list's tables; periods that have ended are left out unless asked for. */
function PriceListTables({ list, showPast }: { list: PriceList; showPast: boolean }) {
  const shown = <T extends { status: RatePeriodStatus }>(periods: T[]) => periods.filter((p) => showPast || p.status !== 'PAST');
  const kinds = FEE_HOME_KINDS.filter((kind) => list.feeRates.some((r) => r.homeKind === kind));
  const agencies = [...new Map(list.consultantPrices.map((p) => [p.agency.id, p.agency])).values()];
  const pastNote = showPast ? undefined : 'Perioder som har upphört visas inte.';
  return (
    <>
      <section aria-labelledby="fee-rates" className="panel">
        <h2 id="fee-rates">Arvode och omkostnadsersättning per dygn</h2>
        {kinds.length === 0 && <p className="muted">{list.owner.name} har inga arvoden i prislistan.</p>}
        {kinds.map((kind) => {
          const rows = shown(list.feeRates.filter((r) => r.homeKind === kind));
          return (
            <DataTable key={kind} caption={`${FEE_HOME_KIND_LABELS[kind]}, ${list.owner.name}`} note={pastNote}>
              <thead>
                <tr>
                  <th scope="col">Ålder</th>
                  <th scope="col">Gäller</th>
                  <th scope="col" className="numeric">
                    Arvode
                  </th>
                  <th scope="col" className="numeric">
                    Omkostnadsersättning
                  </th>
                  <th scope="col" className="numeric">
                    Per dygn
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && <EmptyRow columns={6}>Inga gällande eller kommande perioder.</EmptyRow>}
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.ageFrom}–{r.ageTo} år
                    </th>
                    <td>{period(r)}</td>
                    <td className="numeric">{formatKronor(r.feePerDay)}</td>
                    <td className="numeric">{formatKronor(r.expensesPerDay)}</td>
                    <td className="numeric">{formatKronor(r.perDay)}</td>
                    <StatusCell status={r.status} />
                  </tr>
                ))}
              </tbody>
            </DataTable>
          );
        })}
      </section>

      <section aria-labelledby="treatment-supplements" className="panel">
        <h2 id="treatment-supplements">Tillägg för behandlingsuppdrag per dygn</h2>
        <DataTable caption={`Tillägg för behandlingsuppdrag, ${list.owner.name}`} captionHidden note={pastNote}>
          <thead>
            <tr>
              <th scope="col">Gäller</th>
              <th scope="col" className="numeric">
                Tillägg per dygn
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {shown(list.treatmentSupplements).length === 0 && <EmptyRow columns={3}>Inget tillägg för behandlingsuppdrag.</EmptyRow>}
            {shown(list.treatmentSupplements).map((s) => (
              <tr key={s.id}>
                <th scope="row">{period(s)}</th>
                <td className="numeric">{formatKronor(s.perDay)}</td>
                <StatusCell status={s.status} />
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <section aria-labelledby="consultant-prices" className="panel">
        <h2 id="consultant-prices">Avtalade dygnspriser för konsulentstödda familjehem</h2>
        {agencies.length === 0 && <p className="muted">{list.owner.name} har inga avtal med konsulentverksamheter i prislistan.</p>}
        {agencies.map((agency) => {
          const rows = shown(list.consultantPrices.filter((p) => p.agency.id === agency.id));
          return (
            <DataTable key={agency.id} caption={agency.name} note={pastNote}>
              <thead>
                <tr>
                  <th scope="col">Gäller</th>
                  <th scope="col">Avtal</th>
                  <th scope="col" className="numeric">
                    Dygnspris
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && <EmptyRow columns={4}>Inga gällande eller kommande avtal.</EmptyRow>}
                {rows.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{period(p)}</th>
                    <td>{p.contractReference}</td>
                    <td className="numeric">{formatKronor(p.pricePerDay)}</td>
                    <StatusCell status={p.status} />
                  </tr>
                ))}
              </tbody>
            </DataTable>
          );
        })}
      </section>

      <section aria-labelledby="rate-indices" className="panel">
        <h2 id="rate-indices">Uppräkningar</h2>
        <DataTable caption={`Årets uppräkning av taxorna, ${list.owner.name}`} captionHidden>
          <thead>
            <tr>
              <th scope="col">Från 1 januari</th>
              <th scope="col" className="numeric">
                Uppräkning
              </th>
            </tr>
          </thead>
          <tbody>
            {list.indices.length === 0 && <EmptyRow columns={2}>Inga uppräkningar.</EmptyRow>}
            {[...list.indices].reverse().map((i) => (
              <tr key={i.year}>
                <th scope="row">{i.year}</th>
                <td className="numeric">{formatBasisPoints(i.basisPoints)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </>
  );
}

/** From and to dates of a new period: from tomorrow by default, until further notice when empty. */
function PeriodFields({ validFrom, validTo, onFrom, onTo, fieldError }: { validFrom: string; validTo: string; onFrom: (v: string) => void; onTo: (v: string) => void; fieldError: (field: string) => string | undefined }) {
  return (
    <div className="field-row">
      <Field label="Gäller från" hint="Tidigast i dag." error={fieldError('validFrom')}>
        {(control) => <input {...control} type="date" min={todayInSweden()} value={validFrom} onChange={(e) => onFrom(e.target.value)} />}
      </Field>
      <Field label="Gäller till och med (valfritt)" hint="Tomt: tills vidare." error={fieldError('validTo')}>
        {(control) => <input {...control} type="date" min={validFrom} value={validTo} onChange={(e) => onTo(e.target.value)} />}
      </Field>
    </div>
  );
}

function usePeriodDraft() {
  const [validFrom, setValidFrom] = useState(tomorrow);
  const [validTo, setValidTo] = useState('');
  return { validFrom, validTo, setValidFrom, setValidTo, value: { validFrom, validTo: validTo || null } };
}

const AGES = Array.from({ length: 21 }, (_, age) => age);

function NewFeeRateForm({ onChanged, onReload }: { onChanged: Changed; onReload: () => void }) {
  const form = useMutationForm(AddFeeRateMutation);
  const draft = usePeriodDraft();
  const [homeKind, setHomeKind] = useState<FeeHomeKind>('OWN');
  const [ageFrom, setAgeFrom] = useState(0);
  const [ageTo, setAgeTo] = useState(20);
  const [fee, setFee] = useState('');
  const [expenses, setExpenses] = useState('');
  async function save() {
    const parsed = parseAmounts({ feePerDay: { text: fee, label: 'Arvodet' }, expensesPerDay: { text: expenses, label: 'Omkostnadsersättningen' } });
    if (!parsed.amounts) return form.fail(invalid(parsed.issues));
    const saved = await form.submit({ input: { homeKind, ageFrom, ageTo, ...draft.value, ...parsed.amounts } });
    if (saved) {
      setFee('');
      setExpenses('');
      onChanged(`Ny taxa för ${FEE_HOME_KIND_LABELS[homeKind].toLowerCase()}, ${ageFrom}–${ageTo} år, från ${draft.validFrom}: ${formatKronor(parsed.amounts.feePerDay + parsed.amounts.expensesPerDay)} per dygn.`);
    }
  }
  const ageSelect = (label: string, value: number, set: (n: number) => void, field: string) => (
    <Field label={label} error={form.fieldError(field)}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => set(Number(e.target.value))}>
          {AGES.map((age) => (
            <option key={age} value={age}>
              {age} år
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <CostForm heading="Ny taxa från datum" submitLabel="Lägg till taxan" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle="Taxan kunde inte läggas till" onSubmit={save} onReload={onReload}>
      <p className="hint">En tillsvidaretaxa för samma hemtyp och ålder som började tidigare slutar dagen före den nya.</p>
      <div className="field-row">
        <Field label="Hemtyp" error={form.fieldError('homeKind')}>
          {(control) => (
            <select {...control} value={homeKind} onChange={(e) => setHomeKind(e.target.value as FeeHomeKind)}>
              {FEE_HOME_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {FEE_HOME_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {ageSelect('Ålder från', ageFrom, setAgeFrom, 'ageFrom')}
        {ageSelect('Ålder till och med', ageTo, setAgeTo, 'ageTo')}
      </div>
      <PeriodFields validFrom={draft.validFrom} validTo={draft.validTo} onFrom={draft.setValidFrom} onTo={draft.setValidTo} fieldError={form.fieldError} />
      <div className="field-row">
        <KronorField label="Arvode per dygn" value={fee} onChange={setFee} error={form.fieldError('feePerDay')} />
        <KronorField label="Omkostnadsersättning per dygn" value={expenses} onChange={setExpenses} error={form.fieldError('expensesPerDay')} />
      </div>
    </CostForm>
  );
}

function RateIndexForm({ list, onChanged, onReload }: { list: PriceList; onChanged: Changed; onReload: () => void }) {
  const form = useMutationForm(ApplyRateIndexMutation);
  // An index applies from 1 January of a year that has not begun; the first such year not yet indexed is offered.
  const nextYear = Number(todayInSweden().slice(0, 4)) + 1;
  const years = [nextYear, nextYear + 1, nextYear + 2];
  const [year, setYear] = useState(() => years.find((y) => !list.indices.some((i) => i.year === y)) ?? nextYear);
  const [percent, setPercent] = useState('');
  const indexed = list.indices.some((i) => i.year === year);
  async function save() {
    const basisPoints = parsePercent(percent);
    if (basisPoints === null) return form.fail(invalid([{ path: 'basisPoints', message: 'Ange uppräkningen i procent med högst två decimaler, t.ex. 2,9.' }]));
    const saved = await form.submit({ input: { year, basisPoints } });
    if (saved) {
      setPercent('');
      onChanged(`Taxorna är uppräknade med ${formatBasisPoints(basisPoints)} från ${year}-01-01.`);
    }
  }
  return (
    <CostForm heading="Räkna upp med årets index" submitLabel="Räkna upp taxorna" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle="Taxorna kunde inte räknas upp" onSubmit={save} onReload={onReload}>
      <p className="hint">
        Arvoden, omkostnadsersättningar och tillägg som gäller 31 december året före får nya belopp från 1 januari, avrundade till hela kronor. Avtalade dygnspriser följer
        avtalen och räknas inte upp.
      </p>
      <div className="field-row">
        <Field label="År" error={form.fieldError('year')} hint={indexed ? 'Året är redan uppräknat.' : undefined}>
          {(control) => (
            <select {...control} value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Uppräkning i procent" hint="T.ex. 2,9." error={form.fieldError('basisPoints')}>
          {(control) => <input {...control} className="input--short" type="text" inputMode="decimal" autoComplete="off" value={percent} onChange={(e) => setPercent(e.target.value)} />}
        </Field>
      </div>
    </CostForm>
  );
}

function NewTreatmentSupplementForm({ onChanged, onReload }: { onChanged: Changed; onReload: () => void }) {
  const form = useMutationForm(AddTreatmentSupplementMutation);
  const draft = usePeriodDraft();
  const [perDay, setPerDay] = useState('');
  async function save() {
    const parsed = parseAmounts({ perDay: { text: perDay, label: 'Tillägget' } });
    if (!parsed.amounts) return form.fail(invalid(parsed.issues));
    const saved = await form.submit({ input: { ...draft.value, perDay: parsed.amounts.perDay } });
    if (saved) {
      setPerDay('');
      onChanged(`Nytt tillägg för behandlingsuppdrag från ${draft.validFrom}: ${formatKronor(parsed.amounts.perDay)} per dygn.`);
    }
  }
  return (
    <CostForm heading="Nytt tillägg för behandlingsuppdrag" submitLabel="Lägg till tillägget" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle="Tillägget kunde inte läggas till" onSubmit={save} onReload={onReload}>
      <PeriodFields validFrom={draft.validFrom} validTo={draft.validTo} onFrom={draft.setValidFrom} onTo={draft.setValidTo} fieldError={form.fieldError} />
      <KronorField label="Tillägg per dygn" value={perDay} onChange={setPerDay} error={form.fieldError('perDay')} />
    </CostForm>
  );
}

function NewConsultantPriceForm({ agencies, onChanged, onReload }: { agencies: PriceListData['consultancyAgencies']; onChanged: Changed; onReload: () => void }) {
  const form = useMutationForm(AddConsultantPriceMutation);
  const draft = usePeriodDraft();
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? '');
  const [contractReference, setContractReference] = useState('');
  const [price, setPrice] = useState('');
  if (agencies.length === 0) return null;
  async function save() {
    const parsed = parseAmounts({ pricePerDay: { text: price, label: 'Dygnspriset' } });
    if (!parsed.amounts) return form.fail(invalid(parsed.issues));
    const saved = await form.submit({ input: { agencyId, contractReference, ...draft.value, pricePerDay: parsed.amounts.pricePerDay } });
    if (saved) {
      setPrice('');
      setContractReference('');
      onChanged(`Nytt avtalat dygnspris för ${agencies.find((a) => a.id === agencyId)?.name ?? 'konsulentverksamheten'} från ${draft.validFrom}: ${formatKronor(parsed.amounts.pricePerDay)}.`);
    }
  }
  return (
    <CostForm heading="Nytt avtalat dygnspris" submitLabel="Lägg till dygnspriset" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle="Dygnspriset kunde inte läggas till" onSubmit={save} onReload={onReload}>
      <div className="field-row">
        <Field label="Konsulentverksamhet" error={form.fieldError('agencyId')}>
          {(control) => (
            <select {...control} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              {agencies.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Avtal" hint="T.ex. diarienummer." error={form.fieldError('contractReference')} className="field field--grow">
          {(control) => <input {...control} type="text" autoComplete="off" value={contractReference} onChange={(e) => setContractReference(e.target.value)} />}
        </Field>
      </div>
      <PeriodFields validFrom={draft.validFrom} validTo={draft.validTo} onFrom={draft.setValidFrom} onTo={draft.setValidTo} fieldError={form.fieldError} />
      <KronorField label="Dygnspris" value={price} onChange={setPrice} error={form.fieldError('pricePerDay')} />
    </CostForm>
  );
}
