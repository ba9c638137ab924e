// GET: one saved mapping document, downloaded as <name>.json (usable with `npm run import -- --mapping-file`).
import { getDb } from '@/db/client';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { getMapping } from '@/lib/import/saved-mappings';
import { jsonErrors } from '@/lib/route-errors';
import { ID_MESSAGE, parseId } from '@/lib/validation/params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(_req: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const id = parseId((await ctx.params).id);
  if (id === null) return jsonError(400, `Which mapping? id: ${ID_MESSAGE}.`);
  const doc = await getMapping(await getDb(), id);
  if (!doc) return jsonError(404, 'No such mapping.');
  const file = `${doc.name.replace(/[^\w.\- ]+/g, '_').trim() || 'mapping'}.json`;
  return new Response(`${JSON.stringify(doc, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${file}"`, 'cache-control': 'no-store' },
  });
}

export const GET = jsonErrors(get);
