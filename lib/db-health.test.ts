import fs from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_UNAVAILABLE_HEADER, DOWN_RECHECK_MS, dbUnavailableRewrite, isDatabaseDown, isRouteHandlerPath, setDbProbeForTests } from './db-health';

const URL_ = 'postgres://u@db.invalid:5432/crm';
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

afterEach(() => { setDbProbeForTests(undefined); vi.useRealTimers(); vi.restoreAllMocks(); });

describe('isDatabaseDown', () => {
  it('never checks PGlite (no DATABASE_URL): it lives in this process', async () => {
    const probe = vi.fn(async () => undefined);
    setDbProbeForTests(probe);
    expect(await isDatabaseDown('')).toBe(false);
    expect(probe).not.toHaveBeenCalled();
  });

  it('checks before every page while the database answers (so the first page of an outage sees it), one check for concurrent pages', async () => {
    const probe = vi.fn(async () => { await new Promise((r) => setTimeout(r, 20)); });
    setDbProbeForTests(probe);
    expect(await Promise.all([isDatabaseDown(URL_), isDatabaseDown(URL_), isDatabaseDown(URL_)])).toEqual([false, false, false]);
    expect(probe).toHaveBeenCalledTimes(1);
    await isDatabaseDown(URL_);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('an unreachable database is down; the answer is reused for a second, then checked again, and it recovers by itself', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let up = false;
    const probe = vi.fn(async () => { if (!up) throw refused(); });
    setDbProbeForTests(probe);
    expect(await isDatabaseDown(URL_)).toBe(true);
    expect(await isDatabaseDown(URL_)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    up = true;
    vi.setSystemTime(Date.now() + DOWN_RECHECK_MS + 1);
    expect(await isDatabaseDown(URL_)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('an error that is not an outage (e.g. a bad password) leaves the page to render and say so', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setDbProbeForTests(async () => { throw Object.assign(new Error('password authentication failed'), { code: '28P01' }); });
    expect(await isDatabaseDown(URL_)).toBe(false);
  });

  it('the real check: nothing listening is down', async () => {
    setDbProbeForTests(undefined);
    expect(await isDatabaseDown('postgres://postgres@127.0.0.1:1/none')).toBe(true);
  });

  it.runIf(!!process.env.DATABASE_URL)('the real check: the test database is up', async () => {
    setDbProbeForTests(undefined);
    expect(await isDatabaseDown(process.env.DATABASE_URL)).toBe(false);
  });
});

describe('dbUnavailableRewrite (proxy.ts)', () => {
  const request = (method = 'GET') => new NextRequest('http://app.test/goals?x=1', { method });

  it('answers a page request 503 with the unavailable page while the database is down', async () => {
    vi.stubEnv('DATABASE_URL', URL_);
    setDbProbeForTests(async () => { throw refused(); });
    const headers = new Headers();
    const res = await dbUnavailableRewrite(request(), headers);
    expect(res?.status).toBe(503);
    expect(res?.headers.get('x-middleware-rewrite')).toBe('http://app.test/db-unavailable');
    expect(res?.headers.get('retry-after')).toBe('5');
    // The page learns it was sent by the proxy through a request header.
    expect(res?.headers.get(`x-middleware-request-${DB_UNAVAILABLE_HEADER}`)).toBe('1');
    // A form post goes through: the action answers with the message in the form.
    expect(await dbUnavailableRewrite(request('POST'), new Headers())).toBeNull();
    vi.unstubAllEnvs();
  });

  it('lets pages through while the database is up, without a forged marker', async () => {
    vi.stubEnv('DATABASE_URL', URL_);
    setDbProbeForTests(async () => undefined);
    const headers = new Headers({ [DB_UNAVAILABLE_HEADER]: '1' });
    expect(await dbUnavailableRewrite(request(), headers)).toBeNull();
    expect(headers.has(DB_UNAVAILABLE_HEADER)).toBe(false);
    vi.unstubAllEnvs();
  });
});

describe('route handlers the proxy sees', () => {
  it('every route.ts outside app/api is left to answer its own JSON 503, and no page is', async () => {
    const routes = (fs.readdirSync('app', { recursive: true }) as string[])
      .filter((f) => path.basename(f) === 'route.ts' && !f.startsWith(`api${path.sep}`))
      .map((f) => `/${path.dirname(f).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).map((s) => (/^\[.*\]$/.test(s) ? 'x' : s)).join('/')}`);
    expect(routes.sort()).toEqual(['/goals/history', '/kpis/x/export']);
    for (const r of routes) expect(isRouteHandlerPath(r), r).toBe(true);
    for (const page of ['/goals', '/goals/1', '/kpis/x', '/dashboard', '/records/deals']) expect(isRouteHandlerPath(page), page).toBe(false);

    vi.stubEnv('DATABASE_URL', URL_);
    setDbProbeForTests(async () => { throw refused(); });
    expect(await dbUnavailableRewrite(new NextRequest('http://app.test/kpis/won_revenue/export'), new Headers())).toBeNull();
    vi.unstubAllEnvs();
  });
});

describe('proxy.ts while the database is down', () => {
  it('answers pages that read the database 503 with security headers, leaves the sign-in page and redirects alone', async () => {
    process.env.NEXTAUTH_SECRET ??= 'test-secret-test-secret-test-secret';
    const { default: proxy } = await import('@/proxy');
    const event = {} as import('next/server').NextFetchEvent;
    vi.stubEnv('DATABASE_URL', URL_);
    setDbProbeForTests(async () => { throw refused(); });
    const setPassword = await proxy(new NextRequest('http://app.test/set-password?token=abc'), event);
    expect(setPassword.status).toBe(503);
    expect(setPassword.headers.get('x-middleware-rewrite')).toBe('http://app.test/db-unavailable');
    expect(setPassword.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect((await proxy(new NextRequest('http://app.test/login'), event)).status).toBe(200);
    // Signed out: sent to sign in first (that page works without the database and says it is down).
    expect((await proxy(new NextRequest('http://app.test/dashboard'), event)).status).toBe(307);
    vi.unstubAllEnvs();
  });
});
