// Building blocks of the KPI metadata: which filters reach each record kind (kpi-catalog.md, Conventions).
import type { DrillEntity, FilterKey, KpiAggregation, KpiCategory, KpiDirection, KpiUnit } from '../types';

export interface KpiMetaInput {
  key: string;
  name: string;
  unit: KpiUnit;
  direction: KpiDirection;
  /** The catalogue's definition, in words for users. */
  definition: string;
  aggregation: KpiAggregation;
  /** Filters that change the number (the others leave it unfiltered, and the UI says so). */
  filters: readonly FilterKey[];
  /** Breakdown dimensions: filters that reach every filterable part of the KPI. */
  breakdowns: readonly FilterKey[];
  /** What the drill-down lists; null when no records make the number (a composite index). */
  drillEntity: DrillEntity | 'mixed' | null;
  /** Scores: the scale's bounds. */
  range?: readonly [number, number];
  /** Why some filters do not apply, for the UI. */
  filterNote?: string;
}

export interface KpiMeta extends KpiMetaInput {
  category: KpiCategory;
}

const OWNER = ['team', 'owner'] as const;
const ACCOUNT = ['segment', 'region', 'industry'] as const;
export const F = {
  leads: [...OWNER, 'source'],
  deals: [...OWNER, ...ACCOUNT, 'product'],
  orders: [...OWNER, ...ACCOUNT, 'product'],
  tickets: [...OWNER, ...ACCOUNT, 'channel'],
  survey_responses: [...OWNER, ...ACCOUNT],
  accounts: [...OWNER, ...ACCOUNT],
  campaigns: ['channel'],
  users: [...OWNER],
  none: [],
} as const satisfies Record<string, readonly FilterKey[]>;

export const EXPENSES_NOTE = 'Expenses are never filtered: only the count they are divided by is.';
export const CAMPAIGNS_NOTE = 'Campaigns take only the channel filter; their attributed deals are never filtered.';
