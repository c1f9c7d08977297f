import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { ErrorBoundary } from './components/error-boundary';
import { ProtectedLayout } from './components/protected-layout';
import { FosterHomeRoute } from './pages/foster-home-page';
import { FosterHomesPage } from './pages/foster-homes-page';
import { NotFoundPage } from './pages/not-found-page';
import { SignInPage } from './pages/sign-in-page';

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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ErrorBoundary>
  );
}
