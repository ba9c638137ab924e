/**
 * SMART goal math: progress, projection at the due date and status, from plain values (pure: the caller
 * computes the KPI values and passes them in). Formulas in words: GOAL_FORMULAS (formulas.ts).
 *
 * Decisions the spec left open (also in GOAL_FORMULAS where users see them):
 * - The goal's window is [startDate, dueDate): dates are midnight UTC, like every KPI period, so a
 *   first-quarter goal runs 2025-01-01 → 2025-04-01. From the due date's midnight on, the goal is final.
 * - now <= start (before the start, and at the very first instant of the start day): 'not_started',
 *   projection null: no time has elapsed, and current × duration ÷ 0 would be Infinity.
 * - No current value: 'no_data', also after the due date: without a value we can claim neither
 *   achieved nor missed. With no current value nothing is projected either.
 * - "At risk = within 10% of the gap": shortfall = how far the projection falls short of the target
 *   in the bad direction; gap = |target − baseline|. on_track if shortfall <= 0, at_risk if
 *   0 < shortfall <= 0.1 × gap, off_track if more. The same gap is used for additive and level KPIs.
 * - Additive KPIs where lower is better (a cost): the target is a ceiling for the whole period. Never
 *   'achieved' before the due date (the total can still grow); 'off_track' as soon as the total so far
 *   is above the target (a total of non-negative amounts cannot come back); otherwise judged by the
 *   projection like any goal. At and after the due date: achieved if the final total <= target.
 * - Additive progress = current ÷ target is null when the target is 0 (a "spend nothing" ceiling).
 * - From the due date on, projection = current (the final value, nothing left to project).
 * - Level KPIs: one weekly point gives a flat projection at its value; none gives projection null and
 *   status 'no_data' (unless the target is already reached).
 * - Comparisons with the target allow a relative 1e-9 of max(|target|, gap) for floating-point noise
 *   (e.g. 0.1 + 0.2), never more.
 * - target = baseline, a target on the wrong side of the baseline for the KPI's direction, or a due date
 *   not after the start: status 'invalid' with the reasons in `problems` (no throw, so a bad row cannot
 *   break a page); validateGoalMath gives the same reasons to forms.
 */
import { DAY_MS, toUtcMs } from './dates';
import { explainProgress } from './explain';
import { AT_RISK_SHARE, roundPercent } from './formulas';
import { expectedProgressAt, goalWindow, plannedValueAt } from './plan';
import { fitLine } from './regression';
import { validateGoalMath } from './goal-rules';
import type { GoalMathInput, GoalStatus, KpiDirection, ProgressResult } from './types';

export type { DateInput } from './dates';
export { DAY_MS, DAYS_PER_MONTH, daysBetween, toIsoDay, toUtcMs } from './dates';
export type { FittedLine, WeeklyPoint } from './regression';
export { fitLine } from './regression';
export type { SeriesPoint, GoalWindow } from './plan';
export { expectedProgressAt, goalWindow, plannedSeries, plannedValueAt } from './plan';
export type { GoalMathInput, GoalPlan, GoalStatus, KpiAggregation, KpiDirection, ProgressResult } from './types';
export { AT_RISK_SHARE, GOAL_FORMULAS, LEVEL_WINDOW_DAYS, formatNumber, formatPercent } from './formulas';
export { rollupAdditive, targetsAddUp, type TargetsCheck } from './cascade';
export { assessAchievability, type AchievabilityInput, type AchievabilityResult, type MonthValue } from './achievability';
export { explainProgress, type ExplainContext } from './explain';
export { validateGoalMath } from './goal-rules';

const REL_TOL = 1e-9;

/** Whether `value` is at or beyond `target` in the KPI's direction (with the float tolerance above). */
function reachesTarget(value: number, target: number, direction: KpiDirection, gap: number): boolean {
  const tol = REL_TOL * Math.max(Math.abs(target), gap);
  return direction === 'higher' ? value >= target - tol : value <= target + tol;
}

/** Status from a projection: on_track, at_risk (misses by <= 10% of the gap) or off_track. */
export function statusFromProjection(
  projection: number, target: number, baseline: number, direction: KpiDirection,
): 'on_track' | 'at_risk' | 'off_track' {
  const gap = Math.abs(target - baseline);
  if (reachesTarget(projection, target, direction, gap)) return 'on_track';
  const shortfall = direction === 'higher' ? target - projection : projection - target;
  const tol = REL_TOL * Math.max(Math.abs(target), gap);
  return shortfall <= gap * AT_RISK_SHARE + tol ? 'at_risk' : 'off_track';
}

export function computeGoalProgress(input: GoalMathInput): ProgressResult {
  const nowMs = toUtcMs(input.now); // a bad `now` is the caller's bug: let it throw
  const { current } = input;
  if (current !== null && !Number.isFinite(current)) throw new RangeError(`current must be finite, got ${current}`);
  const problems = validateGoalMath(input);
  if (problems.length > 0) return invalid(input, problems);

  const { startMs, dueMs, durationMs } = goalWindow(input);
  const endMs = Math.min(Math.max(nowMs, startMs), dueMs);
  const elapsedMs = endMs - startMs;
  const phase = nowMs <= startMs ? 'before' : nowMs >= dueMs ? 'final' : 'running';
  const { baseline, target, direction } = input;
  const gap = Math.abs(target - baseline);

  let progress: number | null = null;
  if (current !== null) {
    if (input.aggregation === 'additive') progress = target === 0 ? null : current / target;
    else progress = (current - baseline) / (target - baseline);
  }

  let projection: number | null = null;
  let pointsUsed = 0;
  if (current !== null && phase === 'final') projection = current;
  else if (current !== null && phase === 'running') {
    if (input.aggregation === 'additive') {
      projection = (current * durationMs) / elapsedMs; // multiply first: exact for whole numbers
    } else {
      const line = fitLine(input.weekly ?? []);
      pointsUsed = line?.n ?? 0;
      projection = line ? line.valueAt(new Date(dueMs)) : null;
    }
  }

  const additiveCeiling = input.aggregation === 'additive' && direction === 'lower';
  const overCeiling = additiveCeiling && phase === 'running' && current !== null &&
    !reachesTarget(current, target, direction, gap);
  let status: GoalStatus;
  if (phase === 'before') status = 'not_started';
  else if (current === null) status = 'no_data';
  else if (phase === 'final') status = reachesTarget(current, target, direction, gap) ? 'achieved' : 'missed';
  else if (overCeiling) status = 'off_track';
  else if (!additiveCeiling && reachesTarget(current, target, direction, gap)) status = 'achieved';
  else if (projection === null) status = 'no_data';
  else status = statusFromProjection(projection, target, baseline, direction);

  const progressPercent = roundPercent(progress);
  const elapsedDays = elapsedMs / DAY_MS;
  const durationDays = durationMs / DAY_MS;
  const expectedProgress = expectedProgressAt(input, input.now);
  return {
    current,
    progress,
    progressPercent,
    barPercent: progressPercent === null ? null : Math.min(100, Math.max(0, progressPercent)),
    projection,
    expectedProgress,
    plannedValue: plannedValueAt(input, input.now),
    elapsedDays,
    durationDays,
    status,
    explanation: explainProgress({
      input, status, progress, projection, expectedProgress, elapsedDays, durationDays, pointsUsed, phase, overCeiling,
    }),
    problems: [],
  };
}

function invalid(input: GoalMathInput, problems: string[]): ProgressResult {
  return {
    current: input.current,
    progress: null,
    progressPercent: null,
    barPercent: null,
    projection: null,
    expectedProgress: 0,
    plannedValue: null,
    elapsedDays: 0,
    durationDays: 0,
    status: 'invalid',
    explanation: `This goal cannot be measured: ${problems.join(' ')}`,
    problems,
  };
}
