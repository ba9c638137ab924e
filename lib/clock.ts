// The server's "now": every period, preset and goal computation asks here, so a run with `APP_NOW`
// set (an ISO date-time, e.g. 2026-12-01T09:00:00Z) is reproducible: the end-to-end suite pins the
// clock to the day its demo data was seeded for, and a support case can be replayed on its date.
/** A UTC day in milliseconds (UTC days have no daylight-saving change). */
export const DAY_MS = 86_400_000;

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** Parses APP_NOW; a date alone is that day's midnight UTC. Throws on anything else (a typo must not shift every number). */
export function parseAppNow(value: string): Date {
  const s = value.trim();
  if (!ISO.test(s)) throw new Error(`APP_NOW must be an ISO date-time such as 2026-12-01T09:00:00Z (got "${value}")`);
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(d.getTime())) throw new Error(`APP_NOW is not a real date-time: "${value}"`);
  return d;
}

/** The current instant: `APP_NOW` when set, else the system clock. */
export function now(): Date {
  const pinned = process.env.APP_NOW;
  return pinned ? parseAppNow(pinned) : new Date();
}
