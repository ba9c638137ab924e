'use client';
// Split a team goal into member goals: a target per member, with the add-up check for totals (the
// members' targets should make the team's) computed as you type; the server checks again on save.
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import { targetsAddUp } from '@/lib/goals/cascade';
import { formatKpiValue } from '@/lib/kpi/format';
import type { KpiUnit } from '@/lib/kpi/types';
import { Alert } from '../../../_components/ui/alert';
import { SubmitButton } from '../../../_components/ui/submit-button';
import { splitGoalAction } from '../actions';
import styles from './goal-page.module.css';

export interface SplitMember { id: number; name: string; target: number | null }

export function SplitForm({ goalId, teamTarget, additive, members, unit }: {
  goalId: number; teamTarget: number; additive: boolean; members: SplitMember[]; unit: KpiUnit;
}) {
  const [state, action] = useActionState<ActionState, FormData>(splitGoalAction, null);
  const [targets, setTargets] = useState<Record<number, string>>(
    Object.fromEntries(members.map((m) => [m.id, m.target === null ? '' : String(m.target)])));
  const given = Object.values(targets).filter((t) => t.trim() !== '' && Number.isFinite(Number(t))).map(Number);
  const check = additive && given.length ? targetsAddUp(teamTarget, given) : null;
  const show = (n: number) => formatKpiValue(n, unit);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={action} className={styles.split} data-testid="split-form">
      <input type="hidden" name="id" value={goalId} />
      {state && !state.ok && state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state?.ok ? <Alert tone="success">{state.message}</Alert> : null}
      <div className={styles.splitGrid}>
        {members.map((m) => (
          <div key={m.id} className="field">
            <label className="field-label" htmlFor={`target-${m.id}`}>{m.name}</label>
            <input id={`target-${m.id}`} name={`target_${m.id}`} inputMode="decimal" value={targets[m.id] ?? ''} placeholder="No goal"
              onChange={(e) => setTargets((t) => ({ ...t, [m.id]: e.target.value }))} aria-invalid={errors[`target_${m.id}`] ? true : undefined} />
            {errors[`target_${m.id}`] ? <p className="field-error">{errors[`target_${m.id}`]!.join(' ')}</p> : null}
          </div>
        ))}
      </div>
      {check ? (
        <p className={check.addsUp ? styles.addsUp : styles.addsNot} data-testid="split-sum" role="status">
          Member targets add up to {show(check.sum)} of the team’s {show(teamTarget)}
          {check.addsUp ? ': they add up.' : `: ${show(Math.abs(check.difference))} ${check.difference < 0 ? 'short' : 'more than the team target'}.`}
        </p>
      ) : !additive ? <p className="subtle">This KPI is a rate or mean: member targets do not add up to the team’s; each is the member’s own level.</p> : null}
      <SubmitButton variant="secondary" pendingLabel="Saving…">Save member goals</SubmitButton>
    </form>
  );
}
