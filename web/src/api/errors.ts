export type ApiErrorKind = 'network' | 'http' | 'graphql' | 'unauthenticated' | 'invalid-response';

/** An error from the API whose message is Swedish and safe to show to the user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  /** Server messages, kept for debugging; not shown to users. */
  readonly details: readonly string[];

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; details?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.details = options.details ?? [];
  }
}

export const UNAUTHENTICATED_MESSAGE = 'Din inloggning har gått ut. Logga in igen.';
export const NETWORK_MESSAGE =
  'Det gick inte att nå servern. Kontrollera nätverksanslutningen och försök igen.';

export function messageForStatus(status: number): string {
  if (status === 401) return UNAUTHENTICATED_MESSAGE;
  if (status === 403) return 'Du har inte behörighet att göra det här.';
  if (status === 404) return 'Tjänsten hittades inte (404).';
  if (status === 413) return 'Begäran var för stor för servern.';
  if (status === 429) return 'Servern har fått för många förfrågningar. Vänta en stund och försök igen.';
  if (status >= 500) return 'Tjänsten svarar inte just nu. Försök igen om en stund.';
  return `Servern kunde inte hantera begäran (felkod ${status}).`;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A Swedish message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Något gick fel. Försök igen.';
}
