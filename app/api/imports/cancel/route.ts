// POST ?upload=<id>: aborts the running import; the core rolls its transaction back.
import { jsonError, requireImportAdmin } from '@/lib/admin/api-guard';
import { getJob, publicJob } from '@/lib/admin/import-jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function POST(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const job = getJob(new URL(req.url).searchParams.get('upload') ?? '', user.id);
  if (!job) return jsonError(404, 'No such import.');
  if (job.state === 'running') job.controller.abort();
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}
