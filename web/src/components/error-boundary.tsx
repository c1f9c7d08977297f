import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  hasError: boolean;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { hasError: false };

  static getDerivedStateFromError(): State {
    return { hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <main className="page page--narrow" id="huvudinnehall" tabIndex={-1}>
        <h1>Något gick fel</h1>
        <p role="alert">Sidan kunde inte visas på grund av ett oväntat fel.</p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Ladda om sidan
          </button>
        </p>
      </main>
    );
  }
}
