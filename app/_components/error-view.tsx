'use client';
// What error boundaries show: a kind message and the error id (Next's digest) for support. Never the
// error's message or stack: in production Next has already replaced them, and in development we still
// do not want them on screen for users. A database outage gets its own message.
import { useEffect } from 'react';
import { isDbUnavailableDigest } from '@/lib/db-unavailable';
import { DbUnavailablePage } from './shell/db-unavailable-page';
import { Button, ButtonLink } from './ui/button';
import { StatusPage } from './ui/status-page';

export function errorDigest(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'digest' in error && typeof error.digest === 'string') return error.digest;
  return undefined;
}

export function ErrorView({ error, retry, full }: { error: unknown; retry: () => void; full?: boolean }) {
  const digest = errorDigest(error);
  useEffect(() => {
    // The real error is in the server log under this digest; the browser console gets only the id.
    console.error('Page error', digest ?? '(client)');
  }, [digest]);

  const again = <Button variant="primary" onClick={() => retry()}>Try again</Button>;
  if (isDbUnavailableDigest(digest)) return <DbUnavailablePage digest={digest} full={full} action={again} />;
  return (
    <StatusPage
      full={full}
      code="Error"
      title="Something went wrong"
      digest={digest}
      actions={<>{again}<ButtonLink href="/dashboard">Go to your dashboard</ButtonLink></>}
    >
      <p>We could not show this page. Try again in a moment; if it keeps happening, send the error id below to your administrator.</p>
    </StatusPage>
  );
}
