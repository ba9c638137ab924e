import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_DB_ID, dayParam, idParam, isDay, oneOfParam, pageParam, parseId, parseParams, problemsText } from './params';

describe('parseId', () => {
  it('takes ids that fit a Postgres integer, nothing else', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId(' 42 ')).toBe(42);
    expect(parseId(String(MAX_DB_ID))).toBe(MAX_DB_ID);
    for (const bad of ['0', '-1', '+1', '01', '1e10', '1.5', '2147483648', '99999999999999999999', '0x10', '', ' ', 'abc', '１']) {
      expect(parseId(bad), bad).toBeNull();
    }
  });
});

describe('isDay', () => {
  it('takes strict calendar days from 1900-01-01 to 2200-12-31', () => {
    for (const ok of ['1900-01-01', '2024-02-29', '2200-12-31']) expect(isDay(ok), ok).toBe(true);
    for (const bad of ['0000-01-01', '1899-12-31', '2201-01-01', '275760-09-13', '+020000-01-01', '-1', '1-1-1', '2023-02-29', '2024-13-01', '2024-1-01', '2024-01-01T00:00']) {
      expect(isDay(bad), bad).toBe(false);
    }
  });
});

describe('parseParams', () => {
  const shape = { owner: idParam, from: dayParam, status: oneOfParam(['open', 'closed'] as const), page: pageParam(100) };
  it('keeps the good parameters and says which bad ones were dropped and why', () => {
    const r = parseParams(shape, { owner: '99999999999999999999', from: '0000-01-01', status: 'open', page: ['3', '4'] });
    expect(r.values).toEqual({ status: 'open', page: 3 });
    expect(r.problems.map((p) => p.param)).toEqual(['owner', 'from']);
    expect(problemsText(r.problems)).toBe(
      'owner "99999999999999999999": Not an id: use a whole number from 1 to 2147483647; from "0000-01-01": Not a date: use YYYY-MM-DD between 1900-01-01 and 2200-12-31',
    );
  });
  it('reads URLSearchParams, treats empty as absent, refuses unknown values and pages out of range', () => {
    const r = parseParams(shape, new URLSearchParams('owner=&status=pending&page=101'));
    expect(r.values).toEqual({});
    expect(r.problems.map((p) => p.message)).toEqual(['Not one of: open, closed', 'Not a page: use a whole number from 1 to 100']);
  });
  it('types the values', () => {
    const r = parseParams({ n: idParam, d: dayParam }, { n: '7', d: '2024-05-01' });
    const n: number | undefined = r.values.n;
    const d: string | undefined = r.values.d;
    expect([n, d]).toEqual([7, '2024-05-01']);
    expect(z.string().safeParse(d).success).toBe(true);
  });
});
