import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/errors';
import { graphql, startQuery } from '../../api/graphql';
import {
  PLACEMENT_NEED_KINDS,
  type ExcludedFosterHome,
  type MatchedFosterHome,
  type OrganisationRef,
  type PlacementNeedKind,
  type ValidationIssue,
} from '../../api/types';
import { ErrorSummary, Field, FieldError } from '../../components/forms';
import { ErrorAlert } from '../../components/page-states';
import { compareSv, formatNumber } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, MATCH_PROXIMITY_LABELS, PLACEMENT_NEED_KIND_LABELS, labelOf } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { formatFreePlaces, parseLanguages } from './capacity';
import { MatchFosterHomesQuery, MatchingAreaQuery } from './operations';
import './matching.css';

interface FormValues {
  ages: string[];
  kind: PlacementNeedKind;
  languages: string;
  schoolMunicipalityId: string;
  familyMunicipalityId: string;
  personalIdentityNumber: string;
  networkFirst: boolean;
}

const INITIAL: FormValues = {
  ages: [''],
  kind: 'LONG_TERM',
  languages: '',
  schoolMunicipalityId: '',
  familyMunicipalityId: '',
  personalIdentityNumber: '',
  networkFirst: true,
};

/** A form field an error can point at: `age-0`, `age-1` … or one of the other inputs. */
type FieldKey = `age-${number}` | 'kind' | 'languages' | 'schoolMunicipalityId' | 'familyMunicipalityId' | 'personalIdentityNumber';

/** `ages.1` → `age-1`, `ages` → `age-0`, `languages.2` → `languages`. */
function fieldForPath(path: string): FieldKey | null {
  const [head, index] = path.split('.');
  if (head === 'ages') return `age-${Number(index ?? 0)}`;
  if (head === 'kind' || head === 'languages' || head === 'schoolMunicipalityId' || head === 'familyMunicipalityId' || head === 'personalIdentityNumber') return head;
  return null;
}

function ageLabel(index: number): string {
  return index === 0 ? 'Barnets ålder (år)' : `Syskon ${index + 1}: ålder (år)`;
}

interface Municipalities {
  area: OrganisationRef[];
  others: OrganisationRef[];
}

type Results = { candidates: MatchedFosterHome[]; excluded: ExcludedFosterHome[] };

/** Matchning: the child's needs in, the fitting homes ranked with reasons and the others with why not. */
export function MatchingPage() {
  useDocumentTitle('Matchning');
  const idPrefix = useId();
  const fieldId = (field: FieldKey) => `${idPrefix}-${field}`;
  const [values, setValues] = useState<FormValues>(INITIAL);
  const [municipalities, setMunicipalities] = useState<Municipalities>({ area: [], others: [] });
  const [errors, setErrors] = useState<Array<{ field: FieldKey | null; message: string }>>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [results, setResults] = useState<Results | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const ageRefs = useRef<Array<HTMLInputElement | null>>([]);
  const focusAge = useRef<number | null>(null);

  // Without the list, school and family municipality stay unset; matching still works.
  useEffect(
    () =>
      startQuery(MatchingAreaQuery, {}, (data) => {
        const inArea = new Set(data.matchingArea.map((m) => m.id));
        const byName = (a: OrganisationRef, b: OrganisationRef) => compareSv(a.name, b.name);
        setMunicipalities({
          area: [...data.matchingArea].sort(byName),
          others: data.municipalities.filter((m) => !inArea.has(m.id)).sort(byName),
        });
      }),
    [],
  );

  // After "Lägg till syskon" or "Ta bort", move focus to the age field that now matters.
  useEffect(() => {
    if (focusAge.current === null) return;
    ageRefs.current[focusAge.current]?.focus();
    focusAge.current = null;
  }, [values.ages.length]);

  function set<K extends keyof FormValues>(key: K, value: FormValues[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
  }

  function setAge(index: number, value: string) {
    setValues((previous) => ({ ...previous, ages: previous.ages.map((age, i) => (i === index ? value : age)) }));
  }

  function addSibling() {
    focusAge.current = values.ages.length;
    setValues((previous) => ({ ...previous, ages: [...previous.ages, ''] }));
  }

  function removeSibling(index: number) {
    focusAge.current = index - 1;
    setValues((previous) => ({ ...previous, ages: previous.ages.filter((_, i) => i !== index) }));
  }

  function showErrors(found: Array<{ field: FieldKey | null; message: string }>) {
    setErrors(found);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (searching) return;
    setFailure(null);
    const ageErrors = values.ages.flatMap((age, index) =>
      /^\d{1,2}$/.test(age.trim()) && Number(age) <= 20 ? [] : [{ field: `age-${index}` as FieldKey, message: `${ageLabel(index)}: ange åldern i hela år, 0–20.` }],
    );
    if (ageErrors.length > 0) {
      showErrors(ageErrors);
      return;
    }
    setErrors([]);
    setSearching(true);
    try {
      const { matchFosterHomes: result } = await graphql(MatchFosterHomesQuery, {
        needs: {
          ages: values.ages.map((age) => Number(age.trim())),
          kind: values.kind,
          languages: parseLanguages(values.languages),
          schoolMunicipalityId: values.schoolMunicipalityId || null,
          familyMunicipalityId: values.familyMunicipalityId || null,
          personalIdentityNumber: values.personalIdentityNumber.trim() || null,
          networkFirst: values.networkFirst,
        },
      });
      if (result.__typename === 'ValidationError') {
        setResults(null);
        showErrors(
          result.issues.length > 0
            ? result.issues.map((issue: ValidationIssue) => ({ field: fieldForPath(issue.path), message: issue.message }))
            : [{ field: null, message: result.message }],
        );
      } else {
        setResults(result.data);
        requestAnimationFrame(() => resultsRef.current?.focus());
      }
    } catch (error) {
      setResults(null);
      setFailure(`Sökningen kunde inte göras. ${errorMessage(error)}`);
    } finally {
      setSearching(false);
    }
  }

  const errorFor = (field: FieldKey) => errors.find((e) => e.field === field)?.message;
  const municipalityOptions = (
    <>
      <option value="">Inte angiven</option>
      {municipalities.area.length > 0 && (
        <optgroup label="Familjehemsenhetens kommuner">
          {municipalities.area.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
      )}
      {municipalities.others.length > 0 && (
        <optgroup label="Övriga kommuner">
          {municipalities.others.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
  const ids = { heading: `${idPrefix}-needs`, results: `${idPrefix}-results`, excluded: `${idPrefix}-excluded` };

  return (
    <>
      <h1>Matchning</h1>
      <p className="lead">
        Ange barnets behov. Familjehem som bryter mot något villkor i sitt godkännande, saknar lediga platser eller
        inte tar emot barn just nu utesluts; övriga rangordnas: nätverkshem för barnet först, sedan språk, närhet
        till skola och familj, kostnad och antal lediga platser.
      </p>

      <form className="panel matching-form" aria-labelledby={ids.heading} noValidate onSubmit={(event) => void handleSubmit(event)}>
        <h2 id={ids.heading}>Barnets behov</h2>

        {errors.length > 0 && (
          <ErrorSummary
            title="Sökningen kunde inte göras"
            errors={errors.map(({ field, message }) => ({ fieldId: field && fieldId(field), message }))}
            summaryRef={summaryRef}
          />
        )}

        <fieldset className="matching-form__group">
          <legend>Barn som ska placeras</legend>
          {values.ages.map((age, index) => {
            const field: FieldKey = `age-${index}`;
            return (
              <div key={index} className="field-row matching-form__age">
                <Field id={fieldId(field)} label={ageLabel(index)} error={errorFor(field)}>
                  {(control) => (
                    <input
                      {...control}
                      ref={(element) => {
                        ageRefs.current[index] = element;
                      }}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      max={20}
                      required
                      className="input--short"
                      value={age}
                      onChange={(e) => setAge(index, e.target.value)}
                    />
                  )}
                </Field>
                {index > 0 && (
                  <button type="button" className="button button--link" onClick={() => removeSibling(index)}>
                    Ta bort syskon {index + 1}
                  </button>
                )}
              </div>
            );
          })}
          <button type="button" className="button button--secondary" onClick={addSibling} disabled={values.ages.length >= 6}>
            Lägg till syskon
          </button>
          <p className="hint">Syskon som ska placeras tillsammans behöver ett hem med en ledig plats för varje barn.</p>
        </fieldset>

        <fieldset className="matching-form__group" id={fieldId('kind')} tabIndex={-1}>
          <legend>Typ av placering</legend>
          <FieldError id={`${fieldId('kind')}-error`} message={errorFor('kind')} />
          {PLACEMENT_NEED_KINDS.map((kind) => (
            <div key={kind} className="choice">
              <input
                id={`${idPrefix}-kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => set('kind', kind)}
              />
              <label htmlFor={`${idPrefix}-kind-${kind}`}>{PLACEMENT_NEED_KIND_LABELS[kind]}</label>
            </div>
          ))}
        </fieldset>

        <Field id={fieldId('languages')} label="Språk som barnet talar" hint="Skriv språken med kommatecken emellan, till exempel arabiska, svenska." error={errorFor('languages')}>
          {(control) => <input {...control} type="text" autoComplete="off" value={values.languages} onChange={(e) => set('languages', e.target.value)} />}
        </Field>

        <div className="field-row">
          <Field id={fieldId('schoolMunicipalityId')} label="Kommun där barnet går i skolan" error={errorFor('schoolMunicipalityId')} className="field field--grow">
            {(control) => (
              <select {...control} value={values.schoolMunicipalityId} onChange={(e) => set('schoolMunicipalityId', e.target.value)}>
                {municipalityOptions}
              </select>
            )}
          </Field>
          <Field id={fieldId('familyMunicipalityId')} label="Kommun där barnets familj bor" error={errorFor('familyMunicipalityId')} className="field field--grow">
            {(control) => (
              <select {...control} value={values.familyMunicipalityId} onChange={(e) => set('familyMunicipalityId', e.target.value)}>
                {municipalityOptions}
              </select>
            )}
          </Field>
        </div>

        <Field
          id={fieldId('personalIdentityNumber')}
          label="Barnets personnummer (valfritt)"
          hint="Behövs för hem som är godkända endast för ett namngivet barn, till exempel ett nätverkshem."
          error={errorFor('personalIdentityNumber')}
        >
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" value={values.personalIdentityNumber} onChange={(e) => set('personalIdentityNumber', e.target.value)} />}
        </Field>

        <div className="choice">
          <input id={`${idPrefix}-network-first`} type="checkbox" checked={values.networkFirst} onChange={(e) => set('networkFirst', e.target.checked)} />
          <label htmlFor={`${idPrefix}-network-first`}>Pröva nätverkshem först</label>
        </div>

        <div className="form-actions">
          <button type="submit" className="button" aria-busy={searching}>
            Sök familjehem
          </button>
          <p role="status" className="muted">
            {searching ? 'Söker…' : ''}
          </p>
        </div>
      </form>

      {failure && <ErrorAlert message={failure} />}

      {results && (
        <section aria-labelledby={ids.results} className="matching-results">
          <h2 id={ids.results} ref={resultsRef} tabIndex={-1}>
            Förslag på familjehem ({formatNumber(results.candidates.length)})
          </h2>
          {results.candidates.length === 0 ? (
            <p>Inget familjehem uppfyller villkoren för barnet just nu. Se de uteslutna hemmen nedan för skälen.</p>
          ) : (
            <ol className="match-list">
              {results.candidates.map((candidate) => (
                <li key={candidate.home.id} className="panel match-list__item">
                  <h3>
                    <span className="match-list__rank">{candidate.rank}.</span>{' '}
                    <Link to={`/familjehem/${encodeURIComponent(candidate.home.id)}`}>{candidate.home.name}</Link>
                  </h3>
                  <p className="match-list__meta">
                    {labelOf(FOSTER_HOME_KIND_LABELS, candidate.placeKind)} · {candidate.home.municipality.name} ·{' '}
                    {labelOf(MATCH_PROXIMITY_LABELS, candidate.proximity)} · {formatFreePlaces(candidate.freePlaces)}
                  </p>
                  <ul className="match-list__reasons" aria-label={`Skäl för ${candidate.home.name}`}>
                    {candidate.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}

          <h2 id={ids.excluded}>Uteslutna familjehem ({formatNumber(results.excluded.length)})</h2>
          {results.excluded.length === 0 ? (
            <p>Inget familjehem är uteslutet.</p>
          ) : (
            <details className="excluded-homes">
              <summary>Visa uteslutna familjehem och skälen</summary>
              <ul aria-labelledby={ids.excluded}>
                {results.excluded.map((excluded) => (
                  <li key={excluded.home.id}>
                    <Link to={`/familjehem/${encodeURIComponent(excluded.home.id)}`}>{excluded.home.name}</Link>: {excluded.reasons.join(' ')}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </>
  );
}
