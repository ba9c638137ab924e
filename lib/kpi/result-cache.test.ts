import { describe, expect, it } from 'vitest';
import { ResultCache, cacheKey, changeReaches, parseDataChange, type ReadSet } from './result-cache';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function liveCache(opts: Partial<{ ttlMs: number; maxEntries: number; now: () => number }> = {}) {
  const cache = new ResultCache({ ttlMs: 60_000, maxEntries: 100, ...opts });
  cache.setLive(true);
  return cache;
}

describe('ResultCache', () => {
  it('computes once for a key and shares the result, also while it is still running', async () => {
    const cache = liveCache();
    let runs = 0;
    const d = deferred<number>();
    const compute = () => { runs++; return d.promise; };
    const a = cache.get('k', compute);
    const b = cache.get('k', compute);
    d.resolve(42);
    expect(await a).toBe(42);
    expect(await b).toBe(42);
    expect(await cache.get('k', compute)).toBe(42);
    expect(runs).toBe(1);
    expect([cache.hits, cache.misses]).toEqual([2, 1]);
    expect(await cache.get('other', async () => 7)).toBe(7);
  });

  it('holds nothing while the change feed is not live (never started, or lost)', async () => {
    const cache = new ResultCache({ ttlMs: 60_000, maxEntries: 100 });
    let runs = 0;
    await cache.get('k', async () => ++runs);
    await cache.get('k', async () => ++runs);
    expect(runs).toBe(2);
    cache.setLive(true);
    await cache.get('k', async () => ++runs);
    expect(cache.size).toBe(1);
    cache.setLive(false);
    expect(cache.size).toBe(0);
    expect(await cache.get('k', async () => ++runs)).toBe(4);
  });

  it('drops everything on a change, and does not keep a result that was computing when the change came', async () => {
    const cache = liveCache();
    expect(await cache.get('a', async () => 'old a')).toBe('old a');
    const d = deferred<string>();
    const running = cache.get('b', () => d.promise);
    cache.invalidate();
    d.resolve('b from before the change');
    expect(await running).toBe('b from before the change');
    expect(await cache.get('a', async () => 'new a')).toBe('new a');
    expect(await cache.get('b', async () => 'new b')).toBe('new b');
  });

  it('a change to one table drops only what reads it (and what does not say what it reads)', async () => {
    const cache = liveCache();
    await cache.get('sales', async () => 'sales', new Set(['deals', 'users']));
    await cache.get('adoption', async () => 'adoption', new Set(['users', 'activities']));
    await cache.get('unknown', async () => 'unknown');
    cache.invalidate(['activities']);
    expect(await cache.get('sales', async () => 'recomputed')).toBe('sales');
    expect(await cache.get('adoption', async () => 'recomputed')).toBe('recomputed');
    expect(await cache.get('unknown', async () => 'recomputed')).toBe('recomputed');
    cache.invalidate(['users']);
    expect(await cache.get('sales', async () => 'after users', new Set(['deals']))).toBe('after users');
    cache.invalidate();
    expect(cache.size).toBe(0);
  });

  it('a change to a table drops a result still computing from it, and only that one', async () => {
    const cache = liveCache();
    const deals = deferred<string>();
    const tickets = deferred<string>();
    const a = cache.get('deals', () => deals.promise, new Set(['deals']));
    const b = cache.get('tickets', () => tickets.promise, new Set(['tickets']));
    cache.invalidate(['deals']);
    deals.resolve('old deals');
    tickets.resolve('tickets');
    expect([await a, await b]).toEqual(['old deals', 'tickets']);
    expect(await cache.get('deals', async () => 'new deals')).toBe('new deals');
    expect(await cache.get('tickets', async () => 'recomputed')).toBe('tickets');
  });

  it('does not keep a failure', async () => {
    const cache = liveCache();
    await expect(cache.get('k', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect(await cache.get('k', async () => 'ok')).toBe('ok');
  });

  it('forgets results older than the TTL, and the least recently used beyond the size cap', async () => {
    let t = 0;
    const cache = liveCache({ ttlMs: 1000, maxEntries: 2, now: () => t });
    await cache.get('a', async () => 1);
    t = 999;
    expect(await cache.get('a', async () => 2)).toBe(1);
    t = 1000;
    expect(await cache.get('a', async () => 3)).toBe(3);
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'not used: a is held');
    await cache.get('c', async () => 'c'); // b is the least recently used
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 'b again')).toBe('b again');
    expect(await cache.get('c', async () => 'not used')).toBe('c');
  });

  it('is off with a TTL of 0', async () => {
    const cache = liveCache({ ttlMs: 0 });
    let runs = 0;
    await cache.get('k', async () => ++runs);
    await cache.get('k', async () => ++runs);
    expect(runs).toBe(2);
  });
});

describe('changes by owner', () => {
  const deals = (rows?: ReadSet['rows'], ownerScoped = ['deals']): ReadSet => ({ tables: new Set(['deals', 'users']), ownerScoped: new Set(ownerScoped), rows });
  const change = (owners: [number, number | null][]) => ({ table: 'deals', owners: new Map(owners) });

  it('reads a notice: bare, with owners and teams, with no owner, malformed', () => {
    expect(parseDataChange('deals')).toEqual({ table: 'deals' });
    expect(parseDataChange('deals;12:3,40:')).toEqual({ table: 'deals', owners: new Map([[12, 3], [40, null]]) });
    expect(parseDataChange('deals;')).toEqual({ table: 'deals', owners: new Map() });
    expect(parseDataChange('deals;12:x')).toEqual({ table: 'deals' });
    expect(parseDataChange('deals;12')).toEqual({ table: 'deals' });
  });

  it("reaches a rep's view only through that rep's rows, a team's only through its members'", () => {
    expect(changeReaches(deals({ ownerId: 7 }), change([[8, 1]]))).toBe(false);
    expect(changeReaches(deals({ ownerId: 7 }), change([[8, 1], [7, 1]]))).toBe(true);
    expect(changeReaches(deals({ teamId: 1 }), change([[8, 2]]))).toBe(false);
    expect(changeReaches(deals({ teamId: 1 }), change([[8, 2], [9, 1]]))).toBe(true);
    // Both filters: the owner, and only while in that team.
    expect(changeReaches(deals({ ownerId: 7, teamId: 1 }), change([[7, 2]]))).toBe(false);
    expect(changeReaches(deals({ ownerId: 7, teamId: 1 }), change([[7, 1]]))).toBe(true);
    // Rows nobody owns: only unfiltered views hold them.
    expect(changeReaches(deals({ ownerId: 7 }), change([]))).toBe(false);
    expect(changeReaches(deals({}), change([]))).toBe(true);
  });

  it('reaches every reader when it cannot tell: unfiltered views, unknown owners, tables read beyond their own rows, unknown reads', () => {
    expect(changeReaches(deals(undefined), change([[8, 1]]))).toBe(true);
    expect(changeReaches(deals({}), change([[8, 1]]))).toBe(true);
    expect(changeReaches(deals({ ownerId: 7 }), { table: 'deals' })).toBe(true);
    expect(changeReaches(deals({ ownerId: 7 }, []), change([[8, 1]]))).toBe(true);
    expect(changeReaches(null, change([[8, 1]]))).toBe(true);
    expect(changeReaches(deals({ ownerId: 7 }), { table: 'tickets', owners: new Map() })).toBe(false);
  });

  it("keeps a rep's cached result when another rep's deal changes, drops it for their own", async () => {
    const cache = liveCache();
    let runs = 0;
    const get = () => cache.get('mine', async () => ++runs, deals({ ownerId: 7 }));
    await get();
    cache.invalidate([change([[8, 1]])]);
    expect(await get()).toBe(1);
    cache.invalidate(['deals;7:1'].map(parseDataChange));
    expect(await get()).toBe(2);
  });
});

describe('cacheKey', () => {
  it('is the same for the same arguments in any key order, and differs for any difference', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const a = cacheKey('f', [{ from, filters: { team: 'North', owner: '3' }, keys: ['revenue'] }]);
    const b = cacheKey('f', [{ keys: ['revenue'], filters: { owner: '3', team: 'North', segment: undefined }, from: new Date(from) }]);
    expect(a).toBe(b);
    expect(a).toContain('2026-01-01T00:00:00.000Z');
    expect(cacheKey('f', [{ from, filters: { team: 'North', owner: '4' }, keys: ['revenue'] }])).not.toBe(a);
    expect(cacheKey('g', [{ from, filters: { team: 'North', owner: '3' }, keys: ['revenue'] }])).not.toBe(a);
  });
});
