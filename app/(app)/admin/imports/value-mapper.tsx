'use client';
// Mapping an export's own values onto the contract: each value the dry run could not use (an unknown
// enumeration value, or an empty required cell) gets a replacement, and a required column the file
// lacks gets one value for every row. Sent as the import's value mapping (lib/import/value-mapping).
import styles from './imports.module.css';

export type ValueMap = Record<string, Record<string, string>>;

function ValueInput({ column, from, allowed, values, onChange }: {
  column: string; from: string; allowed?: string[]; values: ValueMap; onChange: (v: ValueMap) => void;
}) {
  const current = values[column]?.[from] ?? '';
  const set = (to: string) => {
    const col = { ...(values[column] ?? {}) };
    if (to === '') delete col[from];
    else col[from] = to;
    onChange({ ...values, [column]: col });
  };
  const label = `${column}: ${from === '' ? 'empty cells' : `"${from}"`}`;
  return allowed ? (
    <select className="input" aria-label={`Map ${label}`} value={current} onChange={(e) => set(e.target.value)}>
      <option value="">— leave as an error —</option>
      {allowed.map((a) => <option key={a} value={a}>{a}</option>)}
    </select>
  ) : (
    <input className="input" aria-label={`Map ${label}`} value={current} placeholder="a value, or {column} to copy one" onChange={(e) => set(e.target.value)} />
  );
}

/** Values the dry run found unusable, per column, with how many rows hold each. */
export function UnknownValueMapper({ unknown, enums, values, onChange, mapping }: {
  unknown: Record<string, { value: string; rows: number }[]>; enums: Record<string, string[]>; values: ValueMap; onChange: (v: ValueMap) => void;
  /** file header -> column, to name the file's column beside the contract's */
  mapping: Record<string, string>;
}) {
  const headerOf = Object.fromEntries(Object.entries(mapping).map(([h, c]) => [c, h]));
  const cols = Object.entries(unknown);
  if (!cols.length) return null;
  return (
    <div className={styles.valueMap} data-testid="value-mapper">
      <h3 className={styles.subhead}>Values to map</h3>
      <p className="subtle">The file uses values the contract does not know, or leaves required cells empty. Say what to store instead, then preview again; the file itself is not changed.</p>
      <div className={`table-wrap ${styles.mapTable}`}>
        <table className="table">
          <thead><tr><th>Column</th><th>Value in the file</th><th className="num">Rows</th><th>Store as</th></tr></thead>
          <tbody>
            {cols.flatMap(([column, list]) => list.map((u) => (
              <tr key={`${column}\u0000${u.value}`}>
                <td data-label="Column">{column}{headerOf[column] && headerOf[column] !== column ? <span className="subtle"> ({headerOf[column]})</span> : null}</td>
                <td data-label="Value in the file">{u.value === '' ? <span className="subtle">(empty)</span> : u.value}</td>
                <td className="num" data-label="Rows">{u.rows.toLocaleString('en-US')}</td>
                <td data-label="Store as"><ValueInput column={column} from={u.value} allowed={enums[column]} values={values} onChange={onChange} /></td>
              </tr>
            )))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Required columns no header is mapped to: one value for every row, or the import cannot run. */
export function MissingColumnValues({ missing, enums, values, onChange }: {
  missing: string[]; enums: Record<string, string[]>; values: ValueMap; onChange: (v: ValueMap) => void;
}) {
  if (!missing.length) return null;
  return (
    <div className={styles.valueMap} data-testid="missing-columns">
      <h3 className={styles.subhead}>Required columns not in the file</h3>
      <p className="subtle">Map a column of the file to them above, or give one value for every row (<code>{"{account}"}</code> copies the file&apos;s <em>account</em> column).</p>
      <div className={styles.missingGrid}>
        {missing.map((column) => (
          <label key={column} className={styles.missingItem}>
            <span className="field-label">{column}</span>
            <ValueInput column={column} from="" allowed={enums[column]} values={values} onChange={onChange} />
          </label>
        ))}
      </div>
    </div>
  );
}
