import { describe, expect, it } from 'vitest';
import { kpiChange } from './change';

describe('kpiChange', () => {
  it('relative change for money, good when higher is better', () => {
    expect(kpiChange(120, 100, 'money', 'higher')).toMatchObject({ label: '+20.0%', arrow: '▲', tone: 'good' });
  });
  it('a fall of a lower-is-better KPI is good, with a down arrow', () => {
    expect(kpiChange(4, 8, 'hours', 'lower')).toMatchObject({ label: '−50.0%', arrow: '▼', tone: 'good' });
  });
  it('a rise of a lower-is-better KPI is bad', () => {
    expect(kpiChange(9, 8, 'hours', 'lower')).toMatchObject({ label: '+12.5%', tone: 'bad' });
  });
  it('percent KPIs change in percentage points', () => {
    expect(kpiChange(12, 10, 'percent', 'higher')).toMatchObject({ label: '+2.0 pp', tone: 'good' });
    expect(kpiChange(10, 12.5, 'percent', 'lower')).toMatchObject({ label: '−2.5 pp', tone: 'good' });
  });
  it('from zero: the absolute difference', () => {
    expect(kpiChange(7, 0, 'count', 'higher')).toMatchObject({ label: '+7', tone: 'good' });
  });
  it('null on either side: nothing to compare', () => {
    expect(kpiChange(null, 3, 'count', 'higher')).toMatchObject({ label: '', tone: 'none' });
    expect(kpiChange(3, null, 'count', 'higher')).toMatchObject({ label: '', tone: 'none' });
  });
  it('a change that rounds to zero is flat, not a colored arrow', () => {
    expect(kpiChange(11.31, 11.33, 'percent', 'higher')).toMatchObject({ label: 'no change', arrow: '▬', tone: 'flat' });
    expect(kpiChange(100000.1, 100000, 'money', 'higher')).toMatchObject({ label: 'no change', tone: 'flat' });
    expect(kpiChange(11.36, 11.3, 'percent', 'higher')).toMatchObject({ label: '+0.1 pp', tone: 'good' });
    // Small rates show two decimals: 0.30% → 0.32% is a visible rise.
    expect(kpiChange(0.32, 0.3, 'percent', 'lower')).toMatchObject({ label: '+0.02 pp', arrow: '▲', tone: 'bad' });
  });
  it('equal values: flat', () => {
    expect(kpiChange(5, 5, 'count', 'higher')).toMatchObject({ label: 'no change', arrow: '▬', tone: 'flat' });
  });
});
