// GET ?upload=<id>: the background import's progress (rows done of total) and, at the end, its result.
import { getDb } from '@/db/client';
import { requireJobOwner } from '@/lib/admin/api-guard';
import { hasRunningJob, publicJob } from '@/lib/admin/import-jobs';
import { closeInterrupted } from '@/lib/import';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(req: Request): Promise<Response> {
  const job = await requireJobOwner(new URL(req.url).searchParams.get('upload') ?? '');
  // A job no longer running here (finished, or lost with another instance: 404) may leave history rows
  // of dead importers: close them now, so the history the page shows next is the truth. Never while a
  // job runs here: PGlite's one connection is the import's until it ends.
  const signedIn = !(job instanceof Response) || job.status === 404;
  if (signedIn && !hasRunningJob()) await closeInterrupted(await getDb());
  if (job instanceof Response) return job;
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
