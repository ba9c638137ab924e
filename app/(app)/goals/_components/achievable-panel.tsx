'use client';
// The A of SMART on the form: the KPI's last 12 months for the chosen scope and filters (chart and
// numbers), the proposed baseline, and in plain words whether the target lies beyond the history or
// asks for a faster change than any month saw (assessAchievability, the same check the server makes).
import { useEffect, useMemo, useState } from 'react';
import { assessAchievability } from '@/lib/goals/achievability';
import { DAY_MS } from '@/lib/clock';
import { formatKpiValue } from '@/lib/kpi/format';
import { getKpi } from '@/lib/kpi/registry';
import { GOAL_FILTER_KEYS } from '@/lib/validation/goals';
import type { HistoryResponse } from '../history/route';
import { ChartFrame } from '../../../_components/charts/chart-frame';
import { LineChart } from '../../../_components/charts/line-chart';
import { Alert } from '../../../_components/ui/alert';
import styles from './goal-form.module.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH_LABEL = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** The query for the history route, or null while the form lacks what it needs. */
function historyQuery(v: Record<string, string>): string | null {
  if (!getKpi(v.kpi_key ?? '')) return null;
  if (v.scope === 'team' && !v.team_id) return null;
  if (v.scope === 'user' && !v.user_id) return null;
  const p = new URLSearchParams({ kpi_key: v.kpi_key, scope: v.scope ?? '' });
  if (v.scope === 'team') p.set('team_id', v.team_id);
  if (v.scope === 'user') p.set('user_id', v.user_id);
  for (const f of GOAL_FILTER_KEYS) if (v[`filter_${f}`]) p.set(`filter_${f}`, v[`filter_${f}`]);
  if (DAY.test(v.start_date ?? '') && DAY.test(v.due_date ?? '')) {
    p.set('start_date', v.start_date);
    p.set('due_date', v.due_date);
  }
  return p.toString();
}

type Loaded = { query: string; data: HistoryResponse | null; error: string | null };

/** The KPI's last 12 months for `query` (fetched 250 ms after the last change); a proposed baseline is passed to onBaseline. */
function useGoalHistory(query: string | null, onBaseline: (v: number) => void): Loaded | null {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    if (!query) return;
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/goals/history?${query}`, { signal: ctrl.signal, cache: 'no-store' });
        const body = (await res.json()) as HistoryResponse & { error?: string };
        setLoaded(res.ok ? { query, data: body, error: null } : { query, data: null, error: body.error ?? 'The history could not be loaded.' });
        if (res.ok && body.proposedBaseline !== null) onBaseline(body.proposedBaseline);
      } catch (err) {
        if (!ctrl.signal.aborted) setLoaded({ query, data: null, error: `The history could not be loaded (${String(err)}).` });
      }
    }, 250);
    return () => { ctrl.abort(); clearTimeout(timer); };
    // onBaseline only fills an untouched baseline field: no need to refetch when it changes.
  }, [query]);
  return loaded;
}

export function AchievablePanel({ values, onBaseline, onUse }: {
  values: Record<string, string>;
  /** A proposal arrived: fills the baseline field if the user has not typed in it. */
  onBaseline: (v: number) => void;
  /** "Use it": replaces the baseline field's value. */
  onUse: (v: number) => void;
}) {
  const query = historyQuery(values);
  const loaded = useGoalHistory(query, onBaseline);

  const kpi = getKpi(values.kpi_key ?? '');
  const data = loaded && loaded.query === query ? loaded.data : null;
  const assessment = useMemo(() => {
    if (!kpi || !data) return null;
    const baseline = Number(values.baseline);
    const target = Number(values.target);
    const start = Date.parse(`${values.start_date}T00:00:00Z`);
    const due = Date.parse(`${values.due_date}T00:00:00Z`);
    if (values.baseline === '' || values.target === '' || !Number.isFinite(baseline) || !Number.isFinite(target) || baseline === target) return null;
    if (!(due > start)) return null;
    return assessAchievability({
      history: data.months, baseline, target, direction: kpi.direction, aggregation: kpi.aggregation,
      durationDays: (due - start) / DAY_MS, format: (x) => formatKpiValue(x, kpi.unit),
    });
  }, [kpi, data, values.baseline, values.target, values.start_date, values.due_date]);

  if (!kpi) return <p className={styles.note}>Choose a KPI and who the goal is for to see its history.</p>;
  if (!query) return <p className={styles.note}>Choose the team or member to see the KPI’s history for them.</p>;
  if (loaded?.query === query && loaded.error) return <Alert tone="error">{loaded.error}</Alert>;
  if (!data) return <p className={styles.note} aria-busy="true">Loading the last 12 months…</p>;

  const fmt = (x: number | null) => formatKpiValue(x, kpi.unit);
  const perMonthTarget = assessment && kpi.aggregation === 'additive' ? assessment.comparedTarget : Number(values.target);
  const labels = data.months.map((m) => MONTH_LABEL.format(new Date(`${m.month}-01T00:00:00Z`)));
  const flagged = !!assessment && (assessment.beyondBest || assessment.fasterThanFastest);
  const showTarget = values.target !== '' && Number.isFinite(perMonthTarget);
  return (
    <div data-testid="goal-history" className={styles.history}>
      <ChartFrame
        title={`${kpi.name}, last 12 months`}
        description={kpi.aggregation === 'additive' ? 'Monthly totals; the dashed line is the target per month.' : 'Monthly values; the dashed line is the target.'}
        chart={<LineChart title={`${kpi.name}, last 12 months`} labels={labels} unit={kpi.unit} series={[
          { label: kpi.name, values: data.months.map((m) => m.value) },
          ...(showTarget ? [{ label: kpi.aggregation === 'additive' ? 'Target per month' : 'Target', values: data.months.map(() => perMonthTarget), dashed: true }] : []),
        ]} />}
        table={{ head: ['Month', kpi.name], rows: data.months.map((m, i) => [labels[i], fmt(m.value)]) }}
      />
      {data.proposedBaseline !== null && data.baselinePeriod ? (
        <p className={styles.note} data-testid="proposed-baseline">
          Proposed baseline: <strong>{fmt(data.proposedBaseline)}</strong>, the KPI from {data.baselinePeriod.from} to {data.baselinePeriod.to} (the period of the
          same length before the start).{' '}
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => onUse(data.proposedBaseline!)}>Use it</button>
        </p>
      ) : null}
      <div data-testid="achievability">
        {assessment === null ? <p className={styles.note}>Enter a baseline, a target and the dates to check the target against this history.</p>
          : assessment.messages.length === 0 ? <Alert tone="success">The target is within what the last 12 months reached, at a pace the history has seen.</Alert>
            : <Alert tone={flagged ? 'warning' : 'info'} title={flagged ? 'Beyond the history' : undefined}>
              {assessment.messages.map((m) => <p key={m} className={styles.message}>{m}</p>)}
              {flagged ? <p className={styles.message}>Tick “Stretch goal” below to save it anyway.</p> : null}
            </Alert>}
      </div>
    </div>
  );
}
