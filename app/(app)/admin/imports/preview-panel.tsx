'use client';
// Step 3: what the dry run found: counts, the first rows as stored, every error, the report download.
import type { ReactNode } from 'react';
import { Alert, Button, Card } from '../../../_components/ui';
import { formatCount } from '@/lib/intl-format';
import { display } from '../../../_components/records/format';
import type { PreviewInfo } from '@/lib/import/api-types';
import styles from './imports.module.css';

const raw = (v: unknown) => (v == null ? '' : v instanceof Object ? JSON.stringify(v) : String(v));
// Dates and times as people read them ("1 Dec 2026, 10:00"); the stored value stays in the cell's title.
// Numbers as they are: an id reads "10308", not "10,308".
const show = (v: unknown) => (typeof v === 'string' && v !== '' ? display(v) : raw(v));

export function PreviewPanel({ preview, uploadId, canCommit, onCommit, children }: { preview: PreviewInfo; uploadId: string; canCommit: boolean; onCommit: () => void; children?: ReactNode }) {
  const cols = preview.preview[0] ? Object.keys(preview.preview[0].values) : [];
  return (
    <Card title="3. Preview" description="Nothing has been written yet.">
      <div className={styles.counts} data-testid="preview-counts">
        <span><strong>{preview.totalRows.toLocaleString('en-US')}</strong> rows</span>
        <span><strong>{preview.inserted.toLocaleString('en-US')}</strong> new</span>
        <span><strong>{preview.updated.toLocaleString('en-US')}</strong> changed</span>
        <span><strong>{preview.unchanged.toLocaleString('en-US')}</strong> unchanged</span>
        <span><strong>{preview.errorCount.toLocaleString('en-US')}</strong> errors</span>
        {preview.merged ? <span><strong>{preview.merged.toLocaleString('en-US')}</strong> merged into earlier rows</span> : null}
      </div>
      {(preview.skipped ?? []).map((s) => <p key={s.reason} className="subtle" data-testid="preview-skipped">{formatCount(s.rows, 'row')} {s.reason}</p>)}
      {preview.createdUsers?.length ? (
        <p className="subtle" data-testid="preview-created-users">
          {preview.createdUsers.length} people will be created as inactive members: {preview.createdUsers.slice(0, 10).map((u) => u.name).join(', ')}{preview.createdUsers.length > 10 ? ', …' : ''}.
        </p>
      ) : null}
      {preview.errorCount > 0 ? (
        <>
          <Alert tone="error" data-testid="preview-errors-alert">
            {formatCount(preview.errorCount, 'error')}: the file cannot be imported until they are fixed. Nothing was written.{' '}
            <a href={`/api/imports/errors?upload=${uploadId}`} download>Download the error report (CSV)</a>
          </Alert>
          <div className={`table-wrap ${styles.scroll}`}>
            <table className="table" data-testid="preview-errors">
              <thead><tr><th className="num">Row</th><th>Column</th><th>Reason</th></tr></thead>
              <tbody>{preview.errors.map((e, i) => <tr key={i}><td className="num">{e.row}</td><td>{e.column}</td><td>{e.message}</td></tr>)}</tbody>
            </table>
          </div>
          {preview.errors.length < preview.errorCount ? <p className="subtle">The first {preview.errors.length.toLocaleString('en-US')} are shown; the report has up to 10,000.</p> : null}
        </>
      ) : null}
      {children}
      {preview.preview.length ? (
        <div className={`table-wrap ${styles.scroll}`}>
          <table className="table" data-testid="preview-rows">
            <thead><tr><th className="num">Row</th><th>Action</th>{cols.map((c) => <th key={c}>{c}</th>)}</tr></thead>
            <tbody>
              {preview.preview.map((r) => (
                <tr key={r.row}><td className="num">{r.row}</td><td>{r.action}</td>{cols.map((c) => <td key={c} className={styles.cellValue} title={raw(r.values[c])}>{show(r.values[c])}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className={styles.buttons}>
        <Button variant="primary" disabled={!canCommit} onClick={onCommit}>Import {preview.totalRows.toLocaleString('en-US')} rows</Button>
      </div>
    </Card>
  );
}
