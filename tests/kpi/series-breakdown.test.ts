// [KPI][SERIES][BREAKDOWN] A trend bucket is the KPI over that bucket; a breakdown row is the KPI under
// that one extra filter; additive KPIs' groups add up to the whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketPeriods, getKpi, KPI_KEYS, KPIS } from '@/lib/kpi';
import { computeKpis, kpiBreakdown, kpiTimeSeries } from '@/tests/helpers/engine-views';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { day, expectClose, importGolden } from './golden-data';

let h: TestDb;
const year = { from: day('2025-01-01'), to: day('2026-01-01') };

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
});
afterAll(async () => h?.close());

describe('[KPI][SERIES]', () => {
  it('each monthly bucket equals the KPI computed over that month, for every KPI', async () => {
    const months = bucketPeriods(year, 'month');
    const perMonth = await Promise.all(months.map((m) => computeKpis(h.db, { ...m, filters: { team: 'Alpha' } })));
    for (const key of KPI_KEYS) {
      const series = await kpiTimeSeries(h.db, key, { ...year, bucket: 'month', filters: { team: 'Alpha' } });
      expect(series.map((p) => p.start)).toEqual(months.map((m) => m.from.toISOString()));
      series.forEach((p, i) => expectClose(p.value, perMonth[i][key], `${key} ${p.start}`, 1e-9));
    }
  });

  it('weekly buckets of an additive KPI add up to the period', async () => {
    const q = { from: day('2025-04-01'), to: day('2025-07-01') };
    const total = await computeKpis(h.db, { ...q, keys: ['revenue', 'mqls'] });
    for (const key of ['revenue', 'mqls'] as const) {
      const weeks = await kpiTimeSeries(h.db, key, { ...q, bucket: 'week' });
      expect(weeks.length).toBe(14);
      expectClose(weeks.reduce((s, p) => s + (p.value ?? 0), 0), total[key], key, 1e-9);
    }
  });
});

describe('[KPI][BREAKDOWN]', () => {
  it('every row equals the KPI filtered by its key, for every KPI and dimension', async () => {
    let rows = 0;
    for (const kpi of KPIS) {
      for (const dimension of kpi.breakdowns) {
        const groups = await kpiBreakdown(h.db, kpi.key, { ...year, dimension });
        for (const g of groups) {
          if (g.key == null) continue; // records without a value for the dimension cannot be filtered for
          const v = await computeKpis(h.db, { ...year, filters: { [dimension]: g.key }, keys: [kpi.key] });
          expectClose(g.value, v[kpi.key], `${kpi.key} by ${dimension} = ${g.key}`, 1e-9);
          expect(g.label).not.toBe('');
          if (kpi.unit === 'count') expect(g.count, kpi.key).toBe(g.value);
          rows++;
        }
        if (kpi.aggregation === 'additive') {
          const whole = await computeKpis(h.db, { ...year, keys: [kpi.key] });
          expectClose(groups.reduce((s, g) => s + (g.value ?? 0), 0), whole[kpi.key], `${kpi.key} by ${dimension}: sum of groups`, 1e-9);
        }
      }
    }
    expect(rows).toBeGreaterThan(300);
  });

  it('keys are usable as filters and labels keep the stored spelling', async () => {
    const byTeam = await kpiBreakdown(h.db, 'won_revenue', { ...year, dimension: 'team' });
    expect(byTeam.map((r) => r.label).sort()).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
    const byOwner = await kpiBreakdown(h.db, 'won_revenue', { ...year, dimension: 'owner', filters: { team: 'Alpha' } });
    for (const r of byOwner) expect(r.key).toMatch(/@example\.com$/);
    await expect(kpiBreakdown(h.db, 'customer_service_cost', { ...year, dimension: 'team' })).rejects.toThrow(RangeError);
    expect(getKpi('customer_acquisition_cost').breakdowns).toEqual([]);
  });
});
