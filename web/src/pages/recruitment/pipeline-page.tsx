import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { RECRUITMENT_STEPS, WORKING_STEPS, type RecruitmentCard, type RecruitmentPipeline, type RecruitmentStep } from '../../api/types';
import { ErrorAlert, Loading } from '../../components/page-states';
import { formatDate, formatNumber } from '../../lib/format';
import { RECRUITMENT_STEP_LABELS } from '../../lib/labels';
import { useDocumentTitle } from '../../lib/use-document-title';
import { InquiryForm } from './inquiry-form';
import { RecruitmentPipelineQuery } from './operations';
import './recruitment.css';

/** URL query-string keys for the filter. */
const PARAM = { step: 'steg', finished: 'avslutade' } as const;

function isStep(value: string | null): value is RecruitmentStep {
  return value !== null && (RECRUITMENT_STEPS as readonly string[]).includes(value);
}

function families(count: number): string {
  return count === 1 ? '1 familj' : `${formatNumber(count)} familjer`;
}

/** /rekrytering — the families by step, as a board with a column per step. */
export function RecruitmentPipelinePage() {
  useDocumentTitle('Rekrytering');
  const idPrefix = useId();
  const [params, setParams] = useSearchParams();
  const stepParam = params.get(PARAM.step);
  const step = isStep(stepParam) ? stepParam : null;
  const includeFinished = params.get(PARAM.finished) === 'ja';

  const [pipeline, setPipeline] = useState<RecruitmentPipeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [formOpen, setFormOpen] = useState(false);
  const formHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    setError(null);
    return startQuery(RecruitmentPipelineQuery, { filter: { step, includeFinished } }, (data) => setPipeline(data.recruitmentPipeline), setError);
  }, [step, includeFinished, attempt]);

  function update(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  }

  function openForm() {
    setFormOpen(true);
    requestAnimationFrame(() => formHeadingRef.current?.focus());
  }

  const columns: RecruitmentStep[] = step ? [step] : includeFinished ? [...RECRUITMENT_STEPS] : [...WORKING_STEPS];
  const ids = { step: `${idPrefix}-step`, finished: `${idPrefix}-finished`, form: `${idPrefix}-form`, formHeading: `${idPrefix}-form-heading` };

  return (
    <div className="recruitment-area">
      <div className="page-title">
        <h1>Rekrytering</h1>
        <p className="page-title__meta">
          <Link to="/rekrytering/tratt">Rekryteringstratten</Link>
          {' · '}
          <Link to="/utbildning">Utbildning</Link>
        </p>
      </div>
      <p className="lead">Familjer på väg att bli familjehem, steg för steg. Försenade familjer har varit längre i steget än enhetens måltid.</p>

      <div className="form-actions recruitment-toolbar">
        <button type="button" className="button" aria-expanded={formOpen} aria-controls={ids.form} onClick={() => (formOpen ? setFormOpen(false) : openForm())}>
          Ny intresseanmälan
        </button>
      </div>
      <section id={ids.form} aria-labelledby={ids.formHeading} className="panel" hidden={!formOpen}>
        <h2 id={ids.formHeading} ref={formHeadingRef} tabIndex={-1}>
          Ny intresseanmälan
        </h2>
        {formOpen && <InquiryForm headingId={ids.formHeading} />}
      </section>

      <form className="filters filters--pipeline" aria-label="Filtrera rekryteringen" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={ids.step}>Steg</label>
          <select id={ids.step} value={step ?? ''} onChange={(e) => update({ [PARAM.step]: e.target.value || null })}>
            <option value="">Alla steg</option>
            {RECRUITMENT_STEPS.map((s) => (
              <option key={s} value={s}>
                {RECRUITMENT_STEP_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--checkbox">
          <input id={ids.finished} type="checkbox" checked={includeFinished} onChange={(e) => update({ [PARAM.finished]: e.target.checked ? 'ja' : null })} />
          <label htmlFor={ids.finished}>Visa avslutade (lämnade och beslutade)</label>
        </div>
      </form>

      {error && <ErrorAlert message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!pipeline && !error && <Loading>Hämtar rekryteringen…</Loading>}

      {pipeline && (
        <div className="pipeline-board">
          {columns.map((column) => {
            const count = pipeline.counts.find((c) => c.step === column);
            const cards = pipeline.recruitments.filter((r) => r.step === column);
            const headingId = `${idPrefix}-${column}`;
            return (
              <section key={column} aria-labelledby={headingId} className="pipeline-column">
                <h2 id={headingId}>{RECRUITMENT_STEP_LABELS[column]}</h2>
                <p className="pipeline-column__count">
                  {families(count?.count ?? 0)}
                  {count && count.overdue > 0 && `, ${formatNumber(count.overdue)} försenade`}
                  {count && count.paused > 0 && `, ${formatNumber(count.paused)} pausade`}
                </p>
                {cards.length === 0 ? (
                  <p className="muted">Inga familjer.</p>
                ) : (
                  <ul className="pipeline-cards" aria-labelledby={headingId}>
                    {cards.map((card) => (
                      <PipelineCard key={card.id} card={card} />
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}

function PipelineCard({ card }: { card: RecruitmentCard }) {
  const { progress } = card;
  return (
    <li className={`pipeline-card${progress.overdue ? ' pipeline-card--overdue' : ''}`}>
      <Link to={`/rekrytering/${encodeURIComponent(card.id)}`} className="pipeline-card__name">
        {card.fosterHome.name}
      </Link>
      <span className="pipeline-card__meta">
        {card.fosterHome.municipality.name}
        {progress.daysInStep !== null && ` · ${formatNumber(progress.daysInStep)} dagar i steget`}
      </span>
      {progress.overdue && <span className="badge badge--overdue">Försenad (mål {formatNumber(progress.targetDays ?? 0)} dagar)</span>}
      {card.pausedOn && <span className="badge badge--paused">Pausad sedan {formatDate(card.pausedOn)}</span>}
      {card.leftOn && <span className="badge badge--closed">Lämnade {formatDate(card.leftOn)}</span>}
    </li>
  );
}
