/**
 * Achievable (the A of SMART): compares a goal's target with the KPI's last 12 months and says plainly
 * when the target is beyond anything the history reached, or asks for a faster change than any month
 * saw. Pure: the caller passes the monthly history.
 *
 * Additive KPIs (totals): the target and baseline are totals over the goal's duration while the history
 * holds monthly totals, so both are first turned into per-month figures (÷ months, months = duration
 * days ÷ 30.4375) and then compared like levels. Level KPIs are compared as they are.
 */
import { DAYS_PER_MONTH, toIsoDay } from './dates';
import { formatNumber } from './formulas';
import type { KpiAggregation, KpiDirection } from './types';

export interface MonthValue {
  /** 'YYYY-MM', or any day of the month ('YYYY-MM-DD' or Date) */
  month: string | Date;
  value: number | null;
}

export interface AchievabilityInput {
  history: readonly MonthValue[];
  baseline: number;
  target: number;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  durationDays: number;
  format?: (value: number) => string;
}

export interface AchievabilityResult {
  /** No month with a value. */
  noHistory: boolean;
  /** The (per-month) target is strictly better than the best month. */
  beyondBest: boolean;
  /** The required change per month is strictly larger than the largest favourable month-over-month change. */
  fasterThanFastest: boolean;
  /** No two consecutive months both have values, so the pace cannot be compared. */
  paceUnknown: boolean;
  /** noHistory, beyondBest and fasterThanFastest all false. */
  ok: boolean;
  months: number;
  /** What was compared with the history: target and baseline, per month for additive KPIs. */
  comparedTarget: number;
  comparedBaseline: number;
  best: { month: string; value: number } | null;
  /** (comparedTarget − comparedBaseline) ÷ months, signed. */
  requiredChangePerMonth: number;
  /** Largest change in the favourable direction between consecutive months (signed), or null if none. */
  fastestChange: { from: string; to: string; change: number } | null;
  /** Plain sentences, one per flag raised. */
  messages: string[];
}

const REL_TOL = 1e-9;

function monthKey(m: MonthValue['month']): string {
  if (typeof m === 'string' && /^\d{4}-\d{2}$/.test(m)) return toIsoDay(`${m}-01`).slice(0, 7);
  return toIsoDay(m).slice(0, 7);
}
function monthIndex(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}

export function assessAchievability(input: AchievabilityInput): AchievabilityResult {
  const { baseline, target, direction, aggregation, durationDays } = input;
  if (!(durationDays > 0)) throw new RangeError('durationDays must be positive.');
  const f = input.format ?? formatNumber;
  const months = durationDays / DAYS_PER_MONTH;
  const comparedTarget = aggregation === 'additive' ? target / months : target;
  const comparedBaseline = aggregation === 'additive' ? baseline / months : baseline;
  const requiredChangePerMonth = (comparedTarget - comparedBaseline) / months;
  const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);

  const sorted = input.history
    .map((h) => ({ month: monthKey(h.month), value: h.value }))
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
  const withData = sorted.filter((h): h is { month: string; value: number } => h.value !== null && Number.isFinite(h.value));
  const span = `the last ${input.history.length} months`;
  const bestOf = input.history.length === 1 ? 'the only month of history' : `the best month of ${span}`;
  const messages: string[] = [];
  const noHistory = withData.length === 0;

  let best: AchievabilityResult['best'] = null;
  for (const h of withData) if (best === null || better(h.value, best.value)) best = h;
  const tol = (v: number) => REL_TOL * Math.max(Math.abs(v), 1e-300);
  const beyondBest = best !== null &&
    (direction === 'higher' ? comparedTarget > best.value + tol(best.value) : comparedTarget < best.value - tol(best.value));

  let fastestChange: AchievabilityResult['fastestChange'] = null;
  let pairs = 0;
  for (let i = 1; i < withData.length; i++) {
    const prev = withData[i - 1];
    const cur = withData[i];
    if (monthIndex(cur.month) - monthIndex(prev.month) !== 1) continue; // a gap is not one month's change
    pairs++;
    const change = cur.value - prev.value;
    if (better(change, 0) && (fastestChange === null || better(change, fastestChange.change))) {
      fastestChange = { from: prev.month, to: cur.month, change };
    }
  }
  const paceUnknown = pairs === 0;
  const requiredIsFavourable = better(requiredChangePerMonth, 0);
  const fastest = fastestChange === null ? 0 : Math.abs(fastestChange.change);
  const fasterThanFastest = !paceUnknown && requiredIsFavourable &&
    Math.abs(requiredChangePerMonth) > fastest + tol(fastest);

  const perMonth = aggregation === 'additive' ? ` (${f(comparedTarget)} per month)` : '';
  if (noHistory) {
    messages.push('There is no history for this KPI in the last 12 months, so the target cannot be checked against it.');
  }
  if (beyondBest && best) {
    messages.push(`The target ${f(target)}${perMonth} is better than ${bestOf} (${f(best.value)}, in ${best.month}).`);
  }
  if (fasterThanFastest) {
    const ask = `Reaching the target asks for a change of ${f(requiredChangePerMonth)} per month` +
      `${aggregation === 'additive' ? ' in the monthly figure' : ''} over ${formatNumber(months)} months`;
    messages.push(fastestChange
      ? `${ask}, faster than the fastest one-month improvement of ${span} (${f(fastestChange.change)}, from ${fastestChange.from} to ${fastestChange.to}).`
      : `${ask}, and no month of ${span} improved on the month before.`);
  }
  if (!noHistory && paceUnknown) {
    messages.push('No two consecutive months have values, so the pace the target asks for cannot be compared with the history.');
  }
  return {
    noHistory, beyondBest, fasterThanFastest, paceUnknown,
    ok: !noHistory && !beyondBest && !fasterThanFastest,
    months, comparedTarget, comparedBaseline, best, requiredChangePerMonth, fastestChange, messages,
  };
}
