// Screenshots of the admin pages (SCREENSHOTS=1): users, and the import page at mapping and preview,
// desktop and phone, light and dark, into docs/screenshots/admin-*.png. Not run in CI.
import path from 'node:path';
import { authFile, expect, test } from './fixtures';

// The golden data set, in the repository (tests/fixtures/golden/README.md); GOLDEN_DIR overrides it.
const GOLDEN = process.env.GOLDEN_DIR ?? path.resolve(import.meta.dirname, '../tests/fixtures/golden');
const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

test.skip(!process.env.SCREENSHOTS, 'screenshots: set SCREENSHOTS=1');
test.use({ storageState: authFile('admin') });

const SCHEMES = [{ scheme: 'light', suffix: '' }, { scheme: 'dark', suffix: '-dark' }] as const;

for (const [sizeName, viewport] of Object.entries(SIZES)) for (const { scheme, suffix } of SCHEMES) {
  const size = `${sizeName}${suffix}`;
  test(`admin screenshots (${size})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/admin/users');
    await expect(page.getByTestId('users-table')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, `admin-users-${size}.png`), fullPage: true });
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(path.join(GOLDEN, 'deals.csv'));
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByTestId('mapping-table')).toBeVisible();
    await page.screenshot({ path: path.join(OUT, `admin-import-mapping-${size}.png`), fullPage: true });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-counts')).toBeVisible();
    await page.getByTestId('preview-counts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUT, `admin-import-preview-${size}.png`) });
  });
}
