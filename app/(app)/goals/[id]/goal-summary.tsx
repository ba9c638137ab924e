// A goal page's two summaries: where the goal stands now (current, target, projection, time, progress)
// and the goal itself read as SMART, with the KPI's formula.
import Link from 'next/link';
import type { GoalDetail } from '@/lib/goals/queries';
import { lastGoalDay } from '@/lib/goals/dates';
import type { ProgressResult } from '@/lib/goals/types';
import { capitalize } from '@/lib/intl-format';
import type { KpiEntry } from '@/lib/kpi/registry';
import { Card } from '../../../_components/ui/card';
import { ProgressBar, formatDay } from '../_components/goal-bits';
import { FormulaList } from './goal-sections';
import styles from './goal-page.module.css';

type Format = (v: number | null) => string;

export function GoalProgressSummary({ goal, r, fmt }: { goal: GoalDetail['goal']; r: ProgressResult; fmt: Format }) {
  return (
    <section className={styles.summary} aria-label="Progress" data-testid="goal-summary">
      <div className={styles.stat}><span>Current</span><strong data-testid="goal-current">{fmt(r.current)}</strong></div>
      <div className={styles.stat}><span>Target</span><strong>{fmt(goal.target)}</strong><small>from {fmt(goal.baseline)}</small></div>
      <div className={styles.stat}><span>Projected at due date</span><strong data-testid="goal-projection">{r.projection === null ? '–' : fmt(r.projection)}</strong></div>
      <div className={styles.stat}><span>Time elapsed</span><strong>{Math.round(r.expectedProgress * 100)}%</strong><small>{Math.round(r.elapsedDays)} of {Math.round(r.durationDays)} days</small></div>
      <div className={styles.wide}>
        <ProgressBar percent={r.progressPercent} expected={r.expectedProgress} label="Progress toward the target" />
        <p className={styles.explanation} data-testid="goal-explanation">{r.explanation}</p>
      </div>
    </section>
  );
}

export function GoalFacts({ detail, kpi, r, fmt }: { detail: GoalDetail; kpi: KpiEntry | undefined; r: ProgressResult; fmt: Format }) {
  const { goal } = detail;
  const filterText = Object.entries(goal.filters).map(([k, v]) => `${k}: ${v}`).join(', ');
  return (
    <Card title="The goal" className={styles.card}>
      <dl className={styles.facts}>
        <dt>Specific</dt><dd>{goal.description || <span className="muted">No description.</span>}<br />KPI: {kpi ? <Link href={`/kpis/${kpi.key}`}>{kpi.name}</Link> : goal.kpiKey}{filterText ? ` (${filterText})` : ''}</dd>
        <dt>Measurable</dt><dd>From {fmt(goal.baseline)} to {fmt(goal.target)} ({kpi?.direction === 'lower' ? 'lower' : 'higher'} is better)</dd>
        <dt>Achievable</dt><dd>{goal.stretch ? `A stretch goal. ${goal.stretch}` : 'Within what the KPI reached in the 12 months before it was set.'}</dd>
        <dt>Relevant</dt><dd>{detail.scopeLabel}, {capitalize(goal.department)} department. Accountable: {goal.ownerName}; set by {goal.createdByName}.</dd>
        <dt>Time-bound</dt><dd>{formatDay(goal.startDate)} to {formatDay(lastGoalDay(goal.dueDate))} ({Math.round(r.durationDays || 0)} days)</dd>
      </dl>
      {kpi ? <FormulaList kpi={kpi} /> : null}
    </Card>
  );
}
