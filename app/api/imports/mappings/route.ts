// GET ?upload=<id>: the saved mappings, those made for this upload's header row first (`fits`).
// POST {name, imports, ...}: saves a mapping document by name (the same name replaces it); audited.
import { getDb } from '@/db/client';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { getUpload } from '@/lib/import/upload-store';
import { listMappings, saveMapping } from '@/lib/import/saved-mappings';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const uploadId = new URL(req.url).searchParams.get('upload');
  const upload = uploadId ? getUpload(uploadId, user.id) : null;
  const list = await listMappings(await getDb(), upload?.headers);
  return Response.json({ mappings: list }, { headers: { 'cache-control': 'no-store' } });
}

async function post(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const body = await req.json().catch(() => null);
  if (body === null) return jsonError(400, 'Send the mapping as JSON.');
  const r = await saveMapping(await getDb(), user.id, body);
  if (typeof r === 'string') return jsonError(400, r);
  return Response.json(r, { status: 201, headers: { 'cache-control': 'no-store' } });
}

export const GET = jsonErrors(get);
export const POST = jsonErrors(post);
