'use client';
// Saved mappings on the page: the ones made for this header row are offered at once; any mapping can be
// loaded from a JSON file, saved by name (the same name replaces it) and downloaded, the very document
// `npm run import -- --mapping-file` reads. A document may hold several entities: the page edits the
// part of the chosen entity and keeps the others.
import { useState } from 'react';
import { Alert, Button } from '../../../_components/ui';
import type { MappingDocumentInput, UploadInfo } from '@/lib/import/api-types';
import styles from './imports.module.css';

export function MappingTools({ upload, buildDoc, onApply }: {
  upload: UploadInfo; buildDoc: (name: string) => MappingDocumentInput; onApply: (doc: MappingDocumentInput) => void;
}) {
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<{ id: number; name: string } | null>(null);
  const [message, setMessage] = useState('');

  async function save() {
    setMessage(''); setSaved(null);
    const res = await fetch('/api/imports/mappings', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(buildDoc(name.trim())) });
    const body = (await res.json().catch(() => ({}))) as { id?: number; error?: string };
    if (!res.ok || !body.id) setMessage(body.error ?? `Saving failed (${res.status}).`);
    else setSaved({ id: body.id, name: name.trim() });
  }

  function download() {
    const doc = buildDoc(name.trim() || upload.fileName.replace(/\.csv$/i, ''));
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url; a.download = `${doc.name.replace(/[^\w.\- ]+/g, '_')}.json`; a.click();
    URL.revokeObjectURL(url);
  }

  async function load(file: File | undefined) {
    if (!file) return;
    try { onApply(JSON.parse(await file.text()) as MappingDocumentInput); setMessage(''); }
    catch { setMessage('That file is not a mapping (JSON).'); }
  }

  return (
    <div className={styles.valueMap} data-testid="mapping-tools">
      <h3 className={styles.subhead}>Saved mapping</h3>
      {upload.saved.map((m) => (
        <Alert key={m.id} tone="info" data-testid="mapping-suggestion">
          “{m.name}” was saved for files with these columns.{' '}
          <Button size="sm" variant="secondary" onClick={() => onApply(m.document)}>Use it</Button>
        </Alert>
      ))}
      <div className={styles.row}>
        <input className="input" aria-label="Mapping name" placeholder="Name, e.g. Zendesk tickets" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <div className={styles.buttons}>
          <Button variant="secondary" disabled={!name.trim()} onClick={save}>Save mapping</Button>
          <Button variant="secondary" onClick={download}>Download (JSON)</Button>
          <label className={styles.fileButton}>Load a mapping file<input type="file" accept=".json,application/json" onChange={(e) => load(e.target.files?.[0])} /></label>
        </div>
      </div>
      {saved ? <p className="subtle" data-testid="mapping-saved">Saved as “{saved.name}”. <a href={`/api/imports/mappings/${saved.id}`} download>Download it</a>; it is offered again for files with these columns.</p> : null}
      {message ? <Alert tone="error" role="alert">{message}</Alert> : null}
    </div>
  );
}
