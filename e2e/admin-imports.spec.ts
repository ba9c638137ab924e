// Admin end to end: the golden data set imported file by file through the import page (mapping,
// preview, commit with progress, history), then the KPI pages show the golden values; a file with
// errors is refused with every error shown and nothing written; members and managers get 403 on every
// admin page and their direct calls to the import API and the admin actions fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { authFile, expect, test } from './fixtures';

// The golden data set, in the repository (tests/fixtures/golden/README.md); GOLDEN_DIR overrides it.
const GOLDEN = process.env.GOLDEN_DIR ?? path.resolve(import.meta.dirname, '../tests/fixtures/golden');
const FILES = ['users', 'accounts', 'campaigns', 'leads', 'deals', 'orders', 'tickets', 'survey_responses', 'expenses', 'activities'];
const EXPECTED = JSON.parse(fs.readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as { from: string; to: string; filters: Record<string, string>; kpis: Record<string, number | null> }[];

async function importThroughPage(page: Page, file: string): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload' }).click();
  await expect(page.getByTestId('mapping-table')).toBeVisible();
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('preview-counts')).toContainText('0 errors');
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await expect(page.getByTestId('import-result')).toContainText('Imported:', { timeout: 60_000 });
}

test.describe('admin imports', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: authFile('admin') });

  test('imports the golden files through the page; the KPI pages show the golden values', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('/admin/imports');
    await expect(page.getByText(/up to 200 MB/).first()).toBeVisible();
    for (const name of FILES) {
      await test.step(name, async () => {
        await importThroughPage(page, path.join(GOLDEN, `${name}.csv`));
        if (name === 'users') {
          // The entity was guessed from the header, and the mapping proposed for each column.
          await expect(page.getByLabel('Entity')).toHaveValue('users');
          await expect(page.getByLabel('Map email')).toHaveValue('email');
        }
      });
    }
    const history = page.getByTestId('import-history');
    for (const name of FILES) await expect(history.getByRole('row', { name: new RegExp(`${name}\\.csv.*succeeded`) }).first()).toBeVisible();

    // The team filter isolates golden data from the shared demo seed: golden users belong to teams
    // Alpha/Beta/Gamma, the demo's teams are North/South/Enterprise, so "team=Alpha" counts only
    // records owned by the golden users imported above (team-scoped KPIs; not campaign/expense ones).
    const c = EXPECTED.find((x) => x.filters.team === 'Alpha')!;
    const q = `from=${c.from}&to=${c.to}&team=Alpha`;
    await page.goto(`/kpis/mqls?${q}`);
    await expect(page.getByTestId('kpi-value').first()).toHaveText(new RegExp(`^\\s*${c.kpis.mqls}\\s*$`));
    await page.goto(`/kpis/win_rate?${q}`);
    await expect(page.getByTestId('kpi-value').first()).toContainText(String(Math.round(c.kpis.win_rate!)));
    await page.goto(`/kpis/won_revenue?${q}`);
    const won = (await page.getByTestId('kpi-value').first().textContent())!.replace(/[^\d.]/g, '');
    expect(Math.abs(Number(won) - c.kpis.won_revenue!)).toBeLessThan(Math.max(1, c.kpis.won_revenue! * 0.001));
  });

  test('a file with errors shows every error in the preview; committing is refused; nothing is written', async ({ page }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-admin-'));
    const file = path.join(dir, 'bad-deals.csv');
    fs.writeFileSync(file, [
      'external_id,name,account_external_id,lead_external_id,campaign_external_id,product,type,amount,stage,created_at,closed_at,owner_email',
      'E2E-BAD-1,Bad one,,,,Suite,new,not-a-number,won,2025-01-01,2025-02-01,',
      'E2E-BAD-2,Bad two,,,,Suite,nonsense,100,won,2025-01-01,2025-02-01,',
    ].join('\n'));
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByLabel('Entity')).toHaveValue('deals');
    await page.getByRole('button', { name: 'Preview' }).click();
    const errors = page.getByTestId('preview-errors');
    await expect(errors).toBeVisible();
    await expect(errors.getByRole('row', { name: /^2 amount/ })).toBeVisible();
    await expect(errors.getByRole('row', { name: /^3 type/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import \d/ })).toBeDisabled();

    // The report downloads as CSV with both errors.
    const report = await page.request.get(await page.getByRole('link', { name: /error report/ }).getAttribute('href') as string);
    expect(report.headers()['content-type']).toContain('text/csv');
    const text = await report.text();
    expect(text).toMatch(/^row,column,reason/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);

    // A direct commit is refused on the server too.
    const uploadId = new URL((await page.getByRole('link', { name: /error report/ }).getAttribute('href'))!, 'http://x').searchParams.get('upload');
    const res = await page.request.post('/api/imports/commit', { data: { uploadId, entity: 'deals', mapping: {} } });
    expect([409, 422]).toContain(res.status());
    await page.reload();
    await expect(page.getByTestId('import-history')).not.toContainText('bad-deals.csv');
    await page.goto('/records/deals?q=E2E-BAD');
    await expect(page.getByText('E2E-BAD-1')).toHaveCount(0);
  });

  test("an export's own values (Maven's sales pipeline) are mapped in the page, then the file imports", async ({ page }) => {
    test.setTimeout(120_000);
    const run = Date.now().toString(36);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'maven-')), 'sales_pipeline.csv');
    fs.writeFileSync(file, [
      'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
      `MV-${run}-1,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054`,
      `MV-${run}-2,Darcel Schlecht,MG Special,Cancity,Engaging,2016-10-25,,`,
      `MV-${run}-3,Zane Levy,GTX Basic,Hottechi,Engaging,2016-10-26,,`,
    ].join('\n') + '\n');
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByLabel('Entity')).toHaveValue('deals');
    // The export has no deal name: the account column becomes the name; its own id feeds external_id.
    await page.getByLabel('Map account', { exact: true }).selectOption('name');
    await page.getByRole('button', { name: 'Preview' }).click();
    const mapper = page.getByTestId('value-mapper');
    await expect(mapper).toContainText('Engaging');
    await expect(page.getByTestId('preview-counts')).toContainText('4 errors');
    await mapper.getByLabel('Map stage: "Engaging"').selectOption('qualification');
    await mapper.getByLabel('Map amount: empty cells').fill('0');
    await page.getByRole('button', { name: 'Preview again with these values' }).click();
    await expect(page.getByTestId('preview-counts')).toContainText('0 errors');
    await page.getByRole('button', { name: /^Import \d/ }).click();
    await expect(page.getByTestId('import-result')).toContainText('Imported: 3 inserted');
    await page.goto(`/records/deals?q=${encodeURIComponent(`MV-${run}`)}`);
    await expect(page.getByTestId('record-list').locator('tbody tr')).toHaveCount(3);
    await expect(page.getByTestId('record-list')).toContainText('qualification');
  });

  test('a saved mapping is offered for a second file with the same columns; the preview fits at 1440 px and phone width', async ({ page }) => {
    test.setTimeout(120_000);
    const run = Date.now().toString(36);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-'));
    const header = 'Ticket ID,Opened,Priority Level,Customer Rating,A very long free text column header,Another long column header';
    const long = 'x'.repeat(180);
    const write = (name: string, n: number) => {
      const rows = Array.from({ length: n }, (_, k) => `HD-${run}-${name}-${k},2024-05-0${k + 1},Medium,${k % 2 ? '' : '4'},${long},${long}`);
      fs.writeFileSync(path.join(dir, `${name}.csv`), `${header}\n${rows.join('\n')}\n`);
      return path.join(dir, `${name}.csv`);
    };
    await page.goto('/admin/imports');
    await page.getByLabel('CSV file').setInputFiles(write('first', 3));
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByLabel('Entity').selectOption('tickets');
    await page.getByLabel('Map Ticket ID', { exact: true }).selectOption('external_id');
    await page.getByLabel('Map Opened', { exact: true }).selectOption('created_at');
    await page.getByLabel('Map Priority Level', { exact: true }).selectOption('priority');
    // Rows without a rating are skipped (a rule), Medium is mapped to normal.
    await page.getByLabel('Filter column').selectOption('Customer Rating');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('value-mapper').getByLabel('Map priority: "Medium"').selectOption('normal');
    await page.getByRole('button', { name: 'Preview again with these values' }).click();
    await expect(page.getByTestId('preview-counts')).toContainText('0 errors');
    await expect(page.getByTestId('preview-skipped')).toContainText('1 row skipped: "Customer Rating" is empty');
    await page.getByLabel('Mapping name').fill(`Helpdesk ${run}`);
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await expect(page.getByTestId('mapping-saved')).toContainText(`Saved as “Helpdesk ${run}”`);

    // A second file with the same columns: the saved mapping is offered and gives the same preview.
    await page.getByLabel('CSV file').setInputFiles(write('second', 5));
    await page.getByRole('button', { name: 'Upload' }).click();
    const offer = page.getByTestId('mapping-suggestion').filter({ hasText: `Helpdesk ${run}` });
    await offer.getByRole('button', { name: 'Use it' }).click();
    await expect(page.getByLabel('Map Priority Level', { exact: true })).toHaveValue('priority');
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-counts')).toContainText('0 errors');
    await expect(page.getByTestId('preview-skipped')).toContainText('2 rows skipped');
    await expect(page.getByTestId('preview-rows')).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await page.screenshot({ path: test.info().outputPath(`import-preview-${width}.png`), fullPage: true });
      expect(scroll, `page-wide horizontal scroll at ${width} px`).toBeLessThanOrEqual(client);
    }
    await page.getByRole('button', { name: /^Import \d/ }).click();
    await expect(page.getByTestId('import-result')).toContainText('Imported: 3 inserted');
  });
});

for (const role of ['member', 'manager'] as const) {
  test(`a ${role} gets 403 on every admin page and the admin API and actions refuse them`, async ({ browser, pageAs }) => {
    const page = await pageAs(role);
    for (const p of ['/admin/users', '/admin/teams', '/admin/imports', '/admin/audit', '/admin/users/1']) {
      const res = await page.goto(p);
      expect(res?.status(), p).toBe(403);
    }
    const up = await page.request.post('/api/imports/upload?name=users.csv', { data: 'email,name,role\nx@y.test,X,admin\n', headers: { 'content-type': 'text/csv' } });
    expect(up.status()).toBe(403);
    for (const url of ['/api/imports/preview', '/api/imports/commit']) {
      expect((await page.request.post(url, { data: {} })).status()).toBe(403);
    }
    expect((await page.request.get('/api/imports/errors?import=1')).status()).toBe(403);

    // Replay the admin's "create team" server action with this user's session: refused, no team.
    const adminCtx = await browser.newContext({ storageState: authFile('admin') });
    const admin = await adminCtx.newPage();
    await admin.goto('/admin/teams');
    const teamName = `E2E ${role} replay ${Date.now()}`;
    const captured = admin.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
    await admin.getByRole('textbox', { name: 'New team' }).fill(`${teamName} (admin)`);
    await admin.getByRole('button', { name: 'Create', exact: true }).click();
    const req = await captured;
    await expect(admin.getByText(`Team ${teamName} (admin) created.`)).toBeVisible();
    const body = req.postData()!.replace(`${teamName} (admin)`, teamName);
    const replay = await page.request.post('/admin/teams', { headers: { 'next-action': req.headers()['next-action'], 'content-type': req.headers()['content-type'] }, data: body });
    expect(await replay.text()).not.toContain(`Team ${teamName} created`);
    await admin.reload();
    await expect(admin.getByText(`${teamName} (admin)`).first()).toBeVisible();
    await expect(admin.getByRole('heading', { name: teamName, exact: true })).toHaveCount(0);
    await adminCtx.close();
  });
}
