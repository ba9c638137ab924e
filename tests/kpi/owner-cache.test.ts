// [KPI][CACHE] Dropping cached views by owner (migration 0010, lib/kpi/result-cache.ts): the notices of
// leads, deals, tickets and activities list the changed rows' owners and teams, and a rep's or a team's
// view keeps its cached result when none of them is in it. Checked against a recomputation from the
// rows: through a seeded storm of writes on every path (raw SQL with reassignments, team moves, deletes
// and late conversions; the record forms; the import), every result the cache kept (KPI values, the
// dashboard's charts, drill-down pages) equals the one computed afresh, and the cache did keep some (so the test cannot pass by dropping everything).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_NOTICE_COLUMNS, queryRows } from '@/db/client';
import { authorizeView, trustedView, type AuthorizedView, type SessionUser } from '@/lib/access';
import { ENTITY_CATALOGUE } from '@/lib/entities/catalogue';
import { DASHBOARDS, computeKpis, kpiReadSet, type KpiKey } from '@/lib/kpi';
import { ResultCache, parseDataChange, type ReadSet } from '@/lib/kpi/result-cache';
import { withLocalCache } from '@/tests/helpers/local-cache';
import { kpiDrilldown } from '@/lib/kpi/drilldown';
import { drillReadSet } from '@/lib/kpi/drill-reads';
import { CHART_READS } from '@/lib/dashboard/cached-queries';
import { npsScores, wonDealSizes } from '@/lib/dashboard/distributions';
import { leadFunnel, openDealsByStage } from '@/lib/dashboard/pipeline';
import type { KpiFilters } from '@/lib/kpi/types';
import { protectedAction } from '@/lib/actions/protected-action';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { saveRecord } from '@/lib/records/write-record';
import { formData, sessionUserByEmail } from '@/tests/helpers/seeded-demo';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { closeTo, day, importGolden } from './golden-data';
import { prng } from './summaries-helpers';
import { SQL_OPS, stormStep, type Storm } from './summaries-storm';

const CHARTS = [['leadFunnel', leadFunnel], ['openDealsByStage', openDealsByStage], ['wonDealSizes', wonDealSizes], ['npsScores', npsScores]] as const;

let h: TestDb;
let admin: SessionUser;
const notices: string[] = [];
const cache = new ResultCache({ ttlMs: 600_000, maxEntries: 10_000 });
let stop: () => void = () => {};

async function until(cond: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every notice sent before now has reached the cache: notices arrive in commit order, so send one and wait for it. */
let mark = 0;
async function settled(): Promise<void> {
  const m = `settled-${++mark}`;
  await h.db.execute(sql`select pg_notify('crm_data_changed', ${m})`);
  await until(() => notices.includes(m), m);
}

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
  admin = await sessionUserByEmail(h.db, 'user0@example.com');
  stop = h.watchChanges((payload) => { notices.push(payload); cache.invalidate([parseDataChange(payload)]); }, (live) => cache.setLive(live));
  await until(() => cache.isLive, 'the feed to start');
}, 180_000);
afterAll(async () => {
  stop();
  await h?.close();
});


describe('[KPI][CACHE] notices by owner', () => {
  it('list the owners (before and after) and their teams; a big batch or a truncate says only the table', async () => {
    const [d] = await queryRows<{ id: number; owner_id: number }>(h.db, sql`select id, owner_id from deals where owner_id is not null order by id limit 1`);
    const [other] = await queryRows<{ id: number; team_id: number | null }>(h.db, sql`select id, team_id from users where id <> ${d.owner_id} order by id limit 1`);
    const [{ team_id: ownerTeam }] = await queryRows<{ team_id: number | null }>(h.db, sql`select team_id from users where id = ${d.owner_id}`);
    const n = notices.length;
    await h.db.execute(sql`update deals set owner_id = ${other.id} where id = ${d.id}`);
    await settled();
    const expected = [[d.owner_id, ownerTeam], [other.id, other.team_id]].sort((a, b) => a[0]! - b[0]!).map(([o, t]) => `${o}:${t ?? ''}`).join(',');
    expect(notices.slice(n)).toContain(`deals;${expected}`);
    // Rows nobody owns: an empty list.
    const m = notices.length;
    await h.db.execute(sql`update deals set amount = amount where owner_id is null`);
    await settled();
    expect(notices.slice(m).filter((x) => x.startsWith('deals'))).toEqual(['deals;']);
    // Over 64 owners: the bare table name.
    const k = notices.length;
    await h.db.execute(sql`insert into users (email, name, role) select 'bulk' || g || '@example.com', 'Bulk ' || g, 'member' from generate_series(1, 70) g`);
    await h.db.execute(sql`insert into activities (user_id, occurred_at, kind) select id, now(), 'login' from users where email like 'bulk%'`);
    await settled();
    expect(notices.slice(k)).toContain('activities');
  });

  it("the triggers' owner columns are the catalogue's owner paths", () => {
    for (const [table, column] of Object.entries(OWNER_NOTICE_COLUMNS)) {
      expect(ENTITY_CATALOGUE[table as keyof typeof ENTITY_CATALOGUE].ownerPath).toMatchObject({ kind: 'column', column });
    }
  });

  it('a table read beyond the view’s own records is not read by owner', async () => {
    const mine = await trustedView(h.db, { owner: 'user2@example.com' });
    expect(kpiReadSet(DASHBOARDS.sales, mine).ownerScoped).toContain('deals');
    expect(kpiReadSet(['first_response_time'], mine).ownerScoped).toContain('tickets');
    // Orders are their account owner's: never by owner. A survey response's owner is its own (derived) column.
    expect(kpiReadSet(['revenue'], mine).ownerScoped?.has('orders')).toBe(false);
    expect(kpiReadSet(['csat'], mine).ownerScoped).toContain('survey_responses');
    // CRM adoption reads activities from a users pass, not as its own records.
    expect(kpiReadSet(['crm_adoption_rate'], mine).ownerScoped?.has('activities')).toBe(false);
    expect(kpiReadSet(['crm_adoption_rate'], mine).tables).toContain('activities');
  });
});

describe('[KPI][CACHE] what the cache keeps is exact', () => {
  it('through a seeded storm on every write path, every kept result (numbers and drill-downs) equals a fresh computation', async () => {
    const teams = (await queryRows<{ name: string }>(h.db, sql`select name from teams where name not like 'Feed%' order by id limit 3`)).map((t) => t.name);
    const people = await queryRows<{ email: string }>(h.db, sql`select email from users where team_id is not null and email not like 'bulk%' order by id limit 4`);
    const owners = people.map((u) => u.email);
    const filterSets: KpiFilters[] = [{}, ...owners.map((owner) => ({ owner })), ...teams.map((team) => ({ team })), { team: teams[0], product: 'pro' }];
    const q = { from: day('2024-06-01'), to: day('2026-06-01') };
    const drillKeys: KpiKey[] = ['win_rate', 'won_revenue', 'first_response_time', 'lead_conversion_rate', 'pipeline_value', 'csat', 'data_completeness', 'upsell_cross_sell_rate'];
    interface Entry { label: string; compute: () => Promise<unknown>; reads: () => Promise<ReadSet> | ReadSet; drill: boolean }
    const entries: Entry[] = [];
    const views: { label: string; view: AuthorizedView }[] = [];
    for (const f of filterSets) views.push({ label: JSON.stringify(f), view: await trustedView(h.db, f) });
    // Viewers' own views: what a member and a manager may open is part of a drill-down.
    for (const email of owners.slice(0, 2)) {
      const viewer = await sessionUserByEmail(h.db, email);
      views.push({ label: `${email} mine`, view: await authorizeView(h.db, viewer, {}, 'mine') });
      views.push({ label: `${email} team`, view: await authorizeView(h.db, viewer, {}, 'team') });
    }
    for (const { label, view } of views) {
      // The dashboards, and a mix that reads deals both as its own records (win rate) and beyond them
      // (campaign ROI's attributed deals), as a goals list can: deals must not count as read by owner.
      const sets: [string, readonly KpiKey[]][] = [...Object.entries(DASHBOARDS), ['mix', ['win_rate', 'campaign_roi']]];
      for (const [dept, keys] of sets) {
        entries.push({ label: `${dept} ${label}`, drill: false, compute: () => computeKpis(h.db, view, { ...q, keys: [...keys] }), reads: () => kpiReadSet(keys, view) });
      }
      for (const [name, fn] of CHARTS) {
        entries.push({ label: `chart ${name} ${label}`, drill: true, compute: () => fn(h.db, view, q), reads: () => CHART_READS[name](view, q) });
      }
      for (const key of drillKeys) {
        const dq = { ...q, pageSize: 20 };
        entries.push({ label: `drill ${key} ${label}`, drill: true, compute: () => kpiDrilldown(h.db, view, key, dq), reads: () => drillReadSet(view, key, dq) });
      }
    }
    let kept = 0;
    let keptOfChangedTable = 0;
    const runs = new Map<string, number>();
    const read = async (e: Entry) => cache.get(e.label, async () => {
      runs.set(e.label, (runs.get(e.label) ?? 0) + 1);
      return e.compute();
    }, await e.reads());
    for (const e of entries) await read(e);

    const s: Storm = { db: h.db, rnd: prng(10), admin, counts: {} };
    // 24 random steps, then one that wins a campaign-attributed deal: campaign ROI reads deals beyond the
    // view's own records, so every view showing it must drop, whoever owns the deal.
    for (let i = 0; i < 25; i++) {
      const n = notices.length;
      const before = new Map(runs);
      if (i < 24) await stormStep(s);
      else await SQL_OPS.campaignDeal(s);
      await settled();
      const changed = new Set(notices.slice(n).map((x) => parseDataChange(x).table));
      for (const e of entries) {
        const held = await read(e);
        if (runs.get(e.label) !== before.get(e.label)) continue;
        kept++;
        const readSet = await e.reads();
        if ([...changed].some((t) => readSet.ownerScoped?.has(t))) keptOfChangedTable++;
        const fresh = await e.compute();
        const where = `${e.label} after step ${i} (${[...changed]})`;
        if (e.drill) expect(held, where).toEqual(fresh);
        else {
          const [a, b] = [held as Record<string, number | null>, fresh as Record<string, number | null>];
          for (const k of Object.keys(b)) expect(closeTo(a[k], b[k]), `${where} ${k}: kept ${a[k]}, fresh ${b[k]}`).toBe(true);
        }
      }
    }
    // The storm's writes reached some views and not others: kept results of tables that changed exist.
    expect(keptOfChangedTable, `kept ${kept}`).toBeGreaterThan(0);
  }, 600_000);

  it("a form save tells this process's cache at once, by owner: the saver's views drop, another rep's stay", async () => {
    await withLocalCache(async (local) => {
      const [a, b] = await queryRows<{ id: number; email: string }>(h.db, sql`
        select u.id, u.email from users u where u.active and u.team_id is not null and u.role = 'member'
          and exists (select 1 from deals d where d.owner_id = u.id and d.stage = 'won') order by u.team_id, u.id limit 2`);
      const q = { from: day('2000-01-01'), to: day('2100-01-01'), keys: ['won_revenue' as KpiKey, 'win_rate' as KpiKey] };
      let runs = 0;
      const viewA = await trustedView(h.db, { owner: a.email });
      const viewB = await trustedView(h.db, { owner: b.email });
      const get = (label: string, view: AuthorizedView) => local.get(label, async () => { runs++; return computeKpis(h.db, view, q); }, kpiReadSet(q.keys, view));
      await get('A', viewA);
      const bBefore = await get('B', viewB);
      const [d] = await queryRows<Record<string, string>>(h.db, sql`select id::text, name, amount::text, stage, type, coalesce(product, '') as product,
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as created_at, to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD') as closed_at,
        coalesce(account_id::text, '') as account_id, owner_id::text from deals where owner_id = ${a.id} and stage = 'won' order by id limit 1`);
      const user = await sessionUserByEmail(h.db, a.email);
      const res = await protectedAction('records.write', RECORD_FORMS.deals.schema, (input, who) => saveRecord(h.db, who, 'deals', input),
        { getUser: async () => user })(null, formData({ ...d, amount: String(Number(d.amount) + 1000) }));
      expect(res).toMatchObject({ ok: true });
      const n = runs;
      const aAfter = await get('A', viewA);
      expect(runs).toBe(n + 1);
      expect(aAfter).toEqual(await computeKpis(h.db, viewA, q));
      expect(await get('B', viewB)).toBe(bBefore);
      expect(runs).toBe(n + 1);
    });
  });

  it("a ticket reassigned moves its survey responses' derived owner: both owners' survey views drop at once, a third rep's stay", async () => {
    await withLocalCache(async (local) => {
      const [t] = await queryRows<Record<string, string>>(h.db, sql`select t.id::text, coalesce(t.subject, '') as subject, coalesce(t.channel, '') as channel,
          t.priority, coalesce(t.category, '') as category, t.assignee_id::text, coalesce(t.account_id::text, '') as account_id,
          to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
          coalesce(to_char(t.first_response_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') as first_response_at,
          coalesce(to_char(t.resolved_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '') as resolved_at,
          coalesce(t.contacts::text, '') as contacts, coalesce(t.handle_minutes::text, '') as handle_minutes
        from tickets t join users u on u.id = t.assignee_id
        where u.active and exists (select 1 from survey_responses s where s.ticket_id = t.id) order by t.id limit 1`);
      const others = await queryRows<{ id: number; email: string }>(h.db, sql`
        select u.id, u.email from users u where u.active and u.id <> ${Number(t.assignee_id)}::int
          and exists (select 1 from survey_responses s where s.owner_id = u.id) order by u.id limit 2`);
      const [a] = await queryRows<{ email: string }>(h.db, sql`select email from users where id = ${Number(t.assignee_id)}::int`);
      const [b, c] = others;
      const q = { from: day('2000-01-01'), to: day('2100-01-01'), keys: ['csat' as KpiKey, 'nps' as KpiKey, 'feedback_volume' as KpiKey] };
      let runs = 0;
      const views = { a: await trustedView(h.db, { owner: a.email }), b: await trustedView(h.db, { owner: b.email }), c: await trustedView(h.db, { owner: c.email }) };
      const get = (label: keyof typeof views) => local.get(label, async () => { runs++; return computeKpis(h.db, views[label], q); }, kpiReadSet(q.keys, views[label]));
      const before = { a: await get('a'), b: await get('b'), c: await get('c') };
      expect(runs).toBe(3);
      const admin = await sessionUserByEmail(h.db, 'user0@example.com');
      const res = await protectedAction('records.write', RECORD_FORMS.tickets.schema, (input, who) => saveRecord(h.db, who, 'tickets', input),
        { getUser: async () => admin })(null, formData({ ...t, assignee_id: String(b.id) }));
      expect(res).toMatchObject({ ok: true });
      const [moved] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from survey_responses where ticket_id = ${Number(t.id)}::int and owner_id = ${b.id}::int`);
      expect(moved.n).toBeGreaterThan(0);
      const aAfter = await get('a');
      const bAfter = await get('b');
      expect(runs).toBe(5);
      expect(aAfter).toEqual(await computeKpis(h.db, views.a, q));
      expect(bAfter).toEqual(await computeKpis(h.db, views.b, q));
      expect(bAfter.feedback_volume).toBe((before.b.feedback_volume ?? 0) + moved.n);
      expect(await get('c')).toBe(before.c);
      expect(runs).toBe(5);
    });
  });
});
