import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { DataTable } from '../../components/data-table';
import { Field, todayInSweden, useMutationForm } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { useViewer } from '../../components/viewer-context';
import { formatKronor, formatKronorOrDash, kronorInputValue } from '../../lib/money';
import { useDocumentTitle } from '../../lib/use-document-title';
import { numberParam } from '../reports/report-frame';
import { CostForm, invalid, KronorField, parseAmounts } from './cost-forms';
import { BudgetsQuery, SetBudgetMutation, SetUnitRunningCostMutation, UnitRunningCostQuery, type Budget, type UnitRunningCost } from './price-list-operations';

const YEAR_PARAM = 'ar';
/** The first year with costs in Samverka (the price lists start in 2020). */
const FIRST_YEAR = 2020;

type Changed = (message: string) => void;

/**
 * /kostnader/budget?ar=2027 — a municipality's budget per cost category for a year, which the cost
 * report weighs outcome and forecast against; for the joint unit, its own running cost for the
 * year, which the members share by the cost-sharing key. Each figure is saved on its own, guarded
 * by the version read, so two heads of unit cannot overwrite each other.
 */
export function BudgetPage() {
  useDocumentTitle('Budget');
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInSweden().slice(0, 4));
  const year = numberParam(params.get(YEAR_PARAM), FIRST_YEAR, thisYear + 2, thisYear);
  const unit = viewer.organisation.kind === 'FOSTER_CARE_UNIT';
  const years = Array.from({ length: thisYear + 3 - FIRST_YEAR }, (_, i) => thisYear + 2 - i);
  return (
    <div className="budget">
      <div className="page-title">
        <h1>{unit ? 'Familjehemsenhetens kostnad' : 'Budget för familjehemsvård'}</h1>
        <p className="page-title__meta">
          <Link to={`/kostnader?ar=${year}`}>Kostnader {year}</Link> · <Link to="/kostnader/prislista">Prislista</Link>
        </p>
      </div>
      <p className="lead">
        {unit
          ? 'Enhetens egen kostnad för året (personal, lokaler, utbildning). Den fördelas mellan medlemskommunerna enligt årets fördelningsnyckel.'
          : 'Kommunens budget per kostnadsslag. Kostnadsrapporten jämför utfall och prognos för helåret med budgeten.'}
      </p>
      <div className="field-row">
        <Field label="År">
          {(control) => (
            <select {...control} value={year} onChange={(e) => setParams({ [YEAR_PARAM]: e.target.value })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {unit ? <UnitRunningCostSection key={year} year={year} /> : <BudgetSection key={year} year={year} />}
    </div>
  );
}

/** A query for the year, fetched again after each change; `loaded` tells a null answer from none yet. */
function useYearQuery<T>(load: (year: number, onData: (data: T) => void, onError: (message: string) => void) => () => void, year: number) {
  const [state, setState] = useState<{ loaded: false } | { loaded: true; data: T }>({ loaded: false });
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(
    () =>
      load(
        year,
        (data) => {
          setState({ loaded: true, data });
          setError(null);
        },
        setError,
      ),
    [load, year, attempt],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, error, reload };
}

const loadBudgets = (year: number, onData: (budgets: Budget[]) => void, onError: (message: string) => void) =>
  startQuery(BudgetsQuery, { year }, (result) => onData(result.budgets), onError);
const loadRunningCost = (year: number, onData: (cost: UnitRunningCost | null) => void, onError: (message: string) => void) =>
  startQuery(UnitRunningCostQuery, { year }, (result) => onData(result.unitRunningCost), onError);

function BudgetSection({ year }: { year: number }) {
  const { state, error, reload } = useYearQuery(loadBudgets, year);
  const [message, announce] = useAnnouncement();
  const changed = useCallback<Changed>(
    (text) => {
      announce(text);
      reload();
    },
    [announce, reload],
  );
  if (error) return <ErrorAlert message={error} onRetry={reload} />;
  if (!state.loaded) return <Loading>Hämtar budgeten…</Loading>;
  const data = state.data;
  const total = data.reduce((sum, b) => sum + (b.amount ?? 0), 0);
  return (
    <>
      <Announcement message={message} />
      <section aria-labelledby="budget-table" className="panel">
        <h2 id="budget-table">Budget {year}</h2>
        <DataTable caption={`Budget ${year} per kostnadsslag`} captionHidden>
          <thead>
            <tr>
              <th scope="col">Kostnadsslag</th>
              <th scope="col" className="numeric">
                Budget
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((b) => (
              <tr key={b.category}>
                <th scope="row">{b.label}</th>
                <td className="numeric">{formatKronorOrDash(b.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Totalt</th>
              <td className="numeric">{formatKronor(total)}</td>
            </tr>
          </tfoot>
        </DataTable>
      </section>
      <section aria-labelledby="budget-changes" className="panel">
        <h2 id="budget-changes">Ändra budgeten för {year}</h2>
        <p className="hint">Belopp i kronor för helåret, t.ex. 4 500 000. Varje budgetpost sparas för sig.</p>
        {data.map((b) => (
          <BudgetForm key={`${b.category}:${b.version ?? 0}`} year={year} budget={b} onChanged={changed} onReload={reload} />
        ))}
      </section>
    </>
  );
}

function BudgetForm({ year, budget, onChanged, onReload }: { year: number; budget: Budget; onChanged: Changed; onReload: () => void }) {
  const form = useMutationForm(SetBudgetMutation);
  const [amount, setAmount] = useState(budget.amount === null ? '' : kronorInputValue(budget.amount));
  async function save() {
    const parsed = parseAmounts({ amount: { text: amount, label: 'Budgeten' } });
    if (!parsed.amounts) return form.fail(invalid(parsed.issues));
    const saved = await form.submit({ input: { year, category: budget.category, amount: parsed.amounts.amount, expectedVersion: budget.version } });
    if (saved) onChanged(`Budgeten för ${budget.label.toLowerCase()} ${year} är ${formatKronor(parsed.amounts.amount)}.`);
  }
  return (
    <CostForm inline heading={budget.label} submitLabel="Spara" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle={`Budgeten för ${budget.label.toLowerCase()} kunde inte sparas`} onSubmit={save} onReload={onReload}>
      <KronorField label={budget.label} value={amount} onChange={setAmount} error={form.fieldError('amount')} hint={budget.amount === null ? 'Ingen budget satt.' : `Nu ${formatKronor(budget.amount)}.`} />
    </CostForm>
  );
}

function UnitRunningCostSection({ year }: { year: number }) {
  const { state, error, reload } = useYearQuery(loadRunningCost, year);
  if (error) return <ErrorAlert message={error} onRetry={reload} />;
  if (!state.loaded) return <Loading>Hämtar kostnaden…</Loading>;
  return <UnitRunningCostForm key={state.data?.version ?? 0} year={year} current={state.data} onReload={reload} />;
}

function UnitRunningCostForm({ year, current, onReload }: { year: number; current: UnitRunningCost | null; onReload: () => void }) {
  const [message, announce] = useAnnouncement();
  const form = useMutationForm(SetUnitRunningCostMutation);
  const [amount, setAmount] = useState(current ? kronorInputValue(current.amount) : '');
  async function save() {
    const parsed = parseAmounts({ amount: { text: amount, label: 'Kostnaden' } });
    if (!parsed.amounts) return form.fail(invalid(parsed.issues));
    const saved = await form.submit({ input: { year, amount: parsed.amounts.amount, expectedVersion: current?.version ?? null } });
    if (saved) {
      announce(`Familjehemsenhetens kostnad för ${year} är ${formatKronor(saved.amount)}.`);
      onReload();
    }
  }
  return (
    <>
      <Announcement message={message} />
      <section aria-labelledby="running-cost" className="panel">
        <h2 id="running-cost">Kostnad {year}</h2>
        <p>{current ? formatKronor(current.amount) : 'Ingen kostnad är satt för året.'}</p>
      </section>
      <CostForm heading={`Ändra kostnaden för ${year}`} submitLabel="Spara kostnaden" saving={form.saving} failure={form.failure} failureRef={form.failureRef} failureTitle="Kostnaden kunde inte sparas" onSubmit={save} onReload={onReload}>
        <KronorField label={`Kostnad ${year}`} value={amount} onChange={setAmount} error={form.fieldError('amount')} hint="I kronor för helåret, t.ex. 7 400 000." />
      </CostForm>
    </>
  );
}
