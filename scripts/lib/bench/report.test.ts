import { describe, expect, it } from 'vitest';
import { growthSection, type BenchRun } from './report';
import type { BenchResult } from './run';

const result = (what: string, group: BenchResult['group'], engineMs: number): BenchResult =>
  ({ group, what, engineMs, baselineMs: engineMs * 10, ratio: 0.1, targetMs: null });
const run = (scale: string, machine: string, date: string, ms: [number, number]): BenchRun => ({
  id: scale, kind: 'postgres', scale, date, machine, database: 'PostgreSQL 15', sizes: {}, periods: { year: '', month: '' }, runs: 3,
  results: [result('sales', 'dashboard-year', ms[0]), result('success', 'dashboard-year', ms[1]), result('revenue', 'drill-down', 5)],
});

describe('growth with the data', () => {
  it('puts each dashboard of the bigger scale over the smaller one, against 2× from large to xlarge', () => {
    const text = growthSection([run('large', 'box A', '2026-12-02T17:00:00Z', [30, 50]), run('xlarge', 'box A', '2026-12-02T18:00:00Z', [57, 113])]);
    expect(text).toContain('### large → xlarge (target ≤ 2×)');
    expect(text).toContain('on the same machine.');
    expect(text).toContain('| sales (year) | 30.0 | 57.0 | 1.90× | ok |');
    expect(text).toContain('| success (year) | 50.0 | 113 | 2.26× | over |');
    expect(text).not.toContain('revenue');
  });

  it('says when the two runs come from different machines or hours apart', () => {
    const text = growthSection([run('medium', 'box A', '2026-12-01T11:00:00Z', [10, 20]), run('large', 'box B', '2026-12-02T22:00:00Z', [30, 50]),
      run('xlarge', 'box B', '2026-12-03T04:00:00Z', [60, 90])]);
    expect(text).toContain('**on different machines** (box A; box B)');
    expect(text).toContain('| sales (year) | 10.0 | 30.0 | 3.00× |  |');
    expect(text).toContain('| sales (year) | 30.0 | 60.0 | 2.00× | ok |');
    const apart = growthSection([run('large', 'box A', '2026-12-02T17:00:00Z', [30, 50]), run('xlarge', 'box B', '2026-12-02T18:00:00Z', [90, 90])]);
    expect(apart).toContain('| sales (year) | 30.0 | 90.0 | 3.00× | not comparable |');
    expect(text).toContain('on the same machine, 6 hours apart');
    expect(text.indexOf('### large → xlarge')).toBeLessThan(text.indexOf('### medium → large'));
    expect(growthSection([run('large', 'box A', '2026-12-02T17:00:00Z', [1, 1])])).toContain('Needs Postgres runs of two scales');
  });
});
