// The `imports` history rows. Written OUTSIDE the data transaction (before it starts and after it
// ends: PGlite has one connection), so a failed or rolled-back import is recorded too.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
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
