import { ApiError, NETWORK_MESSAGE, messageForStatus } from './errors';

export interface DemoUserRole {
  role: string;
  organisationName: string;
}

export interface DemoUser {
  email: string;
  displayName: string;
  roles: DemoUserRole[];
}

/** `null` means demo sign-in is disabled on this server (HTTP 404). */
export async function fetchDemoUsers(signal?: AbortSignal): Promise<DemoUser[] | null> {
  let response: Response;
  try {
    response = await fetch('/auth/demo/users', { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('network', NETWORK_MESSAGE, { cause: error });
  }
  if (response.status === 404) return null;
  if (!response.ok) {
    throw new ApiError('http', messageForStatus(response.status), { status: response.status });
  }
  const body = (await response.json().catch(() => null)) as { users?: unknown } | null;
  if (!body || !Array.isArray(body.users)) {
    throw new ApiError('invalid-response', 'Servern skickade en användarlista som inte gick att läsa.');
  }
  return body.users as DemoUser[];
}

export async function signInAsDemoUser(email: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/auth/demo/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email }),
    });
  } catch (error) {
    throw new ApiError('network', NETWORK_MESSAGE, { cause: error });
  }
  if (!response.ok) {
    // The server's own message is Swedish; fall back to ours when there is none.
    const errorBody = (await response.json().catch(() => null)) as { message?: unknown } | null;
    const serverMessage = typeof errorBody?.message === 'string' ? errorBody.message : null;
    const message =
      response.status === 404
        ? 'Demoinloggningen är inte aktiverad på den här servern.'
        : (serverMessage ??
          (response.status === 401 || response.status === 403
            ? 'Inloggningen nekades. Välj en annan användare eller kontakta administratören.'
            : messageForStatus(response.status)));
    throw new ApiError('http', message, { status: response.status });
  }
  const body = (await response.json().catch(() => null)) as { token?: unknown } | null;
  if (!body || typeof body.token !== 'string' || body.token === '') {
    throw new ApiError('invalid-response', 'Servern skickade inget giltigt inloggningsbevis.');
  }
  return body.token;
}
