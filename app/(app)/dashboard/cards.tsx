// The dashboard's KPI cards: one SQL pass per table for the whole dashboard (current and previous
// period together: the view's like-for-like comparison), plus the goals the numbers are measured against. Streams inside <Suspense>.
import { getReadDb } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { cardGoals } from '@/lib/goals/card-goals';
import { viewSearch, type DashboardView } from '@/lib/kpi/view';
import { cachedKpis } from '@/lib/dashboard/cached-queries';
import { DASHBOARDS, DERIVED_VALUES, getKpi, type KpiKey } from '@/lib/kpi';
import { DerivedCard, KpiCard } from '../../_components/kpi/kpi-card';
import styles from '../../_components/kpi/kpi.module.css';

export async function DashboardCards({ view, user }: { view: DashboardView; user: SessionUser }) {
  const started = performance.now();
  const db = await getReadDb();
  const keys = DASHBOARDS[view.department];
  const derived = DERIVED_VALUES[view.department];
  const all = [...new Set<KpiKey>([...keys, ...derived.flatMap((d) => d.inputs)])];
  const [{ current, previous }, goals] = await Promise.all([
    cachedKpis.computeKpisWithPrevious(db, view.access, {
      from: view.period.from, to: view.period.to, keys: all,
      compare: view.comparison, compareOfCompare: view.comparisonOfComparison,
    }),
    cardGoals(db, user, view.department, view.access),
  ]);
  if (process.env.KPI_TIMING) console.info(`[dashboard] ${view.department} cards: ${(performance.now() - started).toFixed(0)} ms`);
  const search = viewSearch(view);
  return (
    <div className={styles.cards} data-testid="kpi-cards">
      {keys.map((key) => (
        <KpiCard key={key} kpi={getKpi(key)} value={current[key]} previous={previous[key]} href={`/kpis/${key}${search}`}
          requested={view.requested} goal={goals.get(key)} />
      ))}
      {derived.map((d) => (
        <DerivedCard key={d.key} dkey={d.key} name={d.name} definition={d.definition} direction={d.direction}
          value={d.compute(current)} previous={d.compute(previous)} href={`/kpis/${d.inputs[0]}${search}`} />
      ))}
    </div>
  );
}
