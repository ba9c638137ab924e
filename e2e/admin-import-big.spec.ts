// Measurement, not run in CI: ADMIN_IMPORT_BIG=1 imports a 200 000-row accounts file through the
// import page, samples the progress text and the server's resident memory (the process listening on
// the e2e port) every second, and prints the numbers recorded in docs/performance.md.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authFile, expect, test } from './fixtures';

const ROWS = Number(process.env.ADMIN_IMPORT_ROWS ?? 200_000);
const PORT = Number(process.env.E2E_PORT ?? 3100);

function serverRssMb(): number {
  const out = execSync(`ss -ltnpH 'sport = :${PORT}'`).toString();
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

test.skip(!process.env.ADMIN_IMPORT_BIG, 'measurement: set ADMIN_IMPORT_BIG=1');
test.use({ storageState: authFile('admin') });

test(`imports ${ROWS} rows through the page with a moving progress bar and flat server memory`, async ({ page }) => {
  test.setTimeout(30 * 60_000);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'big-import-')), 'accounts.csv');
  const run = Date.now().toString(36);
  const lines = ['external_id,name,segment,industry,region,owner_email,customer_since,churned_at'];
  for (let i = 0; i < ROWS; i++) lines.push(`BIG-${run}-${i},Big account ${i},SMB,Retail,EMEA,,2024-0${(i % 9) + 1}-15,`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const mb = (fs.statSync(file).size / 1048576).toFixed(1);

  await page.goto('/admin/imports');
  const rssStart = serverRssMb();
  let t0 = Date.now();
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('mapping-table')).toBeVisible({ timeout: 120_000 });
  const uploadS = (Date.now() - t0) / 1000;
  t0 = Date.now();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('preview-counts')).toContainText('0 errors', { timeout: 600_000 });
  const previewS = (Date.now() - t0) / 1000;
  const rssAfterPreview = serverRssMb();

  t0 = Date.now();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  const samples: { s: number; text: string; rss: number }[] = [];
  const result = page.getByTestId('import-result');
  let shot = false;
  while (!(await result.isVisible())) {
    if (!shot && samples.length === 3) {
      shot = true;
      await page.getByTestId('import-progress').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.resolve(import.meta.dirname, '../docs/screenshots/admin-import-progress-desktop.png') });
    }
    samples.push({ s: (Date.now() - t0) / 1000, text: (await page.getByTestId('import-progress-text').textContent()) ?? '', rss: serverRssMb() });
    await page.waitForTimeout(1000);
  }
  const commitS = (Date.now() - t0) / 1000;
  await expect(result).toContainText(`Imported: ${ROWS} inserted`);
  const distinct = new Set(samples.map((x) => x.text)).size;
  const rssMax = Math.max(...samples.map((x) => x.rss));
  console.log(JSON.stringify({ rows: ROWS, mb, uploadS, previewS, commitS, rssStart, rssAfterPreview, rssMax, progressSteps: distinct,
    samples: samples.filter((_, i) => i % Math.max(1, Math.floor(samples.length / 12)) === 0) }, null, 1));
  expect(distinct).toBeGreaterThan(2);
});
