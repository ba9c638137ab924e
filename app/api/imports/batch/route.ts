// POST {uploads: [{uploadId, entity}], dryRun}: several uploaded files at once (a folder of exports in
// the contract's format), each with the mapping proposed from its header, put in dependency order
// (users before accounts before deals ...) and imported in ONE transaction, as `npm run import -- --dir`
// does: one bad row anywhere and nothing is written. Small folders: the answer waits for the import.
import { z } from 'zod';
import { getDb } from '@/db/client';
import { importFiles, proposeMapping, type ImportFilesSpec } from '@/lib/import';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import type { BatchInfo } from '@/lib/import/api-types';
import { hasRunningJob } from '@/lib/import/jobs';
import { getUpload } from '@/lib/import/upload-store';
import { ENTITY_NAMES } from '@/lib/validation';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const bodySchema = z.object({
  uploads: z.array(z.object({ uploadId: z.string().uuid(), entity: z.enum(ENTITY_NAMES) })).min(1).max(ENTITY_NAMES.length),
  dryRun: z.boolean(),
});

async function post(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, 'Choose the files and the entity of each.');
  const entities = parsed.data.uploads.map((u) => u.entity);
  if (new Set(entities).size !== entities.length) return jsonError(400, 'Two files are for the same entity: import them one at a time.');
  const files: ImportFilesSpec[] = [];
  for (const u of parsed.data.uploads) {
    const up = getUpload(u.uploadId, user.id);
    if (!up) return jsonError(400, 'An uploaded file is no longer available. Upload the files again.');
    files.push({ entity: u.entity, path: up.path, fileName: up.fileName, mapping: proposeMapping(u.entity, up.headers) });
  }
  if (hasRunningJob()) return jsonError(409, 'An import is running. Try again when it has finished.');
  const r = await importFiles(await getDb(), files, { dryRun: parsed.data.dryRun, userId: user.id, previewRows: 0, maxErrors: 1000 });
  return Response.json({
    ok: r.ok, committed: r.committed, message: r.message,
    files: r.files.map((f) => ({ fileName: f.fileName, entity: f.entity, totalRows: f.totalRows, inserted: f.inserted, updated: f.updated, unchanged: f.unchanged, errorCount: f.errorCount, errors: f.errors.slice(0, 50), message: f.message })),
  } satisfies BatchInfo, { headers: { 'cache-control': 'no-store' } });
}

export const POST = jsonErrors(post);
