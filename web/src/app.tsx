import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { StartPage } from './components/start-page';
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
import { DeviationsPage } from './pages/deviations/deviations-page';
import { DeviationRoute } from './pages/deviations/deviation-page';
import { DisputesPage } from './pages/deviations/disputes-page';
import { DisputeRoute } from './pages/deviations/dispute-page';
import { SteeringGroupPage } from './pages/deviations/steering-group-page';
import { ForumsPage } from './pages/norrbus/forums/forums-page';
import { ForumRoute } from './pages/norrbus/forums/forum-page';
import { CreateForumPage } from './pages/norrbus/forums/create-forum-page';
import { RecordForumMeetingRoute } from './pages/norrbus/forums/record-meeting-page';
import { SteeringDashboardPage } from './pages/norrbus/steering/steering-dashboard-page';
import { NorrbusOverviewPage } from './pages/norrbus/meetings/overview-page';
import { NewNorrbusMeetingPage } from './pages/norrbus/meetings/new-meeting-page';
import { NorrbusMeetingRoute } from './pages/norrbus/meetings/meeting-page';

export function App() {
  return (
    <ErrorBoundary>
      <BrowserRouter>
        <Routes>
          <Route path="/logga-in" element={<SignInPage />} />
          <Route element={<ProtectedLayout />}>
            <Route index element={<StartPage />} />
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
            <Route path="avvikelser" element={<DeviationsPage />} />
            <Route path="avvikelser/:id" element={<DeviationRoute />} />
            <Route path="oenigheter" element={<DisputesPage />} />
            <Route path="oenigheter/:id" element={<DisputeRoute />} />
            <Route path="styrgrupp/avvikelser" element={<SteeringGroupPage />} />
            <Route path="forum" element={<ForumsPage />} />
            <Route path="forum/nytt" element={<CreateForumPage />} />
            <Route path="forum/:id" element={<ForumRoute />} />
            <Route path="forum/:id/nytt-mote" element={<RecordForumMeetingRoute />} />
            <Route path="styrgrupp" element={<SteeringDashboardPage />} />
            <Route path="norrbus" element={<NorrbusOverviewPage />} />
            <Route path="norrbus/moten/ny" element={<NewNorrbusMeetingPage />} />
            <Route path="norrbus/moten/:id" element={<NorrbusMeetingRoute />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
