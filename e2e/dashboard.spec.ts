// [DASHBOARD] Department dashboards, KPI pages and drill-downs on the seeded demo, per role: where each
// user lands, what a member may see (never another member's records, not even by typing a URL), filters
// held in the URL, the way from a card down to a record, CSV export of exactly the rows shown, and cards
// that equal what their drill-down rows recompute. Read-only: no spec's writes can move these checks
// (values are compared within one moment, never against fixed numbers).
import { formatKpiValue } from '@/lib/kpi/format';
import type { KpiUnit } from '@/lib/kpi/types';
import { demoUser, expect, isPostgresRun, test, withSql, type DemoRole } from './fixtures';
import type { Page } from '@playwright/test';

const YEAR = 'preset=last_12_months';

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** The CSV as objects keyed by its header. */
function csvObjects(text: string): Record<string, string>[] {
  const [head, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

async function cardValue(page: Page, key: string): Promise<string> {
  return (await page.locator(`[data-kpi="${key}"]`).getByTestId('kpi-value').textContent())!.trim();
}

/** The column index (0-based) of the drill table's owner column, by its header. */
async function ownerColumn(page: Page): Promise<number> {
  const heads = (await page.getByTestId('drill-table').locator('thead th').allTextContents()).map((h) => h.replace(/[↑↓]/g, '').trim());
  const i = heads.findIndex((h) => h === 'Owner' || h === 'Account owner' || h === 'Assignee');
  expect(i, `owner column in ${heads.join(', ')}`).toBeGreaterThanOrEqual(0);
  return i;
}

test.describe('[DASHBOARD] roles', () => {
  test('admin, manager and member land on their department’s dashboard with their scope', async ({ pageAs }) => {
    const expected: Record<DemoRole, { title: string; scope: RegExp; switcher: boolean; firstKpi: string }> = {
      admin: { title: 'Executive dashboard', scope: /^Whole company/, switcher: true, firstKpi: 'revenue' },
      manager: { title: 'Sales dashboard', scope: /^Team North/, switcher: true, firstKpi: 'lead_conversion_rate' },
      member: { title: 'Sales dashboard', scope: /^Your numbers/, switcher: false, firstKpi: 'lead_conversion_rate' },
    };
    for (const [role, e] of Object.entries(expected) as [DemoRole, (typeof expected)[DemoRole]][]) {
      const page = await pageAs(role);
      const res = await page.goto('/dashboard');
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: e.title })).toBeVisible();
      await expect(page.getByTestId('dashboard-scope')).toHaveText(e.scope);
      await expect(page.getByTestId('dashboard-scope')).toContainText('Last 12 months');
      await expect(page.locator('[data-kpi]').first()).toHaveAttribute('data-kpi', e.firstKpi);
      await expect(page.getByLabel('Department')).toHaveCount(e.switcher ? 1 : 0);
      // Only a member has the "Mine / My team" switch; it opens on their own numbers.
      await expect(page.getByTestId('member-view-switch')).toHaveCount(role === 'member' ? 1 : 0);
      if (role === 'member') await expect(page.getByTestId('member-view-switch').getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'page');
      if (role === 'member') {
        // A member's team and owner choices are their own team and themselves only.
        // Their team once: the empty choice already is it.
        expect(await page.getByLabel('Team').locator('option').allTextContents()).toEqual(['North (your team)']);
        const owners = await page.getByLabel('Owner').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
        expect(owners).toEqual(['', 'member@demo.test']);
      }
    }
  });
});

test.describe('[DASHBOARD][SCOPE] a member', () => {
  test('sees their own records in the own view and the team’s in the team view, and is refused a colleague’s or another team’s numbers by URL', async ({ pageAs }) => {
    test.setTimeout(120_000); // both views of three KPI pages, four refusals and two exports
    // A colleague in the member's team, from the manager's choices.
    const manager = await pageAs('manager');
    await manager.goto('/dashboard');
    const colleagues = (await manager.getByLabel('Owner').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .filter((v) => v && v !== 'member@demo.test' && v !== 'manager@demo.test');
    expect(colleagues.length).toBeGreaterThan(0);
    const colleague = colleagues[0];

    const page = await pageAs('member');
    const me = demoUser('member').name;
    for (const key of ['win_rate', 'lead_response_time', 'average_order_value']) {
      await page.goto(`/kpis/${key}?${YEAR}`);
      await expect(page.getByRole('heading', { level: 2, name: /Records behind the number/ })).toBeVisible();
      const table = page.getByTestId('drill-table');
      if ((await table.count()) === 0) continue; // no records of their own for this KPI
      const col = await ownerColumn(page);
      const owners = await table.locator(`tbody tr td:nth-child(${col + 1})`).allTextContents();
      expect(owners.length, key).toBeGreaterThan(0);
      expect(new Set(owners.map((o) => o.trim())), key).toEqual(new Set([me]));
      // The team view: the team's records (owners by name), read-only for the member.
      await page.goto(`/kpis/${key}?${YEAR}&view=team`);
      if ((await table.count()) > 0) {
        const teamOwners = new Set((await table.locator(`tbody tr td:nth-child(${(await ownerColumn(page)) + 1})`).allTextContents()).map((o) => o.trim()));
        expect([...teamOwners].every((o) => !o.includes('@')), key).toBe(true);
      }
      await page.goto(`/kpis/${key}?${YEAR}`);
      // No breakdown by owner or team for a member.
      await expect(page.getByRole('navigation', { name: 'Breakdown dimension' }).getByRole('link', { name: 'owner', exact: true })).toHaveCount(0);
    }
    for (const url of [
      `/dashboard?owner=${encodeURIComponent(colleague)}`,
      `/kpis/win_rate?${YEAR}&owner=${encodeURIComponent(colleague)}`,
      `/dashboard?team=South`,
    ]) {
      const res = await page.goto(url);
      expect(res?.status(), url).toBe(403);
    }
    const csv = await page.request.get(`/kpis/win_rate/export?${YEAR}&owner=${encodeURIComponent(colleague)}&all=1`);
    expect(csv.status()).toBe(403);
    // Their own numbers are theirs to see, and their team's in the team view (the export follows the view).
    const own = await page.goto(`/dashboard?owner=member%40demo.test`);
    expect(own?.status()).toBe(200);
    await expect(page.getByTestId('dashboard-scope')).toContainText('Your numbers');
    expect((await page.goto('/dashboard?view=team'))?.status()).toBe(200);
    await expect(page.getByTestId('dashboard-scope')).toContainText('Team North');
    const mineCsv = csvObjects(await (await page.request.get(`/kpis/won_revenue/export?${YEAR}&all=1`)).text());
    const teamCsv = csvObjects(await (await page.request.get(`/kpis/won_revenue/export?${YEAR}&view=team&all=1`)).text());
    expect(new Set(mineCsv.map((r) => r.owner))).toEqual(new Set([me]));
    expect(teamCsv.length).toBeGreaterThan(mineCsv.length);
  });
});

test.describe('[DASHBOARD][FILTERS]', () => {
  test('a filter change updates the numbers and the URL; filters a KPI ignores are marked', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto('/dashboard');
    const before = await cardValue(page, 'revenue');
    await page.getByLabel('Team').selectOption('North');
    await expect(page).toHaveURL(/[?&]team=North(&|$)/);
    await expect(page.getByTestId('dashboard-scope')).toHaveText(/^Team North/);
    await expect(page.locator('[data-kpi="revenue"]').getByTestId('kpi-value')).not.toHaveText(before);

    // No executive KPI takes the lead source: the bar says so, and so does every card.
    await expect(page.getByTestId('na-source')).toBeVisible();
    const source = await page.getByLabel('Source').locator('option').nth(1).getAttribute('value');
    await page.getByLabel('Source').selectOption(source!);
    await expect(page).toHaveURL(new RegExp(`source=${encodeURIComponent(source!)}`));
    await expect(page.getByTestId('filter-notes')).toContainText('Source');
    await expect(page.locator('[data-kpi="revenue"]').getByTestId('kpi-ignored')).toHaveText('Not filtered by source');

    // A custom range, as a shareable link.
    const now = new Date();
    const month = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
    await page.getByLabel('Period').selectOption('custom');
    await page.getByLabel('From').fill(month(-6));
    // The form asks for the last day included; the URL keeps the exclusive end (the day after).
    const lastDay = new Date(Date.parse(`${month(-3)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('To (included)').fill(lastDay);
    await expect(page).toHaveURL(new RegExp(`from=${month(-6)}&to=${month(-3)}`));
    // In words, end date included: "Custom range · 1 Jun – 31 Aug 2026 · vs 1 Mar – 31 May 2026".
    await expect(page.getByTestId('dashboard-scope')).toContainText(/Custom range · 1 [A-Z][a-z]{2}( \d{4})? – \d{1,2} [A-Z][a-z]{2} \d{4} · vs 1 [A-Z][a-z]{2}/);
    const shared = page.url();
    const other = await pageAs('admin');
    await other.goto(shared);
    await expect(other.getByLabel('Team')).toHaveValue('North');
    expect(await cardValue(other, 'revenue')).toBe(await cardValue(page, 'revenue'));
  });
});

test.describe('[DASHBOARD][DRILL]', () => {
  test('card → breakdown row → drill-down row reaches the record', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto(`/dashboard?dept=sales&${YEAR}`);
    await page.locator('[data-kpi="win_rate"]').getByRole('link').click();
    await expect(page).toHaveURL(/\/kpis\/win_rate\?dept=sales&preset=last_12_months/);
    await expect(page.getByRole('heading', { level: 1, name: 'Win rate' })).toBeVisible();
    const total = Number((await page.getByTestId('drill-total').textContent())!.replace(/[^\d]/g, ''));

    await page.getByRole('navigation', { name: 'Breakdown dimension' }).getByRole('link', { name: 'product', exact: true }).click();
    await expect(page).toHaveURL(/dim=product/);
    const group = page.getByTestId('breakdown-table').locator('tbody tr th a').first();
    const product = (await group.textContent())!.trim();
    await group.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('product')?.toLowerCase()).toBe(product.toLowerCase());
    await expect(page.getByTestId('filter-bar').locator('select[name="product"]')).toHaveValue(new RegExp(`^${product}$`, 'i'));
    const narrowed = Number((await page.getByTestId('drill-total').textContent())!.replace(/[^\d]/g, ''));
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(total);
    const productCol = (await page.getByTestId('drill-table').locator('thead th').allTextContents()).findIndex((h) => h.replace(/[↑↓]/g, '').trim() === 'Product');
    const products = await page.getByTestId('drill-table').locator(`tbody tr td:nth-child(${productCol + 1})`).allTextContents();
    expect(new Set(products.map((p) => p.trim().toLowerCase()))).toEqual(new Set([product.toLowerCase()]));

    await page.getByTestId('drill-table').locator('tbody tr').first().getByRole('link').first().click();
    await expect(page).toHaveURL(/\/records\/deals\/\d+$/);
  });

  test('CSV export downloads exactly the rows shown (page 2, sorted), and all rows on request', async ({ pageAs }) => {
    const page = await pageAs('manager');
    // The denominator's tab (deals won or lost), which flags the numerator's rows.
    await page.goto(`/kpis/win_rate?${YEAR}&set=denominator&sort=amount&dir=asc&page=2`);
    const table = page.getByTestId('drill-table');
    const heads = (await table.locator('thead th').allTextContents()).map((h) => h.replace(/[↑↓]/g, '').trim());
    const shown = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(shown.length).toBe(25);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export these rows (CSV)' }).click()]);
    const file = await download.path();
    const rows = csvObjects((await import('node:fs')).readFileSync(file!, 'utf8'));
    expect(rows.length).toBe(shown.length);
    const at = (label: string) => heads.indexOf(label);
    rows.forEach((r, i) => {
      expect(r.external_id).toBe(shown[i][at('External id')]);
      expect(r.owner).toBe(shown[i][at('Owner')]);
      expect(Number(r.amount).toLocaleString('en-US', { style: 'currency', currency: 'USD' })).toBe(shown[i][at('Amount')]);
      expect(r.in_numerator === 'true' ? 'Yes' : 'No').toBe(shown[i][at('In numerator')]);
    });
    // Sorted by amount ascending, as the table.
    const amounts = rows.map((r) => Number(r.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b));

    const total = Number((await page.getByTestId('drill-total').textContent())!.replace(/[^\d]/g, ''));
    const all = await page.request.get((await page.getByTestId('export-all').getAttribute('href'))!);
    expect(all.headers()['content-type']).toContain('text/csv');
    expect(csvObjects(await all.text()).length).toBe(total);
  });
});

test.describe('[DASHBOARD][DRILL] a ratio’s two sets', () => {
  test('churn rate: the churned accounts first, then the customers at the start, each with its count; the card is their quotient', async ({ pageAs }) => {
    const page = await pageAs('admin');
    await page.goto(`/kpis/churn_rate?${YEAR}`);
    const tabs = page.getByTestId('drill-sets');
    await expect(tabs.getByRole('link')).toHaveCount(2);
    await expect(tabs.getByRole('link').first()).toHaveAttribute('aria-current', 'true');
    await expect(tabs.getByRole('link').first()).toContainText('who churned');
    const count = async (set: string) => Number((await page.getByTestId(`drill-set-${set}-count`).textContent())!.replace(/[^\d]/g, ''));
    const [num, den] = [await count('numerator'), await count('denominator')];
    expect(den).toBeGreaterThan(num);
    expect(num).toBeGreaterThan(0);
    await expect(page.getByTestId('drill-total')).toHaveText(`(${num.toLocaleString('en-US')})`);
    await expect(page.getByTestId('kpi-value')).toHaveText(formatKpiValue((100 * num) / den, 'percent'));
    await tabs.getByRole('link').nth(1).click();
    await expect(page).toHaveURL(/set=denominator/);
    await expect(page.getByTestId('drill-total')).toHaveText(`(${den.toLocaleString('en-US')})`);
    // The records that make the number come first: the churned ones lead the denominator's list.
    const heads = (await page.getByTestId('drill-table').locator('thead th').allTextContents()).map((h) => h.replace(/[↑↓]/g, '').trim());
    const flag = heads.indexOf('In numerator');
    const flags = await page.getByTestId('drill-table').locator(`tbody tr td:nth-child(${flag + 1})`).allTextContents();
    const firstNo = flags.indexOf('No');
    expect(firstNo).toBe(Math.min(num, flags.length) === flags.length ? -1 : num);
    // The export follows the tab.
    const csv = csvObjects(await (await page.request.get((await page.getByTestId('export-all').getAttribute('href'))!)).text());
    expect(csv.length).toBe(den);
  });
});

test.describe('[DASHBOARD][CONSISTENCY] a card equals what its drill-down rows recompute', () => {
  const CASES: { dept: string; key: string; unit: KpiUnit; check: 'count' | 'ratio' | 'mean' | 'sum' | 'ratioOfSums' }[] = [
    { dept: 'sales', key: 'win_rate', unit: 'percent', check: 'ratio' },
    { dept: 'sales', key: 'lead_conversion_rate', unit: 'percent', check: 'ratio' },
    { dept: 'sales', key: 'average_deal_size', unit: 'money', check: 'mean' },
    { dept: 'sales', key: 'won_revenue', unit: 'money', check: 'sum' },
    { dept: 'marketing', key: 'mqls', unit: 'count', check: 'count' },
    { dept: 'marketing', key: 'email_open_rate', unit: 'percent', check: 'ratioOfSums' },
    { dept: 'support', key: 'feedback_volume', unit: 'count', check: 'count' },
    { dept: 'support', key: 'csat', unit: 'percent', check: 'ratio' },
  ];

  test('counts, ratios, means and sums on the sales, marketing and support dashboards', async ({ pageAs }) => {
    test.setTimeout(120_000); // three dashboards and eleven full exports (a ratio's two sets)
    const page = await pageAs('admin');
    const sum = (rows: Record<string, string>[], col: string) => rows.reduce((s, r) => s + Number(r[col] || 0), 0);
    for (const dept of [...new Set(CASES.map((c) => c.dept))]) {
      await page.goto(`/dashboard?dept=${dept}&${YEAR}`);
      for (const c of CASES.filter((x) => x.dept === dept)) {
        const shown = await cardValue(page, c.key);
        const res = await page.request.get(`/kpis/${c.key}/export?${YEAR}&all=1`);
        expect(res.status()).toBe(200);
        const rows = csvObjects(await res.text());
        let value: number | null;
        switch (c.check) {
          case 'count': value = rows.length; break;
          case 'ratio': {
            // The export holds the numerator's set by default; the denominator's with set=denominator.
            const den = csvObjects(await (await page.request.get(`/kpis/${c.key}/export?${YEAR}&set=denominator&all=1`)).text());
            value = den.length ? (100 * rows.length) / den.length : null;
            break;
          }
          case 'mean': value = rows.length ? sum(rows, 'value') / rows.length : null; break;
          case 'sum': value = sum(rows, 'value'); break;
          case 'ratioOfSums': value = sum(rows, 'weight') ? (100 * sum(rows, 'value')) / sum(rows, 'weight') : null; break;
        }
        expect(rows.length, `${c.key} has records`).toBeGreaterThan(0);
        expect(shown, `${c.key} card vs. its ${rows.length} records`).toBe(value == null ? 'No data' : formatKpiValue(value, c.unit));
      }
    }
  });
});

test.describe('[DASHBOARD][GOALS]', () => {
  test('a card shows the goal its number is measured against, for the manager and the member of the team', async ({ pageAs }) => {
    test.skip(!isPostgresRun(), 'Creates its goal with SQL: runs in the Postgres e2e run.');
    const title = `E2E card goal ${Date.now()}`;
    const id = await withSql(async (sql) => {
      const [team] = await sql<{ id: number }[]>`select id from teams where name = 'North'`;
      const [mgr] = await sql<{ id: number }[]>`select id from users where email = 'manager@demo.test'`;
      const [goal] = await sql<{ id: number }[]>`insert into goals (title, kpi_key, baseline, target, scope, scope_team_id, department,
          start_date, due_date, owner_id, created_by_id)
        values (${title}, 'win_rate', 20, 45, 'team', ${team.id}, 'sales', current_date - 30, current_date + 60, ${mgr.id}, ${mgr.id})
        returning id`;
      return goal.id;
    });
    try {
      for (const role of ['manager', 'member'] as const) {
        const page = await pageAs(role);
        await page.goto('/dashboard');
        const goal = page.locator('[data-kpi="win_rate"]').getByTestId('kpi-goal');
        await expect(goal).toContainText(title);
        await expect(goal.locator('.badge')).toHaveText(/^(On track|At risk|Off track|Achieved|Missed|Not started|No data)$/);
        // Other cards have no goal of this test.
        await expect(page.locator('[data-kpi="won_revenue"]').getByText(title)).toHaveCount(0);
      }
    } finally {
      await withSql((sql) => sql`delete from goals where id = ${id}`);
    }
  });
});
