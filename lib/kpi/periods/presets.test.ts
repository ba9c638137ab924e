// [KPI][PERIODS] Every preset on fixed "today"s (product.md, "Periods and comparisons"): the period,
// its like-for-like comparison and both in words, end dates inclusive. Never a partial period
// against a whole one: on the first of a month, "this month" is one day against one day.
import { describe, expect, it } from 'vitest';
import { PERIOD_PRESETS, comparedPeriod, presetPeriod, type PeriodPreset } from './presets';
import { comparisonInWords, periodInWords } from './words';

type Row = [period: string, comparison: string];

const CASES: Record<string, { now: string; expected: Record<PeriodPreset, Row> }> = {
  'the first day of a month (Tue 1 Dec 2026)': {
    now: '2026-12-01T09:30:00Z',
    expected: {
      today: ['1 Dec 2026', '30 Nov 2026'],
      this_week: ['30 Nov – 1 Dec 2026', '23–24 Nov 2026'],
      this_month: ['1 Dec 2026', '1 Nov 2026'],
      this_quarter: ['1 Oct – 1 Dec 2026', '1 Jul – 1 Sep 2026'],
      year_to_date: ['1 Jan – 1 Dec 2026', '1 Jan – 1 Dec 2025'],
      last_7_days: ['25 Nov – 1 Dec 2026', '18–24 Nov 2026'],
      last_30_days: ['2 Nov – 1 Dec 2026', '3 Oct – 1 Nov 2026'],
      last_90_days: ['3 Sep – 1 Dec 2026', '5 Jun – 2 Sep 2026'],
      last_week: ['23–29 Nov 2026', '16–22 Nov 2026'],
      last_month: ['1–30 Nov 2026', '1–31 Oct 2026'],
      last_quarter: ['1 Jul – 30 Sep 2026', '1 Apr – 30 Jun 2026'],
      last_year: ['1 Jan – 31 Dec 2025', '1 Jan – 31 Dec 2024'],
      last_12_months: ['1 Dec 2025 – 30 Nov 2026', '1 Dec 2024 – 30 Nov 2025'],
    },
  },
  'the last day of a quarter (Wed 30 Sep 2026)': {
    now: '2026-09-30T23:59:59Z',
    expected: {
      today: ['30 Sep 2026', '29 Sep 2026'],
      this_week: ['28–30 Sep 2026', '21–23 Sep 2026'],
      this_month: ['1–30 Sep 2026', '1–31 Aug 2026'],
      this_quarter: ['1 Jul – 30 Sep 2026', '1 Apr – 30 Jun 2026'],
      year_to_date: ['1 Jan – 30 Sep 2026', '1 Jan – 30 Sep 2025'],
      last_7_days: ['24–30 Sep 2026', '17–23 Sep 2026'],
      last_30_days: ['1–30 Sep 2026', '2–31 Aug 2026'],
      last_90_days: ['3 Jul – 30 Sep 2026', '4 Apr – 2 Jul 2026'],
      last_week: ['21–27 Sep 2026', '14–20 Sep 2026'],
      last_month: ['1–31 Aug 2026', '1–31 Jul 2026'],
      last_quarter: ['1 Apr – 30 Jun 2026', '1 Jan – 31 Mar 2026'],
      last_year: ['1 Jan – 31 Dec 2025', '1 Jan – 31 Dec 2024'],
      last_12_months: ['1 Sep 2025 – 31 Aug 2026', '1 Sep 2024 – 31 Aug 2025'],
    },
  },
  '29 February (Tue 29 Feb 2028)': {
    now: '2028-02-29T12:00:00Z',
    expected: {
      today: ['29 Feb 2028', '28 Feb 2028'],
      this_week: ['28–29 Feb 2028', '21–22 Feb 2028'],
      this_month: ['1–29 Feb 2028', '1–31 Jan 2028'],
      this_quarter: ['1 Jan – 29 Feb 2028', '1 Oct – 30 Nov 2027'],
      year_to_date: ['1 Jan – 29 Feb 2028', '1 Jan – 28 Feb 2027'],
      last_7_days: ['23–29 Feb 2028', '16–22 Feb 2028'],
      last_30_days: ['31 Jan – 29 Feb 2028', '1–30 Jan 2028'],
      last_90_days: ['2 Dec 2027 – 29 Feb 2028', '3 Sep – 1 Dec 2027'],
      last_week: ['21–27 Feb 2028', '14–20 Feb 2028'],
      last_month: ['1–31 Jan 2028', '1–31 Dec 2027'],
      last_quarter: ['1 Oct – 31 Dec 2027', '1 Jul – 30 Sep 2027'],
      last_year: ['1 Jan – 31 Dec 2027', '1 Jan – 31 Dec 2026'],
      last_12_months: ['1 Feb 2027 – 31 Jan 2028', '1 Feb 2026 – 31 Jan 2027'],
    },
  },
  '1 January (Fri 1 Jan 2027)': {
    now: '2027-01-01T00:00:00Z',
    expected: {
      today: ['1 Jan 2027', '31 Dec 2026'],
      this_week: ['28 Dec 2026 – 1 Jan 2027', '21–25 Dec 2026'],
      this_month: ['1 Jan 2027', '1 Dec 2026'],
      this_quarter: ['1 Jan 2027', '1 Oct 2026'],
      year_to_date: ['1 Jan 2027', '1 Jan 2026'],
      last_7_days: ['26 Dec 2026 – 1 Jan 2027', '19–25 Dec 2026'],
      last_30_days: ['3 Dec 2026 – 1 Jan 2027', '3 Nov – 2 Dec 2026'],
      last_90_days: ['4 Oct 2026 – 1 Jan 2027', '6 Jul – 3 Oct 2026'],
      last_week: ['21–27 Dec 2026', '14–20 Dec 2026'],
      last_month: ['1–31 Dec 2026', '1–30 Nov 2026'],
      last_quarter: ['1 Oct – 31 Dec 2026', '1 Jul – 30 Sep 2026'],
      last_year: ['1 Jan – 31 Dec 2026', '1 Jan – 31 Dec 2025'],
      last_12_months: ['1 Jan – 31 Dec 2026', '1 Jan – 31 Dec 2025'],
    },
  },
};

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('[KPI][PERIODS] presets and their comparisons', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(`every preset on ${name}`, () => {
      expect(Object.keys(c.expected).sort()).toEqual([...PERIOD_PRESETS].sort());
      for (const preset of PERIOD_PRESETS) {
        const period = presetPeriod(preset, new Date(c.now));
        const { comparison } = comparedPeriod(period, preset, 'previous');
        expect([periodInWords(period), comparisonInWords(comparison)], preset).toEqual([c.expected[preset][0], `vs ${c.expected[preset][1]}`]);
        // Like for like: the two differ at most by the ragged ends of months (31 vs 28 days), never a whole period.
        const days = (p: { from: Date; to: Date }) => (p.to.getTime() - p.from.getTime()) / 86_400_000;
        expect(Math.abs(days(period) - days(comparison)), preset).toBeLessThanOrEqual(3);
      }
    });
  }

  it('gives exact half-open bounds (the words are not all there is)', () => {
    const now = new Date('2026-11-17T10:00:00Z');
    expect(comparedPeriod(presetPeriod('this_month', now), 'this_month', 'previous')).toMatchObject({
      period: { from: d('2026-11-01'), to: d('2026-11-18') }, comparison: { from: d('2026-10-01'), to: d('2026-10-18') },
      comparisonOfComparison: { from: d('2026-09-01'), to: d('2026-09-18') },
    });
    expect(comparedPeriod(presetPeriod('this_quarter', now), 'this_quarter', 'previous').comparison).toEqual({ from: d('2026-07-01'), to: d('2026-08-18') });
  });

  it('compares with the same dates a year earlier under compare=year', () => {
    const at = (now: string, preset: PeriodPreset) => comparisonInWords(comparedPeriod(presetPeriod(preset, new Date(now)), preset, 'year').comparison);
    expect(at('2026-11-17T10:00:00Z', 'this_month')).toBe('vs 1–17 Nov 2025');
    expect(at('2026-12-01T10:00:00Z', 'last_12_months')).toBe('vs 1 Dec 2024 – 30 Nov 2025');
    expect(at('2028-02-29T10:00:00Z', 'today')).toBe('vs 28 Feb 2027');
    expect(at('2028-02-29T10:00:00Z', 'this_month')).toBe('vs 1–28 Feb 2027');
    expect(at('2027-01-01T10:00:00Z', 'this_week')).toBe('vs 28 Dec 2025 – 1 Jan 2026');
  });

  it('compares a custom range with the catalogue default: the same span just before', () => {
    const custom = { from: d('2026-04-01'), to: d('2026-07-01') };
    expect(periodInWords(custom)).toBe('1 Apr – 30 Jun 2026');
    expect(comparisonInWords(comparedPeriod(custom, null, 'previous').comparison)).toBe('vs 1 Jan – 31 Mar 2026');
    expect(comparisonInWords(comparedPeriod({ from: d('2026-04-10'), to: d('2026-04-20') }, null, 'previous').comparison)).toBe('vs 31 Mar – 9 Apr 2026');
  });
});
