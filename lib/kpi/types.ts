// Shared vocabulary of the KPI engine. Pure types and constants: safe to import from client components.
import { DRILLABLE_ENTITIES, ENTITY_CATALOGUE, type DrillableEntity, type EntitySlug } from '@/lib/entities/catalogue';

export const KPI_CATEGORIES = ['sales', 'marketing', 'support', 'retention', 'operations'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export const KPI_UNITS = ['percent', 'money', 'count', 'hours', 'days', 'minutes', 'score'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export type KpiDirection = 'higher' | 'lower';

/** 'additive': counts and sums (a bigger period sums its parts); 'level': rates and means. */
export type KpiAggregation = 'additive' | 'level';

/** Filters a KPI can take, in the catalogue's order. Values: team name, user e-mail, or free text. */
export const FILTER_KEYS = ['team', 'owner', 'segment', 'region', 'industry', 'product', 'source', 'channel'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type KpiFilters = Partial<Record<FilterKey, string>>;

/** Breakdown dimensions are the filter dimensions: a breakdown row is the KPI under that one filter. */
export const DIMENSIONS = FILTER_KEYS;
export type Dimension = FilterKey;

/**
 * What a drill-down lists, as its rows and the CSV export name it: the slug of a drillable entity of
 * the catalogue ('survey-responses'), which is also its /records/<slug> URL. Expenses and users have
 * no record page.
 */
export type DrillEntity = EntitySlug<DrillableEntity>;
export const DRILL_ENTITIES: readonly DrillEntity[] = DRILLABLE_ENTITIES.map((n) => ENTITY_CATALOGUE[n].slug);

export interface Period {
  from: Date;
  to: Date;
}

export type KpiValue = number | null;
