// The goals list: the goals the viewer may see, with live status and progress, filtered by status,
// scope, department and owner (in the URL), sorted by due date.
import type { Metadata } from 'next';
import Link from 'next/link';
import { DEPARTMENTS } from '@/db/schema/enums';
import { getReadDb } from '@/db/client';
import { can } from '@/lib/access';
import { requirePermission } from '@/lib/auth/session';
import { GOAL_STATE_LABELS, GOAL_STATUSES, GOAL_STATUS_LABELS } from '@/lib/goals/labels';
import type { GoalStatus } from '@/lib/goals/types';
import { listGoals, visibleGoalOwners, type GoalListFilters } from '@/lib/goals/queries';
import { formatKpiValue, getKpi } from '@/lib/kpi';
import { firstParam, idParam, oneOfParam, parseParams } from '@/lib/validation/params';
import { ParamProblems } from '../../_components/param-problems';
import { ButtonLink } from '../../_components/ui/button';
import { Field } from '../../_components/ui/field';
import { PageHeader } from '../../_components/ui/page-header';
import { GoalStatusBadge, ProgressBar, formatDay } from './_components/goal-bits';
import styles from './_components/goals.module.css';
import { lastGoalDay } from '@/lib/goals/dates';
import { capitalize } from '@/lib/intl-format';

export const metadata: Metadata = { title: 'Goals' };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => firstParam(v) ?? '';

export default async function GoalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('goals.read');
  const sp = await searchParams;
  const raw = { status: first(sp.status), scope: first(sp.scope), department: first(sp.department), owner: first(sp.owner), state: first(sp.state) };
  // Each filter parsed strictly; a malformed one is dropped and named above the list (never a 500).
  const { values: v, problems } = parseParams({
    status: oneOfParam(GOAL_STATUSES as [GoalStatus, ...GoalStatus[]]),
    scope: oneOfParam(['company', 'team', 'user'] as const),
    department: oneOfParam(DEPARTMENTS),
    owner: idParam,
    state: oneOfParam(['open', 'active', 'closed', 'archived', 'all'] as const),
  }, sp);
  const filters: GoalListFilters = { status: v.status, scope: v.scope, department: v.department, ownerId: v.owner, state: v.state };
  const db = await getReadDb();
  const [items, owners] = await Promise.all([listGoals(db, user, filters), visibleGoalOwners(db, user)]);
  const who = user.role === 'admin' ? 'Every goal in the company.' : user.role === 'manager'
    ? 'Goals for the company, your teams and their members.' : 'Goals for the company, your team and you.';
  return (
    <>
      <PageHeader title="Goals" description={`${who} Progress and status come from the live KPIs.`}
        actions={can(user, 'goals.write') ? <ButtonLink href="/goals/new" variant="primary">New goal</ButtonLink> : null} />
      <ParamProblems problems={problems} />
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
      {items.length === 0 ? <div className={`card ${styles.empty}`}>No goals match these filters.</div> : (
        <ul className={styles.list} data-testid="goal-list">
          {items.map(({ goal, scopeLabel, live }) => {
            const kpi = getKpi(goal.kpiKey);
            const fmt = (x: number | null) => (kpi ? formatKpiValue(x, kpi.unit) : String(x ?? '—'));
            const r = live.result;
            return (
              <li key={goal.id} className={styles.item} data-testid="goal-row" data-goal-id={goal.id}>
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
          })}
        </ul>
      )}
    </>
  );
}
