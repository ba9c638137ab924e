'use client';
// Free-text columns with few distinct values (region, industry, segment): every value with its row
// count, a replacement for each (typos, countries to regions) and one-click case and space
// normalisation ("retail", "Retail " and "RETAIL" become one). Sent as the value mapping and rules.
import type { ImportRules, UnknownValues } from '@/lib/import/api-types';
import type { ValueMap } from './value-mapper';
import styles from './imports.module.css';

const CASES: [string, string][] = [['keep', 'spaces only'], ['title', 'Title Case'], ['lower', 'lower case'], ['upper', 'UPPER CASE']];

export function DistinctValues({ distinct, values, rules, onValues, onRules }: {
  distinct: UnknownValues; values: ValueMap; rules: ImportRules; onValues: (v: ValueMap) => void; onRules: (r: ImportRules) => void;
}) {
  const cols = Object.keys(distinct).filter((c) => distinct[c].length > 1);
  if (!cols.length) return null;
  return (
    <div className={styles.valueMap} data-testid="distinct-values">
      <h3 className={styles.subhead}>Values of text columns</h3>
      <p className="subtle">Columns with few different values: fix typos, merge spellings, or make the case uniform. Preview again to see the result.</p>
      {cols.map((col) => (
        <details key={col} className={styles.distinct}>
          <summary>{col}: {distinct[col].length} values</summary>
          <label className={styles.check}>Normalise{' '}
            <select className="input" aria-label={`Normalise ${col}`} value={rules.normalize?.[col] ?? ''} onChange={(e) => {
              const normalize = { ...(rules.normalize ?? {}) };
              if (e.target.value) normalize[col] = e.target.value as 'keep'; else delete normalize[col];
              onRules({ ...rules, normalize });
            }}>
              <option value="">no</option>
              {CASES.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
            </select>
          </label>
          <div className={styles.missingGrid}>
            {distinct[col].map((d) => (
              <label key={d.value} className={styles.missingItem}>
                <span>“{d.value}” <span className="subtle">{d.rows.toLocaleString('en-US')} rows</span></span>
                <input className="input" aria-label={`Replace ${col} "${d.value}"`} placeholder="keep" value={values[col]?.[d.value] ?? ''} onChange={(e) => {
                  const m = { ...(values[col] ?? {}) };
                  if (e.target.value) m[d.value] = e.target.value; else delete m[d.value];
                  onValues({ ...values, [col]: m });
                }} />
              </label>
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}
