// The KPI page's streamed sections. All numbers come from lib/kpi (SQL aggregates, viewer-scoped).
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { cachedKpis } from '@/lib/dashboard/cached-queries';
import { formatDateTime, formatDay, formatMoney, formatNumber } from '@/lib/intl-format';
import { cardGoals } from '@/lib/goals/card-goals';
import { kpiChange } from '@/lib/dashboard/change';
import { DRILL_PAGE_SIZE, RECORD_PAGES, drillParamsSchema } from '@/lib/dashboard/drill-params';
import { viewSearch, type DashboardView, type SearchParams } from '@/lib/kpi/view';
import {
  BUCKETS, comparisonInWords, compareModeInWords, formatKpiValue, getKpi, kpiDrilldown, periodInWords,
  PRESET_LABELS, type Bucket, type Dimension, type DrillColumn, type KpiKey,
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
function withParams(search: string, changes: Record<string, string | undefined | null>): string {
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
const WRAP = new Set(['name', 'title', 'account', 'description', 'category', 'owner']);

function cell(col: DrillColumn, v: unknown): string {
  if (v == null) return '–';
  if (col.type === 'boolean') return v ? 'Yes' : 'No';
  if (col.type === 'money') return typeof v === 'number' ? formatMoney(v) : String(v);
  if (col.type === 'number') return typeof v === 'number' ? formatNumber(v, { maximumFractionDigits: 2 }) : String(v);
  // Dates only, to keep the table narrow; the time is in the cell's title.
  if (col.type === 'datetime' || col.type === 'date') return formatDay(v instanceof Date ? v : String(v));
  return String(v);
}

/**
 * The names of a ratio's two sets, from its definition ("Customers … who churned ÷ customers at the
 * start …"); "Numerator" and "Denominator" when the definition is not written as a quotient.
 */
function setLabels(definition: string): { numerator: string; denominator: string } {
  const parts = definition.split(' ÷ ');
  if (parts.length !== 2) return { numerator: 'Numerator', denominator: 'Denominator' };
  const clean = (t: string) => {
    const x = t.replace(/\s*\(.*$/, '').replace(/[.;,].*$/, '').trim();
    return x ? `${x[0].toUpperCase()}${x.slice(1)}` : t;
  };
  return { numerator: clean(parts[0]), denominator: clean(parts[1]) };
}

/** How the rows make the number, in words (the drill-down's check). */
function howNote(res: { check: string | null; columns: DrillColumn[]; sets: unknown }): string | null {
  const value = res.columns.find((c) => c.key === 'value')?.label;
  switch (res.check) {
    case 'count': return 'The number counts these records.';
    case 'sum': return value ? `The number is the sum of “${value}” over these records.` : null;
    case 'mean': return value ? `The number is the mean of “${value}”: each record contributes its value, and their sum ÷ the number of records gives it.` : null;
    case 'ratio': return res.sets ? 'The number is the count of the first set ÷ the count of the second, × 100.' : null;
    case 'ratioOfSums': return value ? `The number is the sum of “${value}” ÷ the sum of “${res.columns.find((c) => c.key === 'weight')?.label ?? 'weight'}”, × 100.` : null;
    default: return null;
  }
}

/** Who the viewer sees the records of, in words (the drill-down and the card use the same scope). */
function scopeNote(user: SessionUser, view: DashboardView): string | null {
  if (user.role === 'admin') return null;
  if (view.memberView === 'team') return 'Your team’s records: the ones you do not own are read-only for you.';
  if (view.memberView === 'mine') return 'Your own records: switch to “My team” for your team’s.';
  return user.role === 'member' ? 'Your own records.' : 'The records of your teams.';
}

export async function DrillTable({ kpiKey, view, user, sp }: { kpiKey: KpiKey; view: DashboardView; user: SessionUser; sp: SearchParams }) {
  const db = await getReadDb();
  const q = drillParamsSchema.parse({ page: sp.page, sort: sp.sort, dir: sp.dir, set: sp.set });
  const res = await kpiDrilldown(db, view.access, kpiKey, { from: view.period.from, to: view.period.to, compare: view.comparison, page: q.page, pageSize: DRILL_PAGE_SIZE, sort: q.sort, dir: q.dir, set: q.set });
  const all = new URLSearchParams(Object.entries(sp).flatMap(([k, v]) => (v == null ? [] : [[k, Array.isArray(v) ? v[0] : v]])) as [string, string][]).toString();
  // The export gets the resolved view (period, filters) and the resolved page and sort: the very rows shown.
  const exportHref = (extra: Record<string, string | null>) => `/kpis/${kpiKey}/export${viewSearch(view, { dept: null, set: res.set, ...extra })}`;
  const labels = res.sets ? setLabels(getKpi(kpiKey).definition) : null;
  const pages = Math.max(1, Math.ceil(res.total / res.pageSize));
  const columns = res.columns;
  return (
    <section className={kpiStyles.section} aria-labelledby="drill-title">
      <div className={styles.drillHead}>
        <h2 id="drill-title" className={kpiStyles.sectionTitle}>Records behind the number <span className="muted" data-testid="drill-total">({res.total.toLocaleString('en-US')})</span></h2>
        {res.total > 0 ? (
          <span className="cluster">
            <a className="btn btn-secondary btn-sm" href={exportHref({ sort: res.sort, dir: res.dir, page: String(res.page) })} download data-testid="export-shown" title={`The ${res.rows.length} rows of this page, in this order`}>Export these rows (CSV)</a>
            <a className="btn btn-ghost btn-sm" href={exportHref({ sort: res.sort, dir: res.dir, all: '1' })} download data-testid="export-all">Export all {res.total.toLocaleString('en-US')}</a>
          </span>
        ) : null}
      </div>
      {howNote(res) ? <p className="subtle" data-testid="drill-how">{howNote(res)}</p> : null}
      {scopeNote(user, view) ? <p className="subtle" data-testid="drill-scope">{scopeNote(user, view)}</p> : null}
      {res.sets && labels ? (
        <nav className={`${styles.tabs} ${styles.setTabs}`} aria-label="Which records" data-testid="drill-sets">
          {(['numerator', 'denominator'] as const).map((k) => (
            <Link prefetch={false} key={k} href={withParams(all, { set: k === 'numerator' ? undefined : k, page: undefined, sort: undefined, dir: undefined })} scroll={false}
              aria-current={res.set === k ? 'true' : undefined} className={res.set === k ? styles.on : undefined} data-testid={`drill-set-${k}`}>
              {labels[k]} <span data-testid={`drill-set-${k}-count`}>({formatNumber(res.sets![k])})</span>
            </Link>
          ))}
        </nav>
      ) : null}
      {res.entity === null ? <p className="muted">This KPI is computed from other KPIs: open them for their records.</p> : res.total === 0 ? <p className="muted">No records in this period.</p> : (
        <div className="table-wrap">
          <table className={`table ${styles.drill}`} data-testid="drill-table">
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = res.sort === c.key;
                  const nextDir = active && res.dir === 'desc' ? 'asc' : 'desc';
                  return (
                    <th key={c.key} scope="col" aria-sort={active ? (res.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                      <Link prefetch={false} href={withParams(all, { sort: c.key, dir: nextDir, page: undefined })} scroll={false}>{c.label}{active ? (res.dir === 'asc' ? ' ↑' : ' ↓') : ''}</Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {res.rows.map((r) => {
                const href = RECORD_PAGES.has(r.entity) && r.openable !== false ? `/records/${r.entity}/${r.id}` : null;
                return (
                  <tr key={`${r.entity}-${r.id}`}>
                    {columns.map((c, i) => (
                      <td key={c.key} className={c.type === 'number' || c.type === 'money' || c.type === 'integer' ? 'num' : WRAP.has(c.key) ? styles.wrap : undefined}
                        title={c.type === 'datetime' && r[c.key] ? `${formatDateTime(String(r[c.key]))} UTC` : undefined}>
                        {i === 0 && href ? <Link prefetch={false} href={href}>{cell(c, r[c.key])}</Link> : cell(c, r[c.key])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className={styles.pager} aria-label="Pages">
          {res.page > 1 ? <Link prefetch={false} href={withParams(all, { page: String(res.page - 1) })} scroll={false}>← Previous</Link> : <span />}
          <span className="muted">Page {res.page} of {pages.toLocaleString('en-US')}</span>
          {res.page < pages ? <Link prefetch={false} href={withParams(all, { page: String(res.page + 1) })} scroll={false}>Next →</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
