// Bulk-load mode of the seed transaction. Inserting millions of rows one statement at a time is cheap;
// what costs is the work every row drags along: the summary triggers (lib/kpi/summary), the foreign-key
// checks (one index probe per reference per row) and the secondary indexes (random inserts into
// B-trees larger than the cache at large scales). Measured at medium on 100k leads: 6.4 s with all of
// them, 0.9 s without. So the seed turns them off for its bulk inserts and does each once at the end:
// the indexes are rebuilt by sorting, the summaries recomputed with the rollups' rebuild. Everything
// happens inside the seed's one transaction, so a failure leaves the database (and its triggers) as it was.
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db/client';
import { rebuildSummaries } from '@/lib/kpi/summary/rollups';
import type { Tx } from './context';

/** The tables the generator fills in bulk (the small ones are not worth it). */
const BULK_TABLES = ['accounts', 'leads', 'deals', 'orders', 'tickets', 'survey_responses', 'activities'];
const inList = BULK_TABLES.map((t) => `'${t}'`).join(', ');

export interface BulkState {
  /** Enabled user triggers (the summaries') that were disabled: table and trigger name. */
  triggers: { tbl: string; name: string }[];
  /** Definitions of the secondary indexes that were dropped (constraint indexes stay). */
  indexes: string[];
  /** Whether the foreign-key checks were skipped (session_replication_role, superusers only). */
  replica: boolean;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Before the bulk inserts: memory for sorts and index builds, the summary triggers disabled, the
 * secondary indexes dropped, and (for a superuser, as in development, the bench and PGlite) the
 * foreign-key checks skipped: the generator builds every reference from the referenced rows.
 */
export async function beginBulk(tx: Tx): Promise<BulkState> {
  // SET LOCAL: only this transaction. Memory for the generators' sorts (ids in order of creation) and
  // the summaries' grouped rebuild, and for the index builds: fewer passes over temporary files.
  await tx.execute(sql.raw(`set local work_mem = '128MB'`));
  await tx.execute(sql.raw(`set local maintenance_work_mem = '256MB'`));
  const [{ su }] = await queryRows<{ su: boolean }>(tx, sql`select rolsuper as su from pg_roles where rolname = current_user`);
  if (su) await tx.execute(sql.raw(`set local session_replication_role = replica`));
  const triggers = await queryRows<{ tbl: string; name: string }>(tx, sql.raw(`
    select c.relname as tbl, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and t.tgenabled <> 'D' and c.relname in (${inList})
      and c.relnamespace = 'public'::regnamespace order by 1, 2`));
  for (const t of triggers) await tx.execute(sql.raw(`alter table ${ident(t.tbl)} disable trigger ${ident(t.name)}`));
  const idx = await queryRows<{ name: string; def: string }>(tx, sql.raw(`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class c on c.oid = i.indrelid
    where c.relname in (${inList}) and c.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by 1`));
  for (const i of idx) await tx.execute(sql.raw(`drop index ${i.name}`));
  return { triggers, indexes: idx.map((i) => i.def), replica: su };
}

/**
 * After the bulk inserts: the indexes built again, the triggers enabled, the summaries rebuilt from
 * the rows, and fresh statistics, so the steps after this (goals read KPIs) and the first dashboards
 * get good plans. Each part is timed by `step` for the seed's log.
 */
export async function endBulk(tx: Tx, state: BulkState, step: (name: string, fn: () => Promise<void>) => Promise<void>): Promise<void> {
  await step(`indexes (${state.indexes.length} built)`, async () => {
    for (const def of state.indexes) await tx.execute(sql.raw(def));
  });
  // Derived columns (order chains, converting leads, survey owners) while the triggers are still off; the rebuild
  // below then finds none to fix.
  await step('derived columns', async () => { await tx.execute(sql`select crm_derived_rebuild()`); });
  if (state.replica) await tx.execute(sql.raw(`set local session_replication_role = origin`));
  for (const t of state.triggers) await tx.execute(sql.raw(`alter table ${ident(t.tbl)} enable trigger ${ident(t.name)}`));
  await step('summaries rebuilt', () => rebuildSummaries(tx));
  await step('statistics (analyze)', async () => { await tx.execute(sql`analyze`); });
}
