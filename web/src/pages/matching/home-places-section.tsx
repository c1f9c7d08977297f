import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';
import { graphql, startQuery } from '../../api/graphql';
import { expireSession } from '../../api/session';
import type { FosterHomeCore, FosterHomePlaces } from '../../api/types';
import { DataTable } from '../../components/data-table';
import { Field } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
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
    setState({ status: 'loading' });
    return startQuery(
      FosterHomePlacesQuery,
      { id: home.id },
      ({ fosterHome }) => {
        if (fosterHome) setState({ status: 'ready', places: fosterHome });
        else setState({ status: 'error', message: 'Familjehemmets platser kunde inte hämtas.' });
      },
      (message) => setState({ status: 'error', message }),
    );
  }, [home.id, viewer, attempt]);

  if (!seesCapacity(viewer)) return null;
  const headingId = `${idPrefix}-places`;
  const canEditLanguages =
    viewer.organisation.id === home.owner.id && viewer.roles.some((role) => role === 'FOSTER_CARE_WORKER' || role === 'HEAD_OF_UNIT');

  return (
    <section aria-labelledby={headingId} className="panel places-section">
      <h2 id={headingId}>Platser</h2>
      {state.status === 'loading' && <Loading>Hämtar platserna…</Loading>}
      {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
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
            <DataTable labelledBy={captionId}>
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
            </DataTable>
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
      const { result } = await graphql(UpdateFosterHomeLanguagesMutation, {
        input: { id: home.id, expectedVersion: home.version, languages: parseLanguages(text) },
      });
      if ('data' in result) {
        setStatus('Språken är sparade.');
        onSaved(result.data.languages, { version: result.data.version, updatedAt: result.data.updatedAt });
        return;
      }
      switch (result.__typename) {
        case 'ValidationError':
          showError(result.issues.map((issue) => issue.message).join(' ') || result.message);
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
          <Field label="Språk som talas i hemmet" hint="Skriv språken med kommatecken emellan, till exempel svenska, arabiska." error={error}>
            {(control) => <input {...control} ref={inputRef} type="text" value={text} autoComplete="off" onChange={(event) => setText(event.target.value)} />}
          </Field>
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
