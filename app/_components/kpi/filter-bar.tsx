'use client';
// The filters of a dashboard or KPI page, held in the URL. A plain GET form (works without JavaScript);
// with JavaScript every change navigates at once, so the numbers and the URL change together.
import { usePathname, useRouter } from 'next/navigation';
import { useRef, useState, useTransition } from 'react';
import styles from './kpi.module.css';

export interface FilterField { key: string; label: string; options: { value: string; label: string }[] }

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
  const [custom, setCustom] = useState(preset === null);
  const [pending, startTransition] = useTransition();

  function navigate() {
    const data = new FormData(form.current!);
    const params = new URLSearchParams();
    for (const [k, v] of data) {
      if (typeof v !== 'string' || v === '') continue;
      if ((k === 'from' || k === 'to') && !custom) continue;
      if (k === 'preset' && (custom || v === 'custom')) continue;
      params.set(k, v);
    }
    if (custom && !(params.get('from') && params.get('to'))) return; // wait for both dates
    startTransition(() => router.push(`${pathname}?${params.toString()}`));
  }

  return (
    <form ref={form} method="get" className={styles.filterBar} onChange={navigate} onSubmit={(e) => { e.preventDefault(); navigate(); }} aria-busy={pending}>
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {departments ? (
        <label className={styles.filter}>
          <span>Department</span>
          <select name="dept" defaultValue={departments.current}>
            {departments.options.map((d) => <option key={d} value={d}>{d[0].toUpperCase() + d.slice(1)}</option>)}
          </select>
        </label>
      ) : null}
      <label className={styles.filter}>
        <span>Period</span>
        <select name="preset" defaultValue={preset ?? 'custom'} onChange={(e) => setCustom(e.target.value === 'custom')}>
          {presets.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
          <option value="custom">Custom range…</option>
        </select>
      </label>
      {custom ? (
        <>
          <label className={styles.filter}><span>From</span><input type="date" name="from" defaultValue={from} required /></label>
          <label className={styles.filter}><span>To (exclusive)</span><input type="date" name="to" defaultValue={to} required /></label>
        </>
      ) : null}
      {fields.map((f) => (
        <label key={f.key} className={styles.filter}>
          <span>{f.label}</span>
          <select name={f.key} defaultValue={values[f.key] ?? ''}>
            <option value="">{f.key === 'team' || f.key === 'owner' ? 'Default scope' : 'All'}</option>
            {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </label>
      ))}
      <noscript><button className="btn btn-secondary btn-sm" type="submit">Apply</button></noscript>
      {pending ? <span className={styles.pending} role="status">Updating…</span> : null}
    </form>
  );
}
