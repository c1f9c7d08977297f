import { ApiError, NETWORK_MESSAGE, UNAUTHENTICATED_MESSAGE, errorMessage, isAbortError, messageForStatus } from './errors';
import { expireSession, getToken } from './session';

/**
 * A GraphQL document as a string, carrying the types of its result and variables
 * so that `graphql()` can infer both.
 */
export type Operation<TData, TVariables> = string & {
  readonly __operationTypes?: (variables: TVariables) => TData;
};

export function operation<TData, TVariables = Record<string, never>>(
  source: string,
): Operation<TData, TVariables> {
  return source as Operation<TData, TVariables>;
}

interface GraphQLErrorPayload {
  message?: unknown;
  extensions?: { code?: unknown } | null;
}

interface GraphQLResponse<TData> {
  data?: TData | null;
  errors?: GraphQLErrorPayload[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const GRAPHQL_ENDPOINT = '/graphql';

/** Codes of the server's domain errors, whose messages are Swedish and meant for the user. */
const USER_FACING_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED', 'VERSION_CONFLICT']);

function userFacingMessage(errors: GraphQLErrorPayload[]): string | null {
  const error = errors.find(
    (e) => typeof e.extensions?.code === 'string' && USER_FACING_CODES.has(e.extensions.code),
  );
  return error && typeof error.message === 'string' && error.message !== '' ? error.message : null;
}

export async function graphql<TData, TVariables>(
  query: Operation<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('network', NETWORK_MESSAGE, { cause: error });
  }

  if (response.status === 401) {
    expireSession();
    throw new ApiError('unauthenticated', UNAUTHENTICATED_MESSAGE, { status: 401 });
  }

  let body: GraphQLResponse<TData> | undefined;
  try {
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    body = undefined;
  }

  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const details = errors.map((e) => (typeof e.message === 'string' ? e.message : String(e.message)));

  if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    expireSession();
    throw new ApiError('unauthenticated', UNAUTHENTICATED_MESSAGE, {
      status: response.status,
      details,
    });
  }

  if (!response.ok) {
    throw new ApiError('http', messageForStatus(response.status), {
      status: response.status,
      details,
    });
  }

  if (errors.length > 0) {
    const message =
      userFacingMessage(errors) ?? 'Servern kunde inte hämta eller spara uppgifterna. Försök igen.';
    throw new ApiError('graphql', message, {
      status: response.status,
      details,
    });
  }

  if (body?.data == null) {
    throw new ApiError('invalid-response', 'Servern skickade ett svar som inte gick att läsa.', {
      status: response.status,
    });
  }

  return body.data;
}

/**
 * Starts a query for a React effect and returns the effect's cleanup, which aborts it. The data goes
 * to `onData`, a failure's message to `onError`; nothing arrives once the query is aborted.
 */
export function startQuery<TData, TVariables>(
  query: Operation<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
  onError?: (message: string) => void,
): () => void {
  const controller = new AbortController();
  graphql(query, variables, { signal: controller.signal })
    .then(onData)
    .catch((error: unknown) => {
      if (!isAbortError(error) && !controller.signal.aborted) onError?.(errorMessage(error));
    });
  return () => controller.abort();
}
