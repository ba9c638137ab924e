// The signed-in shell. Loads the user once per request (getCurrentUser is cache()d, so pages asking
// again cost nothing); pages still check their own permission, the layout does not guard them.
// Keep this segment without a loading.tsx: forbidden() must run before streaming starts so the
// 403 page keeps its HTTP 403 status.
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { DbUnavailableError } from '@/lib/db-unavailable';
import { AppHeader } from '../_components/shell/app-header';
import { DbUnavailablePage } from '../_components/shell/db-unavailable-page';

export default async function AppLayout({ children }: { children: ReactNode }) {
  let user;
  try {
    user = await requireUser();
  } catch (err) {
    // Rendered here on the server, so it shows even without JavaScript. redirect() etc. pass through.
    if (err instanceof DbUnavailableError) return <DbUnavailablePage full digest={err.digest} />;
    throw err;
  }
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <AppHeader user={user} />
      <main id="main" className="app-main">{children}</main>
    </>
  );
}
