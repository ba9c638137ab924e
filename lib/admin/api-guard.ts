// Route handlers of the admin import: the admin role is checked on the server for every request.
import 'server-only';
import { can, type SessionUser } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
}

/** The signed-in admin, or the 401/403 response to return. */
export async function requireImportAdmin(): Promise<SessionUser | Response> {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'You are not signed in.');
  if (!can(user, 'admin.imports')) return jsonError(403, 'You do not have permission to do this.');
  return user;
}
