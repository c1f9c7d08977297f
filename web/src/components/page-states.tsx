import type { ReactNode } from 'react';

/** What a page or section says while it loads. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="muted">
      {children}
    </p>
  );
}

/** A failure to load, as an alert; with `onRetry` it offers "Försök igen". */
export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="alert alert--error">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Försök igen
        </button>
      )}
    </div>
  );
}

/** A record's page before the record is there. */
export type UnreadyState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'not-found' };

/** What a record's page shows until the record is there: loading, the failure (with a retry), or not found. */
export function PageLoadState({
  state,
  backLink,
  loading,
  errorHeading,
  notFoundHeading,
  notFound,
  onRetry,
}: {
  state: UnreadyState;
  backLink?: ReactNode;
  loading: string;
  errorHeading: string;
  notFoundHeading: string;
  notFound: string;
  onRetry?: () => void;
}) {
  return (
    <>
      {backLink}
      {state.status === 'loading' && <Loading>{loading}</Loading>}
      {state.status === 'error' && (
        <>
          <h1>{errorHeading}</h1>
          <ErrorAlert message={state.message} onRetry={onRetry} />
        </>
      )}
      {state.status === 'not-found' && (
        <>
          <h1>{notFoundHeading}</h1>
          <p>{notFound}</p>
        </>
      )}
    </>
  );
}
