// What a trend chart shows for a period: its bucket, whether it can be drawn at all, which point is
// the current incomplete one ("so far") and when there is nothing to draw. Pure: unit-tested.
import type { Bucket, KpiAggregation, Period, SeriesPoint } from '@/lib/kpi';
import { MAX_BUCKETS, bucketPeriods, periodInWords } from '@/lib/kpi';
import { DAY_MS } from '@/lib/clock';

/**
 * The bucket a trend of `p` uses when the link names none: days up to a month (a month to date is its
 * days), weeks up to half a year, months beyond. The trend covers exactly the period, no more.
 */
export function trendBucket(p: Period): Bucket {
  const days = (p.to.getTime() - p.from.getTime()) / DAY_MS;
  return days <= 31 ? 'day' : days <= 184 ? 'week' : 'month';
}

/** Why a trend of `p` by `bucket` is not drawn (too many points), or null. */
export function trendTooLong(p: Period, bucket: Bucket): string | null {
  const days = (p.to.getTime() - p.from.getTime()) / DAY_MS;
  const n = bucket === 'day' ? days : bucket === 'week' ? days / 7 : days / 30.44;
  return n > MAX_BUCKETS[bucket] ? `A trend by ${bucket} is drawn for periods up to ${MAX_BUCKETS[bucket]} ${bucket}s: choose a shorter period.` : null;
}

/** The index of the point still in progress (its bucket holds `now`: today, this week, this month), or -1. */
export function soFarIndex(points: SeriesPoint[], now: Date): number {
  const i = points.length - 1;
  return i >= 0 && new Date(points[i].start) <= now && now < new Date(points[i].end) ? i : -1;
}

/** Nothing to draw: no value anywhere (a count or sum that is 0 everywhere counts no record either). */
export function isEmptyTrend(points: SeriesPoint[], aggregation: KpiAggregation): boolean {
  return points.every((p) => p.value == null || (aggregation === 'additive' && p.value === 0));
}

/** "No data for 1–17 Nov 2026" */
export function noDataText(p: Period): string {
  return `No data for ${periodInWords(p)}`;
}

interface TrendValues {
  values: (number | null)[];
  /** The point in progress, or -1. */
  soFar: number;
  /** Why the point in progress is not drawn, when it is not. */
  held: string | null;
}

/**
 * The values to draw. A rate or mean of a bucket that has barely started (less than half of it
 * elapsed) and reads 0 is not drawn: one lost deal on the first morning would show a fall to 0
 * that says nothing about the month. Counts and sums are drawn as they are, marked "so far".
 */
export function trendValues(points: SeriesPoint[], bucket: Bucket, aggregation: KpiAggregation, now: Date): TrendValues {
  const soFar = soFarIndex(points, now);
  const values = points.map((p) => p.value);
  if (soFar < 0 || aggregation !== 'level' || values[soFar] !== 0) return { values, soFar, held: null };
  const p = points[soFar];
  // Of the whole calendar day, week or month, not of the part the period holds.
  const unit = bucketPeriods({ from: new Date(p.start), to: new Date(new Date(p.start).getTime() + 32 * DAY_MS) }, bucket)[0];
  const elapsed = (now.getTime() - unit.from.getTime()) / (unit.to.getTime() - unit.from.getTime());
  if (elapsed >= 0.5) return { values, soFar, held: null };
  values[soFar] = null;
  return { values, soFar, held: 'the point so far is left out: a rate at 0 this early in its period says nothing yet' };
}
