'use client';
// What the admin is building for one uploaded file: the entity, the column and value mappings, the
// rules and the encoding, and the mapping document they make (saved, downloaded, or loaded back).
import { useState } from 'react';
import type { Encoding, ImportRules, MappingDocumentInput, UploadInfo } from '@/lib/import/api-types';
import type { ValueMap } from './value-mapper';

/** One entity's part of a mapping document. */
type DocPart = MappingDocumentInput['imports'][number];

export function useImportDraft() {
  const [upload, setUpload] = useState<UploadInfo | null>(null);
  const [entity, setEntity] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [values, setValues] = useState<ValueMap>({});
  const [rules, setRules] = useState<ImportRules>({});
  const [encoding, setEncoding] = useState('');
  /** Parts of a loaded mapping document for other entities: kept when it is saved again. */
  const [otherParts, setOtherParts] = useState<DocPart[]>([]);

  /** A new upload (or none): its guessed entity and the mapping proposed for it, nothing else yet. */
  function start(u: UploadInfo | null) {
    setUpload(u);
    const e = u?.guess ?? '';
    setEntity(e);
    setMapping(u?.entities.find((x) => x.name === e)?.mapping ?? {});
    setValues({}); setRules({}); setEncoding(''); setOtherParts([]);
  }

  function chooseEntity(e: string) {
    setEntity(e); setValues({}); setRules({});
    setMapping(upload?.entities.find((x) => x.name === e)?.mapping ?? {});
  }

  /** Applies a mapping document: its part for the chosen entity (or its first part); false when it has none. */
  function applyDoc(doc: MappingDocumentInput): boolean {
    const part = doc.imports?.find((p) => p.entity === entity) ?? doc.imports?.[0];
    if (!upload || !part) return false;
    const { entity: e, columns, values: v, ...r } = part;
    setEntity(e);
    setMapping(Object.fromEntries(Object.entries(columns ?? {}).filter(([h]) => upload.headers.includes(h))));
    setValues(v ?? {}); setRules(r); setEncoding(doc.encoding ?? ''); setOtherParts(doc.imports.filter((p) => p !== part));
    return true;
  }

  // The page's selects hold plain strings; the server checks the document with its schema when it is saved.
  const buildDoc = (name: string): MappingDocumentInput => ({
    version: 1, name, file: upload?.fileName, headers: upload?.headers, ...(encoding ? { encoding: encoding as Encoding } : {}),
    imports: [...otherParts.filter((p) => p.entity !== entity), { entity: entity as DocPart['entity'], columns: mapping, values, ...rules }],
  });
  /** The body of a preview or commit request. */
  const request = () => ({ uploadId: upload?.uploadId, entity, mapping, values, rules, ...(encoding ? { encoding } : {}) });

  return {
    upload, entity, mapping, values, rules, encoding, entityDef: upload?.entities.find((e) => e.name === entity),
    setMapping, setValues, setRules, setEncoding, start, chooseEntity, applyDoc, buildDoc, request,
  };
}
