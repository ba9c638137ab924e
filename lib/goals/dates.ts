/**
 * Date arithmetic for goal math, in UTC milliseconds. A 'YYYY-MM-DD' string is that day's midnight UTC
 * (kpi-catalog.md: "a date counts as its midnight UTC"), so results never depend on the server's zone.
 */
import { DAY_MS } from '@/lib/clock';

export type DateInput = string | Date;

export { DAY_MS };
/** An average Gregorian month (365.25 ÷ 12 days), used to turn a goal's duration into months. */
export const DAYS_PER_MONTH = 30.4375;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch; throws on anything that is not a real date (never a silent NaN). */
export function toUtcMs(value: DateInput): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
    return ms;
  }
  const day = ISO_DAY.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const ms = Date.UTC(y, m - 1, d);
    // Date.UTC rolls 2025-02-30 over to March; refuse it instead.
    const back = new Date(ms);
    if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
      throw new RangeError(`Invalid date: ${value}`);
    }
    return ms;
  }
  // Full ISO timestamps are accepted only with an explicit zone, so they cannot be read as local time.
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new RangeError(`Invalid date: ${value}`);
}

/** 'YYYY-MM-DD' of the UTC day containing the instant. */
export function toIsoDay(value: DateInput | number): string {
  const ms = typeof value === 'number' ? value : toUtcMs(value);
  return new Date(ms).toISOString().slice(0, 10);
}

/** (b − a) in days, fractional when the instants are not midnights. */
export function daysBetween(a: DateInput, b: DateInput): number {
  return (toUtcMs(b) - toUtcMs(a)) / DAY_MS;
}

/**
 * The last day a goal runs: its due date is exclusive ("runs up to this day, not included"), and
 * people read the day it ends on (product.md: end dates are inclusive in the UI).
 */
export function lastGoalDay(dueDate: DateInput): string {
  return toIsoDay(toUtcMs(dueDate) - DAY_MS);
}
