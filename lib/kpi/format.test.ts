// [KPI][FORMAT] One number format (product.md, "Periods and comparisons"), on real values of the demo.
import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatKpiValue } from './format';

describe('[KPI][FORMAT] formatKpiValue', () => {
  it('money: currency symbol, thousands separators, whole dollars from $1,000, never "$0.00"', () => {
    expect(formatKpiValue(9_377_190.4, 'money')).toBe('$9,377,190');
    expect(formatKpiValue(845.2, 'money')).toBe('$845.20');
    expect(formatKpiValue(0, 'money')).toBe('$0');
  });
  it('no data is "No data", for money too', () => {
    expect(formatKpiValue(null, 'money')).toBe('No data');
    expect(formatKpiValue(Number.NaN, 'percent')).toBe('No data');
  });
  it('percent without a space; precision by size', () => {
    expect(formatKpiValue(11.3125, 'percent')).toBe('11.3%');
    expect(formatKpiValue(0.318, 'percent')).toBe('0.32%');
    expect(formatKpiValue(2007.9, 'percent')).toBe('2,008%');
  });
  it('counts are integers with separators', () => {
    expect(formatKpiValue(12_345.6, 'count')).toBe('12,346');
  });
  it('days, hours and minutes to one decimal, big ones too', () => {
    expect(formatKpiValue(32.66, 'days')).toBe('32.7 days');
    expect(formatKpiValue(6.7, 'hours')).toBe('6.7 h');
    expect(formatKpiValue(1_234.56, 'hours')).toBe('1,234.6 h');
    expect(formatKpiValue(12, 'minutes')).toBe('12.0 min');
  });
  it('scores: a number without unit', () => {
    expect(formatKpiValue(42.25, 'score')).toBe('42.3');
    expect(formatKpiValue(-12, 'score')).toBe('-12.0');
  });
});

describe('[KPI][FORMAT] formatAxisTick', () => {
  it('money axes carry the currency symbol, compact from 10,000', () => {
    expect(formatAxisTick(1_800_000, 'money')).toBe('$1.8M');
    expect(formatAxisTick(70_000, 'money')).toBe('$70K');
    expect(formatAxisTick(2_500, 'money')).toBe('$2,500');
    expect(formatAxisTick(0, 'money')).toBe('$0');
  });
  it('percent without a space, counts with separators, durations with their unit', () => {
    expect(formatAxisTick(16, 'percent')).toBe('16%');
    expect(formatAxisTick(2.5, 'percent')).toBe('2.5%');
    expect(formatAxisTick(1_200, 'count')).toBe('1,200');
    expect(formatAxisTick(40, 'days')).toBe('40 days');
  });
});
