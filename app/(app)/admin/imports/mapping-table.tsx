'use client';
// Step 2's table: each header of the file and the contract column it is stored as ('' ignores it).
import type { EntityOption } from '@/lib/import/api-types';
import styles from './imports.module.css';

export function MappingTable({ headers, entity, mapping, onChange }: {
  headers: string[]; entity: EntityOption; mapping: Record<string, string>; onChange: (mapping: Record<string, string>) => void;
}) {
  return (
    <>
      <div className={`table-wrap ${styles.mapTable} ${styles.mapSpaced}`}>
        <table className="table" data-testid="mapping-table">
          <thead><tr><th>Column in the file</th><th>Stored as</th></tr></thead>
          <tbody>
            {headers.map((h) => (
              <tr key={h}>
                <td data-label="Column in the file">{h}</td>
                <td data-label="Stored as">
                  <select className="input" aria-label={`Map ${h}`} value={mapping[h] ?? ''} onChange={(e) => onChange({ ...mapping, [h]: e.target.value })}>
                    <option value="">— ignore —</option>
                    {entity.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="subtle" data-testid="entity-format">Format of {entity.name}.csv: {entity.columns.map((c) => (entity.required.includes(c) ? `${c}*` : c)).join(', ')} (* required).</p>
    </>
  );
}
