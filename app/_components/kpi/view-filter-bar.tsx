// The filter bar of a dashboard or KPI page for its resolved view (lib/kpi/view), with the view's notes:
// the link parameters that were ignored and the department that was not followed. One component so both
// pages show the same bar from the same view.
import type { SessionUser } from '@/lib/access';
import type { FilterOptions } from '@/lib/dashboard/filter-options';
import { PERIOD_PRESETS, PRESET_LABELS, toDateParam, type KpiKey } from '@/lib/kpi';
import type { DashboardView } from '@/lib/kpi/view';
import { Alert } from '../ui/alert';
import { FilterBar } from './filter-bar';
import { filterFields } from './filter-fields';

export function ViewFilterBar({ view, user, options, keys, search, departments, hidden }: {
  view: DashboardView;
  user: SessionUser;
  options: FilterOptions;
  /** The KPIs shown: a filter none of them takes is marked. */
  keys: readonly KpiKey[];
  /** The view's query string: a new view remounts the bar with its values. */
  search: string;
  departments?: { options: readonly string[]; current: string };
  /** Parameters the bar's form carries along (dimension, bucket, member view). */
  hidden?: Record<string, string>;
}) {
  return (
    <>
      {view.problem ? <Alert tone="warning" data-testid="view-problem">Some of the link’s parameters were not valid and were ignored: {view.problem}</Alert> : null}
      {view.refused ? <Alert tone="warning" data-testid="refusal">{view.refused}</Alert> : null}
      <FilterBar
        key={search}
        presets={PERIOD_PRESETS.map((p) => ({ value: p, label: PRESET_LABELS[p] }))}
        preset={view.preset}
        from={toDateParam(view.period.from)}
        to={toDateParam(view.period.to)}
        compare={view.compare}
        departments={departments}
        fields={filterFields({ options, user, filters: view.filters, requested: view.requested, keys: [...keys] })}
        values={view.requested}
        hidden={hidden}
      />
    </>
  );
}
