'use client';
// Keeps one failing widget (a KPI group, a chart group, the drill-down) from taking the page down:
// the rest of the dashboard stays, this box says what failed and offers a retry. The server log has
// the real error under Next's digest.
import { useRouter } from 'next/navigation';
import { Component, startTransition, type ReactNode } from 'react';
import { errorDigest } from '../error-view';
import styles from './kpi.module.css';

function WidgetError({ label, digest, onRetry }: { label: string; digest?: string; onRetry: () => void }) {
  const router = useRouter();
  return (
    <div className={styles.widgetError} role="alert">
      <p><strong>{label} could not be loaded.</strong> The other numbers on this page are not affected.</p>
      <p className={styles.widgetErrorActions}>
        <button type="button" className="btn btn-secondary btn-sm" onClick={() => startTransition(() => { router.refresh(); onRetry(); })}>Try again</button>
        {digest ? <span className="subtle">Error id: {digest}</span> : null}
      </p>
    </div>
  );
}

export class WidgetBoundary extends Component<{ label: string; children: ReactNode }, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return <WidgetError label={this.props.label} digest={errorDigest(this.state.error)} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
