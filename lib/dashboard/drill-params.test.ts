import { describe, expect, it } from 'vitest';
import { drillParamsSchema } from './drill-params';

// CSV cells: lib/csv/safe-csv.ts, tested in tests/security/csv-formulas.test.ts.
describe('drillParamsSchema', () => {
  it('falls back on bad input instead of failing', () => {
    expect(drillParamsSchema.parse({ page: 'x', sort: 'drop table', dir: 'sideways' })).toEqual({ page: 1, sort: undefined, dir: undefined });
    expect(drillParamsSchema.parse({ page: '3', sort: 'created_at', dir: 'asc' })).toEqual({ page: 3, sort: 'created_at', dir: 'asc' });
  });
});
