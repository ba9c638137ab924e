// [SECURITY] Security headers on a running server (issue 11 item 8): pages, the sign-in page and error
// pages (404, 403) carry a CSP whose scripts need this response's nonce, with no 'unsafe-inline' for
// scripts, and every script tag of the page carries that nonce; the API and Node's own 431 answer carry
// a no-script CSP; the pages' scripts (Next's and Chart.js) still run. Public files answer signed out.
// The header builder itself: tests/security/headers.test.ts.
import type { APIResponse } from '@playwright/test';
import { authFile, expect, test } from './fixtures';

function scriptSrc(res: APIResponse): string {
  const csp = res.headers()['content-security-policy'] ?? '';
  return csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
}

/** The page's CSP checks; returns its nonce. */
async function expectNonceCsp(res: APIResponse): Promise<string> {
  const h = res.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("object-src 'none'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  const src = scriptSrc(res);
  expect(src).not.toContain('unsafe-inline');
  expect(src).not.toContain('unsafe-eval');
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(src)?.[1];
  expect(nonce, src).toBeTruthy();
  // Every script of the HTML (Next's inline bootstrap and its chunks) carries it.
  const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test.describe('[SECURITY] page headers', () => {
  test('the sign-in page, signed out: nonce CSP, a new nonce per response', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const a = await api.get('/login', { maxRedirects: 0 });
    const b = await api.get('/login', { maxRedirects: 0 });
    expect(a.status()).toBe(200);
    expect(await expectNonceCsp(a)).not.toBe(await expectNonceCsp(b));
    await api.dispose();
  });

  test('a page, a 404 and a 403 of a signed-in member: nonce CSP on each', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, storageState: authFile('member') });
    for (const [path, status] of [['/dashboard', 200], ['/no-such-page', 404], ['/admin/users', 403]] as const) {
      const res = await api.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(status);
      await expectNonceCsp(res);
    }
    await api.dispose();
  });

  test('the API and a URL too long for Node (431) carry a no-script CSP', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const status = await api.get('/api/imports/status');
    expect(status.status()).toBe(401);
    const tooLong = await api.get(`/kpis/${'x'.repeat(20_000)}`);
    expect(tooLong.status()).toBe(431);
    for (const res of [status, tooLong]) {
      expect(res.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
      expect(res.headers()['x-frame-options']).toBe('DENY');
    }
    await api.dispose();
  });

  test('favicon and robots.txt answer signed out', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const icon = await api.get('/favicon.ico', { maxRedirects: 0 });
    expect(icon.status()).toBe(200);
    expect((await icon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const svg = await api.get('/icon.svg', { maxRedirects: 0 });
    expect(svg.status()).toBe(200);
    const robots = await api.get('/robots.txt', { maxRedirects: 0 });
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
    await api.dispose();
  });
});

test.describe('[SECURITY] scripts still run under the CSP', () => {
  test.use({ storageState: authFile('admin') });

  test('the dashboard draws its charts and the browser reports no CSP violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto('/dashboard');
    // Chart.js draws into canvases only when the client bundle runs.
    await expect(page.locator('canvas').first()).toBeVisible();
    expect(violations).toEqual([]);
  });
});
