'use client';
// The filters of a dashboard or KPI page, held in the URL. A plain GET form (works without JavaScript);
// with JavaScript every change navigates at once (router.push), so the numbers and the URL change
// together and a filtered view is a link. The parent keys this component by the URL so the selects
// follow navigations that did not start here (a breakdown row that applies a filter).
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition, type ReactNode } from 'react';
import { DAY_MS } from '@/lib/clock';
import styles from './kpi.module.css';

export interface FilterField {
  key: string;
  label: string;
  options: { value: string; label: string }[];
  /** What "no choice" means for this field (e.g. "My team (North)"). */
  placeholder?: string;
  /** Which of the numbers shown this filter changes (default all); `note` says which it does not. */
  applies?: 'all' | 'some' | 'none';
  note?: string;
}

/**
 * A label and its control, side by side in the DOM (not nested: the label's name stays just the label).
 * `hint` ("partly", "n/a") is visible text beside the label, outside it: the control's description
 * (aria-describedby), not part of its name.
 */
function Field({ id, label, hint, className, children }: { id: string; label: ReactNode; hint?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `${styles.filter} ${className}` : styles.filter}>
      <span className={styles.filterLabelRow}><label htmlFor={id}>{label}</label>{hint}</span>
      {children}
    </div>
  );
}

/** "Clear filters" keeps where you are: the department, the period and the page's own state (hidden). */
export function clearFiltersHref(pathname: string, keep: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(keep)) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `${pathname}?${q}` : pathname;
}

/** The day after a `YYYY-MM-DD` (and the day before, with -1): the form's inclusive last day <-> the URL's exclusive `to`. */
export function shiftDay(day: string, days: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) ? day : new Date(t + days * DAY_MS).toISOString().slice(0, 10);
}

export function FilterBar({ presets, preset, from, to, compare = 'previous', fields, values, hidden = {}, departments }: {
  presets: { value: string; label: string }[];
  preset: string | null;
  from: string;
  /** Exclusive (the URL's); the form shows and asks for the inclusive last day. */
  to: string;
  /** What the numbers are compared with: the like-for-like period before, or the same dates a year earlier. */
  compare?: 'previous' | 'year';
  fields: FilterField[];
  values: Record<string, string | undefined>;
  hidden?: Record<string, string>;
  departments?: { options: readonly string[]; current: string };
}) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);
  const uid = useId();
  const [custom, setCustom] = useState(preset === null);
  const [pending, startTransition] = useTransition();
  // On a phone the unset filters fold away behind a button (CSS decides: on wide screens all show).
  const [more, setMore] = useState(false);
  const active = fields.filter((f) => values[f.key]);
  const resetHref = clearFiltersHref(pathname, {
    ...hidden, dept: departments?.current ?? hidden.dept, preset: preset ?? undefined, from: preset ? undefined : from, to: preset ? undefined : to, compare: compare === 'year' ? compare : undefined,
  });

  function navigate() {
    const params = filterParams(new FormData(form.current!));
    if (params) startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
  }

  return (
    <form ref={form} method="get" className={more ? `${styles.filterBar} ${styles.expanded}` : styles.filterBar} onChange={navigate} onSubmit={(e) => { e.preventDefault(); navigate(); }}
      aria-busy={pending} aria-label="Filters" data-testid="filter-bar">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {departments ? (
        <Field id={`${uid}dept`} label="Department">
          <select id={`${uid}dept`} name="dept" defaultValue={departments.current}>
            {departments.options.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
          </select>
        </Field>
      ) : null}
      <Field id={`${uid}preset`} label="Period">
        <select id={`${uid}preset`} name="preset" defaultValue={preset ?? 'custom'} onChange={(e) => setCustom(e.target.value === 'custom')}>
          {presets.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          <option value="custom">Custom range…</option>
        </select>
      </Field>
      {custom ? (
        <>
          <Field id={`${uid}from`} label="From"><input id={`${uid}from`} type="date" name="from" defaultValue={from} required /></Field>
          <Field id={`${uid}through`} label="To (included)"><input id={`${uid}through`} type="date" name="through" defaultValue={shiftDay(to, -1)} min={from} required /></Field>
        </>
      ) : null}
      <Field id={`${uid}compare`} label="Compare with">
        <select id={`${uid}compare`} name="compare" defaultValue={compare}>
          <option value="previous">Previous period</option>
          <option value="year">Same dates last year</option>
        </select>
      </Field>
      {fields.map((f) => <FilterSelect key={f.key} id={`${uid}${f.key}`} field={f} value={values[f.key]} />)}
      <span className={styles.filterActions}>
        <button type="button" className={`btn btn-secondary btn-sm ${styles.moreToggle}`} aria-expanded={more} onClick={() => setMore(!more)}>
          {more ? 'Fewer filters' : `More filters (${fields.length - active.length})`}
        </button>
        <noscript><button className="btn btn-secondary btn-sm" type="submit">Apply</button></noscript>
        {active.length ? <Link className="btn btn-ghost btn-sm" href={resetHref} scroll={false}>Clear filters</Link> : null}
        {pending ? <span className={styles.pending} role="status">Updating…</span> : null}
      </span>
      {active.some((f) => f.note) ? (
        <p className={styles.filterNotes} data-testid="filter-notes">
          {active.filter((f) => f.note).map((f) => <span key={f.key}><strong>{f.label}:</strong> {f.note}</span>)}
        </p>
      ) : null}
    </form>
  );
}

/** The URL's parameters for the form's state; null while a custom range lacks one of its dates. */
function filterParams(data: FormData): URLSearchParams | null {
  // Read from the form, not state: choosing "Custom range…" changes both in the same event.
  const isCustom = data.get('preset') === 'custom';
  const params = new URLSearchParams();
  for (const [k, v] of data) {
    if (typeof v !== 'string' || v === '') continue;
    if ((k === 'from' || k === 'through') && !isCustom) continue;
    if (k === 'preset' && isCustom) continue;
    if (k === 'compare' && v === 'previous') continue; // the default: keep links short
    // People pick the last day they want; the URL's `to` is exclusive (the day after).
    if (k === 'through') params.set('to', shiftDay(v, 1));
    else params.set(k, v);
  }
  if (isCustom && !(params.get('from') && params.get('to'))) return null; // wait for both dates
  return params;
}

/** One filter's select, with "partly"/"n/a" beside its label when it does not change every number shown. */
function FilterSelect({ id, field: f, value: v }: { id: string; field: FilterField; value: string | undefined }) {
  // URL values are matched case-insensitively (a breakdown link carries "north" for "North").
  const match = v ? f.options.find((o) => o.value.toLowerCase() === v.toLowerCase()) : undefined;
  const opts = v && !match ? [...f.options, { value: v, label: v }] : f.options;
  const hintId = `${id}-hint`;
  const short = f.applies === 'none' ? 'n/a' : f.applies === 'some' ? 'partly' : null;
  // The short word is what shows; the note (which KPIs ignore it) is read with it and is the tooltip.
  const hint = short ? (
    <span id={hintId} className={styles.na} title={f.note} data-testid={`${short === 'n/a' ? 'na' : 'partly'}-${f.key}`}>
      <span aria-hidden="true">· </span>{short}{f.note ? <span className="sr-only">: {f.note}</span> : null}
    </span>
  ) : null;
  return (
    <Field id={id} label={f.label} hint={hint}
      className={[f.applies === 'none' ? styles.filterNa : '', v ? '' : styles.optional].filter(Boolean).join(' ')}>
      <select id={id} name={f.key} defaultValue={match?.value ?? v ?? ''} aria-describedby={short ? hintId : undefined}>
        <option value="">{f.placeholder ?? 'All'}</option>
        {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Field>
  );
}
