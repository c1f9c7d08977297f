import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { ValidationIssue } from '../../api/types';
import { FailureAlert, Field, type FormFailure } from '../../components/forms';
import { parseKronor } from '../../lib/money';
import './cost-forms.css';

/**
 * A titled form of the price list or budget: the failure above the fields, one submit button. An
 * inline form (one figure of a list) keeps its title for screen readers and puts the button beside
 * the field.
 */
export function CostForm({
  heading,
  inline = false,
  submitLabel,
  saving,
  failure,
  failureRef,
  failureTitle,
  onSubmit,
  onReload,
  children,
}: {
  heading: string;
  inline?: boolean;
  submitLabel: string;
  saving: boolean;
  failure: FormFailure | null;
  failureRef: RefObject<HTMLDivElement | null>;
  failureTitle: string;
  onSubmit: () => Promise<void>;
  onReload?: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit();
  }
  return (
    <form className={inline ? 'cost-inline-form' : 'panel'} aria-labelledby={headingId} noValidate onSubmit={handleSubmit}>
      <h3 id={headingId} className={inline ? 'visually-hidden' : undefined}>
        {heading}
      </h3>
      <FailureAlert failure={failure} failureRef={failureRef} title={failureTitle} onReload={onReload} />
      <div className={inline ? 'field-row cost-inline-form__row' : undefined}>
        {children}
        <div className="form-actions">
          <button type="submit" className="button" aria-busy={saving}>
            {submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}

/** An amount entered in kronor ("1 234,50"), sent as öre. */
export function KronorField({ label, value, onChange, error, hint = 'I kronor, t.ex. 1 234,50.' }: { label: string; value: string; onChange: (value: string) => void; error: string | undefined; hint?: string }) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => <input {...control} className="input--short" type="text" inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * The amounts of a form in öre (none negative), or the issues to show when one is not an amount in
 * kronor; the issues go through the form's failure, so they are listed above the form and beside
 * the fields.
 */
export function parseAmounts<Key extends string>(
  fields: Record<Key, { text: string; label: string }>,
): { amounts: Record<Key, number>; issues: [] } | { amounts: null; issues: ValidationIssue[] } {
  const amounts = {} as Record<Key, number>;
  const issues: ValidationIssue[] = [];
  for (const [path, field] of Object.entries(fields) as Array<[Key, { text: string; label: string }]>) {
    const ore = parseKronor(field.text);
    if (ore === null) issues.push({ path, message: `Ange ${field.label.toLowerCase()} i kronor med högst två decimaler, t.ex. 1 234,50.` });
    else if (ore < 0) issues.push({ path, message: `${field.label} kan inte vara negativt.` });
    else amounts[path] = ore;
  }
  return issues.length > 0 ? { amounts: null, issues } : { amounts, issues: [] };
}

/** Client-side issues as the failure of a form, in the same shape as the server's. */
export function invalid(issues: ValidationIssue[]): FormFailure {
  return { kind: 'invalid', message: 'Uppgifterna är inte giltiga.', issues };
}
