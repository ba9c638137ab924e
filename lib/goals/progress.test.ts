import { describe, expect, it } from 'vitest';
import { computeGoalProgress, statusFromProjection, validateGoalMath, type GoalMathInput } from './progress';

// Shared window: 2025-01-01 → 2025-04-01 = 31 + 28 + 31 = 90 days.
// 2025-01-31 = day 30 (1/3 elapsed), 2025-02-15 = day 45 (1/2 elapsed).
const WINDOW = { startDate: '2025-01-01', dueDate: '2025-04-01' } as const;

// Additive, higher is better (e.g. new customers): baseline 100 (last quarter), target 120.
// gap = |120 − 100| = 20, at-risk band = 10% × 20 = 2: at risk when 118 <= projection < 120.
const addHigher = (over: Partial<GoalMathInput>): GoalMathInput => ({
  aggregation: 'additive', direction: 'higher', baseline: 100, target: 120, ...WINDOW,
  now: '2025-01-31', current: 45, ...over,
});

describe('additive, higher is better', () => {
  it('on track: projection = current × duration ÷ elapsed = 45 × 90 ÷ 30 = 135 >= 120', () => {
    const r = computeGoalProgress(addHigher({}));
    expect(r.status).toBe('on_track');
    expect(r.current).toBe(45);
    expect(r.progress).toBe(0.375); // 45 ÷ 120
    expect(r.progressPercent).toBe(38); // 37.5 rounds half up
    expect(r.barPercent).toBe(38);
    expect(r.projection).toBe(135);
    expect(r.expectedProgress).toBeCloseTo(1 / 3, 15); // 30 ÷ 90
    expect(r.plannedValue).toBeCloseTo(40, 12); // running total from 0: 120 × 1/3
    expect(r.elapsedDays).toBe(30);
    expect(r.durationDays).toBe(90);
    expect(r.problems).toEqual([]);
    expect(r.explanation).toBe(
      'Progress = current ÷ target = 45 ÷ 120 = 37.5%; expected by now 33.3% (30 days of 90 days). ' +
      'Projection = current × (duration ÷ elapsed) = 45 × (90 ÷ 30) = 135, which reaches the target 120: on track.',
    );
  });

  it('at risk: 39.5 × 90 ÷ 30 = 118.5 misses 120 by 1.5 <= 2', () => {
    const r = computeGoalProgress(addHigher({ current: 39.5 }));
    expect(r.projection).toBe(118.5);
    expect(r.status).toBe('at_risk');
    expect(r.explanation).toContain('which misses the target 120 by 1.5, within 10% of the gap 20 (2): at risk.');
  });

  it('at the band edge: day 45, 59 × 2 = 118 misses by exactly 2 => at risk; 58.5 × 2 = 117 => off track', () => {
    const edge = computeGoalProgress(addHigher({ now: '2025-02-15', current: 59 }));
    expect(edge.projection).toBe(118);
    expect(edge.status).toBe('at_risk');
    const off = computeGoalProgress(addHigher({ now: '2025-02-15', current: 58.5 }));
    expect(off.projection).toBe(117);
    expect(off.status).toBe('off_track');
    expect(off.explanation).toContain('misses the target 120 by 3, more than 10% of the gap 20 (2): off track.');
  });

  it('achieved before the due date as soon as the total reaches the target', () => {
    const r = computeGoalProgress(addHigher({ current: 120 }));
    expect(r.status).toBe('achieved');
    expect(r.progress).toBe(1);
    expect(r.projection).toBe(360); // 120 × 3, still reported
    expect(r.explanation).toContain('The current value 120 already reaches the target 120: achieved.');
  });

  it('progress is not clamped: 150 ÷ 120 = 1.25 => 125%, bar 100', () => {
    const r = computeGoalProgress(addHigher({ current: 150 }));
    expect(r.progress).toBe(1.25);
    expect(r.progressPercent).toBe(125);
    expect(r.barPercent).toBe(100);
  });

  it('a time of day counts: 2025-01-31T12:00Z is 30.5 days in, 61 × 90 ÷ 30.5 = 180', () => {
    const r = computeGoalProgress(addHigher({ now: new Date('2025-01-31T12:00:00Z'), current: 61 }));
    expect(r.elapsedDays).toBe(30.5);
    expect(r.projection).toBe(180);
  });

  it('on the start day: not started, projection null (never Infinity)', () => {
    const r = computeGoalProgress(addHigher({ now: '2025-01-01', current: 0 }));
    expect(r.status).toBe('not_started');
    expect(r.projection).toBeNull();
    expect(r.progress).toBe(0);
    expect(r.progressPercent).toBe(0);
    expect(Object.is(r.progressPercent, -0)).toBe(false);
    expect(r.expectedProgress).toBe(0);
    expect(r.plannedValue).toBe(0);
    expect(r.elapsedDays).toBe(0);
    expect(r.explanation).toBe('The goal starts on 1 Jan 2025: no time has elapsed yet, so there is nothing to measure.');
  });

  it('before the start: not started, elapsed 0, even without data', () => {
    const r = computeGoalProgress(addHigher({ now: '2024-12-15', current: null }));
    expect(r.status).toBe('not_started');
    expect(r.elapsedDays).toBe(0);
    expect(r.expectedProgress).toBe(0);
    expect(r.projection).toBeNull();
    expect(r.progress).toBeNull();
  });

  it('exactly on the due date the goal is final: projection = current', () => {
    const hit = computeGoalProgress(addHigher({ now: '2025-04-01', current: 121 }));
    expect(hit.status).toBe('achieved');
    expect(hit.projection).toBe(121);
    expect(hit.expectedProgress).toBe(1);
    expect(hit.plannedValue).toBe(120);
    expect(hit.elapsedDays).toBe(90);
    expect(hit.explanation).toContain('The goal was due on 31 Mar 2025: the final value 121 reaches the target 120: achieved.');
    const miss = computeGoalProgress(addHigher({ now: '2025-04-01', current: 119 }));
    expect(miss.status).toBe('missed');
    expect(miss.explanation).toContain('the final value 119 misses the target 120: missed.');
  });

  it('the day before the due date is still running: 119 × 90 ÷ 89 = 120.337… => on track', () => {
    const r = computeGoalProgress(addHigher({ now: '2025-03-31', current: 119 }));
    expect(r.status).toBe('on_track');
    expect(r.projection).toBeCloseTo(10710 / 89, 12);
  });

  it('after the due date: elapsed stops at 90 days, status achieved or missed', () => {
    const r = computeGoalProgress(addHigher({ now: '2025-06-01', current: 119 }));
    expect(r.status).toBe('missed');
    expect(r.elapsedDays).toBe(90);
    expect(r.projection).toBe(119);
  });

  it('no data: no_data while running and after the due date, with nothing projected', () => {
    for (const now of ['2025-01-31', '2025-05-01']) {
      const r = computeGoalProgress(addHigher({ now, current: null }));
      expect(r.status).toBe('no_data');
      expect(r.progress).toBeNull();
      expect(r.progressPercent).toBeNull();
      expect(r.barPercent).toBeNull();
      expect(r.projection).toBeNull();
      expect(r.explanation).toBe("There is no KPI value for the goal’s period so far, so the status cannot be judged (no data).");
    }
  });

  it('formats values with the caller’s formatter', () => {
    const r = computeGoalProgress(addHigher({ format: (v) => `$${v}` }));
    expect(r.explanation).toContain('= $45 ÷ $120 = 37.5%');
    expect(r.explanation).toContain('= $135, which reaches the target $120');
  });
});

// Additive, lower is better (customer_service_cost): baseline 90 000 last quarter, target 81 000.
// gap 9 000, band 900: on track while projection <= 81 000, at risk up to 81 900.
const addLower = (over: Partial<GoalMathInput>): GoalMathInput => ({
  aggregation: 'additive', direction: 'lower', baseline: 90_000, target: 81_000, ...WINDOW,
  now: '2025-01-31', current: 26_000, ...over,
});

describe('additive, lower is better (the target is a ceiling)', () => {
  it('under the ceiling is on track, not achieved: 26 000 × 3 = 78 000 <= 81 000', () => {
    const r = computeGoalProgress(addLower({}));
    expect(r.status).toBe('on_track');
    expect(r.projection).toBe(78_000);
    expect(r.progress).toBeCloseTo(26 / 81, 15); // share of the budget used
    expect(r.progressPercent).toBe(32); // 32.098…
    expect(r.plannedValue).toBeCloseTo(27_000, 9);
  });

  it('at risk: 27 200 × 3 = 81 600, over by 600 <= 900; off track: 27 400 × 3 = 82 200, over by 1 200', () => {
    expect(computeGoalProgress(addLower({ current: 27_200 })).status).toBe('at_risk');
    const off = computeGoalProgress(addLower({ current: 27_400 }));
    expect(off.projection).toBe(82_200);
    expect(off.status).toBe('off_track');
    expect(off.explanation).toContain('misses the target 81,000 by 1,200, more than 10% of the gap 9,000 (900): off track.');
  });

  it('already above the ceiling before the due date: off track whatever the projection', () => {
    const r = computeGoalProgress(addLower({ current: 81_500 }));
    expect(r.status).toBe('off_track');
    expect(r.explanation).toContain('The total so far, 81,500, is already above the target 81,000');
  });

  it('at the due date: achieved at or under the ceiling, missed above it', () => {
    expect(computeGoalProgress(addLower({ now: '2025-04-01', current: 80_000 })).status).toBe('achieved');
    expect(computeGoalProgress(addLower({ now: '2025-04-01', current: 81_000 })).status).toBe('achieved');
    expect(computeGoalProgress(addLower({ now: '2025-04-01', current: 81_000.5 })).status).toBe('missed');
  });

  it('a target of 0: progress null (no share of 0), status from the projection', () => {
    const zero = computeGoalProgress(addLower({ baseline: 500, target: 0, current: 0 }));
    expect(zero.progress).toBeNull();
    expect(zero.projection).toBe(0);
    expect(zero.status).toBe('on_track');
    expect(zero.explanation).toContain('Progress cannot be computed as a share of a target of 0');
    expect(computeGoalProgress(addLower({ baseline: 500, target: 0, current: 10 })).status).toBe('off_track');
  });
});

// Level, higher is better (win rate %): baseline 25, target 35, gap 10, band 1.
const levelHigher = (over: Partial<GoalMathInput>): GoalMathInput => ({
  aggregation: 'level', direction: 'higher', baseline: 25, target: 35, ...WINDOW,
  now: '2025-02-15', current: 30, weekly: [], ...over,
});
// Weeks at x = 0, 7, (null), 21, 28 days with 24, 26, 28, 30: mean x 14, mean y 27,
// Sxy = (−14)(−3) + (−7)(−1) + 7·1 + 14·3 = 98, Sxx = 196 + 49 + 49 + 196 = 490, slope 0.2/day,
// at the due date (x = 90): 27 + 0.2 × (90 − 14) = 42.2.
const RISING = [
  { t: '2025-01-01', value: 24 }, { t: '2025-01-08', value: 26 }, { t: '2025-01-15', value: null },
  { t: '2025-01-22', value: 28 }, { t: '2025-01-29', value: 30 },
];

describe('level, higher is better', () => {
  it('progress = (30 − 25) ÷ (35 − 25) = 0.5; trend line at the due date = 42.2 => on track', () => {
    const r = computeGoalProgress(levelHigher({ weekly: RISING }));
    expect(r.progress).toBe(0.5);
    expect(r.progressPercent).toBe(50);
    expect(r.expectedProgress).toBe(0.5);
    expect(r.plannedValue).toBe(30); // 25 + 10 × 0.5
    expect(r.projection).toBeCloseTo(42.2, 10);
    expect(r.status).toBe('on_track');
    expect(r.explanation).toBe(
      'Progress = (current − baseline) ÷ (target − baseline) = (30 − 25) ÷ (35 − 25) = 50%; ' +
      'expected by now 50% (45 days of 90 days). Projection = least-squares line through 4 weekly values, ' +
      'at the due date = 42.2, which reaches the target 35: on track.',
    );
  });

  it('a single weekly point: flat projection at its value; 34.5 misses 35 by 0.5 <= 1 => at risk', () => {
    const r = computeGoalProgress(levelHigher({ weekly: [{ t: '2025-02-05', value: 34.5 }] }));
    expect(r.projection).toBe(34.5);
    expect(r.status).toBe('at_risk');
    expect(r.explanation).toContain('Projection = the only weekly value = 34.5, which misses the target 35 by 0.5, ' +
      'within 10% of the gap 10 (1): at risk.');
  });

  it('a falling trend: 26 then 25 a week later, at day 90: 25.5 − (1/7)(86.5) = 92/7 => off track', () => {
    const r = computeGoalProgress(levelHigher({ weekly: [{ t: '2025-01-01', value: 26 }, { t: '2025-01-08', value: 25 }] }));
    expect(r.projection).toBeCloseTo(92 / 7, 10);
    expect(r.status).toBe('off_track');
  });

  it('points at the same instant: flat at their mean (30 and 32 => 31)', () => {
    const r = computeGoalProgress(levelHigher({
      weekly: [{ t: '2025-01-08', value: 30 }, { t: '2025-01-08', value: 32 }],
    }));
    expect(r.projection).toBe(31);
  });

  it('achieved as soon as the current value reaches the target', () => {
    const r = computeGoalProgress(levelHigher({ current: 36, weekly: RISING }));
    expect(r.status).toBe('achieved');
    expect(r.progress).toBeCloseTo(1.1, 15);
    expect(r.progressPercent).toBe(110);
  });

  it('no weekly values (none, or all null): projection null and no_data, progress still shown', () => {
    for (const weekly of [[], [{ t: '2025-01-08', value: null }]]) {
      const r = computeGoalProgress(levelHigher({ weekly }));
      expect(r.projection).toBeNull();
      expect(r.status).toBe('no_data');
      expect(r.progress).toBe(0.5);
      expect(r.explanation).toContain('There are no weekly values to draw a trend through');
    }
  });

  it('no current value: no_data with the 30-day wording', () => {
    const r = computeGoalProgress(levelHigher({ current: null, weekly: RISING }));
    expect(r.status).toBe('no_data');
    expect(r.projection).toBeNull();
    expect(r.explanation).toBe('There is no KPI value for the last 30 days, so the status cannot be judged (no data).');
  });

  it('on and after the due date: judged on the final value, projection = current', () => {
    const hit = computeGoalProgress(levelHigher({ now: '2025-04-01', current: 35, weekly: RISING }));
    expect(hit.status).toBe('achieved');
    expect(hit.projection).toBe(35);
    expect(computeGoalProgress(levelHigher({ now: '2025-07-01', current: 34.9 })).status).toBe('missed');
  });

  it('before the start: not started, planned value = baseline', () => {
    const r = computeGoalProgress(levelHigher({ now: '2024-12-01', current: 24 }));
    expect(r.status).toBe('not_started');
    expect(r.plannedValue).toBe(25);
    expect(r.projection).toBeNull();
  });
});

// Level, lower is better (first response time in hours): baseline 8, target 4, gap 4, band 0.4.
const levelLower = (over: Partial<GoalMathInput>): GoalMathInput => ({
  aggregation: 'level', direction: 'lower', baseline: 8, target: 4, ...WINDOW,
  now: '2025-02-15', current: 6, weekly: [], ...over,
});

describe('level, lower is better', () => {
  it('progress = (6 − 8) ÷ (4 − 8) = 0.5; weekly 8, 7.65, 7.3, 6.95 (−0.05/day) => 7.475 − 0.05 × 79.5 = 3.5 on track', () => {
    const r = computeGoalProgress(levelLower({
      weekly: [
        { t: '2025-01-01', value: 8 }, { t: '2025-01-08', value: 7.65 },
        { t: '2025-01-15', value: 7.3 }, { t: '2025-01-22', value: 6.95 },
      ],
      format: (v) => `${v} h`,
    }));
    expect(r.progress).toBe(0.5);
    expect(r.plannedValue).toBe(6); // 8 + (4 − 8) × 0.5
    expect(r.projection).toBeCloseTo(3.5, 10);
    expect(r.status).toBe('on_track');
    expect(r.explanation).toContain('= (6 h − 8 h) ÷ (4 h − 8 h) = 50%');
  });

  it('slow improvement 8, 7.86, 7.72, 7.58 (−0.02/day) => 7.79 − 1.59 = 6.2, misses by 2.2 => off track', () => {
    const r = computeGoalProgress(levelLower({
      weekly: [
        { t: '2025-01-01', value: 8 }, { t: '2025-01-08', value: 7.86 },
        { t: '2025-01-15', value: 7.72 }, { t: '2025-01-22', value: 7.58 },
      ],
    }));
    expect(r.projection).toBeCloseTo(6.2, 10);
    expect(r.status).toBe('off_track');
  });

  it('the band: 4.3 and 4.4 (misses by 0.4 = 10% of 4, despite 4.4 − 4 = 0.40000000000000036) at risk, 4.5 off track', () => {
    const at = (value: number) => computeGoalProgress(levelLower({ weekly: [{ t: '2025-02-01', value }] })).status;
    expect(at(4.3)).toBe('at_risk');
    expect(at(4.4)).toBe('at_risk');
    expect(at(4.5)).toBe('off_track');
    expect(at(4)).toBe('on_track');
  });

  it('achieved at or below the target; progress beyond 1 is kept: (3.5 − 8) ÷ (−4) = 1.125', () => {
    expect(computeGoalProgress(levelLower({ current: 4 })).status).toBe('achieved');
    const r = computeGoalProgress(levelLower({ current: 3.5 }));
    expect(r.status).toBe('achieved');
    expect(r.progress).toBe(1.125);
    expect(r.progressPercent).toBe(113); // 112.5 rounds half up
  });

  it('worse than the baseline: negative progress (9 − 8) ÷ (−4) = −0.25 => −25%, bar 0', () => {
    const r = computeGoalProgress(levelLower({ current: 9 }));
    expect(r.progress).toBe(-0.25);
    expect(r.progressPercent).toBe(-25);
    expect(r.barPercent).toBe(0);
  });

  it('after the due date above the target: missed', () => {
    expect(computeGoalProgress(levelLower({ now: '2025-04-02', current: 4.2 })).status).toBe('missed');
  });
});

describe('invalid goals', () => {
  it('target equal to baseline', () => {
    const r = computeGoalProgress(levelHigher({ target: 25 }));
    expect(r.status).toBe('invalid');
    expect(r.problems).toEqual(['The target must differ from the baseline.']);
    expect(r.progress).toBeNull();
    expect(r.projection).toBeNull();
    expect(r.explanation).toBe('This goal cannot be measured: The target must differ from the baseline.');
  });

  it('target on the wrong side of the baseline for the direction', () => {
    expect(validateGoalMath({ ...WINDOW, baseline: 25, target: 20, direction: 'higher' }))
      .toEqual(['Higher is better for this KPI, so the target must be above the baseline.']);
    expect(validateGoalMath({ ...WINDOW, baseline: 8, target: 9, direction: 'lower' }))
      .toEqual(['Lower is better for this KPI, so the target must be below the baseline.']);
  });

  it('dates: due not after start, impossible or zone-less dates', () => {
    expect(validateGoalMath({ startDate: '2025-04-01', dueDate: '2025-04-01', baseline: 1, target: 2, direction: 'higher' }))
      .toEqual(['The due date must be after the start date.']);
    expect(validateGoalMath({ startDate: '2025-02-30', dueDate: '2025-01-01T00:00:00', baseline: 1, target: 2, direction: 'higher' }))
      .toEqual(['The start date is not a valid date.', 'The due date is not a valid date.']);
    expect(computeGoalProgress(addHigher({ dueDate: '2024-12-01' })).status).toBe('invalid');
  });

  it('non-numbers: baseline NaN is invalid; a NaN current or a bad `now` is a caller bug and throws', () => {
    expect(validateGoalMath({ ...WINDOW, baseline: Number.NaN, target: 2, direction: 'higher' }))
      .toEqual(['The baseline must be a number.']);
    expect(() => computeGoalProgress(addHigher({ current: Number.NaN }))).toThrow(RangeError);
    expect(() => computeGoalProgress(addHigher({ now: 'yesterday' }))).toThrow(RangeError);
  });

  it('valid goals have no problems', () => {
    expect(validateGoalMath(addHigher({}))).toEqual([]);
    expect(validateGoalMath(levelLower({}))).toEqual([]);
  });
});

describe('statusFromProjection', () => {
  it('uses |target − baseline| as the gap in both directions', () => {
    // higher 0 → 100: band 10
    expect(statusFromProjection(100, 100, 0, 'higher')).toBe('on_track');
    expect(statusFromProjection(90, 100, 0, 'higher')).toBe('at_risk');
    expect(statusFromProjection(89.99, 100, 0, 'higher')).toBe('off_track');
    // lower 100 → 50: band 5
    expect(statusFromProjection(55, 50, 100, 'lower')).toBe('at_risk');
    expect(statusFromProjection(55.01, 50, 100, 'lower')).toBe('off_track');
    expect(statusFromProjection(-3, 50, 100, 'lower')).toBe('on_track');
  });

  it('negative scales (NPS from −20 to −5: gap 15, band 1.5)', () => {
    expect(statusFromProjection(-6.5, -5, -20, 'higher')).toBe('at_risk');
    expect(statusFromProjection(-6.6, -5, -20, 'higher')).toBe('off_track');
  });
});

// Every kind of goal in both directions through its phases: before the start, on the due date, after
// it, and without data. One table so no combination is left out.
describe('every aggregation × direction × phase', () => {
  const KINDS = [
    { name: 'additive higher', make: addHigher, hit: 121, miss: 119 },
    { name: 'additive lower', make: addLower, hit: 80_000, miss: 82_000 },
    { name: 'level higher', make: levelHigher, hit: 35, miss: 34.9 },
    { name: 'level lower', make: levelLower, hit: 3.9, miss: 4.1 },
  ] as const;
  for (const k of KINDS) {
    it(`${k.name}: before the start not started, on and after the due date achieved/missed, no data`, () => {
      const before = computeGoalProgress(k.make({ now: '2024-12-31', current: k.hit }));
      expect([before.status, before.projection, before.expectedProgress]).toEqual(['not_started', null, 0]);
      for (const now of ['2025-04-01', '2025-05-15']) {
        const hit = computeGoalProgress(k.make({ now, current: k.hit }));
        expect([hit.status, hit.projection, hit.expectedProgress, hit.elapsedDays]).toEqual(['achieved', k.hit, 1, 90]);
        expect(computeGoalProgress(k.make({ now, current: k.miss })).status).toBe('missed');
      }
      for (const now of ['2025-02-15', '2025-04-01', '2025-05-15']) {
        const none = computeGoalProgress(k.make({ now, current: null }));
        expect([none.status, none.progress, none.projection]).toEqual(['no_data', null, null]);
      }
    });
  }
});
