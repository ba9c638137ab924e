// [GOALS][TREND] The level projection's weekly points: the unfinished current week is left out once a
// finished week with data exists (a few days are not a week's level).
import { describe, expect, it } from 'vitest';
import { trendPoints } from '@/lib/goals/live';

const week = (start: string, end: string, value: number | null) => ({ start: `${start}T00:00:00.000Z`, end, value });
const ACTUAL = [
  week('2025-01-01', '2025-01-06T00:00:00.000Z', 8), // first week, clipped at the start (Wed → Mon): finished
  week('2025-01-06', '2025-01-13T00:00:00.000Z', 7),
  week('2025-01-13', '2025-01-15T09:30:00.000Z', 2), // "now" is Wednesday morning: unfinished
];

describe('[GOALS][TREND] trendPoints', () => {
  it('drops the unfinished last week while the goal runs, each point at its week’s middle', () => {
    expect(trendPoints(ACTUAL, true)).toEqual([
      { t: new Date('2025-01-03T12:00:00.000Z'), value: 8 },
      { t: new Date('2025-01-09T12:00:00.000Z'), value: 7 },
    ]);
  });

  it('keeps it once the goal is over (the last week ends at the due date) or when it is all there is', () => {
    expect(trendPoints(ACTUAL, false)).toHaveLength(3);
    expect(trendPoints([ACTUAL[2]], true)).toEqual([{ t: new Date('2025-01-14T04:45:00.000Z'), value: 2 }]);
    expect(trendPoints([week('2025-01-06', '2025-01-13T00:00:00.000Z', null), ACTUAL[2]], true)).toHaveLength(2);
  });
});
