// Goals end to end: the manager sets the seeds' example goal for their team (history and status on
// the way), the team sees it (a support agent on the dashboard card, the sales member on /goals) and a
// member cannot change it, not even by replaying the action; an invalid goal comes back with field
// errors. Screenshots of the goal pages with SCREENSHOTS=1.
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { authFile, expect, serverState, signInViaApi, test } from './fixtures';

const TITLE = 'Reduce average first response time from 8 hours to 4 hours within six months';
const STATUS = /^(On track|At risk|Off track|Achieved|Missed|Not started|No data)$/;
/** A support agent of North, the manager's team: the first response time card is on their dashboard. */
const AGENT = 'kenji.watanabe@demo.test';

const day = (d: Date) => d.toISOString().slice(0, 10);
/** From the server's today (its pinned clock, APP_NOW: not this machine's, which moves on past the seed's day). */
function sixMonthsFromToday(): { start: string; due: string } {
  const now = new Date(serverState().appNow ?? Date.now());
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const due = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 6, Math.min(now.getUTCDate(), 28)));
  return { start: day(start), due: day(due) };
}

async function fillGoal(page: Page, v: { title: string; baseline: string; target: string; start: string; due: string }) {
  await page.getByLabel('Title').fill(v.title);
  await page.getByLabel('KPI').selectOption('first_response_time');
  // A new goal is in its creator's department (the sales manager's), not the KPI's first dashboard;
  // this one is for the team's support agent, so the manager picks support.
  await expect(page.getByLabel('Department')).toHaveValue('sales');
  await page.getByLabel('Department').selectOption('support');
  // The achievable panel proposes a baseline into an untouched field once the KPI's history is in:
  // type ours after that (typed before the form hydrated, it would not count as touched and the
  // proposal would replace it).
  await expect(page.getByTestId('proposed-baseline')).toContainText('Proposed baseline');
  await page.getByLabel(/^Baseline/).fill(v.baseline);
  await page.getByLabel(/^Target/).fill(v.target);
  await page.getByLabel('Start date').fill(v.start);
  await page.getByLabel('Due date').fill(v.due);
}

test.describe.serial('[GOALS] the example goal', () => {
  let goalId = 0;
  let createRequest: { url: string; headers: Record<string, string>; body: Buffer } | null = null;

  test('[MANAGER] creates it for their team, sees the history and the status', async ({ pageAs }) => {
    const page = await pageAs('manager');
    await page.goto('/goals/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New goal' })).toBeVisible();
    await expect(page.getByLabel('For')).toHaveValue('team');
    await expect(page.getByLabel('Team').locator('option:checked')).toHaveText('North');
    const dates = sixMonthsFromToday();
    await fillGoal(page, { title: TITLE, baseline: '8', target: '4', ...dates });
    await page.getByLabel('Description').fill('Triage the queue twice a day; reply templates for the common questions.');

    // Achievable: North's last 12 months of first response time, as a chart and as numbers.
    const history = page.getByTestId('goal-history');
    await expect(history.getByRole('img', { name: /First response time, last 12 months/ })).toBeVisible();
    await expect(history.locator('table tbody tr')).toHaveCount(12);
    await expect(history.locator('table tbody td').first()).toHaveText(/\d+(\.\d)? h|no data/i);
    await expect(page.getByTestId('proposed-baseline')).toContainText('Proposed baseline');
    const verdict = page.getByTestId('achievability');
    await expect(verdict).toContainText(/within what the last 12 months reached|better than|faster than|no history/i);
    if (await verdict.getByText('Beyond the history').isVisible()) await page.getByLabel('Stretch goal').check();

    page.on('request', (r: Request) => {
      if (r.method() === 'POST' && r.headers()['next-action'] && !createRequest) {
        createRequest = { url: r.url(), headers: r.headers(), body: r.postDataBuffer() ?? Buffer.alloc(0) };
      }
    });
    await page.getByRole('button', { name: 'Create goal' }).click();
    await page.waitForURL(/\/goals\/\d+/);
    goalId = Number(/\/goals\/(\d+)/.exec(page.url())![1]);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByText('Goal created.')).toBeVisible();
    await expect(page.getByTestId('goal-status')).toHaveText(STATUS);
    await expect(page.getByRole('img', { name: /First response time: actual, planned and projected/ })).toBeVisible();
    await expect(page.getByTestId('goal-explanation')).not.toBeEmpty();
    await expect(page.getByText('From 8.0 h to 4.0 h (lower is better)')).toBeVisible();
    await expect(page.getByTestId('goal-formulas')).toContainText('least-squares');
    await expect(page.getByTestId('goal-kpi-link')).toHaveAttribute('href', /^\/kpis\/first_response_time\?from=.*team=North/);
    await expect(page.getByTestId('goal-edit')).toBeVisible();
  });

  test('[MEMBER] sees it on the dashboard and the goals list, and cannot change it', async ({ browser, pageAs }) => {
    expect(goalId).toBeGreaterThan(0);
    // The team's support agent: the goal is on their first response time card, with its status.
    const ctx = await browser.newContext();
    await signInViaApi(ctx.request, AGENT);
    const agent = await ctx.newPage();
    await agent.goto('/dashboard');
    const card = agent.locator('[data-kpi="first_response_time"]');
    await expect(card).toContainText(TITLE);
    await expect(card.getByTestId('kpi-goal').locator('.badge')).toHaveText(STATUS);
    await ctx.close();

    // The sales member of the same team: on /goals, read-only.
    const page = await pageAs('member');
    await page.goto('/goals');
    await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New goal' })).toHaveCount(0);
    await page.goto(`/goals/${goalId}`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    await expect(page.getByTestId('goal-edit')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Close|Archive/ })).toHaveCount(0);
    expect((await page.request.get(`/goals/${goalId}/edit`)).status()).toBe(403);
    expect((await page.request.get('/goals/new')).status()).toBe(403);

    // The manager's own create request, replayed with the member's session: refused, nothing written.
    expect(createRequest).not.toBeNull();
    const { url, headers, body } = createRequest!;
    const res = await page.request.post(url, {
      headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], origin: headers.origin ?? new URL(url).origin, accept: 'text/x-component' },
      data: body,
      maxRedirects: 0,
    });
    expect(await res.text()).toContain('You do not have permission to do this.');
    await page.goto('/goals');
    await expect(page.getByRole('link', { name: TITLE })).toHaveCount(1);
  });
});

test('[MANAGER] an invalid goal is refused with field errors', async ({ pageAs }) => {
  const page = await pageAs('manager');
  await page.goto('/goals/new');
  const title = `Invalid goal ${Date.now()}`;
  await fillGoal(page, { title, baseline: '8', target: '8', start: '2030-06-01', due: '2030-01-01' });
  // The KPI select tampered with on the way: the server must refuse a KPI that does not exist.
  await page.route('**/goals/new', async (route) => {
    const req = route.request();
    const body = req.postDataBuffer()?.toString('latin1');
    if (req.method() !== 'POST' || !body) return route.continue();
    expect(body).toMatch(/name="(?:_?\d+_)?kpi_key"\r\n\r\nfirst_response_time/);
    await route.continue({ postData: Buffer.from(body.replace(/(name="(?:_?\d+_)?kpi_key"\r\n\r\n)first_response_time/, '$1no_such_kpi'), 'latin1') });
  });
  await expect(page.getByLabel(/^Baseline/)).toHaveValue('8');
  await page.getByRole('button', { name: 'Create goal' }).click();
  await expect(page.getByTestId('goal-form-error')).toHaveText('Some fields need attention.');
  await expect(page.locator('#field-kpi_key-error')).toHaveText('There is no such KPI.');
  await expect(page.locator('#field-target-error')).toHaveText('The target must differ from the baseline.');
  await expect(page.locator('#field-due_date-error')).toHaveText('The due date must be after the start date.');
  await expect(page.getByLabel('Title')).toHaveValue(title); // what was typed stays
  await expect(page).toHaveURL(/\/goals\/new$/);
  await page.goto('/goals');
  await expect(page.getByText(title)).toHaveCount(0);
});

test.describe('[DOCS] goal screenshots', () => {
  test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to refresh docs/screenshots/.');
  const OUT = path.join(process.cwd(), 'docs', 'screenshots');
  for (const [size, viewport] of Object.entries({ desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } })) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`goals ${size} ${scheme}`, async ({ browser }) => {
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, storageState: authFile('manager'), deviceScaleFactor: 1 });
        const page = await ctx.newPage();
        await page.goto('/goals');
        await expect(page.getByTestId('goal-list')).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `goal-list-${size}-${scheme}.png`), fullPage: true });
        await page.getByRole('link', { name: 'North: close more revenue this quarter', exact: true }).click();
        await expect(page.getByTestId('goal-summary')).toBeVisible();
        await page.waitForTimeout(500);
        await page.screenshot({ path: path.join(OUT, `goal-detail-${size}-${scheme}.png`), fullPage: true });
        await page.goto('/goals/new?kpi=first_response_time');
        await expect(page.getByTestId('goal-history')).toBeVisible();
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(OUT, `goal-new-${size}-${scheme}.png`), fullPage: true });
        await ctx.close();
      });
    }
  }
});
