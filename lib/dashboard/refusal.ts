// Why a link was refused, in words, for the page that shows the refusal. A dashboard link naming a team
// or owner out of the viewer's scope gets the 403 page (refused, never widened); that page is rendered
// in the same request (see refusalReason).
// A `dept` the viewer may not switch to keeps their own dashboard, with a notice saying so.
import 'server-only';
import { headers } from 'next/headers';
import { getReadDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/session';
import { KpiForbiddenError, authorizeFilters, cleanFilters } from '@/lib/kpi';
import { DEPARTMENTS, type Department } from '@/db/schema/enums';
import type { SessionUser } from '@/lib/access';
import { capitalize } from '@/lib/intl-format';

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
    await authorizeFilters(await getReadDb(), user, cleanFilters({ team, owner }));
    return null;
  } catch (err) {
    if (err instanceof KpiForbiddenError) return `${err.message} ${scopeReason(user)}`;
    throw err;
  }
}

/** What a viewer's role lets them see, to follow "You may not view team "South"." */
export function scopeReason(user: Pick<SessionUser, 'role'>): string {
  if (user.role === 'member') return 'A member sees their own numbers and their own team’s, not other teams’ or colleagues’ alone.';
  if (user.role === 'manager') return 'A manager sees the teams they manage and those teams’ members.';
  return 'There is no such team or user.';
}

/** Why the link's `dept` was not followed (null when it was, or when there was none). */
export function departmentRefusal(user: Pick<SessionUser, 'role'>, requested: string | undefined, shown: Department): string | null {
  if (!requested || requested === shown) return null;
  const clipped = requested.slice(0, 30);
  if (!(DEPARTMENTS as readonly string[]).includes(requested)) {
    return `The link asked for a "${clipped}" dashboard, which does not exist: this is your ${capitalize(shown)} dashboard.`;
  }
  return `The link asked for the ${capitalize(requested)} dashboard, but a member sees their own department’s dashboard only (managers and administrators switch): this is your ${capitalize(shown)} dashboard.`;
}
