// The `imports` history rows. Written OUTSIDE the data transaction (before it starts and after it
// ends: PGlite has one connection), so a failed or rolled-back import is recorded too. A process
// killed mid-import never finishes its row: the data transaction holds an advisory lock per running
// row, (RUNNING_LOCK, history id), so any process can tell a dead import's row (lock free) from a live
// one's, row by row. closeInterrupted is the one place that decides; the CLI and the import core call
// it before importing, /admin/imports and /api/imports/status whenever they are read, so every app
// instance shows the truth as soon as anyone looks.
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { imports } from '@/db/schema';
import type { ColumnMapping, ImportResult } from './types';

/** Errors stored in detail in the history row. */
const STORED_ERRORS = 1000;

/**
 * History rows of imports running in THIS process. Their lock is only held inside the data transaction,
 * so for a moment before it starts and after it ends a live row has no lock; this process never
 * mistakes its own rows for dead ones (PGlite: one session, so only this set can tell).
 */
const g = globalThis as unknown as { __crmLiveImports?: Set<number> };
const liveHere: Set<number> = (g.__crmLiveImports ??= new Set());

/**
 * Another process's row is given this long to take its lock after it was written (its transaction may
 * wait for a pooled connection). A row dead before it took its lock is closed after it.
 */
export const LOCK_GRACE_SECONDS = 10;

export const INTERRUPTED_MESSAGE = 'Interrupted: the import stopped before it finished (its process ended); nothing was written.';

export async function startHistory(
  db: Db,
  e: { entity: string; fileName: string; userId: number | null; mapping?: ColumnMapping },
): Promise<number> {
  const [row] = await db.insert(imports).values({
    entity: e.entity, fileName: e.fileName, userId: e.userId, state: 'running', mapping: e.mapping ?? null,
  }).returning({ id: imports.id });
  liveHere.add(row.id);
  return row.id;
}

/** Marks history rows as one run (written in one transaction): an undo reverts them together. */
export async function linkRun(db: Db, ids: number[]): Promise<void> {
  if (ids.length < 2) return;
  await db.execute(sql`update imports set run_id = ${Math.min(...ids)}
    where id in (select x::int from json_array_elements_text(${JSON.stringify(ids)}::json) as x)`);
}

export async function finishHistory(db: Db, id: number, r: ImportResult): Promise<void> {
  // A rolled-back import wrote nothing: its history must not claim rows were inserted or updated.
  const written = r.committed;
  try {
    await writeFinished(db, id, r, written);
  } finally {
    liveHere.delete(id);
  }
}

async function writeFinished(db: Db, id: number, r: ImportResult, written: boolean): Promise<void> {
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
 * THE check for interrupted imports (killed, crashed, lost the database): a 'running' row whose lock
 * nobody holds, that is not running in this process and is older than the grace period. Its
 * transaction rolled back, so nothing was written: it becomes 'interrupted'; unless the transaction
 * got as far as committing (its audit row exists), in which case it succeeded. A live import of
 * another instance or of the CLI holds its lock and is left alone. Returns the ids it closed.
 */
export async function closeInterrupted(db: Db, opts: { graceSeconds?: number } = {}): Promise<number[]> {
  const grace = Math.max(0, Math.floor(opts.graceSeconds ?? LOCK_GRACE_SECONDS));
  const rows = await queryRows<{ id: number }>(db, sql`
    update imports i set
      state = case when a.id is null then 'interrupted' else 'succeeded' end,
      processed_rows = coalesce((a.after->>'totalRows')::int, 0),
      total_rows = coalesce((a.after->>'totalRows')::int, i.total_rows),
      inserted = coalesce((a.after->>'inserted')::int, 0),
      updated = coalesce((a.after->>'updated')::int, 0),
      unchanged = coalesce((a.after->>'unchanged')::int, 0),
      message = case when a.id is null then ${INTERRUPTED_MESSAGE}
        else 'Imported; its process ended before it recorded the result.' end,
      finished_at = now()
    from (
      select id from imports
      where state = 'running'
        -- CASE: the lock is only tried on rows that pass the other tests (AND has no set order). An
        -- acquired lock is released when this statement ends (autocommit).
        and case when started_at <= now() - make_interval(secs => ${grace})
            and not id = any(select x::int from json_array_elements_text(${JSON.stringify([...liveHere])}::json) as x)
          then pg_try_advisory_xact_lock(${RUNNING_LOCK}, id) else false end
    ) s
    left join audit_log a on a.action = 'import' and a.entity_id = s.id::text
    where i.id = s.id
    returning i.id`);
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
