// Route handlers of the admin import: the admin role is checked on the server for every request.
import 'server-only';
import { can, type SessionUser } from '@/lib/access';
import { getCurrentUser, getSessionClaims } from '@/lib/auth/session';
import { findJob, getJob, type ImportJob } from './jobs';

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

/**
 * The caller's own import job, for its progress and its cancel button. While a job runs it may hold
 * the database (PGlite has a single connection, held by the import's one transaction), so the user
 * check that reloads the account would wait for the import to end and the progress bar would freeze.
 * The job's starter, on the very session that started it (same signed user id and session version),
 * is let through without a query; anyone else, and any job no longer running, gets the full check.
 */
export async function requireJobOwner(uploadId: string): Promise<ImportJob | Response> {
  const claims = await getSessionClaims();
  if (!claims) return jsonError(401, 'You are not signed in.');
  const running = findJob(uploadId);
  if (running && running.state === 'running' && running.userId === claims.uid && running.sessionVersion === claims.sv) return running;
  const user = await requireImportAdmin();
  if (user instanceof Response) return user;
  return getJob(uploadId, user.id) ?? jsonError(404, 'No such import.');
}
