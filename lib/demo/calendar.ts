// The demo company's clock: two years of history ending at `now`, with a business rhythm (growth,
// seasonality, quiet weekends) that event dates are drawn from.
import { DAY_MS } from '@/lib/clock';

export const HISTORY_DAYS = 730;

/** Relative activity by calendar month (Jan..Dec): slow summer and December, busy spring and autumn. */
const SEASON = [1.0, 1.05, 1.12, 1.05, 1.02, 0.97, 0.86, 0.78, 1.08, 1.12, 1.08, 0.8];
/** Relative activity by weekday (Sun..Sat). */
const WEEKDAY = [0.2, 1.0, 1.05, 1.05, 1.0, 0.9, 0.25];

export interface DemoCalendar {
  now: Date;
  /** Midnight UTC of now's day. */
  today: Date;
  /** Midnight UTC of the first day of history (day 0); day HISTORY_DAYS - 1 is today. */
  start: Date;
  /** Cumulative share of activity at the start of each day, HISTORY_DAYS + 1 knots from 0 to 1. */
  cumulative: number[];
}

/** Business volume multiplier: the company grows about 2x over the two years. */
export function growth(dayIndex: number): number {
  return 0.65 + 0.7 * (dayIndex / (HISTORY_DAYS - 1));
}

export function makeCalendar(now: Date): DemoCalendar {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const start = new Date(today.getTime() - (HISTORY_DAYS - 1) * DAY_MS);
  const weights: number[] = [];
  for (let d = 0; d < HISTORY_DAYS; d++) {
    const day = new Date(start.getTime() + d * DAY_MS);
    weights.push(growth(d) * SEASON[day.getUTCMonth()] * WEEKDAY[day.getUTCDay()]);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative = [0];
  let acc = 0;
  for (const w of weights) {
    acc += w;
    cumulative.push(acc / total);
  }
  cumulative[HISTORY_DAYS] = 1;
  return { now, today, start, cumulative };
}

/** Share of the business rhythm's volume between day 0 and `date` (0..1), for expected counts. */
export function cumulativeAt(cal: DemoCalendar, date: Date): number {
  const x = (date.getTime() - cal.start.getTime()) / DAY_MS;
  if (x <= 0) return 0;
  if (x >= HISTORY_DAYS) return 1;
  const i = Math.floor(x);
  return cal.cumulative[i] + (x - i) * (cal.cumulative[i + 1] - cal.cumulative[i]);
}

/** SQL: the cumulative knots as a float8[] literal (1-based: knot of day d is element d + 1). */
export function cumulativeSql(cal: DemoCalendar): string {
  return `'{${cal.cumulative.map((c) => c.toPrecision(12)).join(',')}}'::float8[]`;
}

/**
 * SQL: a timestamp drawn from the business rhythm: the day from `uDay`, the time of day in business
 * hours (07:00-18:00 UTC, peaking at midday) from `uHour1` and `uHour2`, never after now.
 */
export function calendarTimeSql(cal: DemoCalendar, uDay: string, uHour1: string, uHour2: string): string {
  const start = `'${cal.start.toISOString()}'::timestamptz`;
  const now = `'${cal.now.toISOString()}'::timestamptz`;
  const day = `(width_bucket(${uDay}, ${cumulativeSql(cal)}) - 1)`;
  const t = `(${start} + ${day} * interval '1 day' + (7 + 11 * (${uHour1} + ${uHour2}) / 2) * interval '1 hour')`;
  return `least(${t}, ${now} - ${uHour1} * interval '3 hours')`;
}

/** SQL: the time of day moved into business hours, keeping the date of `tsExpr`. */
export function businessHoursSql(tsExpr: string, uHour1: string, uHour2: string): string {
  return `(date_trunc('day', ${tsExpr}) + (7 + 11 * (${uHour1} + ${uHour2}) / 2) * interval '1 hour')`;
}
