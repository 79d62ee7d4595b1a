import { Component, type ErrorInfo, type ReactNode } from 'react';
import { diagnosticReport } from './diagnostics';
import { RecoveryScreen } from './RecoveryScreen';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  readonly variant: 'app' | 'module';
  /** When this changes (e.g. the route), a module boundary forgets its error and renders again. */
  readonly resetKey?: string;
  readonly version: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: unknown;
  readonly hasError: boolean;
  readonly componentStack: string | null;
  readonly resetKey: string | undefined;
  readonly time: Date | null;
}

function copyToClipboard(text: string): Promise<void> {
  if (!navigator.clipboard) return Promise.reject(new Error('clipboard unavailable'));
  return navigator.clipboard.writeText(text);
}

/**
 * Catches render errors (including a lazy screen chunk that fails to load) and shows the
 * translated recovery screen instead of a blank window.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = {
    error: null,
    hasError: false,
    componentStack: null,
    resetKey: this.props.resetKey,
    time: null,
  };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error, hasError: true, time: new Date() };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: null, hasError: false, componentStack: null, time: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? null });
    console.error('CourtDesk: render error caught by the error boundary', error);
  }

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    const report = diagnosticReport({
      error: this.state.error,
      componentStack: this.state.componentStack,
      url: typeof window === 'undefined' ? '' : window.location.href,
      userAgent: typeof navigator === 'undefined' ? '' : navigator.userAgent,
      version: this.props.version,
      time: this.state.time ?? new Date(),
    });
    return (
      <RecoveryScreen
        variant={this.props.variant}
        report={report}
        onReload={() => window.location.reload()}
        copyText={copyToClipboard}
      />
    );
  }
}
