import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { Operation } from '../../api/graphql';
import { LEAVING_REASONS, SCREENING_RESULTS, WORKING_STEPS, type LeavingReason, type MutationResult, type RecruitmentDetails, type ScreeningResult } from '../../api/types';
import { Field, FailureAlert, todayInSweden, useMutationForm } from '../../components/forms';
import { LEAVING_REASON_LABELS, RECRUITMENT_STEP_LABELS, SCREENING_RESULT_LABELS } from '../../lib/labels';
import {
  AdvanceRecruitmentMutation,
  LeaveRecruitmentMutation,
  PauseRecruitmentMutation,
  RecordScreeningMutation,
  ResumeRecruitmentMutation,
} from './operations';

interface ActionProps {
  recruitment: RecruitmentDetails;
  onSaved: (recruitment: RecruitmentDetails, message: string) => void;
  onReload: () => void;
}

/** The moves open to the family now: next step, BRA-Fam, pause or resume, leave. */
export function RecruitmentActions(props: ActionProps) {
  const { recruitment } = props;
  const finished = recruitment.leftOn !== null || recruitment.step === 'APPROVED' || recruitment.step === 'REFUSED';
  if (finished) return <p>Rekryteringen är avslutad; inget mer kan registreras här.</p>;
  if (recruitment.pausedOn) {
    return (
      <>
        <ResumeForm {...props} />
        <LeaveForm {...props} />
      </>
    );
  }
  // From the assessment on, the assessment itself moves the family (sent for decision, decided).
  const throughAssessment = recruitment.step === 'ASSESSMENT' || recruitment.step === 'DECISION';
  const next = throughAssessment ? null : WORKING_STEPS[(WORKING_STEPS as readonly string[]).indexOf(recruitment.step) + 1]!;
  return (
    <>
      {next ? <AdvanceForm {...props} next={next} /> : <AssessmentLink recruitment={recruitment} />}
      {(recruitment.step === 'INQUIRY' || recruitment.step === 'INFORMATION_MEETING') && <ScreeningForm {...props} />}
      <PauseForm {...props} />
      <LeaveForm {...props} />
    </>
  );
}

/** The way to the family's assessment, where it is sent for decision and decided. */
function AssessmentLink({ recruitment }: { recruitment: RecruitmentDetails }) {
  const assessment = recruitment.fosterHome.assessments.find((a) => a.startedOn >= recruitment.receivedOn);
  return (
    <section className="action-block" aria-label="Utredningen">
      <h3>Utredningen</h3>
      <p>
        {recruitment.step === 'ASSESSMENT'
          ? 'Familjen går vidare till beslut när utredningen lämnas för beslut från utredningen, som då kontrolleras.'
          : 'Utredningen är lämnad för beslut; beslutet registreras i utredningen.'}
      </p>
      {assessment ? (
        <Link to={`/utredningar/${encodeURIComponent(assessment.id)}`}>Öppna utredningen</Link>
      ) : (
        <Link to={`/utredningar/ny?rekrytering=${encodeURIComponent(recruitment.id)}`}>Starta utredning</Link>
      )}
    </section>
  );
}

/** A dated, signed move: a heading, the fields of the move, a date, a note and a button. */
function MoveForm<TInput>({
  recruitment,
  onSaved,
  onReload,
  heading,
  submitLabel,
  savedMessage,
  mutation,
  extra,
  children,
}: ActionProps & {
  heading: string;
  submitLabel: string;
  savedMessage: (saved: RecruitmentDetails) => string;
  mutation: Operation<{ result: MutationResult<RecruitmentDetails> }, { input: TInput }>;
  extra: () => Omit<TInput, 'recruitmentId' | 'expectedVersion' | 'occurredOn' | 'note'>;
  children?: (fieldError: (field: string) => string | undefined) => ReactNode;
}) {
  const idPrefix = useId();
  const headingId = `${idPrefix}-heading`;
  const { submit, saving, failure, failureRef, fieldError } = useMutationForm(mutation);
  const [occurredOn, setOccurredOn] = useState(todayInSweden);
  const [note, setNote] = useState('');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { recruitmentId: recruitment.id, expectedVersion: recruitment.version, occurredOn, note: note.trim() || null, ...extra() } as TInput;
    const saved = await submit({ input });
    if (saved) {
      setNote('');
      onSaved(saved, savedMessage(saved));
    }
  }

  return (
    <form className="action-block recruitment-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void handleSubmit(event)}>
      <h3 id={headingId}>{heading}</h3>
      <FailureAlert failure={failure} failureRef={failureRef} title="Det gick inte att registrera" onReload={onReload} />
      {children?.(fieldError)}
      <Field label="Datum" hint="Dagen det hände" error={fieldError('occurredOn')}>
        {(control) => <input {...control} type="date" max={todayInSweden()} min={recruitment.pausedOn ?? recruitment.stepEnteredOn} value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} />}
      </Field>
      <Field label="Anteckning" error={fieldError('note')}>
        {(control) => <textarea {...control} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" className="button" aria-busy={saving}>
        {submitLabel}
      </button>
    </form>
  );
}

function AdvanceForm(props: ActionProps & { next: (typeof WORKING_STEPS)[number] }) {
  return (
    <MoveForm
      {...props}
      heading={`Nästa steg: ${RECRUITMENT_STEP_LABELS[props.next]}`}
      submitLabel="Registrera nästa steg"
      savedMessage={(saved) => `Familjen är nu i steget ${RECRUITMENT_STEP_LABELS[saved.step]}.`}
      mutation={AdvanceRecruitmentMutation}
      extra={() => ({})}
    />
  );
}

function PauseForm(props: ActionProps) {
  return <MoveForm {...props} heading="Pausa" submitLabel="Pausa" savedMessage={() => 'Rekryteringen är pausad.'} mutation={PauseRecruitmentMutation} extra={() => ({})} />;
}

function ResumeForm(props: ActionProps) {
  return <MoveForm {...props} heading="Återuppta" submitLabel="Återuppta" savedMessage={() => 'Rekryteringen är återupptagen.'} mutation={ResumeRecruitmentMutation} extra={() => ({})} />;
}

function ScreeningForm(props: ActionProps) {
  const [result, setResult] = useState<ScreeningResult>('SUITABLE');
  return (
    <MoveForm
      {...props}
      heading="BRA-Fam-screening"
      submitLabel="Registrera screening"
      savedMessage={() => `Screeningen är registrerad: ${SCREENING_RESULT_LABELS[result].toLowerCase()}.`}
      mutation={RecordScreeningMutation}
      extra={() => ({ result })}
    >
      {(fieldError) => (
        <Field label="Resultat" error={fieldError('result')}>
          {(control) => (
            <select {...control} value={result} onChange={(e) => setResult(e.target.value as ScreeningResult)}>
              {SCREENING_RESULTS.map((r) => (
                <option key={r} value={r}>
                  {SCREENING_RESULT_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </MoveForm>
  );
}

function LeaveForm(props: ActionProps) {
  const [reason, setReason] = useState<LeavingReason>('FAMILY_WITHDREW');
  return (
    <MoveForm
      {...props}
      heading="Avsluta rekryteringen"
      submitLabel="Avsluta rekryteringen"
      savedMessage={() => `Familjen har lämnat rekryteringen: ${LEAVING_REASON_LABELS[reason].toLowerCase()}.`}
      mutation={LeaveRecruitmentMutation}
      extra={() => ({ reason })}
    >
      {(fieldError) => (
        <Field label="Orsak" hint="Vid annan orsak: beskriv den i anteckningen" error={fieldError('reason')}>
          {(control) => (
            <select {...control} value={reason} onChange={(e) => setReason(e.target.value as LeavingReason)}>
              {LEAVING_REASONS.map((r) => (
                <option key={r} value={r}>
                  {LEAVING_REASON_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </MoveForm>
  );
}
