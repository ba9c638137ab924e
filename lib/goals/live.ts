// A goal's progress from the live KPI: the KPI values over the goal's windows through lib/kpi (SQL
// aggregates), then the pure math of progress.ts. The windows are whole days, today included (as the
// dashboards' to-date periods are), so the value equals the KPI page the goal links to, the summaries
// serve it without reading raw rows for a part of today, and the result cache shares it between everyone
// who sees the goal until its records change: the time elapsed (the pacing) is still measured to `now`.
import 'server-only';
import { goalView } from '@/lib/access';
import { formatKpiValue, getKpi, type KpiFilters, type KpiKey } from '@/lib/kpi';
import type { Db } from '@/db/client';
import { cachedKpis } from '@/lib/dashboard/cached-queries';
import { DAY_MS, toUtcMs } from './dates';
import { LEVEL_WINDOW_DAYS } from './formulas';
import { computeGoalProgress } from './progress';
import type { WeeklyPoint } from './regression';
import type { GoalRow } from './rows';
import type { KpiAggregation, ProgressResult } from './types';
import { now as clockNow } from '@/lib/clock';

/** What the live computation needs of a goal row. */
type LiveGoal = Pick<GoalRow, 'kpiKey' | 'filters' | 'baseline' | 'target' | 'scope' | 'scopeTeamId' | 'scopeTeamName' | 'scopeUserId' | 'scopeUserEmail' | 'startDate' | 'dueDate'>;

/** The KPI filters a goal is measured under: its own filters plus its scope (team name / member e-mail). */
export function goalKpiFilters(goal: Pick<LiveGoal, 'filters' | 'scope' | 'scopeTeamName' | 'scopeUserEmail'>): KpiFilters {
  const out: KpiFilters = { ...goal.filters };
  delete out.team;
  delete out.owner;
  if (goal.scope === 'team' && goal.scopeTeamName) out.team = goal.scopeTeamName;
  if (goal.scope === 'user' && goal.scopeUserEmail) out.owner = goal.scopeUserEmail;
  return out;
}

interface ActualPoint {
  /** The week's first instant (ISO), clipped to the goal's start. */
  start: string;
  end: string;
  /** Level: the KPI over that week. Additive: the running total since the start up to the week's end. */
  value: number | null;
}

export interface LiveProgress {
  result: ProgressResult;
  aggregation: KpiAggregation;
  /** The window behind `current` ([from, to)); null before the start. */
  currentPeriod: { from: Date; to: Date } | null;
  /** Weekly actual values since the start (see ActualPoint); only with `withSeries` or for level KPIs. */
  actual: ActualPoint[];
  /** Level KPIs: the points the projection's trend line went through (see trendPoints). */
  weekly: WeeklyPoint[];
}

/**
 * The weekly points a level KPI's trend goes through, each at its week's middle. While the goal runs, the
 * last week ends at "now" and is unfinished: a few days are not a week's level (the quick tickets resolve
 * first), so it is left out once a finished week with data exists.
 */
export function trendPoints(actual: readonly ActualPoint[], lastUnfinished: boolean): WeeklyPoint[] {
  const points = actual.map((p) => ({ t: new Date((toUtcMs(p.start) + toUtcMs(p.end)) / 2), value: p.value }));
  const finished = lastUnfinished ? points.slice(0, -1) : points;
  return finished.some((p) => p.value !== null) ? finished : points;
}

/** The end of `now`'s UTC day (the next midnight; `now` itself when it is a midnight). */
export function endOfDayMs(now: Date): number {
  return Math.ceil(now.getTime() / DAY_MS) * DAY_MS;
}

/**
 * Goal window bounds: where measuring stops (the end of today, or the due date when that is earlier) and
 * the current value's window. Whole days: a record of today counts today, whatever its hour.
 */
export function goalWindows(goal: Pick<LiveGoal, 'startDate' | 'dueDate' | 'kpiKey'>, now: Date) {
  const startMs = toUtcMs(goal.startDate);
  const endMs = Math.min(endOfDayMs(now), toUtcMs(goal.dueDate));
  const aggregation = getKpi(goal.kpiKey)?.aggregation ?? 'level';
  if (endMs <= startMs) return { aggregation, start: new Date(startMs), end: null, current: null };
  const fromMs = aggregation === 'additive' ? startMs : Math.max(startMs, endMs - LEVEL_WINDOW_DAYS * DAY_MS);
  return { aggregation, start: new Date(startMs), end: new Date(endMs), current: { from: new Date(fromMs), to: new Date(endMs) } };
}

/**
 * Progress of `goal` at `now`. An unknown KPI (a registry change after the goal was set) gives the
 * 'invalid' status rather than an error, so one bad goal cannot break a list.
 */
export async function liveProgress(db: Db, goal: LiveGoal, now: Date = clockNow(), opts: { withSeries?: boolean } = {}): Promise<LiveProgress> {
  const kpi = getKpi(goal.kpiKey);
  const w = goalWindows(goal, now);
  const format = (v: number) => formatKpiValue(v, kpi?.unit ?? 'count');
  if (!kpi) {
    const result = computeGoalProgress({ aggregation: 'level', direction: 'higher', baseline: goal.baseline, target: goal.baseline,
      startDate: goal.startDate, dueDate: goal.dueDate, now, current: null });
    result.problems = [`The KPI "${goal.kpiKey}" no longer exists.`];
    result.explanation = `This goal cannot be measured: the KPI "${goal.kpiKey}" no longer exists.`;
    return { result, aggregation: 'level', currentPeriod: null, actual: [], weekly: [] };
  }
  const key = kpi.key as KpiKey;
  // The goal's own scope, whoever looks: everyone who sees the goal (lib/access/goals) sees the same progress.
  const view = goalView(null, goal);
  let current: number | null = null;
  let actual: ActualPoint[] = [];
  if (w.current && w.end) {
    const needSeries = kpi.aggregation === 'level' || opts.withSeries;
    // Both are fixed whole-day periods: shared through the result cache, dropped when their records change.
    const [values, series] = await Promise.all([
      cachedKpis.computeKpis(db, view, { from: w.current.from, to: w.current.to, keys: [key] }),
      needSeries ? cachedKpis.kpiTimeSeries(db, view, key, { from: w.start, to: w.end, bucket: 'week' }) : Promise.resolve([]),
    ]);
    current = values[key];
    if (kpi.aggregation === 'additive') {
      let total = 0;
      actual = series.map((p) => ({ start: p.start, end: p.end, value: (total += p.value ?? 0) }));
    } else {
      actual = series.map((p) => ({ start: p.start, end: p.end, value: p.value }));
    }
  }
  const running = w.end !== null && w.end.getTime() < toUtcMs(goal.dueDate);
  const weekly: WeeklyPoint[] = kpi.aggregation === 'level' ? trendPoints(actual, running) : [];
  const result = computeGoalProgress({
    aggregation: kpi.aggregation, direction: kpi.direction, baseline: goal.baseline, target: goal.target,
    startDate: goal.startDate, dueDate: goal.dueDate, now, current, weekly, format,
  });
  return { result, aggregation: kpi.aggregation, currentPeriod: w.current, actual, weekly };
}
