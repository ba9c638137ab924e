// [KPI][DRILLDOWN] The records behind each number recompute it, for every KPI and every golden case:
// counts = rows, sums = Σ value, means = mean of value, ratios = numerator rows ÷ rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import type { SessionUser } from '@/lib/auth/permissions';
import {
  computeKpis, getKpi, kpiDrilldown, KPI_KEYS, trailingTwelveMonths, type DrillResult, type DrillRow, type KpiKey,
} from '@/lib/kpi';
import { day, expectClose, goldenCases, importGolden } from './golden-data';

const admin: SessionUser = { id: 0, email: 'admin@test', name: 'Admin', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
let h: TestDb;

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
});
afterAll(async () => h?.close());

/** Every row of a drill-down, page by page (also exercises pagination). */
async function allRows(key: KpiKey, q: { from: Date; to: Date; filters: Record<string, string> }): Promise<DrillResult & { all: DrillRow[] }> {
  const first = await kpiDrilldown(h.db, key, { ...q, viewer: admin, pageSize: 7 });
  const all = [...first.rows];
  for (let page = 2; all.length < first.total; page++) {
    const next = await kpiDrilldown(h.db, key, { ...q, viewer: admin, pageSize: 7, page });
    expect(next.rows.length).toBeGreaterThan(0);
    all.push(...next.rows);
  }
  expect(all.length).toBe(first.total);
  expect(new Set(all.map((r) => `${r.entity}:${r.id}`)).size).toBe(all.length);
  return { ...first, all };
}

const sum = (rows: DrillRow[], col: string) => rows.reduce((s, r) => s + Number(r[col] ?? 0), 0);
const mean = (rows: DrillRow[], col: string) => (rows.length ? sum(rows, col) / rows.length : null);
const pct = (n: number, d: number) => (d ? (100 * n) / d : null);

describe('[KPI][DRILLDOWN] consistency on the golden data', () => {
  for (const c of goldenCases()) {
    it(`[${c.from}, ${c.to}) ${JSON.stringify(c.filters)}: every KPI's records recompute it`, async () => {
      const q = { from: day(c.from), to: day(c.to), filters: c.filters as Record<string, string> };
      const values = await computeKpis(h.db, q);
      for (const key of KPI_KEYS) {
        const v = values[key];
        const meta = getKpi(key);
        const d = await allRows(key, q);
        if (meta.drillEntity === null) {
          expect(d.total).toBe(0);
          continue;
        }
        for (const r of d.all) expect(meta.drillEntity === 'mixed' || r.entity === meta.drillEntity, key).toBe(true);
        const rows = d.all;
        switch (d.check) {
          case 'count': expect(d.total, key).toBe(v); break;
          case 'sum': expectClose(sum(rows, 'value'), v, key, 1e-9); break;
          case 'mean': expectClose(mean(rows, 'value'), v, key, 1e-9); break;
          case 'ratio': {
            const den = rows[0] && 'in_denominator' in rows[0] ? rows.filter((r) => r.in_denominator === true).length : rows.length;
            expectClose(pct(rows.filter((r) => r.in_numerator === true).length, den), v, key, 1e-9);
            break;
          }
          case 'ratioOfSums': expectClose(pct(sum(rows, 'value'), sum(rows, 'weight')), v, key, 1e-9); break;
          case 'custom': checkCustom(key, rows, values); break;
          default: throw new Error(`${key}: no check`);
        }
      }
      // The composite index has no records of its own: it is the mean of its available components.
      const parts = [values.nps == null ? null : (values.nps + 100) / 2, values.repeat_purchase_rate, values.retention_rate]
        .filter((x): x is number => x != null);
      expectClose(values.customer_loyalty_index, parts.length ? parts.reduce((a, b) => a + b) / parts.length : null, 'loyalty', 1e-9);
      // CLV: mean revenue of the accounts ordering over T12 × lifespan from T12's churn.
      const t12 = await computeKpis(h.db, { ...trailingTwelveMonths(q.to), filters: q.filters, keys: ['churn_rate'] });
      const clvRows = (await allRows('customer_lifetime_value', q)).all;
      const churn = t12.churn_rate;
      const lifespan = churn == null ? null : churn === 0 ? 10 : Math.min(10, 100 / churn);
      expectClose(values.customer_lifetime_value, lifespan == null || !clvRows.length ? null : mean(clvRows, 'value')! * lifespan, 'clv', 1e-9);
    });
  }
});

function checkCustom(key: KpiKey, rows: DrillRow[], values: Record<KpiKey, number | null>): void {
  const v = values[key];
  switch (key) {
    case 'sales_growth_rate':
    case 'revenue_growth_rate': {
      const curr = sum(rows.filter((r) => r.period === 'current'), 'value');
      const prev = sum(rows.filter((r) => r.period === 'previous'), 'value');
      expectClose(prev ? (100 * (curr - prev)) / prev : null, v, key, 1e-9);
      expectClose(curr, values[key === 'sales_growth_rate' ? 'won_revenue' : 'revenue'], `${key} current`, 1e-9);
      break;
    }
    case 'customer_acquisition_cost':
      expect(rows.length, key).toBe(values.new_customers);
      break;
    case 'cost_per_interaction':
      expectClose(rows.length ? values.customer_service_cost! / rows.length : null, v, key, 1e-9);
      break;
    case 'campaign_roi': {
      const cost = sum(rows, 'weight');
      expectClose(cost ? (100 * (sum(rows, 'value') - cost)) / cost : null, v, key, 1e-9);
      break;
    }
    case 'customer_lifetime_value':
      break; // checked with T12's churn rate above
    default:
      throw new Error(`${key}: custom check missing`);
  }
}
