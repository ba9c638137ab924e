'use client';
// The goal form (create and edit): SMART fields, the filters the chosen KPI allows, and the Achievable
// panel with the KPI's history for the chosen scope. Controlled fields, so what was typed survives a
// refused submit; the server action re-checks everything (goalSchema and the mutations).
import { startTransition, useActionState, useRef, useState, type FormEvent } from 'react';
import { DEPARTMENTS } from '@/db/schema/enums';
import type { ActionState } from '@/lib/actions/protected-action';
import type { GoalFormOptions } from '@/lib/goals/form-options';
import { KPIS, getKpi } from '@/lib/kpi/registry';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import { Alert } from '../../../_components/ui/alert';
import { Field } from '../../../_components/ui/field';
import { SubmitButton } from '../../../_components/ui/submit-button';
import { AchievablePanel } from './achievable-panel';
import styles from './goal-form.module.css';
import { capitalize } from '@/lib/intl-format';

export type GoalFormValues = Record<string, string>;
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const SCOPE_LABELS = { company: 'The company', team: 'A team', user: 'One member' } as const;

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
  const unit = kpi ? ({ percent: '%', money: 'USD', hours: 'hours', days: 'days', minutes: 'minutes', count: '', score: '' } as const)[kpi.unit] : '';

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
  const bind = (name: string) => ({ name, value: v[name] ?? '', onChange: (e: { target: { value: string } }) => set(name, e.target.value) });
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

      <fieldset className={styles.section}>
        <legend>Specific</legend>
        <Field label="Title" name="title" required error={errors.title} hint="What should change, in one line.">
          <input {...bind('title')} maxLength={160} autoComplete="off" />
        </Field>
        <Field label="Description" name="description" error={errors.description} hint="Why it matters and how the team will get there.">
          <textarea {...bind('description')} maxLength={2000} rows={3} />
        </Field>
        <Field label="KPI" name="kpi_key" required error={errors.kpi_key}>
          <select {...bind('kpi_key')}>
            <option value="">Choose a KPI…</option>
            {KPIS.map((k) => <option key={k.key} value={k.key}>{k.name}</option>)}
          </select>
        </Field>
        {kpi ? <p className={styles.note}>{kpi.definition} {kpi.direction === 'lower' ? 'Lower is better.' : 'Higher is better.'}</p> : null}
        <div className={styles.grid}>
          {GOAL_FILTER_KEYS.filter((f) => (kpi?.filters as readonly string[] | undefined)?.includes(f)).map((f) => (
            <Field key={f} label={capitalize(f)} name={`filter_${f}`} error={errors[`filter_${f}`]}>
              <select {...bind(`filter_${f}`)}>
                <option value="">Any {f}</option>
                {(filterChoices[f] ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            </Field>
          ))}
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Relevant</legend>
        <div className={styles.grid}>
          <Field label="For" name="scope" required error={errors.scope}>
            <select {...bind('scope')}>
              {options.scopes.map((s) => <option key={s} value={s}>{SCOPE_LABELS[s]}</option>)}
            </select>
          </Field>
          {v.scope === 'team' ? (
            <Field label="Team" name="team_id" required error={errors.team_id}>
              <select {...bind('team_id')}>
                <option value="">Choose a team…</option>
                {options.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </select>
            </Field>
          ) : null}
          {v.scope === 'user' ? (
            <Field label="Member" name="user_id" required error={errors.user_id}>
              <select {...bind('user_id')}>
                <option value="">Choose a member…</option>
                {options.members.map((m) => <option key={m.id} value={m.id}>{m.name}{m.teamName ? ` (${m.teamName})` : ''}</option>)}
              </select>
            </Field>
          ) : null}
          <Field label="Department" name="department" required error={errors.department}>
            <select {...bind('department')}>
              {DEPARTMENTS.map((d) => <option key={d} value={d}>{capitalize(d)}</option>)}
            </select>
          </Field>
          <Field label="Accountable" name="owner_id" required error={errors.owner_id}>
            <select {...bind('owner_id')}>
              {options.owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend>Measurable and time-bound</legend>
        <div className={styles.grid}>
          <Field label={`Baseline${unit ? ` (${unit})` : ''}`} name="baseline" required error={errors.baseline}
            hint="Proposed from the period of the same length before the start; you can change it.">
            <input {...bind('baseline')} inputMode="decimal" autoComplete="off" />
          </Field>
          <Field label={`Target${unit ? ` (${unit})` : ''}`} name="target" required error={errors.target}
            hint={kpi?.aggregation === 'additive' ? 'The total over the whole goal period.' : 'The level to reach by the due date.'}>
            <input {...bind('target')} inputMode="decimal" autoComplete="off" />
          </Field>
          <Field label="Start date" name="start_date" required error={errors.start_date}>
            <input type="date" {...bind('start_date')} />
          </Field>
          <Field label="Due date" name="due_date" required error={errors.due_date} hint="The goal runs up to this day, which is not included.">
            <input type="date" {...bind('due_date')} />
          </Field>
        </div>
      </fieldset>

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
