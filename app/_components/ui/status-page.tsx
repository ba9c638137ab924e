// The layout of the 403, 404, error and "database unavailable" pages.
import type { ReactNode } from 'react';

export interface StatusPageProps {
  /** Small label above the title, e.g. "403" or "Error". */
  code?: ReactNode;
  title: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /** Error id for support (Next's digest), never a stack or a message. */
  digest?: string;
  /** Fill the whole viewport (outside the app shell). */
  full?: boolean;
}

export function StatusPage({ code, title, children, actions, digest, full }: StatusPageProps) {
  return (
    <div className={full ? 'center-page full' : 'center-page'}>
      <section className="card status-card">
        {code ? <p className="status-code">{code}</p> : null}
        <h1>{title}</h1>
        {children}
        {actions ? <div className="status-actions">{actions}</div> : null}
        {digest ? <p className="digest">Error id: {digest}</p> : null}
      </section>
    </div>
  );
}
