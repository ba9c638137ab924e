// What an import run answers per file: its counts, its errors, and the one message that says what
// happened to it (written, a dry run, refused for its own errors or for another file's, cancelled).
import type { EntityName } from '@/lib/validation';
import type { ErrorLog, Rollback } from './errors';
import type { FileOutcome } from './process-file';
import type { ColumnMapping, ImportResult } from './types';

export function summary(o: { inserted: number; updated: number; unchanged: number }): string {
  return `${o.inserted} inserted, ${o.updated} updated, ${o.unchanged} unchanged`;
}

/** How a run ended, which every file's result and message depend on. */
export interface RunEnd {
  dryRun: boolean;
  committed: boolean;
  reason: Rollback['reason'] | null;
  crash: unknown;
  /** The files with errors (a clean file of a run with a bad one is not written either). */
  badFiles: string[];
}

function fileMessage(o: FileOutcome | null, errorCount: number, end: RunEnd): string {
  const { crash, reason, badFiles } = end;
  if (crash) return `The import failed and nothing was written: ${(crash as Error).message ?? String(crash)}`;
  if (reason === 'aborted') return 'The import was cancelled: nothing was written.';
  if (errorCount) return `${errorCount} error${errorCount === 1 ? '' : 's'}: nothing was written.`;
  if (reason === 'errors') return `Valid, but not written: ${badFiles.join(', ')} ${badFiles.length === 1 ? 'has' : 'have'} errors.`;
  if (end.dryRun) return `Dry run, nothing written: would be ${summary(o!)}.`;
  return `${summary(o!)}.`;
}

export function fileResult(s: { entity: EntityName; fileName: string; mapping?: ColumnMapping }, o: FileOutcome | null, log: ErrorLog, importId: number | null, end: RunEnd): ImportResult {
  const errorCount = log.count;
  return {
    ok: !end.crash && end.reason !== 'aborted' && errorCount === 0,
    committed: end.committed,
    entity: s.entity,
    fileName: s.fileName,
    importId,
    totalRows: o?.totalRows ?? 0,
    inserted: o?.inserted ?? 0,
    updated: o?.updated ?? 0,
    unchanged: o?.unchanged ?? 0,
    errors: log.sorted(),
    errorCount,
    mapping: o?.mapping ?? s.mapping ?? {},
    unknownValues: o?.unknownValues ?? {},
    skipped: o?.skipped ?? [],
    merged: o?.merged ?? 0,
    createdUsers: o?.createdUsers ?? [],
    distinctValues: o?.distinctValues ?? {},
    delimiter: o?.delimiter ?? null,
    message: fileMessage(o, errorCount, end),
    ...(end.dryRun ? { preview: o?.preview ?? [] } : {}),
  };
}
