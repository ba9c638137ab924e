// One KPI on a dashboard: value, previous value and change (arrow + sign + color by the KPI's
// direction), "No data" for null, the goal it is measured against, filters that do not apply, and a
// link to the KPI page.
import Link from 'next/link';
import type { CardGoal } from '@/lib/goals/card-goals';
import { kpiChange, type ChangeUnit } from '@/lib/dashboard/change';
import { formatKpiValue, type KpiEntry, type KpiFilters, type KpiUnit, type KpiValue } from '@/lib/kpi';
import { formatNumber } from '@/lib/intl-format';
import { Badge, type BadgeTone } from '../ui/badge';
import styles from './kpi.module.css';

const GOAL_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  on_track: { label: 'On track', tone: 'success' },
  at_risk: { label: 'At risk', tone: 'warning' },
  off_track: { label: 'Off track', tone: 'danger' },
  achieved: { label: 'Achieved', tone: 'success' },
  missed: { label: 'Missed', tone: 'danger' },
  not_started: { label: 'Not started', tone: 'neutral' },
  no_data: { label: 'No data', tone: 'neutral' },
  invalid: { label: 'Invalid', tone: 'warning' },
};

/** The goal a number is measured against. `link`: the title opens the goal (not inside a card, itself a link). */
export function GoalLine({ goal, unit, link = false }: { goal: CardGoal; unit: KpiUnit; link?: boolean }) {
  const s = GOAL_STATUS[goal.status] ?? { label: goal.status, tone: 'neutral' as const };
  return (
    <p className={styles.goal} data-testid="kpi-goal">
      <span className={styles.goalTitle} title={`${goal.title} (${goal.scopeLabel}): target ${formatKpiValue(goal.target, unit)}`}>
        <span className={styles.goalLabel}>Goal</span> {link ? <Link href={`/goals/${goal.id}`} prefetch={false}>{goal.title}</Link> : goal.title}
      </span>
      <Badge tone={s.tone} className={styles.goalBadge}>{s.label}</Badge>
      {goal.progress != null ? <span className={styles.goalProgress}>{Math.round(goal.progress * 100)}%</span> : null}
    </p>
  );
}

export function ChangeLine({ value, previous, unit, direction, format }: {
  value: KpiValue; previous: KpiValue; unit: ChangeUnit; direction: 'higher' | 'lower'; format: (v: number) => string;
}) {
  const change = kpiChange(value, previous, unit, direction);
  return (
    <p className={styles.compare}>
      {change.arrow ? (
        <span className={styles[change.tone]} title={change.description} data-testid="kpi-change">
          <span aria-hidden="true">{change.arrow} </span>{change.reason ? <span className="sr-only">from </span> : null}{change.label}
          <span className="sr-only"> ({change.tone === 'good' ? 'better' : change.tone === 'bad' ? 'worse' : 'unchanged'})</span>
        </span>
      ) : null}
      {/* Both values are in the label when the change is not shown as a figure; the reason says why. */}
      {change.reason
        ? <span className={styles.previous} data-testid="kpi-change-reason">no % change: {change.reason}</span>
        : <span className={styles.previous} data-testid="kpi-previous">prev. {previous == null ? 'no data' : format(previous)}</span>}
    </p>
  );
}

export function KpiCard({ kpi, value, previous, href, requested, goal }: {
  kpi: Pick<KpiEntry, 'key' | 'name' | 'unit' | 'direction' | 'filters' | 'definition'>;
  value: KpiValue;
  previous: KpiValue;
  href: string;
  requested: KpiFilters;
  goal?: CardGoal | null;
}) {
  const ignored = Object.keys(requested).filter((f) => !(kpi.filters as readonly string[]).includes(f));
  return (
    <article className={styles.card} data-kpi={kpi.key}>
      <Link href={href} prefetch={false} className={styles.cardLink} title={kpi.definition}>
        <h3 className={styles.cardTitle}>{kpi.name}</h3>
        <p className={value == null ? `${styles.value} ${styles.noData}` : styles.value} data-testid="kpi-value">
          {value == null ? 'No data' : formatKpiValue(value, kpi.unit)}
        </p>
        <ChangeLine value={value} previous={previous} unit={kpi.unit} direction={kpi.direction} format={(v) => formatKpiValue(v, kpi.unit)} />
        {goal ? <GoalLine goal={goal} unit={kpi.unit} /> : null}
        <p className={styles.direction}>{kpi.direction === 'higher' ? 'Higher is better' : 'Lower is better'}</p>
        {ignored.length ? <p className={styles.ignored} data-testid="kpi-ignored">Not filtered by {ignored.join(', ')}</p> : null}
      </Link>
    </article>
  );
}

/** A value computed from other KPIs (CLV ÷ CAC): no records of its own, so it links to its first input. */
export function DerivedCard({ dkey, name, definition, value, previous, direction, href }: {
  dkey: string; name: string; definition: string; value: KpiValue; previous: KpiValue; direction: 'higher' | 'lower'; href: string;
}) {
  const fmt = (v: number) => `${formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}×`;
  return (
    <article className={styles.card} data-kpi={dkey}>
      <Link href={href} prefetch={false} className={styles.cardLink} title={definition}>
        <h3 className={styles.cardTitle}>{name}</h3>
        <p className={value == null ? `${styles.value} ${styles.noData}` : styles.value} data-testid="kpi-value">{value == null ? 'No data' : fmt(value)}</p>
        <ChangeLine value={value} previous={previous} unit="ratio" direction={direction} format={fmt} />
        <p className={styles.direction}>{direction === 'higher' ? 'Higher is better' : 'Lower is better'} · from two KPIs</p>
      </Link>
    </article>
  );
}

export function KpiCardSkeleton({ count }: { count: number }) {
  return (
    <div className={styles.cards} aria-busy="true" aria-label="Loading KPIs">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={`${styles.card} ${styles.skeletonCard}`}>
          <span className={`${styles.skeleton} ${styles.skLine}`} />
          <span className={`${styles.skeleton} ${styles.skValue}`} />
          <span className={`${styles.skeleton} ${styles.skLine}`} />
        </div>
      ))}
    </div>
  );
}
