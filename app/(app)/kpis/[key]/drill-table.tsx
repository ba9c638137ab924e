// The KPI page's drill-down: the records behind the number (lib/kpi's kpiDrilldown for the view's
// AuthorizedView: only records the viewer may open), paged and sorted, with the CSV export links.
import Link from 'next/link';
import { getReadDb } from '@/db/client';
import type { SessionUser } from '@/lib/access';
import { formatDateTime, formatDay, formatMoney, formatNumber } from '@/lib/intl-format';
import { DRILL_PAGE_SIZE, RECORD_PAGES, drillParamsSchema } from '@/lib/dashboard/drill-params';
import { viewSearch, type DashboardView, type SearchParams } from '@/lib/kpi/view';
import { getKpi, type DrillColumn, type KpiKey } from '@/lib/kpi';
import { cachedKpis } from '@/lib/dashboard/cached-queries';
import kpiStyles from '../../../_components/kpi/kpi.module.css';
import { withParams } from './sections';
import styles from './kpi-page.module.css';

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
  const res = await cachedKpis.kpiDrilldown(db, view.access, kpiKey, { from: view.period.from, to: view.period.to, compare: view.comparison, page: q.page, pageSize: DRILL_PAGE_SIZE, sort: q.sort, dir: q.dir, set: q.set });
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
