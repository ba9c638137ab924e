import { describe, expect, it } from 'vitest';
import { csvCell, drillParamsSchema } from './drill-params';

describe('csvCell', () => {
  it('neutralises formulas', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
  });
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
  });
  it('keeps plain values, empties null', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(true)).toBe('true');
  });
});

describe('drillParamsSchema', () => {
  it('falls back on bad input instead of failing', () => {
    expect(drillParamsSchema.parse({ page: 'x', sort: 'drop table', dir: 'sideways' })).toEqual({ page: 1, sort: undefined, dir: undefined });
    expect(drillParamsSchema.parse({ page: '3', sort: 'created_at', dir: 'asc' })).toEqual({ page: 3, sort: 'created_at', dir: 'asc' });
  });
});
