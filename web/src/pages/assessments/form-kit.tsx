import { useCallback, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../../api/errors';
import { graphql, type Operation } from '../../api/graphql';
import { expireSession } from '../../api/session';
import type { ValidationIssue } from '../../api/types';
import type { MutationResult } from './assessment-api';

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
 * Runs a mutation that answers with a result union: the success payload, or a failure to show
 * beside the form (focused, so keyboard and screen reader users land on it).
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
      setSaving(true);
      setFailure(null);
      try {
        const { result } = await graphql(mutation, variables);
        if ('data' in result) return result.data;
        switch (result.__typename) {
          case 'ValidationError':
            fail({ kind: 'invalid', message: result.message, issues: result.issues ?? [] });
            break;
          case 'RuleViolationError':
            fail({ kind: 'rule', rule: result.rule ?? '', message: result.message });
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
    [mutation, fail],
  );

  /** The message for a field, from the server's issues (path `conditions.places` → field `places`). */
  const fieldError = useCallback(
    (field: string): string | undefined =>
      failure?.kind === 'invalid' ? failure.issues.find((issue) => issue.path.split('.').at(-1) === field)?.message : undefined,
    [failure],
  );

  return { saving, failure, failureRef, submit, fieldError, fail, clearFailure: () => setFailure(null) };
}

/** The failure of a form, as an alert with a heading; validation issues are listed one by one. */
export function FailureAlert({
  failure,
  title,
  alertRef,
  onReload,
}: {
  failure: FormFailure | null;
  title: string;
  alertRef: RefObject<HTMLDivElement | null>;
  onReload?: () => void;
}) {
  if (!failure) return null;
  return (
    <div ref={alertRef} tabIndex={-1} role="alert" className={`alert ${failure.kind === 'conflict' ? 'alert--warning' : 'alert--error'} error-summary`}>
      <h3>{title}</h3>
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

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled field with its hint and error tied to the control for assistive technology. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
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
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="radio" name={`${id}-${name}`} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
