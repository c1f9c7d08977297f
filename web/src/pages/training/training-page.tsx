import { useCallback, useEffect, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import type { MissingTraining, TrainingCourse, TrainingNeedReason, TrainingSession } from '../../api/types';
import { Announcement, useAnnouncement } from '../../components/announcement';
import { DataTable, EmptyRow } from '../../components/data-table';
import { todayInSweden } from '../../components/forms';
import { ErrorAlert, Loading } from '../../components/page-states';
import { compareSv, formatDate, formatNumber } from '../../lib/format';
import { TRAINING_NEED_REASON_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../recruitment/recruitment.css';
import { AttendanceForm, CompletionForm, NewCourseForm, NewSessionForm } from './training-forms';
import { TrainingQuery } from './operations';

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

interface TrainingData {
  courses: TrainingCourse[];
  missing: MissingTraining[];
}

/** /utbildning — courses, sessions, attendance and completion, and who lacks which training. */
export function TrainingPage() {
  useDocumentTitle('Utbildning');
  const [data, setData] = useState<TrainingData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [message, announce] = useAnnouncement();

  useEffect(
    () =>
      startQuery(
        TrainingQuery,
        {},
        (result) => {
          setData({ courses: result.trainingCourses, missing: result.missingTraining });
          setError(null);
        },
        setError,
      ),
    [attempt],
  );

  /** After a change: say what was saved and fetch the view again. */
  const changed = useCallback(
    (text: string) => {
      announce(text);
      setAttempt((n) => n + 1);
    },
    [announce],
  );

  return (
    <div className="recruitment-area">
      <div className="page-title">
        <h1>Utbildning</h1>
        <p className="page-title__meta">
          <Link to="/rekrytering">Rekrytering</Link>
        </p>
      </div>
      <p className="lead">
        Grundutbildningen som alla vuxna ska ha gått innan utredningen börjar, och fortbildning för godkända familjehem.
      </p>
      <Announcement message={message} />
      {error && <ErrorAlert message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!data && !error && <Loading>Hämtar utbildningarna…</Loading>}
      {data && (
        <>
          <MissingTrainingSection missing={data.missing} />
          {data.courses.map((course) => (
            <CourseSection key={course.id} course={course} missing={data.missing.filter((m) => m.course.id === course.id)} onChanged={changed} />
          ))}
          <NewCourseSection onChanged={changed} />
        </>
      )}
    </div>
  );
}

function MissingTrainingSection({ missing }: { missing: MissingTraining[] }) {
  const headingId = useId();
  const groups: TrainingNeedReason[] = ['REQUIRED_FOR_APPROVAL', 'OFFERED_TO_APPROVED_HOMES'];
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Saknar utbildning</h2>
      <p className="notice">
        <strong>Visningen loggas.</strong> Namnen på familjehemmens vuxna är personuppgifter.
      </p>
      {groups.map((reason) => {
        const rows = missing.filter((m) => m.reason === reason);
        const table = (
          <DataTable caption={`Saknar utbildning: ${TRAINING_NEED_REASON_LABELS[reason].toLowerCase()}`}>
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Familjehem</th>
                <th scope="col">Kurs</th>
                <th scope="col" className="numeric">
                  Träffar hittills
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <EmptyRow columns={4}>
                  {reason === 'REQUIRED_FOR_APPROVAL'
                    ? 'Alla vuxna i familjer från grundutbildningen och framåt har gått det som krävs.'
                    : 'Alla vuxna i aktiva familjehem har gått fortbildningen.'}
                </EmptyRow>
              )}
              {rows.map((m) => (
                <tr key={`${m.adult.id}:${m.course.id}`}>
                  <th scope="row">
                    {m.adult.givenName} {m.adult.familyName}
                  </th>
                  <td>
                    <Link to={`/familjehem/${encodeURIComponent(m.adult.fosterHome.id)}`}>{m.adult.fosterHome.name}</Link>
                  </td>
                  <td>{m.course.name}</td>
                  <td className="numeric">{formatNumber(m.sessionsAttended)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        );
        // Further training is an offer, not a requirement: its long list opens on demand.
        return reason === 'REQUIRED_FOR_APPROVAL' ? (
          <div key={reason}>{table}</div>
        ) : (
          <details key={reason} className="disclosure">
            <summary>
              Saknar utbildning: {TRAINING_NEED_REASON_LABELS[reason].toLowerCase()} ({formatNumber(rows.length)})
            </summary>
            {table}
          </details>
        );
      })}
    </section>
  );
}

function CourseSection({ course, missing, onChanged }: { course: TrainingCourse; missing: MissingTraining[]; onChanged: (message: string) => void }) {
  const headingId = useId();
  // Attendance is for those still taking the course: participants not yet done (in a home still open), and those who lack it.
  const attendees = new Map(course.participants.filter((p) => p.completedOn === null && p.adult.fosterHome.status !== 'CLOSED').map((p) => [p.adult.id, p.adult]));
  for (const m of missing) if (!attendees.has(m.adult.id)) attendees.set(m.adult.id, m.adult);
  const adults = [...attendees.values()].sort((a, b) => compareSv(`${a.familyName} ${a.givenName}`, `${b.familyName} ${b.givenName}`));
  const recentFrom = daysBefore(todayInSweden(), 90);
  const recentSessions = course.sessions.filter((s) => s.heldOn >= recentFrom);
  const olderSessions = course.sessions.filter((s) => s.heldOn < recentFrom);
  const ongoing = course.participants.filter((p) => p.completedOn === null);
  const completed = course.participants.filter((p) => p.completedOn !== null);
  const countAt = (sessionId: string) => course.participants.filter((p) => p.attendedSessionIds.includes(sessionId)).length;
  const facts = [
    course.requiredForApproval ? 'Krävs för godkännande' : null,
    course.offeredToApprovedHomes ? 'Erbjuds godkända familjehem' : null,
    `${formatNumber(course.sessionsRequired)} träffar krävs`,
  ].filter(Boolean);

  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>{course.name}</h2>
      <p className="muted">{facts.join(' · ')}</p>
      {course.description && <p>{course.description}</p>}

      <div className="columns-layout">
        <div>
          <SessionTable caption={`Träffar i ${course.name}`} sessions={recentSessions} countAt={countAt} empty="Inga träffar de senaste 90 dagarna eller framåt." />
          {olderSessions.length > 0 && (
            <details className="disclosure">
              <summary>Tidigare träffar ({formatNumber(olderSessions.length)})</summary>
              <SessionTable caption={`Tidigare träffar i ${course.name}`} sessions={olderSessions} countAt={countAt} empty="" />
            </details>
          )}
        </div>
        <div>
          <ParticipantTable caption={`Deltagare i ${course.name}`} course={course} participants={ongoing} empty="Ingen går kursen just nu." />
          {completed.length > 0 && (
            <details className="disclosure">
              <summary>Har gått kursen ({formatNumber(completed.length)})</summary>
              <ParticipantTable caption={`Har gått ${course.name}`} course={course} participants={completed} empty="" />
            </details>
          )}
        </div>
      </div>

      <div className="columns-layout">
        <NewSessionForm course={course} onChanged={onChanged} />
        <AttendanceForm course={course} adults={adults} onChanged={onChanged} />
        <CompletionForm course={course} onChanged={onChanged} />
      </div>
    </section>
  );
}

function SessionTable({ caption, sessions, countAt, empty }: { caption: string; sessions: TrainingSession[]; countAt: (sessionId: string) => number; empty: string }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col">Plats</th>
          <th scope="col">Kursledare</th>
          <th scope="col" className="numeric">
            Deltagare
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.length === 0 && <EmptyRow columns={4}>{empty}</EmptyRow>}
        {sessions.map((s) => (
          <tr key={s.id}>
            <th scope="row" className="tabular">
              {formatDate(s.heldOn)}
            </th>
            <td>{s.location ?? '–'}</td>
            <td>{s.leader ?? '–'}</td>
            <td className="numeric">{formatNumber(countAt(s.id))}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function ParticipantTable({ caption, course, participants, empty }: { caption: string; course: TrainingCourse; participants: TrainingCourse['participants']; empty: string }) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Namn</th>
          <th scope="col">Familjehem</th>
          <th scope="col" className="numeric">
            Träffar
          </th>
          <th scope="col">Genomförd</th>
        </tr>
      </thead>
      <tbody>
        {participants.length === 0 && <EmptyRow columns={4}>{empty}</EmptyRow>}
        {participants.map((p) => (
          <tr key={p.adult.id}>
            <th scope="row">
              {p.adult.givenName} {p.adult.familyName}
            </th>
            <td>{p.adult.fosterHome.name}</td>
            <td className="numeric">
              {formatNumber(p.sessionsAttended)} av {formatNumber(course.sessionsRequired)}
            </td>
            <td>{p.completedOn ? formatDate(p.completedOn) : 'Inte än'}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function NewCourseSection({ onChanged }: { onChanged: (message: string) => void }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>Ny kurs</h2>
      <NewCourseForm headingId={headingId} onChanged={onChanged} />
    </section>
  );
}
