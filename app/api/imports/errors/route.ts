// GET ?upload=<id> (the last preview's errors) or ?import=<history id>: the error report as CSV.
// Only the errors (row, column, reason) are sent, never the uploaded file itself.
import { getReadDb } from '@/db/client';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { getUpload } from '@/lib/import/upload-store';
import { csvDocument } from '@/lib/csv/safe-csv';
import { importErrors } from '@/lib/import/history-queries';
import { jsonErrors } from '@/lib/route-errors';
import { ID_MESSAGE, parseId } from '@/lib/validation/params';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const q = new URL(req.url).searchParams;
  let errors: { row: number; column: string; message: string }[] = [];
  let name = 'import';
  if (q.get('upload')) {
    const u = getUpload(q.get('upload')!, user.id);
    if (!u?.checked) return jsonError(404, 'No preview for this file.');
    errors = u.checked.errors; name = u.fileName.replace(/\.csv$/i, '');
  } else {
    const id = parseId(q.get('import'));
    if (id === null) return jsonError(400, `Which import? import: ${ID_MESSAGE}.`);
    const row = await importErrors(await getReadDb(), user, { id });
    if (!row) return jsonError(404, 'No such import.');
    errors = row.errors; name = row.fileName.replace(/\.csv$/i, '');
  }
  // Messages quote the uploaded cells: the writer neutralises formulas in them.
  const body = csvDocument([['row', 'column', 'reason'], ...errors.map((e) => [e.row, e.column, e.message])]);
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}-errors.csv"`,
    },
  });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
