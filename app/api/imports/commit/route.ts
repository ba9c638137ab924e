// POST {uploadId, entity, mapping}: starts the all-or-nothing import in the background. Refused unless
// a preview of this very file and mapping found no errors.
import { getDb } from '@/db/client';
import { getSessionClaims } from '@/lib/auth/session';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { parseImportRequest } from '@/lib/import/api-request';
import { getJob, hasRunningJob, publicJob, startImportJob } from '@/lib/import/jobs';
import { mappingKey } from '@/lib/import/upload-store';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function post(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const r = await parseImportRequest(req, user.id);
  if (typeof r === 'string') return jsonError(400, r);
  const checked = r.upload.checked;
  if (!checked || checked.mappingKey !== mappingKey(r.entity, r.mapping, r.values, r.rules, r.format)) return jsonError(409, 'Preview the file with this mapping first.');
  if (checked.errorCount > 0) return jsonError(422, `The preview found ${checked.errorCount} error(s). Fix the file and upload it again; nothing was written.`);
  if (getJob(r.upload.id, user.id)) return jsonError(409, 'This file is already being imported.');
  if (hasRunningJob()) return jsonError(409, 'Another import is running. Try again when it has finished.');
  const claims = await getSessionClaims();
  const job = startImportJob(await getDb(), r.upload, r.entity, { mapping: r.mapping, values: r.values, rules: r.rules, format: r.format }, claims?.sv ?? -1);
  return Response.json(publicJob(job), { status: 202, headers: { 'cache-control': 'no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const POST = jsonErrors(post);
