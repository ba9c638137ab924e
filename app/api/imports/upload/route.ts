// POST the raw CSV as the request body (?name=<file name>): streamed to a temp file with size and row
// limits; answers with the header, the file checks (delimiter, binary, encoding), the entity guess, a
// proposed mapping, and the saved mappings made for this very header row.
import { getDb } from '@/db/client';
import { rankEntities, guessEntity, proposeMapping } from '@/lib/import';
import { listMappings } from '@/lib/import/saved-mappings';
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import type { UploadInfo } from '@/lib/import/api-types';
import { ENTITIES, ENTITY_NAMES } from '@/lib/validation';
import { cleanFileName, MAX_UPLOAD_BYTES, saveUpload, UploadLimitError } from '@/lib/import/upload-store';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function post(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > MAX_UPLOAD_BYTES) return jsonError(413, 'The file is larger than 200 MB. Split it and import the parts.');
  if (!req.body) return jsonError(400, 'No file was sent.');
  const fileName = cleanFileName(new URL(req.url).searchParams.get('name'));
  if (!/\.csv$/i.test(fileName)) return jsonError(415, 'Only .csv files can be imported.');
  try {
    const u = await saveUpload(req.body, fileName, user.id);
    const guess = guessEntity(u.headers, fileName);
    const saved = (await listMappings(await getDb(), u.headers)).filter((m) => m.fits);
    return Response.json({
      uploadId: u.id, fileName, bytes: u.bytes, rows: u.rows, headers: u.headers, guess,
      delimiter: u.delimiter, problem: u.problem, notUtf8: u.notUtf8, saved,
      ranking: rankEntities(u.headers, fileName).slice(0, 3),
      mapping: guess ? proposeMapping(guess, u.headers) : {},
      // Per entity: its contract columns and the proposed mapping, so the page can switch entity offline.
      entities: ENTITY_NAMES.map((e) => ({
        name: e, label: ENTITIES[e].label, columns: ENTITIES[e].columns.map((c) => c.name), mapping: proposeMapping(e, u.headers),
        required: ENTITIES[e].columns.filter((c) => c.required).map((c) => c.name),
        enums: Object.fromEntries(ENTITIES[e].columns.filter((c) => c.values).map((c) => [c.name, [...c.values!]])),
      })),
    } satisfies UploadInfo, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    if (err instanceof UploadLimitError) return jsonError(413, err.message);
    console.error('[import] upload failed:', err);
    return jsonError(500, 'The upload failed. Try again.');
  }
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const POST = jsonErrors(post);
