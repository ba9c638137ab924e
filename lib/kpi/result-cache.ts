// Results of KPI aggregates, shared by everyone who opens the same view, until the data changes.
// Fifty people opening the sales dashboard at 9:00 need one computation, not fifty: without this the
// dashboard page could not hold targets.md's 50 concurrent users on 2 cores (docs/performance.md).
//
// Exact, not "fresh enough": an entry lives only while the change feed is live (migration 0002's
// triggers NOTIFY, with the table's name, after every committed change to the CRM tables, users and
// teams, whoever wrote it: the app, the import CLI, psql). A change drops every entry that reads the
// changed table (an entry that does not say what it reads is dropped by any change), so a sign-in
// (an activities row) does not empty the sales dashboards; a computation that was running when the
// change came is handed to those already waiting for it but not kept. While the feed is down
// (the database restarting), nothing is cached. A TTL bounds what a missed notice could cost, and a
// size cap bounds memory. KPI_CACHE_TTL_SECONDS=0 turns it off.
//
// By owner, where that is exact: the notices of leads, deals, tickets and activities (migration 0010)
// list the owners (and their teams) of the changed rows. A rep's or a team's view keeps its result when
// none of those owners is in it, provided it reads the table only as its own records (the table is the
// base of its passes and appears nowhere else in its SQL: lib/kpi/engine.ts kpiReadSet). A deal saved
// by one rep then drops the views of that rep, their team and the unfiltered ones, not everyone's.

export interface ResultCacheOptions {
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}

/** A committed change, as a notice says it. */
export interface DataChange {
  table: string;
  /**
   * The owners of the changed rows (before and after) with each owner's team; absent: not known, so
   * every result that reads the table is dropped. Rows nobody owns are not listed: no owner- or
   * team-filtered view holds them.
   */
  owners?: ReadonlyMap<number, number | null>;
}

/** What a cached result reads. */
export interface ReadSet {
  /** The tables the result was computed from. */
  tables: ReadonlySet<string>;
  /** Of those, the ones read only as the view's own records (through the owner filter and nothing else). */
  ownerScoped?: ReadonlySet<string>;
  /** The view's owner and team filters (none: every owner's records). */
  rows?: { ownerId?: number; teamId?: number };
}

interface Entry {
  at: number;
  value: Promise<unknown>;
  /** What the result was computed from; null: unknown, so any change drops it. */
  reads: ReadSet | null;
}

/** Whether `change` can alter a result that reads `reads`. */
export function changeReaches(reads: ReadSet | null, change: DataChange): boolean {
  if (!reads) return true;
  if (!reads.tables.has(change.table)) return false;
  const r = reads.rows;
  if (!change.owners || !r || (r.ownerId == null && r.teamId == null) || !reads.ownerScoped?.has(change.table)) return true;
  for (const [owner, team] of change.owners) {
    if ((r.ownerId == null || r.ownerId === owner) && (r.teamId == null || r.teamId === team)) return true;
  }
  return false;
}

/**
 * A notice's payload (migrations 0002 and 0010): `deals`, or `deals;12:3,40:` (owners 12 in team 3 and
 * 40 in none; an empty list: only rows nobody owns changed). Anything else is read as the bare table.
 */
export function parseDataChange(payload: string): DataChange {
  const [table, list] = payload.split(';', 2);
  if (list === undefined) return { table };
  const owners = new Map<number, number | null>();
  for (const item of list.split(',')) {
    if (!item) continue;
    const m = /^(\d+):(\d*)$/.exec(item);
    if (!m) return { table };
    owners.set(Number(m[1]), m[2] ? Number(m[2]) : null);
  }
  return { table, owners };
}

export class ResultCache {
  private entries = new Map<string, Entry>();
  private live = false;
  private readonly now: () => number;
  /** Counts for the logs and the tests: how many reads were served from memory. */
  hits = 0;
  misses = 0;

  constructor(private readonly opts: ResultCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get isLive(): boolean {
    return this.live;
  }

  /** These tables (or owners' rows in them) changed (omitted: anything may have): drop every result they reach. */
  invalidate(changes?: readonly (string | DataChange)[]): void {
    if (!changes) {
      this.entries.clear();
      return;
    }
    const list = changes.map((c) => (typeof c === 'string' ? { table: c } : c));
    for (const [key, e] of this.entries) if (list.some((c) => changeReaches(e.reads, c))) this.entries.delete(key);
  }

  /** The change feed started (true) or was lost (false); either way what is held cannot be trusted. */
  setLive(live: boolean): void {
    this.live = live;
    this.entries.clear();
  }

  /**
   * The result for `key`: the held one when there is one, else `compute()` (shared while it runs).
   * `reads`: what the computation reads (the tables, or a ReadSet; omitted: unknown, dropped by any change).
   */
  get<T>(key: string, compute: () => Promise<T>, reads?: ReadonlySet<string> | ReadSet): Promise<T> {
    if (!this.live || this.opts.ttlMs <= 0) return compute();
    const held = this.entries.get(key);
    if (held && this.now() - held.at < this.opts.ttlMs) {
      this.hits++;
      // Most recently used last, so the size cap drops the least recently used first.
      this.entries.delete(key);
      this.entries.set(key, held);
      return held.value as Promise<T>;
    }
    this.misses++;
    const value = compute();
    const entry: Entry = { at: this.now(), value, reads: !reads ? null : 'tables' in reads ? reads : { tables: reads } };
    this.entries.set(key, entry);
    while (this.entries.size > this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failure is not kept. A change to what it reads, while computing, has already removed the
    // entry, so that result is not kept either.
    value.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    return value;
  }
}

/** A stable key for a query's arguments (dates as ISO strings; object keys sorted). */
export function cacheKey(name: string, args: unknown): string {
  return `${name}:${JSON.stringify(args, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v)}`;
}

/** Where the app keeps its one cache (lib/kpi/cached-read.ts), on globalThis. */
export const PROCESS_CACHE_KEY = '__kpiResultCache';

/**
 * A writer in this process committed a change: drop cached results now rather than when the database's
 * notice arrives, so the page a form redirects to already shows the change. A no-op outside the app.
 */
export function kpiDataChanged(tables?: readonly (string | DataChange)[]): void {
  (globalThis as unknown as Record<string, { cache: ResultCache } | undefined>)[PROCESS_CACHE_KEY]?.cache.invalidate(tables);
}
