'use client';
// Step 1 of the import: choose one file (or several: BatchPanel), upload it, and read back what the
// server found (rows, size, delimiter, a problem, an encoding to choose when it is not UTF-8).
import { Button, Card, Field, Alert } from '../../../_components/ui';
import type { UploadInfo } from '@/lib/import/api-types';
import styles from './imports.module.css';

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

export function FileStep({ limits, upload, encoding, canUpload, uploading, onFiles, onUpload, onEncoding }: {
  limits: string; upload: UploadInfo | null; encoding: string; canUpload: boolean; uploading: boolean;
  onFiles: (files: File[]) => void; onUpload: () => void; onEncoding: (encoding: string) => void;
}) {
  return (
    <Card title="1. File" description={limits}>
      <div className={styles.row}>
        <Field label="CSV file" name="file"><input type="file" accept=".csv,text/csv" multiple onChange={(e) => onFiles([...(e.target.files ?? [])])} /></Field>
        <div><Button variant="primary" disabled={!canUpload} onClick={onUpload}>{uploading ? 'Uploading…' : 'Upload'}</Button></div>
      </div>
      {upload ? <p className="subtle" data-testid="upload-info">{upload.fileName}: {upload.rows.toLocaleString('en-US')} rows, {(upload.bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB{upload.delimiter ? `, cells separated by ${DELIMITER_NAMES[upload.delimiter] ?? upload.delimiter}` : ''}.</p> : null}
      {upload?.problem && !encoding ? <Alert tone="error" role="alert" data-testid="upload-problem">{upload.problem}</Alert> : null}
      {upload?.notUtf8 ? (
        <Field label="The file's encoding" name="encoding">
          <select className="input" value={encoding} onChange={(e) => onEncoding(e.target.value)}>
            <option value="">UTF-8 (refused: not valid)</option>
            <option value="windows-1252">Windows-1252 (Excel on Windows)</option>
            <option value="latin1">Latin-1 (ISO-8859-1)</option>
          </select>
        </Field>
      ) : null}
      <p className="subtle">Templates (the columns and one example row): {upload?.entities.map((e, k) => (
        <span key={e.name}>{k ? ' · ' : ''}<a href={`/api/imports/template?entity=${e.name}`} download>{e.name}.csv</a></span>
      )) ?? <a href="/api/imports/template?entity=accounts" download>accounts.csv</a>}. Import files in this order: users, accounts, campaigns, leads, deals, orders, tickets, survey responses, expenses, activities.</p>
    </Card>
  );
}
