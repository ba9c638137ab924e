// The KPI registry: one entry per KPI of kpi-catalog.md, the single source of truth for the UI, goals,
// the CLI and the engine (lib/kpi/calc holds each KPI's SQL under the same key). No SQL here, so
// client components may import it.
import type { Department } from '@/db/schema/enums';
import { MARKETING_META } from './meta/marketing';
import { OPERATIONS_META } from './meta/operations';
import { RETENTION_META } from './meta/retention';
import { SALES_META } from './meta/sales';
import type { KpiMeta } from './meta/shared';
import { SUPPORT_META } from './meta/support';
import type { KpiCategory, KpiValue } from './types';

export type { KpiMeta } from './meta/shared';

type Entry = (typeof SALES_META | typeof MARKETING_META | typeof SUPPORT_META | typeof RETENTION_META | typeof OPERATIONS_META)[number];
export type KpiKey = Entry['key'];

/** The departments' dashboards (kpi-catalog.md, "Dashboards by department"), in display order. */
export const DASHBOARDS: Record<Department, readonly KpiKey[]> = {
  executive: ['revenue', 'revenue_growth_rate', 'won_revenue', 'win_rate', 'customer_acquisition_cost',
    'customer_lifetime_value', 'churn_rate', 'nps', 'csat', 'pipeline_value'],
  sales: ['lead_conversion_rate', 'win_rate', 'sales_cycle_length', 'average_deal_size', 'won_revenue',
    'pipeline_value', 'annual_contract_value', 'lead_response_time', 'upsell_cross_sell_rate', 'sales_growth_rate'],
  marketing: ['mqls', 'mql_to_sql_rate', 'contact_rate', 'customer_acquisition_cost', 'campaign_roi', 'email_open_rate',
    'email_click_through_rate', 'email_unsubscribe_rate', 'social_engagement_rate', 'customer_referral_rate'],
  support: ['first_response_time', 'resolution_time', 'first_contact_resolution_rate', 'average_handling_time',
    'complaint_resolution_rate', 'csat', 'nps', 'customer_effort_score', 'feedback_volume', 'cost_per_interaction'],
  success: ['churn_rate', 'retention_rate', 'customer_lifetime_value', 'repeat_purchase_rate', 'arpu',
    'average_order_value', 'upsell_cross_sell_rate', 'customer_engagement_rate', 'customer_loyalty_index',
    'customer_journey_length', 'average_profit_per_customer'],
  operations: ['crm_adoption_rate', 'data_completeness', 'lead_response_time', 'customer_service_cost'],
};

/** A registry entry: the catalogue's metadata plus the dashboards showing the KPI. */
export type KpiEntry = KpiMeta & { key: KpiKey; dashboards: readonly Department[] };

const withCategory = (category: KpiCategory, list: readonly Entry[]): KpiEntry[] =>
  list.map((m) => ({ ...m, category, dashboards: dashboardsOf(m.key) }));

/** Every KPI, in the catalogue's order. */
export const KPIS: readonly KpiEntry[] = [
  ...withCategory('sales', SALES_META),
  ...withCategory('marketing', MARKETING_META),
  ...withCategory('support', SUPPORT_META),
  ...withCategory('retention', RETENTION_META),
  ...withCategory('operations', OPERATIONS_META),
];

export const KPI_KEYS: readonly KpiKey[] = KPIS.map((k) => k.key);

const BY_KEY = new Map<string, KpiEntry>(KPIS.map((k) => [k.key, k]));

export function isKpiKey(key: string): key is KpiKey {
  return BY_KEY.has(key);
}

export function getKpi(key: KpiKey): KpiEntry;
export function getKpi(key: string): KpiEntry | undefined;
export function getKpi(key: string) {
  return BY_KEY.get(key);
}

/** The departments whose dashboard shows a KPI. */
export function kpiDashboards(key: KpiKey): Department[] {
  return dashboardsOf(key);
}

function dashboardsOf(key: string): Department[] {
  return (Object.keys(DASHBOARDS) as Department[]).filter((d) => (DASHBOARDS[d] as readonly string[]).includes(key));
}

/** A value a dashboard shows that is computed from KPIs rather than records (the executive CLV ÷ CAC). */
export interface DerivedValue {
  key: string;
  name: string;
  definition: string;
  inputs: readonly KpiKey[];
  compute: (values: Partial<Record<KpiKey, KpiValue>>) => KpiValue;
  direction: 'higher' | 'lower';
}

export const DERIVED_VALUES: Record<Department, readonly DerivedValue[]> = {
  executive: [{
    key: 'clv_cac_ratio', name: 'CLV ÷ CAC', direction: 'higher',
    definition: 'Customer lifetime value ÷ customer acquisition cost: what a customer brings for what winning one costs.',
    inputs: ['customer_lifetime_value', 'customer_acquisition_cost'],
    compute: (v) => {
      const clv = v.customer_lifetime_value;
      const cac = v.customer_acquisition_cost;
      return clv == null || cac == null || cac === 0 ? null : clv / cac;
    },
  }],
  sales: [], marketing: [], support: [], success: [], operations: [],
};
