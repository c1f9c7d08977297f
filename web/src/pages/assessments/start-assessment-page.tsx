import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { startQuery } from '../../api/graphql';
import { BackLink } from '../../components/back-link';
import { PageLoadState, type UnreadyState } from '../../components/page-states';
import { useDocumentTitle } from '../../lib/use-document-title';
import { RecruitmentToAssessQuery } from './assessment-api';
import './assessments.css';
import { StartAssessmentForm } from './start-assessment-form';

type Family = { id: string; step: string; fosterHome: { id: string; name: string }; assessment: { id: string } | null };
type State = UnreadyState | { status: 'ready'; family: Family };

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
    return startQuery(
      RecruitmentToAssessQuery,
      { id: recruitmentId },
      ({ recruitment }) => setState(recruitment ? { status: 'ready', family: recruitment } : { status: 'not-found' }),
      (message) => setState({ status: 'error', message }),
    );
  }, [recruitmentId]);

  if (state.status !== 'ready') {
    return (
      <PageLoadState
        state={state}
        loading="Hämtar familjen…"
        errorHeading="Starta utredning"
        notFoundHeading="Starta utredning"
        notFound="Familjen finns inte, eller så har du inte behörighet att se den. Utredningen startas från familjens rekrytering."
      />
    );
  }
  const { family } = state;
  return (
    <>
      <BackLink to={`/familjehem/${family.fosterHome.id}`}>{family.fosterHome.name}</BackLink>
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
