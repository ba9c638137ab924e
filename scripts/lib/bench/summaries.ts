// What the exact summaries cost and save, for the bench: their row counts beside the raw tables'
// (compression), and switching their triggers off on a bench database to time a record save without
// them (the summaries are rebuilt afterwards, so the database is exact again).
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { SUMMARY_TABLES } from '@/db/schema/summary-defs';
import { rebuildSummaries, vacuumSummaries } from '@/lib/kpi/summary/rollups';

/** Rows of each summary table, with the raw rows it summarises. */
export async function summaryRowCounts(db: Pick<Db, 'execute'>): Promise<{ table: string; rows: number; records: number }[]> {
  const out: { table: string; rows: number; records: number }[] = [];
  for (const d of SUMMARY_TABLES) {
    const [r] = await queryRows<{ rows: number; records: number }>(db, sql.raw(
      `select (select count(*)::int from ${d.name}) as rows, (select coalesce(sum(n), 0)::int from ${d.name}${d.defs[0].anyOwner ? ' where owner_id = 0' : ''}) as records`));
    out.push({ table: d.name, rows: Number(r.rows), records: Number(r.records) });
  }
  return out;
}

const TRIGGERS: Record<string, string[]> = {
  // A deal's summaries and its upsell chain (a ticket's chain follows its account touches, a summary).
  deals: ['deals_summary_ins', 'deals_summary_upd', 'deals_summary_del', 'deals_upsell_chain_ins', 'deals_upsell_chain_upd', 'deals_upsell_chain_del'],
  tickets: ['tickets_summary_ins', 'tickets_summary_upd', 'tickets_summary_del'],
};

/** Turns the summary triggers of deals and tickets off (a bench measurement) or on again, rebuilds and vacuums. */
export async function setSummaryTriggers(db: Db, on: boolean): Promise<void> {
  for (const [table, names] of Object.entries(TRIGGERS)) {
    for (const t of names) await db.execute(sql.raw(`alter table ${table} ${on ? 'enable' : 'disable'} trigger ${t}`));
  }
  // Rebuilt and vacuumed: the database is as the seed left it (exact, its pages all-visible), so what
  // runs after (the load) does not read freshly written summary pages through the heap.
  if (on) {
    await rebuildSummaries(db);
    await vacuumSummaries(db);
  }
}
