// Calendar math for periods, half-open [from, to) in UTC (kpi-catalog.md, Conventions). date-fns does
// the calendar (month lengths, ISO weeks, quarters); it works in the server's local zone, so every
// call goes through `onUtcDay`: the UTC day is rebuilt as a local noon (no DST edge can move its date),
// changed, and read back as a UTC day. Pure, no database.
import * as df from 'date-fns';
import { DAY_MS } from '@/lib/clock';
import type { Period } from '../types';


/** The UTC day of `d` as a local date at noon, and back: the bridge between UTC days and date-fns. */
const toLocal = (d: Date) => new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12);
const fromLocal = (d: Date) => new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));

/** Applies a date-fns calendar step to the UTC day of `d`, keeping `d`'s time of day. */
export function onUtcDay(d: Date, step: (local: Date) => Date): Date {
  const timeOfDay = d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return new Date(fromLocal(step(toLocal(d))).getTime() + timeOfDay);
}

/** Midnight UTC of the day `d` falls in. */
export const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const addDays = (d: Date, days: number) => onUtcDay(d, (l) => df.addDays(l, days));
/** `d` moved by `months` calendar months; the day is clamped to the target month (Mar 31 − 1 = Feb 28). */
export const addMonths = (d: Date, months: number) => onUtcDay(d, (l) => df.addMonths(l, months));
export const startOfWeek = (d: Date) => onUtcDay(startOfUtcDay(d), (l) => df.startOfISOWeek(l));
export const startOfMonth = (d: Date) => onUtcDay(startOfUtcDay(d), (l) => df.startOfMonth(l));
export const startOfQuarter = (d: Date) => onUtcDay(startOfUtcDay(d), (l) => df.startOfQuarter(l));
export const startOfYear = (d: Date) => onUtcDay(startOfUtcDay(d), (l) => df.startOfYear(l));

function isMonthStart(d: Date): boolean {
  return d.getTime() === startOfMonth(d).getTime();
}

/**
 * The catalogue's default comparison, "the same span just before": it ends at `from`; when both ends
 * are month starts it spans the same number of calendar months, otherwise the same length.
 */
export function previousPeriod(from: Date, to: Date): Period {
  if (isMonthStart(from) && isMonthStart(to)) {
    return { from: addMonths(from, -df.differenceInCalendarMonths(toLocal(to), toLocal(from))), to: from };
  }
  return { from: new Date(from.getTime() - (to.getTime() - from.getTime())), to: from };
}

/** T12: the twelve calendar months that end at `to`. */
export function trailingTwelveMonths(to: Date): Period {
  return { from: addMonths(to, -12), to };
}

export type Bucket = 'day' | 'week' | 'month';
export const BUCKETS = ['day', 'week', 'month'] as const satisfies readonly Bucket[];

/** Calendar buckets (UTC days, ISO weeks from Monday, months) covering [from, to), clipped to it. */
export function bucketPeriods(period: Period, bucket: Bucket, max = 1000): Period[] {
  const out: Period[] = [];
  let start = period.from;
  while (start < period.to) {
    const day = startOfUtcDay(start);
    const next = bucket === 'day' ? new Date(day.getTime() + DAY_MS)
      : bucket === 'week' ? addDays(startOfWeek(day), 7)
        : addMonths(startOfMonth(day), 1);
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
