'use client';
// The forms of one user's page: role/department/team, deactivate or reactivate, reset the password.
import { useActionState, useState } from 'react';
import { DEPARTMENTS, ROLES } from '@/db/schema/enums';
import { Alert, Field, SubmitButton } from '../../../../_components/ui';
import type { ActionState } from '@/lib/actions/protected-action';
import { resetPasswordAction, setUserActiveAction, updateUserAction } from '../../actions';
import { LinkBox } from '../link-box';
import styles from '../users.module.css';

export interface EditableUser { id: number; role: string; department: string | null; teamId: number | null; active: boolean }

function Result({ state }: { state: ActionState }) {
  if (!state) return null;
  if (state.ok) return <><Alert tone="success">{state.message}</Alert>{typeof state.id === 'string' ? <LinkBox path={state.id} /> : null}</>;
  return <Alert tone="error">{state.error ?? Object.values(state.fieldErrors ?? {}).flat().join(' ')}</Alert>;
}

export function EditUserForm({ user, teams }: { user: EditableUser; teams: { id: number; name: string }[] }) {
  const [state, action] = useActionState(updateUserAction, null);
  return (
    <form action={action} aria-label="Role, department and team">
      <Result state={state} />
      <input type="hidden" name="id" value={user.id} />
      <Field label="Role" name="role"><select defaultValue={user.role}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></Field>
      <Field label="Department" name="department"><select defaultValue={user.department ?? ''}><option value="">—</option>{DEPARTMENTS.map((d) => <option key={d}>{d}</option>)}</select></Field>
      <Field label="Team" name="teamId"><select defaultValue={user.teamId ?? ''}><option value="">—</option>{teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></Field>
      <div className={styles.actions}><SubmitButton pendingLabel="Saving…">Save</SubmitButton></div>
    </form>
  );
}

export function ActiveForm({ user }: { user: EditableUser }) {
  const [state, action] = useActionState(setUserActiveAction, null);
  return (
    <form action={action} aria-label={user.active ? 'Deactivate' : 'Reactivate'}>
      <Result state={state} />
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="active" value={user.active ? 'false' : 'true'} />
      <p className="muted">{user.active ? 'A deactivated user cannot sign in; an open session stops at its next request.' : 'This user is deactivated.'}</p>
      <SubmitButton variant={user.active ? 'danger' : 'primary'}>{user.active ? 'Deactivate' : 'Reactivate'}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: number }) {
  const [state, action] = useActionState(resetPasswordAction, null);
  const [mode, setMode] = useState<'link' | 'password'>('link');
  return (
    <form action={action} aria-label="Reset password">
      <Result state={state} />
      <input type="hidden" name="id" value={userId} />
      <p className="muted">The old password and open sessions stop working at once.</p>
      <div className={styles.modeRow}>
        <label><input type="radio" name="passwordMode" value="link" checked={mode === 'link'} onChange={() => setMode('link')} /> One-time link</label>
        <label><input type="radio" name="passwordMode" value="password" checked={mode === 'password'} onChange={() => setMode('password')} /> Set now</label>
      </div>
      {mode === 'password' ? <Field label="New password" name="password" hint="At least 10 characters."><input type="password" autoComplete="new-password" /></Field> : null}
      <div className={styles.actions}><SubmitButton variant="secondary">Reset password</SubmitButton></div>
    </form>
  );
}
