// The goal chart's series, built on the server from the live progress (pure): actual values by week,
// the planned path (plannedSeries), the projection line and the rows of the table alternative.
import { DAY_MS, fitLine, plannedValueAt, toUtcMs, type GoalPlan } from '@/lib/goals/progress';
import type { LiveProgress } from '@/lib/goals/live';
import { formatKpiValue } from '@/lib/kpi/format';
import type { KpiUnit } from '@/lib/kpi/types';
import type { GoalChartData, XY } from './goal-chart';

export function goalChartData(plan: GoalPlan, live: LiveProgress, unit: KpiUnit): { chart: GoalChartData; rows: (string | number)[][] } {
  const startMs = toUtcMs(plan.startDate);
  const dueMs = toUtcMs(plan.dueDate);
  const durationDays = (dueMs - startMs) / DAY_MS;
  const x = (ms: number) => (ms - startMs) / DAY_MS;
  const additive = plan.aggregation === 'additive';
  const r = live.result;

  // Additive: the running total at each week's end, from 0 at the start. Level: each week's value at its middle.
  const actual: XY[] = additive
    ? [{ x: 0, y: 0 }, ...live.actual.map((p) => ({ x: x(toUtcMs(p.end)), y: p.value }))]
    : live.actual.map((p) => ({ x: x((toUtcMs(p.start) + toUtcMs(p.end)) / 2), y: p.value }));
  const planned: XY[] = [{ x: 0, y: plannedValueAt(plan, new Date(startMs)) }, { x: durationDays, y: plan.target }];

  let projection: XY[] = [];
  if (r.projection !== null && r.elapsedDays < durationDays) {
    if (additive) projection = [{ x: 0, y: 0 }, { x: durationDays, y: r.projection }];
    else {
      const line = fitLine(live.weekly);
      const first = live.weekly.find((p) => p.value !== null);
      const firstX = first ? x(toUtcMs(first.t)) : 0;
      if (line) projection = [{ x: firstX, y: line.valueAt(new Date(startMs + firstX * DAY_MS)) }, { x: durationDays, y: r.projection }];
    }
  }

  const fmt = (v: number | null) => formatKpiValue(v, unit);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rows: (string | number)[][] = live.actual.map((p) => {
    const at = additive ? toUtcMs(p.end) : (toUtcMs(p.start) + toUtcMs(p.end)) / 2;
    return [`${day(toUtcMs(p.start))} – ${day(toUtcMs(p.end))}`, fmt(p.value), fmt(plannedValueAt(plan, new Date(at)))];
  });
  if (r.projection !== null) rows.push([`Projection at ${day(dueMs)}`, fmt(r.projection), fmt(plan.target)]);
  return {
    chart: { startMs, durationDays, actual, planned, projection, target: plan.target, unit, actualLabel: additive ? 'Actual (running total)' : 'Actual (weekly)' },
    rows,
  };
}
