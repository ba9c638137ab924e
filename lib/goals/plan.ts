/**
 * The planned path and the expected progress by time. In both kinds of goal the planned value at an
 * instant is exactly the value at which progress equals expected progress ("on plan"), so the chart
 * and the status never disagree:
 * - level KPIs: linear from the baseline at the start to the target at the due date.
 * - additive KPIs: the running total since the start, so linear from 0 at the start to the target at
 *   the due date (the baseline, a whole earlier period's total, is not where a running total starts).
 */
import { DAY_MS, toIsoDay, toUtcMs, type DateInput } from './dates';
import type { GoalPlan } from './types';

export interface GoalWindow {
  startMs: number;
  dueMs: number;
  durationMs: number;
}

export function goalWindow(goal: Pick<GoalPlan, 'startDate' | 'dueDate'>): GoalWindow {
  const startMs = toUtcMs(goal.startDate);
  const dueMs = toUtcMs(goal.dueDate);
  if (dueMs <= startMs) throw new RangeError('The due date must be after the start date.');
  return { startMs, dueMs, durationMs: dueMs - startMs };
}

/**
 * Share of the goal's time elapsed at `date`: (date − start) ÷ (due − start), taken as 0 before the
 * start and 1 from the due date on (the plan has not begun / is complete). This is a definition of the
 * plan, not a clamp of a measurement: measured progress is never clamped.
 */
export function expectedProgressAt(goal: Pick<GoalPlan, 'startDate' | 'dueDate'>, date: DateInput): number {
  const w = goalWindow(goal);
  const ms = toUtcMs(date);
  if (ms <= w.startMs) return 0;
  if (ms >= w.dueMs) return 1;
  return (ms - w.startMs) / w.durationMs;
}

/** The planned value at `date` (see the module comment for what it starts from). */
export function plannedValueAt(goal: GoalPlan, date: DateInput): number {
  const f = expectedProgressAt(goal, date);
  // Exact end points: f = 1 gives the target itself, not baseline + (target − baseline) with rounding.
  if (f === 1) return goal.target;
  if (goal.aggregation === 'additive') return goal.target * f;
  return goal.baseline + (goal.target - goal.baseline) * f;
}

export interface SeriesPoint {
  /** 'YYYY-MM-DD' (UTC) */
  date: string;
  value: number;
}

/**
 * The planned path for a chart: at the given dates (e.g. the same weeks as the actual series, so both
 * lines share an axis), or by default every `stepDays` from the start plus the due date itself.
 */
export function plannedSeries(goal: GoalPlan, dates?: readonly DateInput[], stepDays = 7): SeriesPoint[] {
  if (dates) return dates.map((d) => ({ date: toIsoDay(d), value: plannedValueAt(goal, d) }));
  if (!(stepDays > 0)) throw new RangeError('stepDays must be positive.');
  const w = goalWindow(goal);
  const out: SeriesPoint[] = [];
  for (let ms = w.startMs; ms < w.dueMs; ms += stepDays * DAY_MS) {
    out.push({ date: toIsoDay(ms), value: plannedValueAt(goal, new Date(ms)) });
  }
  out.push({ date: toIsoDay(w.dueMs), value: goal.target });
  return out;
}
