'use client';
// The sign-in form: next-auth's signIn without redirect, so errors show inline in a live region
// (role="status") and the typed e-mail stays.
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useRef, useState, type FormEvent } from 'react';
import { signInErrorMessage } from '@/lib/auth/messages';
import { safeCallbackPath } from '@/lib/auth/safe-callback';
import { Field } from '../ui/field';
import { SubmitButton } from '../ui/submit-button';

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (res?.ok && !res.error) {
        // Checked again here: this is the navigation the browser actually makes.
        router.replace(safeCallbackPath(callbackUrl));
        router.refresh();
        return; // keep the button busy until the next page shows
      }
      setError(signInErrorMessage(res?.error));
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
    setPending(false);
    if (passwordRef.current) {
      passwordRef.current.value = '';
      passwordRef.current.focus();
    }
  }

  return (
    <form className="auth-form" onSubmit={onSubmit}>
      <div role="status" aria-live="polite" className={error ? 'alert alert-error' : 'sr-only'} data-testid="login-error">
        {error}
      </div>
      <Field label="E-mail" name="email" required>
        <input type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} autoFocus maxLength={320} />
      </Field>
      <Field label="Password" name="password" required>
        <input ref={passwordRef} type="password" autoComplete="current-password" maxLength={1024} />
      </Field>
      <SubmitButton block pending={pending} pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
