'use client';
// The filters of a dashboard or KPI page, held in the URL. A plain GET form (works without JavaScript);
// with JavaScript every change navigates at once (router.push), so the numbers and the URL change
// together and a filtered view is a link. The parent keys this component by the URL so the selects
// follow navigations that did not start here (a breakdown row that applies a filter).
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useId, useRef, useState, useTransition, type ReactNode } from 'react';
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

/** A label and its control, side by side in the DOM (not nested: the label's name stays just the label). */
function Field({ id, label, title, className, children }: { id: string; label: ReactNode; title?: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `${styles.filter} ${className}` : styles.filter} title={title}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

export function FilterBar({ presets, preset, from, to, fields, values, hidden = {}, departments }: {
  presets: { value: string; label: string }[];
  preset: string | null;
  from: string;
  to: string;
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
  const resetHref = `${pathname}${hidden.dept ? `?dept=${encodeURIComponent(hidden.dept)}` : ''}`;

  function navigate() {
    const data = new FormData(form.current!);
    // Read from the form, not state: choosing "Custom range…" changes both in the same event.
    const isCustom = data.get('preset') === 'custom';
    const params = new URLSearchParams();
    for (const [k, v] of data) {
      if (typeof v !== 'string' || v === '') continue;
      if ((k === 'from' || k === 'to') && !isCustom) continue;
      if (k === 'preset' && isCustom) continue;
      params.set(k, v);
    }
    if (isCustom && !(params.get('from') && params.get('to'))) return; // wait for both dates
    startTransition(() => router.push(`${pathname}?${params.toString()}`, { scroll: false }));
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
          <Field id={`${uid}to`} label="To (exclusive)"><input id={`${uid}to`} type="date" name="to" defaultValue={to} required /></Field>
        </>
      ) : null}
      {fields.map((f) => {
        // URL values are matched case-insensitively (a breakdown link carries "north" for "North").
        const v = values[f.key];
        const match = v ? f.options.find((o) => o.value.toLowerCase() === v.toLowerCase()) : undefined;
        const opts = v && !match ? [...f.options, { value: v, label: v }] : f.options;
        const id = `${uid}${f.key}`;
        const tag = f.applies === 'none' ? <span className={styles.na} data-testid={`na-${f.key}`}> · n/a</span> : f.applies === 'some' ? <span className={styles.na}> · partly</span> : null;
        return (
          <Field key={f.key} id={id} label={<>{f.label}{tag}</>} title={f.note}
            className={[f.applies === 'none' ? styles.filterNa : '', v ? '' : styles.optional].filter(Boolean).join(' ')}>
            <select id={id} name={f.key} defaultValue={match?.value ?? v ?? ''}>
              <option value="">{f.placeholder ?? 'All'}</option>
              {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </Field>
        );
      })}
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
