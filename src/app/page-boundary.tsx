import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { RouteError } from './route-error';

interface Props {
  /** A new key (the path) clears a caught error, so the user can navigate away from a broken page. */
  resetKey: string;
  children: ReactNode;
}

/** Catches a crash in one page and shows it in place; the page's code may still be loading. */
export class PageBoundary extends Component<Props, { error: unknown; key: string }> {
  override state = { error: undefined as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: { error: unknown; key: string }) {
    return props.resetKey === state.key ? null : { error: undefined, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error !== undefined) return <RouteError error={this.state.error} />;
    return (
      <Suspense
        fallback={
          <p className="page page--loading" aria-busy="true">
            Loading the page…
          </p>
        }
      >
        {this.props.children}
      </Suspense>
    );
  }
}
