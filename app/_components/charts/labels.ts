// Axis labels for time buckets. Pure: used by server components that prepare chart data.
import { formatDate, formatDay } from '@/lib/intl-format';

/** Short axis labels ("Dec 25", "8 Sep"), so a year of months fits a phone's width. */
export function bucketLabel(start: string, bucket: 'day' | 'week' | 'month'): string {
  const d = new Date(start);
  return bucket === 'month'
    ? formatDate(d, { month: 'short', year: '2-digit', timeZone: 'UTC' })
    : formatDay(d, { year: false });
}

/** The table's label of a bucket: the month (YYYY-MM) or the first day (YYYY-MM-DD). */
export function bucketKey(start: string, bucket: 'day' | 'week' | 'month'): string {
  return bucket === 'month' ? start.slice(0, 7) : start.slice(0, 10);
}
