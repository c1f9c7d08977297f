import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { startQuery } from '../../../api/graphql';
import { BackLink } from '../../../components/back-link';
import { FailureAlert, Field, RadioGroup, todayInSweden, useMutationForm } from '../../../components/forms';
import { ErrorAlert, Loading } from '../../../components/page-states';
import { useViewer } from '../../../components/viewer-context';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { GENDER_LABELS, municipalitiesOf } from './labels';
import { CreateNorrbusMeetingMutation, NewMeetingChoicesQuery } from './operations';
import { meetingPath } from './overview-page';
import type { NorrbusGender, PartyOrganisation, PersonName } from './types';
import './meetings.css';

const GENDERS: NorrbusGender[] = ['GIRL', 'BOY', 'OTHER'];

type Choices = { persons: PersonName[]; municipalities: PartyOrganisation[] };

/**
 * /norrbus/moten/ny — a convener takes the initiative to a Norrbusmöte: about a young person the
 * organisation has registered, or one registered now (up to and including 20 years), with the reason.
 */
export function NewNorrbusMeetingPage() {
  useDocumentTitle('Nytt Norrbusmöte');
  const viewer = useViewer();
  const navigate = useNavigate();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [who, setWho] = useState<'new' | 'existing'>('new');
  const [personId, setPersonId] = useState('');
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [personalIdentityNumber, setPersonalIdentityNumber] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [gender, setGender] = useState<NorrbusGender | ''>('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [guardians, setGuardians] = useState<string[]>(['', '']);
  const [placedOutsideHome, setPlacedOutsideHome] = useState(false);
  const [initiatedOn, setInitiatedOn] = useState(todayInSweden());
  const [initiativeReason, setInitiativeReason] = useState('');
  const { saving, failure, failureRef, submit, fieldError } = useMutationForm(CreateNorrbusMeetingMutation);

  useEffect(
    () =>
      startQuery(
        NewMeetingChoicesQuery,
        {},
        ({ norrbusPersons, organisations }) => setChoices({ persons: norrbusPersons, municipalities: municipalitiesOf(organisations, viewer.organisation.id) }),
        setLoadError,
      ),
    [viewer.organisation.id],
  );

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const saved = await submit({
      input: {
        personId: who === 'existing' ? personId || null : null,
        person:
          who === 'new'
            ? {
                givenName,
                familyName,
                personalIdentityNumber: personalIdentityNumber.trim() || null,
                birthDate: personalIdentityNumber.trim() ? null : birthDate || null,
                gender: (gender || null) as NorrbusGender,
                municipalityId,
                guardians: guardians.map((g) => g.trim()).filter(Boolean),
                placedOutsideHome,
              }
            : null,
        initiatedOn,
        initiativeReason,
      },
    });
    if (saved) navigate(meetingPath(saved.id));
  }

  return (
    <div className="page--narrow">
      <BackLink to="/norrbus">Tillbaka till mina Norrbusmöten</BackLink>
      <h1>Nytt Norrbusmöte</h1>
      <p className="lead">Ett Norrbusmöte gäller en ung person till och med 20 år som behöver samordnat stöd från skola, socialtjänst och hälso- och sjukvård.</p>
      {loadError && <ErrorAlert message={loadError} />}
      {!choices && !loadError && <Loading>Hämtar uppgifter…</Loading>}
      {choices && (
        <form className="norrbus-form" aria-label="Nytt Norrbusmöte" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FailureAlert failure={failure} title="Mötet kunde inte skapas" failureRef={failureRef} summary />
          <RadioGroup<'new' | 'existing'>
            legend="Den unge"
            name="who"
            value={who}
            options={[
              { value: 'new', label: 'Registrera en ny ung person' },
              { value: 'existing', label: `Redan registrerad hos oss (${choices.persons.length})` },
            ]}
            onChange={setWho}
          />
          {who === 'existing' ? (
            <Field label="Välj den unge" error={fieldError('personId')}>
              {(props) => (
                <select {...props} value={personId} onChange={(e) => setPersonId(e.target.value)}>
                  <option value="">Välj…</option>
                  {choices.persons.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.familyName}, {person.givenName}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <fieldset>
              <legend>Uppgifter om den unge</legend>
              <div className="field-row">
                <Field label="Förnamn" error={fieldError('givenName')}>
                  {(props) => <input {...props} type="text" autoComplete="off" value={givenName} onChange={(e) => setGivenName(e.target.value)} />}
                </Field>
                <Field label="Efternamn" error={fieldError('familyName')}>
                  {(props) => <input {...props} type="text" autoComplete="off" value={familyName} onChange={(e) => setFamilyName(e.target.value)} />}
                </Field>
              </div>
              <div className="field-row">
                <Field label="Personnummer" hint="ÅÅÅÅMMDD-NNNN" error={fieldError('personalIdentityNumber')}>
                  {(props) => <input {...props} type="text" autoComplete="off" value={personalIdentityNumber} onChange={(e) => setPersonalIdentityNumber(e.target.value)} />}
                </Field>
                <Field label="Födelsedatum" hint="Bara om personnumret inte är känt" error={fieldError('birthDate')}>
                  {(props) => <input {...props} type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} />}
                </Field>
              </div>
              <RadioGroup<NorrbusGender> legend="Kön" name="gender" value={gender} options={GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))} onChange={setGender} error={fieldError('gender')} />
              <Field label="Hemkommun" error={fieldError('municipalityId')}>
                {(props) => (
                  <select {...props} value={municipalityId} onChange={(e) => setMunicipalityId(e.target.value)}>
                    <option value="">Välj kommun…</option>
                    {choices.municipalities.map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {guardians.map((guardian, index) => (
                <Field key={index} label={`Vårdnadshavare ${index + 1}`} hint={index === 0 ? 'Under 18 år samtycker också vårdnadshavarna.' : undefined} error={fieldError(`guardians.${index}`) ?? (index === 0 ? fieldError('guardians') : undefined)}>
                  {(props) => <input {...props} type="text" autoComplete="off" value={guardian} onChange={(e) => setGuardians(guardians.map((g, i) => (i === index ? e.target.value : g)))} />}
                </Field>
              ))}
              {guardians.length < 4 && (
                <button type="button" className="button button--secondary" onClick={() => setGuardians([...guardians, ''])}>
                  Lägg till vårdnadshavare
                </button>
              )}
              <label className="choice">
                <input type="checkbox" checked={placedOutsideHome} onChange={(e) => setPlacedOutsideHome(e.target.checked)} />
                Placerad utanför hemmet (då samordnar socialtjänsten)
              </label>
            </fieldset>
          )}
          <Field label="Dag för initiativet" error={fieldError('initiatedOn')}>
            {(props) => <input {...props} type="date" value={initiatedOn} onChange={(e) => setInitiatedOn(e.target.value)} />}
          </Field>
          <Field label="Skäl till initiativet" hint="Varför den unge behöver samordnat stöd." error={fieldError('initiativeReason')}>
            {(props) => <textarea {...props} value={initiativeReason} onChange={(e) => setInitiativeReason(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button" aria-busy={saving}>
              Skapa mötet
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
