// The view of a dashboard or KPI page request (lib/kpi/view), with Next's answer to a refusal: the 403
// page, which says what was refused and why (app/forbidden.tsx asks app/_lib/refusal).
import 'server-only';
import { forbidden } from 'next/navigation';
import { getReadDb } from '@/db/client';
import { KpiForbiddenError, type SessionUser } from '@/lib/access';
import { resolveView, type DashboardView, type SearchParams } from '@/lib/kpi/view';

export async function pageView(user: SessionUser, params: SearchParams): Promise<DashboardView> {
  try {
    return await resolveView(await getReadDb(), user, params);
  } catch (err) {
    if (err instanceof KpiForbiddenError) forbidden();
    throw err;
  }
}
