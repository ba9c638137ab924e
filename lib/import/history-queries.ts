// Read side of the `imports` history (lib/import/history.ts writes it): the /admin/imports table and
// the stored error report of one import. Admins only.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { imports, users } from '@/db/schema';
import { assertCan, type SessionUser } from '@/lib/access';
import { closeInterrupted } from './history';

export interface ImportHistoryRow {
  id: number; entity: string; fileName: string; state: string; startedAt: Date;
  totalRows: number; inserted: number; updated: number; unchanged: number; errorCount: number;
  message: string | null; who: string | null; runId: number | null;
}

/**
 * The latest imports, newest first. Every read shows the truth: a 'running' row whose importer died
 * (any instance, or the CLI) is closed first; failing to close one does not hide the history.
 */
export async function importHistory(db: Db, viewer: SessionUser, opts: { limit?: number } = {}): Promise<ImportHistoryRow[]> {
  assertCan(viewer, 'admin.imports');
  await closeInterrupted(db).catch((err: unknown) => console.error('[imports] closing interrupted imports failed:', err));
  return db.select({
    id: imports.id, entity: imports.entity, fileName: imports.fileName, state: imports.state, startedAt: imports.startedAt,
    totalRows: imports.totalRows, inserted: imports.inserted, updated: imports.updated, unchanged: imports.unchanged,
    errorCount: imports.errorCount, message: imports.message, who: users.name, runId: imports.runId,
  }).from(imports).leftJoin(users, eq(users.id, imports.userId)).orderBy(desc(imports.startedAt), desc(imports.id)).limit(opts.limit ?? 50);
}

/** The errors stored with import `id` and its file name, or null for no such import. */
export async function importErrors(db: Db, viewer: SessionUser, input: { id: number }): Promise<{ fileName: string; errors: { row: number; column: string; message: string }[] } | null> {
  assertCan(viewer, 'admin.imports');
  const [row] = await db.select({ errors: imports.errors, fileName: imports.fileName }).from(imports).where(eq(imports.id, input.id));
  return row ?? null;
}
