// Why a link was refused, in words, for the page that shows the refusal. A dashboard link naming a team
// or owner out of the viewer's scope gets the 403 page (refused, never widened); that page is rendered
// in the same request (see refusalReason).
import 'server-only';
import { headers } from 'next/headers';
import { getReadDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { KpiForbiddenError, authorizeView } from '@/lib/access';
import { cleanFilters } from '@/lib/kpi';
import { scopeReason } from '@/lib/kpi/refusals';

/**
 * Why this request's dashboard or KPI link is refused, or null (a 403 from elsewhere: the generic text
 * stays). Next renders the 403 boundary alongside the page, often before the page has thrown (always on
 * Postgres, where the page's queries are real I/O), so nothing the page notes can reach it in time: the
 * boundary asks the same question again from the request's URL (set by proxy.ts as x-request-path),
 * through the same check the page uses. Only links naming a team or an owner cost a query.
 */
export async function refusalReason(): Promise<string | null> {
  let path: string | null;
  try {
    path = (await headers()).get('x-request-path');
  } catch {
    return null; // outside a request
  }
  if (!path) return null;
  const url = new URL(path, 'http://app.invalid');
  if (url.pathname !== '/dashboard' && !url.pathname.startsWith('/kpis/')) return null;
  const team = url.searchParams.get('team') ?? undefined;
  const owner = url.searchParams.get('owner') ?? undefined;
  if (!team && !owner) return null;
  const user = await getCurrentUser();
  if (!user) return null;
  try {
    // The member's Mine/My team view matters only when no team or owner is named: not here.
    await authorizeView(await getReadDb(), user, cleanFilters({ team, owner }));
    return null;
  } catch (err) {
    if (err instanceof KpiForbiddenError) return `${err.message} ${scopeReason(user)}`;
    throw err;
  }
}
