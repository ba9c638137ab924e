import { describe, expect, it } from 'vitest';
import { DASHBOARDS } from '@/lib/kpi/registry';
import { RECORD_FORMS } from '@/lib/records/form-defs';
import { replaceSection } from './doc-sections';
import { buildReport, misses, renderLoadSection } from './load-report';
import { dashboardProblem, mapPool, pacedStart, pageProblem, percentile, summarize, type Sample } from './load-test';
import { pagesOf, roleCounts } from './load-users';
import { editDeal, editTicket } from './load-writer';

describe('percentile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  it('gives the value at or below which the share of samples falls', () => {
    expect(percentile(hundred, 0.95)).toBe(95);
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile([7], 0.95)).toBe(7);
    expect(percentile([1, 2, 3], 0.95)).toBe(3);
    expect(percentile([], 0.95)).toBeNaN();
  });
});

describe('pacedStart', () => {
  it('spreads the users evenly over one interval, then one page per interval each', () => {
    // 4 users at 2 pages a second: each a page every 2 s, starting 0, 0.5, 1 and 1.5 s in.
    expect([0, 1, 2, 3].map((i) => pacedStart(i, 4, 0, 2))).toEqual([0, 500, 1000, 1500]);
    expect(pacedStart(1, 4, 3, 2)).toBe(6500);
    // Over any whole interval the users together start `pace` pages a second.
    const starts = [0, 1, 2, 3].flatMap((i) => [0, 1, 2, 3, 4].map((n) => pacedStart(i, 4, n, 2)));
    expect(starts.filter((t) => t >= 3000 && t < 8000)).toHaveLength(10);
  });
});

describe('pageProblem', () => {
  const good = '<html><div data-testid="kpi-cards">…</div></html>';
  it('accepts a complete page with its KPI cards', () => expect(dashboardProblem(200, good)).toBeNull());
  it('counts a redirect (lost session) or a server error as an error', () => {
    expect(dashboardProblem(307, '')).toBe('HTTP 307');
    expect(dashboardProblem(500, good)).toBe('HTTP 500');
  });
  it('sees a widget that failed while the page streamed, though the status is 200', () => {
    expect(dashboardProblem(200, `${good}<template data-dgst="123"></template>`)).toBe('a widget failed on the server');
  });
  it('sees a page without cards or cut short', () => {
    expect(dashboardProblem(200, '<html></html>')).toBe('no KPI cards in the page');
    expect(dashboardProblem(200, '<html><div data-testid="kpi-cards">')).toBe('page cut short');
  });
  it('wants the value on a KPI page, not dashboard cards', () => {
    expect(pageProblem('kpi', 200, '<html><p data-testid="kpi-value">12 %</p></html>')).toBeNull();
    expect(pageProblem('kpi', 200, good)).toBe('no KPI value in the page');
  });
});

describe('the virtual users', () => {
  it('open their own default dashboard and two KPI pages of their department', () => {
    const member = { id: 3, email: 'member@demo.test', role: 'member' as const, department: 'support' as const };
    const pages = pagesOf(member, 1);
    expect(pages.map((p) => p.path)).toEqual(['/dashboard', `/kpis/${DASHBOARDS.support[1]}`, `/kpis/${DASHBOARDS.support[6]}`]);
    expect(pages.map((p) => p.group)).toEqual(['dashboard, members', 'KPI page, members', 'KPI page, members']);
    // No department: the executive dashboard, as the app opens it.
    expect(pagesOf({ ...member, role: 'admin', department: null }, 0)[1].path).toBe(`/kpis/${DASHBOARDS.executive[0]}`);
  });
  it('counts roles and runs at most `concurrency` at a time, in order', async () => {
    expect(roleCounts([{ id: 1, email: 'a', role: 'admin', department: null }, { id: 2, email: 'b', role: 'member', department: 'sales' }, { id: 3, email: 'c', role: 'member', department: 'sales' }]))
      .toEqual({ admin: 1, member: 2 });
    let running = 0, most = 0;
    const out = await mapPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(most).toBe(2);
  });
});

describe('the writer\'s edits', () => {
  it('give values the record form accepts: an open deal moves on or changes amount, a won deal is closed today', () => {
    for (let i = 0; i < 40; i++) {
      const v: Record<string, string> = { id: '7', name: 'Deal', amount: '1000.00', stage: 'negotiation', type: 'new', created_at: '2026-01-05', closed_at: '', owner_id: '3', account_id: '4' };
      editDeal(v);
      expect(v.stage === 'won' ? v.closed_at : v.amount).not.toBe(v.stage === 'won' ? '' : '1000.00');
      const parsed = RECORD_FORMS.deals.schema.safeParse(v);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
  it('resolve an open ticket (answered first) and re-prioritise a resolved one', () => {
    const open: Record<string, string> = { id: '9', created_at: '2026-01-05T10:00', priority: 'normal', first_response_at: '', resolved_at: '', assignee_id: '5' };
    editTicket(open);
    expect(open.resolved_at).not.toBe('');
    expect(open.first_response_at).toBe(open.resolved_at);
    expect(RECORD_FORMS.tickets.schema.safeParse(open).success).toBe(true);
    const done = { ...open };
    editTicket(done);
    expect(done.priority).not.toBe('normal');
    expect(RECORD_FORMS.tickets.schema.safeParse(done).success).toBe(true);
  });
});

describe('the load report', () => {
  const samples: Sample[] = [
    ...Array.from({ length: 19 }, (_, i) => ({ group: 'dashboard, members', path: i % 2 ? '/dashboard' : '/kpis/win_rate', ms: 100 + i, error: null })),
    { group: 'KPI page, admins', path: '/kpis/revenue', ms: 2000, error: 'HTTP 500' },
  ];
  const report = buildReport(samples, {
    date: '2026-11-23T10:00:00Z', commit: 'abc1234', machine: 'test box', database: 'PostgreSQL 17, medium scale', scale: 'medium', users: 2,
    roles: { admin: 1, member: 1 }, seconds: 10, instances: 1, loadAvg: { before: 1.5, after: 2.25 }, writesPerSecond: 0, writes: null,
    serverPeakRssMb: 512, command: 'npm run bench:load',
  });

  it('summarizes overall and per group, with the error kinds', () => {
    expect(summarize(samples)).toMatchObject({ requests: 20, errors: 1, p50: 109, p95: 118, max: 2000 });
    expect(report.throughput).toBe(2);
    expect(report.byGroup.map((t) => [t.name, t.requests, t.errors])).toEqual([['KPI page, admins', 1, 1], ['dashboard, members', 19, 0]]);
    expect(report.errorKinds).toEqual({ 'HTTP 500': 1 });
    // /kpis/revenue has one request only: too few to call it slow.
    expect(report.slowest?.map((p) => [p.path, p.requests, p.p50])).toEqual([['/kpis/win_rate', 10, 108], ['/dashboard', 9, 109]].sort((a, b) => (b[2] as number) - (a[2] as number)));
  });

  it('says what missed the targets and by how much', () => {
    expect(misses(report)).toEqual(['2.0 pages/s is 38.0 short of 40 (95 %)', '1 errors, not 0']);
    const fast = { ...report, throughput: 45, overall: { ...report.overall, errors: 0, p95: 1250 } };
    expect(misses(fast)).toEqual(['p95 1250 ms is 250 ms over 1 s (1.25×)']);
    expect(misses({ ...fast, overall: { ...fast.overall, p95: 900 } })).toEqual([]);
  });

  it('renders a section with the targets, the summary table and each run', () => {
    const withWrites = { ...report, writesPerSecond: 2, writes: { requestedPerSecond: 2, achievedPerSecond: 1.9, saved: 19, created: 2, failed: 0, skipped: 1, refusedOwner: 3, latency: { requests: 19, errors: 0, p50: 12, p95: 40, p99: 41, max: 42 }, failures: {} } };
    const text = renderLoadSection([withWrites, report], 'How it is measured.');
    expect(text.startsWith('## Dashboard under load\n')).toBe(true);
    expect(text).toContain('medium ≥ 40 pages/s, large ≥ 30 pages/s, p95 ≤ 1 s, 0 errors');
    expect(text).toContain('| medium | 2 (1.90) | 2 | – (no think time) | 2.0 (≥ 40) | 118 | 109 | 1 | 12.0 / 40.0 | 1.5 → 2.3 | ? / ? | `abc1234` |');
    expect(text).toContain('| dashboard, members | 19 | 0 | 109 | 118 | 118 | 118 |');
    expect(text).toContain('target missed: 2.0 pages/s is 38.0 short of 40 (95 %); 1 errors, not 0');
    expect(text).toContain('**1.90/s** of 2/s asked, 0 failed, 1 ticks skipped, 3 updates refused to the owner');
    expect(text).toContain('Errors: HTTP 500 × 1.');
    expect(text).toContain('Slowest pages by median: `/dashboard` 109 ms (9), `/kpis/win_rate` 108 ms (10).');
    expect(text.indexOf('### medium, no writes')).toBeLessThan(text.indexOf('### medium, 2 writes/s'));
    expect(renderLoadSection([{ ...report, scale: 'large' }, report], '').indexOf('### medium')).toBeLessThan(renderLoadSection([{ ...report, scale: 'large' }, report], '').indexOf('### large'));
    expect(text.trimEnd().endsWith('How it is measured.')).toBe(true);
    const paced = renderLoadSection([{ ...withWrites, pace: 40, users: 58 }, withWrites], '');
    expect(paced).toContain('### medium, 2 writes/s, one server process, paced at 40 pages/s');
    expect(paced).toContain('each user opened a page every 1.45 s (the 58 users together 40 pages a second');
    expect(paced.indexOf('### medium, 2 writes/s, one server process\n')).toBeLessThan(paced.indexOf('paced at 40 pages/s\n'));
    expect(renderLoadSection([], '')).toContain('Not measured yet');
  });

  it('replaces its own section of the document and keeps the others in place', () => {
    const doc = '# Perf\n\n## A\n\none\n\n## Dashboard under load\n\nold\n\n## B\n\ntwo\n';
    const out = replaceSection(doc, '## Dashboard under load\n\nnew\n');
    expect(out).toBe('# Perf\n\n## A\n\none\n\n## Dashboard under load\n\nnew\n\n## B\n\ntwo\n');
  });
});
