// [DASHBOARD][TREND] What a trend draws: the bucket for a period, the point in progress ("so far"),
// a rate at 0 on its first morning held back, and an empty trend said in words.
import { describe, expect, it } from 'vitest';
import { isEmptyTrend, noDataText, soFarIndex, trendBucket, trendTooLong, trendValues } from '@/lib/dashboard/trend';
import { bucketPeriods, presetPeriod, type SeriesPoint } from '@/lib/kpi';

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
const points = (p: { from: Date; to: Date }, bucket: 'day' | 'week' | 'month', values: (number | null)[]): SeriesPoint[] =>
  bucketPeriods(p, bucket).map((b, i) => ({ start: b.from.toISOString(), end: b.to.toISOString(), value: values[i] ?? null }));

describe('[DASHBOARD][TREND]', () => {
  it('covers exactly the period, with a bucket that suits its length', () => {
    const now = d('2026-12-01T18:00:00Z');
    expect(trendBucket(presetPeriod('this_month', now))).toBe('day');
    expect(trendBucket(presetPeriod('last_month', now))).toBe('day');
    expect(trendBucket(presetPeriod('last_90_days', now))).toBe('week');
    expect(trendBucket(presetPeriod('this_quarter', now))).toBe('week');
    expect(trendBucket(presetPeriod('last_12_months', now))).toBe('month');
    // A year to date on 1 December: January to December, the last month one day old.
    const ytd = presetPeriod('year_to_date', now);
    const pts = points(ytd, 'month', Array(12).fill(10));
    expect(pts).toHaveLength(12);
    expect([pts[0].start, pts[11].start, pts[11].end]).toEqual(['2026-01-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '2026-12-02T00:00:00.000Z']);
    expect(trendTooLong({ from: d('1900-01-01'), to: d('2200-01-01') }, 'month')).toMatch(/up to 600 months/);
    expect(trendTooLong(ytd, 'day')).toBeNull();
  });

  it('marks the bucket that holds now as so far, and only that one', () => {
    const ytd = presetPeriod('year_to_date', d('2026-12-01T18:00:00Z'));
    const pts = points(ytd, 'month', Array(12).fill(5));
    expect(soFarIndex(pts, d('2026-12-01T18:00:00Z'))).toBe(11);
    // The same period seen later (a bookmarked custom range): every bucket is over.
    expect(soFarIndex(pts, d('2027-01-05T00:00:00Z'))).toBe(-1);
    expect(soFarIndex(points(presetPeriod('last_12_months', d('2026-12-01T18:00:00Z')), 'month', []), d('2026-12-01T18:00:00Z'))).toBe(-1);
  });

  it('holds back a rate that reads 0 early in its bucket, never a count or a rate later on', () => {
    const ytd = presetPeriod('year_to_date', d('2026-12-01T18:00:00Z'));
    const rates = points(ytd, 'month', [...Array(11).fill(30), 0]);
    const early = trendValues(rates, 'month', 'level', d('2026-12-01T18:00:00Z'));
    expect(early.values[11]).toBeNull();
    expect(early.held).toMatch(/so far/);
    expect(early.values[10]).toBe(30);
    expect(trendValues(rates, 'month', 'additive', d('2026-12-01T18:00:00Z')).values[11]).toBe(0);
    expect(trendValues(rates, 'month', 'level', d('2026-12-20T18:00:00Z')).values[11]).toBe(0);
  });

  it('says "No data for <period>" when nothing is there', () => {
    const p = { from: d('1990-01-01'), to: d('1990-02-01') };
    expect(isEmptyTrend(points(p, 'day', []), 'level')).toBe(true);
    expect(isEmptyTrend(points(p, 'day', Array(31).fill(0)), 'additive')).toBe(true);
    expect(isEmptyTrend(points(p, 'day', [0]), 'level')).toBe(false);
    expect(noDataText(p)).toBe('No data for 1–31 Jan 1990');
  });
});
