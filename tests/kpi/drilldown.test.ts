// [KPI][DRILLDOWN] The records behind each number recompute it, for every KPI and every golden case:
// counts = rows, sums = Σ value, means = mean of value, ratios = numerator set ÷ denominator set (two
// tabs, numerator first, with their counts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import type { SessionUser } from '@/lib/access';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { getKpi, KPI_KEYS, trailingTwelveMonths, type DrillResult, type DrillRow, type DrillSet, type KpiKey } from '@/lib/kpi';
import { computeKpis, kpiDrilldown } from '@/tests/helpers/engine-views';
import { day, expectClose, goldenCases, importGolden } from './golden-data';

const admin: SessionUser = { id: 0, email: 'admin@test', name: 'Admin', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
let h: TestDb;

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
});
afterAll(async () => h?.close());

/** Every row of a drill-down, page by page (also exercises pagination). */
async function allRows(key: KpiKey, q: { from: Date; to: Date; filters: Record<string, string> }, set?: DrillSet): Promise<DrillResult & { all: DrillRow[] }> {
  const first = await kpiDrilldown(h.db, key, { ...q, viewer: admin, pageSize: 7, set });
  const all = [...first.rows];
  for (let page = 2; all.length < first.total; page++) {
    const next = await kpiDrilldown(h.db, key, { ...q, viewer: admin, pageSize: 7, page, set });
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
            // The default set is the numerator's; the denominator's tab lists the base, numerator rows first.
            expect(d.set, key).toBe('numerator');
            const den = await allRows(key, q, 'denominator');
            expect(d.sets, key).toEqual({ numerator: d.total, denominator: den.total });
            expect(den.sets, key).toEqual(d.sets);
            expectClose(pct(d.total, den.total), v, key, 1e-9);
            const inNum = den.all.map((r) => r.in_numerator === true);
            expect(inNum.filter(Boolean).length, `${key} numerator ⊂ denominator`).toBe(
              d.all.filter((r) => den.all.some((x) => x.id === r.id && x.entity === r.entity)).length);
            if (!('in_denominator' in (den.all[0] ?? {}))) {
              expect(inNum.filter(Boolean).length, key).toBe(d.total);
              expect(inNum, `${key}: numerator rows come first`).toEqual([...inNum].sort((a, b) => Number(b) - Number(a)));
            }
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

describe('[KPI][DRILLDOWN] ratio tabs', () => {
  it('churn rate on the golden data: churned accounts first, customers at the start second, each with its count', async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), filters: {} };
    // Counted here in plain SQL, independently of the engine's conditions.
    const [{ start, churned }] = await queryRows<{ start: number; churned: number }>(h.db, sql`select
      count(*) filter (where customer_since < '2025-01-01' and (churned_at is null or churned_at >= '2025-01-01'))::int as start,
      count(*) filter (where customer_since < '2025-01-01' and churned_at >= '2025-01-01' and churned_at < '2026-01-01')::int as churned
      from accounts`);
    expect({ start, churned }).toEqual({ start: 14, churned: 3 }); // 3 ÷ 14 = 21.428571 %, the golden churn rate
    const num = await allRows('churn_rate', q);
    const den = await allRows('churn_rate', q, 'denominator');
    expect(num.sets).toEqual({ numerator: 3, denominator: 14 });
    expect([num.set, num.total, den.set, den.total]).toEqual(['numerator', 3, 'denominator', 14]);
    expect(num.all.every((r) => typeof r.churned_at === 'string' && r.churned_at >= '2025-01-01' && r.churned_at < '2026-01-01')).toBe(true);
    expect(num.columns.map((c) => c.key)).not.toContain('in_numerator');
    expect(den.all.slice(0, 3).every((r) => r.in_numerator === true)).toBe(true);
    expect(den.all.slice(3).some((r) => r.in_numerator === true)).toBe(false);
  });

  it('a denominator tab pages through numerator rows first, each group newest first, in either direction, as plain SQL orders them', async () => {
    const q = { from: day('2024-01-01'), to: day('2026-06-01'), filters: {}, viewer: admin };
    // Win rate: closed deals (won or lost) in the period; the won ones are the numerator.
    for (const dir of ['desc', 'asc'] as const) {
      const expected = await queryRows<{ id: number }>(h.db, sql`select id from deals where stage in ('won', 'lost')
        and closed_at >= '2024-01-01' and closed_at < '2026-06-01'
        order by (stage = 'won') ${sql.raw(dir)}, closed_at desc, id ${sql.raw(dir)}`);
      expect(expected.length).toBeGreaterThan(10);
      const paged: unknown[] = [];
      for (let page = 1; paged.length < expected.length; page++) {
        const d = await kpiDrilldown(h.db, 'win_rate', { ...q, set: 'denominator', sort: 'in_numerator', dir, pageSize: 7, page });
        expect(d.rows.length, `page ${page}`).toBeGreaterThan(0);
        paged.push(...d.rows.map((r) => r.id));
      }
      expect(paged, dir).toEqual(expected.map((r) => r.id));
    }
  });

  it('a sum shows one amount column (money); a mean each record\'s contribution, sortable by it', async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), filters: {}, viewer: admin, pageSize: 500 };
    const won = await kpiDrilldown(h.db, 'won_revenue', q);
    expect(won.columns.filter((c) => c.label === 'Amount').map((c) => [c.key, c.type])).toEqual([['value', 'money']]);
    expect(won.columns.slice(0, 2).map((c) => c.key)).toEqual(['name', 'value']); // the amount next to the name, for phones
    const aov = await kpiDrilldown(h.db, 'average_order_value', { ...q, sort: 'value' });
    const values = aov.rows.map((r) => Number(r.value));
    expect(values.length).toBeGreaterThan(1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(aov.columns.find((c) => c.key === 'value')).toMatchObject({ label: 'Amount', type: 'money' });
    const { average_order_value: mean } = await computeKpis(h.db, { ...q, keys: ['average_order_value'] });
    expectClose(values.reduce((s, v) => s + v, 0) / values.length, mean, 'contributions ÷ count', 1e-9);
  });
});

describe('[KPI][DRILLDOWN] a list of several record kinds (data completeness)', () => {
  it('opens on the least complete records (the ones to fix), the direction a viewer can reverse', async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), filters: {}, viewer: admin, pageSize: 50 };
    const first = await kpiDrilldown(h.db, 'data_completeness', q);
    expect([first.sort, first.dir]).toEqual(['value', 'asc']);
    const values = first.rows.map((r) => Number(r.value));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(Math.max(...(await kpiDrilldown(h.db, 'data_completeness', { ...q, dir: 'desc' })).rows.map((r) => Number(r.value))));
    // Other lists keep their newest or largest first.
    expect((await kpiDrilldown(h.db, 'win_rate', q)).dir).toBe('desc');
    // A later page is the same slice of the whole order (each kind's first rows, then their union's).
    for (const sort of ['value', 'name', 'entity']) {
      for (const dir of ['asc', 'desc'] as const) {
        const whole = await kpiDrilldown(h.db, 'data_completeness', { ...q, sort, dir, pageSize: 200 });
        expect(whole.rows.length).toBeGreaterThanOrEqual(75);
        const third = await kpiDrilldown(h.db, 'data_completeness', { ...q, sort, dir, pageSize: 25, page: 3 });
        const key = (r: DrillRow) => `${r.entity}:${r.id}`;
        expect(third.rows.map(key), `${sort} ${dir}`).toEqual(whole.rows.slice(50, 75).map(key));
      }
    }
  });

  it("shows each record's owner, by any sort, and sorts by the owner's name", async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), filters: {} };
    const names = new Map((await queryRows<{ id: number; name: string }>(h.db, sql`select id, name from users`)).map((u) => [u.id, u.name]));
    const ownerOf = async (r: DrillRow) => {
      const table = ({ accounts: 'accounts', leads: 'leads', deals: 'deals' } as Record<string, string>)[r.entity];
      const [row] = await queryRows<{ owner_id: number | null }>(h.db, sql.raw(`select owner_id from ${table} where id = ${Number(r.id)}`));
      return row.owner_id == null ? null : names.get(row.owner_id) ?? null;
    };
    for (const sort of [undefined, 'owner', 'value']) {
      for (const dir of ['asc', 'desc'] as const) {
        // A whole list when sorted by owner (several owners to order), a page otherwise.
        const size = sort === 'owner' ? 500 : 25;
        const page = await kpiDrilldown(h.db, 'data_completeness', { ...q, viewer: admin, pageSize: size, sort, dir });
        expect(page.rows.length).toBe(Math.min(size, page.total));
        for (const r of page.rows) expect(r.owner, `${sort} ${dir} ${r.entity} ${r.id}`).toBe(await ownerOf(r));
        if (sort === 'owner') {
          // In the database's own order of names (its collation), nulls last ascending and first descending.
          const owners = page.rows.map((r) => r.owner as string | null);
          for (let i = 1; i < owners.length; i++) {
            const [a, b] = dir === 'asc' ? [owners[i - 1], owners[i]] : [owners[i], owners[i - 1]];
            if (b == null) continue;
            expect(a, `${dir}: ${owners.join(', ')}`).not.toBeNull();
            const [{ ok }] = await queryRows<{ ok: boolean }>(h.db, sql`select ${a}::text <= ${b}::text as ok`);
            expect(ok, `${dir}: ${a} before ${b}`).toBe(true);
          }
          expect(new Set(owners).size).toBeGreaterThan(1);
        }
      }
    }
  });
});
