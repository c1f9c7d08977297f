import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage, isAbortError } from '../../api/errors';
import { graphql } from '../../api/graphql';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RecruitmentToAssessQuery } from './assessment-api';
import './assessments.css';
import { StartAssessmentForm } from './start-assessment-form';

type Family = { id: string; step: string; fosterHome: { id: string; name: string }; assessment: { id: string } | null };
type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'not-found' } | { status: 'ready'; family: Family };

/** /utredningar/ny?rekrytering=<id> — start the assessment of a family that has reached the assessment step. */
export function StartAssessmentPage() {
  useDocumentTitle('Starta utredning');
  const [params] = useSearchParams();
  const recruitmentId = params.get('rekrytering') ?? '';
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    if (!recruitmentId) {
      setState({ status: 'not-found' });
      return;
    }
    const controller = new AbortController();
    graphql(RecruitmentToAssessQuery, { id: recruitmentId }, { signal: controller.signal })
      .then(({ recruitment }) => setState(recruitment ? { status: 'ready', family: recruitment } : { status: 'not-found' }))
      .catch((error: unknown) => {
        if (!isAbortError(error) && !controller.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [recruitmentId]);

  if (state.status === 'loading') {
    return (
      <p role="status" className="muted">
        Hämtar familjen…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <h1>Starta utredning</h1>
        <div role="alert" className="alert alert--error">
          <p>{state.message}</p>
        </div>
      </>
    );
  }
  if (state.status === 'not-found') {
    return (
      <>
        <h1>Starta utredning</h1>
        <p>Familjen finns inte, eller så har du inte behörighet att se den. Utredningen startas från familjens rekrytering.</p>
      </>
    );
  }
  const { family } = state;
  return (
    <>
      <p className="back-link">
        <Link to={`/familjehem/${family.fosterHome.id}`}>
          <span aria-hidden="true">← </span>
          {family.fosterHome.name}
        </Link>
      </p>
      <h1>Starta utredning: {family.fosterHome.name}</h1>
      <section className="panel">
        {family.assessment ? (
          <p>
            Familjen har redan en utredning. <Link to={`/utredningar/${family.assessment.id}`}>Öppna utredningen</Link>
          </p>
        ) : family.step === 'ASSESSMENT' ? (
          <>
            <h2>Utredare och metod</h2>
            <StartAssessmentForm recruitmentId={family.id} />
          </>
        ) : (
          <p>En utredning kan startas först när familjen har kommit till steget utredning.</p>
        )}
      </section>
    </>
  );
}
