// GET ?upload=<id>: the background import's progress (rows done of total) and, at the end, its result.
import { jsonError, requireImportAdmin } from '@/lib/admin/api-guard';
import { getJob, publicJob } from '@/lib/admin/import-jobs';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export async function GET(req: Request): Promise<Response> {
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  const job = getJob(new URL(req.url).searchParams.get('upload') ?? '', user.id);
  if (!job) return jsonError(404, 'No such import.');
  return Response.json(publicJob(job), { headers: { 'cache-control': 'no-store' } });
}
