// [DB] The app's Postgres pool runs statements with parameters as named prepared statements (one
// round trip and one parse per connection, db/client.ts) while still planning each execution for its
// own values (plan_cache_mode = force_custom_plan). Postgres only: PGlite has no pool.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, queryRows, type DbHandle } from '@/db/client';
import { createTestDb, type TestDb } from '../helpers/test-db';

const url = process.env.DATABASE_URL;

describe.skipIf(!url)('[DB] prepared statements on the Postgres pool', () => {
  let t: TestDb;
  let h: DbHandle;
  beforeAll(async () => {
    t = await createTestDb();
    h = await openDb({ url: t.url!, max: 1, migrate: false }); // one connection: what it prepared is what we list
  }, 60_000);
  afterAll(async () => { await h?.close(); await t?.close(); });

  it('prepares a statement with parameters once and reuses it; custom plans', async () => {
    for (const n of [1, 2, 3]) {
      const [r] = await queryRows<{ v: number }>(h.db, sql`select ${n}::int + 1 as v /* prepared-probe */`);
      expect(r.v).toBe(n + 1);
    }
    const rows = await queryRows<{ n: number; custom: number; mode: string }>(h.db, sql.raw(`
      select count(*)::int as n, coalesce(sum(custom_plans), 0)::int as custom, current_setting('plan_cache_mode') as mode
      from pg_prepared_statements where statement like '%prepared-probe%' and statement not like '%pg_prepared_statements%'`));
    expect(rows).toEqual([{ n: 1, custom: 3, mode: 'force_custom_plan' }]);
  });
});
