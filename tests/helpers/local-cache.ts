// A fresh, live KPI result cache standing in for the app's process cache (lib/kpi/cached-read.ts) while
// `fn` runs: only what the app tells the cache itself (kpiDataChanged after a save, goalsChanged after a
// goal form) reaches it, not the database's notices, so a test sees exactly what the app's own writes drop.
import { PROCESS_CACHE_KEY, ResultCache } from '@/lib/kpi/result-cache';

export async function withLocalCache(fn: (local: ResultCache) => Promise<void>): Promise<void> {
  const local = new ResultCache({ ttlMs: 600_000, maxEntries: 100 });
  local.setLive(true);
  const g = globalThis as unknown as Record<string, unknown>;
  const prev = g[PROCESS_CACHE_KEY];
  g[PROCESS_CACHE_KEY] = { cache: local, feed: 'on', lastTry: 0 };
  try {
    await fn(local);
  } finally {
    g[PROCESS_CACHE_KEY] = prev;
  }
}
