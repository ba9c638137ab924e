// CSV export of a KPI's drill-down: the rows of the page shown (same filters, sort and page), or with
// all=1 every row. Same checks as the page: signed in, allowed filters, viewer-scoped rows.
import { getReadDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { KpiForbiddenError, can } from '@/lib/access';
import { csvLine } from '@/lib/csv/safe-csv';
import { DRILL_PAGE_SIZE, drillParamsSchema, drillSetSchema } from '@/lib/dashboard/drill-params';
import { resolveView } from '@/lib/kpi/view';
import { jsonErrors } from '@/lib/route-errors';
import { MAX_PAGE_SIZE, getKpi, isKpiKey, kpiDrilldown } from '@/lib/kpi';

/** Enough for any spreadsheet; past it, the export says so in its last line. */
const MAX_EXPORT_ROWS = 100_000;

async function get(req: Request, { params }: { params: Promise<{ key: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response('Sign in first.', { status: 401 });
  if (!can(user, 'dashboard.view')) return new Response('Forbidden.', { status: 403 });
  const { key } = await params;
  if (!isKpiKey(key)) return new Response('Unknown KPI.', { status: 404 });
  const url = new URL(req.url);
  const db = await getReadDb();
  let view;
  try {
    // The page's own resolver: the same period, comparison, filters and member view (own records, or
    // with view=team their team's) as the page the export link came from.
    view = await resolveView(db, user, Object.fromEntries(url.searchParams));
  } catch (err) {
    if (err instanceof KpiForbiddenError) return new Response(err.message, { status: 403 });
    throw err;
  }
  // A malformed link (year 0000, 275760-09-13, +020000-01-01, -1, 1-1-1) is refused with its reason
  // before any query (the page falls back to defaults; a file must hold what the link said).
  if (view.problem) return new Response(`Invalid link: ${view.problem}`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const q = drillParamsSchema.parse({ page: url.searchParams.get('page') ?? undefined, sort: url.searchParams.get('sort') ?? undefined, dir: url.searchParams.get('dir') ?? undefined });
  const all = url.searchParams.get('all') === '1';
  // A ratio's set (numerator by default), as the page's tab: an invalid value is refused, not guessed.
  const set = drillSetSchema.optional().safeParse(url.searchParams.get('set') ?? undefined);
  if (!set.success) return new Response('Invalid set: use numerator or denominator.', { status: 400 });
  const base = { from: view.period.from, to: view.period.to, compare: view.comparison, sort: q.sort, dir: q.dir, set: set.data };

  let page = all ? 1 : q.page;
  const pageSize = all ? MAX_PAGE_SIZE : DRILL_PAGE_SIZE;
  // The first page is read before answering: a failure (the database down) is then a 503 or 500 with
  // a JSON error (jsonErrors) instead of a 200 whose stream is cut.
  const firstPage = await kpiDrilldown(db, view.access, key, { ...base, page, pageSize });

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        let written = 0;
        let header = false;
        for (let res = firstPage; ; res = await kpiDrilldown(db, view.access, key, { ...base, page, pageSize })) {
          if (!header) {
            controller.enqueue(encoder.encode(csvLine(['record_type', 'id', ...res.columns.map((c) => c.key)])));
            header = true;
          }
          for (const r of res.rows) {
            controller.enqueue(encoder.encode(csvLine([r.entity, r.id, ...res.columns.map((c) => r[c.key])])));
          }
          written += res.rows.length;
          if (!all || res.rows.length < pageSize || written >= res.total) break;
          if (written >= MAX_EXPORT_ROWS) {
            controller.enqueue(encoder.encode(csvLine([`Export stopped at ${MAX_EXPORT_ROWS} of ${res.total} rows: narrow the filters.`])));
            break;
          }
          page += 1;
        }
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  const name = `${getKpi(key).key}_${url.searchParams.get('from') ?? url.searchParams.get('preset') ?? 'period'}${set.data ? `_${set.data}` : ''}${all ? '_all' : `_page${q.page}`}.csv`;
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
