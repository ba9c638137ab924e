import fs from 'node:fs';
import path from 'node:path';
import { notFound } from 'next/navigation';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_UNAVAILABLE_MESSAGE, DbUnavailableError } from './db-unavailable';
import { ROUTE_FAILED_MESSAGE, jsonErrors } from './route-errors';

afterEach(() => { vi.restoreAllMocks(); });

describe('jsonErrors (every route handler)', () => {
  it('answers a database outage 503 with a JSON error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const err of [new DbUnavailableError(), new Error('Failed query', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })]) {
      const res = await jsonErrors(async () => { throw err; })();
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(await res.json()).toEqual({ error: DB_UNAVAILABLE_MESSAGE });
    }
  });

  it('answers anything else 500 with a JSON error that shows no SQL or stack, and logs the real one', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const err = Object.assign(new Error('syntax error at or near "select"'), { code: '42601' });
    const res = await jsonErrors(async () => { throw err; })();
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: ROUTE_FAILED_MESSAGE });
    expect(body).not.toMatch(/select|at /);
    expect(log).toHaveBeenCalledWith('[route] failed:', err);
  });

  it("passes the handler's own answers and Next's signals through", async () => {
    const ok = await jsonErrors(async (n: number) => Response.json({ n }, { status: 201 }))(7);
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ n: 7 });
    await expect(jsonErrors(async () => notFound())()).rejects.toMatchObject({ digest: expect.stringMatching(/404/) });
  });
});

describe('every route handler', () => {
  it('goes through jsonErrors, so a new one cannot answer an outage with an empty 500', () => {
    const routes = (fs.readdirSync('app', { recursive: true }) as string[]).filter((f) => path.basename(f) === 'route.ts');
    expect(routes.length).toBeGreaterThan(5);
    for (const f of routes) {
      const src = fs.readFileSync(path.join('app', f), 'utf8');
      expect(src, f).toMatch(/= jsonErrors\(/);
      expect(src, f).not.toMatch(/export (async )?function (GET|POST|PUT|PATCH|DELETE)\b/);
    }
  });
});
