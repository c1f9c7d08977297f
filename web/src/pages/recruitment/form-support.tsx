import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { errorMessage } from '../../api/errors';
import { graphql, type Operation } from '../../api/graphql';
import { expireSession } from '../../api/session';
import type { MutationResult, ValidationIssue } from '../../api/types';

/** Today's date in Sweden as YYYY-MM-DD: the default of the forms' date fields. */
export function todayInSweden(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export type Failure =
  | { kind: 'invalid'; message: string; issues: ValidationIssue[] }
  | { kind: 'rule'; rule: string; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'other'; message: string };

/**
 * Runs a mutation that answers with a result union. Resolves to the saved data, or to null after
 * showing the failure (focused, so keyboard and screen reader users land on it).
 */
export function useMutationResult<TData, TVariables>(mutation: Operation<{ result: MutationResult<TData> }, TVariables>) {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const fail = useCallback((next: Failure) => {
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

  const clear = useCallback(() => setFailure(null), []);
  return { submit, saving, failure, failureRef, clear };
}

/** The failure of a form, as an alert above it. A version conflict offers to reload. */
export function FailureAlert({ failure, failureRef, title, onReload }: { failure: Failure | null; failureRef: RefObject<HTMLDivElement | null>; title: string; onReload?: () => void }) {
  if (!failure) return null;
  return (
    <div ref={failureRef} tabIndex={-1} role="alert" className={`alert ${failure.kind === 'conflict' ? 'alert--warning' : 'alert--error'}`}>
      <p>
        <strong>{title}</strong>
      </p>
      {failure.kind === 'invalid' && failure.issues.length > 0 ? (
        <ul>
          {failure.issues.map((issue, index) => (
            <li key={index}>{issue.message}</li>
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

/** The message of the first issue for a field, by the server's path (e.g. householdMembers.1.personalIdentityNumber). */
export function issueFor(failure: Failure | null, path: string): string | undefined {
  return failure?.kind === 'invalid' ? failure.issues.find((issue) => issue.path === path)?.message : undefined;
}

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A labelled form control with its hint and error, tied together for screen readers. */
export function FormField({ id, label, hint, error, className = 'field', children }: { id: string; label: string; hint?: string; error?: string | undefined; className?: string; children: (control: ControlProps) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children({ id, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
    </div>
  );
}
