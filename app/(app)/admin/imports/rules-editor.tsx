'use client';
// The rules of an export that column and value mapping cannot express (lib/import/rules.ts): rows to
// skip, owners named by name, rows repeating the key merged, a time computed from a time plus a
// duration. Each change needs a new preview, which says how many rows each rule touched.
import { useState } from 'react';
import { Button } from '../../../_components/ui';
import type { EntityOption, ImportRules, MergeRule } from '@/lib/import/api-types';
import styles from './imports.module.css';

const MERGE_RULES: readonly MergeRule[] = ['first', 'last', 'earliest', 'latest', 'max', 'min', 'non-empty'];
type Filter = NonNullable<ImportRules['filters']>[number];
type Derived = NonNullable<ImportRules['derived']>[number];

export function RulesEditor({ headers, entity, mapping, rules, onChange }: {
  headers: string[]; entity: EntityOption; mapping: Record<string, string>; rules: ImportRules; onChange: (r: ImportRules) => void;
}) {
  const [f, setF] = useState<Filter>({ action: 'skip', column: headers[0] ?? '', when: 'empty' });
  // Nothing chosen at first: a preselected first header (often the id) read as both the time and the duration.
  const [d, setD] = useState<Derived>({ column: '', from: '', add: '', unit: 'minutes' });
  const filters = rules.filters ?? [];
  const derived = rules.derived ?? [];
  const mapped = Object.values(mapping).filter(Boolean);
  const ownerCols = mapped.filter((c) => /_email$/.test(c) && c !== 'email');
  const timeCols = entity.columns.filter((c) => /_at$/.test(c));
  const describe = (x: Filter) => `${x.action} rows where “${x.column}” ${x.when === 'empty' ? 'is empty' : x.when === 'equals' ? `is “${x.value}”` : `is one of ${x.values?.join(', ')}`}`;

  return (
    <div className={styles.valueMap} data-testid="rules-editor">
      <h3 className={styles.subhead}>Rows to skip</h3>
      {filters.map((x, k) => (
        <div key={k} className={styles.ruleLine}>{describe(x)} <Button size="sm" variant="secondary" onClick={() => onChange({ ...rules, filters: filters.filter((_, i) => i !== k) })}>Remove</Button></div>
      ))}
      <div className={styles.ruleForm}>
        <select className="input" aria-label="Filter action" value={f.action} onChange={(e) => setF({ ...f, action: e.target.value as Filter['action'] })}><option value="skip">Skip rows where</option><option value="keep">Keep only rows where</option></select>
        <select className="input" aria-label="Filter column" value={f.column} onChange={(e) => setF({ ...f, column: e.target.value })}>{headers.map((h) => <option key={h} value={h}>{h}</option>)}</select>
        <select className="input" aria-label="Filter condition" value={f.when} onChange={(e) => setF({ ...f, when: e.target.value as Filter['when'] })}><option value="empty">is empty</option><option value="equals">equals</option><option value="in">is one of (comma-separated)</option></select>
        {f.when !== 'empty' ? <input className="input" aria-label="Filter value" value={f.value ?? ''} onChange={(e) => setF({ ...f, value: e.target.value })} /> : null}
        <Button size="sm" variant="secondary" disabled={!f.column} onClick={() => onChange({ ...rules, filters: [...filters, f.when === 'in' ? { ...f, value: undefined, values: (f.value ?? '').split(',').map((v) => v.trim()).filter(Boolean) } : f] })}>Add filter</Button>
      </div>

      {ownerCols.length ? (
        <label className={styles.check}>
          <input type="checkbox" checked={!!rules.owners?.create} onChange={(e) => onChange({ ...rules, owners: { ...rules.owners, create: e.target.checked } })} />
          {' '}Names in {ownerCols.join(', ')} that match no user: create them as inactive members (otherwise they are errors, listed with their rows)
        </label>
      ) : null}

      <label className={styles.check}>
        <input type="checkbox" checked={!!rules.merge} onChange={(e) => onChange({ ...rules, merge: e.target.checked ? { columns: {} } : undefined })} />
        {' '}Merge rows that repeat the {entity.name === 'users' ? 'e-mail' : 'external_id'} into one
      </label>
      {rules.merge ? (
        <div className={styles.missingGrid}>
          {mapped.map((c) => (
            <label key={c} className={styles.missingItem}>{c}
              <select className="input" value={rules.merge?.columns?.[c] ?? ''} onChange={(e) => {
                const columns = { ...(rules.merge?.columns ?? {}) };
                if (e.target.value) columns[c] = e.target.value as MergeRule; else delete columns[c];
                onChange({ ...rules, merge: { ...rules.merge, columns } });
              }}>
                <option value="">must agree</option>
                {MERGE_RULES.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
          ))}
        </div>
      ) : null}

      {timeCols.length ? (
        <>
          <h3 className={styles.subhead}>Times from a duration</h3>
          {derived.map((x, k) => (
            <div key={k} className={styles.ruleLine}>{x.column} = {x.from} + {x.add} {x.unit} <Button size="sm" variant="secondary" onClick={() => onChange({ ...rules, derived: derived.filter((_, i) => i !== k) })}>Remove</Button></div>
          ))}
          <div className={styles.ruleForm}>
            <select className="input" aria-label="Derived column" value={d.column} onChange={(e) => setD({ ...d, column: e.target.value })}><option value="">column…</option>{timeCols.map((c) => <option key={c} value={c}>{c}</option>)}</select>
            <span>=</span>
            <select className="input" aria-label="Start column" value={d.from} onChange={(e) => setD({ ...d, from: e.target.value })}><option value="">start column…</option>{headers.map((h) => <option key={h} value={h}>{h}</option>)}</select>
            <span>+</span>
            <select className="input" aria-label="Duration column" value={d.add} onChange={(e) => setD({ ...d, add: e.target.value })}><option value="">duration column…</option>{headers.map((h) => <option key={h} value={h}>{h}</option>)}</select>
            <select className="input" aria-label="Duration unit" value={d.unit} onChange={(e) => setD({ ...d, unit: e.target.value as Derived['unit'] })}>{['seconds', 'minutes', 'hours', 'days'].map((u) => <option key={u} value={u}>{u}</option>)}</select>
            <Button size="sm" variant="secondary" disabled={!d.column || !d.from || !d.add} onClick={() => onChange({ ...rules, derived: [...derived, d] })}>Add</Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
