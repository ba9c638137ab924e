// Dashboards, KPI pages, drill-downs and record pages, as each demo role uses them (seeded demo data).
import fs from 'node:fs';
import { demoUser, expect, test } from './fixtures';

const YEAR = 'preset=last_12_months';

test.describe('[DASHBOARD] landing and scope', () => {
  const cases = [
    { role: 'admin', title: 'Executive dashboard', scope: /Whole company/, cards: 11 },
    { role: 'manager', title: 'Sales dashboard', scope: /Team North/, cards: 10 },
    { role: 'member', title: 'Sales dashboard', scope: /^Your numbers/, cards: 10 },
  ] as const;
  for (const c of cases) {
    test(`[${c.role.toUpperCase()}] lands on the ${c.title}`, async ({ pageAs }) => {
      const page = await pageAs(c.role);
      await page.goto('/dashboard');
      await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
      await expect(page.getByTestId('dashboard-scope')).toHaveText(c.scope);
      await expect(page.locator('[data-kpi]')).toHaveCount(c.cards);
      // Every card shows a number or "No data", and links to its KPI page.
      const first = page.locator('[data-kpi]').first();
      await expect(first.getByTestId('kpi-value')).toHaveText(/\d|No data/);
      await expect(first.getByRole('link')).toHaveAttribute('href', /^\/kpis\/[a-z_]+\?/);
    });
  }

  test('[MEMBER] cannot switch department nor look at another owner', async ({ pageAs }) => {
    const page = await pageAs('member');
    await page.goto('/dashboard?dept=support');
    await expect(page.getByRole('heading', { level: 1, name: 'Sales dashboard' })).toBeVisible();
    await expect(page.getByLabel('Department')).toHaveCount(0);
    const res = await page.goto(`/dashboard?owner=manager@demo.test`);
    expect(res?.status()).toBe(403);
    const exp = await page.request.get(`/kpis/win_rate/export?${YEAR}&owner=manager@demo.test`);
    expect(exp.status()).toBe(403);
  });

  test('[MANAGER] switches department', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/dashboard');
    await page.getByLabel('Department').selectOption('support');
    await expect(page).toHaveURL(/dept=support/);
    await expect(page.getByRole('heading', { level: 1, name: 'Support dashboard' })).toBeVisible();
    await expect(page.locator('[data-kpi="first_response_time"]')).toBeVisible();
  });
});

test.describe('[DASHBOARD] filters, drill-down, records', () => {
  test('[MANAGER] a filter change updates the numbers and the URL', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/dashboard');
    const won = page.locator('[data-kpi="won_revenue"]').getByTestId('kpi-value');
    const before = await won.textContent();
    // The dashboards open on the last 12 months: switch to another period.
    await page.getByLabel('Period').selectOption('this_quarter');
    await expect(page).toHaveURL(/preset=this_quarter/);
    await expect(won).not.toHaveText(before ?? '');
    const year = await won.textContent();
    await page.getByLabel('Product').selectOption({ index: 1 });
    await expect(page).toHaveURL(/product=/);
    await expect(won).not.toHaveText(year ?? '');
  });

  test('[MANAGER] card → KPI page → drill-down row → record page', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto(`/dashboard?${YEAR}`);
    await page.locator('[data-kpi="win_rate"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/kpis\/win_rate\?preset=last_12_months/);
    await expect(page.getByRole('heading', { level: 1, name: 'Win rate' })).toBeVisible();
    const row = page.getByTestId('drill-table').locator('tbody tr').first();
    const name = (await row.locator('td').nth(0).textContent())!.trim();
    await row.getByRole('link').first().click();
    await expect(page).toHaveURL(/\/records\/deals\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  });

  test('[ADMIN] a breakdown row narrows the KPI to that group', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto(`/kpis/won_revenue?${YEAR}&dim=team`);
    const link = page.getByTestId('breakdown-table').locator('tbody tr th a').first();
    const team = (await link.textContent())!.trim();
    await link.click();
    await expect(page).toHaveURL(new RegExp(`team=${encodeURIComponent(team)}`));
    await expect(page.getByText(`Scope: team ${team}`)).toBeVisible();
  });

  test('[MANAGER] CSV export downloads exactly the rows shown', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto(`/kpis/win_rate?${YEAR}&sort=amount&dir=desc`);
    // Each row's first cell links to its record: /records/deals/<id>.
    const shown = await page.getByTestId('drill-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td a')!.getAttribute('href')!.split('/').pop()));
    expect(shown.length).toBeGreaterThan(1);
    const download = Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export these rows (CSV)' }).click()]);
    const [file] = await download;
    const lines = fs.readFileSync((await file.path())!, 'utf8').trim().split(/\r\n/);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['record_type', 'id', 'name']);
    const ids = lines.slice(1).map((l) => l.split(',')[1]);
    expect(ids).toEqual(shown);
  });

  test('[ADMIN] a count card equals the records its drill-down returns', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto(`/dashboard?dept=marketing&${YEAR}`);
    const card = (await page.locator('[data-kpi="mqls"]').getByTestId('kpi-value').textContent())!.replace(/,/g, '');
    await page.goto(`/kpis/mqls?${YEAR}`);
    await expect(page.getByTestId('drill-total')).toHaveText(`(${Number(card).toLocaleString('en-US')})`);
  });

  test('[MEMBER] own view: their records; team view: teammates\' records read-only; other teams\' not even by URL', async ({ pageAs }) => {
    // Two signed-in users and a dozen page loads: more than the default 30 s on a slow 2-core machine.
    test.setTimeout(90_000);
    const me = demoUser('member').name;
    const manager = await pageAs('manager');
    await manager.goto(`/kpis/win_rate?${YEAR}&sort=owner&dir=asc`);
    // A deal of someone else in the manager's (and the member's) team.
    const teammateRow = manager.getByTestId('drill-table').locator('tbody tr').filter({ hasNot: manager.getByRole('cell', { name: me, exact: true }) });
    const teammateHref = await teammateRow.first().getByRole('link').first().getAttribute('href');
    expect(teammateHref).toMatch(/^\/records\/deals\/\d+$/);
    const admin = await pageAs('admin');
    await admin.goto(`/kpis/win_rate?${YEAR}&team=South`);
    const otherHref = await admin.getByTestId('drill-table').locator('tbody tr').first().getByRole('link').first().getAttribute('href');
    expect(otherHref).toMatch(/^\/records\/deals\/\d+$/);

    const page = await pageAs('member');
    await page.goto(`/kpis/win_rate?${YEAR}&sort=owner`);
    const ownerCol = (await page.getByTestId('drill-table').locator('thead th').allTextContents()).findIndex((h) => h.replace(/[↑↓]/g, '').trim() === 'Owner');
    const owners = await page.getByTestId('drill-table').locator(`tbody tr td:nth-child(${ownerCol + 1})`).allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners.map((o) => o.trim()))).toEqual(new Set([me]));
    await page.getByTestId('member-view-switch').getByRole('link', { name: 'My team' }).click();
    await expect(page).toHaveURL(/view=team/);
    // The team's list streams in after the URL changes (CI once read it mid-stream: 0 rows): poll it.
    await expect.poll(async () => new Set((await page.getByTestId('drill-table').locator(`tbody tr td:nth-child(${ownerCol + 1})`).allTextContents())
      .map((o) => o.trim())).size).toBeGreaterThan(1);

    // A teammate's deal opens read-only: no Edit button, and the edit page is refused.
    expect((await page.goto(teammateHref!))?.status()).toBe(200);
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    expect((await page.goto(`${teammateHref}/edit`))?.status()).toBe(403);
    // Another team's deal is not theirs to see at all.
    expect((await page.goto(otherHref!))?.status()).toBe(404);
    await page.goto('/records/deals');
    await expect(page.getByText('The records you own.', { exact: false })).toBeVisible();
  });
});
