// "Is the database reachable?" asked by proxy.ts before a page renders, so a page answers HTTP 503
// while the database is down (targets.md). A page cannot set its own status once it renders (Next has
// notFound/forbidden, nothing for 503), and the first page that meets the outage would otherwise
// answer 200 with the "unavailable" message: only a check BEFORE rendering gets the status right.
//
// The check is `select 1` on a connection of its own (not the app's pool, where it would queue behind
// slow KPI queries): about one round trip per page. Concurrent requests share one check in flight; a
// failed check is reused for a second, so an outage does not hammer the server; a good one is not
// reused at all, so the first page after the database goes away already answers 503. PGlite (no
// DATABASE_URL) lives inside this process and cannot be unreachable: never checked.
// Runs in the proxy (Node runtime, same process as the pages): no 'server-only' import here.
import { NextResponse, type NextRequest } from 'next/server';
import { DB_UNAVAILABLE_MESSAGE, isDbUnavailable } from './db-unavailable';

/** How long a failed check answers for, before the next request checks again. */
export const DOWN_RECHECK_MS = 1000;
/** A check that takes longer than this counts as a failure (the database is not answering). */
export const CHECK_TIMEOUT_MS = 3000;

type Probe = (url: string) => Promise<void>;

interface HealthState {
  inFlight?: Promise<boolean>;
  downUntil: number;
  client?: { url: string; sql: (strings: TemplateStringsArray) => Promise<unknown>; end: () => Promise<void> };
}

const g = globalThis as unknown as { __crmDbHealth?: HealthState };
const state: HealthState = (g.__crmDbHealth ??= { downUntil: 0 });

async function selectOne(url: string): Promise<void> {
  if (!state.client || state.client.url !== url) {
    const { default: postgres } = await import('postgres');
    const sql = postgres(url, { max: 1, connect_timeout: CHECK_TIMEOUT_MS / 1000, idle_timeout: 300, max_lifetime: null, onnotice: () => {} });
    state.client = { url, sql: (s) => sql(s), end: () => sql.end({ timeout: 1 }) };
  }
  const client = state.client;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database check timed out'), { code: 'CONNECT_TIMEOUT' })), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([client.sql`select 1`, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

let probe: Probe = selectOne;

/** Tests: replace the check (undefined restores it) and forget what was learnt. */
export function setDbProbeForTests(p: Probe | undefined): void {
  probe = p ?? selectOne;
  state.downUntil = 0;
  state.inFlight = undefined;
}

/** True when the database cannot be reached now. Errors other than "unreachable" count as reachable. */
export async function isDatabaseDown(url: string | undefined = process.env.DATABASE_URL): Promise<boolean> {
  if (!url) return false;
  if (Date.now() < state.downUntil) return true;
  state.inFlight ??= probe(url).then(() => true, (err: unknown) => {
    if (isDbUnavailable(err)) return false;
    console.error('[db-health] check failed (not an outage, page left to render):', err);
    return true;
  }).finally(() => { state.inFlight = undefined; });
  const up = await state.inFlight;
  if (!up) state.downUntil = Date.now() + DOWN_RECHECK_MS;
  return !up;
}

/** Request header the proxy sets when it rewrites a page to the "unavailable" page. */
export const DB_UNAVAILABLE_HEADER = 'x-crm-db-unavailable';
/** The page the proxy rewrites to (app/db-unavailable/page.tsx), which refuses other visits with 404. */
export const DB_UNAVAILABLE_PATH = '/db-unavailable';

/** The JSON answer of a route handler while the database is down. */
export function dbUnavailableJson(): Response {
  return Response.json({ error: DB_UNAVAILABLE_MESSAGE }, { status: 503, headers: { 'cache-control': 'no-store', 'retry-after': '5' } });
}

/**
 * The route handlers the proxy sees (those outside /api/): they answer an outage themselves, 503 with a
 * JSON error (jsonErrors), so the proxy leaves them alone. lib/db-health.test.ts checks that every
 * route.ts under app/ (outside app/api) is listed here.
 */
const ROUTE_HANDLER_PATHS = /^\/kpis\/[^/]+\/export$|^\/goals\/history$/;

export function isRouteHandlerPath(pathname: string): boolean {
  return ROUTE_HANDLER_PATHS.test(pathname);
}

/**
 * For proxy.ts: while the database is down, a page request (GET/HEAD) is answered 503 with the
 * "unavailable" page, rendered by the app (same layout, styles and security headers) at the asked URL.
 * Otherwise null, and `requestHeaders` (what the page will see) loses any forged marker header.
 * Server actions (POST) go through: protectedAction answers them with the message in the form; so do
 * route handlers, which answer 503 with a JSON error themselves.
 */
export async function dbUnavailableRewrite(request: NextRequest, requestHeaders: Headers): Promise<NextResponse | null> {
  requestHeaders.delete(DB_UNAVAILABLE_HEADER);
  if (request.method !== 'GET' && request.method !== 'HEAD') return null;
  if (isRouteHandlerPath(request.nextUrl.pathname)) return null;
  if (!(await isDatabaseDown())) return null;
  const headers = new Headers(requestHeaders);
  headers.set(DB_UNAVAILABLE_HEADER, '1');
  const res = NextResponse.rewrite(new URL(DB_UNAVAILABLE_PATH, request.url), { status: 503, request: { headers } });
  res.headers.set('retry-after', '5');
  res.headers.set('cache-control', 'no-store');
  return res;
}
