import { describe, expect, it } from 'vitest';
import { assessAchievability, type MonthValue } from './achievability';
import { formatNumber } from './formulas';

const hours = (v: number) => `${formatNumber(v)} h`;
const months = (start: [number, number], values: (number | null)[]): MonthValue[] =>
  values.map((value, i) => {
    const m = start[1] - 1 + i;
    return { month: `${start[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, value };
  });

// First response time (level, lower is better), 2024-04 … 2025-03 (12 months):
//        04   05   06    07   08   09   10   11   12   01   02   03
const RESPONSE = months([2024, 4], [7.0, 6.8, null, 6.5, 6.9, 6.1, 6.4, 6.6, 6.3, 6.2, 6.5, 6.4]);
// Best (lowest) = 6.1 in 2024-09. Month-over-month changes between consecutive months with values:
// 04→05 −0.2, (05→07 skipped: 06 missing), 07→08 +0.4, 08→09 −0.8, 09→10 +0.3, 10→11 +0.2, 11→12 −0.3,
// 12→01 −0.1, 01→02 +0.3, 02→03 −0.1. Fastest improvement: −0.8 from 2024-08 to 2024-09.
const QUARTER = 91.3125; // 3 × 30.4375 days = exactly 3 months

describe('level KPI, lower is better', () => {
  it('target 3.4 h: beyond the best month and faster than the fastest change ((3.4 − 6.4) ÷ 3 = −1 h/month)', () => {
    const r = assessAchievability({
      history: RESPONSE, baseline: 6.4, target: 3.4, direction: 'lower', aggregation: 'level', durationDays: QUARTER, format: hours,
    });
    expect(r.months).toBe(3);
    expect(r.best).toEqual({ month: '2024-09', value: 6.1 });
    expect(r.beyondBest).toBe(true);
    expect(r.requiredChangePerMonth).toBeCloseTo(-1, 12);
    expect(r.fastestChange?.from).toBe('2024-08');
    expect(r.fastestChange?.to).toBe('2024-09');
    expect(r.fastestChange?.change).toBeCloseTo(-0.8, 12);
    expect(r.fasterThanFastest).toBe(true);
    expect(r.paceUnknown).toBe(false);
    expect(r.noHistory).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.messages).toEqual([
      'The target 3.4 h is better than the best month of the last 12 months (6.1 h, in 2024-09).',
      'Reaching the target asks for a change of -1 h per month over 3 months, faster than the fastest ' +
        'one-month improvement of the last 12 months (-0.8 h, from 2024-08 to 2024-09).',
    ]);
  });

  it('target 5.5 h over 6 months: beyond the best, but −0.15 h/month is slower than −0.8', () => {
    const r = assessAchievability({
      history: RESPONSE, baseline: 6.4, target: 5.5, direction: 'lower', aggregation: 'level', durationDays: 2 * QUARTER,
    });
    expect(r.months).toBe(6);
    expect(r.requiredChangePerMonth).toBeCloseTo(-0.15, 12);
    expect(r.beyondBest).toBe(true);
    expect(r.fasterThanFastest).toBe(false);
    expect(r.messages).toHaveLength(1);
  });

  it('target equal to the best month (6.1) is not beyond it; 6.2 h in a quarter is fine', () => {
    expect(assessAchievability({
      history: RESPONSE, baseline: 6.4, target: 6.1, direction: 'lower', aggregation: 'level', durationDays: QUARTER,
    }).beyondBest).toBe(false);
    const r = assessAchievability({
      history: RESPONSE, baseline: 6.4, target: 6.2, direction: 'lower', aggregation: 'level', durationDays: QUARTER,
    });
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([]);
  });
});

// Win rate (level, higher is better), 2024-01 … 2024-12:
// 20 22 25 24 23 26 27 25 24 26 28 27; best 28 (2024-11); changes +2 +3 −1 −1 +3 +1 −2 −1 +2 +2 −1:
// fastest improvement +3, first seen 2024-02 → 2024-03.
const WIN_RATE = months([2024, 1], [20, 22, 25, 24, 23, 26, 27, 25, 24, 26, 28, 27]);

describe('level KPI, higher is better', () => {
  it('30% from 27% in 2 months: beyond the best (28), pace 1.5/month within +3', () => {
    const r = assessAchievability({
      history: WIN_RATE, baseline: 27, target: 30, direction: 'higher', aggregation: 'level', durationDays: 2 * 30.4375,
    });
    expect(r.best).toEqual({ month: '2024-11', value: 28 });
    expect(r.requiredChangePerMonth).toBe(1.5);
    expect(r.fastestChange).toEqual({ from: '2024-02', to: '2024-03', change: 3 });
    expect(r.beyondBest).toBe(true);
    expect(r.fasterThanFastest).toBe(false);
  });

  it('36% in 2 months asks 4.5/month > 3; 28% in a month (equal to the best, 1/month) is fine', () => {
    const fast = assessAchievability({
      history: WIN_RATE, baseline: 27, target: 36, direction: 'higher', aggregation: 'level', durationDays: 2 * 30.4375,
    });
    expect(fast.requiredChangePerMonth).toBe(4.5);
    expect(fast.fasterThanFastest).toBe(true);
    const fine = assessAchievability({
      history: WIN_RATE, baseline: 27, target: 28, direction: 'higher', aggregation: 'level', durationDays: 30.4375,
    });
    expect(fine.ok).toBe(true);
  });

  it('a history that never improved: any improvement is faster than anything seen', () => {
    const r = assessAchievability({
      history: months([2024, 1], [10, 9, 8]), baseline: 8, target: 9, direction: 'higher', aggregation: 'level', durationDays: 91.3125,
    });
    expect(r.fastestChange).toBeNull();
    expect(r.fasterThanFastest).toBe(true);
    expect(r.beyondBest).toBe(false); // 9 < 10
    expect(r.messages).toEqual([
      'Reaching the target asks for a change of 0.33 per month over 3 months, and no month of the last 3 months improved on the month before.',
    ]);
  });
});

// MQLs (additive, higher is better), monthly totals 2024-01 … 2024-12:
// 100 110 120 130 125 140 135 150 145 160 155 150; best 160 (2024-10);
// changes +10 +10 +10 −5 +15 −5 +15 −5 +15 −5 −5: fastest +15, first 2024-05 → 2024-06.
const MQLS = months([2024, 1], [100, 110, 120, 130, 125, 140, 135, 150, 145, 160, 155, 150]);

describe('additive KPI: totals compared per month', () => {
  it('540 in a quarter = 180/month > best 160; baseline 450 = 150/month: (180 − 150) ÷ 3 = 10/month < 15', () => {
    const r = assessAchievability({
      history: MQLS, baseline: 450, target: 540, direction: 'higher', aggregation: 'additive', durationDays: QUARTER,
    });
    expect(r.comparedTarget).toBe(180);
    expect(r.comparedBaseline).toBe(150);
    expect(r.requiredChangePerMonth).toBe(10);
    expect(r.beyondBest).toBe(true);
    expect(r.fasterThanFastest).toBe(false);
    expect(r.messages).toEqual(['The target 540 (180 per month) is better than the best month of the last 12 months (160, in 2024-10).']);
  });

  it('480 from 300 in a quarter: 160/month is not beyond 160, but (160 − 100) ÷ 3 = 20/month > 15', () => {
    const r = assessAchievability({
      history: MQLS, baseline: 300, target: 480, direction: 'higher', aggregation: 'additive', durationDays: QUARTER,
    });
    expect(r.beyondBest).toBe(false);
    expect(r.requiredChangePerMonth).toBe(20);
    expect(r.fastestChange).toEqual({ from: '2024-05', to: '2024-06', change: 15 });
    expect(r.messages).toEqual([
      'Reaching the target asks for a change of 20 per month in the monthly figure over 3 months, faster than ' +
        'the fastest one-month improvement of the last 12 months (15, from 2024-05 to 2024-06).',
    ]);
  });
});

describe('thin or odd history', () => {
  const base = { baseline: 6, target: 5, direction: 'lower' as const, aggregation: 'level' as const, durationDays: QUARTER };

  it('empty or all-null history: "no history" flag and sentence, nothing else', () => {
    for (const history of [[], months([2024, 1], [null, null])]) {
      const r = assessAchievability({ ...base, history });
      expect(r.noHistory).toBe(true);
      expect(r.ok).toBe(false);
      expect(r.best).toBeNull();
      expect(r.beyondBest).toBe(false);
      expect(r.fasterThanFastest).toBe(false);
      expect(r.messages).toEqual([
        'There is no history for this KPI in the last 12 months, so the target cannot be checked against it.',
      ]);
    }
  });

  it('no two consecutive months: pace unknown, said plainly, not flagged as too fast', () => {
    const r = assessAchievability({ ...base, history: [{ month: '2024-01', value: 7 }, { month: '2024-03', value: 4 }] });
    expect(r.paceUnknown).toBe(true);
    expect(r.fasterThanFastest).toBe(false);
    expect(r.ok).toBe(true);
    expect(r.messages).toEqual([
      'No two consecutive months have values, so the pace the target asks for cannot be compared with the history.',
    ]);
  });

  it('accepts unsorted months given as dates; the single-month wording', () => {
    const r = assessAchievability({
      ...base,
      history: [{ month: new Date('2024-02-15T00:00:00Z'), value: 6.5 }, { month: '2024-01-01', value: 7 }],
    });
    expect(r.fastestChange).toEqual({ from: '2024-01', to: '2024-02', change: -0.5 });
    const one = assessAchievability({ ...base, target: 4, history: [{ month: '2024-05', value: 5 }] });
    expect(one.messages[0]).toBe('The target 4 is better than the only month of history (5, in 2024-05).');
  });

  it('refuses a non-positive duration', () => {
    expect(() => assessAchievability({ ...base, history: [], durationDays: 0 })).toThrow(RangeError);
  });
});
