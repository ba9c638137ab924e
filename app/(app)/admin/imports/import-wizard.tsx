'use client';
// The import steps: upload (streamed by the browser as the request body), entity and mapping, preview
// (dry run), commit in the background with a polled progress bar, cancel, result.
import { useState } from 'react';
import { Alert, Button, Card, Field } from '../../../_components/ui';
import { BatchPanel } from './batch-panel';
import { DistinctValues } from './distinct-values';
import { FileStep } from './file-step';
import { useImportDraft } from './import-draft';
import { callImportApi as call, jsonPost as json } from './import-api';
import { JobCard, useImportJob } from './import-job';
import { MappingTable } from './mapping-table';
import { MappingTools } from './mapping-tools';
import { PreviewPanel } from './preview-panel';
import { RulesEditor } from './rules-editor';
import { MissingColumnValues, UnknownValueMapper } from './value-mapper';
import type { JobInfo, PreviewInfo, UploadInfo } from '@/lib/import/api-types';
import styles from './imports.module.css';

export function ImportWizard({ limits }: { limits: string }) {
  const [file, setFile] = useState<File | null>(null);
  /** Several files chosen at once: imported together (BatchPanel). */
  const [many, setMany] = useState<File[]>([]);
  const d = useImportDraft();
  const [preview, setPreview] = useState<PreviewInfo | null>(null);
  const { job, setJob, running } = useImportJob(d.upload?.uploadId ?? null);
  const [busy, setBusy] = useState<'' | 'upload' | 'preview' | 'commit'>('');
  const [error, setError] = useState('');
  const { upload, entityDef } = d;
  /** Runs one request with the busy marker and the error line. */
  async function step(kind: typeof busy, work: () => Promise<void>) {
    setBusy(kind); setError('');
    try { await work(); } catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }
  const doUpload = () => file && step('upload', async () => {
    d.start(null); setPreview(null); setJob(null);
    d.start(await call<UploadInfo>(`/api/imports/upload?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file }));
  });
  const doPreview = () => upload && d.entity && step('preview', async () => {
    setPreview(null);
    setPreview(await call<PreviewInfo>('/api/imports/preview', json(d.request())));
  });
  const doCommit = () => upload && step('commit', async () => setJob(await call<JobInfo>('/api/imports/commit', json(d.request()))));
  const doCancel = () => upload && call<JobInfo>(`/api/imports/cancel?upload=${upload.uploadId}`, { method: 'POST' }).catch(() => null);
  /** A change that makes the last preview stale. */
  const stale = <T,>(set: (v: T) => void) => (v: T) => { setPreview(null); set(v); };

  return (
    <div className={styles.steps}>
      {error ? <Alert tone="error" role="alert">{error}</Alert> : null}
      <FileStep limits={limits} upload={upload} encoding={d.encoding} canUpload={!!file && busy === '' && !running} uploading={busy === 'upload'}
        onFiles={(list) => { setFile(list.length === 1 ? list[0] : null); setMany(list.length > 1 ? list : []); }} onUpload={doUpload} onEncoding={stale(d.setEncoding)} />
      {many.length > 1 ? <BatchPanel key={many.map((f) => f.name).join('|')} files={many} /> : null}
      {upload ? (
        <Card title="2. Entity and columns" description={upload.guess ? `Guessed from the header: ${upload.guess}. Change it if it is wrong.` : 'The header does not match an entity: choose one.'}>
          <Field label="Entity" name="entity">
            <select className="input" value={d.entity} onChange={(e) => stale(d.chooseEntity)(e.target.value)}>
              <option value="">Choose…</option>
              {upload.entities.map((e) => <option key={e.name} value={e.name}>{e.label}</option>)}
            </select>
          </Field>
          {entityDef ? (
            <>
              <MappingTable headers={upload.headers} entity={entityDef} mapping={d.mapping} onChange={stale(d.setMapping)} />
              <RulesEditor headers={upload.headers} entity={entityDef} mapping={d.mapping} rules={d.rules} onChange={stale(d.setRules)} />
              <MappingTools upload={upload} buildDoc={d.buildDoc} onApply={(doc) => { if (d.applyDoc(doc)) setPreview(null); }} />
              <MissingColumnValues missing={entityDef.required.filter((c) => !Object.values(d.mapping).includes(c))} enums={entityDef.enums}
                values={d.values} onChange={stale(d.setValues)} />
            </>
          ) : null}
          <div className={styles.buttons}>
            <Button variant="primary" disabled={!d.entity || busy !== '' || running} onClick={doPreview}>{busy === 'preview' ? 'Checking…' : 'Preview'}</Button>
          </div>
        </Card>
      ) : null}
      {preview && upload ? (
        <PreviewPanel preview={preview} uploadId={upload.uploadId} canCommit={preview.errorCount === 0 && !job && busy === ''} onCommit={doCommit}>
          <UnknownValueMapper unknown={preview.unknownValues ?? {}} enums={entityDef?.enums ?? {}} values={d.values} onChange={d.setValues} mapping={d.mapping} />
          <DistinctValues distinct={preview.distinctValues ?? {}} values={d.values} rules={d.rules} onValues={d.setValues} onRules={d.setRules} />
          {Object.keys(preview.unknownValues ?? {}).length || Object.keys(preview.distinctValues ?? {}).length ? (
            <div className={styles.buttons}>
              <Button variant="secondary" disabled={busy !== '' || running} onClick={doPreview}>{busy === 'preview' ? 'Checking…' : 'Preview again with these values'}</Button>
            </div>
          ) : null}
        </PreviewPanel>
      ) : null}
      {job ? <JobCard job={job} onCancel={doCancel} /> : null}
    </div>
  );
}
