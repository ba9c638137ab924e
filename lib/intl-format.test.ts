// The one date, money and count style people read everywhere (product.md, "Periods and comparisons").
import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDay, formatMoney } from './intl-format';

describe('formatDay / formatDateTime', () => {
  it('writes days as "1 Dec 2026" in UTC, from a Date or the strings the database and JSON hand over', () => {
    expect(formatDay('2026-12-01')).toBe('1 Dec 2026');
    expect(formatDay('2025-09-30T23:30:00.000Z')).toBe('30 Sep 2025');
    expect(formatDay(new Date(Date.UTC(2024, 1, 29)))).toBe('29 Feb 2024');
    expect(formatDay('2026-12-31', { year: false })).toBe('31 Dec');
  });
  it('writes moments as "1 Dec 2026, 10:00" (UTC, 24-hour)', () => {
    expect(formatDateTime('2026-12-01T10:00:00.000Z')).toBe('1 Dec 2026, 10:00');
    expect(formatDateTime('2026-11-20 09:05:00+00')).toBe('20 Nov 2026, 09:05');
  });
  it('leaves what is not a date as it is', () => {
    expect(formatDay('soon')).toBe('soon');
  });
});

describe('formatMoney / formatCount', () => {
  it('shows a record amount with its currency and cents', () => {
    expect(formatMoney(5670)).toBe('$5,670.00');
    expect(formatMoney(1234567.891)).toBe('$1,234,567.89');
  });
  it('names a count in the right number, with thousands separators', () => {
    expect(formatCount(1, 'error')).toBe('1 error');
    expect(formatCount(2, 'error')).toBe('2 errors');
    expect(formatCount(0, 'row')).toBe('0 rows');
    expect(formatCount(12_345, 'row')).toBe('12,345 rows');
  });
});
