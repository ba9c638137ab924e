// [DASHBOARD][CARD] What a KPI card says: value with unit, previous value and change with an arrow and a
// sign (not only a color), "No data" for null, the goal and its status, filters it ignores, its link.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KpiCard } from '@/app/_components/kpi/kpi-card';
import { getKpi } from '@/lib/kpi';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('[DASHBOARD][CARD] KpiCard', () => {
  it('a lower-is-better KPI that fell: value, previous, down arrow, minus sign, good tone, link keeps filters', () => {
    const html = renderToStaticMarkup(createElement(KpiCard, {
      kpi: getKpi('first_response_time'), value: 4, previous: 8, href: '/kpis/first_response_time?preset=last_month&team=North', requested: { team: 'North' },
    }));
    expect(html).toContain('data-kpi="first_response_time"');
    expect(html).toContain('href="/kpis/first_response_time?preset=last_month&amp;team=North"');
    const t = text(html);
    expect(t).toContain('4.0 h');
    expect(t).toContain('▼ −50.0%');
    expect(t).toContain('(better)');
    expect(t).toContain('prev. 8.0 h');
    expect(t).toContain('Lower is better');
    expect(t).not.toContain('Not filtered by');
  });

  it('null value: "No data", no change; a filter the KPI ignores is named', () => {
    const html = renderToStaticMarkup(createElement(KpiCard, {
      kpi: getKpi('win_rate'), value: null, previous: 31.25, href: '/kpis/win_rate', requested: { source: 'web' },
    }));
    const t = text(html);
    expect(t).toContain('No data');
    expect(t).not.toMatch(/[▲▼]/);
    expect(t).toContain('prev. 31.3%');
    expect(t).toContain('Not filtered by source');
  });

  it('shows the goal it is measured against, with its status badge and progress', () => {
    const html = renderToStaticMarkup(createElement(KpiCard, {
      kpi: getKpi('won_revenue'), value: 120_000, previous: 100_000, href: '/kpis/won_revenue', requested: {},
      goal: { id: 7, title: 'Q4 bookings', target: 200_000, status: 'at_risk', progress: 0.6, scopeLabel: 'Team North' },
    }));
    const t = text(html);
    expect(t).toContain('$120,000');
    expect(t).toContain('▲ +20.0%');
    expect(t).toContain('Goal Q4 bookings');
    expect(t).toContain('At risk');
    expect(t).toContain('60%');
    expect(html).toContain('target $200,000');
  });

  it('a growth rate off a tiny base shows both values and why, not "−1,919.9 pp"; a score changes in points', () => {
    const t = text(renderToStaticMarkup(createElement(KpiCard, {
      kpi: getKpi('sales_growth_rate'), value: 88, previous: 2_007.9, href: '/kpis/sales_growth_rate', requested: {},
    })));
    expect(t).toContain('▼ from 2,008% → 88.0% (worse)');
    expect(t).toContain('no % change: a move of 100 pp or more');
    expect(t).not.toContain('1,919');
    expect(t).not.toContain('prev.');
    const nps = text(renderToStaticMarkup(createElement(KpiCard, { kpi: getKpi('nps'), value: 42.3, previous: 39.5, href: '/kpis/nps', requested: {} })));
    expect(nps).toContain('▲ +2.8 points');
    expect(nps).toContain('prev. 39.5');
  });

  it('a money KPI without data says "No data", never "$0.00"', () => {
    const t = text(renderToStaticMarkup(createElement(KpiCard, { kpi: getKpi('won_revenue'), value: null, previous: null, href: '/kpis/won_revenue', requested: {} })));
    expect(t).toContain('Won revenue No data');
    expect(t).not.toContain('$0');
  });
});
