// GET ?upload=<id>: the background import's progress (rows done of total) and, at the end, its result.
import { getDb } from '@/db/client';
import { requireJobOwner } from '@/lib/import/api-guard';
import { hasRunningJob, publicJob } from '@/lib/import/jobs';
import { closeInterrupted } from '@/lib/import';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function get(req: Request): Promise<Response> {
  const job = await requireJobOwner(new URL(req.url).searchParams.get('upload') ?? '');
  if (job instanceof Response) return job;
  // The job has ended: the page reloads the history next, so close the rows of dead importers (other
  // instances, the CLI) now. Never while an import runs here: PGlite's one connection is its own.
  if (job.state !== 'running' && !hasRunningJob()) await closeInterrupted(await getDb()).catch((err: unknown) => console.error('[imports] closing interrupted imports failed:', err));
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const GET = jsonErrors(get);
