// POST ?upload=<id>: aborts the running import; the core rolls its transaction back.
import { requireJobOwner } from '@/lib/admin/api-guard';
import { publicJob } from '@/lib/admin/import-jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const job = await requireJobOwner(new URL(req.url).searchParams.get('upload') ?? '');
  if (job instanceof Response) return job;
  if (job.state === 'running') job.controller.abort();
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}
