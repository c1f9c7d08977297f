import { useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/errors';
import { graphql } from '../api/graphql';
import { expireSession } from '../api/session';
import { UpdateFosterHomeMutation } from '../api/operations';
import {
  FOSTER_HOME_STATUSES,
  type FosterHomeCore,
  type FosterHomeStatus,
  type UpdateFosterHomeInput,
  type ValidationIssue,
} from '../api/types';
import { FOSTER_HOME_STATUS_LABELS } from '../lib/labels';
import { ErrorSummary, Field } from './forms';

const FIELDS = ['name', 'status', 'places', 'streetAddress', 'postalCode', 'city'] as const;
type FieldName = (typeof FIELDS)[number];

const FIELD_LABELS: Record<FieldName, string> = {
  name: 'Namn',
  status: 'Status',
  places: 'Antal platser',
  streetAddress: 'Gatuadress',
  postalCode: 'Postnummer',
  city: 'Ort',
};

type FormValues = Record<FieldName, string>;
type FieldErrors = Partial<Record<FieldName, string>>;

export const VERSION_CONFLICT_MESSAGE =
  'Familjehemmet har ändrats av någon annan sedan du öppnade det. Ladda om för att se den senaste versionen.';

function valuesOf(home: FosterHomeCore): FormValues {
  return {
    name: home.name,
    status: home.status,
    places: String(home.places),
    streetAddress: home.streetAddress ?? '',
    postalCode: home.postalCode ?? '',
    city: home.city ?? '',
  };
}

/** Maps a server issue path such as `input.places` or `places` to a form field. */
function fieldForPath(path: string): FieldName | null {
  const segments = path.split(/[./[\]]+/).filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment && (FIELDS as readonly string[]).includes(segment)) return segment as FieldName;
  }
  return null;
}

function validate(values: FormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors.name = 'Ange familjehemmets namn.';
  if (!/^\d+$/.test(values.places.trim())) {
    errors.places = 'Ange antal platser som ett heltal, 0 eller fler.';
  }
  return errors;
}

/** Only the fields that changed; an emptied optional field is sent as null (cleared). */
function changedInput(home: FosterHomeCore, values: FormValues): UpdateFosterHomeInput | null {
  const input: UpdateFosterHomeInput = { id: home.id, expectedVersion: home.version };
  let changed = false;
  const name = values.name.trim();
  if (name !== home.name) {
    input.name = name;
    changed = true;
  }
  if (values.status !== home.status) {
    input.status = values.status as FosterHomeStatus;
    changed = true;
  }
  const places = Number.parseInt(values.places.trim(), 10);
  if (places !== home.places) {
    input.places = places;
    changed = true;
  }
  for (const field of ['streetAddress', 'postalCode', 'city'] as const) {
    const value = values[field].trim();
    if (value !== (home[field] ?? '')) {
      input[field] = value === '' ? null : value;
      changed = true;
    }
  }
  return changed ? input : null;
}

interface Props {
  home: FosterHomeCore;
  headingId: string;
  onSaved: (home: FosterHomeCore) => void;
  onReload: () => void;
  onStatus: (message: string, tone?: 'info' | 'success' | 'error') => void;
}

export function EditFosterHomeForm({ home, headingId, onSaved, onReload, onStatus }: Props) {
  const idPrefix = useId();
  const fieldId = (field: FieldName) => `${idPrefix}-${field}`;

  const [values, setValues] = useState<FormValues>(() => valuesOf(home));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  function setValue(field: FieldName, value: string) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function resetMessages() {
    setFieldErrors({});
    setOtherErrors([]);
    setConflict(false);
    setFailure(null);
  }

  function showErrors(errors: FieldErrors, others: string[]) {
    setFieldErrors(errors);
    setOtherErrors(others);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function showValidationIssues(message: string, issues: ValidationIssue[]) {
    const errors: FieldErrors = {};
    const others: string[] = [];
    for (const issue of issues) {
      const field = fieldForPath(issue.path);
      if (field && !errors[field]) errors[field] = issue.message;
      else others.push(issue.message);
    }
    if (issues.length === 0) others.push(message);
    showErrors(errors, others);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    resetMessages();
    onStatus('');

    const errors = validate(values);
    if (Object.keys(errors).length > 0) {
      showErrors(errors, []);
      return;
    }
    const input = changedInput(home, values);
    if (!input) {
      onStatus('Det finns inga ändringar att spara.');
      return;
    }

    setSaving(true);
    onStatus('Sparar…');
    try {
      const { result } = await graphql(UpdateFosterHomeMutation, { input });
      if ('data' in result) {
        setValues(valuesOf(result.data));
        onSaved(result.data);
        onStatus('Ändringarna är sparade.', 'success');
        return;
      }
      switch (result.__typename) {
        case 'VersionConflictError':
          onStatus('');
          setConflict(true);
          requestAnimationFrame(() => conflictRef.current?.focus());
          break;
        case 'ValidationError':
          onStatus('');
          showValidationIssues(result.message, result.issues);
          break;
        case 'NotFoundError':
        case 'ForbiddenError':
          onStatus('');
          setFailure(result.message);
          requestAnimationFrame(() => failureRef.current?.focus());
          break;
        case 'UnauthenticatedError':
          // The session has ended; the layout sends the user to the sign-in page.
          expireSession();
          break;
        default:
          onStatus('');
          setFailure('Ändringarna kunde inte sparas. Försök igen.');
          requestAnimationFrame(() => failureRef.current?.focus());
      }
    } catch (error) {
      onStatus('');
      setFailure(`Ändringarna kunde inte sparas. ${errorMessage(error)}`);
      requestAnimationFrame(() => failureRef.current?.focus());
    } finally {
      setSaving(false);
    }
  }

  function handleUndo() {
    resetMessages();
    setValues(valuesOf(home));
    onStatus('Dina ändringar är ångrade.');
  }

  const summaryErrors = [
    ...FIELDS.flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ fieldId: fieldId(field), message: `${FIELD_LABELS[field]}: ${message}` }] : [];
    }),
    ...otherErrors.map((message) => ({ fieldId: null, message })),
  ];

  return (
    <form
      className="edit-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void handleSubmit(event)}
    >
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert" className="alert alert--warning">
          <p>
            <strong>{VERSION_CONFLICT_MESSAGE}</strong>
          </p>
          <p>Dina ändringar är inte sparade. Skriv gärna av dem innan du laddar om.</p>
          <button type="button" className="button" onClick={onReload}>
            Ladda om
          </button>
        </div>
      )}

      {failure && (
        <div ref={failureRef} tabIndex={-1} role="alert" className="alert alert--error">
          <p>{failure}</p>
        </div>
      )}

      {summaryErrors.length > 0 && <ErrorSummary title="Ändringarna kunde inte sparas" errors={summaryErrors} summaryRef={summaryRef} />}

      <Field id={fieldId('name')} label={FIELD_LABELS.name} error={fieldErrors.name}>
        {(control) => <input {...control} name="name" value={values.name} type="text" required autoComplete="off" onChange={(e) => setValue('name', e.target.value)} />}
      </Field>

      <div className="field-row">
        <Field id={fieldId('status')} label={FIELD_LABELS.status} error={fieldErrors.status}>
          {(control) => (
            <select {...control} name="status" value={values.status} onChange={(e) => setValue('status', e.target.value)}>
              {FOSTER_HOME_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {FOSTER_HOME_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('places')} label={FIELD_LABELS.places} error={fieldErrors.places}>
          {(control) => (
            <input
              {...control}
              name="places"
              value={values.places}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              required
              className="input--short"
              onChange={(e) => setValue('places', e.target.value)}
            />
          )}
        </Field>
      </div>

      <Field id={fieldId('streetAddress')} label={FIELD_LABELS.streetAddress} error={fieldErrors.streetAddress}>
        {(control) => <input {...control} name="streetAddress" value={values.streetAddress} type="text" autoComplete="off" onChange={(e) => setValue('streetAddress', e.target.value)} />}
      </Field>

      <div className="field-row">
        <Field id={fieldId('postalCode')} label={FIELD_LABELS.postalCode} error={fieldErrors.postalCode}>
          {(control) => (
            <input
              {...control}
              name="postalCode"
              value={values.postalCode}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="input--short"
              onChange={(e) => setValue('postalCode', e.target.value)}
            />
          )}
        </Field>
        <Field id={fieldId('city')} label={FIELD_LABELS.city} error={fieldErrors.city} className="field field--grow">
          {(control) => <input {...control} name="city" value={values.city} type="text" autoComplete="off" onChange={(e) => setValue('city', e.target.value)} />}
        </Field>
      </div>

      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Spara
        </button>
        <button type="button" className="button button--link" onClick={handleUndo}>
          Ångra ändringar
        </button>
      </div>
    </form>
  );
}
