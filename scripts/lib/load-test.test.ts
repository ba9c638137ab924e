import { describe, expect, it } from 'vitest';
import { replaceSection } from './doc-sections';
import { buildReport, dashboardProblem, percentile, renderLoadSection, summarize, type Sample } from './load-test';

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

describe('dashboardProblem', () => {
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
});

describe('the load report', () => {
  const samples: Sample[] = [
    ...Array.from({ length: 19 }, (_, i) => ({ target: 'a', ms: 100 + i, error: null })),
    { target: 'b', ms: 2000, error: 'HTTP 500' },
  ];
  const targets = [{ name: 'a', path: '/dashboard', cookie: '' }, { name: 'b', path: '/dashboard?dept=support', cookie: '' }];
  const report = buildReport(samples, targets, {
    date: '2026-11-23T10:00:00Z', machine: 'test box', database: 'PostgreSQL 17', scale: 'medium', users: 2, seconds: 10, instances: 1, serverPeakRssMb: 512, command: 'npm run bench:load',
  });

  it('summarizes overall and per page, with the error kinds', () => {
    expect(summarize(samples)).toMatchObject({ requests: 20, errors: 1, p50: 109, p95: 118, max: 2000 });
    expect(report.throughput).toBe(2);
    expect(report.byTarget.map((t) => [t.name, t.requests, t.errors])).toEqual([['a', 19, 0], ['b', 1, 1]]);
    expect(report.errorKinds).toEqual({ 'HTTP 500': 1 });
  });

  it('renders a section that says whether the target was met', () => {
    const text = renderLoadSection([{ ...report, instances: 2 }, report], 'How it is measured.');
    expect(text.startsWith('## Dashboard under load\n')).toBe(true);
    expect(text).toContain('20 pages, 1 errors, p95 118 ms — target missed');
    expect(text).toContain('| b: `/dashboard?dept=support` | 1 | 1 | 2000 | 2000 | 2000 | 2000 |');
    expect(text).toContain('Errors: HTTP 500 × 1.');
    expect(text.indexOf('### One server process')).toBeLessThan(text.indexOf('### 2 server processes'));
    expect(text.trimEnd().endsWith('How it is measured.')).toBe(true);
    expect(renderLoadSection([{ ...report, overall: { ...report.overall, errors: 0 } }], '')).toContain('target met');
    expect(renderLoadSection([], '')).toContain('Not measured yet');
  });

  it('replaces its own section of the document and keeps the others in place', () => {
    const doc = '# Perf\n\n## A\n\none\n\n## Dashboard under load\n\nold\n\n## B\n\ntwo\n';
    const out = replaceSection(doc, '## Dashboard under load\n\nnew\n');
    expect(out).toBe('# Perf\n\n## A\n\none\n\n## Dashboard under load\n\nnew\n\n## B\n\ntwo\n');
    expect(replaceSection('# Perf\n\n## A\n\none\n', '## Dashboard under load\n\nnew\n')).toBe('# Perf\n\n## A\n\none\n\n## Dashboard under load\n\nnew\n');
  });
});
