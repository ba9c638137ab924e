'use client';
// Several files at once (a folder of exports in the contract's format): each is uploaded, its entity
// guessed from its header (changeable), then all are checked and imported in dependency order in one
// transaction (/api/imports/batch): one bad row anywhere and nothing is written.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert, Button, Card } from '../../../_components/ui';
import { ENTITY_CATALOGUE, ENTITY_NAMES } from '@/lib/entities/catalogue';
import type { BatchInfo, UploadInfo } from '@/lib/import/api-types';
import { callImportApi as send } from './import-api';
import styles from './imports.module.css';

/** The entities, in dependency order (the entity catalogue: no schemas, so safe for the client bundle). */
const ENTITIES = ENTITY_NAMES.map((name) => ({ name, label: ENTITY_CATALOGUE[name].plural }));

export function BatchPanel({ files }: { files: File[] }) {
  const router = useRouter();
  const [uploads, setUploads] = useState<(UploadInfo & { entity: string })[]>([]);
  const [result, setResult] = useState<BatchInfo | null>(null);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  async function uploadAll() {
    setBusy('upload'); setError(''); setResult(null); setUploads([]);
    try {
      const out: (UploadInfo & { entity: string })[] = [];
      for (const f of files) {
        const u = await send<UploadInfo>(`/api/imports/upload?name=${encodeURIComponent(f.name)}`, { method: 'POST', body: f });
        out.push({ ...u, entity: u.guess ?? '' });
      }
      setUploads(out);
    } catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }

  async function run(dryRun: boolean) {
    setBusy(dryRun ? 'check' : 'import'); setError('');
    try {
      const r = await send<BatchInfo>('/api/imports/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ dryRun, uploads: uploads.map((u) => ({ uploadId: u.uploadId, entity: u.entity })) }) });
      setResult(r);
      if (r.committed) router.refresh();
    } catch (err) { setError((err as Error).message); } finally { setBusy(''); }
  }

  const ready = uploads.length > 0 && uploads.every((u) => u.entity);
  return (
    <Card title={`${files.length} files at once`} description="Imported in dependency order (users, accounts, campaigns, leads, deals, orders, tickets, survey responses, expenses, activities), all or nothing.">
      {error ? <Alert tone="error" role="alert">{error}</Alert> : null}
      {!uploads.length ? <Button variant="primary" disabled={busy !== ''} onClick={uploadAll}>{busy === 'upload' ? 'Uploading…' : `Upload ${files.length} files`}</Button> : null}
      {uploads.length ? (
        <div className={`table-wrap ${styles.scroll}`}>
          <table className="table" data-testid="batch-files">
            <thead><tr><th>File</th><th className="num">Rows</th><th>Entity</th><th>Result</th></tr></thead>
            <tbody>
              {uploads.map((u, k) => {
                const r = result?.files.find((f) => f.fileName === u.fileName);
                return (
                  <tr key={u.uploadId}>
                    <td>{u.fileName}</td>
                    <td className="num">{u.rows.toLocaleString('en-US')}</td>
                    <td>
                      <select className="input" aria-label={`Entity of ${u.fileName}`} value={u.entity} onChange={(e) => { setResult(null); setUploads(uploads.map((x, i) => (i === k ? { ...x, entity: e.target.value } : x))); }}>
                        <option value="">Choose…</option>
                        {ENTITIES.map((e) => <option key={e.name} value={e.name}>{e.label}</option>)}
                      </select>
                    </td>
                    <td>{r ? (r.errorCount ? `${r.errorCount} errors: ${r.errors.slice(0, 3).map((e) => `row ${e.row} ${e.column}: ${e.message}`).join('; ')}` : `${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged`) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {uploads.length ? (
        <div className={styles.buttons}>
          <Button variant="secondary" disabled={!ready || busy !== ''} onClick={() => run(true)}>{busy === 'check' ? 'Checking…' : 'Check all'}</Button>
          <Button variant="primary" disabled={!ready || busy !== '' || !result?.ok || result.committed} onClick={() => run(false)}>{busy === 'import' ? 'Importing…' : 'Import all'}</Button>
        </div>
      ) : null}
      {result ? <Alert tone={result.ok ? 'success' : 'error'} data-testid="batch-result">{result.message}</Alert> : null}
    </Card>
  );
}
