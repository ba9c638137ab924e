// [KPI][FILTERS] Period and filters from URL search params, and back.
import { describe, expect, it } from 'vitest';
import { kpiParamsToSearch, parseKpiParams, safeParseKpiParams } from './filters';

const now = new Date('2025-05-20T10:00:00Z');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('[KPI][FILTERS]', () => {
  it('reads a custom range and filters, ignoring empty and unknown params', () => {
    const p = parseKpiParams(new URLSearchParams('from=2025-01-01&to=2025-04-01&team=Alpha&owner=Ann@X.com&segment=&dept=sales'), now);
    expect(p).toEqual({ period: { from: d('2025-01-01'), to: d('2025-04-01') }, preset: null, filters: { team: 'Alpha', owner: 'ann@x.com' } });
  });

  it('falls back to a preset, default this month', () => {
    expect(parseKpiParams({ preset: 'last_quarter' }, now).period).toEqual({ from: d('2025-01-01'), to: d('2025-04-01') });
    expect(parseKpiParams({}, now)).toEqual({ period: { from: d('2025-05-01'), to: d('2025-06-01') }, preset: 'this_month', filters: {} });
    expect(parseKpiParams({ channel: ['email', 'web'] }, now).filters).toEqual({ channel: 'email' });
  });

  it('refuses bad input with the field in error', () => {
    for (const bad of [{ from: '2025-13-01', to: '2025-02-01' }, { from: '2025-02-01' }, { from: '2025-03-01', to: '2025-02-01' }, { preset: 'forever' }]) {
      const r = safeParseKpiParams(bad, now);
      expect(r.success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('round-trips through search params', () => {
    const s = kpiParamsToSearch({ period: { from: d('2025-01-01'), to: d('2025-02-01') }, filters: { region: 'EMEA', source: '' } });
    expect(s.toString()).toBe('from=2025-01-01&to=2025-02-01&region=EMEA');
    expect(parseKpiParams(s, now).filters).toEqual({ region: 'EMEA' });
    expect(kpiParamsToSearch({ preset: 'year_to_date' }).toString()).toBe('preset=year_to_date');
  });
});
