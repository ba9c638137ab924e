// [KPI][SUMMARIES] The exact summaries (issue 14): the migration holds the generated trigger SQL; after
// the golden import and after a seeded storm of writes through every path (raw SQL, record forms, the
// import) `verify` finds 0 differences and every KPI, breakdown and series read through the summaries
// equals the raw-row computation; the engine really reads them (a corrupted summary changes the
// number and verify names it; customer engagement reads the account touches); a rolled-back write leaves them as they were; two concurrent writers on
// the same owner and day both count (Postgres).
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/client';
import { computeKpis, kpiTimeSeries } from '@/tests/helpers/engine-views';
import { setSummariesEnabled, summaryPasses } from '@/lib/kpi/summary/pass';
import { rebuildSummaries, verifySummaries } from '@/lib/kpi/summary/rollups';
import { triggerSql } from '@/lib/kpi/summary/sql-gen';
import { CUSTOMER_SUMMARY } from '@/lib/kpi/calc/customers';
import { engagedAccount } from '@/lib/kpi/calc/engagement';
import { nestedFilters } from '@/lib/kpi/sql/pass';
import { literalPeriod } from '@/lib/kpi/sql/period-sql';
import type { SessionUser } from '@/lib/access';
import { sessionUserByEmail } from '@/tests/helpers/seeded-demo';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { day, importGolden } from './golden-data';
import { PERIODS, expectEngineMatchesRaw, expectVerified, expectViewsMatchRaw, prng, snapshot } from './summaries-helpers';
import { storm } from './summaries-storm';
import { readDimensionValues } from '@/lib/dashboard/filter-options';

let h: TestDb;
let admin: SessionUser;

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
  admin = await sessionUserByEmail(h.db, 'user0@example.com');
}, 180_000);
afterAll(async () => h?.close());

async function withRaw<T>(fn: () => Promise<T>): Promise<T> {
  setSummariesEnabled(false);
  try {
    return await fn();
  } finally {
    setSummariesEnabled(true);
  }
}
const revenue = (from: string, to: string) => computeKpis(h.db, { from: day(from), to: day(to), keys: ['revenue'] }).then((v) => v.revenue);

describe('[KPI][SUMMARIES]', () => {
  it('the migrations hold exactly the SQL sql-gen.ts generates: each function and trigger as the last migration defining it has it', () => {
    const dir = path.join(process.cwd(), 'db', 'migrations');
    // 0005 (triggers), 0006 (functions, with the month tables), 0008 (customer states: accounts' own triggers, the rebuild).
    const latest = new Map<string, string>();
    for (const f of fs.readdirSync(dir).filter((x) => /^\d{4}_.*\.sql$/.test(x)).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/CREATE (?:OR REPLACE FUNCTION|TRIGGER) (\w+)/g)) latest.set(m[1], text);
    }
    for (const stmt of triggerSql()) {
      const name = /^CREATE (?:OR REPLACE FUNCTION|TRIGGER) (\w+)/.exec(stmt)?.[1];
      if (name) expect(latest.get(name)?.includes(stmt), stmt.slice(0, 120)).toBe(true);
    }
  });

  it('after the golden import: 0 differences, and every KPI, breakdown and series equals the raw rows', async () => {
    await expectVerified(h.db);
    const report = await verifySummaries(h.db);
    expect(report.tables.every((t) => t.rows > 0)).toBe(true);
    expect(await expectEngineMatchesRaw(h.db)).toBe(PERIODS.length * 9 * 46 * 2);
    await expectViewsMatchRaw(h.db, '2025-01-01', '2026-01-01');
    await expectViewsMatchRaw(h.db, '2025-01-01', '2026-01-01', { team: 'Alpha' });
    await expectViewsMatchRaw(h.db, '2025-03-01', '2025-09-01', { segment: 'smb', owner: 'user2@example.com' });
    await expectViewsMatchRaw(h.db, '2025-01-01', '2026-01-01', { region: 'emea' });
    await expectViewsMatchRaw(h.db, '2025-03-01', '2025-09-01', { region: 'NA', segment: 'smb' });
    await expectViewsMatchRaw(h.db, '2025-02-10', '2025-09-20', { product: 'Pro' });
    // Ending now (a goal's series): whole months from the summaries, the last part-day month alone.
    await expectViewsMatchRaw(h.db, '2025-01-01', '2025-09-20T08:30:00Z');
    await expectViewsMatchRaw(h.db, '2025-01-01', '2025-09-20T08:30:00Z', { team: 'Alpha' });
  }, 300_000);

  it('serves whole-day periods whose filters it keys, and leaves the rest to raw rows', () => {
    const js = { from: day('2025-01-01'), to: day('2025-02-01') };
    const odd = { from: new Date('2025-01-01T06:00:00Z'), to: day('2025-02-01') };
    const part = { source: 'orders' as const, agg: 'sum' as const, where: () => sql`true`, summary: { table: 'order_days' as const, measure: 'amount' } };
    const slots = (p: typeof js) => new Map([['orders' as const, [{ name: 'm0', part, period: { from: sql``, to: sql``, fromTs: sql``, toTs: sql`` }, js: p }]]]);
    expect(summaryPasses(slots(js), { teamId: 1, product: 'pro' }).passes).toHaveLength(1);
    expect(summaryPasses(slots(odd), {}).passes).toHaveLength(0);
    // With edges split (the engine's literal periods): the whole days from the summary, the morning of the first day raw.
    const split = summaryPasses(slots(odd), {}, undefined, undefined, true);
    expect(split.passes).toHaveLength(1);
    expect(split.splits).toEqual([{ name: 'm0', source: 'orders', pieces: ['m0w', 'm0h'] }]);
    expect(split.rest.get('orders')!.map((x) => [x.name, x.js])).toEqual([['m0h', { from: odd.from, to: day('2025-01-02') }]]);
    // A period inside one day has no whole day to read.
    expect(summaryPasses(slots({ from: odd.from, to: new Date('2025-01-01T09:00:00Z') }), {}, undefined, undefined, true).passes).toHaveLength(0);
    // Means are not sums over pieces: they read raw rows.
    const mean = { ...part, agg: 'avg' as const, summary: { table: 'order_days' as const, measure: 'amount', per: 'n' } };
    expect(summaryPasses(new Map([['orders' as const, [{ name: 'm0', part: mean, period: slots(odd).get('orders')![0].period, js: odd }]]]), {}, undefined, undefined, true).passes).toHaveLength(0);
    // The segment is a key of the month table only: whole months are served, a period with edge days is not, nor split.
    const bySegment = summaryPasses(slots(js), { segment: 'smb' });
    expect(bySegment.passes).toHaveLength(1);
    expect(new PgDialect().sqlToQuery(bySegment.passes[0].query).sql).toContain('lower(sm.segment) = lower(');
    expect(summaryPasses(slots(js), {}, 'segment').passes).toHaveLength(1);
    const days = { from: day('2025-01-01'), to: day('2025-01-20') };
    expect(summaryPasses(slots(days), { segment: 'smb' }).passes).toHaveLength(0);
    expect(summaryPasses(slots(days), {}, 'segment', undefined, true).passes).toHaveLength(0);
    expect(summaryPasses(slots(odd), { segment: 'smb' }, undefined, undefined, true).splits).toHaveLength(0);
    expect(summaryPasses(slots(js), {}, 'region').passes).toHaveLength(0);
    // Survey responses' month table is keyed by region too (orders' is not): whole months by region are served.
    const survey = { source: 'survey_responses' as const, agg: 'count' as const, where: () => sql`true`, summary: { table: 'survey_days' as const, measure: 'nps_n' } };
    const surveySlots = (p: typeof js) => new Map([['survey_responses' as const, [{ name: 'm0', part: survey, period: { from: sql``, to: sql``, fromTs: sql``, toTs: sql`` }, js: p }]]]);
    const byRegion = summaryPasses(surveySlots(js), { region: 'emea' }, 'region');
    expect(byRegion.passes).toHaveLength(1);
    expect(new PgDialect().sqlToQuery(byRegion.passes[0].query).sql).toContain('lower(sm.region) = lower(');
    expect(summaryPasses(surveySlots(days), { region: 'emea' }).passes).toHaveLength(0);
    expect(summaryPasses(surveySlots(js), {}, 'industry').passes).toHaveLength(0);
    expect(summaryPasses(slots(js), { channel: 'email' }, 'owner').passes).toHaveLength(1); // channel does not reach orders
  });

  it('the engine reads the summaries (edge days from the day table, whole months from the month table); verify names a corrupted row; rebuild repairs', async () => {
    const [{ d }] = await queryRows<{ d: string }>(h.db, sql`select min(day)::text as d from order_days where day >= '2025-03-10'`);
    const next = new Date(day(d).getTime() + 86_400_000).toISOString().slice(0, 10);
    const year = await revenue('2025-01-01', '2026-01-01');
    const oneDay = await revenue(d, next);
    await h.db.execute(sql`update order_days set amount = amount + 1000 where day = ${d}`);
    expect(await revenue(d, next)).toBeCloseTo(oneDay! + 1000 * (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from order_days where day = ${d}`))[0].n, 6);
    expect(await withRaw(() => revenue(d, next))).toBeCloseTo(oneDay!, 6);
    expect(await revenue('2025-01-01', '2026-01-01')).toBeCloseTo(year!, 6); // whole months: not the day rows
    // A period from the middle of the day before to the middle of the day after reads the corrupted day's row.
    const around = (v: number) => computeKpis(h.db, { from: new Date(day(d).getTime() - 43_200_000), to: new Date(day(next).getTime() + 43_200_000), keys: ['revenue'] })
      .then((x) => x.revenue! - v);
    const rawAround = await withRaw(() => around(0));
    expect(await around(0)).toBeCloseTo(rawAround + 1000 * (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from order_days where day = ${d}`))[0].n, 6);
    await h.db.execute(sql`update order_months set amount = amount + 500 where day = '2025-03-01'`);
    // A view without an owner or team filter reads the month's any-owner rows (owner 0) alone.
    const rows = (await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from order_months where day = '2025-03-01' and owner_id = 0`))[0].n;
    expect(rows).toBeGreaterThan(0);
    expect(await revenue('2025-01-01', '2026-01-01')).toBeCloseTo(year! + 500 * rows, 6);
    expect(await withRaw(() => revenue('2025-01-01', '2026-01-01'))).toBeCloseTo(year!, 6);
    const report = await verifySummaries(h.db);
    expect(new Set(report.differences.map((x) => x.table))).toEqual(new Set(['order_days', 'order_months']));
    await rebuildSummaries(h.db);
    await expectVerified(h.db);
    expect(await revenue('2025-01-01', '2026-01-01')).toBeCloseTo(year!, 6);
  });

  it('campaign ROI: a campaign\'s whole months of won deals from campaign_won_months, the month `to` falls in from raw rows', async () => {
    // A campaign with won deals in a month, and a period from its start's year to the middle of the month after that one.
    const [row] = await queryRows<{ campaign: number; month: string; start: string }>(h.db, sql`
      select sm.campaign_id as campaign, sm.day::text as month, date_trunc('year', c.started_at)::date::text as start
      from campaign_won_months sm join campaigns c on c.id = sm.campaign_id
      where c.started_at < sm.day and sm.amount > 0 order by sm.day limit 1`);
    expect(row, 'the golden data has a campaign with won deals after its start').toBeDefined();
    const next = new Date(day(row.month).getTime());
    next.setUTCMonth(next.getUTCMonth() + 1);
    const q = { from: day(row.start), to: new Date(next.getTime() + 14 * 86_400_000), keys: ['campaign_roi'] as 'campaign_roi'[] };
    const roi = () => computeKpis(h.db, q).then((v) => v.campaign_roi!);
    // A copy of one of its won deals closes in the part month (through the triggers): only raw rows hold it there.
    const added = await queryRows<{ id: number }>(h.db, sql`
      insert into deals (external_id, name, account_id, owner_id, campaign_id, product, type, amount, stage, created_at, closed_at, contract_months)
      select external_id || '-part-month', name, account_id, owner_id, campaign_id, product, type, 7000, stage, created_at, ${new Date(next.getTime() + 3 * 86_400_000).toISOString()}::timestamptz, contract_months
      from deals where campaign_id = ${row.campaign} and stage = 'won' order by id limit 1 returning id`);
    expect(added).toHaveLength(1);
    const v0 = await roi();
    expect(v0).not.toBeNull();
    expect(await withRaw(roi)).toBeCloseTo(v0, 6);
    // A whole month's row before \`to\`'s month is read: the card moves, the raw rows do not.
    await h.db.execute(sql`update campaign_won_months set amount = amount + 100000 where campaign_id = ${row.campaign} and day = ${row.month}`);
    const v1 = await roi();
    expect(v1).toBeGreaterThan(v0);
    expect(await withRaw(roi)).toBeCloseTo(v0, 6);
    // A row in the month \`to\` falls in is not: that part month comes from the deals themselves.
    const partRow = await queryRows(h.db, sql`update campaign_won_months set amount = amount + 100000
      where campaign_id = ${row.campaign} and day = ${next.toISOString().slice(0, 10)} returning day`);
    expect(partRow, 'the copied deal has its month row').toHaveLength(1);
    expect(await roi()).toBeCloseTo(v1, 6);
    expect(new Set((await verifySummaries(h.db)).differences.map((x) => x.table))).toEqual(new Set(['campaign_won_months']));
    await rebuildSummaries(h.db);
    await expectVerified(h.db);
    expect(await roi()).toBeCloseTo(v0, 6);
    await h.db.execute(sql`delete from deals where id = ${added[0].id}`);
    await expectVerified(h.db);
  });

  it('customer states: counts at a bound read customer_days cumulatively (literal periods, no account breakdown), new customers its period', async () => {
    const js = { from: day('2025-01-01'), to: day('2025-02-01') };
    const part = { source: 'accounts' as const, agg: 'count' as const, where: () => sql`true`, summary: CUSTOMER_SUMMARY.active };
    const period = { from: sql``, to: sql``, fromTs: sql``, toTs: sql`` };
    const slots = (lit: boolean) => new Map([['accounts' as const, [{ name: 'm0', part, period, js: lit ? js : undefined }]]]);
    expect(summaryPasses(slots(true), { teamId: 1 }).passes).toHaveLength(1);
    expect(summaryPasses(slots(false), {}, undefined, () => true).passes).toHaveLength(0); // a series' SQL periods
    expect(summaryPasses(slots(true), {}, 'owner').passes).toHaveLength(0);
    expect(summaryPasses(slots(true), { segment: 'smb' }).passes).toHaveLength(0);

    const q = { from: day('2025-04-01'), to: day('2025-07-01'), keys: ['new_customers', 'arpu', 'revenue'] as ('new_customers' | 'arpu' | 'revenue')[] };
    const [{ a }] = await queryRows<{ a: number }>(h.db, sql`select count(*)::int as a from accounts
      where customer_since < '2025-07-01' and (churned_at is null or churned_at >= '2025-04-01')`);
    const v0 = await computeKpis(h.db, q);
    expect(v0.arpu).toBeCloseTo(v0.revenue! / a, 6);
    // Ten starts in a month long before the period, in the any-owner row an unfiltered view reads: ten
    // more customers during it, no new ones.
    await h.db.execute(sql`insert into customer_months as x (day, owner_id, n, starts, ends) values ('2020-01-01', 0, 10, 10, 0)
      on conflict (day, owner_id, since_month) do update set n = x.n + 10, starts = x.starts + 10`);
    const v1 = await computeKpis(h.db, q);
    expect(v1.new_customers).toBe(v0.new_customers);
    expect(v1.arpu).toBeCloseTo(v0.revenue! / (a + 10), 6);
    expect((await withRaw(() => computeKpis(h.db, q))).arpu).toBeCloseTo(v0.arpu!, 6);
    expect(new Set((await verifySummaries(h.db)).differences.map((x) => x.table))).toEqual(new Set(['customer_months']));
    await rebuildSummaries(h.db);
    await expectVerified(h.db);
  });

  it('customer engagement: whole months from the touch chain (a team: the account touches), edges and product or channel filters and drill-downs from raw rows', async () => {
    const text = (q: ReturnType<typeof engagedAccount>) => new PgDialect().sqlToQuery(q).sql;
    const p = (from: string, to: string) => literalPeriod({ from: day(from), to: day(to) });
    const whole = text(engagedAccount(p('2025-04-01', '2025-07-01'), nestedFilters({}, true)));
    // April to June of one year: the any-owner rows of that year with a touch in those months.
    expect(whole).toMatch(/from account_touch_years sm where sm\.day in \('2025-01-01'::date\)\s+and sm\.owner_id = 0 and \(case sm\.day when '2025-01-01'::date then sm\.m4 \+ sm\.m5 \+ sm\.m6 end\) > 0/);
    // December 2024 to the end of 2025: two years, the second one whole (`then 1`: a row exists only with touches).
    expect(text(engagedAccount(p('2024-12-01', '2026-01-01'), nestedFilters({}, true))))
      .toMatch(/sm\.day in \('2024-01-01'::date, '2025-01-01'::date\).*when '2024-01-01'::date then sm\.m12 when '2025-01-01'::date then 1 end/s);
    expect(whole).not.toMatch(/from (orders|tickets|survey_responses) /); // no edge days
    expect(text(engagedAccount(p('2025-04-01', '2025-07-15'), nestedFilters({ teamId: 1 }, true)))).toMatch(/sm\.owner_id in \(select .*from tickets t where/s);
    expect(text(engagedAccount(p('2025-04-01', '2025-07-01'), nestedFilters({ product: 'Pro' }, true)))).not.toContain('account_touch_years');
    expect(text(engagedAccount(p('2025-04-01', '2025-07-01'), nestedFilters({})))).not.toContain('account_touch_years'); // drill-downs

    // A trend goes bucket by bucket through the engine, each bucket from the summaries; each series is
    // checked against the raw rows.
    const seriesSql = async (filters: Record<string, string>) => {
      const texts: string[] = [];
      const rec = { execute: (q: SQL) => { texts.push(new PgDialect().sqlToQuery(q).sql); return h.db.execute(q); } } as unknown as typeof h.db;
      const points = await kpiTimeSeries(rec, 'customer_engagement_rate', { from: day('2025-04-01'), to: day('2025-07-01'), bucket: 'month', filters });
      const raw = await withRaw(() => kpiTimeSeries(h.db, 'customer_engagement_rate', { from: day('2025-04-01'), to: day('2025-07-01'), bucket: 'month', filters }));
      expect(points.map((x) => x.value)).toEqual(raw.map((x) => x.value));
      return texts;
    };
    // Without a team filter each bucket's numerator is a Σ over the touch chain (any owner's, or the
    // owner's own accounts), no enumeration of accounts.
    const chained = await seriesSql({});
    expect(chained.filter((t) => /from touch_chain_months sm where .*sm\.owner_id = 0/s.test(t)).length).toBeGreaterThanOrEqual(3);
    expect(chained.some((t) => t.includes('account_touch_years'))).toBe(false);
    const own = await seriesSql({ owner: 'user2@example.com' });
    expect(own.filter((t) => /sm\.own = 1.*from touch_chain_months sm where/s.test(t)).length).toBeGreaterThanOrEqual(3);
    // A team's accounts touched under two of its owners count once: the touch rows' set. Each bucket's
    // numerator: the accounts pass FILTERs its active customers by one set of touched accounts, read
    // from the months index (a hashed subplan: 50 ms a period at large, against 76 ms as a pass of its
    // own with a semi-join).
    const touched = (await seriesSql({ team: 'Alpha' })).filter((t) => t.includes('account_touch_years'));
    expect(touched.length).toBeGreaterThanOrEqual(3);
    for (const t of touched) expect(t).toMatch(/count\(\*\) filter \(where .*a\.id in \(select sm\.account_id from account_touch_years sm where sm\.day in/s);
    expect(touched.some((t) => t.includes('touch_chain_months'))).toBe(false);
    // A product filter: neither the chain nor the touches serve (not keyed by product); the numerator's
    // raw probes, the denominator from the customer states (so still bucket by bucket).
    const byProduct = await seriesSql({ product: 'Pro' });
    expect(byProduct.some((t) => t.includes('account_touch_years') || t.includes('touch_chain_months'))).toBe(false);
    expect(byProduct.some((t) => /exists \(select 1 from orders o where o\.account_id = a\.id/.test(t))).toBe(true);

    const engagement = (from: string, to: string, filters = {}) => computeKpis(h.db, { from: day(from), to: day(to), keys: ['customer_engagement_rate'], filters })
      .then((v) => v.customer_engagement_rate);
    const before = await engagement('2025-04-01', '2025-07-01');
    expect(before).toBeGreaterThan(0);
    expect(await withRaw(() => engagement('2025-04-01', '2025-07-01'))).toBeCloseTo(before!, 9);
    // Without the year's touches the engine finds no engaged customer in those whole months; the raw rows do.
    await h.db.execute(sql`delete from account_touch_years where day = '2025-01-01'`);
    expect(await engagement('2025-04-01', '2025-07-01')).toBe(0);
    expect(await withRaw(() => engagement('2025-04-01', '2025-07-01'))).toBeCloseTo(before!, 9);
    expect(new Set((await verifySummaries(h.db)).differences.map((x) => x.table))).toEqual(new Set(['account_touch_years']));
    await rebuildSummaries(h.db);
    await expectVerified(h.db);
    expect(await engagement('2025-04-01', '2025-07-01')).toBeCloseTo(before!, 9);

    // The chain follows the touches: a new month's first touch of an account and its removal, a
    // customer's dates and owner changed; each time 0 differences and the engine equals the raw rows.
    const checkAll = async () => {
      await expectVerified(h.db);
      for (const f of [{}, { owner: 'user2@example.com' }]) {
        for (const [from, to] of [['2025-04-01', '2025-07-01'], ['2025-01-01', '2026-01-01'], ['2025-06-01', '2025-07-01']]) {
          expect(await engagement(from, to, f), `${from} ${JSON.stringify(f)}`).toBeCloseTo((await withRaw(() => engagement(from, to, f)))!, 9);
        }
      }
    };
    const [acc] = await queryRows<{ id: number }>(h.db, sql`select id from accounts where customer_since < '2025-03-01' and churned_at is null order by id limit 1`);
    await h.db.execute(sql`insert into orders (external_id, account_id, ordered_at, amount, product) values ('chain-1', ${acc.id}, '2025-05-15T10:00:00Z', 10, 'Pro'), ('chain-2', ${acc.id}, '2024-11-02T10:00:00Z', 10, 'Pro')`);
    await checkAll();
    await h.db.execute(sql`update accounts set customer_since = '2025-05-20', owner_id = (select id from users where email = 'user2@example.com') where id = ${acc.id}`);
    await checkAll();
    await h.db.execute(sql`update accounts set churned_at = '2025-06-10' where id = ${acc.id}`);
    await checkAll();
    await h.db.execute(sql`delete from orders where external_id in ('chain-1', 'chain-2')`);
    await checkAll();
    // A corrupted chain summary: the engine reads it (so differs), verify names it, rebuild repairs.
    await h.db.execute(sql`delete from touch_chain_months where owner_id = 0 and day = '2025-05-01'`);
    expect(await engagement('2025-04-01', '2025-07-01')).not.toBeCloseTo(before!, 9);
    expect(new Set((await verifySummaries(h.db)).differences.map((x) => x.table))).toEqual(new Set(['touch_chain_months']));
    await rebuildSummaries(h.db);
    await expectVerified(h.db);
    expect(await engagement('2025-04-01', '2025-07-01')).toBeCloseTo(before!, 9);
  });

  it('upsell rate: whole months from the upsell chain (each deal under its owner and any owner), the rest from raw rows', async () => {
    const upsell = (from: string, to: string, filters = {}) => computeKpis(h.db, { from: day(from), to: day(to), keys: ['upsell_cross_sell_rate'], filters })
      .then((v) => v.upsell_cross_sell_rate);
    const texts: string[] = [];
    const rec = { execute: (q: SQL) => { texts.push(new PgDialect().sqlToQuery(q).sql); return h.db.execute(q); } } as unknown as typeof h.db;
    await computeKpis(rec, { from: day('2025-01-01'), to: day('2026-01-01'), keys: ['upsell_cross_sell_rate'] });
    expect(texts.some((t) => /sm\.kind = \$\d+ and \(sm\.prev_month is null.*from touch_chain_months sm where .*sm\.owner_id = 0/s.test(t))).toBe(true);
    expect(texts.filter((t) => /from deals d/.test(t)).map((t) => t.slice(0, 1500))).toEqual([]);
    // An owner's view: that owner's chain (their deals, whoever owns the account), not the any-owner one.
    texts.length = 0;
    await computeKpis(rec, { from: day('2025-01-01'), to: day('2026-01-01'), keys: ['upsell_cross_sell_rate'], filters: { owner: 'user2@example.com' } });
    expect(texts.some((t) => /from touch_chain_months sm where .*sm\.owner_id in \(select/s.test(t) && !/sm\.owner_id = 0/.test(t))).toBe(true);
    texts.length = 0;
    await computeKpis(rec, { from: day('2025-01-01'), to: day('2026-01-01'), keys: ['upsell_cross_sell_rate'], filters: { product: 'Pro' } });
    expect(texts.some((t) => t.includes('touch_chain_months'))).toBe(false); // not keyed by product

    const [{ id: acc }] = await queryRows<{ id: number }>(h.db, sql`select id from accounts order by id limit 1`);
    const [u1, u2] = await queryRows<{ id: number }>(h.db, sql`select id from users where email in ('user1@example.com', 'user2@example.com') order by email`);
    const checkAll = async () => {
      await expectVerified(h.db);
      for (const f of [{}, { owner: 'user1@example.com' }, { owner: 'user2@example.com' }]) {
        for (const [from, to] of [['2025-04-01', '2025-07-01'], ['2025-01-01', '2026-01-01'], ['2025-05-01', '2025-06-01']]) {
          expect(await upsell(from, to, f), `${from} ${JSON.stringify(f)}`).toBe(await withRaw(() => upsell(from, to, f)));
        }
      }
    };
    // A new won upsell in May, a second one of another owner in May and one in February: then the
    // owner, the type, the closing month and the stage change, and the deals go.
    await h.db.execute(sql`insert into deals (external_id, name, account_id, owner_id, type, amount, stage, created_at, closed_at) values
      ('up-1', 'Up 1', ${acc}, ${u1.id}, 'upsell', 100, 'won', '2025-01-10T10:00:00Z', '2025-05-12T10:00:00Z'),
      ('up-2', 'Up 2', ${acc}, ${u2.id}, 'cross_sell', 100, 'won', '2025-01-10T10:00:00Z', '2025-05-20T10:00:00Z'),
      ('up-3', 'Up 3', ${acc}, ${u1.id}, 'upsell', 100, 'won', '2025-01-10T10:00:00Z', '2025-02-03T10:00:00Z')`);
    await checkAll();
    await h.db.execute(sql`update deals set owner_id = ${u2.id} where external_id = 'up-1'`);
    await checkAll();
    await h.db.execute(sql`update deals set type = 'new' where external_id = 'up-3'`);
    await checkAll();
    await h.db.execute(sql`update deals set closed_at = '2025-06-30T23:00:00Z' where external_id = 'up-2'`);
    await checkAll();
    await h.db.execute(sql`update deals set stage = 'lost' where external_id = 'up-1'`);
    await checkAll();
    await h.db.execute(sql`update deals set account_id = null where external_id = 'up-2'`);
    await checkAll();
    await h.db.execute(sql`delete from deals where external_id in ('up-1', 'up-2', 'up-3')`);
    await checkAll();
  });

  it('a rolled-back write (SQL, and an import with a bad row) leaves the summaries as they were', async () => {
    const before = await snapshot(h.db);
    await expect(h.db.transaction(async (tx) => {
      await tx.execute(sql`insert into orders (external_id, account_id, ordered_at, amount, product) select 'rb-' || id, id, '2025-03-03T10:00:00Z', 99, 'Pro' from accounts`);
      await tx.execute(sql`update deals set owner_id = null`);
      await tx.execute(sql`update accounts set owner_id = null`);
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    expect(await snapshot(h.db)).toBe(before);
    await expectVerified(h.db);
  });

  it('a seeded storm through SQL, forms and the import: 0 differences, every KPI equals the raw rows', async () => {
    const s = { db: h.db, rnd: prng(14), admin, counts: {} as Record<string, number> };
    await storm(s, 120);
    // Every path ran, dimension changes and late cohort outcomes included.
    for (const k of ['sql account owner+segment', 'sql account region', 'sql lead converts', 'sql ticket assignee', 'sql delete account', 'sql user to another team', 'sql account churns', 'sql account becomes customer', 'sql insert account', 'form edit deal', 'form edit account', 'import deals']) {
      expect(s.counts[k], `${k} ran (${JSON.stringify(s.counts)})`).toBeGreaterThan(0);
    }
    await expectVerified(h.db);
    await expectEngineMatchesRaw(h.db);
    await expectViewsMatchRaw(h.db, '2024-06-01', '2026-06-01', { owner: 'user2@example.com' });
    // The filter bar's products, sources and channels come from the monthly summaries: the raw tables' values.
    const values = await readDimensionValues(h.db);
    const raw = async (q: ReturnType<typeof sql>) => (await queryRows<{ v: string | null }>(h.db, q)).map((r) => r.v);
    expect(values.product.map((o) => o.value)).toEqual(await raw(sql`select distinct product as v from deals where product is not null order by 1`));
    expect(values.source.map((o) => o.value)).toEqual(await raw(sql`select distinct source as v from leads order by 1`));
    expect(values.channel.map((o) => o.value)).toEqual(await raw(sql`select channel as v from tickets where channel is not null union select channel from campaigns order by 1`));
    expect(values.product.length).toBeGreaterThan(1);
    await storm(s, 60);
    await expectVerified(h.db);
    await expectEngineMatchesRaw(h.db, [['2025-01-01', '2026-01-01']]);
  }, 600_000);

  it.runIf(!!process.env.DATABASE_URL)('two concurrent writers on the same owner and day both count (two connections)', async () => {
    const [{ id: accountId, owner_id: ownerId }] = await queryRows<{ id: number; owner_id: number }>(h.db, sql`select id, owner_id from accounts where owner_id is not null order by id limit 1`);
    const key = sql`day = '2025-08-08' and owner_id = ${ownerId} and product = 'Concurrent'`;
    const count = async () => (await queryRows<{ n: number }>(h.db, sql`select coalesce(sum(n), 0)::int as n from order_days where ${key}`))[0].n;
    const a = postgres(h.url!, { max: 1, onnotice: () => {} });
    const b = postgres(h.url!, { max: 1, onnotice: () => {} });
    try {
      const insert = (c: postgres.TransactionSql, tag: string) => c`insert into orders (external_id, account_id, ordered_at, amount, product)
        values (${tag}, ${accountId}, '2025-08-08T10:00:00Z', 10, 'Concurrent')`;
      for (const round of [1, 2]) {
        // A holds the key's row (a new one in round 1, an existing one in round 2) while B writes the same key.
        let release!: () => void;
        const held = new Promise<void>((r) => { release = r; });
        const ta = a.begin(async (tx) => { await insert(tx, `cc-a-${round}`); await held; });
        await new Promise((r) => setTimeout(r, 200));
        let bDone = false;
        const tb = b.begin(async (tx) => { await insert(tx, `cc-b-${round}`); }).then(() => { bDone = true; });
        await new Promise((r) => setTimeout(r, 300));
        expect(bDone, 'B waits for the summary row A holds').toBe(false);
        release();
        await Promise.all([ta, tb]);
        expect(await count()).toBe(2 * round);
      }
      {
        // Two owners' orders in the same month and product: their own rows differ, but both add to the
        // month's any-owner row (owner 0), so B waits for A there, and both count in it.
        const [other] = await queryRows<{ id: number; owner_id: number }>(h.db, sql`select id, owner_id from accounts
          where owner_id is not null and owner_id <> ${ownerId} order by id limit 1`);
        let release!: () => void;
        const held = new Promise<void>((r) => { release = r; });
        const order = (c: postgres.TransactionSql, tag: string, account: number) => c`insert into orders (external_id, account_id, ordered_at, amount, product)
          values (${tag}, ${account}, '2025-08-09T10:00:00Z', 10, 'Concurrent 2')`;
        const ta = a.begin(async (tx) => { await order(tx, 'cc-any-a', accountId); await held; });
        await new Promise((r) => setTimeout(r, 200));
        let bDone = false;
        const tb = b.begin(async (tx) => { await order(tx, 'cc-any-b', other.id); }).then(() => { bDone = true; });
        await new Promise((r) => setTimeout(r, 300));
        expect(bDone, 'B waits for the any-owner month row A holds').toBe(false);
        release();
        await Promise.all([ta, tb]);
        const months = await queryRows<{ owner_id: number; n: number }>(h.db, sql`select owner_id, sum(n)::int as n from order_months
          where day = '2025-08-01' and product = 'Concurrent 2' group by owner_id order by owner_id`);
        expect(months).toEqual([{ owner_id: 0, n: 2 }, ...[ownerId, other.owner_id].sort((x, y) => x - y).map((o) => ({ owner_id: o, n: 1 }))]);
      }
      // The touch chain: A and B give the account its first touches of two new years (two rows of
      // account_touch_years, so no row lock between them). B's chain waits for A's (one writer per
      // account), then sees A's touch: its new month's previous touch is A's, and verify finds 0 differences.
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      const at = (c: postgres.TransactionSql, tag: string, when: string) => c`insert into orders (external_id, account_id, ordered_at, amount, product)
        values (${tag}, ${accountId}, ${when}, 10, 'Concurrent')`;
      const ta = a.begin(async (tx) => { await at(tx, 'cc-chain-a', '2019-03-05T10:00:00Z'); await held; });
      await new Promise((r) => setTimeout(r, 200));
      let bDone = false;
      const tb = b.begin(async (tx) => { await at(tx, 'cc-chain-b', '2020-07-05T10:00:00Z'); }).then(() => { bDone = true; });
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone, 'B waits for A on the account chain').toBe(false);
      release();
      await Promise.all([ta, tb]);
      const chain = await queryRows<{ month: string; prev: string | null }>(h.db, sql`select month::text, prev_month::text as prev from account_touch_chain
        where kind = 'touch' and account_id = ${accountId} and owner_id = 0 and month < '2021-01-01' order by month`);
      expect(chain).toEqual([{ month: '2019-03-01', prev: null }, { month: '2020-07-01', prev: '2019-03-01' }]);
    } finally {
      await a.end();
      await b.end();
    }
    await expectVerified(h.db);
  }, 60_000);
});
