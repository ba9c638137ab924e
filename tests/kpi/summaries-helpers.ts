// Shared by the summaries tests: the engine with and without summaries over several periods, filters,
// breakdowns and a series, compared KPI by KPI; the summaries' contents as a snapshot.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Db } from '@/db/client';
import { SUMMARY_TABLES, keyColumns } from '@/db/schema/summary-defs';
import { KPI_KEYS } from '@/lib/kpi';
import { computeKpisWithPrevious, kpiBreakdown, kpiTimeSeries } from '@/tests/helpers/engine-views';
import { setSummariesEnabled } from '@/lib/kpi/summary/pass';
import { trustedView } from '@/lib/access';
import { leadFunnel } from '@/lib/dashboard/pipeline';
import { wonDealSizes } from '@/lib/dashboard/distributions';
import { describeDifference, verifySummaries } from '@/lib/kpi/summary/rollups';
import type { KpiKey } from '@/lib/kpi/registry';
import type { Dimension, KpiFilters } from '@/lib/kpi/types';
import { closeTo, day } from './golden-data';

export const PERIODS: [string, string][] = [['2025-01-01', '2026-01-01'], ['2025-04-01', '2025-07-01'], ['2025-11-01', '2025-12-01'], ['2024-06-01', '2026-06-01'],
  // Edge days around whole months, and days inside one month.
  ['2025-02-10', '2025-09-20'], ['2025-03-05', '2025-03-25'],
  // Bounds inside a day (a period given with instants): whole days from the summaries, the part days from raw rows.
  ['2025-02-10T13:45:00Z', '2025-09-20T08:30:00Z'], ['2025-03-05T06:00:00Z', '2025-03-07T18:00:00Z'], ['2025-11-01', '2025-11-20T15:00:00Z']];
/** A period bound: a day (its midnight UTC) or an instant. */
const at = (s: string) => (s.includes('T') ? new Date(s) : day(s));
export const FILTERS: KpiFilters[] = [
  {}, { team: 'alpha' }, { owner: 'user2@example.com' }, { product: 'pro' }, { source: 'web' }, { channel: 'email' }, { segment: 'smb' },
  { team: 'Beta', product: 'Core' }, { region: 'emea' },
];
const TOL = 1e-9;

/** Runs `fn` with the summaries on and off. */
async function both<T>(fn: () => Promise<T>): Promise<{ on: T; off: T }> {
  setSummariesEnabled(true);
  const on = await fn();
  setSummariesEnabled(false);
  try {
    return { on, off: await fn() };
  } finally {
    setSummariesEnabled(true);
  }
}

/** Every KPI (and its previous value) with summaries equals the raw-row computation, per period and filter. */
export async function expectEngineMatchesRaw(db: Db, periods = PERIODS, filters = FILTERS): Promise<number> {
  let compared = 0;
  const bad: string[] = [];
  for (const [f, t] of periods) {
    for (const fl of filters) {
      const { on, off } = await both(() => computeKpisWithPrevious(db, { from: at(f), to: at(t), filters: fl }));
      for (const key of KPI_KEYS) {
        for (const side of ['current', 'previous'] as const) {
          compared++;
          if (!closeTo(on[side][key], off[side][key], TOL)) bad.push(`${side} ${key} [${f}, ${t}) ${JSON.stringify(fl)}: ${on[side][key]} vs raw ${off[side][key]}`);
        }
      }
    }
  }
  expect(bad).toEqual([]);
  return compared;
}

const BREAKDOWNS: [KpiKey, Dimension][] = [['revenue', 'owner'], ['win_rate', 'team'], ['nps', 'owner'], ['lead_conversion_rate', 'source'],
  ['first_response_time', 'channel'], ['average_order_value', 'product'], ['revenue', 'segment'],
  // Month tables keyed by segment: whole months from them, anything else raw.
  ['resolution_time', 'segment'], ['csat', 'segment'], ['win_rate', 'segment'], ['first_response_time', 'segment'], ['complaint_resolution_rate', 'segment'],
  // The survey months are keyed by region too: NPS and CSAT by region from them, other kinds raw.
  ['nps', 'region'], ['csat', 'region'], ['revenue', 'region'],
  // Accounts all-time: account_days groups every account, as the raw rows do.
  ['data_completeness', 'team'], ['data_completeness', 'owner']];
const SERIES: KpiKey[] = ['revenue', 'win_rate', 'lead_response_time', 'csat', 'customer_lifetime_value', 'resolution_time', 'customer_engagement_rate'];

/** Breakdowns (rows, labels, counts) and monthly series with summaries equal the raw ones. */
export async function expectViewsMatchRaw(db: Db, from: string, to: string, filters: KpiFilters = {}): Promise<void> {
  for (const [key, dimension] of BREAKDOWNS) {
    const { on, off } = await both(() => kpiBreakdown(db, key, { from: at(from), to: at(to), filters, dimension }));
    expect(on.map((r) => [r.key, r.label, r.count]), `${key} by ${dimension}`).toEqual(off.map((r) => [r.key, r.label, r.count]));
    on.forEach((r, i) => expect(closeTo(r.value, off[i].value, TOL), `${key} by ${dimension} ${r.key}: ${r.value} vs ${off[i].value}`).toBe(true));
  }
  for (const key of SERIES) {
    const { on, off } = await both(() => kpiTimeSeries(db, key, { from: at(from), to: at(to), bucket: 'month', filters }));
    expect(on.length).toBe(off.length);
    on.forEach((p, i) => expect(closeTo(p.value, off[i].value, TOL), `${key} ${p.start}: ${p.value} vs ${off[i].value}`).toBe(true));
  }
  // The dashboard's charts that the summaries serve: the lead funnel and the won deals by size.
  const view = await trustedView(db, filters);
  const period = { from: at(from), to: at(to) };
  for (const chart of [leadFunnel, wonDealSizes]) {
    const { on, off } = await both(() => chart(db, view, period));
    expect(on, `${chart.name} ${JSON.stringify(filters)}`).toEqual(off);
  }
  if (Object.keys(filters).length === 0) {
    // And as the charts counted them before the summaries, by hand over the raw rows.
    const [f] = await queryRows<{ leads: number; mql: number; sqls: number; customers: number }>(db, sql`select count(*)::int as leads,
      count(*) filter (where mql_at is not null)::int as mql, count(*) filter (where sql_at is not null)::int as sqls,
      count(*) filter (where converted_at is not null)::int as customers from leads where created_at >= ${period.from.toISOString()}::timestamptz and created_at < ${period.to.toISOString()}::timestamptz`);
    expect((await leadFunnel(db, view, period)).map((x) => x.count)).toEqual([f.leads, f.mql, f.sqls, f.customers]);
    const bins = await queryRows<{ bin: number; n: number }>(db, sql`select width_bucket(amount::float8, array[5000, 10000, 25000, 50000, 100000]::float8[])::int as bin,
      count(*)::int as n from deals where stage = 'won' and amount is not null and closed_at >= ${period.from.toISOString()}::timestamptz
      and closed_at < ${period.to.toISOString()}::timestamptz group by 1`);
    expect((await wonDealSizes(db, view, period)).map((x) => x.count)).toEqual([0, 1, 2, 3, 4, 5].map((i) => bins.find((b) => b.bin === i)?.n ?? 0));
  }
}

export async function expectVerified(db: Db): Promise<void> {
  const report = await verifySummaries(db);
  expect(report.differences.map(describeDifference)).toEqual([]);
}

/** Every summary row, for before/after comparisons. */
export async function snapshot(db: Db): Promise<string> {
  const parts: unknown[] = [];
  for (const { name, defs: [d] } of SUMMARY_TABLES) parts.push(await queryRows(db, sql.raw(`select * from ${name} order by ${keyColumns(d).join(', ')}`)));
  parts.push(await queryRows(db, sql`select id, prev_month, prev2_month, cprev_month from orders order by id`));
  return JSON.stringify(parts);
}

/** A small seeded PRNG (mulberry32): the storm is the same at every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
