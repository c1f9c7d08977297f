import { useId } from 'react';
import { Field, FieldError } from '../../../components/forms';
import type { NamedOrganisation } from './types';

/**
 * Organisations to check, as a fieldset; with `information`, each checked one asks what it may
 * share (a consent names that per organisation).
 */
export function OrganisationChecklist({
  legend,
  organisations,
  chosen,
  onChange,
  information = false,
  error,
}: {
  legend: string;
  organisations: readonly NamedOrganisation[];
  /** The checked organisations' ids, each with what it may share. */
  chosen: Readonly<Record<string, string>>;
  onChange: (chosen: Record<string, string>) => void;
  information?: boolean;
  error?: string | undefined;
}) {
  const id = useId();
  function toggle(organisationId: string, checked: boolean) {
    const next = { ...chosen };
    if (checked) next[organisationId] = '';
    else delete next[organisationId];
    onChange(next);
  }
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={`${id}-error`} message={error} />
      <ul className="norrbus-choice-list">
        {organisations.map((organisation) => (
          <li key={organisation.id}>
            <label className="choice">
              <input type="checkbox" checked={organisation.id in chosen} onChange={(e) => toggle(organisation.id, e.target.checked)} />
              {organisation.name}
            </label>
            {information && organisation.id in chosen && (
              <Field label={`Vilka uppgifter ${organisation.name} får dela`}>
                {(props) => <input {...props} type="text" value={chosen[organisation.id]} onChange={(e) => onChange({ ...chosen, [organisation.id]: e.target.value })} />}
              </Field>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** One organisation to choose, with an empty first choice when `emptyLabel` is given. */
export function OrganisationSelect({
  label,
  hint,
  error,
  organisations,
  value,
  onChange,
  emptyLabel,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  organisations: readonly NamedOrganisation[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel?: string;
}) {
  return (
    <Field label={label} {...(hint ? { hint } : {})} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          {emptyLabel && <option value="">{emptyLabel}</option>}
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** When and where a meeting is held: the day, the time of day and the place. */
export function WhenAndWhereFields({
  when,
  onChange,
  error,
}: {
  when: { date: string; time: string; location: string };
  onChange: (when: { date: string; time: string; location: string }) => void;
  error?: string | undefined;
}) {
  return (
    <div className="field-row">
      <Field label="Dag" error={error}>
        {(props) => <input {...props} type="date" value={when.date} onChange={(e) => onChange({ ...when, date: e.target.value })} />}
      </Field>
      <Field label="Tid">{(props) => <input {...props} type="time" value={when.time} onChange={(e) => onChange({ ...when, time: e.target.value })} />}</Field>
      <Field label="Plats">{(props) => <input {...props} type="text" value={when.location} onChange={(e) => onChange({ ...when, location: e.target.value })} />}</Field>
    </div>
  );
}
