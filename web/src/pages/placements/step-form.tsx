import { useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { FailureAlert, type FormFailure } from '../../components/forms';

/**
 * A form for one step in the child's case, opened below its section: focus lands on its heading,
 * a refusal (with the rule's reason) or invalid input shows above the fields, and it can be closed.
 */
export function StepForm({
  title,
  failureTitle,
  submitLabel,
  saving,
  failure,
  failureRef,
  onSubmit,
  onCancel,
  children,
}: {
  title: string;
  failureTitle: string;
  submitLabel: string;
  saving: boolean;
  failure: FormFailure | null;
  failureRef: RefObject<HTMLDivElement | null>;
  onSubmit: () => Promise<void>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit();
  }

  return (
    <form className="step-form" aria-labelledby={headingId} noValidate onSubmit={handleSubmit}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      <FailureAlert failure={failure} title={failureTitle} failureRef={failureRef} summary />
      {children}
      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          {submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </form>
  );
}
