// [PERIODS] On a server whose clock is the first of a month (APP_NOW, pinned by scripts/e2e-server.ts),
// "this month" is one day compared with one day: no −100 %, no trend cliff, the comparison in words.
// Trends cover exactly the period and mark the point in progress; a period without data says so in
// words; malformed dates in links give a message or a 400, never a 500 or broken widgets.
import { comparedPeriod, comparisonInWords, periodInWords, presetPeriod } from '@/lib/kpi/periods';
import { expect, serverState, test } from './fixtures';

const appNow = () => new Date(serverState().appNow ?? Date.now());

test.describe('[PERIODS] the first of a month', () => {
  test('[ADMIN] "this month to date" compares one day with one day: no −100 %, no cliff', async ({ pageAs }) => {
    const now = appNow();
    expect(now.getUTCDate(), 'the e2e server runs on the first of a month').toBe(1);
    const period = presetPeriod('this_month', now);
    const words = `This month to date · ${periodInWords(period)} · ${comparisonInWords(comparedPeriod(period, 'this_month', 'previous').comparison)}`;
    const page = await pageAs('admin');
    await page.goto('/dashboard?preset=this_month');
    await expect(page.getByTestId('dashboard-scope')).toContainText(words); // "… · 1 Dec 2026 · vs 1 Nov 2026"
    const cards = page.getByTestId('kpi-cards');
    await expect(cards.locator('[data-kpi]').first()).toBeVisible();
    await expect(cards).not.toContainText(/−100(\.0)?\s?%/);
    // The day's revenue is there (the demo's data ends at the server's "now", after business hours).
    await expect(page.locator('[data-kpi="revenue"]').getByTestId('kpi-value')).not.toHaveText(/No data|^\$0$/);

    // Each trend is the period's one day, marked as in progress: nothing to fall off.
    const trends = page.locator('section[aria-labelledby="trends-title"]');
    const figures = trends.locator('figure');
    await expect(figures.first()).toBeVisible();
    for (const fig of await figures.all()) {
      await expect(fig).toContainText(/so far|No data for/);
      const rows = fig.locator('table tbody tr');
      if (await rows.count()) {
        await expect(rows).toHaveCount(1);
        await expect(rows.first().locator('th')).toHaveText(/\(so far\)$/);
      }
    }
  });

  test('[ADMIN] a year to date on the 1st ends with its month "so far", and nothing before January', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/dashboard?preset=year_to_date');
    const fig = page.locator('figure', { hasText: 'Revenue by month' }).first();
    await expect(fig).toContainText('so far');
    const heads = await fig.locator('table tbody tr th').allTextContents();
    const year = appNow().getUTCFullYear();
    expect(heads[0]).toBe(`${year}-01`);
    expect(heads.at(-1)).toBe(`${year}-${String(appNow().getUTCMonth() + 1).padStart(2, '0')} (so far)`);
    expect(heads).toHaveLength(appNow().getUTCMonth() + 1);
  });

  test('[ADMIN] compare=year says which dates it compares with', async ({ pageAs }) => {
    const period = presetPeriod('this_month', appNow());
    const page = await pageAs('admin');
    await page.goto('/dashboard?preset=this_month&compare=year');
    await expect(page.getByTestId('dashboard-scope')).toContainText(comparisonInWords(comparedPeriod(period, 'this_month', 'year').comparison));
    await expect(page.getByLabel('Compare with')).toHaveValue('year');
  });

  test('[ADMIN] a period without data says so in words instead of empty axes', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/dashboard?from=1990-01-01&to=1990-02-01');
    const empty = page.locator('section[aria-labelledby="trends-title"]').getByTestId('chart-empty');
    await expect(empty.first()).toContainText('No data for 1–31 Jan 1990');
    await expect(page.locator('section[aria-labelledby="trends-title"] canvas')).toHaveCount(0);
  });
});

test.describe('[PERIODS] malformed dates in links (issue 11, item 5)', () => {
  const BAD = ['from=0000-01-01&to=2026-01-01', 'from=2025-01-01&to=275760-09-13', 'from=2025-01-01&to=%2B020000-01-01', 'from=-1&to=2026-01-01', 'from=1-1-1&to=2026-01-01', 'from=1900-01-01&bucket=week', 'from=1900-01-01&to=2026-01-01&bucket=week'];

  test('[ADMIN] dashboard and KPI pages say what was wrong and still show every widget', async ({ pageAs }) => {
    // Fourteen full page loads (7 links × 2 pages): more than the default 30 s on a slow 2-core machine.
    test.setTimeout(120_000);
    const page = await pageAs('admin');
    for (const q of BAD) {
      for (const path of ['/dashboard', '/kpis/revenue']) {
        const res = await page.goto(`${path}?${q}`);
        expect(res?.status(), `${path}?${q}`).toBe(200);
        await expect(page.getByTestId('view-problem'), `${path}?${q}`).toContainText(/from: |to: |bucket: /);
        await expect(page.locator('[data-kpi]').first()).toBeVisible();
        await expect(page.getByText(/could not be loaded/i)).toHaveCount(0);
      }
    }
  });

  test('[ADMIN] the CSV export answers 400 with the reason', async ({ pageAs }) => {
    const page = await pageAs('admin');
    for (const q of BAD) {
      const res = await page.request.get(`/kpis/revenue/export?${q}&all=1`);
      expect(res.status(), q).toBe(400);
      expect(await res.text(), q).toMatch(/^Invalid link: (from|to|bucket): /);
    }
  });
});
