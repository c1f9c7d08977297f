import { useId } from 'react';
import type { Viewer } from '../../api/types';
import { Field, FieldError } from '../../components/forms';
import { compareSv } from '../../lib/format';
import type { OrganisationOption } from './operations';

/** The organisations of the viewer's county (Norrbus is county-wide), the steering group aside. */
export function countyOrganisations(organisations: readonly OrganisationOption[], viewer: Viewer): OrganisationOption[] {
  const county = organisations.find((o) => o.id === viewer.organisation.id)?.county ?? null;
  return organisations.filter((o) => o.county === county && o.kind !== 'STEERING_GROUP').sort((a, b) => compareSv(a.name, b.name));
}

/** The viewer's own municipality, or the one its organisation belongs to, as the default choice. */
export function defaultMunicipalityId(organisations: readonly OrganisationOption[], viewer: Viewer): string {
  const own = organisations.find((o) => o.id === viewer.organisation.id);
  if (own?.kind === 'MUNICIPALITY') return own.id;
  const parent = organisations.find((o) => o.id === own?.parent?.id);
  return parent?.kind === 'MUNICIPALITY' ? parent.id : '';
}

export function MunicipalitySelect({
  organisations,
  value,
  onChange,
  error,
}: {
  organisations: readonly OrganisationOption[];
  value: string;
  onChange: (id: string) => void;
  error: string | undefined;
}) {
  return (
    <Field label="Kommun" hint="Kommunen där det hände; länsdelen följer med." error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Välj kommun</option>
          {organisations
            .filter((o) => o.kind === 'MUNICIPALITY')
            .map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** Organisations to tick (the parties concerned), in a fieldset with a legend. */
export function OrganisationCheckboxes({
  legend,
  hint,
  organisations,
  selected,
  onChange,
  error,
}: {
  legend: string;
  hint: string;
  organisations: readonly OrganisationOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  error: string | undefined;
}) {
  const id = useId();
  const toggle = (organisationId: string, checked: boolean) =>
    onChange(checked ? [...selected, organisationId] : selected.filter((selectedId) => selectedId !== organisationId));
  return (
    <fieldset className="choice-group organisation-choices" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {organisations
        .filter((o) => o.kind !== 'MUNICIPALITY')
        .map((o) => (
          <label key={o.id} className="choice">
            <input type="checkbox" checked={selected.includes(o.id)} onChange={(e) => toggle(o.id, e.target.checked)} />
            {o.name}
          </label>
        ))}
    </fieldset>
  );
}

/**
 * The choices left empty, as validation issues: the server cannot even read a request without a
 * municipality or an enum value, so the form says so itself.
 */
export function missingChoices(choices: ReadonlyArray<readonly [path: string, value: string, message: string]>): Array<{ path: string; message: string }> {
  return choices.filter(([, value]) => value === '').map(([path, , message]) => ({ path, message }));
}
