// Public page behind a one-time link from an administrator: the user chooses their password.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { checkPasswordToken, TOKEN_MESSAGES } from '@/lib/admin/tokens';
import { Alert } from '../../_components/ui';
import { BrandMark } from '../../_components/shell/brand';
import { SetPasswordForm } from './set-password-form';

export const metadata: Metadata = { title: 'Set your password', referrer: 'no-referrer' };

export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  const check = token.length >= 20 && token.length <= 200 ? await checkPasswordToken(await getReadDb(), token) : ({ ok: false, reason: 'invalid' } as const);
  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="setpw-title">
        <div className="auth-brand"><BrandMark size={22} /></div>
        <h1 id="setpw-title">Set your password</h1>
        {check.ok ? (
          <>
            <p className="auth-sub">for {check.email}</p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <>
            <Alert tone="error">{TOKEN_MESSAGES[check.reason]}</Alert>
            <p className="auth-foot"><Link href="/login">Sign in</Link></p>
          </>
        )}
      </section>
    </main>
  );
}
