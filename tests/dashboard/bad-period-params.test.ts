// [DASHBOARD][PARAMS] The dates an outside probe put in dashboard and KPI links (issue 11, item 5):
// the view says what was wrong and falls back to the default period, and every widget (cards, trends,
// the KPI page's value and trend) still computes on a real database, instead of failing in SQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/access';
import { createTestDb, type TestDb } from '@/tests/helpers/test-db';
import { importGolden } from '@/tests/kpi/golden-data';

process.env.KPI_CACHE_TTL_SECONDS = '0'; // no change feed, no shared results: each widget computes
process.env.APP_NOW = '2025-12-01T18:00:00Z'; // the golden data's last month is complete

const holder: { h?: TestDb } = {};
vi.mock('@/db/client', async (orig) => ({
  ...(await orig<typeof import('@/db/client')>()),
  getDb: async () => holder.h!.db,
  getReadDb: async () => holder.h!.db,
}));

const admin: SessionUser = { id: 0, email: 'admin@golden.test', name: 'Admin', role: 'admin', department: 'executive', teamId: null, managedTeamIds: [] };
const { pageView: resolveView } = await import('@/app/_lib/page-view');
const { DashboardCards } = await import('@/app/(app)/dashboard/cards');
const { TrendCharts } = await import('@/app/(app)/dashboard/charts');
const { TrendAndValue } = await import('@/app/(app)/kpis/[key]/sections');

beforeAll(async () => {
  holder.h = await createTestDb();
  await importGolden(holder.h.db);
});
afterAll(async () => holder.h?.close());

const BAD: [Record<string, string>, RegExp][] = [
  [{ from: '0000-01-01', to: '2025-01-01' }, /^from: Not a date/],
  [{ from: '2025-01-01', to: '275760-09-13' }, /^to: Not a date/],
  [{ from: '2025-01-01', to: '+020000-01-01' }, /^to: Not a date/],
  [{ from: '-1', to: '2025-01-01' }, /^from: Not a date/],
  [{ from: '1-1-1', to: '2025-01-01' }, /^from: Not a date/],
  [{ from: '1900-01-01', bucket: 'week' }, /^to: Give the end/],
  [{ from: '1900-01-01', to: '2025-01-01', bucket: 'week' }, /^bucket: A week trend covers at most 5 years/],
];

describe('[DASHBOARD][PARAMS] malformed dates in dashboard and KPI links', () => {
  for (const [params, message] of BAD) {
    it(`${new URLSearchParams(params)}: a message, the default period, every widget computed`, async () => {
      const view = await resolveView(admin, params);
      expect(view.problem).toMatch(message);
      expect(view.preset).toBe('last_12_months');
      expect([view.period.from.toISOString(), view.period.to.toISOString()]).toEqual(['2024-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z']);
      await expect(DashboardCards({ view, user: admin })).resolves.toBeTruthy();
      await expect(TrendCharts({ view })).resolves.toBeTruthy();
      await expect(TrendAndValue({ kpiKey: 'revenue', view, bucket: view.bucket, search: '', user: admin })).resolves.toBeTruthy();
    }, 60_000);
  }

  it('the widest valid range computes its cards and says the trend is too long to draw', async () => {
    const view = await resolveView(admin, { from: '1900-01-01', to: '2200-12-31' });
    expect(view.problem).toBeNull();
    await expect(DashboardCards({ view, user: admin })).resolves.toBeTruthy();
    const trends = JSON.stringify(await TrendCharts({ view }));
    expect(trends).toContain('trend-too-long');
  }, 60_000);
});
