// Periods are half-open [from, to) in UTC (kpi-catalog.md, Conventions). Pure date math, no database.
import type { Period } from './types';

const DAY = 86_400_000;

function isMonthStart(d: Date): boolean {
  return d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0
    && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}

/** `d` moved by `months` calendar months; the day is clamped to the target month (Mar 31 - 1 = Feb 28). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(),
    d.getUTCSeconds(), d.getUTCMilliseconds()));
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
}

/**
 * The period before [from, to): it ends at `from`; when both ends are month starts it spans the same
 * number of calendar months, otherwise the same length in milliseconds.
 */
export function previousPeriod(from: Date, to: Date): Period {
  if (isMonthStart(from) && isMonthStart(to)) {
    return { from: addMonths(from, -monthsBetween(from, to)), to: from };
  }
  return { from: new Date(from.getTime() - (to.getTime() - from.getTime())), to: from };
}

/** T12: the twelve calendar months that end at `to`. */
export function trailingTwelveMonths(to: Date): Period {
  return { from: addMonths(to, -12), to };
}

export const PERIOD_PRESETS = ['this_month', 'last_month', 'this_quarter', 'last_quarter', 'year_to_date', 'last_12_months'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  this_month: 'This month',
  last_month: 'Last month',
  this_quarter: 'This quarter',
  last_quarter: 'Last quarter',
  year_to_date: 'Year to date',
  last_12_months: 'Last 12 months',
};

function monthStart(d: Date, offset = 0): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1));
}

/**
 * A preset's period relative to `now`. "This" periods end at the next month/quarter start (the
 * future part holds no data yet) so they compare with whole previous months; year to date and the
 * last 12 months end at the start of tomorrow so today counts.
 */
export function presetPeriod(preset: PeriodPreset, now: Date = new Date()): Period {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const quarterStart = monthStart(now, -(now.getUTCMonth() % 3));
  switch (preset) {
    case 'this_month': return { from: monthStart(now), to: monthStart(now, 1) };
    case 'last_month': return { from: monthStart(now, -1), to: monthStart(now) };
    case 'this_quarter': return { from: quarterStart, to: addMonths(quarterStart, 3) };
    case 'last_quarter': return { from: addMonths(quarterStart, -3), to: quarterStart };
    case 'year_to_date': return { from: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), to: tomorrow };
    case 'last_12_months': return { from: addMonths(monthStart(now, 1), -12), to: monthStart(now, 1) };
  }
}

export type Bucket = 'day' | 'week' | 'month';

/** Calendar buckets (UTC days, ISO weeks from Monday, months) covering [from, to), clipped to it. */
export function bucketPeriods(period: Period, bucket: Bucket, max = 1000): Period[] {
  const out: Period[] = [];
  let start = period.from;
  while (start < period.to) {
    let next: Date;
    const dayStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
    if (bucket === 'day') next = new Date(dayStart.getTime() + DAY);
    else if (bucket === 'week') next = new Date(dayStart.getTime() + (7 - ((dayStart.getUTCDay() + 6) % 7)) * DAY);
    else next = monthStart(start, 1);
    const end = next < period.to ? next : period.to;
    out.push({ from: start, to: end });
    if (out.length > max) throw new RangeError(`More than ${max} ${bucket} buckets: choose a larger bucket`);
    start = end;
  }
  return out;
}

/** `YYYY-MM-DD` (UTC) of a date: how the URL and the CLI write period bounds. */
export function toDateParam(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` or a full ISO timestamp; a date is midnight UTC. Null when invalid. */
export function parseDateParam(value: string): Date | null {
  const s = value.trim();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && toDateParam(d) !== s) return null; // 2025-02-30
  return d;
}
