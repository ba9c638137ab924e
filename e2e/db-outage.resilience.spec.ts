// The database goes away under the running app and comes back: pages answer HTTP 503 with a clear
// page (no stack, no SQL), route handlers 503 with a JSON error, and both work again without restarting
// the app. Runs in the `resilience` project, after every other spec, because it cuts the shared server
// off its database.
import { DB_UNAVAILABLE_MESSAGE } from '@/lib/db-unavailable';
import fs from 'node:fs';
import { authFile, expect, isPostgresRun, serverState, test } from './fixtures';

test.use({ storageState: authFile('admin') });

test('[RESILIENCE] database down: a clear page; back up: the app recovers by itself', async ({ page }) => {
  test.skip(!isPostgresRun(), 'PGlite runs inside the app process and cannot be taken down from outside; runs in the Postgres e2e run (through the harness relay).');
  const flag = serverState().dbDownFlag!;
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  fs.writeFileSync(flag, '');
  try {
    await page.waitForTimeout(400); // the relay polls every 100 ms
    const down = await page.goto('/dashboard');
    expect(down?.status()).toBe(503); // the very first page of the outage (lib/db-health.ts)
    await expect(page.getByRole('heading', { level: 1, name: 'The database is unavailable' })).toBeVisible();
    await expect(page.getByText(DB_UNAVAILABLE_MESSAGE)).toBeVisible();
    const html = (await down?.text()) ?? '';
    expect(html).not.toMatch(/ECONNREFUSED|CONNECTION_|postgres|select |\n\s+at /i);
    expect(page.url()).toMatch(/\/dashboard$/); // answered at the asked address: "Try again" reloads it
    for (const path of ['/goals', '/admin/imports', '/kpis/won_revenue']) {
      expect((await page.request.get(path)).status(), path).toBe(503);
    }

    // Route handlers: 503 with a JSON error, not an empty 500 or a cut stream.
    for (const path of ['/kpis/won_revenue/export?preset=last_30_days', '/goals/history?kpi_key=won_revenue&scope=company', '/api/imports/errors?import=1', '/api/imports/status?upload=x']) {
      const res = await page.request.get(path);
      expect(res.status(), path).toBe(503);
      expect(await res.json(), path).toEqual({ error: DB_UNAVAILABLE_MESSAGE });
    }

    // Signing in meanwhile says so too, instead of "wrong password".
    const ctx = await page.context().browser()!.newContext();
    const login = await ctx.newPage();
    await login.goto('/login');
    await login.getByLabel('E-mail').fill('admin@demo.test');
    await login.getByLabel('Password').fill('demo-password');
    await login.getByRole('button', { name: 'Sign in' }).click();
    await expect(login.getByRole('status')).toContainText('unavailable');
    await ctx.close();
  } finally {
    fs.rmSync(flag, { force: true });
  }

  await page.waitForTimeout(1500); // the relay's poll, and the second a failed check is reused
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 15_000 });
  expect((await page.request.get('/goals')).status()).toBe(200);
  expect((await page.request.get('/goals/history?kpi_key=won_revenue&scope=company')).status()).toBe(200);
});
