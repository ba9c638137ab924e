'use client';
// The goal form (create and edit): SMART fields, the filters the chosen KPI allows, and the Achievable
// panel with the KPI's history for the chosen scope. Controlled fields, so what was typed survives a
// refused submit; the server action re-checks everything (goalSchema and the mutations).
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/actions/protected-action';
import type { GoalFormOptions } from '@/lib/goals/form-options';
import { getKpi } from '@/lib/kpi/registry';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import { Alert } from '../../../_components/ui/alert';
import { SubmitButton } from '../../../_components/ui/submit-button';
import { AchievablePanel } from './achievable-panel';
import { MeasurableFields, RelevantFields, SpecificFields, type Bind } from './goal-form-fields';
import styles from './goal-form.module.css';

export type GoalFormValues = Record<string, string>;
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function GoalForm({ action, initial, options, filterChoices, submitLabel, departmentFromUser = false }: {
  action: Action;
  /** The department is the creator's: choosing a KPI does not move it to the KPI's dashboard. */
  departmentFromUser?: boolean;
  initial: GoalFormValues;
  options: GoalFormOptions;
  filterChoices: Record<string, string[]>;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [v, setV] = useState<GoalFormValues>(initial);
  // A ref, not state: the history fetch that proposes a baseline resolves later and must see the latest.
  const touched = useRef<Record<string, boolean>>({ baseline: initial.baseline !== '', department: !!initial.id || departmentFromUser });
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const kpi = getKpi(v.kpi_key ?? '');

  const set = (name: string, value: string) => {
    touched.current[name] = true;
    setV((prev) => {
      const next = { ...prev, [name]: value };
      // A new KPI: its department by default (for a creator without a department, until they pick one), and
      // no filters it does not take.
      const k = name === 'kpi_key' ? getKpi(value) : undefined;
      if (k) {
        if (!touched.current.department && k.dashboards.length) next.department = k.dashboards[0];
        for (const f of GOAL_FILTER_KEYS) if (!(k.filters as readonly string[]).includes(f)) next[`filter_${f}`] = '';
      }
      return next;
    });
  };
  const bind: Bind = (name) => ({ name, value: v[name] ?? '', onChange: (e: { target: { value: string } }) => set(name, e.target.value) });
  const proposeBaseline = (value: number) => {
    if (!touched.current.baseline) setV((prev) => ({ ...prev, baseline: String(Math.round(value * 100) / 100) }));
  };
  // Submitting through a transition rather than the form's action prop: React resets a form after its
  // action, which would show every select at its first option while the state kept the choice.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => formAction(data));
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className={styles.form} noValidate>
      {v.id ? <input type="hidden" name="id" value={v.id} /> : null}
      {v.parent_goal_id ? <input type="hidden" name="parent_goal_id" value={v.parent_goal_id} /> : null}
      {state && !state.ok && state.error ? <Alert tone="error" data-testid="goal-form-error">{state.error}</Alert> : null}

      <SpecificFields bind={bind} errors={errors} kpi={kpi} filterChoices={filterChoices} />
      <RelevantFields bind={bind} errors={errors} scope={v.scope} options={options} />
      <MeasurableFields bind={bind} errors={errors} kpi={kpi} />

      <fieldset className={styles.section}>
        <legend>Achievable</legend>
        <AchievablePanel values={v} onBaseline={proposeBaseline} onUse={(x) => set('baseline', String(Math.round(x * 100) / 100))} />
        <div className={styles.check}>
          <input type="checkbox" id="field-stretch" name="stretch" checked={v.stretch === 'on'}
            onChange={(e) => set('stretch', e.target.checked ? 'on' : '')}
            aria-invalid={errors.stretch ? true : undefined} aria-describedby={errors.stretch ? 'field-stretch-error' : 'field-stretch-hint'} />
          <div>
            <label htmlFor="field-stretch" className="field-label">Stretch goal</label>
            <p id="field-stretch-hint" className="field-hint">A target beyond what the history shows is saved only as a stretch goal.</p>
            {errors.stretch ? <p id="field-stretch-error" className="field-error" aria-live="polite">{errors.stretch.join(' ')}</p> : null}
          </div>
        </div>
      </fieldset>

      <div className={styles.actions}>
        <SubmitButton pending={pending} pendingLabel="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
