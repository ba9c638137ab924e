// The KPI engine's public API. Pages, goals, the CLI and tests import from here.
export * from './types';
export { KPIS, KPI_KEYS, DASHBOARDS, DERIVED_VALUES, getKpi, isKpiKey, kpiDashboards, type KpiKey, type KpiMeta, type KpiEntry, type DerivedValue } from './registry';
export { computeKpis, computeKpisWithPrevious, kpiBreakdown, kpiReadSet, type KpiQuery, type KpiValues, type BreakdownRow } from './engine';
export { kpiTimeSeries, type SeriesPoint } from './series';
export { kpiDrilldown, MAX_PAGE_SIZE, type DrillQuery, type DrillResult, type DrillRow, type DrillColumn, type DrillSet } from './drilldown';
export * from './periods';
export * from './filters';
export { formatKpiValue, UNIT_SUFFIX } from './format';
export type { DrillCheck } from './calc/define';
