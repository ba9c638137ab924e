// [KPI][EDGE] Empty database, periods without data, records exactly on the period's ends, offsets.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/access';
import { getKpi, KPI_KEYS, type KpiKey } from '@/lib/kpi';
import { computeKpis, computeKpisWithPrevious, kpiBreakdown, kpiDrilldown, kpiTimeSeries } from '@/tests/helpers/engine-views';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';

const admin: SessionUser = { id: 0, email: 'a@test', name: 'A', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
/** Sums and counts are 0 over nothing (open pipeline is a sum); every ratio and mean is null. */
const zeroOverNothing = (k: KpiKey) => getKpi(k).aggregation === 'additive' || k === 'pipeline_value';

let empty: TestDb;
let h: TestDb;

beforeAll(async () => {
  [empty, h] = await Promise.all([createTestDb(), createTestDb()]);
  const x = (q: ReturnType<typeof sql>) => h.db.execute(q);
  await x(sql`insert into teams (name) values ('Alpha')`);
  await x(sql`insert into users (email, name, role, team_id) values ('ann@x.com', 'Ann', 'member', 1)`);
  await x(sql`insert into accounts (external_id, name, owner_id, customer_since, churned_at) values
    ('A-at-from', 'At from', 1, '2025-03-01', null), ('A-at-to', 'At to', 1, '2025-04-01', null),
    ('A-old', 'Old', 1, '2024-01-01', '2025-04-01'), ('A-churned-at-from', 'Churned at from', 1, '2024-01-01', '2025-03-01')`);
  // Leads on the boundaries; offsets move two of them across them: 01:30+02:00 is 23:30Z the day before.
  await x(sql`insert into leads (external_id, created_at, source, owner_id, converted_at, account_id) values
    ('L-from', '2025-03-01T00:00:00Z', 'web', 1, '2025-03-05T00:00:00Z', 1),
    ('L-before-from', '2025-03-01T01:30:00+02:00', 'web', 1, null, null),
    ('L-before-to', '2025-04-01T01:30:00+02:00', 'web', 1, null, null),
    ('L-to', '2025-04-01T00:00:00Z', 'web', 1, null, null)`);
  // Orders: at `from` (in), at `to` (out), the last millisecond (in), and offsets on either side of `to`.
  await x(sql`insert into orders (external_id, account_id, ordered_at, amount) values
    ('O-from', 1, '2025-03-01T00:00:00Z', 100), ('O-to', 1, '2025-04-01T00:00:00Z', 1000),
    ('O-offset-out', 1, '2025-03-31T23:30:00-05:00', 10), ('O-offset-in', 1, '2025-04-01T01:00:00+02:00', 20),
    ('O-last-ms', 1, '2025-03-31T23:59:59.999Z', 1)`);
});
afterAll(async () => Promise.all([empty?.close(), h?.close()]));

describe('[KPI][EDGE] no data', () => {
  it('an empty database gives 0 for sums and counts and null for every ratio and mean', async () => {
    const v = await computeKpis(empty.db, { from: d('2025-01-01'), to: d('2026-01-01') });
    for (const k of KPI_KEYS) expect(v[k], k).toBe(zeroOverNothing(k) ? 0 : null);
    const both = await computeKpisWithPrevious(empty.db, { from: d('2025-01-01'), to: d('2025-02-01') });
    for (const k of KPI_KEYS) expect(both.previous[k], k).toBe(zeroOverNothing(k) ? 0 : null);
    const series = await kpiTimeSeries(empty.db, 'win_rate', { from: d('2025-01-01'), to: d('2025-04-01'), bucket: 'month' });
    expect(series.map((p) => p.value)).toEqual([null, null, null]);
    expect(await kpiBreakdown(empty.db, 'revenue', { from: d('2025-01-01'), to: d('2026-01-01'), dimension: 'segment' })).toEqual([]);
    for (const k of KPI_KEYS) {
      const r = await kpiDrilldown(empty.db, k, { from: d('2025-01-01'), to: d('2026-01-01'), viewer: admin });
      expect([r.total, r.rows.length], k).toEqual([0, 0]);
    }
  });

  it('a period before any record: counts and sums 0, rates null, except those over current state', async () => {
    const v = await computeKpis(h.db, { from: d('1990-01-01'), to: d('1990-02-01') });
    for (const k of KPI_KEYS) {
      if (k === 'crm_adoption_rate') expect(v[k]).toBe(0); // one active user, no activity
      else if (k === 'data_completeness') expect(v[k]).toBeGreaterThan(0); // over all current records
      else expect(v[k], k).toBe(zeroOverNothing(k) ? 0 : null);
    }
  });

  it('rejects an empty or reversed period', async () => {
    await expect(computeKpis(h.db, { from: d('2025-02-01'), to: d('2025-02-01') })).rejects.toThrow(RangeError);
    await expect(kpiDrilldown(h.db, 'revenue', { from: d('2025-02-01'), to: d('2025-01-01'), viewer: admin })).rejects.toThrow(RangeError);
  });
});

describe('[KPI][EDGE] boundaries', () => {
  const march = { from: d('2025-03-01'), to: d('2025-04-01') };

  it('a record at `from` counts, one at `to` does not (timestamps with offsets, and dates)', async () => {
    const v = await computeKpis(h.db, march);
    expect(v.revenue).toBe(121); // O-from + O-offset-in + O-last-ms
    expect(v.average_order_value).toBeCloseTo(121 / 3, 12);
    expect(v.lead_conversion_rate).toBe(50); // L-from (converted) and L-before-to
    expect(v.new_customers).toBe(1); // customer since the 1st of March, not the one since the 1st of April
    expect(v.churn_rate).toBe(50); // churned on the 1st of March: lost in March; on the 1st of April: not yet
    expect(v.retention_rate).toBe(50);
    expect(v.arpu).toBeCloseTo(121 / 3, 12); // A: the new customer and both churning ones
    const rows = await kpiDrilldown(h.db, 'revenue', { ...march, viewer: admin, sort: 'ordered_at', dir: 'asc' });
    expect(rows.rows.map((r) => r.external_id)).toEqual(['O-from', 'O-offset-in', 'O-last-ms']);
    expect(rows.rows.map((r) => r.ordered_at)).toEqual(['2025-03-01T00:00:00Z', '2025-03-31T23:00:00Z', '2025-03-31T23:59:59Z']);
    // A ratio's denominator set (the leads created in March), flagged by numerator; its numerator set alone.
    const leads = await kpiDrilldown(h.db, 'lead_conversion_rate', { ...march, viewer: admin, sort: 'created_at', dir: 'asc', set: 'denominator' });
    expect(leads.rows.map((r) => [r.external_id, r.in_numerator])).toEqual([['L-from', true], ['L-before-to', false]]);
    const converted = await kpiDrilldown(h.db, 'lead_conversion_rate', { ...march, viewer: admin });
    expect([converted.rows.map((r) => r.external_id), converted.sets]).toEqual([['L-from'], { numerator: 1, denominator: 2 }]);
  });

  it('time series buckets follow the same rule', async () => {
    const q = { from: d('2025-02-01'), to: d('2025-05-01'), bucket: 'month' as const };
    expect((await kpiTimeSeries(h.db, 'revenue', q)).map((p) => p.value)).toEqual([0, 121, 1010]);
    expect((await kpiTimeSeries(h.db, 'churn_rate', q)).map((p) => p.value)).toEqual([0, 50, 50]);
    expect((await kpiTimeSeries(h.db, 'lead_conversion_rate', q)).map((p) => p.value)).toEqual([0, 50, 0]);
    expect((await kpiTimeSeries(h.db, 'new_customers', q)).map((p) => p.value)).toEqual([0, 1, 1]);
    const days = await kpiTimeSeries(h.db, 'revenue', { from: d('2025-03-31'), to: d('2025-04-02'), bucket: 'day' });
    expect(days).toEqual([
      { start: '2025-03-31T00:00:00.000Z', end: '2025-04-01T00:00:00.000Z', value: 21 },
      { start: '2025-04-01T00:00:00.000Z', end: '2025-04-02T00:00:00.000Z', value: 1010 },
    ]);
    // Growth in a bucket compares with the bucket before it.
    expect((await kpiTimeSeries(h.db, 'revenue_growth_rate', q)).map((p) => p.value)).toEqual([null, null, (100 * (1010 - 121)) / 121]);
  });
});
