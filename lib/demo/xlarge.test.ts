// [DEMO][SEED] What only the xlarge scale reaches, checked without seeding it (an xlarge seed takes a
// quarter of an hour): a million distinct account names, external ids past 10^7 that keep every digit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { nameSql } from './accounts';
import { scaleTargets } from './config';
import { externalIdSql } from './context';

let t: TestDb;
beforeAll(async () => { t = await createTestDb(); }, 60_000);
afterAll(async () => { await t?.close(); });

describe('[DEMO][SEED] the xlarge scale', () => {
  it('has the targets of targets.md', () => {
    expect(scaleTargets('xlarge')).toEqual({
      accounts: 1_000_000, leads: 10_000_000, deals: 5_000_000, orders: 10_000_000, tickets: 10_000_000,
      surveyResponses: 5_000_000, activities: 20_000_000,
    });
  });

  it('names every one of its million accounts differently (a number only past the first 105,600)', async () => {
    const [r] = await queryRows<{ n: number; distinct: number; first: string; last: string }>(t.db, sql.raw(`
      select count(*)::int as n, count(distinct name)::int as distinct,
        min(name) filter (where id = 105600) as first, min(name) filter (where id = 1000000) as last
      from (select id, ${nameSql(42)} as name from generate_series(1, 1000000) as id) x`));
    expect(r).toMatchObject({ n: 1_000_000, distinct: 1_000_000 });
    // Up to large (100k accounts) names end with a city; past the combinations with cities, a number.
    expect(r.first).not.toMatch(/\d$/);
    expect(r.last).toMatch(/ 10$/);
  }, 60_000);

  it('keeps every digit of external ids wider than the padding', async () => {
    const rows = await queryRows<{ e: string }>(t.db, sql.raw(`
      select ${externalIdSql('LEAD', 'id', 7)} as e from unnest(array[1, 1000000, 9999999, 10000000, 12345678]) as id`));
    expect(rows.map((r) => r.e)).toEqual(['LEAD-0000001', 'LEAD-1000000', 'LEAD-9999999', 'LEAD-10000000', 'LEAD-12345678']);
  });
});
