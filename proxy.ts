// The fast path only: a signed-out browser asking for any app page is sent to /login (with a
// callbackUrl to come back to). It checks that a valid session cookie exists, nothing more; pages,
// queries and actions check the user, role and scope themselves on the server (lib/auth/session.ts).
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/login' } });

export const config = {
  // Everything except the sign-in page, the public set-password page (one-time link), the API (route
  // handlers answer 401/403 themselves, as JSON, and tests/security/access-matrix.test.ts holds them to
  // it; the proxy would also buffer an upload's body and cut it at 10 MB), Next's assets and public files.
  matcher: ['/((?!login(?:/|$)|set-password(?:/|$)|api/|_next/|favicon\\.ico$|robots\\.txt$|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|webmanifest)$).*)'],
};
