'use client';
// Create a team; per team: rename and choose its managers.
import { useActionState } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import { Alert, Field, SubmitButton } from '../../../_components/ui';
import { createTeamAction, renameTeamAction, setTeamManagersAction } from '../actions';
import styles from './teams.module.css';

function Result({ state }: { state: ActionState }) {
  if (!state) return null;
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return <Alert tone="error">{Object.values(state.fieldErrors ?? {}).flat().join(' ') || state.error}</Alert>;
}

export function CreateTeamForm() {
  const [state, action] = useActionState(createTeamAction, null);
  return (
    <form action={action} className={styles.inline} aria-label="New team">
      <Field label="New team" name="name" required><input autoComplete="off" /></Field>
      <SubmitButton>Create</SubmitButton>
      <div className={styles.full}><Result state={state} /></div>
    </form>
  );
}

export function TeamEditor({ team, candidates }: { team: { id: number; name: string; managerIds: number[] }; candidates: { id: number; name: string; email: string }[] }) {
  const [renameState, rename] = useActionState(renameTeamAction, null);
  const [mgrState, setMgrs] = useActionState(setTeamManagersAction, null);
  return (
    <div className="stack">
      <form action={rename} className={styles.inline} aria-label={`Rename ${team.name}`}>
        <input type="hidden" name="id" value={team.id} />
        <Field label="Name" name="name" id={`team-${team.id}-name`}><input defaultValue={team.name} /></Field>
        <SubmitButton variant="secondary">Rename</SubmitButton>
        <div className={styles.full}><Result state={renameState} /></div>
      </form>
      <form action={setMgrs} aria-label={`Managers of ${team.name}`}>
        <input type="hidden" name="id" value={team.id} />
        <fieldset className={styles.managers}>
          <legend className="field-label">Managers</legend>
          {candidates.map((c) => (
            <label key={c.id}><input type="checkbox" name="managerIds" value={c.id} defaultChecked={team.managerIds.includes(c.id)} /> {c.name}</label>
          ))}
        </fieldset>
        <SubmitButton variant="secondary">Save managers</SubmitButton>
        <Result state={mgrState} />
      </form>
    </div>
  );
}
