// Screenshots for docs/screenshots/: the sign-in page, the signed-in shell, the dashboard (a manager's,
// and a member's "My team" view), a ratio KPI's page with its two drill-down tabs, a record list,
// records and a form, desktop (1440x900) and phone (390x844), light and dark. Only with SCREENSHOTS=1
// (they are for people, not assertions). The e2e server pins the clock (APP_NOW), so every run shows the same data.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { authFile, expect, test } from './fixtures';

const OUT = path.join(process.cwd(), 'docs', 'screenshots');
const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** A full-page capture paints the sticky header where the page is scrolled to: capture from the top. */
async function shot(page: Page, file: string, fullPage: boolean): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, file), fullPage });
}

/** A phone page must not scroll sideways; soft, so the shot that shows it is still written. */
async function expectNoSideScroll(page: Page, what: string): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect.soft(scroll, `${what} scrolls sideways`).toBeLessThanOrEqual(client);
}

test.describe('[DOCS] screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to refresh docs/screenshots/.');
  // Several full pages per test on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`login ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.goto('/login');
        await page.getByLabel('E-mail').fill('someone@demo.test');
        await page.getByLabel('Password').fill('wrong-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await expect(page.getByRole('status')).not.toBeEmpty();
        await page.getByLabel('E-mail').blur();
        await page.screenshot({ path: path.join(OUT, `login-${size}-${scheme}.png`) });
        await ctx.close();
      });

      test(`shell ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, storageState: authFile('admin'), deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.goto('/dashboard');
        await expect(page.getByRole('heading', { level: 1, name: /dashboard$/i })).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `shell-${size}-${scheme}.png`) });
        // The Records menu open, to show the dropdown.
        await page.getByText('Records', { exact: true }).click();
        await expect(page.getByRole('link', { name: 'Survey responses' })).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `shell-menu-${size}-${scheme}.png`) });
        await ctx.close();
      });

      test(`pages ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, storageState: authFile('manager'), deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        const suffix = `${size}${scheme === 'dark' ? '-dark' : ''}`;
        if (suffix === 'desktop') {
          // "This month" on the pinned clock's first of the month: one day, compared with 1 Nov.
          await page.goto('/dashboard?preset=this_month');
          await expect(page.locator('[data-kpi]').first()).toBeVisible();
          await page.waitForTimeout(500);
          await shot(page, 'dashboard-this-month-desktop.png', true);
        }
        await page.goto('/dashboard?preset=last_12_months');
        await expect(page.locator('[data-kpi]').first()).toBeVisible();
        await expect(page.getByRole('figure', { name: 'Lead funnel' })).toBeVisible();
        await page.waitForTimeout(500);
        await expect(page.getByTestId('dashboard-scope')).toContainText(' · vs ');
        await shot(page, `dashboard-${suffix}.png`, size === 'desktop');
        await expectNoSideScroll(page, 'the dashboard');
        // A ratio KPI: its page, then its two drill-down tabs (what it counts, out of what) in view.
        await page.goto('/kpis/win_rate?preset=last_12_months&dim=product');
        await expect(page.getByTestId('drill-table')).toBeVisible();
        await page.waitForTimeout(500);
        await shot(page, `kpi-${suffix}.png`, size === 'desktop');
        await expectNoSideScroll(page, 'the KPI page');
        await page.getByTestId('drill-sets').evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await expect(page.getByTestId('drill-set-denominator')).toBeInViewport();
        await page.screenshot({ path: path.join(OUT, `kpi-ratio-tabs-${suffix}.png`) });
        await page.getByTestId('drill-table').locator('tbody tr').first().getByRole('link').first().click();
        await expect(page.getByTestId('record-fields')).toBeVisible();
        await shot(page, `record-${suffix}.png`, true);
        // An account's page with the records that point at it.
        await page.goto('/records/accounts?sort=customer_since&dir=desc');
        await expect(page.getByTestId('record-list')).toBeVisible();
        await shot(page, `record-list-${suffix}.png`, false);
        await expectNoSideScroll(page, 'the record list');
        await page.getByTestId('record-list').locator('tbody tr').first().getByRole('link').first().click();
        await expect(page.getByRole('heading', { level: 2, name: /^Deals/ })).toBeVisible();
        await shot(page, `record-account-${suffix}.png`, size === 'desktop');
        // A record form after a failed submit: errors next to their fields, the typed values kept.
        await page.goto('/records/tickets/new');
        await page.getByLabel('First response').fill('2000-01-01T00:00');
        await page.getByLabel('Contacts').fill('0');
        await page.getByRole('button', { name: 'Create ticket' }).click();
        await expect(page.locator('#field-contacts-error')).toBeVisible();
        // On a phone, the errors in view (a full-page capture would paint the sticky header mid-page).
        if (size === 'phone') await page.locator('#field-first_response_at').scrollIntoViewIfNeeded();
        await shot(page, `record-form-${suffix}.png`, size === 'desktop');
        await ctx.close();
      });

      test(`member team view ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, storageState: authFile('member'), deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        const suffix = `${size}${scheme === 'dark' ? '-dark' : ''}`;
        await page.goto('/dashboard?preset=last_12_months');
        await page.getByTestId('member-view-switch').getByRole('link', { name: 'My team' }).click();
        await expect(page.getByTestId('member-view-switch').getByRole('link', { name: 'My team' })).toHaveAttribute('aria-current', 'page');
        await expect(page.locator('[data-kpi]').first()).toBeVisible();
        await page.waitForTimeout(500);
        await shot(page, `dashboard-member-team-${suffix}.png`, size === 'desktop');
        await expectNoSideScroll(page, "the member's team view");
        await ctx.close();
      });

      test(`403 ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, storageState: authFile('member'), deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.goto('/admin/users');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `forbidden-${size}-${scheme}.png`) });
        await ctx.close();
      });
    }
  }
});
