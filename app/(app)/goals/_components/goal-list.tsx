// The goals list's parts: the filter form (a plain GET form) and one goal's row with its live status.
import Link from 'next/link';
import { DEPARTMENTS } from '@/db/schema/enums';
import { lastGoalDay } from '@/lib/goals/dates';
import { GOAL_STATE_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS } from '@/lib/goals/labels';
import type { listGoals } from '@/lib/goals/queries';
import { capitalize } from '@/lib/intl-format';
import { formatKpiValue, getKpi } from '@/lib/kpi';
import { Field } from '../../../_components/ui/field';
import { GoalStatusBadge, ProgressBar, formatDay } from './goal-bits';
import styles from './goals.module.css';

/** The filters as the URL gave them ('' when absent), to show them back in the form. */
export type GoalFilterValues = Record<'status' | 'scope' | 'department' | 'owner' | 'state', string>;

export function GoalFilters({ raw, owners }: { raw: GoalFilterValues; owners: { id: number; name: string }[] }) {
  return (
    <form method="get" className={styles.filters} role="search" aria-label="Filter goals">
      <Field label="Status" name="status">
        <select defaultValue={raw.status}>
          <option value="">Any status</option>
          {GOAL_STATUSES.filter((s) => s !== 'invalid').map((s) => <option key={s} value={s}>{GOAL_STATUS_LABELS[s]}</option>)}
        </select>
      </Field>
      <Field label="For" name="scope">
        <select defaultValue={raw.scope}>
          <option value="">Anyone</option>
          <option value="company">The company</option>
          <option value="team">Teams</option>
          <option value="user">Members</option>
        </select>
      </Field>
      <Field label="Department" name="department">
        <select defaultValue={raw.department}>
          <option value="">Any department</option>
          {DEPARTMENTS.map((d) => <option key={d} value={d}>{capitalize(d)}</option>)}
        </select>
      </Field>
      <Field label="Owner" name="owner">
        <select defaultValue={raw.owner}>
          <option value="">Anyone</option>
          {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </Field>
      <Field label="State" name="state">
        <select defaultValue={raw.state}>
          <option value="">Active and closed</option>
          {(['active', 'closed', 'archived', 'all'] as const).map((s) => <option key={s} value={s}>{s === 'all' ? 'All, archived too' : GOAL_STATE_LABELS[s]}</option>)}
        </select>
      </Field>
      <div className={styles.filterActions}>
        <button type="submit" className="btn btn-secondary">Apply</button>
        {Object.values(raw).some(Boolean) ? <Link href="/goals" className="btn btn-ghost">Clear</Link> : null}
      </div>
    </form>
  );
}

export function GoalListItem({ item: { goal, scopeLabel, live } }: { item: Awaited<ReturnType<typeof listGoals>>[number] }) {
  const kpi = getKpi(goal.kpiKey);
  const fmt = (x: number | null) => (kpi ? formatKpiValue(x, kpi.unit) : String(x ?? '—'));
  const r = live.result;
  return (
    <li className={styles.item} data-testid="goal-row" data-goal-id={goal.id}>
      <div>
        <Link href={`/goals/${goal.id}`} className={styles.itemTitle}>{goal.title}</Link>
        <p className={styles.meta}>
          {kpi?.name ?? goal.kpiKey} · {scopeLabel} · {capitalize(goal.department)}
          {goal.ownerName && goal.ownerName !== goal.scopeUserName ? ` · owner ${goal.ownerName}` : ''}
        </p>
      </div>
      <div>
        <ProgressBar percent={r.progressPercent} expected={r.expectedProgress} label={`Progress of ${goal.title}`} />
        <p className={styles.values}>{r.current === null ? 'No value yet' : `Now ${fmt(r.current)}`} · target {fmt(goal.target)}{r.projection !== null ? ` · projected ${fmt(r.projection)}` : ''}</p>
      </div>
      <div className={styles.statusCell}>
        <GoalStatusBadge status={r.status} />
        {goal.state !== 'active' ? <span className="badge">{GOAL_STATE_LABELS[goal.state]}</span> : null}
        {goal.stretch ? <span className="badge badge-primary">Stretch</span> : null}
      </div>
      <div className={styles.due}><span className={styles.dueLabel}>Due</span>{formatDay(lastGoalDay(goal.dueDate))}</div>
    </li>
  );
}
