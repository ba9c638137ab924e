// The KPI page's streamed sections: value and trend, breakdown (the drill-down: ./drill-table.tsx).
// All numbers come from lib/kpi (SQL aggregates, for the view's AuthorizedView).
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { cachedKpis } from '@/lib/dashboard/cached-queries';
import { formatNumber } from '@/lib/intl-format';
import { cardGoals } from '@/lib/goals/card-goals';
import { kpiChange } from '@/lib/dashboard/change';
import { viewSearch, type DashboardView } from '@/lib/kpi/view';
import {
  BUCKETS, comparisonInWords, compareModeInWords, formatKpiValue, getKpi, periodInWords,
  PRESET_LABELS, type Bucket, type Dimension, type KpiKey,
} from '@/lib/kpi';
import { now as clockNow } from '@/lib/clock';
import { trendBucket, trendTooLong } from '@/lib/dashboard/trend';
import { BarChart } from '../../../_components/charts/bar-chart';
import { ChartFrame } from '../../../_components/charts/chart-frame';
import { TrendChart } from '../../../_components/charts/trend-chart';
import { FILTER_LABELS } from '../../../_components/kpi/filter-fields';
import { GoalLine } from '../../../_components/kpi/kpi-card';
import kpiStyles from '../../../_components/kpi/kpi.module.css';
import styles from './kpi-page.module.css';

/** The same query string with some keys changed (undefined removes). */
export function withParams(search: string, changes: Record<string, string | undefined | null>): string {
  const p = new URLSearchParams(search);
  for (const [k, v] of Object.entries(changes)) if (v) p.set(k, v); else p.delete(k);
  const s = p.toString();
  return s ? `?${s}` : '';
}

export async function TrendAndValue({ kpiKey, view, bucket, search, dim, user }: {
  kpiKey: KpiKey; view: DashboardView; bucket: Bucket | null; search: string; dim?: string; user: SessionUser;
}) {
  const kpi = getKpi(kpiKey);
  const db = await getReadDb();
  // The trend covers exactly the period, by the bucket the link chose (checked in lib/kpi/filters) or
  // one that suits its length; a bucket's growth compares like for like, or a year earlier.
  const b = view.bucket ?? bucket ?? trendBucket(view.period);
  const tooLong = trendTooLong(view.period, b);
  const [{ current, previous }, series, goals] = await Promise.all([
    cachedKpis.computeKpisWithPrevious(db, view.access, {
      from: view.period.from, to: view.period.to, keys: [kpiKey],
      compare: view.comparison, compareOfCompare: view.comparisonOfComparison,
    }),
    tooLong ? [] : cachedKpis.kpiTimeSeries(db, view.access, kpiKey, {
      from: view.period.from, to: view.period.to, bucket: b, compare: view.compare === 'year' ? { by: 'year' as const } : undefined,
    }),
    cardGoals(db, user, view.department, view.access),
  ]);
  const goal = goals.get(kpiKey);
  const value = current[kpiKey];
  const prev = previous[kpiKey];
  const change = kpiChange(value, prev, kpi.unit, kpi.direction);
  const title = `${kpi.name} by ${b}`;
  const base = search.replace(/^\?/, '');
  return (
    <div className={styles.top}>
      <div className={`${kpiStyles.card} ${styles.valueCard}`} data-kpi={kpiKey}>
        <div className={kpiStyles.cardLink}>
          <h2 className={kpiStyles.cardTitle}>{view.preset ? PRESET_LABELS[view.preset] : 'Custom range'} <span className={styles.dates}>{periodInWords(view.period)}</span></h2>
          <p className={value == null ? `${kpiStyles.value} ${kpiStyles.noData}` : kpiStyles.value} data-testid="kpi-value">{value == null ? 'No data' : formatKpiValue(value, kpi.unit)}</p>
          <p className={kpiStyles.compare}>
            {change.arrow ? <span className={kpiStyles[change.tone]} title={change.description}><span aria-hidden="true">{change.arrow} </span>{change.label}</span> : null}
            {change.reason ? <span className={kpiStyles.previous} data-testid="kpi-change-reason"> no % change: {change.reason}</span> : null}
          </p>
          <p className={kpiStyles.previous} data-testid="kpi-previous" title={`Compared with ${compareModeInWords(view.compare)}`}>{comparisonInWords(view.comparison)}: {prev == null ? 'no data' : formatKpiValue(prev, kpi.unit)}</p>
          {goal ? <GoalLine goal={goal} unit={kpi.unit} link /> : null}
          <p className={kpiStyles.direction}>Scope: {view.memberView === 'mine' && view.filters.owner === user.email ? 'your own numbers' : view.filters.owner ?? (view.filters.team ? `team ${view.filters.team}` : 'whole company')}</p>
          {kpi.drillEntity ? <p className={styles.toRecords}><a href="#drill-title">The records behind it ↓</a></p> : null}
        </div>
      </div>
      {tooLong ? <p className="muted" data-testid="trend-too-long">{tooLong}</p> : (
        <TrendChart kpi={kpi} points={series} bucket={b} period={view.period} now={clockNow()} title={title} extra={
          <span className={styles.toggle}>
            {BUCKETS.filter((x) => !trendTooLong(view.period, x)).map((x) => (
              <Link prefetch={false} key={x} href={withParams(base, { bucket: x, dim })} aria-current={x === b ? 'true' : undefined} className={x === b ? styles.on : undefined}>By {x}</Link>
            ))}
          </span>
        } />
      )}
    </div>
  );
}

const DIM_LABEL: Record<string, string> = { team: 'team', owner: 'owner', segment: 'segment', region: 'region', industry: 'industry', product: 'product', source: 'source', channel: 'channel' };

export async function Breakdown({ kpiKey, view, dim, dims, search, bucket }: { kpiKey: KpiKey; view: DashboardView; dim: Dimension; dims: readonly Dimension[]; search: string; bucket: string | null | undefined }) {
  const kpi = getKpi(kpiKey);
  const db = await getReadDb();
  const rows = (await cachedKpis.kpiBreakdown(db, view.access, kpiKey, { from: view.period.from, to: view.period.to, dimension: dim, compare: view.comparison })).slice(0, 30);
  const base = search.replace(/^\?/, '');
  // A row's link applies its value as a filter: the page (and its drill-down) narrows to that group.
  // Team groups are keyed in lower case; the filter takes the team's name as shown.
  const hrefOf = (key: string | null, label: string) => (key == null ? null : withParams(viewSearch(view, { [dim]: dim === 'team' ? label : key }).replace(/^\?/, ''), { bucket, dim }));
  return (
    <section className={kpiStyles.section} aria-labelledby="breakdown-title">
      <h2 id="breakdown-title" className={kpiStyles.sectionTitle}>Breakdown by {DIM_LABEL[dim]}</h2>
      <nav className={styles.tabs} aria-label="Breakdown dimension">
        {dims.map((d) => <Link prefetch={false} key={d} href={withParams(base, { dim: d, bucket })} aria-current={d === dim ? 'true' : undefined} className={d === dim ? styles.on : undefined}>{DIM_LABEL[d]}</Link>)}
      </nav>
      {rows.length === 0 ? <p className="muted">No data in this period.</p> : (
        <div className={styles.breakdown}>
          <ChartFrame
            title={`${kpi.name} by ${DIM_LABEL[dim]}`}
            description="Click a bar to filter by it"
            chart={<BarChart title={`${kpi.name} by ${DIM_LABEL[dim]}`} labels={rows.map((r) => r.label)} values={rows.map((r) => r.value)} unit={kpi.unit} hrefs={rows.map((r) => { const h = hrefOf(r.key, r.label); return h ? `/kpis/${kpiKey}${h}` : null; })} horizontal height={Math.max(160, rows.length * 28)} />}
            table={{ head: [DIM_LABEL[dim], kpi.name], rows: rows.map((r) => [r.label, formatKpiValue(r.value, kpi.unit)]) }}
          />
          <div className="table-wrap">
            <table className="table" data-testid="breakdown-table">
              <thead><tr><th scope="col">{FILTER_LABELS[dim]}</th><th scope="col" className="num">{kpi.name}</th>{rows.some((r) => r.count != null) ? <th scope="col" className="num">Records</th> : null}</tr></thead>
              <tbody>
                {rows.map((r) => {
                  const href = hrefOf(r.key, r.label);
                  return (
                    <tr key={r.key ?? '(none)'}>
                      <th scope="row">{href ? <Link prefetch={false} href={`/kpis/${kpiKey}${href}`}>{r.label}</Link> : r.label}</th>
                      <td className="num">{formatKpiValue(r.value, kpi.unit)}</td>
                      {r.count != null ? <td className="num">{formatNumber(r.count)}</td> : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** Free-text columns that may wrap (names); ids, e-mails, dates and numbers stay on one line. */
