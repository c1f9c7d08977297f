import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { fetchDemoUsers, signInAsDemoUser, type DemoUser } from '../api/auth';
import { errorMessage, isAbortError } from '../api/errors';
import { setToken } from '../api/session';
import { ErrorAlert } from '../components/page-states';
import type { SignInLocationState } from '../components/protected-layout';
import { MAIN_CONTENT_ID, SkipLink } from '../components/skip-link';
import { compareSv } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { useDocumentTitle } from '../lib/use-document-title';

type UsersState =
  | { status: 'loading' }
  | { status: 'ready'; users: DemoUser[] }
  | { status: 'disabled' }
  | { status: 'error'; message: string };

interface UserGroup {
  organisationName: string;
  users: DemoUser[];
}

const NO_ORGANISATION = 'Utan organisation';

/** Each user is listed once, under the organisation of their first role. */
function groupByOrganisation(users: DemoUser[]): UserGroup[] {
  const groups = new Map<string, DemoUser[]>();
  for (const user of users) {
    const organisationName = user.roles[0]?.organisationName ?? NO_ORGANISATION;
    const group = groups.get(organisationName);
    if (group) group.push(user);
    else groups.set(organisationName, [user]);
  }
  return [...groups.entries()]
    .map(([organisationName, members]) => ({
      organisationName,
      users: [...members].sort((a, b) => compareSv(a.displayName, b.displayName)),
    }))
    .sort((a, b) => compareSv(a.organisationName, b.organisationName));
}

function describeRoles(user: DemoUser, groupName: string): string {
  if (user.roles.length === 0) return 'Ingen roll';
  return user.roles
    .map((r) =>
      r.organisationName && r.organisationName !== groupName
        ? `${roleLabel(r.role)} (${r.organisationName})`
        : roleLabel(r.role),
    )
    .join(', ');
}

function safeReturnPath(from: string | undefined): string {
  if (from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/logga-in')) {
    return from;
  }
  return '/';
}

export function SignInPage() {
  useDocumentTitle('Logga in');
  const navigate = useNavigate();
  const location = useLocation();
  const locationState = (location.state ?? {}) as SignInLocationState;
  const [users, setUsers] = useState<UsersState>({ status: 'loading' });
  const [signingIn, setSigningIn] = useState<string | null>(null);
  const [signInError, setSignInError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const errorRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();

  useEffect(() => {
    const controller = new AbortController();
    setUsers({ status: 'loading' });
    fetchDemoUsers(controller.signal)
      .then((list) => setUsers(list === null ? { status: 'disabled' } : { status: 'ready', users: list }))
      .catch((error: unknown) => {
        if (isAbortError(error) || controller.signal.aborted) return;
        setUsers({ status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [attempt]);

  useEffect(() => {
    if (signInError) errorRef.current?.focus();
  }, [signInError]);

  const groups = useMemo(
    () => (users.status === 'ready' ? groupByOrganisation(users.users) : []),
    [users],
  );

  async function signIn(user: DemoUser) {
    if (signingIn) return;
    setSigningIn(user.email);
    setSignInError(null);
    try {
      const token = await signInAsDemoUser(user.email);
      setToken(token);
      navigate(safeReturnPath(locationState.from), { replace: true });
    } catch (error) {
      setSignInError(errorMessage(error));
      setSigningIn(null);
    }
  }

  const notice =
    locationState.reason === 'expired'
      ? 'Din inloggning har gått ut. Logga in igen.'
      : locationState.reason === 'signed-out'
        ? 'Du är utloggad.'
        : null;

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__brand">Samverka</span>
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="page page--narrow">
        <h1>Logga in</h1>
        <div role="status" className="status-region">
          {notice && <p className="alert alert--info">{notice}</p>}
          {signingIn && <p className="muted">Loggar in…</p>}
        </div>

        {signInError && (
          <div ref={errorRef} tabIndex={-1} role="alert" className="alert alert--error">
            <p>{signInError}</p>
          </div>
        )}

        {users.status === 'loading' && <p className="muted">Hämtar användare…</p>}

        {users.status === 'disabled' && (
          <div className="panel">
            <p>
              Inloggning sker via din kommuns identitetstjänst, till exempel med e-legitimation
              eller SITHS-kort. Kontakta din systemförvaltare om du inte kommer in.
            </p>
          </div>
        )}

        {users.status === 'error' && <ErrorAlert message={users.message} onRetry={() => setAttempt((n) => n + 1)} />}

        {users.status === 'ready' && (
          <>
            <p className="lead">
              Det här är en demomiljö. Välj vilken användare du vill logga in som.
            </p>
            {groups.length === 0 && <p>Det finns inga demoanvändare.</p>}
            {groups.map((group, groupIndex) => {
              const headingId = `${idPrefix}-org-${groupIndex}`;
              return (
                <section key={group.organisationName} aria-labelledby={headingId} className="user-group">
                  <h2 id={headingId}>{group.organisationName}</h2>
                  <ul className="user-list">
                    {group.users.map((user, userIndex) => {
                      const descriptionId = `${headingId}-user-${userIndex}`;
                      return (
                        <li key={user.email} className="user-list__item">
                          <button
                            type="button"
                            className="button button--user"
                            aria-describedby={descriptionId}
                            onClick={() => void signIn(user)}
                          >
                            {user.displayName}
                          </button>
                          <span id={descriptionId} className="user-list__roles">
                            {describeRoles(user, group.organisationName)}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </section>
              );
            })}
          </>
        )}
      </main>
    </>
  );
}
