import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { INQUIRY_KINDS, RECRUITMENT_SOURCES, type FosterHomeKind, type InquiryMemberInput, type OrganisationRef, type RecruitmentSource } from '../../api/types';
import { FailureAlert, Field, FieldError, todayInSweden, useMutationForm } from '../../components/forms';
import { compareSv } from '../../lib/format';
import { FOSTER_HOME_KIND_LABELS, HOUSEHOLD_ROLE_LABELS, RECRUITMENT_SOURCE_LABELS } from '../../lib/labels';
import { InquiryOptionsQuery, RegisterInquiryMutation } from './operations';

type Member = InquiryMemberInput;
const emptyMember = (role: Member['role'] = 'adult'): Member => ({ givenName: '', familyName: '', personalIdentityNumber: '', role });
const MEMBER_ROLES: ReadonlyArray<Member['role']> = ['adult', 'child', 'other'];

interface Options {
  municipalities: OrganisationRef[];
  agencies: { id: string; name: string }[];
}

/** "Ny intresseanmälan": registers a family and opens its record. */
export function InquiryForm({ headingId }: { headingId: string }) {
  const idPrefix = useId();
  const fieldId = (path: string) => `${idPrefix}-${path.replaceAll('.', '-')}`;
  const navigate = useNavigate();
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(RegisterInquiryMutation);

  const [options, setOptions] = useState<Options | null>(null);
  const [optionsError, setOptionsError] = useState<string | null>(null);
  useEffect(
    () =>
      startQuery(
        InquiryOptionsQuery,
        {},
        (data) =>
          setOptions({
            municipalities: [...data.municipalities].sort((a, b) => compareSv(a.name, b.name)),
            agencies: [...data.consultancyAgencies].sort((a, b) => compareSv(a.name, b.name)),
          }),
        setOptionsError,
      ),
    [],
  );

  const [name, setName] = useState('');
  const [kindSought, setKindSought] = useState<FosterHomeKind>('OWN');
  const [streetAddress, setStreetAddress] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [members, setMembers] = useState<Member[]>([emptyMember()]);
  const [receivedOn, setReceivedOn] = useState(todayInSweden);
  const [source, setSource] = useState<RecruitmentSource>('WEBSITE');
  const [sourceDetail, setSourceDetail] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [note, setNote] = useState('');

  function setMember(index: number, changes: Partial<Member>) {
    setMembers((previous) => previous.map((member, i) => (i === index ? { ...member, ...changes } : member)));
  }

  function removeMember(index: number) {
    setMembers((previous) => previous.filter((_, i) => i !== index));
    // Focus stays in the household: on the button that adds a person.
    requestAnimationFrame(() => document.getElementById(fieldId('add-member'))?.focus());
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const optional = (value: string) => value.trim() || null;
    const saved = await submit({
      input: {
        kindSought,
        name: name.trim(),
        streetAddress: optional(streetAddress),
        postalCode: optional(postalCode),
        city: optional(city),
        municipalityId,
        householdMembers: members.map((m) => ({ ...m, givenName: m.givenName.trim(), familyName: m.familyName.trim(), personalIdentityNumber: m.personalIdentityNumber.trim() })),
        receivedOn,
        source,
        sourceDetail: optional(sourceDetail),
        proposedByAgencyId: source === 'AGENCY' ? agencyId || null : null,
        note: optional(note),
      },
    });
    if (saved) navigate(`/rekrytering/${encodeURIComponent(saved.id)}`, { state: { registered: true } });
  }

  return (
    <form className="recruitment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FailureAlert failure={failure} failureRef={failureRef} title="Intresseanmälan kunde inte registreras" />
      {optionsError && (
        <p role="alert" className="hint hint--error">
          Kommunerna kunde inte hämtas. {optionsError}
        </p>
      )}

      <div className="field-row">
        <Field id={fieldId('name')} label="Familjens namn" hint="Till exempel Familjen Berg" error={fieldError('name')} className="field field--grow">
          {(control) => <input {...control} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id={fieldId('kindSought')} label="Slag av familjehem" error={fieldError('kindSought')}>
          {(control) => (
            <select {...control} value={kindSought} onChange={(e) => setKindSought(e.target.value as FosterHomeKind)}>
              {INQUIRY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {FOSTER_HOME_KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <Field id={fieldId('streetAddress')} label="Gatuadress" error={fieldError('streetAddress')}>
        {(control) => <input {...control} type="text" autoComplete="off" value={streetAddress} onChange={(e) => setStreetAddress(e.target.value)} />}
      </Field>
      <div className="field-row">
        <Field id={fieldId('postalCode')} label="Postnummer" error={fieldError('postalCode')}>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" className="input--short" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} />}
        </Field>
        <Field id={fieldId('city')} label="Ort" error={fieldError('city')} className="field field--grow">
          {(control) => <input {...control} type="text" autoComplete="off" value={city} onChange={(e) => setCity(e.target.value)} />}
        </Field>
        <Field id={fieldId('municipalityId')} label="Kommun" error={fieldError('municipalityId')} className="field field--grow">
          {(control) => (
            <select {...control} value={municipalityId} onChange={(e) => setMunicipalityId(e.target.value)}>
              <option value="">Välj kommun</option>
              {options?.municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <fieldset className="household-fieldset" aria-describedby={fieldError('householdMembers') ? fieldId('householdMembers-error') : undefined}>
        <legend>Hushåll</legend>
        <p className="hint">Minst en vuxen. Familjens egna barn tas med; de hörs i utredningen.</p>
        <FieldError id={fieldId('householdMembers-error')} message={fieldError('householdMembers')} />
        {members.map((member, index) => {
          const path = (field: string) => `householdMembers.${index}.${field}`;
          return (
            <fieldset key={index} className="household-member">
              <legend>Person {index + 1}</legend>
              <div className="field-row">
                <Field id={fieldId(path('givenName'))} label="Förnamn" error={fieldError(path('givenName'))} className="field field--grow">
                  {(control) => <input {...control} type="text" autoComplete="off" value={member.givenName} onChange={(e) => setMember(index, { givenName: e.target.value })} />}
                </Field>
                <Field id={fieldId(path('familyName'))} label="Efternamn" error={fieldError(path('familyName'))} className="field field--grow">
                  {(control) => <input {...control} type="text" autoComplete="off" value={member.familyName} onChange={(e) => setMember(index, { familyName: e.target.value })} />}
                </Field>
              </div>
              <div className="field-row">
                <Field id={fieldId(path('personalIdentityNumber'))} label="Personnummer" hint="ÅÅÅÅMMDD-NNNN" error={fieldError(path('personalIdentityNumber'))}>
                  {(control) => (
                    <input {...control} type="text" inputMode="numeric" autoComplete="off" value={member.personalIdentityNumber} onChange={(e) => setMember(index, { personalIdentityNumber: e.target.value })} />
                  )}
                </Field>
                <Field id={fieldId(path('role'))} label="Roll" error={fieldError(path('role'))}>
                  {(control) => (
                    <select {...control} value={member.role} onChange={(e) => setMember(index, { role: e.target.value as Member['role'] })}>
                      {MEMBER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {HOUSEHOLD_ROLE_LABELS[role.toUpperCase() as keyof typeof HOUSEHOLD_ROLE_LABELS]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              {members.length > 1 && (
                <button type="button" className="button button--link" onClick={() => removeMember(index)}>
                  Ta bort person {index + 1}
                </button>
              )}
            </fieldset>
          );
        })}
        <button id={fieldId('add-member')} type="button" className="button button--secondary" onClick={() => setMembers((previous) => [...previous, emptyMember(previous.length < 2 ? 'adult' : 'child')])}>
          Lägg till person
        </button>
      </fieldset>

      <div className="field-row">
        <Field id={fieldId('receivedOn')} label="Intresseanmälan mottagen" error={fieldError('receivedOn')}>
          {(control) => <input {...control} type="date" max={todayInSweden()} value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />}
        </Field>
        <Field id={fieldId('source')} label="Källa" hint="Var familjen hörde talas om oss" error={fieldError('source')}>
          {(control) => (
            <select {...control} value={source} onChange={(e) => setSource(e.target.value as RecruitmentSource)}>
              {RECRUITMENT_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {RECRUITMENT_SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fieldId('sourceDetail')} label="Källa i detalj" hint="Till exempel vilken kampanj" error={fieldError('sourceDetail')} className="field field--grow">
          {(control) => <input {...control} type="text" autoComplete="off" value={sourceDetail} onChange={(e) => setSourceDetail(e.target.value)} />}
        </Field>
      </div>
      {source === 'AGENCY' && (
        <Field id={fieldId('proposedByAgencyId')} label="Konsulentverksamhet som föreslår familjen" hint="Verksamheten föreslår bara; utredning och beslut är kommunens." error={fieldError('proposedByAgencyId')}>
          {(control) => (
            <select {...control} value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">Välj konsulentverksamhet</option>
              {options?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id={fieldId('note')} label="Anteckning" error={fieldError('note')}>
        {(control) => <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>

      <div className="form-actions">
        <button type="submit" className="button" aria-busy={saving}>
          Registrera intresseanmälan
        </button>
      </div>
    </form>
  );
}
