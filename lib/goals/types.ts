/** Types shared by the goal math modules (pure values: no DB, no Next). */
import type { DateInput } from './dates';
import type { WeeklyPoint } from './regression';

/** From the KPI registry: counts and sums add up over time; rates, means and times do not. */
export type KpiAggregation = 'additive' | 'level';
/** From the KPI registry: which way is better. */
export type KpiDirection = 'higher' | 'lower';

/** What the planned path needs: a goal row's fields plus its KPI's aggregation. */
export interface GoalPlan {
  aggregation: KpiAggregation;
  baseline: number;
  target: number;
  /** Midnight UTC of this day is the goal's first instant. */
  startDate: DateInput;
  /** Midnight UTC of this day ends the goal: the goal's window is [startDate, dueDate). */
  dueDate: DateInput;
}

export interface GoalMathInput extends GoalPlan {
  direction: KpiDirection;
  now: DateInput;
  /**
   * The KPI computed by the caller, null = no data.
   * additive: over [startDate, min(end of today, dueDate)) (whole days: lib/goals/live.ts goalWindows).
   * level: over the last 30 days before min(end of today, dueDate), not before startDate:
   *   [max(startDate, end − 30 days), end).
   */
  current: number | null;
  /** level only: the KPI per week since the start (nulls ignored). Unused for additive KPIs. */
  weekly?: readonly WeeklyPoint[];
  /** Formats KPI values in the explanation (e.g. with the unit); default: up to 2 decimals. */
  format?: (value: number) => string;
}

export type GoalStatus =
  | 'not_started'
  | 'no_data'
  | 'on_track'
  | 'at_risk'
  | 'off_track'
  | 'achieved'
  | 'missed'
  | 'invalid';

export interface ProgressResult {
  current: number | null;
  /** Raw, unclamped: may be negative or above 1. Null when it cannot be computed (no data, invalid). */
  progress: number | null;
  /** progress × 100 rounded to a whole percent, unclamped (e.g. 112 or −8); null with progress. */
  progressPercent: number | null;
  /** progressPercent clamped to 0–100, only for drawing a bar; show progressPercent as the number. */
  barPercent: number | null;
  /** Expected value at the due date; null when there is nothing to project from. */
  projection: number | null;
  /** Share of the goal's time elapsed, 0 before the start and 1 from the due date on. */
  expectedProgress: number;
  /** The planned path's value at `now` (see plannedValueAt). */
  plannedValue: number | null;
  /** Days from the start to min(now, due), never negative; and the goal's whole length in days. */
  elapsedDays: number;
  durationDays: number;
  status: GoalStatus;
  /** One or two short sentences with the formula and the numbers, for the goal page. */
  explanation: string;
  /** Why the goal is invalid (empty unless status is 'invalid'). */
  problems: string[];
}
