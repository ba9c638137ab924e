// GET ?upload=<id>: the background import's progress (rows done of total) and, at the end, its result.
import { requireJobOwner } from '@/lib/admin/api-guard';
import { publicJob } from '@/lib/admin/import-jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const job = await requireJobOwner(new URL(req.url).searchParams.get('upload') ?? '');
  if (job instanceof Response) return job;
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}
