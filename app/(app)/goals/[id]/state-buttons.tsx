'use client';
// Close, archive or reopen a goal (server action; the server checks the right to this goal again).
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import { SubmitButton } from '../../../_components/ui/submit-button';
import { changeGoalStateAction } from '../actions';

function StateForm({ id, change, label, confirm }: { id: number; change: 'close' | 'archive' | 'reopen'; label: string; confirm?: string }) {
  const [state, action] = useActionState<ActionState, FormData>(changeGoalStateAction, null);
  return (
    <form action={action} onSubmit={(e) => { if (confirm && !window.confirm(confirm)) e.preventDefault(); }}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="change" value={change} />
      <SubmitButton variant="secondary" pendingLabel={`${label}…`}>{label}</SubmitButton>
      {state && !state.ok ? <p className="field-error" role="status">{state.error}</p> : null}
    </form>
  );
}

export function StateButtons({ id, state }: { id: number; state: string }) {
  if (state !== 'active') return <StateForm id={id} change="reopen" label="Reopen" />;
  return (
    <>
      <StateForm id={id} change="close" label="Close" confirm="Close this goal? It stays in the list, marked closed, and stops showing on dashboards." />
      <StateForm id={id} change="archive" label="Archive" confirm="Archive this goal? It is hidden from the list unless you ask for archived goals." />
    </>
  );
}
