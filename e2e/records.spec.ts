// [RECORDS] Record lists and pages as a member uses them (seeded demo): only their own leads in their
// list, a teammate's record opens read-only (no Edit, the edit page is 403; another team's is 404), an invalid deal form shows field errors and writes nothing, and a
// valid edit (stage → won) moves the won revenue KPI; a ticket opened from its list is theirs; campaigns
// (owned by nobody) are an admin's to create. Uses a deal it creates, in a 2019 window no other
// spec or seed row touches, so parallel specs cannot disturb the numbers.
import { demoUser, expect, test } from './fixtures';

const KPI_URL = '/kpis/won_revenue?from=2019-03-01&to=2019-04-01&owner=member%40demo.test';

test.describe('[RECORDS] member', () => {
  test('lists only their own leads; a teammate\'s lead opens read-only by URL and its edit page is refused', async ({ pageAs }) => {
    const me = demoUser('member').name;
    const manager = await pageAs('manager');
    await manager.goto('/records/leads');
    const foreign = manager.locator('[data-testid="record-list"] tbody tr').filter({ hasNot: manager.getByTestId('owner-cell').getByText(me, { exact: true }) });
    const href = await foreign.first().getByRole('link').first().getAttribute('href');
    expect(href).toMatch(/^\/records\/leads\/\d+$/);

    const page = await pageAs('member');
    await page.goto('/records/leads');
    const owners = await page.getByTestId('owner-cell').allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([me]));
    // The manager's leads are the member's team's: readable (behind the team's numbers), not editable.
    expect((await page.goto(href!))?.status()).toBe(200);
    await expect(page.getByTestId('read-only')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
    expect((await page.goto(`${href}/edit`))?.status()).toBe(403);
  });

  test('invalid deal form shows field errors and keeps input; a valid edit to won changes the KPI', async ({ pageAs }) => {
    test.setTimeout(120_000); // four page loads and two writes; slow on a busy 2-core CI
    const page = await pageAs('member');
    const name = `E2E records deal ${Date.now()}`;
    await page.goto(KPI_URL);
    await expect(page.getByTestId('kpi-value')).not.toContainText('12,345');

    await page.goto('/records/deals/new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Amount').fill('not money');
    await page.getByLabel('Stage').selectOption('won');
    await page.getByLabel('Created').fill('2019-03-02');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await expect(page.locator('#field-amount-error')).toBeVisible();
    await expect(page.locator('#field-closed_at-error')).toContainText('required');
    await expect(page.getByLabel('Amount')).toHaveAttribute('aria-describedby', /field-amount-error/);
    await expect(page.getByLabel('Name')).toHaveValue(name);
    await expect(page.getByLabel('Amount')).toHaveValue('not money');
    await page.goto(`/records/deals?q=${encodeURIComponent(name)}`);
    await expect(page.getByText('No deals match this search')).toBeVisible();

    await page.goto('/records/deals/new');
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Amount').fill('12345');
    await page.getByLabel('Stage').selectOption('proposal');
    await page.getByLabel('Created').fill('2019-03-02');
    await page.getByRole('button', { name: 'Create deal' }).click();
    await expect(page).toHaveURL(/\/records\/deals\/\d+\?saved=1$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    const dealUrl = page.url().replace(/\?.*$/, '');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Stage').selectOption('won');
    await page.getByLabel('Closed').fill('2019-03-10');
    await page.getByRole('button', { name: 'Save deal' }).click();
    await expect(page).toHaveURL(`${dealUrl}?saved=1`);
    await expect(page.getByTestId('record-fields')).toContainText('won');

    await page.goto(KPI_URL);
    await expect(page.getByTestId('kpi-value')).toContainText('12,345');
  });

  test('opens a ticket from the list: a bad time is an error next to its field, then the ticket is theirs', async ({ pageAs }) => {
    test.setTimeout(90_000);
    const page = await pageAs('member');
    await page.goto('/records/tickets');
    await page.getByRole('link', { name: 'New ticket' }).click();
    await expect(page).toHaveURL(/\/records\/tickets\/new$/);
    // A member owns what they write: the assignee is shown, fixed to them.
    await expect(page.getByLabel('Assignee')).toBeDisabled();
    await page.getByLabel('Opened').fill('2019-05-06T10:00');
    await page.getByLabel('First response').fill('2019-05-06T09:00');
    await page.getByLabel('Category').selectOption('complaint');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.locator('#field-first_response_at-error')).toContainText('must not be before Opened');
    await expect(page.getByLabel('Category')).toHaveValue('complaint');
    await page.getByLabel('First response').fill('2019-05-06T10:45');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page).toHaveURL(/\/records\/tickets\/\d+\?saved=1$/);
    const fields = page.getByTestId('record-fields');
    await expect(fields).toContainText('complaint');
    await expect(fields).toContainText(demoUser('member').name);
    await expect(fields).toContainText(/ui-ticket-[0-9a-f]{8}/);
  });

  test('may not create campaigns (owned by nobody); an admin may', async ({ pageAs }) => {
    const page = await pageAs('member');
    expect((await page.goto('/records/campaigns/new'))?.status()).toBe(404);
    const admin = await pageAs('admin');
    await admin.goto('/records/campaigns');
    await expect(admin.getByRole('link', { name: 'New campaign' })).toBeVisible();
    await admin.getByRole('link', { name: 'New campaign' }).click();
    await expect(admin.getByLabel('Channel')).toBeVisible();
  });
});
