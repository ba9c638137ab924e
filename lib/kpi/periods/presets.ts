// The period presets of product.md ("Periods and comparisons"), each with its like-for-like comparison:
// a to-date period against the same elapsed span of the previous week / month / quarter / year, a
// rolling or complete one against the same span just before it, and any of them, with
// `compare=year`, against the same dates a year earlier. Never a partial period against a whole one.
import { now as clockNow } from '@/lib/clock';
import type { Period } from '../types';
import {
  addDays, addMonths, previousPeriod, startOfMonth, startOfQuarter, startOfUtcDay, startOfWeek, startOfYear,
} from './calendar';

export const PERIOD_PRESETS = [
  'today', 'this_week', 'this_month', 'this_quarter', 'year_to_date',
  'last_7_days', 'last_30_days', 'last_90_days',
  'last_week', 'last_month', 'last_quarter', 'last_year', 'last_12_months',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  today: 'Today',
  this_week: 'This week to date',
  this_month: 'This month to date',
  this_quarter: 'This quarter to date',
  year_to_date: 'This year to date',
  last_7_days: 'Last 7 days',
  last_30_days: 'Last 30 days',
  last_90_days: 'Last 90 days',
  last_week: 'Last week',
  last_month: 'Last month',
  last_quarter: 'Last quarter',
  last_year: 'Last year',
  last_12_months: 'Last 12 months',
};

export const COMPARE_MODES = ['previous', 'year'] as const;
/** `previous`: the like-for-like period before; `year`: the same dates a year earlier. */
export type CompareMode = (typeof COMPARE_MODES)[number];

/**
 * How a period relates to its comparison, so the comparison's own comparison (a growth KPI's previous
 * value, a trend bucket's) follows the same rule. `months`: both the first and the last day move back
 * that many months (a last day past the shorter month's end becomes its last day: 1–30 Mar against
 * 1–28 Feb; a period ending with its month compares with whole months); `span`: the catalogue's default, the same span just before; `year`: [from − 12 months,
 * to − 12 months), as kpi-catalog.md writes it.
 */
export type CompareRule = { by: 'months'; months: number } | { by: 'days'; days: number } | { by: 'span' } | { by: 'year' };

const days = (n: number): CompareRule => ({ by: 'days', days: n });
const months = (n: number): CompareRule => ({ by: 'months', months: n });

/** Each preset's like-for-like rule: to-date by the elapsed span, rolling and complete by the span before. */
const PRESET_RULE: Record<PeriodPreset, CompareRule> = {
  today: days(1), this_week: days(7), this_month: months(1), this_quarter: months(3), year_to_date: months(12),
  last_7_days: days(7), last_30_days: days(30), last_90_days: days(90),
  last_week: days(7), last_month: months(1), last_quarter: months(3), last_year: months(12), last_12_months: months(12),
};

/** The comparison of `p` under `rule`. */
export function compareBy(p: Period, rule: CompareRule): Period {
  switch (rule.by) {
    case 'span': return previousPeriod(p.from, p.to);
    case 'year': return { from: addMonths(p.from, -12), to: addMonths(p.to, -12) };
    case 'days': return { from: addDays(p.from, -rule.days), to: addDays(p.to, -rule.days) };
    case 'months': {
      // A period that ends with a month ends with a month after the shift too (1–30 Sep against all
      // of August); otherwise its last day moves back, clamped (1–30 Mar against all of February).
      const to = startOfMonth(p.to).getTime() === p.to.getTime()
        ? addMonths(p.to, -rule.months)
        : addDays(addMonths(addDays(p.to, -1), -rule.months), 1);
      return { from: addMonths(p.from, -rule.months), to };
    }
  }
}

/** The rule of a preset (null: a custom range) under a comparison mode. */
export function compareRule(preset: PeriodPreset | null, mode: CompareMode): CompareRule {
  if (mode === 'year') return { by: 'year' };
  return preset ? PRESET_RULE[preset] : { by: 'span' };
}

/** A preset's period on the day of `now` (UTC). To-date and rolling periods include today. */
export function presetPeriod(preset: PeriodPreset, now: Date = clockNow()): Period {
  const today = startOfUtcDay(now);
  const tomorrow = addDays(today, 1);
  const toDate = (from: Date): Period => ({ from, to: tomorrow });
  const last = (start: Date, months: number): Period => ({ from: addMonths(start, -months), to: start });
  switch (preset) {
    case 'today': return toDate(today);
    case 'this_week': return toDate(startOfWeek(today));
    case 'this_month': return toDate(startOfMonth(today));
    case 'this_quarter': return toDate(startOfQuarter(today));
    case 'year_to_date': return toDate(startOfYear(today));
    case 'last_7_days': return toDate(addDays(tomorrow, -7));
    case 'last_30_days': return toDate(addDays(tomorrow, -30));
    case 'last_90_days': return toDate(addDays(tomorrow, -90));
    case 'last_week': return { from: addDays(startOfWeek(today), -7), to: startOfWeek(today) };
    case 'last_month': return last(startOfMonth(today), 1);
    case 'last_quarter': return last(startOfQuarter(today), 3);
    case 'last_year': return last(startOfYear(today), 12);
    case 'last_12_months': return last(startOfMonth(today), 12);
  }
}

/** A period with its comparison and the comparison's own (for growth KPIs' previous values). */
export interface ComparedPeriod {
  period: Period;
  comparison: Period;
  /** The comparison period's comparison, by the same rule. */
  comparisonOfComparison: Period;
  rule: CompareRule;
}

export function comparedPeriod(period: Period, preset: PeriodPreset | null, mode: CompareMode): ComparedPeriod {
  const rule = compareRule(preset, mode);
  const comparison = compareBy(period, rule);
  return { period, comparison, comparisonOfComparison: compareBy(comparison, rule), rule };
}
