// The demo company generator: one transaction that empties the database and writes two years of a
// realistic CRM at the chosen scale. Rerunnable (it replaces everything), deterministic (same seed and
// same `now` give the same rows), fast (every big table is one INSERT ... SELECT over generate_series,
// with the triggers, foreign-key checks and secondary indexes set aside meanwhile: ./bulk.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { insertAccounts } from './accounts';
import { beginBulk, endBulk } from './bulk';
import { insertActivities } from './activities';
import { makeCalendar } from './calendar';
import { SCALE_FACTOR, scaleTargets, type DemoScale, type SeedOptions } from './config';
import type { SeedContext } from './context';
import { countRows, type TableCounts } from './counts';
import { insertDeals } from './deals';
import { insertDemoGoals } from './goals';
import { insertLeads } from './leads';
import { insertCampaigns, insertExpenses } from './marketing';
import { demoPeople, insertPeople } from './people';
import { resetSequences, truncateAll } from './reset';
import { insertOrders } from './revenue';
import { SqlRand, ts } from './sql-rand';
import { insertSurveyResponses, insertTickets } from './support';
import { now as clockNow } from '@/lib/clock';

export interface SeedResult {
  scale: DemoScale;
  seed: number;
  now: Date;
  seconds: number;
  counts: TableCounts;
}

/** Sales reps and support agents hired per team beyond the named people (a bigger company, more staff). */
const EXTRA_STAFF: Record<DemoScale, { sales: number; support: number }> = {
  small: { sales: 0, support: 0 },
  medium: { sales: 2, support: 1 },
  large: { sales: 6, support: 3 },
  xlarge: { sales: 12, support: 6 },
};

export async function seedDemo(db: Db, opts: SeedOptions = {}): Promise<SeedResult> {
  const scale = opts.scale ?? 'small';
  const seed = opts.seed ?? 42;
  // Whole seconds: timestamps stay readable and a rerun with the same `now` is identical.
  const now = new Date(Math.floor((opts.now ?? clockNow()).getTime() / 1000) * 1000);
  const log = opts.log ?? (() => {});
  const started = performance.now();
  const cal = makeCalendar(now);
  const defs = demoPeople(EXTRA_STAFF[scale]);

  await db.transaction(async (tx) => {
    const step = async (name: string, fn: () => Promise<void>) => {
      const t = performance.now();
      await fn();
      log(`${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    };
    await step('emptied the database', () => truncateAll(tx));
    const bulk = await beginBulk(tx);
    const people = await insertPeople(tx, defs, cal.start, now);
    const ctx: SeedContext = {
      tx, rand: new SqlRand(seed), cal, f: SCALE_FACTOR[scale], targets: scaleTargets(scale), people,
      now: ts(now), start: ts(cal.start),
    };
    await step('campaigns', () => insertCampaigns(ctx));
    await step('expenses', () => insertExpenses(ctx));
    await step('accounts', () => insertAccounts(ctx, seed));
    const [{ n: opened }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from demo_acc where not legacy`);
    await step('leads', () => insertLeads(ctx));
    await step('deals', () => insertDeals(ctx, opened));
    await step('orders', () => insertOrders(ctx));
    await step('tickets', () => insertTickets(ctx));
    await step('survey responses', () => insertSurveyResponses(ctx));
    await step('activities', () => insertActivities(ctx, defs));
    await resetSequences(tx);
    await endBulk(tx, bulk, step);
    // Goals read KPIs (their baselines): after the summaries and statistics are back.
    await step('goals', async () => { await insertDemoGoals(tx, now); });
  });
  const counted = performance.now();
  const counts = await countRows(db);
  log(`counted the rows (${((performance.now() - counted) / 1000).toFixed(1)} s)`);
  return { scale, seed, now, seconds: (performance.now() - started) / 1000, counts };
}
