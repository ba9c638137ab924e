import { describe, expect, it } from 'vitest';
import { rollupAdditive, targetsAddUp } from './cascade';
import { daysBetween, toIsoDay, toUtcMs } from './dates';
import { GOAL_FORMULAS } from './formulas';
import { expectedProgressAt, plannedSeries, plannedValueAt } from './plan';
import { fitLine } from './regression';
import type { GoalPlan } from './types';

// 2025-01-01 → 2025-04-01: 90 days; 2025-01-31 is day 30, 2025-02-15 day 45.
const additive: GoalPlan = { aggregation: 'additive', baseline: 100, target: 120, startDate: '2025-01-01', dueDate: '2025-04-01' };
const level: GoalPlan = { aggregation: 'level', baseline: 25, target: 35, startDate: '2025-01-01', dueDate: '2025-04-01' };

describe('dates', () => {
  it('reads YYYY-MM-DD as midnight UTC and refuses impossible or zone-less dates', () => {
    expect(toUtcMs('2025-01-01')).toBe(1_735_689_600_000); // Date.UTC(2025, 0, 1)
    expect(toUtcMs('2025-01-01T06:00:00+02:00')).toBe(1_735_689_600_000 + 4 * 3_600_000);
    expect(() => toUtcMs('2025-02-29')).toThrow(RangeError); // not a leap year
    expect(toUtcMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(() => toUtcMs('2025-01-01T00:00:00')).toThrow(RangeError);
    expect(() => toUtcMs(new Date('nope'))).toThrow(RangeError);
    expect(toIsoDay(new Date('2025-03-31T23:59:59Z'))).toBe('2025-03-31');
    expect(daysBetween('2025-01-01', '2025-04-01')).toBe(90);
  });
});

describe('expected progress and the planned path', () => {
  it('expected progress = elapsed ÷ duration, 0 before the start and 1 from the due date', () => {
    expect(expectedProgressAt(level, '2024-12-01')).toBe(0);
    expect(expectedProgressAt(level, '2025-01-01')).toBe(0);
    expect(expectedProgressAt(level, '2025-02-15')).toBe(0.5);
    expect(expectedProgressAt(level, '2025-03-13')).toBeCloseTo(71 / 90, 15); // 31 + 28 + 12 days
    expect(expectedProgressAt(level, '2025-04-01')).toBe(1);
    expect(expectedProgressAt(level, '2026-01-01')).toBe(1);
  });

  it('level: straight line from the baseline (25) to the target (35)', () => {
    expect(plannedValueAt(level, '2024-12-01')).toBe(25);
    expect(plannedValueAt(level, '2025-01-01')).toBe(25);
    expect(plannedValueAt(level, '2025-02-15')).toBe(30);
    expect(plannedValueAt(level, '2025-01-31')).toBeCloseTo(25 + 10 / 3, 12);
    expect(plannedValueAt(level, '2025-04-01')).toBe(35);
    expect(plannedValueAt(level, '2025-05-01')).toBe(35);
  });

  it('additive: running total from 0 (not the baseline) to the target', () => {
    expect(plannedValueAt(additive, '2025-01-01')).toBe(0);
    expect(plannedValueAt(additive, '2025-02-15')).toBe(60);
    expect(plannedValueAt(additive, '2025-04-01')).toBe(120);
  });

  it('default series: every 7 days from the start, then the due date', () => {
    const g: GoalPlan = { aggregation: 'level', baseline: 0, target: 24, startDate: '2025-01-01', dueDate: '2025-01-25' };
    expect(plannedSeries(g)).toEqual([
      { date: '2025-01-01', value: 0 }, { date: '2025-01-08', value: 7 }, { date: '2025-01-15', value: 14 },
      { date: '2025-01-22', value: 21 }, { date: '2025-01-25', value: 24 },
    ]);
    // due exactly on a step: not repeated
    expect(plannedSeries({ ...g, target: 21, dueDate: '2025-01-22' }).map((p) => p.date))
      .toEqual(['2025-01-01', '2025-01-08', '2025-01-15', '2025-01-22']);
    expect(plannedSeries(g, undefined, 12).map((p) => p.value)).toEqual([0, 12, 24]);
    expect(() => plannedSeries(g, undefined, 0)).toThrow(RangeError);
  });

  it('series at given dates (to share an axis with the actual weeks)', () => {
    expect(plannedSeries(additive, ['2024-12-25', '2025-02-15', new Date('2025-04-08T00:00:00Z')])).toEqual([
      { date: '2024-12-25', value: 0 }, { date: '2025-02-15', value: 60 }, { date: '2025-04-08', value: 120 },
    ]);
  });

  it('refuses a due date not after the start', () => {
    expect(() => plannedValueAt({ ...level, dueDate: '2025-01-01' }, '2025-01-01')).toThrow(RangeError);
  });
});

describe('fitLine', () => {
  it('no usable points: null', () => {
    expect(fitLine([])).toBeNull();
    expect(fitLine([{ t: '2025-01-01', value: null }, { t: '2025-01-08', value: Number.NaN }])).toBeNull();
  });

  it('an exact line y = 1 + 2 × days is recovered', () => {
    const line = fitLine([
      { t: '2025-01-01', value: 1 }, { t: '2025-01-08', value: 15 }, { t: '2025-01-15', value: 29 },
    ]);
    expect(line?.n).toBe(3);
    expect(line?.slopePerDay).toBe(2);
    expect(line?.valueAt('2025-04-01')).toBe(181); // 1 + 2 × 90
  });

  it('noisy points: Sxy ÷ Sxx', () => {
    // x = 0, 7, 14 days; y = 10, 14, 12: mean x 7, mean y 12; Sxy = (−7)(−2) + 0 + 7·0 = 14; Sxx = 98
    const line = fitLine([
      { t: '2025-01-15', value: 12 }, { t: '2025-01-01', value: 10 }, { t: '2025-01-08', value: 14 },
    ]);
    expect(line?.slopePerDay).toBeCloseTo(1 / 7, 15);
    expect(line?.valueAt('2025-01-29')).toBeCloseTo(12 + (1 / 7) * 21, 12); // x = 28: 15
  });
});

describe('cascading', () => {
  it('rollupAdditive sums member values', () => {
    expect(rollupAdditive([])).toBe(0);
    expect(rollupAdditive([1, 2, 3.5])).toBe(6.5);
    expect(rollupAdditive([-2, 2])).toBe(0);
  });

  it('targetsAddUp with a 1e-9 relative tolerance', () => {
    expect(targetsAddUp(0.3, [0.1, 0.2])).toEqual({ sum: 0.30000000000000004, difference: 5.551115123125783e-17, addsUp: true });
    expect(targetsAddUp(100, [30, 30, 30])).toEqual({ sum: 90, difference: -10, addsUp: false });
    expect(targetsAddUp(100, [30, 30, 50])).toEqual({ sum: 110, difference: 10, addsUp: false });
    expect(targetsAddUp(1e12, [5e11, 5e11 + 1]).addsUp).toBe(true); // off by 1 in 1e12 = 1e-12
    expect(targetsAddUp(1000, [500, 500.01]).addsUp).toBe(false); // off by 1e-5 relative
    expect(targetsAddUp(0, [])).toEqual({ sum: 0, difference: 0, addsUp: true });
  });
});

describe('the formulas in words', () => {
  it('state the numbers the code uses', () => {
    expect(GOAL_FORMULAS.status).toContain('at most 10% of the gap |target − baseline|');
    expect(GOAL_FORMULAS.level.current).toContain('the last 30 days');
    expect(GOAL_FORMULAS.additive.progress).toBe('Progress = current ÷ target.');
    expect(GOAL_FORMULAS.level.progress).toBe('Progress = (current − baseline) ÷ (target − baseline).');
  });
});
