// Sections of the goal page: the formulas in words, the records behind the current value (the KPI's
// own drill-down, scoped to the viewer), and the member goals with their roll-up.
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import { goalView, type SessionUser } from '@/lib/access';
import { RECORD_PAGES } from '@/lib/dashboard/drill-params';
import { GOAL_FORMULAS } from '@/lib/goals/progress';
import { goalKpiFilters, type LiveProgress } from '@/lib/goals/live';
import type { GoalDetail } from '@/lib/goals/queries';
import { kpiDrilldown, kpiParamsToSearch, type DrillColumn, type KpiEntry, type KpiKey } from '@/lib/kpi';
import { formatDay, formatMoney, formatNumber } from '@/lib/intl-format';
import { periodInWords } from '@/lib/kpi/periods';
import { GoalStatusBadge, ProgressBar } from '../_components/goal-bits';
import styles from './goal-page.module.css';

export function FormulaList({ kpi }: { kpi: KpiEntry }) {
  const f = GOAL_FORMULAS[kpi.aggregation];
  const items = [GOAL_FORMULAS.window, f.current, f.progress, GOAL_FORMULAS.expectedProgress, f.projection, f.plannedPath, GOAL_FORMULAS.status];
  if (kpi.aggregation === 'additive' && kpi.direction === 'lower') items.push(GOAL_FORMULAS.lowerTotals);
  return (
    <details className={styles.formulas} data-testid="goal-formulas">
      <summary>How progress and status are computed ({kpi.aggregation === 'additive' ? 'a count or sum' : 'a rate or mean'}, {kpi.direction} is better)</summary>
      <ul>{items.map((t) => <li key={t}>{t}</li>)}</ul>
    </details>
  );
}

function cell(col: DrillColumn, v: unknown): string {
  if (v == null) return '–';
  if (col.type === 'boolean') return v ? 'Yes' : 'No';
  if (col.type === 'money') return typeof v === 'number' ? formatMoney(v) : String(v);
  if (col.type === 'number' || col.type === 'integer') return typeof v === 'number' ? formatNumber(v, { maximumFractionDigits: 2 }) : String(v);
  if (col.type === 'datetime' || col.type === 'date') return formatDay(v instanceof Date ? v : String(v));
  return String(v);
}

const SHOWN = 10;
const MAX_COLUMNS = 6;

/** The columns that explain the number first (its amounts and values, the owner), in the table's order. */
function pickColumns(all: DrillColumn[]): DrillColumn[] {
  // A KPI's own value column may repeat a record column under the same label (the amount of won revenue).
  const columns = all.filter((c, i) => all.findIndex((d) => d.label === c.label) === i);
  const rank = (c: DrillColumn, i: number) => (i === 0 ? 0 : ['money', 'number', 'integer'].includes(c.type) ? 1
    : c.key === 'owner' ? 2 : c.key === 'name' || c.key === 'account' ? 3 : c.type === 'datetime' || c.type === 'date' ? 4 : 5);
  const keep = new Set(columns.map((c, i) => ({ c, r: rank(c, i), i })).sort((a, b) => a.r - b.r || a.i - b.i).slice(0, MAX_COLUMNS).map((x) => x.c.key));
  return columns.filter((c) => keep.has(c.key));
}

export async function GoalRecords({ detail, viewer }: { detail: GoalDetail; viewer: SessionUser }) {
  const { goal, live } = detail;
  const period = live.currentPeriod;
  const filters = goalKpiFilters(goal);
  // The goal's window is whole days (lib/goals/live.ts), as the KPI page's: the link opens the same number.
  const search = period ? kpiParamsToSearch({ period, filters }).toString() : '';
  const href = `/kpis/${goal.kpiKey}${search ? `?${search}` : ''}`;
  if (!period) return <p className="muted">The goal has not started: there are no records behind it yet.</p>;
  const res = await kpiDrilldown(await getReadDb(), goalView(viewer, goal), goal.kpiKey as KpiKey, { ...period, pageSize: SHOWN });
  const columns = pickColumns(res.columns);
  return (
    <div data-testid="goal-records">
      <p className={styles.recordsLead}>
        The current value is the KPI over {periodInWords(period)} (both days included) for {goal.scope === 'company' ? 'the whole company' : detail.scopeLabel}. <Link href={href} data-testid="goal-kpi-link">Open it on the KPI page</Link> for
        the trend, breakdowns and the full drill-down with CSV export{goal.scope === 'company' && viewer.role !== 'admin'
          ? ` (there, as everywhere, your numbers are ${viewer.role === 'manager' ? 'your teams’' : 'your own and your team’s'}: only admins open the whole company's)` : ''}.
      </p>
      {viewer.role !== 'admin' ? <p className="subtle">You see the records {viewer.role === 'manager' ? 'of your teams' : 'you own'}; the value may include records only their owners see.</p> : null}
      {res.entity === null ? <p className="muted">This KPI is computed from other KPIs: open them for their records.</p> : res.total === 0 ? <p className="muted">No records you can open in this period.</p> : (
        <div className="table-wrap">
          <table className="table" data-testid="goal-drill-table">
            <caption className="sr-only">Records behind the current value</caption>
            <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{c.label}</th>)}</tr></thead>
            <tbody>
              {res.rows.map((r) => (
                <tr key={`${r.entity}-${r.id}`}>
                  {columns.map((c, i) => (
                    <td key={c.key} className={c.type === 'number' || c.type === 'money' || c.type === 'integer' ? 'num' : undefined}>
                      {i === 0 && RECORD_PAGES.has(r.entity) ? <Link prefetch={false} href={`/records/${r.entity}/${r.id}`}>{cell(c, r[c.key])}</Link> : cell(c, r[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {res.total > SHOWN ? <p className="subtle">Showing {SHOWN} of {formatNumber(res.total)} records: <Link href={href}>see them all</Link>.</p> : null}
    </div>
  );
}

export function MemberGoals({ detail, format }: { detail: GoalDetail; format: (v: number | null) => string }) {
  const { children, rollup, goal } = detail;
  if (children.length === 0) return <p className="muted">No member goals yet.</p>;
  return (
    <>
      <ul className={styles.children} data-testid="member-goals">
        {children.map(({ goal: c, live }: { goal: GoalDetail['goal']; live: LiveProgress }) => (
          <li key={c.id}>
            <div><Link href={`/goals/${c.id}`}>{c.scopeUserName}</Link><span className={styles.childMeta}>target {format(c.target)} · now {format(live.result.current)}</span></div>
            <ProgressBar percent={live.result.progressPercent} expected={live.result.expectedProgress} label={`Progress of ${c.title}`} />
            <GoalStatusBadge status={live.result.status} />
          </li>
        ))}
      </ul>
      {rollup ? (
        <div className={styles.rollup} data-testid="goal-rollup">
          <p>Rolled up from the member goals: <strong>{format(rollup.current)}</strong> of the team target {format(goal.target)}
            {rollup.progress !== null ? ` (${Math.round(rollup.progress * 100)}%)` : ''}.</p>
          <p className={rollup.targets.addsUp ? styles.addsUp : styles.addsNot}>
            Member targets add up to {format(rollup.targets.sum)}{rollup.targets.addsUp ? ', the team target.'
              : `: ${format(Math.abs(rollup.targets.difference))} ${rollup.targets.difference < 0 ? 'short of' : 'more than'} the team target.`}
          </p>
        </div>
      ) : null}
    </>
  );
}
