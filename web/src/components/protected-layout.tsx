import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { isAbortError, errorMessage, ApiError } from '../api/errors';
import { graphql } from '../api/graphql';
import { ViewerQuery } from '../api/operations';
import { clearToken, expireSession, getToken, onSessionExpired } from '../api/session';
import type { Viewer } from '../api/types';
import { roleLabel } from '../lib/labels';
import { ErrorAlert, Loading } from './page-states';
import { MAIN_CONTENT_ID, SkipLink, focusMainContent } from './skip-link';
import { ViewerContext } from './viewer-context';

export interface SignInLocationState {
  from?: string;
  reason?: 'expired' | 'signed-out';
}

type ViewerState =
  | { status: 'loading' }
  | { status: 'ready'; viewer: Viewer }
  | { status: 'error'; message: string };

/** Everything behind sign-in: loads the viewer, renders the header, and guards the routes. */
export function ProtectedLayout() {
  // Read once when the protected area mounts (it remounts after every sign-in). Reading
  // sessionStorage on every render would race with expireSession() and lose its redirect reason.
  const [token] = useState(getToken);
  const location = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<ViewerState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const from = `${location.pathname}${location.search}`;
  const fromRef = useRef(from);
  fromRef.current = from;

  useEffect(
    () =>
      onSessionExpired(() => {
        const state: SignInLocationState = { from: fromRef.current, reason: 'expired' };
        navigate('/logga-in', { replace: true, state });
      }),
    [navigate],
  );

  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    graphql(ViewerQuery, {}, { signal: controller.signal })
      .then(({ viewer }) => {
        if (viewer) setState({ status: 'ready', viewer });
        else expireSession();
      })
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        if (error instanceof ApiError && error.kind === 'unauthenticated') return;
        setState({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [token, attempt]);

  // Move focus to the main content when the page (not only its query string) changes,
  // so screen reader and keyboard users start at the new content.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusMainContent();
  }, [location.pathname]);

  const signOut = useCallback(() => {
    clearToken();
    const state: SignInLocationState = { reason: 'signed-out' };
    navigate('/logga-in', { replace: true, state });
  }, [navigate]);

  if (!token) {
    const state: SignInLocationState = { from };
    return <Navigate to="/logga-in" replace state={state} />;
  }

  const viewer = state.status === 'ready' ? state.viewer : null;

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/familjehem" className="site-header__brand">
            Samverka
          </Link>
          <nav aria-label="Huvudmeny" className="site-nav">
            <ul>
              <li>
                <NavLink to="/familjehem">Familjehem</NavLink>
              </li>
              {viewer?.roles.some((role) => role === 'FOSTER_CARE_WORKER' || role === 'HEAD_OF_UNIT') && (
                <>
                  <li>
                    <NavLink to="/rekrytering">Rekrytering</NavLink>
                  </li>
                  <li>
                    <NavLink to="/utbildning">Utbildning</NavLink>
                  </li>
                </>
              )}
              <li>
                <NavLink to="/lediga-platser">Lediga platser</NavLink>
              </li>
              <li>
                <NavLink to="/matchning">Matchning</NavLink>
              </li>
              {viewer?.roles.some((role) => role === 'FOSTER_CARE_WORKER' || role === 'HEAD_OF_UNIT') && (
                <li>
                  <NavLink to="/godkannanden-att-fornya">Godkännanden att förnya</NavLink>
                </li>
              )}
              {viewer?.organisation.kind === 'MUNICIPALITY' && viewer.roles.some((role) => role === 'CHILD_SOCIAL_WORKER' || role === 'HEAD_OF_UNIT') && (
                <>
                  <li>
                    <NavLink to="/barn">Barn</NavLink>
                  </li>
                  <li>
                    <NavLink to="/uppfoljning">Uppföljning</NavLink>
                  </li>
                  <li>
                    <NavLink to="/rapporter">Rapporter</NavLink>
                  </li>
                </>
              )}
              {(viewer?.organisation.kind === 'MUNICIPALITY' || viewer?.organisation.kind === 'FOSTER_CARE_UNIT') && viewer.roles.some((role) => role === 'HEAD_OF_UNIT' || role === 'ADMINISTRATOR' || (role === 'FOSTER_CARE_WORKER' && viewer.organisation.kind === 'FOSTER_CARE_UNIT')) && <li><NavLink to="/kostnader">Kostnader</NavLink></li>}
              {viewer?.roles.some((role) => role === 'NORRBUS_CONVENER' || role === 'NORRBUS_PARTICIPANT') && <li><NavLink to="/norrbus">Norrbusmöten</NavLink></li>}
              {viewer?.roles.some((role) => role === 'NORRBUS_CONVENER' || role === 'NORRBUS_PARTICIPANT' || role === 'HEAD_OF_UNIT' || role === 'CHILD_SOCIAL_WORKER') && <li><NavLink to="/avvikelser">Avvikelser</NavLink></li>}
              {viewer?.roles.some((role) => role === 'NORRBUS_CONVENER' || role === 'NORRBUS_PARTICIPANT' || role === 'STEERING_GROUP_MEMBER') && <li><NavLink to="/forum">Forum barn och unga</NavLink></li>}
              {viewer?.roles.includes('STEERING_GROUP_MEMBER') && <li><NavLink to="/styrgrupp" end>Årsuppföljning</NavLink></li>}
              {viewer?.roles.includes('STEERING_GROUP_MEMBER') && <li><NavLink to="/styrgrupp/avvikelser">Avvikelser i länet</NavLink></li>}
            </ul>
          </nav>
          <div className="site-header__session">
            {viewer && (
              <p className="site-header__user">
                <span className="visually-hidden">Inloggad som </span>
                <span className="site-header__name">{viewer.user.displayName}</span>
                <span className="site-header__org">
                  <span className="visually-hidden">, agerar för </span>
                  {viewer.organisation.name}
                  {viewer.roles.length > 0 && (
                    <span className="site-header__roles">
                      {' '}
                      ({viewer.roles.map(roleLabel).join(', ')})
                    </span>
                  )}
                </span>
              </p>
            )}
            <button type="button" className="button button--header" onClick={signOut}>
              Logga ut
            </button>
          </div>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="page">
        {state.status === 'loading' && <Loading>Hämtar dina uppgifter…</Loading>}
        {state.status === 'error' && <ErrorAlert message={state.message} onRetry={() => setAttempt((n) => n + 1)} />}
        {viewer && (
          <ViewerContext value={viewer}>
            <Outlet />
          </ViewerContext>
        )}
      </main>
    </>
  );
}
