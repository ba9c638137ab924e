// [KPI][FILTERS] Period, comparison and filters from URL search params, and back; malformed links
// (issue 11, item 5) are refused with the field and the reason, never passed on to SQL.
import { describe, expect, it } from 'vitest';
import { describeParamsError, kpiParamsToSearch, parseKpiParams, safeParseKpiParams } from './filters';

const now = new Date('2025-05-20T10:00:00Z');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('[KPI][FILTERS]', () => {
  it('reads a custom range and filters, ignoring empty and unknown params', () => {
    const p = parseKpiParams(new URLSearchParams('from=2025-01-01&to=2025-04-01&team=Alpha&owner=Ann@X.com&segment=&dept=sales'), now);
    expect(p).toMatchObject({ period: { from: d('2025-01-01'), to: d('2025-04-01') }, preset: null, filters: { team: 'Alpha', owner: 'ann@x.com' } });
    expect(p.comparison).toEqual({ from: d('2024-10-01'), to: d('2025-01-01') });
  });

  it('reads the form\'s inclusive last day as the exclusive end', () => {
    expect(parseKpiParams({ from: '2025-04-01', through: '2025-06-30' }, now).period).toEqual({ from: d('2025-04-01'), to: d('2025-07-01') });
  });

  it('falls back to a preset, default the last 12 complete months', () => {
    expect(parseKpiParams({ preset: 'last_quarter' }, now).period).toEqual({ from: d('2025-01-01'), to: d('2025-04-01') });
    expect(parseKpiParams({}, now)).toMatchObject({ period: { from: d('2024-05-01'), to: d('2025-05-01') }, preset: 'last_12_months', filters: {} });
    expect(parseKpiParams({ channel: ['email', 'web'] }, now).filters).toEqual({ channel: 'email' });
  });

  it('compares like for like, a year earlier with compare=year, or with a named period', () => {
    expect(parseKpiParams({ preset: 'this_month' }, now)).toMatchObject({
      period: { from: d('2025-05-01'), to: d('2025-05-21') }, comparison: { from: d('2025-04-01'), to: d('2025-04-21') }, compare: 'previous',
    });
    expect(parseKpiParams({ preset: 'this_month', compare: 'year' }, now).comparison).toEqual({ from: d('2024-05-01'), to: d('2024-05-21') });
    expect(parseKpiParams({ preset: 'this_month', compare_from: '2025-03-01', compare_to: '2025-03-21' }, now).comparison).toEqual({ from: d('2025-03-01'), to: d('2025-03-21') });
  });

  it('refuses bad input with the field in error', () => {
    for (const bad of [{ from: '2025-13-01', to: '2025-02-01' }, { from: '2025-02-01' }, { from: '2025-03-01', to: '2025-02-01' }, { preset: 'forever' }, { compare: 'decade' }, { compare_from: '2025-01-01' }]) {
      const r = safeParseKpiParams(bad, now);
      expect(r.success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses the malformed dates of the probe (issue 11, item 5) and says why', () => {
    const cases: [Record<string, string>, string][] = [
      [{ from: '0000-01-01', to: '2025-01-01' }, 'from'],
      [{ from: '2025-01-01', to: '275760-09-13' }, 'to'],
      [{ from: '2025-01-01', to: '+020000-01-01' }, 'to'],
      [{ from: '-1', to: '2025-01-01' }, 'from'],
      [{ from: '1-1-1', to: '2025-01-01' }, 'from'],
      [{ from: '1899-12-31', to: '2025-01-01' }, 'from'],
      [{ from: '2025-01-01', to: '2201-01-01' }, 'to'],
      [{ from: '1900-01-01', bucket: 'week' }, 'to'],
      [{ from: '1900-01-01', to: '2026-01-01', bucket: 'week' }, 'bucket'],
      [{ from: '2020-01-01', to: '2026-01-01', bucket: 'day' }, 'bucket'],
      [{ bucket: 'hour' }, 'bucket'],
    ];
    for (const [params, field] of cases) {
      const r = safeParseKpiParams(params, now);
      expect(r.success, JSON.stringify(params)).toBe(false);
      if (!r.success) expect(describeParamsError(r.error), JSON.stringify(params)).toMatch(new RegExp(`^${field}: `));
    }
    const r = safeParseKpiParams({ from: '0000-01-01', to: '2025-01-01' }, now);
    expect(!r.success && describeParamsError(r.error)).toBe('from: Not a date: use YYYY-MM-DD between 1900-01-01 and 2200-12-31');
    // The bounds themselves, and fine buckets over short enough ranges, are fine.
    expect(safeParseKpiParams({ from: '1900-01-01', to: '2200-12-31' }, now).success).toBe(true);
    expect(safeParseKpiParams({ from: '2021-01-01', to: '2026-01-01', bucket: 'week' }, now).success).toBe(true);
    expect(safeParseKpiParams({ preset: 'last_12_months', bucket: 'day' }, now).success).toBe(true);
  });

  it('round-trips through search params', () => {
    const s = kpiParamsToSearch({ period: { from: d('2025-01-01'), to: d('2025-02-01') }, filters: { region: 'EMEA', source: '' } });
    expect(s.toString()).toBe('from=2025-01-01&to=2025-02-01&region=EMEA');
    expect(parseKpiParams(s, now).filters).toEqual({ region: 'EMEA' });
    expect(kpiParamsToSearch({ preset: 'year_to_date', compare: 'year' }).toString()).toBe('preset=year_to_date&compare=year');
  });
});
