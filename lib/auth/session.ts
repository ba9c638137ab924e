// Who is asking, for server components, route handlers and server actions. The proxy only redirects
// signed-out browsers quickly; every page, query and action asks here again.
import 'server-only';
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { withDbAvailability } from '@/lib/db-unavailable';
import { can, type Permission, type SessionUser } from '@/lib/access';
import { SECURE_COOKIES } from './options';
import { loadSessionUser, readClaims, type SessionClaims } from './session-user';

/**
 * The session's signed claims (user id, session version) from the JWT cookie, without touching the
 * database: null when signed out or the token is invalid or expired. Only for checks that must not wait
 * for the database (see lib/import/api-guard's requireJobOwner); everything else uses getCurrentUser.
 */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: { cookies: cookieStore, headers: headerList } as unknown as Parameters<typeof getToken>[0]['req'],
    secureCookie: SECURE_COOKIES,
  });
  return readClaims(token as Record<string, unknown> | null);
});

/**
 * The signed-in user, reloaded from the database once per request (React cache()): null when signed
 * out, when the account was deleted or deactivated, or when its session_version moved on (role change,
 * password reset, deactivation), so such a session stops working at the very next request.
 * Throws DbUnavailableError when the database cannot be reached.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  return withDbAvailability(async () => loadSessionUser(await getDb(), claims));
});

/** The signed-in user, or a redirect to /login (back to `callbackUrl` afterwards, when given). */
export async function requireUser(callbackUrl?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    redirect(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
  }
  return user;
}

/** The signed-in user if they hold `permission`; otherwise the 403 page (HTTP status 403). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, permission)) forbidden();
  return user;
}
