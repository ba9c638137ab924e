// The `imports` history rows. Written OUTSIDE the data transaction (before it starts and after it
// ends: PGlite has one connection), so a failed or rolled-back import is recorded too. A process
// killed mid-import never finishes its row: the data transaction holds an advisory lock per running
// row, so a later import can tell a dead import's row (lock free) from a live one's and close it.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { imports } from '@/db/schema';
import type { ColumnMapping, ImportResult } from './types';

/** Errors stored in detail in the history row. */
const STORED_ERRORS = 1000;

export async function startHistory(
  db: Db,
  e: { entity: string; fileName: string; userId: number | null; mapping?: ColumnMapping },
): Promise<number> {
  const [row] = await db.insert(imports).values({
    entity: e.entity, fileName: e.fileName, userId: e.userId, state: 'running', mapping: e.mapping ?? null,
  }).returning({ id: imports.id });
  return row.id;
}

export async function finishHistory(db: Db, id: number, r: ImportResult): Promise<void> {
  // A rolled-back import wrote nothing: its history must not claim rows were inserted or updated.
  const written = r.committed;
  await db.update(imports).set({
    state: r.committed ? 'succeeded' : 'failed',
    totalRows: r.totalRows,
    processedRows: r.totalRows,
    inserted: written ? r.inserted : 0,
    updated: written ? r.updated : 0,
    unchanged: written ? r.unchanged : 0,
    mapping: r.mapping,
    errors: r.errors.slice(0, STORED_ERRORS),
    errorCount: r.errorCount,
    message: r.message,
    finishedAt: new Date(),
  }).where(eq(imports.id, id));
}

/** Advisory-lock key space of running imports: (RUNNING_LOCK, history id). */
const RUNNING_LOCK = 0x1e0c;

/** Inside the data transaction: marks these history rows as owned by a live import until it ends. */
export async function holdRunning(tx: Pick<Db, 'execute'>, ids: number[]): Promise<void> {
  if (!ids.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${RUNNING_LOCK}, x::int)
    from json_array_elements_text(${JSON.stringify(ids)}::json) as x`);
}

/**
 * Closes the history rows of imports whose process died (killed, crashed, lost the database): still
 * 'running' but nobody holds their lock. Their transaction rolled back, so nothing was written,
 * unless it got as far as committing (its audit row exists), in which case it succeeded. Returns the
 * ids it closed.
 */
export async function closeInterrupted(db: Db): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(db, sql`
    update imports i set
      state = case when a.id is null then 'failed' else 'succeeded' end,
      inserted = coalesce((a.after->>'inserted')::int, 0),
      updated = coalesce((a.after->>'updated')::int, 0),
      unchanged = coalesce((a.after->>'unchanged')::int, 0),
      message = case when a.id is null
        then 'Interrupted: the import stopped before it finished (its process ended); nothing was written.'
        else 'Imported; its process ended before it recorded the result.' end,
      finished_at = now()
    from (select id from imports where state = 'running' and pg_try_advisory_xact_lock(${RUNNING_LOCK}, id)) s
    left join audit_log a on a.action = 'import' and a.entity_id = s.id::text
    where i.id = s.id
    returning i.id`);
  return rows.map((r) => r.id);
}
