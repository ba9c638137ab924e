// Several files at once and undo, end to end (issue 15 items 7 and 8): the golden folder's ten files
// chosen together go through the several-files panel (entities guessed, checked, imported in one go,
// counts per file); then two small files imported together are undone from the history (confirmation,
// both history rows of the run say "undone" with what was deleted).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authFile, expect, test } from './fixtures';

const GOLDEN = process.env.GOLDEN_DIR ?? path.resolve(import.meta.dirname, '../tests/fixtures/golden');
const FILES = ['users', 'accounts', 'campaigns', 'leads', 'deals', 'orders', 'tickets', 'survey_responses', 'expenses', 'activities'];

/** Data rows of a golden file (no quoted line breaks in these files). */
const rowsOf = (name: string) => fs.readFileSync(path.join(GOLDEN, `${name}.csv`), 'utf8').trim().split('\n').length - 1;

test.describe('several files and undo', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: authFile('admin') });

  test('the golden folder through the several-files panel: one import, counts per file', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(FILES.map((n) => path.join(GOLDEN, `${n}.csv`)));
    await page.getByRole('button', { name: `Upload ${FILES.length} files` }).click();
    const table = page.getByTestId('batch-files');
    for (const n of FILES) await expect(page.getByLabel(`Entity of ${n}.csv`)).toHaveValue(n);
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(page.getByTestId('batch-result')).toContainText(`Dry run of ${FILES.length} file(s), nothing written`, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Import all' }).click();
    const result = page.getByTestId('batch-result');
    await expect(result).toContainText(`Imported ${FILES.length} file(s):`, { timeout: 60_000 });
    // Whatever was already there (another spec may have imported the golden files), every row is counted once.
    const [, ins, upd, same] = (await result.textContent())!.match(/(\d+) inserted, (\d+) updated, (\d+) unchanged/)!.map(Number);
    expect(ins + upd + same).toBe(FILES.reduce((a, n) => a + rowsOf(n), 0));
    for (const n of FILES) {
      const cells = table.getByRole('row', { name: new RegExp(`^${n}\\.csv`) });
      await expect(cells).toContainText(/\d+ new, \d+ changed, \d+ unchanged/);
    }
    const history = page.getByTestId('import-history');
    for (const n of FILES) await expect(history.getByRole('row', { name: new RegExp(`${n}\\.csv.*succeeded`) }).first()).toBeVisible();
  });

  test('two files imported together are undone together from the history', async ({ page }) => {
    test.setTimeout(120_000);
    const tag = `E2EU${Date.now().toString(36).toUpperCase()}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'undo-e2e-'));
    fs.writeFileSync(path.join(dir, `${tag}-accounts.csv`), `external_id,name,segment,industry,region,owner_email,customer_since,churned_at\n${tag}-A,Undo Test Account ${tag},SMB,Retail,EMEA,,,\n`);
    fs.writeFileSync(path.join(dir, `${tag}-deals.csv`), `external_id,name,account_external_id,owner_email,campaign_external_id,product,type,amount,stage,created_at,closed_at,contract_months\n${tag}-D,Undo Test Deal ${tag},${tag}-A,,,Pro,new,1234.00,Prospecting,2025-10-01T10:00:00Z,,\n`);
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles([path.join(dir, `${tag}-accounts.csv`), path.join(dir, `${tag}-deals.csv`)]);
    // Named after the tag, so the history rows are this run's even while other specs import deals.csv;
    // the entity is guessed from the header.
    await page.getByRole('button', { name: 'Upload 2 files' }).click();
    await page.getByRole('button', { name: 'Check all' }).click();
    await expect(page.getByTestId('batch-result')).toContainText('Dry run of 2 file(s)', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Import all' }).click();
    await expect(page.getByTestId('batch-result')).toContainText('Imported 2 file(s): 2 inserted, 0 updated, 0 unchanged.', { timeout: 30_000 });

    const history = page.getByTestId('import-history');
    const row = history.getByRole('row', { name: new RegExp(`${tag}-deals\\.csv`) });
    await expect(row).toContainText('succeeded');
    await row.getByRole('button', { name: 'Undo…' }).click();
    await expect(row).toContainText(`Undo ${tag}-deals.csv and the 1 other file imported with it?`);
    await row.getByRole('button', { name: 'Yes, undo' }).click();
    const done = 'Undone (2 files imported together): 2 inserted records deleted, 0 updated records restored.';
    await expect(row).toContainText(done, { timeout: 30_000 });
    await expect(history.getByRole('row', { name: new RegExp(`${tag}-accounts\\.csv`) })).toContainText(done);
  });
});
