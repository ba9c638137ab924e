// Uploaded CSV files for the browser import: the request body is streamed to a temp file (never held in
// memory), with a byte limit and a row limit checked while streaming. Files are only ever parsed by the
// import core; they are never served back or executed. Metadata lives in memory (one server process).
import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileChecks, ImportError } from './api-types';
import type { FileFormat, ImportRules } from './rules';
import { scanFile } from './scan';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 1_000_000;
export const UPLOAD_LIMITS_TEXT = `CSV files up to 200 MB and ${MAX_UPLOAD_ROWS.toLocaleString('en-US')} rows.`;
const DIR = path.join(os.tmpdir(), 'crm-uploads');
const MAX_AGE_MS = 24 * 3_600_000;

/** An uploaded file and what reading it found (FileChecks, sent to the page as they are). */
export interface Upload extends FileChecks {
  id: string; userId: number; fileName: string; path: string; bytes: number; rows: number; headers: string[]; createdAt: number;
  /** The last dry run: the mapping it used and its error count (commit needs a clean one for the same mapping). */
  checked?: { entity: string; mappingKey: string; errorCount: number; errors: ImportError[] };
}

export class UploadLimitError extends Error {}

// Shared through globalThis: Next may load route handlers and pages as separate module instances.
const g = globalThis as unknown as { __crmUploads?: Map<string, Upload> };
export const uploads: Map<string, Upload> = (g.__crmUploads ??= new Map());

/** A safe display name: the base name only, printable characters, bounded length. */
export function cleanFileName(name: string | null): string {
  const base = path.basename(String(name ?? '').replace(/\\/g, '/')).replace(/[^\w.\- ()]/g, '_').slice(0, 120);
  return base || 'upload.csv';
}

/** Counts newlines and bytes as the body passes; aborts past the limits. */
function limiter(stats: { bytes: number; lines: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      stats.bytes += chunk.length;
      if (stats.bytes > MAX_UPLOAD_BYTES) return done(new UploadLimitError(`The file is larger than 200 MB. Split it and import the parts.`));
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) stats.lines++;
      // Newlines inside quoted fields make this an upper bound of the rows; the header line is not a row.
      if (stats.lines - 1 > MAX_UPLOAD_ROWS) return done(new UploadLimitError(`The file has more than ${MAX_UPLOAD_ROWS.toLocaleString('en-US')} rows. Split it and import the parts.`));
      done(null, chunk);
    },
  });
}

export async function saveUpload(body: ReadableStream<Uint8Array>, fileName: string, userId: number): Promise<Upload> {
  await fs.promises.mkdir(DIR, { recursive: true, mode: 0o700 });
  sweep();
  const id = randomUUID();
  const file = path.join(DIR, `${id}.csv`);
  const stats = { bytes: 0, lines: 0 };
  try {
    await pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>), limiter(stats), fs.createWriteStream(file, { mode: 0o600 }));
  } catch (err) {
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  if (stats.bytes === 0) {
    await fs.promises.rm(file, { force: true });
    throw new UploadLimitError('The file is empty.');
  }
  // Read with the import's own reader: the rows counted here are the rows the preview counts.
  const scan = await scanFile(file);
  const upload: Upload = {
    id, userId, fileName, path: file, bytes: stats.bytes, rows: scan.rows, headers: scan.headers, createdAt: Date.now(),
    delimiter: scan.delimiter, problem: scan.problem, notUtf8: scan.notUtf8,
  };
  uploads.set(id, upload);
  return upload;
}

/** The upload, only for the admin who sent it. */
export function getUpload(id: string, userId: number): Upload | null {
  const u = uploads.get(id);
  return u && u.userId === userId ? u : null;
}

/** Old uploads are removed (the file and the entry). */
function sweep(): void {
  const now = Date.now();
  for (const [id, u] of uploads) {
    if (now - u.createdAt > MAX_AGE_MS) { uploads.delete(id); void fs.promises.rm(u.path, { force: true }); }
  }
}

/** Everything that changes what an import does: a commit must use what its clean preview used. */
export function mappingKey(entity: string, mapping: Record<string, string>, values: Record<string, Record<string, string>> = {}, rules: ImportRules = {}, format: FileFormat = {}): string {
  const sorted = <T>(o: Record<string, T>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([entity, sorted(mapping), sorted(values).map(([c, m]) => [c, sorted(m)]), rules, format]);
}

/** A new scan of the upload, read with the chosen encoding (the admin's explicit choice). */
export async function rescanUpload(u: Upload, format: FileFormat): Promise<void> {
  const scan = await scanFile(u.path, format);
  Object.assign(u, { rows: scan.rows, headers: scan.headers, delimiter: scan.delimiter, problem: scan.problem, notUtf8: scan.notUtf8 });
}
