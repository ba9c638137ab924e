// Shown instead of a page while the database cannot be reached. The app recovers by itself once the
// database is back (the next request reconnects), so "Try again" is a plain reload.
import { DB_UNAVAILABLE_MESSAGE } from '@/lib/db-unavailable';
import type { ReactNode } from 'react';
import { StatusPage } from '../ui/status-page';
import { ReloadButton } from './reload-button';

export function DbUnavailablePage({ digest, full, action }: { digest?: string; full?: boolean; action?: ReactNode }) {
  return (
    <StatusPage
      code="503 · Service unavailable"
      title="The database is unavailable"
      full={full}
      digest={digest}
      actions={action ?? <ReloadButton />}
    >
      <p>{DB_UNAVAILABLE_MESSAGE} Your data is safe; nothing was changed.</p>
    </StatusPage>
  );
}
