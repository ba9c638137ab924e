// Screenshots of the admin pages (SCREENSHOTS=1): users, and the import page at mapping and preview
// (the golden deals, and a small help-desk export made here, mapped with a row rule), desktop
// (1440x900) and phone (390x844), light and dark, into docs/screenshots/admin-*.png. Not run in CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { authFile, expect, test } from './fixtures';

// The golden data set, in the repository (tests/fixtures/golden/README.md); GOLDEN_DIR overrides it.
const GOLDEN = process.env.GOLDEN_DIR ?? path.resolve(import.meta.dirname, '../tests/fixtures/golden');
const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

/** A help-desk export in its own words (headers, priorities), with long free text: the preview must fit. */
function helpdeskCsv(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shots-helpdesk-')), 'helpdesk-export.csv');
  const notes = 'Customer wrote twice about the same invoice; forwarded to billing, who asked for the order number and the card’s last four digits before refunding';
  const rows = [
    ['HD-1001', '2026-11-02 09:14', 'Invoice charged twice', 'High', '4'],
    ['HD-1002', '2026-11-03 11:40', 'Cannot export the report to CSV', 'Medium', ''],
    ['HD-1003', '2026-11-05 16:02', 'Password reset e-mail never arrives', 'Urgent', '2'],
    ['HD-1004', '2026-11-09 08:30', 'How do I add a second admin?', 'Low', '5'],
    ['HD-1005', 'next Tuesday', 'Dashboard slow on Mondays', 'Medium', '3'],
    ['HD-1006', '2026-11-12 13:25', 'Refund for the annual plan', 'High', ''],
  ];
  const csv = ['Ticket ID,Opened,Subject,Priority Level,Customer Rating,Agent notes', ...rows.map((r) => [...r, `"${notes}"`].join(','))];
  fs.writeFileSync(file, `${csv.join('\n')}\n`);
  return file;
}

test.skip(!process.env.SCREENSHOTS, 'screenshots: set SCREENSHOTS=1');
test.use({ storageState: authFile('admin') });
// Uploads, previews and full-page shots on a shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

/** A full-page capture paints the sticky header where the page is scrolled to: capture from the top. */
async function fullShot(page: Page, file: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(OUT, file), fullPage: true });
}

const SCHEMES = [{ scheme: 'light', suffix: '' }, { scheme: 'dark', suffix: '-dark' }] as const;

for (const [sizeName, viewport] of Object.entries(SIZES)) for (const { scheme, suffix } of SCHEMES) {
  const size = `${sizeName}${suffix}`;
  test(`admin screenshots (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/users');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await fullShot(page, `admin-users-${size}.png`);
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(path.join(GOLDEN, 'deals.csv'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await fullShot(page, `admin-import-mapping-${size}.png`);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-counts')).toBeVisible();
    // The counts mid-screen: the preview's title above them, its first errors below.
    await page.getByTestId('preview-counts').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(OUT, `admin-import-preview-${size}.png`) });
  });

  test(`admin import preview of a help-desk export (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(helpdeskCsv());
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await page.getByLabel('Entity').selectOption('tickets');
    await page.getByLabel('Map Ticket ID', { exact: true }).selectOption('external_id');
    await page.getByLabel('Map Opened', { exact: true }).selectOption('created_at');
    await page.getByLabel('Map Priority Level', { exact: true }).selectOption('priority');
    // Rows without a rating are skipped: the preview says how many and why.
    await page.getByLabel('Filter column').selectOption('Customer Rating');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-counts')).toBeVisible();
    await expect(page.getByTestId('value-mapper')).toContainText('Medium');
    await fullShot(page, `admin-import-helpdesk-preview-${size}.png`);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect.soft(scroll, 'the import preview scrolls sideways').toBeLessThanOrEqual(client);
  });
}
