// [KPI][REGISTRY] The registry matches the catalogue and the SQL definitions it fronts.
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '@/db/schema/enums';
import { CALCS } from './calc';
import { DASHBOARDS, DERIVED_VALUES, KPIS, KPI_KEYS, getKpi, kpiDashboards } from './registry';
import { SOURCES, sourceFilterKeys, type SourceKey } from './sql/sources';
import { FILTER_KEYS, KPI_UNITS, type FilterKey } from './types';

function sourcesOf(key: (typeof KPI_KEYS)[number]): { parts: SourceKey[]; nested: SourceKey[] } {
  const calc = CALCS[key];
  return { parts: [...new Set(calc.parts.map((p) => p.part.source))], nested: calc.nested ?? [] };
}

describe('[KPI][REGISTRY]', () => {
  it('has the 46 KPIs of the catalogue, each with its SQL', () => {
    expect(KPIS.length).toBe(46);
    expect(new Set(KPI_KEYS).size).toBe(46);
    expect(Object.keys(CALCS).sort()).toEqual([...KPI_KEYS].sort());
    for (const k of KPIS) {
      expect(KPI_UNITS).toContain(k.unit);
      expect(k.definition.length).toBeGreaterThan(20);
      if (k.unit === 'score') expect(k.range).toBeDefined();
      expect(k.aggregation).toBe(['count'].includes(k.unit) || ['won_revenue', 'revenue', 'customer_service_cost'].includes(k.key) ? 'additive' : 'level');
    }
    expect(KPIS.filter((k) => k.category === 'sales').length).toBe(10);
    expect(KPIS.filter((k) => k.category === 'marketing').length).toBe(10);
    expect(KPIS.filter((k) => k.category === 'support').length).toBe(11);
    expect(KPIS.filter((k) => k.category === 'retention').length).toBe(13);
    expect(KPIS.filter((k) => k.category === 'operations').length).toBe(2);
  });

  it("declares exactly the filters that reach its records, and breakdowns every part follows", () => {
    for (const k of KPIS) {
      const { parts, nested } = sourcesOf(k.key);
      const union = new Set<FilterKey>([...parts, ...nested].flatMap((s) => sourceFilterKeys(SOURCES[s])));
      expect([...k.filters].sort(), k.key).toEqual(FILTER_KEYS.filter((f) => union.has(f)).sort());
      const common = FILTER_KEYS.filter((f) => parts.every((s) => sourceFilterKeys(SOURCES[s]).includes(f)));
      for (const b of k.breakdowns) expect(common, `${k.key} by ${b}`).toContain(b);
      if (!nested.length) expect([...k.breakdowns].sort(), k.key).toEqual([...common].sort());
    }
  });

  it('drills into the entity its SQL lists', () => {
    for (const k of KPIS) {
      const drill = CALCS[k.key].drill;
      if (drill === null) expect(k.drillEntity).toBeNull();
      else if (Array.isArray(drill)) expect(k.drillEntity).toBe('mixed');
      else expect(SOURCES[drill.source].entity, k.key).toBe(k.drillEntity);
    }
  });

  it("lists the departments' dashboards of the catalogue", () => {
    expect(Object.keys(DASHBOARDS).sort()).toEqual([...DEPARTMENTS].sort());
    for (const d of DEPARTMENTS) for (const key of DASHBOARDS[d]) expect(getKpi(key), key).toBeDefined();
    expect(DASHBOARDS.marketing).toContain('email_unsubscribe_rate');
    expect(kpiDashboards('lead_response_time').sort()).toEqual(['operations', 'sales']);
    expect(getKpi('csat').dashboards).toEqual(['executive', 'support']);
    // The catalogue puts new_customers on no dashboard (it is an input of CAC); it has its KPI page.
    expect(KPIS.filter((k) => kpiDashboards(k.key).length === 0).map((k) => k.key)).toEqual(['new_customers']);
    const ratio = DERIVED_VALUES.executive[0];
    expect(ratio.compute({ customer_lifetime_value: 300, customer_acquisition_cost: 100 })).toBe(3);
    expect(ratio.compute({ customer_lifetime_value: 300, customer_acquisition_cost: null })).toBeNull();
    for (const input of ratio.inputs) expect(DASHBOARDS.executive).toContain(input);
  });
});
