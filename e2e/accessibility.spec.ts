// [A11Y] axe-core over every page, light and dark: 0 serious or critical violations of WCAG 2.1 A/AA
// (contrast, names, labels, duplicate ids, …). Pages are opened as the demo admin (who sees every page);
// a record page, a goal and a user are reached through their list's first link, so the spec needs no
// ids of the seed. Streaming widgets are awaited (no aria-busy left) before the check.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { authFile, expect, test } from './fixtures';

const SCHEMES = ['light', 'dark'] as const;
const DEPARTMENTS = ['executive', 'sales', 'marketing', 'support', 'success', 'operations'];
const ENTITIES = ['accounts', 'leads', 'deals', 'orders', 'campaigns', 'tickets', 'survey-responses'];

/** A page: a fixed URL, or a list URL whose first matching link is followed. */
interface Target { name: string; url: string; follow?: string; signedOut?: boolean }

const TARGETS: Target[] = [
  { name: 'login', url: '/login', signedOut: true },
  ...DEPARTMENTS.map((d) => ({ name: `dashboard ${d}`, url: `/dashboard?dept=${d}` })),
  { name: 'KPI page', url: '/kpis/win_rate?preset=last_12_months&dim=product' },
  ...ENTITIES.map((e) => ({ name: `records ${e}`, url: `/records/${e}` })),
  ...ENTITIES.map((e) => ({ name: `record ${e}`, url: `/records/${e}`, follow: '[data-testid="record-list"] tbody tr a' })),
  { name: 'record form (new deal)', url: '/records/deals/new' },
  { name: 'record form (edit ticket)', url: '/records/tickets', follow: '[data-testid="record-list"] tbody tr a', },
  { name: 'goals', url: '/goals' },
  { name: 'goal', url: '/goals', follow: '[data-testid="goal-list"] a[href^="/goals/"]' },
  { name: 'new goal', url: '/goals/new' },
  { name: 'admin users', url: '/admin/users' },
  { name: 'admin user', url: '/admin/users', follow: '[data-testid="users-table"] tbody tr a[href^="/admin/users/"]' },
  { name: 'admin teams', url: '/admin/teams' },
  { name: 'admin imports', url: '/admin/imports' },
  { name: 'admin audit', url: '/admin/audit' },
];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
}

async function open(page: Page, t: Target): Promise<void> {
  await page.goto(t.url);
  await settle(page);
  if (t.follow) {
    const href = await page.locator(t.follow).first().getAttribute('href');
    expect(href, `${t.name}: no link to follow on ${t.url}`).toBeTruthy();
    await page.goto(t.name.startsWith('record form') ? `${href}/edit` : href!);
    await settle(page);
  }
}

test.describe('[A11Y] axe-core: no serious or critical violations', () => {
  test.describe.configure({ mode: 'parallel' });
  test.setTimeout(90_000);

  for (const t of TARGETS) {
    test(t.name, async ({ browser }) => {
      const ctx = await browser.newContext(t.signedOut ? {} : { storageState: authFile('admin') });
      const page = await ctx.newPage();
      try {
        const found: string[] = [];
        for (const colorScheme of SCHEMES) {
          await page.emulateMedia({ colorScheme });
          await open(page, t);
          const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
          for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
            found.push(`${colorScheme} ${page.url()}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n    ')}`);
          }
        }
        expect(found, found.join('\n')).toEqual([]);
      } finally {
        await ctx.close();
      }
    });
  }
});
