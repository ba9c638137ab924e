// [FIRST-USE] What a new user tripped over (issue 12, item 6): refused links say what and why, Clear
// filters keeps the department, filter hints are descriptions (not part of the name), a member's team is
// listed once, and the Owner choices follow the chosen team.
import { expect, test } from './fixtures';

test.describe('[FIRST-USE] refused links say what was refused and why', () => {
  test('a member linked to another team gets the 403 page naming the team and their reach', async ({ pageAs }) => {
    const page = await pageAs('member');
    const res = await page.goto('/dashboard?team=South');
    expect(res?.status()).toBe(403);
    await expect(page.getByTestId('refusal')).toHaveText('You may not view team "South". A member sees their own numbers and their own team’s, not other teams’ or colleagues’ alone.');
  });

  test('a member linked to another department keeps their dashboard, with a notice naming it', async ({ pageAs }) => {
    const page = await pageAs('member');
    const res = await page.goto('/dashboard?dept=support');
    expect(res?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales dashboard');
    await expect(page.getByTestId('refusal')).toHaveText('The link asked for the Support dashboard, but a member sees their own department’s dashboard only (managers and administrators switch): this is your Sales dashboard.');
  });
});

test.describe('[FIRST-USE] filter bar', () => {
  test('Clear filters keeps the department; hints describe a select without renaming it; owners follow the team', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/dashboard?dept=sales&team=North');
    // Owners are the North team's members only.
    const owners = await page.getByLabel('Owner').locator('option').allTextContents();
    expect(owners.length).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/[?&]dept=sales(&|$)/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales dashboard');
    // The new page's choices arrive after the URL changes: wait for them rather than read the old ones.
    await expect.poll(async () => (await page.getByLabel('Owner').locator('option').allTextContents()).length).toBeGreaterThan(owners.length);
    // "partly" / "n/a" are visible, and are the select's description, not part of its name.
    const partly = page.locator('[data-testid^="partly-"], [data-testid^="na-"]').first();
    await expect(partly).toBeVisible();
    const id = await partly.getAttribute('id');
    const select = page.locator(`select[aria-describedby~="${id}"]`);
    await expect(select).toHaveCount(1);
    const name = await select.evaluate((el) => (el as HTMLSelectElement).labels?.[0]?.textContent ?? '');
    expect(name).not.toMatch(/partly|n\/a/);
  });

  test('a member’s Team select lists their team once', async ({ pageAs }) => {
    const page = await pageAs('member');
    await page.goto('/dashboard?view=team');
    const teams = await page.getByLabel('Team').locator('option').allTextContents();
    expect(teams.filter((t) => /North/.test(t))).toHaveLength(1);
  });
});
