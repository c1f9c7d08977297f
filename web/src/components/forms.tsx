import { useCallback, useId, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../api/errors';
import { graphql, type Operation } from '../api/graphql';
import { expireSession } from '../api/session';
import type { MutationResult, ValidationIssue } from '../api/types';

/** Today's date in Sweden as YYYY-MM-DD, the default for the forms' date fields. */
export function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export type FormFailure =
  | { kind: 'invalid'; message: string; issues: ValidationIssue[] }
  | { kind: 'rule'; rule: string; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'other'; message: string };

/**
 * Runs a mutation that answers with a result union. Resolves to the saved data, or to null after
 * showing the failure (focused, so keyboard and screen reader users land on it).
 */
export function useMutationForm<TData, TVariables>(mutation: Operation<{ result: MutationResult<TData> }, TVariables>) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const fail = useCallback((next: FormFailure) => {
    setFailure(next);
    requestAnimationFrame(() => failureRef.current?.focus());
  }, []);

  const submit = useCallback(
    async (variables: TVariables): Promise<TData | null> => {
      if (saving) return null;
      setSaving(true);
      setFailure(null);
      try {
        const { result } = await graphql(mutation, variables);
        if ('data' in result) return result.data;
        switch (result.__typename) {
          case 'ValidationError':
            fail({ kind: 'invalid', message: result.message, issues: result.issues });
            break;
          case 'RuleViolationError':
            fail({ kind: 'rule', rule: result.rule, message: result.message });
            break;
          case 'VersionConflictError':
            fail({ kind: 'conflict', message: result.message });
            break;
          case 'UnauthenticatedError':
            // The session has ended; the layout sends the user to the sign-in page.
            expireSession();
            break;
          default:
            fail({ kind: 'other', message: result.message });
        }
      } catch (error) {
        fail({ kind: 'other', message: errorMessage(error) });
      } finally {
        setSaving(false);
      }
      return null;
    },
    [mutation, fail, saving],
  );

  /**
   * The message for a field, from the server's issues: by the whole path (`householdMembers.1.role`)
   * or by its end (path `conditions.places` → field `places`).
   */
  const fieldError = useCallback(
    (field: string): string | undefined =>
      failure?.kind === 'invalid' ? failure.issues.find((issue) => issue.path === field || issue.path.endsWith(`.${field}`))?.message : undefined,
    [failure],
  );

  return { saving, failure, failureRef, submit, fieldError, fail };
}

/**
 * The failure of a form, as an alert above it; validation issues are listed one by one. As an error
 * summary its title is a heading. A version conflict offers to reload.
 */
export function FailureAlert({
  failure,
  title,
  failureRef,
  summary = false,
  onReload,
}: {
  failure: FormFailure | null;
  title: string;
  failureRef: RefObject<HTMLDivElement | null>;
  summary?: boolean;
  onReload?: () => void;
}) {
  if (!failure) return null;
  return (
    <div ref={failureRef} tabIndex={-1} role="alert" className={`alert ${failure.kind === 'conflict' ? 'alert--warning' : 'alert--error'}${summary ? ' error-summary' : ''}`}>
      {summary ? (
        <h3>{title}</h3>
      ) : (
        <p>
          <strong>{title}</strong>
        </p>
      )}
      {failure.kind === 'invalid' && failure.issues.length > 0 ? (
        <ul>
          {failure.issues.map((issue, index) => (
            <li key={`${issue.path}-${index}`}>{issue.message}</li>
          ))}
        </ul>
      ) : (
        <p>{failure.message}</p>
      )}
      {failure.kind === 'conflict' && onReload && (
        <button type="button" className="button" onClick={onReload}>
          Ladda om
        </button>
      )}
    </div>
  );
}

/** The errors to correct before a form is sent, as an error summary; an error of a field links to it. */
export function ErrorSummary({
  title,
  errors,
  summaryRef,
}: {
  title: string;
  errors: ReadonlyArray<{ fieldId: string | null; message: string }>;
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    event.preventDefault();
    document.getElementById(fieldId)?.focus();
  }
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" className="alert alert--error error-summary">
      <h3>{title}</h3>
      <ul>
        {errors.map(({ fieldId, message }, index) => (
          <li key={`${fieldId ?? 'other'}-${index}`}>
            {fieldId ? (
              <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's error, for the control to point at with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">Fel: </span>
      {message}
    </p>
  );
}

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** The control's id; a generated one unless given. */
  id?: string;
  label: string;
  hint?: string;
  error?: string | null | undefined;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and error, tied to the control for screen readers. */
export function Field({ id, label, hint, error, className = 'field', children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={controlId}>{label}</label>
      {hint && (
        <span id={`${controlId}-hint`} className="hint">
          {hint}
        </span>
      )}
      <FieldError id={`${controlId}-error`} message={error} />
      {children({ id: controlId, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}

/** A group of radio buttons with a legend. */
export function RadioGroup<Value extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: Value | '';
  options: ReadonlyArray<{ value: Value; label: string }>;
  onChange: (value: Value) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={`${id}-error`} message={error} />
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name={`${id}-${name}`} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** The buttons of a filter form: apply it, and "Rensa filter" while a filter is set (given `onClear`). */
export function FilterActions({ submitLabel, onClear }: { submitLabel: string; onClear?: (() => void) | undefined }) {
  return (
    <div className="filters__actions">
      <button type="submit" className="button button--secondary">
        {submitLabel}
      </button>
      {onClear && (
        <button type="button" className="button button--link" onClick={onClear}>
          Rensa filter
        </button>
      )}
    </div>
  );
}
