import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage, isAbortError } from '../../api/errors';
import { graphql } from '../../api/graphql';
import { expireSession } from '../../api/session';
import type { FosterHomeCore, FosterHomePlaces, ValidationIssue } from '../../api/types';
import { useViewer } from '../../components/viewer-context';
import { formatDate, formatNumber } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, labelOf } from '../../lib/labels';
import { formatAgeRange, parseLanguages, seesCapacity } from './capacity';
import { FosterHomePlacesQuery, UpdateFosterHomeLanguagesMutation } from './operations';
import './matching.css';

type PlacesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; places: FosterHomePlaces };

interface Props {
  home: Pick<FosterHomeCore, 'id' | 'version' | 'owner'>;
  /** The saved home's new version, so the page's other edit form stays current. */
  onSaved: (changes: Pick<FosterHomeCore, 'version' | 'updatedAt'>) => void;
}

/** "Platser" on a home's page: places by the approval in force, who occupies them, and the home's languages. */
export function HomePlacesSection({ home, onSaved }: Props) {
  const viewer = useViewer();
  const idPrefix = useId();
  const [state, setState] = useState<PlacesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!seesCapacity(viewer)) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    graphql(FosterHomePlacesQuery, { id: home.id }, { signal: controller.signal })
      .then(({ fosterHome }) => {
        if (fosterHome) setState({ status: 'ready', places: fosterHome });
        else setState({ status: 'error', message: 'Familjehemmets platser kunde inte hämtas.' });
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [home.id, viewer, attempt]);

  if (!seesCapacity(viewer)) return null;
  const headingId = `${idPrefix}-places`;
  const canEditLanguages =
    viewer.organisation.id === home.owner.id && viewer.roles.some((role) => role === 'FOSTER_CARE_WORKER' || role === 'HEAD_OF_UNIT');

  return (
    <section aria-labelledby={headingId} className="panel places-section">
      <h2 id={headingId}>Platser</h2>
      {state.status === 'loading' && (
        <p role="status" className="muted">
          Hämtar platserna…
        </p>
      )}
      {state.status === 'error' && (
        <div role="alert" className="alert alert--error">
          <p>{state.message}</p>
          <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
            Försök igen
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <Occupancy places={state.places} idPrefix={idPrefix} />
          <Languages
            home={home}
            languages={state.places.languages}
            canEdit={canEditLanguages}
            onSaved={(languages, changes) => {
              setState((previous) => (previous.status === 'ready' ? { status: 'ready', places: { ...previous.places, languages } } : previous));
              onSaved(changes);
            }}
          />
        </>
      )}
    </section>
  );
}

function Occupancy({ places, idPrefix }: { places: FosterHomePlaces; idPrefix: string }) {
  const { occupancy } = places;
  const hiddenOccupants = occupancy.occupiedPlaces - occupancy.occupants.length;
  const captionId = `${idPrefix}-occupants-caption`;
  return (
    <>
      {!occupancy.hasCurrentApproval && (
        <p className="alert alert--warning">
          Hemmet har inget gällande godkännande och därför inga platser att placera barn i.
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>Godkända platser</dt>
          <dd>{formatNumber(occupancy.approvedPlaces)}</dd>
        </div>
        <div>
          <dt>Belagda platser</dt>
          <dd>{formatNumber(occupancy.occupiedPlaces)}</dd>
        </div>
        <div>
          <dt>Lediga platser</dt>
          <dd>{formatNumber(occupancy.freePlaces)}</dd>
        </div>
        {occupancy.hasCurrentApproval && (
          <>
            <div>
              <dt>Godkänt för</dt>
              <dd>
                {occupancy.placeKind ? labelOf(FOSTER_HOME_KIND_LABELS, occupancy.placeKind) : '–'}, barn{' '}
                {formatAgeRange(occupancy.minChildAge, occupancy.maxChildAge)}
                {occupancy.forNamedChildOnly && <span className="facts__sub">Endast för ett namngivet barn</span>}
              </dd>
            </div>
            <div>
              <dt>Godkännandet gäller till</dt>
              <dd>{formatDate(occupancy.approvalValidUntil)}</dd>
            </div>
          </>
        )}
      </dl>

      <h3 id={captionId}>Placerade barn</h3>
      {occupancy.occupiedPlaces === 0 ? (
        <p className="muted">Inga barn är placerade i hemmet {formatDate(occupancy.day)}.</p>
      ) : (
        <>
          <p className="notice">
            <strong>Visningen loggas.</strong> Du ser de barn som din organisation har placerat, eller alla barn
            i hem som din organisation ansvarar för. Varje gång de visas registreras det i loggen.
          </p>
          {occupancy.occupants.length > 0 && (
            <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Namn</th>
                    <th scope="col" className="numeric">
                      Ålder
                    </th>
                    <th scope="col">Placerande kommun</th>
                    <th scope="col">Placerad sedan</th>
                  </tr>
                </thead>
                <tbody>
                  {occupancy.occupants.map((occupant) => (
                    <tr key={occupant.child.id}>
                      <th scope="row">
                        {occupant.child.givenName} {occupant.child.familyName}
                      </th>
                      <td className="numeric">{formatNumber(occupant.child.age)} år</td>
                      <td>{occupant.placingMunicipality.name}</td>
                      <td className="tabular">{formatDate(occupant.since)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {hiddenOccupants > 0 && (
            <p>
              {hiddenOccupants === 1
                ? '1 plats är belagd av ett barn som en annan kommun har placerat. Du ser bara antalet.'
                : `${formatNumber(hiddenOccupants)} platser är belagda av barn som andra kommuner har placerat. Du ser bara antalet.`}
            </p>
          )}
        </>
      )}
    </>
  );
}

interface LanguagesProps {
  home: Pick<FosterHomeCore, 'id' | 'version'>;
  languages: string[];
  canEdit: boolean;
  onSaved: (languages: string[], changes: Pick<FosterHomeCore, 'version' | 'updatedAt'>) => void;
}

function Languages({ home, languages, canEdit, onSaved }: LanguagesProps) {
  const idPrefix = useId();
  const inputId = `${idPrefix}-languages`;
  const hintId = `${idPrefix}-languages-hint`;
  const errorId = `${idPrefix}-languages-error`;
  const [text, setText] = useState(languages.join(', '));
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  function showError(message: string) {
    setError(message);
    setStatus('');
    requestAnimationFrame(() => inputRef.current?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    setError(null);
    setSaving(true);
    setStatus('Sparar språken…');
    try {
      const { updateFosterHome: result } = await graphql(UpdateFosterHomeLanguagesMutation, {
        input: { id: home.id, expectedVersion: home.version, languages: parseLanguages(text) },
      });
      switch (result.__typename) {
        case 'MutationUpdateFosterHomeSuccess':
          setStatus('Språken är sparade.');
          onSaved(result.data.languages, { version: result.data.version, updatedAt: result.data.updatedAt });
          break;
        case 'ValidationError':
          showError(result.issues.map((issue: ValidationIssue) => issue.message).join(' ') || result.message);
          break;
        case 'VersionConflictError':
          showError('Familjehemmet har ändrats av någon annan sedan du öppnade det. Ladda om sidan och gör ändringen igen.');
          break;
        case 'UnauthenticatedError':
          expireSession();
          break;
        default:
          showError(result.message);
      }
    } catch (caught) {
      showError(`Språken kunde inte sparas. ${errorMessage(caught)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <h3>Språk i hemmet</h3>
      <p>{languages.length > 0 ? languages.join(', ') : 'Inga språk är registrerade.'}</p>
      {canEdit && (
        <form className="edit-form" aria-label="Ändra språk i hemmet" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <div className="field">
            <label htmlFor={inputId}>Språk som talas i hemmet</label>
            <span id={hintId} className="hint">
              Skriv språken med kommatecken emellan, till exempel svenska, arabiska.
            </span>
            {error && (
              <p id={errorId} className="field-error">
                <span className="visually-hidden">Fel: </span>
                {error}
              </p>
            )}
            <input
              ref={inputRef}
              id={inputId}
              type="text"
              value={text}
              autoComplete="off"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
              onChange={(event) => setText(event.target.value)}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--secondary" aria-busy={saving}>
              Spara språk
            </button>
            <p role="status" className="muted">
              {status}
            </p>
          </div>
        </form>
      )}
    </>
  );
}
