// The bearer token lives in sessionStorage: it disappears when the tab is closed.
const TOKEN_KEY = 'samverka.token';

export function getToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  window.sessionStorage.setItem(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage may be unavailable (private mode); nothing to clear then.
  }
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when the API says the session is no longer valid (HTTP 401 or no viewer). */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => {
    expiredListeners.delete(listener);
  };
}

export function expireSession(): void {
  clearToken();
  for (const listener of expiredListeners) listener();
}
