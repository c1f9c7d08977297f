import { useId, useState, type FormEvent } from 'react';
import type { Operation } from '../../api/graphql';
import type { MutationResult } from '../../api/types';
import { Field, FailureAlert, todayInSweden, useMutationForm } from '../../components/forms';

interface ActionFormProps<TData, TInput> {
  heading: string;
  /** What the action does and what it needs, above the fields. */
  hint?: string;
  /** The free text's label; without it the form has no text field. */
  textLabel?: string;
  textHint?: string;
  submitLabel: string;
  /** The earliest day the action can be dated. */
  notBefore?: string;
  mutation: Operation<{ result: MutationResult<TData> }, { input: TInput }>;
  input: (text: string, occurredOn: string) => TInput;
  onSaved: (saved: TData) => void;
  onReload?: () => void;
}

/**
 * One dated action on a deviation or dispute (analyse, clear, escalate, decide, close, state a
 * position, record an outcome): a heading, maybe a text, the day and a button. A refusal, such as
 * a text that names the young person, is shown above the fields.
 */
export function ActionForm<TData, TInput>({ heading, hint, textLabel, textHint, submitLabel, notBefore, mutation, input, onSaved, onReload }: ActionFormProps<TData, TInput>) {
  const headingId = `${useId()}-heading`;
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(mutation);
  const [text, setText] = useState('');
  const [occurredOn, setOccurredOn] = useState(todayInSweden);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({ input: input(text.trim(), occurredOn) });
    if (saved) {
      setText('');
      onSaved(saved);
    }
  }

  return (
    <form className="action-block deviation-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>{heading}</h3>
      {hint && <p className="hint">{hint}</p>}
      <FailureAlert failure={failure} failureRef={failureRef} title="Det gick inte att registrera" onReload={onReload} />
      {textLabel && (
        <Field label={textLabel} hint={textHint} error={fieldError('summary') ?? fieldError('analysis') ?? fieldError('decision') ?? fieldError('position') ?? fieldError('outcome')}>
          {(control) => <textarea {...control} rows={4} value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
      )}
      <Field label="Datum" error={fieldError('occurredOn')}>
        {(control) => <input {...control} type="date" min={notBefore} max={todayInSweden()} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}
      </Field>
      <button type="submit" className="button" aria-busy={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
