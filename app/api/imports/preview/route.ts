// POST {uploadId, entity, mapping, values?, rules?, encoding?}: a dry run (validated and rolled back), the first rows as they will
// be stored and every error (row, column, reason).
import { getDb } from '@/db/client';
import { importFile } from '@/lib/import';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { parseImportRequest } from '@/lib/import/api-request';
import type { PreviewInfo } from '@/lib/import/api-types';
import { hasRunningJob } from '@/lib/import/jobs';
import { mappingKey, rescanUpload } from '@/lib/import/upload-store';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';
const SHOWN_ERRORS = 200;

async function post(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const r = await parseImportRequest(req, user.id);
  if (typeof r === 'string') return jsonError(400, r);
  // PGlite has one connection: a dry run would wait for the running commit anyway; say so instead.
  if (hasRunningJob()) return jsonError(409, 'An import is running. Preview again when it has finished.');
  // An encoding chosen by the admin: the upload's row count and header are read again with it.
  if (r.format.encoding && r.format.encoding !== 'utf-8') await rescanUpload(r.upload, r.format);
  const result = await importFile(await getDb(), {
    entity: r.entity, path: r.upload.path, fileName: r.upload.fileName, mapping: r.mapping, values: r.values, rules: r.rules, format: r.format,
    dryRun: true, previewRows: 10, maxErrors: 10_000,
  });
  r.upload.checked = { entity: r.entity, mappingKey: mappingKey(r.entity, r.mapping, r.values, r.rules, r.format), errorCount: result.errorCount, errors: result.errors };
  return Response.json({
    ok: result.ok, totalRows: result.totalRows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged,
    errorCount: result.errorCount, errors: result.errors.slice(0, SHOWN_ERRORS), message: result.message,
    preview: result.preview ?? [], mapping: result.mapping, unknownValues: result.unknownValues,
    skipped: result.skipped ?? [], merged: result.merged ?? 0, createdUsers: result.createdUsers ?? [], distinctValues: result.distinctValues ?? {},
    delimiter: result.delimiter ?? null, uploadRows: r.upload.rows,
  } satisfies PreviewInfo, { headers: { 'cache-control': 'no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const POST = jsonErrors(post);
