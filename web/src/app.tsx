import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from './components/error-boundary';
import { ProtectedLayout } from './components/protected-layout';
import { FosterHomeRoute } from './pages/foster-home-page';
import { FosterHomesPage } from './pages/foster-homes-page';
import { FreePlacesPage } from './pages/matching/free-places-page';
import { MatchingPage } from './pages/matching/matching-page';
import { AssessmentRoute } from './pages/assessments/assessment-page';
import { RenewalsPage } from './pages/assessments/renewals-page';
import { StartAssessmentPage } from './pages/assessments/start-assessment-page';
import { NotFoundPage } from './pages/not-found-page';
import { RecruitmentFunnelPage } from './pages/recruitment/funnel-page';
import { RecruitmentPipelinePage } from './pages/recruitment/pipeline-page';
import { RecruitmentRoute } from './pages/recruitment/recruitment-page';
import { TrainingPage } from './pages/training/training-page';
import { SignInPage } from './pages/sign-in-page';
import { ChildFollowUpsPage } from './pages/follow-ups/child-follow-ups-page';
import { ChildrenPage } from './pages/placements/children-page';
import { ChildRoute } from './pages/placements/child-page';
import { FollowUpDashboardPage } from './pages/follow-ups/dashboard-page';
import { IvoListPage } from './pages/reports/ivo-list-page';
import { PlacementsOverviewPage } from './pages/reports/placements-overview-page';
import { RegisterPage } from './pages/reports/register-page';
import { ReportsIndexPage } from './pages/reports/reports-index-page';
import { UnexecutedDecisionsPage } from './pages/reports/unexecuted-decisions-page';
import { CostDashboardPage } from './pages/costs/cost-dashboard-page';
import { PlacementCostsPage } from './pages/costs/placement-costs-page';
import { BudgetPage } from './pages/costs/budget-page';
import { PriceListPage } from './pages/costs/price-list-page';

export function App() {
  return (
    <ErrorBoundary>
      <BrowserRouter>
        <Routes>
          <Route path="/logga-in" element={<SignInPage />} />
          <Route element={<ProtectedLayout />}>
            <Route index element={<Navigate to="/familjehem" replace />} />
            <Route path="familjehem" element={<FosterHomesPage />} />
            <Route path="familjehem/:id" element={<FosterHomeRoute />} />
            <Route path="lediga-platser" element={<FreePlacesPage />} />
            <Route path="matchning" element={<MatchingPage />} />
            <Route path="utredningar/ny" element={<StartAssessmentPage />} />
            <Route path="utredningar/:id" element={<AssessmentRoute />} />
            <Route path="godkannanden-att-fornya" element={<RenewalsPage />} />
            <Route path="rekrytering" element={<RecruitmentPipelinePage />} />
            <Route path="rekrytering/tratt" element={<RecruitmentFunnelPage />} />
            <Route path="rekrytering/:id" element={<RecruitmentRoute />} />
            <Route path="utbildning" element={<TrainingPage />} />
            <Route path="barn" element={<ChildrenPage />} />
            <Route path="barn/:id" element={<ChildRoute />} />
            <Route path="uppfoljning" element={<FollowUpDashboardPage />} />
            <Route path="uppfoljning/barn/:childId" element={<ChildFollowUpsPage />} />
            <Route path="rapporter" element={<ReportsIndexPage />} />
            <Route path="rapporter/ej-verkstallda" element={<UnexecutedDecisionsPage />} />
            <Route path="rapporter/ivo-familjehem" element={<IvoListPage />} />
            <Route path="rapporter/socialstyrelsen" element={<RegisterPage />} />
            <Route path="rapporter/placeringar" element={<PlacementsOverviewPage />} />
            <Route path="kostnader" element={<CostDashboardPage />} />
            <Route path="kostnader/placeringar" element={<PlacementCostsPage />} />
            <Route path="kostnader/prislista" element={<PriceListPage />} />
            <Route path="kostnader/budget" element={<BudgetPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
