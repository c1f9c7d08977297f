import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { TrainingAdult, TrainingCourse } from '../../api/types';
import { FailureAlert, Field, todayInSweden, useMutationForm } from '../../components/forms';
import { formatDate } from '../../lib/format';
import { CreateTrainingCourseMutation, RecordTrainingAttendanceMutation, RecordTrainingCompletionMutation, ScheduleTrainingSessionMutation } from './operations';

type Changed = (message: string) => void;

/** A titled training form: the failure above the fields, one submit button. */
function TrainingForm({ heading, headingId, submitLabel, saving, onSubmit, failureAlert, children }: { heading?: string; headingId: string; submitLabel: string; saving: boolean; onSubmit: () => Promise<void>; failureAlert: ReactNode; children: ReactNode }) {
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void onSubmit();
  }
  return (
    <form className="recruitment-form" aria-labelledby={headingId} noValidate onSubmit={handleSubmit}>
      {heading && <h3 id={headingId}>{heading}</h3>}
      {failureAlert}
      {children}
      <button type="submit" className="button" aria-busy={saving}>
        {submitLabel}
      </button>
    </form>
  );
}

export function NewSessionForm({ course, onChanged }: { course: TrainingCourse; onChanged: Changed }) {
  const id = useId();
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(ScheduleTrainingSessionMutation);
  const [heldOn, setHeldOn] = useState(todayInSweden);
  const [location, setLocation] = useState('');
  const [leader, setLeader] = useState('');
  async function save() {
    const saved = await submit({ input: { courseId: course.id, heldOn, location: location.trim() || null, leader: leader.trim() || null } });
    if (saved) onChanged(`En träff ${formatDate(heldOn)} är inlagd i ${course.name}.`);
  }
  return (
    <TrainingForm heading={`Ny träff i ${course.name}`} headingId={`${id}-heading`} submitLabel="Lägg till träff" saving={saving} onSubmit={save} failureAlert={<FailureAlert failure={failure} failureRef={failureRef} title="Träffen kunde inte läggas in" />}>
      <Field label="Datum" error={fieldError('heldOn')}>
        {(control) => <input {...control} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
      </Field>
      <Field label="Plats" error={fieldError('location')}>
        {(control) => <input {...control} type="text" autoComplete="off" value={location} onChange={(e) => setLocation(e.target.value)} />}
      </Field>
      <Field label="Kursledare" error={fieldError('leader')}>
        {(control) => <input {...control} type="text" autoComplete="off" value={leader} onChange={(e) => setLeader(e.target.value)} />}
      </Field>
    </TrainingForm>
  );
}

/** Attendance at a session that has been held, for the course's participants and those who lack it. */
export function AttendanceForm({ course, adults, onChanged }: { course: TrainingCourse; adults: TrainingAdult[]; onChanged: Changed }) {
  const id = useId();
  const today = todayInSweden();
  const held = course.sessions.filter((s) => s.heldOn <= today);
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(RecordTrainingAttendanceMutation);
  const [sessionId, setSessionId] = useState(held.at(-1)?.id ?? '');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const attended = new Set(course.participants.filter((p) => p.attendedSessionIds.includes(sessionId)).map((p) => p.adult.id));

  function toggle(adultId: string, on: boolean) {
    setChosen((previous) => {
      const next = new Set(previous);
      if (on) next.add(adultId);
      else next.delete(adultId);
      return next;
    });
  }
  async function save() {
    const saved = await submit({ input: { sessionId, householdMemberIds: [...chosen] } });
    if (saved) {
      setChosen(new Set());
      onChanged(`Närvaron är registrerad för ${chosen.size} deltagare i ${course.name}.`);
    }
  }
  const headingId = `${id}-heading`;
  if (held.length === 0) {
    return (
      <div>
        <h3 id={headingId}>Registrera närvaro i {course.name}</h3>
        <p className="muted">Ingen träff har hållits ännu.</p>
      </div>
    );
  }
  return (
    <TrainingForm heading={`Registrera närvaro i ${course.name}`} headingId={headingId} submitLabel="Registrera närvaro" saving={saving} onSubmit={save} failureAlert={<FailureAlert failure={failure} failureRef={failureRef} title="Närvaron kunde inte registreras" />}>
      <Field label="Träff" error={fieldError('sessionId')}>
        {(control) => (
          <select {...control} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
            {held.map((s) => (
              <option key={s.id} value={s.id}>
                {formatDate(s.heldOn)}
                {s.location ? `, ${s.location}` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Deltagare</legend>
        {fieldError('householdMemberIds') && <p className="field-error">{fieldError('householdMemberIds')}</p>}
        {adults.length === 0 ? (
          <p className="muted">Ingen väntas gå kursen just nu.</p>
        ) : (
          <ul className="checkbox-list">
            {adults.map((adult) => {
              const checkboxId = `${id}-adult-${adult.id}`;
              const already = attended.has(adult.id);
              return (
                <li key={adult.id}>
                  <input id={checkboxId} type="checkbox" checked={already || chosen.has(adult.id)} disabled={already} onChange={(e) => toggle(adult.id, e.target.checked)} />
                  <label htmlFor={checkboxId}>
                    {adult.givenName} {adult.familyName} ({adult.fosterHome.name}){already ? ', redan registrerad' : ''}
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
    </TrainingForm>
  );
}

/** Completion for a participant who has not completed the course; the server checks the sessions attended. */
export function CompletionForm({ course, onChanged }: { course: TrainingCourse; onChanged: Changed }) {
  const id = useId();
  const candidates = course.participants.filter((p) => p.completedOn === null);
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(RecordTrainingCompletionMutation);
  const [memberId, setMemberId] = useState(candidates[0]?.adult.id ?? '');
  const [completedOn, setCompletedOn] = useState(todayInSweden);
  const headingId = `${id}-heading`;
  async function save() {
    const participant = candidates.find((p) => p.adult.id === memberId);
    const saved = await submit({ input: { courseId: course.id, householdMemberId: memberId, completedOn } });
    if (saved && participant) onChanged(`${participant.adult.givenName} ${participant.adult.familyName} har gått ${course.name}.`);
  }
  if (candidates.length === 0) {
    return (
      <div>
        <h3 id={headingId}>Registrera genomförd kurs</h3>
        <p className="muted">Alla deltagare har gått klart kursen.</p>
      </div>
    );
  }
  return (
    <TrainingForm heading="Registrera genomförd kurs" headingId={headingId} submitLabel="Registrera genomförd" saving={saving} onSubmit={save} failureAlert={<FailureAlert failure={failure} failureRef={failureRef} title="Kursen kunde inte registreras som genomförd" />}>
      <Field label="Deltagare" hint={`Kräver ${course.sessionsRequired} träffar`} error={fieldError('householdMemberId')}>
        {(control) => (
          <select {...control} value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            {candidates.map((p) => (
              <option key={p.adult.id} value={p.adult.id}>
                {p.adult.givenName} {p.adult.familyName}, {p.sessionsAttended} av {course.sessionsRequired} träffar
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Genomförd datum" error={fieldError('completedOn')}>
        {(control) => <input {...control} type="date" max={todayInSweden()} value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />}
      </Field>
    </TrainingForm>
  );
}

export function NewCourseForm({ headingId, onChanged }: { headingId: string; onChanged: Changed }) {
  const id = useId();
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(CreateTrainingCourseMutation);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [requiredForApproval, setRequired] = useState(false);
  const [offeredToApprovedHomes, setOffered] = useState(true);
  const [sessionsRequired, setSessionsRequired] = useState('1');
  async function save() {
    const saved = await submit({
      input: { name: name.trim(), description: description.trim() || null, requiredForApproval, offeredToApprovedHomes, sessionsRequired: Number.parseInt(sessionsRequired, 10) || 0 },
    });
    if (saved) {
      onChanged(`Kursen ${name.trim()} är tillagd.`);
      setName('');
      setDescription('');
    }
  }
  return (
    <TrainingForm headingId={headingId} submitLabel="Lägg till kurs" saving={saving} onSubmit={save} failureAlert={<FailureAlert failure={failure} failureRef={failureRef} title="Kursen kunde inte läggas till" />}>
      <Field label="Kursens namn" error={fieldError('name')}>
        {(control) => <input {...control} type="text" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Beskrivning" error={fieldError('description')}>
        {(control) => <textarea {...control} rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <div className="field field--checkbox">
        <input id={`${id}-required`} type="checkbox" checked={requiredForApproval} onChange={(e) => setRequired(e.target.checked)} />
        <label htmlFor={`${id}-required`}>Krävs för godkännande</label>
      </div>
      <div className="field field--checkbox">
        <input id={`${id}-offered`} type="checkbox" checked={offeredToApprovedHomes} onChange={(e) => setOffered(e.target.checked)} />
        <label htmlFor={`${id}-offered`}>Erbjuds godkända familjehem</label>
      </div>
      <Field label="Antal träffar som krävs" error={fieldError('sessionsRequired')}>
        {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={50} className="input--short" value={sessionsRequired} onChange={(e) => setSessionsRequired(e.target.value)} />}
      </Field>
    </TrainingForm>
  );
}
