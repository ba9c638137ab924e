'use client';
// The goal form's SMART sections (goal-form.tsx holds the state and the submit): what is measured
// and under which filters, for whom and who answers for it, and from where to where by when.
import { DEPARTMENTS } from '@/db/schema/enums';
import type { GoalFormOptions } from '@/lib/goals/form-options';
import { capitalize } from '@/lib/intl-format';
import { KPIS, type KpiEntry } from '@/lib/kpi/registry';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import { Field } from '../../../_components/ui/field';
import styles from './goal-form.module.css';

/** A controlled field's props: its name, its value in the form's state, and the setter. */
export type Bind = (name: string) => { name: string; value: string; onChange: (e: { target: { value: string } }) => void };
export type FieldErrors = Record<string, string[] | undefined>;

const SCOPE_LABELS = { company: 'The company', team: 'A team', user: 'One member' } as const;

export function SpecificFields({ bind, errors, kpi, filterChoices }: {
  bind: Bind; errors: FieldErrors; kpi: KpiEntry | undefined; filterChoices: Record<string, string[]>;
}) {
  return (
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
  );
}

export function RelevantFields({ bind, errors, scope, options }: { bind: Bind; errors: FieldErrors; scope: string | undefined; options: GoalFormOptions }) {
  return (
    <fieldset className={styles.section}>
      <legend>Relevant</legend>
      <div className={styles.grid}>
        <Field label="For" name="scope" required error={errors.scope}>
          <select {...bind('scope')}>
            {options.scopes.map((s) => <option key={s} value={s}>{SCOPE_LABELS[s]}</option>)}
          </select>
        </Field>
        {scope === 'team' ? (
          <Field label="Team" name="team_id" required error={errors.team_id}>
            <select {...bind('team_id')}>
              <option value="">Choose a team…</option>
              {options.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </Field>
        ) : null}
        {scope === 'user' ? (
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
  );
}

export function MeasurableFields({ bind, errors, kpi }: { bind: Bind; errors: FieldErrors; kpi: KpiEntry | undefined }) {
  const unit = kpi ? ({ percent: '%', money: 'USD', hours: 'hours', days: 'days', minutes: 'minutes', count: '', score: '' } as const)[kpi.unit] : '';
  return (
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
  );
}
