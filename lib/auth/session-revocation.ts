// Ending sessions on the server. Sessions are stateless JWTs (docs/scaling.md), so a token cannot be
// deleted; instead each carries users.session_version (`sv`) from when it was issued, and every check
// (session-user.ts) compares it with the row. Bumping the version ends every session of that user:
// on sign-out here, and on deactivation, role change and password reset in lib/admin.
import { sql } from 'drizzle-orm';
import type { JWT } from 'next-auth/jwt';
import { queryRows, type Db } from '@/db/client';
import { loadSessionUser, type SessionClaims } from './session-user';

/** Thrown from next-auth's jwt callback when a session no longer stands: next-auth then drops the cookie. */
export class SessionEndedError extends Error {
  constructor(reason: string) {
    super(`session ended: ${reason}`);
    this.name = 'SessionEndedError';
  }
}

/**
 * Signing out: ends the sessions issued at `claims.sv` (all of this user's, on every device). A
 * token whose version already moved on changes nothing, so replaying an old sign-out cannot end the
 * sessions of a later sign-in. True when a version was bumped.
 */
export async function revokeSessions(db: Pick<Db, 'execute'>, claims: SessionClaims): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`
    update users set session_version = session_version + 1, updated_at = now()
    where id = ${claims.uid} and session_version = ${claims.sv}
    returning id`);
  return rows.length > 0;
}

/**
 * The token with the user's current name, e-mail, role, department and team, as /api/auth/session
 * reports them; SessionEndedError when the user is gone, deactivated or the session was revoked.
 */
export async function refreshToken(db: Pick<Db, 'execute'>, token: JWT, claims: SessionClaims | null): Promise<JWT> {
  if (!claims) throw new SessionEndedError('no claims');
  const user = await loadSessionUser(db, claims);
  if (!user) throw new SessionEndedError('revoked, deactivated or deleted');
  return { ...token, name: user.name, email: user.email, role: user.role, department: user.department, teamId: user.teamId };
}
