// Record tables and pages read dates, times and money the way the rest of the app does.
import { describe, expect, it } from 'vitest';
import { display } from '@/app/_components/records/format';
import { bucketLabel } from '@/app/_components/charts/labels';
import { dayInWords } from '@/lib/kpi/periods';

describe('display', () => {
  it('shows money columns with currency, other numbers plain', () => {
    expect(display('5670.00', 'amount')).toBe('$5,670.00');
    expect(display(1200, 'cost')).toBe('$1,200.00');
    expect(display('5670.50', 'score')).toBe('5,670.5');
    expect(display(42)).toBe('42');
  });
  it('shows a date as "1 Dec 2026" and a time as "1 Dec 2026, 10:00"', () => {
    expect(display('2026-12-01')).toBe('1 Dec 2026');
    expect(display('2026-12-01T00:00:00.000Z')).toBe('1 Dec 2026');
    expect(display('2026-11-20T10:00:00.000Z')).toBe('20 Nov 2026, 10:00');
    expect(display('2026-11-20 10:00:00+00')).toBe('20 Nov 2026, 10:00');
    expect(display(new Date(Date.UTC(2026, 10, 20, 10)))).toBe('20 Nov 2026, 10:00');
  });
  it('leaves text alone and writes empty as a dash', () => {
    expect(display('Acme 2026-12')).toBe('Acme 2026-12');
    expect(display(null)).toBe('–');
  });
});

describe('the same day style in charts and period words', () => {
  it('uses "8 Sep" on day and week axes and "1 Apr 2026" in words', () => {
    expect(bucketLabel('2025-09-08T00:00:00.000Z', 'week')).toBe('8 Sep');
    expect(dayInWords(new Date(Date.UTC(2026, 3, 1)))).toBe('1 Apr 2026');
  });
});
