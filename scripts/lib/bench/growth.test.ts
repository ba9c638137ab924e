import { describe, expect, it } from 'vitest';
import { pairedGrowthSection, pairedMedians, type PairedGrowth } from './growth';
import { renderPerformance } from './report';

describe('growth timed in turns', () => {
  it('warms both, then alternates which scale goes first, and takes each side\'s median', async () => {
    const calls: string[] = [];
    let clock = 0;
    // Each call advances the fake clock by its own duration: A takes 10, 30, 20 ms after its warm-up; B 50, 40, 60.
    const durations = { a: [1, 10, 30, 20], b: [1, 50, 40, 60] };
    const fn = (k: 'a' | 'b') => async () => { calls.push(k); clock += durations[k].shift()!; };
    const [ma, mb] = await pairedMedians(fn('a'), fn('b'), 3, () => clock);
    expect(calls).toEqual(['a', 'b', 'a', 'b', 'b', 'a', 'a', 'b']);
    expect(ma).toBe(20);
    expect(mb).toBe(50);
  });

  it('renders each dashboard with its ratio and verdict, and says how many are over', () => {
    const g: PairedGrowth = {
      date: '2026-12-03T13:20:00.000Z', machine: 'box A', from: 'large', to: 'xlarge', runs: 9,
      rows: [{ what: 'sales', group: 'dashboard-year', fromMs: 10, toMs: 19 }, { what: 'success', group: 'dashboard-month', fromMs: 10, toMs: 25 }],
    };
    const text = pairedGrowthSection(g);
    expect(text).toContain('### large → xlarge, timed in turns (target ≤ 2×)');
    expect(text).toContain('| sales (year) | 10.0 | 19.0 | 1.90× | ok |');
    expect(text).toContain('| success (month) | 10.0 | 25.0 | 2.50× | over |');
    expect(text).toContain('**1 of 2 over 2×.**');
    expect(pairedGrowthSection({ ...g, rows: g.rows.slice(0, 1) })).toContain('**All 1 within 2×.**');
    expect(pairedGrowthSection(null)).toBe('');
  });
});

describe('the performance page with the growth timed in turns', () => {
  it('puts the table in turns after the per-run growth table, and leaves it out when there is none', () => {
    const g: PairedGrowth = { date: '2026-12-03T13:20:00.000Z', machine: 'box A', from: 'large', to: 'xlarge', runs: 9,
      rows: [{ what: 'sales', group: 'dashboard-year', fromMs: 10, toMs: 12 }] };
    const page = renderPerformance([], 'notes', pairedGrowthSection(g));
    expect(page.indexOf('## Growth with the data')).toBeLessThan(page.indexOf('### large → xlarge, timed in turns'));
    expect(page).toContain('| sales (year) | 10.0 | 12.0 | 1.20× | ok |');
    expect(renderPerformance([], 'notes')).not.toContain('timed in turns');
  });
});
