/**
 * The goal formulas in words, for the goal page's "how is this computed" section, and the number
 * formatting the explanations use. Keep these sentences in step with progress.ts and achievability.ts.
 */

/** "Within 10% of the gap": the share of |target − baseline| a projection may miss the target by. */
export const AT_RISK_SHARE = 0.1;
/** Days of data behind a level KPI's current value. */
export const LEVEL_WINDOW_DAYS = 30;

export const GOAL_FORMULAS = {
  window:
    'A goal runs from its start date up to its due date: from midnight UTC on the start date to midnight ' +
    'UTC on the due date, which itself is not included.',
  expectedProgress:
    'Expected progress = time elapsed ÷ whole duration (0 before the start, 100% from the due date on).',
  additive: {
    current: 'Current = the KPI over the goal so far: from the start date through today (to the due date once it has passed).',
    progress: 'Progress = current ÷ target.',
    projection:
      'Projection at the due date = current × (whole duration ÷ time elapsed): the pace so far, kept up to ' +
      'the due date. None on the start day, when no time has elapsed.',
    plannedPath: 'Planned path: the running total rising in a straight line from 0 at the start to the target at the due date.',
  },
  level: {
    current: `Current = the KPI over the last ${LEVEL_WINDOW_DAYS} days, today included (not counting days before the start date).`,
    progress: 'Progress = (current − baseline) ÷ (target − baseline).',
    projection:
      'Projection at the due date = the least-squares straight line through the weekly values since the ' +
      'start, read at the due date. Weeks are calendar weeks from Monday (the first one from the start date); ' +
      'the current, unfinished week is left out once a finished week exists, since a few days are not a week’s ' +
      'value. Weeks without data are left out; with a single week the projection is that week’s value; with ' +
      'none there is no projection.',
    plannedPath: 'Planned path: a straight line from the baseline at the start to the target at the due date.',
  },
  status:
    'Achieved: the current value has reached the target (at or above it when higher is better, at or below ' +
    'it when lower is better). On track: the projection reaches the target. At risk: the projection misses ' +
    `the target by at most ${AT_RISK_SHARE * 100}% of the gap |target − baseline|. Off track: it misses by more. ` +
    'From the due date on, a goal is achieved or missed, judged on its final value. Before the start: not ' +
    'started. Without a current value: no data.',
  lowerTotals:
    'For a total where lower is better (such as a cost), the target is a ceiling for the whole period: the ' +
    'goal is achieved only when the due date comes with the total at or under the target; before that it is ' +
    'on track while the projected total stays at or under the target, and off track as soon as the total ' +
    'so far is above it.',
} as const;

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Up to 2 decimals, en-US grouping; −0 shows as 0. */
export function formatNumber(value: number): string {
  return numberFormat.format(value === 0 ? 0 : value);
}

/** A fraction as a percent with up to 1 decimal: 0.375 -> "37.5%". */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return `${percentFormat.format(pct === 0 ? 0 : pct)}%`;
}

/** Whole percent for display, unclamped; null stays null; never −0. */
export function roundPercent(fraction: number | null): number | null {
  if (fraction === null) return null;
  const pct = Math.round(fraction * 100);
  return pct === 0 ? 0 : pct;
}
