// Every route handler's last line of defence: an error it did not answer itself becomes a JSON error
// with the right status instead of an empty 500 (targets.md: route handlers answer 503 with a JSON
// error while the database is down; errors never show stack traces or SQL). The real error is logged.
import { unstable_rethrow } from 'next/navigation';
import { dbUnavailableJson } from './db-health';
import { isDbUnavailable } from './db-unavailable';

export const ROUTE_FAILED_MESSAGE = 'Something went wrong on the server. Try again.';

/** The JSON answer for an error a route handler did not expect. */
export function routeErrorResponse(err: unknown): Response {
  if (isDbUnavailable(err)) {
    console.error('[route] database unavailable:', err);
    return dbUnavailableJson();
  }
  console.error('[route] failed:', err);
  return Response.json({ error: ROUTE_FAILED_MESSAGE }, { status: 500, headers: { 'cache-control': 'no-store' } });
}

/** Wraps a route handler: Next's own signals (redirect, notFound) pass, anything else is answered as JSON. */
export function jsonErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (err) {
      unstable_rethrow(err);
      return routeErrorResponse(err);
    }
  };
}
