// GET ?entity=<name>: the CSV template of an entity (its contract columns and one example row), so an
// admin starting from nothing, or checking the format, has a file that imports as it is.
import { jsonError, requireImportAdmin } from '@/lib/import/api-guard';
import { templateCsv } from '@/lib/import/templates';
import { jsonErrors } from '@/lib/route-errors';
import { parseEntityName } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const entity = parseEntityName(new URL(req.url).searchParams.get('entity') ?? '');
  if (!entity) return jsonError(400, 'Which entity? entity: one of users, accounts, campaigns, leads, deals, orders, tickets, survey_responses, expenses, activities.');
  return new Response(templateCsv(entity), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${entity}.csv"`, 'cache-control': 'no-store' },
  });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
