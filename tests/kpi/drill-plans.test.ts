// [KPI][DRILLDOWN] Data completeness's drill-down (least complete records first) reads one page through
// an index of the very expression it sorts by, for a view of every owner as for one owner's: without
// it an admin's drill sorted every account, lead and deal (420 ms at large, seconds at xlarge). An index
// serves the ORDER BY only while its expression is the drill's, character for character
// (db/schema/completeness.ts), so this reads the plan of the SQL the drill-down really sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import type { SessionUser } from '@/lib/access';
import type { QueryDb } from '@/db/client';
import { queryRows } from '@/db/client';
import { kpiDrilldown } from '@/tests/helpers/engine-views';
import { day, importGolden } from './golden-data';

const admin: SessionUser = { id: 0, email: 'admin@test', name: 'Admin', role: 'admin', department: null, teamId: null, managedTeamIds: [] };
const dialect = new PgDialect();
let h: TestDb;

beforeAll(async () => {
  h = await createTestDb();
  await importGolden(h.db);
});
afterAll(async () => h?.close());

/** The queries `run` sends, run for real. */
async function captured(run: (db: QueryDb) => Promise<unknown>): Promise<SQL[]> {
  const sent: SQL[] = [];
  const db: QueryDb = { execute: ((q: SQL) => { sent.push(q); return h.db.execute(q); }) as QueryDb['execute'] };
  await run(db);
  return sent;
}

describe('[KPI][DRILLDOWN] data completeness reads a page by index', () => {
  for (const [who, filters] of [['every owner', {}], ['one owner', { owner: '2' }]] as const) {
    it(`${who}: each kind's least complete records come from an index on (filled fields, …, id)`, async () => {
      const sent = await captured((db) => kpiDrilldown(db, 'data_completeness', { from: day('2024-01-01'), to: day('2025-01-01'), filters, viewer: admin, pageSize: 25 }));
      const page = sent.find((q) => /order by "value" asc, id asc limit/.test(dialect.sqlToQuery(q).sql));
      expect(page, 'the drill-down sends its page query').toBeDefined();
      // The golden tables are small enough to scan: forbid scans and sorts so that the plan shows
      // which index could serve each kind's ORDER BY … LIMIT (a sort is still used where none can).
      const plan = await h.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_sort = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        return queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${page!}`);
      });
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      const expected = who === 'every owner'
        ? ['accounts_filled_idx', 'leads_filled_idx', 'deals_filled_idx']
        : ['accounts_owner_idx', 'leads_owner_idx', 'deals_owner_filled_idx'];
      for (const index of expected) expect(text, text).toContain(`Index Scan using ${index}`);
      // One sort at most: the merge of the three kinds' pages, never one over a kind's rows.
      expect(text.match(/-> {2}Sort|^Sort|Incremental Sort/gm)?.length ?? 0, text).toBeLessThanOrEqual(1);
    });
  }
});
