// POST ?upload=<id>: aborts the running import; the core rolls its transaction back.
import { requireJobOwner } from '@/lib/import/api-guard';
import { publicJob } from '@/lib/import/jobs';
import { jsonErrors } from '@/lib/route-errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function post(req: Request): Promise<Response> {
  const job = await requireJobOwner(new URL(req.url).searchParams.get('upload') ?? '');
  if (job instanceof Response) return job;
  if (job.state === 'running') job.controller.abort();
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}

/** Errors it does not answer itself (the database down: 503) are answered as JSON (lib/route-errors.ts). */
export const POST = jsonErrors(post);
