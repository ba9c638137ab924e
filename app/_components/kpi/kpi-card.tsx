// One KPI on a dashboard: value, previous value and change (arrow + sign + color by the KPI's
// direction), "No data" for null, filters that do not apply, and a link to the KPI page.
import Link from 'next/link';
import { kpiChange } from '@/lib/dashboard/change';
import { formatKpiValue, type KpiEntry, type KpiFilters, type KpiValue } from '@/lib/kpi';
import styles from './kpi.module.css';

export function KpiCard({ kpi, value, previous, href, requested }: {
  kpi: Pick<KpiEntry, 'key' | 'name' | 'unit' | 'direction' | 'filters' | 'definition'>;
  value: KpiValue;
  previous: KpiValue;
  href: string;
  requested: KpiFilters;
}) {
  const change = kpiChange(value, previous, kpi.unit, kpi.direction);
  const ignored = Object.keys(requested).filter((f) => !(kpi.filters as readonly string[]).includes(f));
  return (
    <article className={styles.card} data-kpi={kpi.key}>
      <Link href={href} className={styles.cardLink}>
        <h3 className={styles.cardTitle}>{kpi.name}</h3>
        <p className={value == null ? `${styles.value} ${styles.noData}` : styles.value} data-testid="kpi-value">
          {value == null ? 'No data' : formatKpiValue(value, kpi.unit)}
        </p>
        <p className={styles.compare}>
          {change.arrow ? (
            <span className={styles[change.tone]} title={change.description}>
              <span aria-hidden="true">{change.arrow} </span>{change.label}
              <span className="sr-only"> ({change.tone === 'good' ? 'better' : change.tone === 'bad' ? 'worse' : 'unchanged'})</span>
            </span>
          ) : null}
          <span className={styles.previous}>prev. {previous == null ? 'no data' : formatKpiValue(previous, kpi.unit)}</span>
        </p>
        <p className={styles.direction}>{kpi.direction === 'higher' ? 'Higher is better' : 'Lower is better'}</p>
        {ignored.length ? <p className={styles.ignored}>Not filtered by {ignored.join(', ')}</p> : null}
      </Link>
    </article>
  );
}

export function KpiCardSkeleton({ count }: { count: number }) {
  return (
    <div className={styles.cards} aria-busy="true" aria-label="Loading KPIs">
      {Array.from({ length: count }, (_, i) => <div key={i} className={`${styles.card} ${styles.skeleton}`} />)}
    </div>
  );
}
