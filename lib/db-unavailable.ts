// "The database is down" as one recognisable error. Pages show a clear, kind message for it (and the
// app recovers by itself once the database is back: postgres.js reconnects on the next query and
// db/client.ts does not cache a failed first open), instead of a generic 500 or, worse, a stack trace.
// The HTTP status is decided before a page renders: proxy.ts asks lib/db-health.ts and answers 503;
// route handlers answer 503 with a JSON error through jsonErrors (lib/route-errors.ts). A page that meets
// an outage mid-render (the database went away after the proxy's check) still shows the clear page.

/** Error digests reach the browser unchanged; error.tsx recognises this prefix. */
export const DB_UNAVAILABLE_DIGEST_PREFIX = 'db-unavailable';

export const DB_UNAVAILABLE_MESSAGE = 'The database is unavailable, try again shortly.';

// Network failures (Node), postgres.js's own connection errors, and Postgres SQLSTATEs that mean the
// server is unreachable, shutting down, starting up or out of connections.
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
]);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** True when `err` (or anything in its cause chain / AggregateError list) says the database is unreachable. */
export function isDbUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown; name?: unknown };
  if (e.name === 'DbUnavailableError') return true;
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.has(e.code) || e.code.startsWith('08'))) {
    return true;
  }
  if (Array.isArray(e.errors) && e.errors.some((x) => isDbUnavailable(x, depth + 1))) return true;
  return isDbUnavailable(e.cause, depth + 1);
}

/**
 * Thrown by server code when the database cannot be reached. Its `digest` survives Next's production
 * error scrubbing, so error boundaries can tell this case apart without seeing the message.
 */
export class DbUnavailableError extends Error {
  readonly digest: string;
  constructor(cause?: unknown) {
    super(DB_UNAVAILABLE_MESSAGE, { cause });
    this.name = 'DbUnavailableError';
    this.digest = `${DB_UNAVAILABLE_DIGEST_PREFIX}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  }
}

/** For error boundaries (client side): was the server error a database outage? */
export function isDbUnavailableDigest(digest: string | undefined): boolean {
  return typeof digest === 'string' && digest.startsWith(DB_UNAVAILABLE_DIGEST_PREFIX);
}

/** Runs `fn`; a database outage becomes a DbUnavailableError, anything else is rethrown untouched. */
export async function withDbAvailability<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isDbUnavailable(err) && !(err instanceof DbUnavailableError)) {
      console.error('[db] unavailable:', err);
      throw new DbUnavailableError(err);
    }
    throw err;
  }
}
