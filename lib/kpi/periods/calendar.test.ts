// [KPI][PERIODS] Previous period, T12 and buckets (kpi-catalog.md, Conventions).
import { describe, expect, it } from 'vitest';
import { addMonths, bucketPeriods, parseDateParam, previousPeriod, trailingTwelveMonths } from './calendar';

const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

describe('[KPI][PERIODS]', () => {
  it('uses calendar months when both ends are month starts', () => {
    expect(previousPeriod(d('2025-03-01'), d('2025-04-01'))).toEqual({ from: d('2025-02-01'), to: d('2025-03-01') });
    expect(previousPeriod(d('2025-04-01'), d('2025-07-01'))).toEqual({ from: d('2025-01-01'), to: d('2025-04-01') });
    expect(previousPeriod(d('2025-01-01'), d('2026-01-01'))).toEqual({ from: d('2024-01-01'), to: d('2025-01-01') });
  });

  it('uses the same length otherwise', () => {
    expect(previousPeriod(d('2025-03-10'), d('2025-03-17'))).toEqual({ from: d('2025-03-03'), to: d('2025-03-10') });
    expect(previousPeriod(d('2025-03-01'), d('2025-03-15'))).toEqual({ from: d('2025-02-15'), to: d('2025-03-01') });
    expect(previousPeriod(d('2025-03-01T12:00:00Z'), d('2025-04-01'))).toEqual({ from: d('2025-01-30T00:00:00Z'), to: d('2025-03-01T12:00:00Z') });
  });

  it('T12 ends at `to`, clamping month ends', () => {
    expect(trailingTwelveMonths(d('2025-07-01'))).toEqual({ from: d('2024-07-01'), to: d('2025-07-01') });
    expect(trailingTwelveMonths(d('2024-02-29'))).toEqual({ from: d('2023-02-28'), to: d('2024-02-29') });
    expect(addMonths(d('2025-03-31'), -1)).toEqual(d('2025-02-28'));
  });

  it('buckets by calendar month, ISO week and day, clipped to the period', () => {
    expect(bucketPeriods({ from: d('2025-01-15'), to: d('2025-03-10') }, 'month')).toEqual([
      { from: d('2025-01-15'), to: d('2025-02-01') }, { from: d('2025-02-01'), to: d('2025-03-01') }, { from: d('2025-03-01'), to: d('2025-03-10') },
    ]);
    const weeks = bucketPeriods({ from: d('2025-03-01'), to: d('2025-03-20') }, 'week'); // 2025-03-01 is a Saturday
    expect(weeks.map((w) => w.from.toISOString().slice(0, 10))).toEqual(['2025-03-01', '2025-03-03', '2025-03-10', '2025-03-17']);
    expect(bucketPeriods({ from: d('2025-01-01'), to: d('2026-01-01') }, 'day')).toHaveLength(365);
    expect(() => bucketPeriods({ from: d('2020-01-01'), to: d('2026-01-01') }, 'day')).toThrow(RangeError);
  });

  it('parses dates strictly', () => {
    expect(parseDateParam('2025-02-28')).toEqual(d('2025-02-28'));
    expect(parseDateParam('2025-02-30')).toBeNull();
    expect(parseDateParam('yesterday')).toBeNull();
    expect(parseDateParam('2025-03-01T01:30:00+02:00')).toEqual(d('2025-02-28T23:30:00Z'));
  });
});
