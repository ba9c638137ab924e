// The sign-in page (public). A signed-in visitor goes straight on to where they were heading.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from '@/lib/auth/safe-callback';
import { getCurrentUser } from '@/lib/auth/session';
import { LoginForm } from '../../_components/auth/login-form';
import { BrandMark } from '../../_components/shell/brand';

export const metadata: Metadata = { title: 'Sign in' };

/** Only paths of this app (lib/auth/safe-callback.ts); never back to /login itself (a loop). */
function callbackFrom(value: string | string[] | undefined): string {
  const path = safeCallbackPath(Array.isArray(value) ? value[0] : value);
  return /^\/login(?:[/?#]|$)/.test(path) ? DEFAULT_AFTER_SIGN_IN : path;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = callbackFrom(params.callbackUrl);
  // A database outage must not break the sign-in page itself: just show the form.
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(callbackUrl);
  const error = typeof params.error === 'string' ? params.error : undefined;

  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <div className="auth-brand"><BrandMark size={22} /></div>
        <h1 id="login-title">Sign in</h1>
        <p className="auth-sub">to your CRM KPI dashboard</p>
        <LoginForm callbackUrl={callbackUrl} initialError={error} />
        <p className="auth-foot">No account yet? Ask your administrator for an invitation.</p>
      </section>
    </main>
  );
}
