// Runs before every page (not the API, not Next's assets). Two jobs:
// 1. Security headers with a fresh CSP script nonce per request (lib/security/headers.ts). The nonce goes
//    on the request's Content-Security-Policy header too: Next reads it there and adds it to its scripts.
//    Error pages (404, 403, 500) answer through here as well, so they carry the same headers.
// 2. The fast path of sign-in: a signed-out browser asking for an app page is sent to /login (with a
//    callbackUrl to come back to). It checks that a valid session cookie exists, nothing more; pages,
//    queries and actions check the user, role and scope themselves on the server (lib/auth/session.ts).
// And while the database is down, an app page answers HTTP 503 with the "unavailable" page
// (lib/db-health.ts): a page cannot set that status itself once it renders.
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { dbUnavailableRewrite } from '@/lib/db-health';
import { newNonce, pageSecurityHeaders, servedOverHttps } from '@/lib/security/headers';

/** Pages anyone may open: sign-in, the one-time set-password link, and public files (icons, robots.txt). */
const PUBLIC_PATH = /^\/(?:login|set-password)(?:\/|$)|^\/(?:favicon\.ico|robots\.txt)$|\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|webmanifest)$/;

export function needsSession(pathname: string): boolean {
  return !PUBLIC_PATH.test(pathname);
}

// Without an inner function, withAuth answers a redirect to /login, or nothing when the cookie is valid.
const requireSession = withAuth({ pages: { signIn: '/login' } });

function withHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export default async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const headers = pageSecurityHeaders({
    nonce: newNonce(),
    https: servedOverHttps(request.url, request.headers.get('x-forwarded-proto')),
    dev: process.env.NODE_ENV === 'development',
  });
  if (needsSession(request.nextUrl.pathname)) {
    const redirect = await requireSession(request as NextRequestWithAuth, event);
    if (redirect instanceof Response) return withHeaders(redirect, headers);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  // The page's own URL, for the 403 page to say what was refused (lib/dashboard/refusal.ts); a client's own is replaced.
  requestHeaders.set('x-request-path', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  // Database down: a page that reads it (any app page, and the set-password link; not the sign-in page
  // or public files) answers 503 with the "unavailable" page (lib/db-health.ts).
  const readsDb = needsSession(request.nextUrl.pathname) || request.nextUrl.pathname.startsWith('/set-password');
  const unavailable = readsDb ? await dbUnavailableRewrite(request, requestHeaders) : null;
  if (unavailable) return withHeaders(unavailable, headers);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

export const config = {
  // Everything but the API and Next's assets. Route handlers answer 401/403 themselves, as JSON
  // (tests/security/access-matrix.test.ts), and running the proxy on them would make Next buffer an
  // upload's body and cut it at 10 MB; next.config.mjs gives them their headers. tests/security/
  // proxy-matcher.test.ts holds this list.
  matcher: ['/((?!api/|_next/static/|_next/image).*)'],
};
