// A goal: its SMART fields, progress and status from the live KPI with the formula in words, actual
// against the planned path with the projection, the records behind the current value, member goals
// (split and roll-up) and, for who may manage it, edit / close / archive.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/session';
import { GOAL_STATE_LABELS } from '@/lib/goals/labels';
import { goalDetail } from '@/lib/goals/queries';
import { teamMembers } from '@/lib/goals/split';
import { formatKpiValue, getKpi } from '@/lib/kpi';
import { parseId } from '@/lib/validation/params';
import { ChartFrame } from '../../../_components/charts/chart-frame';
import { Alert } from '../../../_components/ui/alert';
import { ButtonLink } from '../../../_components/ui/button';
import { Card } from '../../../_components/ui/card';
import { PageHeader } from '../../../_components/ui/page-header';
import { GoalStatusBadge, formatDay } from '../_components/goal-bits';
import { goalChartData } from './chart-data';
import { GoalChart } from './goal-chart';
import { GoalRecords, MemberGoals } from './goal-sections';
import { GoalFacts, GoalProgressSummary } from './goal-summary';
import { SplitForm } from './split-form';
import { StateButtons } from './state-buttons';
import styles from './goal-page.module.css';
import { lastGoalDay } from '@/lib/goals/dates';

export const metadata: Metadata = { title: 'Goal' };

const SAVED: Record<string, string> = { created: 'Goal created.', updated: 'Goal saved.' };

export default async function GoalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('goals.read');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const db = await getReadDb();
  const detail = await goalDetail(db, user, id);
  if (!detail) notFound();
  const saved = SAVED[String((await searchParams).saved ?? '')];
  const { goal, live, canManage } = detail;
  const kpi = getKpi(goal.kpiKey);
  const r = live.result;
  const fmt = (v: number | null) => (kpi ? formatKpiValue(v, kpi.unit) : String(v ?? '–'));
  const chart = kpi ? goalChartData({ aggregation: kpi.aggregation, baseline: goal.baseline, target: goal.target, startDate: goal.startDate, dueDate: goal.dueDate }, live, kpi.unit) : null;
  const members = canManage && goal.scope === 'team' && goal.scopeTeamId && goal.state === 'active' ? await teamMembers(db, goal.scopeTeamId, goal.department) : [];

  return (
    <>
      <p className="subtle"><Link href="/goals">← Goals</Link>{detail.parent ? <> · part of <Link href={`/goals/${detail.parent.id}`}>{detail.parent.title}</Link></> : null}</p>
      <PageHeader
        title={goal.title}
        description={<span className={styles.badges}><GoalStatusBadge status={r.status} />
          {goal.state !== 'active' ? <span className="badge" data-testid="goal-state">{GOAL_STATE_LABELS[goal.state]}</span> : null}
          {goal.stretch ? <span className="badge badge-primary">Stretch goal</span> : null}
          {goal.scope === 'company' ? <span className="badge badge-info" data-testid="company-goal">Company goal</span> : null}
          <span>{kpi?.name ?? goal.kpiKey} · {detail.scopeLabel} · due {formatDay(lastGoalDay(goal.dueDate))}</span></span>}
        actions={canManage ? (
          <div className={styles.actions}>
            {goal.state === 'active' ? <ButtonLink href={`/goals/${goal.id}/edit`} data-testid="goal-edit">Edit</ButtonLink> : null}
            <StateButtons id={goal.id} state={goal.state} />
          </div>
        ) : null}
      />
      {goal.scope === 'company' ? (
        // product.md: a member's numbers are their own and their team's, but a company goal applies to
        // everyone, so its progress is the company's for every viewer (intended, not a leak).
        <p className="subtle" data-testid="company-goal-note">
          <strong>Company goal.</strong> Company goals apply to everyone, so everyone sees the company’s progress toward them.
          {user.role !== 'admin' ? ' Its records, and the KPI page, show only the records you may open.' : ''}
        </p>
      ) : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      {r.status === 'invalid' ? <Alert tone="error">{r.explanation}</Alert> : null}

      <GoalProgressSummary goal={goal} r={r} fmt={fmt} />

      {chart && kpi ? (
        <div className={styles.card}>
          <ChartFrame title="Actual against plan" description="The planned path from the baseline to the target, the actual values so far and the projection to the due date."
            chart={<GoalChart data={chart.chart} title={`${kpi.name}: actual, planned and projected`} />}
            table={{ head: ['Week', kpi.aggregation === 'additive' ? 'Actual (running total)' : 'Actual', 'Planned'], rows: chart.rows }} />
        </div>
      ) : null}

      <div className={goal.scope === 'team' ? styles.columns : undefined}>
        <GoalFacts detail={detail} kpi={kpi} r={r} fmt={fmt} />
        {goal.scope === 'team' ? (
          <Card title="Member goals" description={kpi?.aggregation === 'additive' ? 'The team goal split among its members; their values roll up into the team’s.' : 'Each member’s own target for this KPI.'} className={styles.card}>
            <MemberGoals detail={detail} format={fmt} />
            {members.length ? (
              <details className={styles.splitBox}>
                <summary>{detail.children.length ? 'Change member targets' : 'Split into member goals'}</summary>
                <SplitForm goalId={goal.id} teamTarget={goal.target} additive={kpi?.aggregation === 'additive'}
                  unit={kpi?.unit ?? 'count'}
                  members={members.map((m) => ({ id: m.id, name: m.name, target: detail.children.find((c) => c.goal.scopeUserId === m.id)?.goal.target ?? null }))} />
              </details>
            ) : null}
          </Card>
        ) : null}
      </div>

      <Card title="Records behind the current value" className={styles.card}>
        <GoalRecords detail={detail} viewer={user} />
      </Card>
    </>
  );
}
