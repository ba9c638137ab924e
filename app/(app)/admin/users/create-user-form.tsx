'use client';
// New user: name, e-mail, role, department, team, then either an initial password or a one-time link.
import { useActionState, useState } from 'react';
import { DEPARTMENTS, ROLES } from '@/db/schema/enums';
import { Alert, Field, SubmitButton } from '../../../_components/ui';
import { createUserAction } from '../actions';
import { LinkBox } from './link-box';
import styles from './users.module.css';

export function CreateUserForm({ teams }: { teams: { id: number; name: string }[] }) {
  const [state, action] = useActionState(createUserAction, null);
  const [mode, setMode] = useState<'link' | 'password'>('link');
  const v = (state && !state.ok ? state.values : undefined) ?? {};
  const fe = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={action} aria-label="New user">
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      {state?.ok && typeof state.id === 'string' ? <LinkBox path={state.id} /> : null}
      {state && !state.ok && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Field label="Name" name="name" required error={fe.name}><input defaultValue={v.name as string} autoComplete="off" /></Field>
      <Field label="E-mail" name="email" required error={fe.email}><input type="email" defaultValue={v.email as string} autoComplete="off" /></Field>
      <Field label="Role" name="role" error={fe.role}>
        <select defaultValue={(v.role as string) ?? 'member'}>{ROLES.map((r) => <option key={r} value={r}>{r}</option>)}</select>
      </Field>
      <Field label="Department" name="department" error={fe.department}>
        <select defaultValue={(v.department as string) ?? ''}><option value="">—</option>{DEPARTMENTS.map((d) => <option key={d} value={d}>{d}</option>)}</select>
      </Field>
      <Field label="Team" name="teamId" error={fe.teamId}>
        <select defaultValue={(v.teamId as string) ?? ''}><option value="">—</option>{teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select>
      </Field>
      <fieldset className="field">
        <legend className="field-label">Password</legend>
        <div className={styles.modeRow}>
          <label><input type="radio" name="passwordMode" value="link" checked={mode === 'link'} onChange={() => setMode('link')} /> One-time link</label>
          <label><input type="radio" name="passwordMode" value="password" checked={mode === 'password'} onChange={() => setMode('password')} /> Set now</label>
        </div>
      </fieldset>
      {mode === 'password' ? (
        <Field label="Initial password" name="password" hint="At least 10 characters." error={fe.password}><input type="password" autoComplete="new-password" /></Field>
      ) : null}
      <div className={styles.actions}><SubmitButton pendingLabel="Creating…">Create user</SubmitButton></div>
    </form>
  );
}
