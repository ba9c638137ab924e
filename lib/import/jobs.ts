// Background commits of browser imports: importFile runs in the server process (not awaited by the
// request), the page polls the status. Cancel aborts the core's transaction, so nothing is written.
// A server restart loses the job: its history row's lock is gone with the process, so
// closeInterrupted (lib/import/history.ts, the one place that decides) marks it 'interrupted'.
import 'server-only';
import type { Db } from '@/db/client';
import type { FileFormat, ImportRules } from './rules';
import { importFile } from './run';
import type { ColumnMapping, ValueMapping } from './types';
import type { JobInfo } from './api-types';
import type { Upload } from './upload-store';

/** A running or finished job: what its starter sees (JobInfo) and what only the server holds. */
export interface ImportJob extends JobInfo {
  controller: AbortController;
  /** The starter's session version: their polls and cancel are checked against it (api-guard). */
  sessionVersion: number;
}

const g = globalThis as unknown as { __crmImportJobs?: Map<string, ImportJob> };
const jobs: Map<string, ImportJob> = (g.__crmImportJobs ??= new Map());

export function getJob(uploadId: string, userId: number): ImportJob | null {
  const j = jobs.get(uploadId);
  return j && j.userId === userId ? j : null;
}

export function hasRunningJob(): boolean {
  return [...jobs.values()].some((j) => j.state === 'running');
}

/** The job of `uploadId` whoever started it (api-guard checks the owner). */
export function findJob(uploadId: string): ImportJob | null {
  return jobs.get(uploadId) ?? null;
}

export function startImportJob(db: Db, upload: Upload, entity: string, map: { mapping: ColumnMapping; values?: ValueMapping; rules?: ImportRules; format?: FileFormat }, sessionVersion: number): ImportJob {
  const controller = new AbortController();
  const job: ImportJob = {
    uploadId: upload.id, userId: upload.userId, state: 'running', rowsDone: 0, rowsTotal: upload.rows,
    bytesDone: 0, bytesTotal: upload.bytes, controller, sessionVersion,
  };
  jobs.set(upload.id, job);
  void importFile(db, {
    entity, path: upload.path, fileName: upload.fileName, mapping: map.mapping, values: map.values, rules: map.rules, format: map.format, userId: upload.userId, signal: controller.signal,
    onProgress: (p) => { job.rowsDone = p.rowsDone; job.bytesDone = p.bytesDone; },
  }).then((r) => {
    job.result = {
      ok: r.ok, committed: r.committed, importId: r.importId, inserted: r.inserted, updated: r.updated,
      unchanged: r.unchanged, errorCount: r.errorCount, message: r.message, totalRows: r.totalRows,
    };
    job.rowsDone = r.totalRows;
    job.state = r.committed ? 'done' : controller.signal.aborted ? 'cancelled' : 'failed';
  }).catch((err: unknown) => {
    console.error('[import] background import failed:', err);
    job.state = controller.signal.aborted ? 'cancelled' : 'failed';
    job.result = { ok: false, committed: false, importId: null, inserted: 0, updated: 0, unchanged: 0, errorCount: 0, totalRows: job.rowsDone, message: 'The import failed. Nothing was written.' };
  });
  return job;
}

export function publicJob(j: ImportJob): JobInfo {
  const { controller: _c, sessionVersion: _sv, ...rest } = j;
  return rest;
}

