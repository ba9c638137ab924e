'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert, Field, SubmitButton } from '../../_components/ui';
import { setPasswordAction } from './actions';

export function SetPasswordForm({ token }: { token: string }) {
  const [state, action] = useActionState(setPasswordAction, null);
  if (state?.ok) {
    return <><Alert tone="success">{state.message}</Alert><p className="auth-foot"><Link href="/login">Go to sign in</Link></p></>;
  }
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={action} className="auth-form">
      {state && !state.ok && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field label="New password" name="password" hint="At least 10 characters." error={fe.password} required>
        <input type="password" autoComplete="new-password" />
      </Field>
      <Field label="Repeat the password" name="confirm" error={fe.confirm} required>
        <input type="password" autoComplete="new-password" />
      </Field>
      <SubmitButton block pendingLabel="Saving…">Set password</SubmitButton>
    </form>
  );
}
