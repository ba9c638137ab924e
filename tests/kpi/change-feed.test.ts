// [KPI][CACHE] The change feed behind the KPI result cache, on a real database (PGlite, and Postgres
// when DATABASE_URL is set): migration 0002's triggers announce committed changes (not rolled-back
// ones) from any writer, and a cache fed by them never serves a number from before a change.
import { trustedView } from '@/lib/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { DATA_CHANGED_TABLES, queryRows } from '@/db/client';
import { accounts, activities, orders, teams, users } from '@/db/schema';
import { DASHBOARDS, KPI_KEYS, kpiReadSet } from '@/lib/kpi';

const kpiReadTables = (...args: Parameters<typeof kpiReadSet>) => kpiReadSet(...args).tables;
import { computeKpis } from '@/tests/helpers/engine-views';
import { ResultCache, cacheKey, parseDataChange } from '@/lib/kpi/result-cache';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { day, importGolden } from './golden-data';

let h: TestDb;
let changes = 0;
const payloads: string[] = [];
const lives: boolean[] = [];
const cache = new ResultCache({ ttlMs: 60_000, maxEntries: 100 });
let stop: () => void = () => {};

async function until(cond: () => boolean, what: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
  stop = h.watchChanges((payload) => { changes++; payloads.push(payload); cache.invalidate([parseDataChange(payload)]); }, (live) => { lives.push(live); cache.setLive(live); });
  await until(() => lives.at(-1) === true, 'the feed to start');
});
afterAll(async () => {
  stop();
  await h?.close();
});

describe('[KPI][CACHE] the change feed', () => {
  it('announces a committed change, once per transaction however many statements it ran', async () => {
    const before = changes;
    await h.db.transaction(async (tx) => {
      await tx.insert(teams).values({ name: 'Feed A' });
      await tx.insert(teams).values({ name: 'Feed B' });
    });
    await until(() => changes > before, 'the notice');
    await new Promise((r) => setTimeout(r, 200));
    expect(changes).toBe(before + 1);
  });

  it('announces a change to the goals (migration 0021), whoever wrote it: the goal badges\' rows are shared through it', async () => {
    const before = payloads.length;
    // A statement-level trigger: a statement that touches no row still says the table may have changed.
    await h.db.execute(sql`update goals set title = title where false`);
    await until(() => payloads.length > before, 'the notice');
    expect(payloads.slice(before)).toEqual(['goals']);
  });

  it('says nothing of a rolled-back change', async () => {
    const before = changes;
    await expect(h.db.transaction(async (tx) => {
      await tx.insert(teams).values({ name: 'Feed C' });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    await new Promise((r) => setTimeout(r, 300));
    expect(changes).toBe(before);
  });

  it('a cached KPI is recomputed after a change, and only then', async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), keys: ['revenue' as const] };
    let runs = 0;
    const revenue = () => cache.get(cacheKey('computeKpis', [q]), async () => { runs++; return computeKpis(h.db, q); });
    const first = (await revenue()).revenue!;
    expect((await revenue()).revenue).toBe(first);
    expect(runs).toBe(1);

    const [account] = await h.db.select({ id: accounts.id }).from(accounts).limit(1);
    const before = changes;
    await h.db.insert(orders).values({ externalId: 'FEED-1', accountId: account.id, orderedAt: day('2025-06-01'), amount: 1234.5 });
    await until(() => changes > before, 'the notice');
    expect((await revenue()).revenue).toBeCloseTo(first + 1234.5, 6);
    expect(runs).toBe(2);
  });

  it.runIf(!!process.env.DATABASE_URL)('is marked lost when its connection drops, and comes back by itself', async () => {
    const n = lives.length;
    const admin = postgres(h.url!, { max: 1, onnotice: () => {} });
    try {
      await admin`select pg_terminate_backend(pid) from pg_stat_activity
                  where datname = current_database() and query ilike 'listen%' and pid <> pg_backend_pid()`;
    } finally {
      await admin.end();
    }
    await until(() => lives.slice(n).includes(false), 'the feed to be marked lost');
    expect(cache.isLive).toBe(lives.at(-1));
    await until(() => lives.at(-1) === true, 'the feed to come back');
    const before = changes;
    await h.db.execute(sql`update teams set name = name where name = 'Feed A'`);
    await until(() => changes > before, 'a notice after the reconnect');
  });
});

describe('[KPI][CACHE] what a cached result reads', () => {
  it('the tables that announce changes are exactly those with the trigger', async () => {
    const rows = await queryRows<{ t: string }>(h.db, sql`select distinct c.relname as t from pg_trigger g join pg_class c on c.oid = g.tgrelid
      where g.tgname like '%\_data\_changed%' and not g.tgisinternal order by 1`);
    expect(rows.map((r) => r.t)).toEqual([...DATA_CHANGED_TABLES].sort());
  });

  it('is read off the engine SQL: activities only for the adoption KPI; filters add users and teams', async () => {
    expect(kpiReadTables(['crm_adoption_rate']).has('activities')).toBe(true);
    const sales = kpiReadTables(DASHBOARDS.sales);
    expect(sales.has('deals')).toBe(true);
    expect(sales.has('activities')).toBe(false);
    expect(sales.has('tickets')).toBe(false);
    expect(kpiReadTables(['first_response_time']).has('tickets')).toBe(true);
    const byTeam = kpiReadTables(['win_rate'], await trustedView(h.db, { team: 'North' }));
    expect(byTeam.has('users') || byTeam.has('teams')).toBe(true);
    const bySegment = await trustedView(h.db, { team: 'North', segment: 'SMB' });
    for (const key of KPI_KEYS) {
      for (const t of kpiReadTables([key], bySegment)) {
        // Every table name it finds is a real table (nothing else is after FROM/JOIN in the engine's SQL).
        expect([...DATA_CHANGED_TABLES, 'imports', 'audit_log'], `${key}: ${t}`).toContain(t);
      }
    }
  });

  it('a cached sales number survives a sign-in (an activities row) and is dropped by a deal', async () => {
    const q = { from: day('2025-01-01'), to: day('2026-01-01'), keys: ['win_rate' as const] };
    let runs = 0;
    const winRate = () => cache.get(cacheKey('win', [q]), async () => { runs++; return computeKpis(h.db, q); }, kpiReadTables(q.keys));
    await winRate();
    const [user] = await h.db.select({ id: users.id }).from(users).limit(1);
    let before = changes;
    await h.db.insert(activities).values({ userId: user.id, kind: 'login', occurredAt: new Date() });
    await until(() => changes > before, 'the activity notice');
    await winRate();
    expect(runs).toBe(1);
    before = changes;
    await h.db.execute(sql`update deals set amount = amount where id = (select min(id) from deals)`);
    await until(() => changes > before, 'the deal notice');
    await winRate();
    expect(runs).toBe(2);
  });
});
