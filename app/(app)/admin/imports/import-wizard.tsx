'use client';
// The import steps: upload (streamed by the browser as the request body), entity and mapping, preview
// (dry run), commit in the background with a polled progress bar, cancel, result.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Field } from '../../../_components/ui';
import { BatchPanel } from './batch-panel';
import { DistinctValues } from './distinct-values';
import { MappingTools } from './mapping-tools';
import { PreviewPanel } from './preview-panel';
import { RulesEditor } from './rules-editor';
import { MissingColumnValues, UnknownValueMapper, type ValueMap } from './value-mapper';
import type { Encoding, ImportRules, JobInfo, MappingDocumentInput, PreviewInfo, UploadInfo } from '@/lib/import/api-types';
import styles from './imports.module.css';

/** One entity's part of a mapping document. */
type DocPart = MappingDocumentInput['imports'][number];

const DELIMITER_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `The request failed (${res.status}).`);
  return body;
}

export function ImportWizard({ limits }: { limits: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  /** Several files chosen at once: imported together (BatchPanel). */
  const [many, setMany] = useState<File[]>([]);
  const [upload, setUpload] = useState<UploadInfo | null>(null);
  const [entity, setEntity] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [values, setValues] = useState<ValueMap>({});
  const [rules, setRules] = useState<ImportRules>({});
  const [encoding, setEncoding] = useState('');
  /** Parts of a loaded mapping document for other entities: kept when it is saved again. */
  const [otherParts, setOtherParts] = useState<DocPart[]>([]);
  const [preview, setPreview] = useState<PreviewInfo | null>(null);
  const [job, setJob] = useState<JobInfo | null>(null);
  const [busy, setBusy] = useState<'' | 'upload' | 'preview' | 'commit'>('');
  const [error, setError] = useState('');

  const entityDef = upload?.entities.find((e) => e.name === entity);
  const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  async function doUpload() {
    if (!file) return;
    setBusy('upload'); setError(''); setUpload(null); setPreview(null); setJob(null);
    try {
      const u = await call<UploadInfo>(`/api/imports/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
      setUpload(u);
      const e = u.guess ?? '';
      setEntity(e);
      setMapping(u.entities.find((x) => x.name === e)?.mapping ?? {});
      setValues({}); setRules({}); setEncoding(''); setOtherParts([]);
    } catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }

  function chooseEntity(e: string) {
    setEntity(e); setPreview(null); setValues({}); setRules({});
    setMapping(upload?.entities.find((x) => x.name === e)?.mapping ?? {});
  }

  /** Applies a mapping document: its part for the chosen entity (or its first part). */
  function applyDoc(doc: MappingDocumentInput) {
    const part = doc.imports?.find((p) => p.entity === entity) ?? doc.imports?.[0];
    if (!upload || !part) return;
    const { entity: e, columns, values: v, ...r } = part;
    setEntity(e); setPreview(null);
    setMapping(Object.fromEntries(Object.entries(columns ?? {}).filter(([h]) => upload.headers.includes(h))));
    setValues(v ?? {}); setRules(r); setEncoding(doc.encoding ?? ''); setOtherParts(doc.imports.filter((p) => p !== part));
  }

  // The page's selects hold plain strings; the server checks the document with its schema when it is saved.
  const buildDoc = (name: string): MappingDocumentInput => ({
    version: 1, name, file: upload?.fileName, headers: upload?.headers, ...(encoding ? { encoding: encoding as Encoding } : {}),
    imports: [...otherParts.filter((p) => p.entity !== entity), { entity: entity as DocPart['entity'], columns: mapping, values, ...rules }],
  });
  const request = () => ({ uploadId: upload?.uploadId, entity, mapping, values, rules, ...(encoding ? { encoding } : {}) });

  async function doPreview() {
    if (!upload || !entity) return;
    setBusy('preview'); setError(''); setPreview(null);
    try { setPreview(await call<PreviewInfo>('/api/imports/preview', json(request()))); }
    catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }

  async function doCommit() {
    if (!upload) return;
    setBusy('commit'); setError('');
    try { setJob(await call<JobInfo>('/api/imports/commit', json(request()))); }
    catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }

  async function doCancel() {
    if (upload) await call<JobInfo>(`/api/imports/cancel?upload=${upload.uploadId}`, { method: 'POST' }).catch(() => null);
  }

  // Poll while the import runs; the rest of the page stays usable.
  const running = job?.state === 'running';
  useEffect(() => {
    if (!running || !upload) return;
    const t = setInterval(async () => {
      const j = await call<JobInfo>(`/api/imports/status?upload=${upload.uploadId}`).catch(() => null);
      if (j) setJob(j);
      if (j && j.state !== 'running') router.refresh();
    }, 700);
    return () => clearInterval(t);
  }, [running, upload, router]);

  const pct = job && job.rowsTotal ? Math.min(100, Math.round((job.rowsDone / job.rowsTotal) * 100)) : 0;
  return (
    <div className={styles.steps}>
      {error ? <Alert tone="error" role="alert">{error}</Alert> : null}
      <Card title="1. File" description={limits}>
        <div className={styles.row}>
          <Field label="CSV file" name="file"><input type="file" accept=".csv,text/csv" multiple onChange={(e) => { const list = [...(e.target.files ?? [])]; setFile(list.length === 1 ? list[0] : null); setMany(list.length > 1 ? list : []); }} /></Field>
          <div><Button variant="primary" disabled={!file || busy !== '' || running} onClick={doUpload}>{busy === 'upload' ? 'Uploading…' : 'Upload'}</Button></div>
        </div>
        {upload ? <p className="subtle" data-testid="upload-info">{upload.fileName}: {upload.rows.toLocaleString('en-US')} rows, {(upload.bytes / 1024).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB{upload.delimiter ? `, cells separated by ${DELIMITER_NAMES[upload.delimiter] ?? upload.delimiter}` : ''}.</p> : null}
        {upload?.problem && !encoding ? <Alert tone="error" role="alert" data-testid="upload-problem">{upload.problem}</Alert> : null}
        {upload?.notUtf8 ? (
          <Field label="The file's encoding" name="encoding">
            <select className="input" value={encoding} onChange={(e) => { setEncoding(e.target.value); setPreview(null); }}>
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

      {many.length > 1 ? <BatchPanel key={many.map((f) => f.name).join('|')} files={many} /> : null}

      {upload ? (
        <Card title="2. Entity and columns" description={upload.guess ? `Guessed from the header: ${upload.guess}. Change it if it is wrong.` : 'The header does not match an entity: choose one.'}>
          <Field label="Entity" name="entity">
            <select className="input" value={entity} onChange={(e) => chooseEntity(e.target.value)}>
              <option value="">Choose…</option>
              {upload.entities.map((e) => <option key={e.name} value={e.name}>{e.label}</option>)}
            </select>
          </Field>
          {entityDef ? (
            <div className={`table-wrap ${styles.mapTable} ${styles.mapSpaced}`}>
              <table className="table" data-testid="mapping-table">
                <thead><tr><th>Column in the file</th><th>Stored as</th></tr></thead>
                <tbody>
                  {upload.headers.map((h) => (
                    <tr key={h}>
                      <td data-label="Column in the file">{h}</td>
                      <td data-label="Stored as">
                        <select className="input" aria-label={`Map ${h}`} value={mapping[h] ?? ''} onChange={(e) => { setPreview(null); setMapping({ ...mapping, [h]: e.target.value }); }}>
                          <option value="">— ignore —</option>
                          {entityDef.columns.map((c) => <option key={c} value={c}>{c}</option>)}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {entityDef ? (
            <p className="subtle" data-testid="entity-format">Format of {entityDef.name}.csv: {entityDef.columns.map((c) => (entityDef.required.includes(c) ? `${c}*` : c)).join(', ')} (* required).</p>
          ) : null}
          {entityDef ? <RulesEditor headers={upload.headers} entity={entityDef} mapping={mapping} rules={rules} onChange={(r) => { setPreview(null); setRules(r); }} /> : null}
          {entityDef ? <MappingTools upload={upload} buildDoc={buildDoc} onApply={applyDoc} /> : null}
          {entityDef ? (
            <MissingColumnValues missing={entityDef.required.filter((c) => !Object.values(mapping).includes(c))} enums={entityDef.enums}
              values={values} onChange={(v) => { setPreview(null); setValues(v); }} />
          ) : null}
          <div className={styles.buttons}>
            <Button variant="primary" disabled={!entity || busy !== '' || running} onClick={doPreview}>{busy === 'preview' ? 'Checking…' : 'Preview'}</Button>
          </div>
        </Card>
      ) : null}

      {preview && upload ? (
        <PreviewPanel preview={preview} uploadId={upload.uploadId} canCommit={preview.errorCount === 0 && !job && busy === ''} onCommit={doCommit}>
          <UnknownValueMapper unknown={preview.unknownValues ?? {}} enums={entityDef?.enums ?? {}} values={values} onChange={setValues} mapping={mapping} />
          <DistinctValues distinct={preview.distinctValues ?? {}} values={values} rules={rules} onValues={setValues} onRules={setRules} />
          {Object.keys(preview.unknownValues ?? {}).length || Object.keys(preview.distinctValues ?? {}).length ? (
            <div className={styles.buttons}>
              <Button variant="secondary" disabled={busy !== '' || running} onClick={doPreview}>{busy === 'preview' ? 'Checking…' : 'Preview again with these values'}</Button>
            </div>
          ) : null}
        </PreviewPanel>
      ) : null}

      {job ? (
        <Card title="4. Import">
          <div className={styles.progressRow}>
            <progress className={styles.progress} max={job.rowsTotal || 1} value={job.rowsDone} aria-label="Import progress" data-testid="import-progress" />
            <span className="num" data-testid="import-progress-text">{job.rowsDone.toLocaleString('en-US')} of {job.rowsTotal.toLocaleString('en-US')} rows ({pct}%)</span>
          </div>
          {running ? <div className={styles.buttons}><Button variant="danger" onClick={doCancel}>Cancel</Button></div> : null}
          {job.result ? (
            <Alert tone={job.result.committed ? 'success' : 'error'} data-testid="import-result">
              {job.result.committed
                ? `Imported: ${job.result.inserted.toLocaleString('en-US')} inserted, ${job.result.updated.toLocaleString('en-US')} updated, ${job.result.unchanged.toLocaleString('en-US')} unchanged.`
                : `${job.state === 'cancelled' ? 'Cancelled.' : 'Failed.'} ${job.result.message}`}
            </Alert>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
