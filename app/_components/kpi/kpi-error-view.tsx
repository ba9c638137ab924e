'use client';
// The error boundary of the dashboard and KPI pages: says what failed in their terms and offers the
// ways out that usually help (retry, the default view without the link's filters). A database outage
// gets the shared "database unavailable" page.
import { useEffect } from 'react';
import { isDbUnavailableDigest } from '@/lib/db-unavailable';
import { ErrorView, errorDigest } from '../error-view';
import { Button, ButtonLink } from '../ui/button';
import { StatusPage } from '../ui/status-page';

export function KpiErrorView({ error, retry, what }: { error: unknown; retry: () => void; what: 'dashboard' | 'KPI' }) {
  const digest = errorDigest(error);
  useEffect(() => console.error(`${what} error`, digest ?? '(client)'), [digest, what]);
  if (isDbUnavailableDigest(digest)) return <ErrorView error={error} retry={retry} />;
  return (
    <StatusPage
      code="Error"
      title={what === 'dashboard' ? 'The dashboard could not be computed' : 'This KPI could not be computed'}
      digest={digest}
      actions={
        <>
          <Button variant="primary" onClick={() => retry()}>Try again</Button>
          <ButtonLink href="/dashboard">Open your default dashboard</ButtonLink>
        </>
      }
    >
      <p>
        The numbers are computed live from the CRM records, and this time the computation failed. Try again; if it keeps
        failing with these filters, open the default view and narrow it down again, and send the error id below to your
        administrator.
      </p>
    </StatusPage>
  );
}
