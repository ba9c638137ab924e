// The app's one KPI result cache (lib/kpi/result-cache.ts), fed by the primary database's change feed.
// Pages wrap the aggregate queries they show; the engine itself, the CLIs and the tests stay uncached.
// The one place in lib that reaches for the database on its own: the change feed needs the process's
// database handle (getDbHandle), which no caller has to give.
import 'server-only';
import { getDbHandle, type Db } from '@/db/client';
import { PROCESS_CACHE_KEY, ResultCache, cacheKey, parseDataChange, type ReadSet } from './result-cache';

const FEED_RETRY_MS = 5000;

interface CacheState { cache: ResultCache; feed: 'off' | 'starting' | 'on'; lastTry: number }
// One per process; survives Next's dev-mode module reloads like the database client does.
const globals = globalThis as unknown as Record<typeof PROCESS_CACHE_KEY, CacheState | undefined>;

function ttlMs(): number {
  const raw = process.env.KPI_CACHE_TTL_SECONDS;
  const seconds = raw === undefined || raw === '' ? 300 : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** The process's cache; starts (or restarts, after a failed start) the change feed. */
export function processCache(): ResultCache {
  const state = (globals[PROCESS_CACHE_KEY] ??= { cache: new ResultCache({ ttlMs: ttlMs(), maxEntries: 2000 }), feed: 'off', lastTry: 0 });
  if (state.feed === 'off' && ttlMs() > 0 && Date.now() - state.lastTry > FEED_RETRY_MS) {
    state.feed = 'starting';
    state.lastTry = Date.now();
    getDbHandle().then(
      (h) => {
        h.watchChanges((payload) => state.cache.invalidate([parseDataChange(payload)]), (live) => state.cache.setLive(live));
        state.feed = 'on';
      },
      () => { state.feed = 'off'; },
    );
  }
  return state.cache;
}

/** What a cached read's result comes from (its tables, or a ReadSet), given its arguments (the database left out). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches any argument list, like F below
type Reads = (...args: any[]) => ReadonlySet<string> | ReadSet | Promise<ReadSet>;

/**
 * `fn` with its results shared through the cache, keyed by `name` and every argument but the database.
 * Only for reads whose result depends on nothing but their arguments and the CRM data: the scope of
 * the viewer must be in the arguments (an AuthorizedView, whose key is its filters, carries it). `reads` says what
 * the result comes from (lib/kpi/result-cache.ts ReadSet); without it any change drops the result.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any argument list; F keeps the caller's exact (generic) signature
export function cachedRead<F extends (db: Db, ...args: any[]) => Promise<unknown>>(name: string, fn: F, reads?: Reads): F {
  return ((db: Db, ...args: unknown[]) => {
    const key = cacheKey(name, args);
    const compute = () => timed(name, () => fn(db, ...args));
    const r = reads?.(...args);
    return r instanceof Promise ? r.then((set) => processCache().get(key, compute, set)) : processCache().get(key, compute, r);
  }) as F;
}

/** With KPI_TIMING set, each computation (a cache miss) is logged with its time and the cache's state. */
async function timed<T>(name: string, compute: () => Promise<T>): Promise<T> {
  if (!process.env.KPI_TIMING) return compute();
  const started = performance.now();
  try {
    return await compute();
  } finally {
    const c = processCache();
    console.info(`[kpi-cache] computed ${name} in ${(performance.now() - started).toFixed(0)} ms (live ${c.isLive}, ${c.size} held, ${c.hits} hits / ${c.misses} misses)`);
  }
}
