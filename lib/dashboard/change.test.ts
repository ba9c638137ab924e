// [DASHBOARD][CHANGE] product.md's rules for the change a card shows, on real values of the demo.
import { describe, expect, it } from 'vitest';
import { kpiChange } from './change';

describe('[DASHBOARD][CHANGE] kpiChange', () => {
  it('money, counts and durations change in % of the previous value, toned by direction', () => {
    expect(kpiChange(9_377_190, 4_987_360, 'money', 'higher')).toMatchObject({ label: '+88.0%', arrow: '▲', tone: 'good' });
    expect(kpiChange(4, 8, 'hours', 'lower')).toMatchObject({ label: '−50.0%', arrow: '▼', tone: 'good' });
    expect(kpiChange(9, 8, 'hours', 'lower')).toMatchObject({ label: '+12.5%', tone: 'bad' });
    expect(kpiChange(1_290, 1_200, 'count', 'higher')).toMatchObject({ label: '+7.5%', tone: 'good' });
    expect(kpiChange(32.7, 35.0, 'days', 'lower')).toMatchObject({ label: '−6.6%', tone: 'good' });
  });
  it('percentage KPIs change in percentage points', () => {
    expect(kpiChange(28.0, 29.2, 'percent', 'higher')).toMatchObject({ label: '−1.2 pp', arrow: '▼', tone: 'bad' });
    expect(kpiChange(10, 12.5, 'percent', 'lower')).toMatchObject({ label: '−2.5 pp', tone: 'good' });
    // Small rates show two decimals, so does their change.
    expect(kpiChange(0.32, 0.3, 'percent', 'lower')).toMatchObject({ label: '+0.02 pp', arrow: '▲', tone: 'bad' });
  });
  it('scores (NPS, effort, loyalty) change in points', () => {
    expect(kpiChange(42.3, 39.5, 'score', 'higher')).toMatchObject({ label: '+2.8 points', tone: 'good' });
    expect(kpiChange(5.1, 5.4, 'score', 'higher')).toMatchObject({ label: '−0.3 points', tone: 'bad' });
  });
  it('"no change" only when the two values read the same', () => {
    expect(kpiChange(11.31, 11.33, 'percent', 'higher')).toMatchObject({ label: 'no change', arrow: '▬', tone: 'flat' });
    expect(kpiChange(100_000.1, 100_000, 'money', 'higher')).toMatchObject({ label: 'no change', tone: 'flat' });
    expect(kpiChange(5, 5, 'count', 'higher')).toMatchObject({ label: 'no change', tone: 'flat' });
    // "11.4%" against "11.3%": the change is what the reader sees, not the 0.06 behind it.
    expect(kpiChange(11.36, 11.34, 'percent', 'higher')).toMatchObject({ label: '+0.1 pp', tone: 'good' });
    // "$100,001" against "$100,000" read differently: a rise too small for one decimal, not "no change".
    expect(kpiChange(100_001, 100_000, 'money', 'higher')).toMatchObject({ label: '+<0.1%', arrow: '▲', tone: 'good' });
    expect(kpiChange(33.1, 33.0, 'days', 'lower')).toMatchObject({ label: '+0.3%', tone: 'bad' });
  });
  it('a tiny base shows both values with the reason, not an absurd %', () => {
    expect(kpiChange(12, 3, 'count', 'higher')).toMatchObject({ label: '3 → 12', arrow: '▲', tone: 'good', reason: 'base under 10' });
    expect(kpiChange(7, 0, 'count', 'higher')).toMatchObject({ label: '0 → 7', reason: 'base under 10' });
    expect(kpiChange(1_210, 8, 'money', 'higher')).toMatchObject({ label: '$8.00 → $1,210', reason: 'base under $10.00' });
    expect(kpiChange(2.4, 0.6, 'hours', 'lower')).toMatchObject({ label: '0.6 h → 2.4 h', tone: 'bad', reason: 'base under 1.0 h' });
    // Above the floor but more than tenfold: "+12,000.0%" says nothing a reader can use.
    expect(kpiChange(121_000, 1_000, 'money', 'higher')).toMatchObject({ label: '$1,000 → $121,000', reason: 'more than tenfold' });
    // A growth rate whose previous period stood on a tiny base: not "−1,919.9 pp".
    const g = kpiChange(88.0, 2_007.9, 'percent', 'higher');
    expect(g).toMatchObject({ label: '2,008% → 88.0%', arrow: '▼', tone: 'bad', reason: 'a move of 100 pp or more' });
    expect(g.description).toBe('down from 2,008% to 88.0% (worse); no change figure: a move of 100 pp or more');
    // At the floor the % is shown again.
    expect(kpiChange(12, 10, 'count', 'higher')).toMatchObject({ label: '+20.0%' });
    expect(kpiChange(-40, 55, 'percent', 'higher')).toMatchObject({ label: '−95.0 pp' });
  });
  it('a ratio of two KPIs (CLV ÷ CAC) changes in %', () => {
    expect(kpiChange(3.6, 3.0, 'ratio', 'higher')).toMatchObject({ label: '+20.0%', tone: 'good' });
    expect(kpiChange(3.04, 3.0, 'ratio', 'higher')).toMatchObject({ label: 'no change' });
  });
  it('null on either side: nothing to compare', () => {
    expect(kpiChange(null, 3, 'count', 'higher')).toMatchObject({ label: '', tone: 'none' });
    expect(kpiChange(3, null, 'count', 'higher')).toMatchObject({ label: '', tone: 'none' });
  });
});
