// The one database client module. DATABASE_URL set: Postgres through postgres.js. Not set: embedded
// PGlite in PGLITE_DATA_DIR (default .data/pglite). Both get the same schema, migrations and queries.
// Opening is lazy: `next build` imports server modules and must not open (or lock) anything.
import fs from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireFolderLock, type FolderLock } from './folder-lock';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** What a query needs: lib functions take it as their first argument and never open a connection. */
export type QueryDb = Pick<Db, 'execute'>;
export type DbKind = 'postgres' | 'pglite';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  close: () => Promise<void>;
  /**
   * Calls `onChange(table)` after every committed change to the data KPIs are computed from (migration
   * 0002's triggers NOTIFY on DATA_CHANGED_CHANNEL with the table's name), and `onLive(true|false)` when the feed starts or is lost
   * (a Postgres connection drop; changes in between are missed, so a listener must assume the worst).
   * Returns a function that stops watching.
   */
  watchChanges: (onChange: (table: string) => void, onLive: (live: boolean) => void) => () => void;
}

export const DATA_CHANGED_CHANNEL = 'crm_data_changed';
/**
 * The tables whose changes are announced (migration 0002's triggers, and 0021's on goals, whose rows the
 * dashboards' goal badges share; tests/kpi/change-feed.test.ts checks both agree).
 */
export const DATA_CHANGED_TABLES = [
  'users', 'teams', 'team_managers', 'accounts', 'leads', 'deals', 'orders', 'campaigns', 'tickets', 'survey_responses', 'expenses', 'activities',
  'goals',
] as const;

/**
 * The tables whose notices also list the owners of the changed rows, by this column (migration 0010:
 * `deals;12:3,40:`): the tables people write all day. tests/kpi/change-feed.test.ts checks the triggers
 * and the entity catalogue's owner paths agree.
 */
export const OWNER_NOTICE_COLUMNS = { leads: 'owner_id', deals: 'owner_id', tickets: 'assignee_id', survey_responses: 'owner_id', activities: 'user_id' } as const;

export interface OpenOptions {
  /** Postgres connection string; when absent, PGlite is used. */
  url?: string;
  /** PGlite folder; `memory://` (or undefined with memory: true) for an in-memory database. */
  dataDir?: string;
  /** Run migrations after opening (default true). */
  migrate?: boolean;
  /** Pool size for postgres.js. */
  max?: number;
}

type PostgresFactory = typeof import('postgres');

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export function defaultDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.PGLITE_DATA_DIR || path.join('.data', 'pglite'));
}

/** Opens a database without touching the process-wide one. Tests and CLIs use it directly. */
export async function openDb(opts: OpenOptions = {}): Promise<DbHandle> {
  const handle = opts.url ? await openPostgres(opts.url, opts.max ?? 10) : await openPglite(opts.dataDir ?? defaultDataDir());
  if (opts.migrate !== false) await runMigrations(handle);
  return handle;
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // Periods are UTC in the catalogue: a date counts as its midnight UTC. JIT off: compiling a
    // dashboard's many FILTER aggregates costs far more than it saves (1.3 s of 1.9 s at large scale).
    // work_mem: the distinct-count and hash aggregates of a year's dashboard spill to disk at the 4 MB
    // default; 64 MB cut 10-25 % off the large-scale dashboards (docs/performance.md).
    // parallel_setup_cost: starting parallel workers costs 30-40 ms on a small machine, and at the
    // default (1,000) the planner parallelised reads of a few thousand summary rows: the startup was
    // most of a summary read (executive month at large 153 -> 46 ms, sales month 148 -> 19 ms). Scans
    // big enough to gain from workers (a year of raw rows) still get them.
    // plan_cache_mode: statements are prepared (below) to save a round trip and a parse, not to reuse
    // plans: a KPI's best plan depends on its period and filters, so every execution is planned for
    // its own values, as before they were prepared.
    connection: {
      TimeZone: 'UTC', jit: 'off', work_mem: process.env.PG_WORK_MEM || '64MB',
      parallel_setup_cost: process.env.PG_PARALLEL_SETUP_COST || '20000', plan_cache_mode: 'force_custom_plan',
    },
  });
  preparePooledStatements(client);
  const db = drizzle({ client, schema }) as unknown as Db;
  const watchers = new Set<{ stop: () => void }>();
  return {
    db,
    kind: 'postgres',
    watchChanges: (onChange, onLive) => {
      const w = watchPostgres(postgres, url, onChange, onLive);
      watchers.add(w);
      return () => { watchers.delete(w); w.stop(); };
    },
    close: async () => {
      for (const w of watchers) w.stop();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * Statements with parameters run as named prepared statements on the pool's connections. drizzle's
 * `execute` asks postgres.js for unnamed ones, and postgres.js then first has the server parse and
 * describe each one (a round trip to learn its parameter types) before binding it: two round trips
 * and a parse for every KPI read. Prepared, a connection parses a text once and each execution is
 * one round trip. Transactions (`begin`) keep their own client, unchanged.
 */
function preparePooledStatements(client: import('postgres').Sql): void {
  const unsafe = client.unsafe.bind(client) as (q: string, params?: unknown[], opts?: Record<string, unknown>) => unknown;
  (client as unknown as { unsafe: typeof unsafe }).unsafe = (q, params, opts) =>
    unsafe(q, params, params && params.length ? { ...opts, prepare: true } : opts);
}

/**
 * LISTEN on a connection of its own. postgres.js's sql.listen re-listens once after a drop and gives up
 * if the database is still down, without telling anyone; this loop says when the feed is lost and
 * retries until it is back.
 */
function watchPostgres(
  postgres: PostgresFactory, url: string, onChange: (table: string) => void, onLive: (live: boolean) => void,
): { stop: () => void } {
  let stopped = false;
  let live = false;
  let timer: NodeJS.Timeout | undefined;
  const setLive = (v: boolean) => { if (v !== live) { live = v; onLive(v); } };
  const listener = postgres(url, {
    max: 1, idle_timeout: 0, max_lifetime: null, onnotice: () => {}, connect_timeout: 5,
    onclose: () => { setLive(false); retry(); },
    // onnotify is how postgres.js's own listen() receives notices; its typings leave it out.
    ...({ onnotify: (channel: string, payload: string) => { if (channel === DATA_CHANGED_CHANNEL) onChange(payload); } } as object),
  });
  const connect = async () => {
    if (stopped) return;
    try {
      await listener.unsafe(`listen ${DATA_CHANGED_CHANNEL}`);
      if (!stopped) setLive(true);
    } catch {
      setLive(false);
      retry();
    }
  };
  const retry = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => { timer = undefined; void connect(); }, 2000);
    timer.unref();
  };
  void connect();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      setLive(false);
      void listener.end({ timeout: 1 });
    },
  };
}

async function openPglite(dataDir: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let lock: FolderLock | null = null;
  let client;
  if (dataDir.startsWith('memory://')) {
    client = new PGlite(dataDir);
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    // PGlite does not lock its folder; two processes on one folder corrupt it.
    lock = acquireFolderLock(dataDir);
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  await client.exec(`SET TIME ZONE 'UTC'`);
  const db = drizzle({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    // One process holds the database: every change comes through this very client.
    watchChanges: (onChange, onLive) => {
      let stopped = false;
      let unlisten: (() => Promise<void>) | undefined;
      void client.listen(DATA_CHANGED_CHANNEL, (table) => { if (!stopped) onChange(table); }).then((u) => {
        unlisten = u;
        if (stopped) void u();
        else onLive(true);
      }, () => onLive(false));
      return () => { stopped = true; onLive(false); void unlisten?.(); };
    },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const { sql } = await import('drizzle-orm');
    // Several app instances may start at once: one migrates, the others wait.
    await handle.db.execute(sql`select pg_advisory_lock(7418231)`);
    try {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- both migrators take their own driver type
      await migrate(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(7418231)`);
    }
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    await migrate(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Rows of a raw query, the same shape on both drivers (postgres.js returns an array, PGlite {rows}). */
export async function queryRows<T = Record<string, unknown>>(db: QueryDb, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

// ---- the process-wide clients (the app server and CLIs) -------------------------------------------

interface Globals { primary?: Promise<DbHandle>; read?: Promise<DbHandle> }
// Survives Next's dev-mode module reloads, so one process keeps one PGlite instance.
const globals = globalThis as unknown as { __crmDb?: Globals };
const state: Globals = (globals.__crmDb ??= {});

/** The primary database's handle (its change feed, its kind). Opened and migrated on first use. */
export function getDbHandle(): Promise<DbHandle> {
  state.primary ??= openDb({ url: process.env.DATABASE_URL || undefined }).catch((err) => {
    state.primary = undefined;
    throw err;
  });
  return state.primary;
}

/** The primary database (writes, and reads when no replica is configured). Migrated on first use. */
export function getDb(): Promise<Db> {
  return getDbHandle().then((h) => h.db);
}

/** The read database: DATABASE_READ_URL when set (a replica), else the primary. */
export function getReadDb(): Promise<Db> {
  const readUrl = process.env.DATABASE_READ_URL;
  if (!readUrl || !process.env.DATABASE_URL) return getDb();
  state.read ??= openDb({ url: readUrl, migrate: false }).catch((err) => {
    state.read = undefined;
    throw err;
  });
  return state.read.then((h) => h.db);
}

export function getDbKind(): DbKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** Closes the process-wide clients (CLIs call this before exiting so the PGlite lock is released). */
export async function closeDb(): Promise<void> {
  const handles = [state.primary, state.read].filter(Boolean) as Promise<DbHandle>[];
  state.primary = undefined;
  state.read = undefined;
  for (const h of handles) await (await h).close().catch(() => {});
}
