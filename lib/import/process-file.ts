// Reads, validates and writes one file inside the caller's transaction. Every error is reported
// (row, column, reason); rows that fail are not written, and the caller rolls the whole transaction
// back when any error was found, so valid rows of a bad file are never committed. Valid rows are
// still written (inside the doomed transaction) so later files of a folder import resolve their
// references against them and report only their own errors.
import type { Db } from '@/db/client';
import { ENTITIES, type EntityName } from '@/lib/validation';
import { clean } from '@/lib/validation/fields';
import { BatchWriter } from './batch-writer';
import { Rollback, type ErrorLog } from './errors';
import { BINARY_MESSAGE, UTF8_MESSAGE } from './file-checks';
import { IdSet } from './id-set';
import { resolveColumns } from './mapping';
import { RowMerger } from './merge';
import { OwnerResolver, ownerColumns } from './owners';
import { isCsvError, readCsv } from './reader';
import { RowTransform } from './row-transform';
import { ValueCounter } from './value-counter';
import { loadStored } from './upsert';
import type { Delimiter, FileFormat, ImportRules } from './rules';
import type { ColumnMapping, ImportProgress, ImportResult, PreviewRow, UnknownValues, ValueMapping } from './types';

type Tx = Pick<Db, 'execute'>;

export interface FileJob {
  entity: EntityName;
  source: AsyncIterable<Uint8Array>;
  mapping?: ColumnMapping;
  values?: ValueMapping;
  rules?: ImportRules;
  format?: FileFormat;
  bytesTotal: number | null;
  batchSize: number;
  previewRows: number;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  errors: ErrorLog;
  /** History id of a committing import (its writes are captured for undo); null or absent in a dry run. */
  importId?: number | null;
}

export interface FileOutcome extends Pick<ImportResult, 'totalRows' | 'inserted' | 'updated' | 'unchanged' | 'mapping' | 'unknownValues'>, Required<Pick<ImportResult, 'skipped' | 'merged' | 'createdUsers' | 'distinctValues'>> {
  preview: PreviewRow[];
  delimiter: Delimiter | null;
}

export async function processFile(tx: Tx, job: FileJob): Promise<FileOutcome> {
  const def = ENTITIES[job.entity];
  const { errors, signal } = job;
  const out: FileOutcome = {
    totalRows: 0, inserted: 0, updated: 0, unchanged: 0, mapping: {}, preview: [], unknownValues: {},
    skipped: [], merged: 0, createdUsers: [], distinctValues: {}, delimiter: null,
  };
  const counter = new ValueCounter(def, job.previewRows > 0);
  const csv = readCsv(job.source, job.format);
  const seen = new IdSet();
  const keyIsEmail = def.key === 'email';
  const merger = job.rules?.merge ? new RowMerger(job.rules.merge) : null;
  const owners = new OwnerResolver(tx, job.rules?.owners, job.importId ?? null);
  const ownerCols = ownerColumns(job.entity);
  const skipped = new Map<string, number>();
  let headerOf = new Map<string, string>();
  const headerName = (c: string) => headerOf.get(c) ?? c;
  let header: string[] | null = null;
  let transform: RowTransform | null = null;
  let lastRow = 1;
  let utf8Reported = false;
  const previewWanted: { row: number; key: string }[] = [];
  const writer = new BatchWriter(tx, job.entity, errors, headerName, job.batchSize, () => (job.previewRows > 0 ? previewWanted.map((p) => p.key) : null), job.importId ?? null);

  /** Owners, validation, duplicate keys, then the batch. */
  const emit = async (row: number, values: Record<string, string>, ok: boolean) => {
    for (const col of ownerCols) {
      const v = values[col];
      if (v === undefined || clean(v) === null || (v.includes('@') && v === v.toLowerCase())) continue;
      const r = await owners.resolve(col, v);
      if ('email' in r) values[col] = r.email;
      else {
        errors.add(row, headerName(col), r.message);
        values[col] = ''; // reported once: not again as "not an e-mail"
        ok = false;
      }
    }
    const parsed = def.schema.safeParse(values);
    const rawKey = clean(values[def.key]);
    if (rawKey !== null && !merger) {
      const first = seen.add(keyIsEmail ? rawKey.toLowerCase() : rawKey, row);
      if (first !== 0) {
        errors.add(row, headerName(def.key), `duplicate ${def.key} "${rawKey}": row ${first} has it too${first > 0 ? ' (merge rules can fold such rows into one)' : ''}`);
        ok = false;
      }
    }
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const col = String(iss.path[0] ?? '');
        errors.add(row, headerName(col), iss.message);
        // A field's own parse failure (not a cross-field rule) on a mappable column: offer to map it.
        if (iss.path.length === 1 && (iss.message === 'is required' || /^must be (one of|true or false)/.test(iss.message))) counter.noteUnknown(col, values[col]);
      }
      return;
    }
    if (!ok) return;
    const rec = parsed.data;
    counter.noteDistinct(rec);
    if (previewWanted.length < job.previewRows) previewWanted.push({ row, key: String(rec[def.key]) });
    rec.n = row;
    const wait = writer.push(rec);
    if (wait) {
      await wait;
      job.onProgress?.({ rowsDone: out.totalRows, bytesDone: csv.bytes(), bytesTotal: job.bytesTotal });
    }
  };

  try {
    for await (const { row, cells } of csv.records) {
      if (signal?.aborted) throw new Rollback('aborted');
      if (writer.failure) break;
      lastRow = row;
      if (csv.decoder.invalidAt !== null) {
        const idx = cells.findIndex((c) => c.includes('\uFFFD'));
        if (idx >= 0) {
          errors.add(row, header?.[idx] ?? `column ${idx + 1}`, UTF8_MESSAGE);
          utf8Reported = true;
          break;
        }
      }
      if (header === null) {
        header = cells.map((h) => h.trim());
        if (header.every((h) => h === '')) {
          errors.add(row, '', 'the header row is empty: the first row must name the columns');
          break;
        }
        const valueFilled = Object.entries(job.values ?? {}).filter(([, m]) => '' in m).map(([col]) => col);
        const filled = new Set([...valueFilled, ...(job.rules?.derived ?? []).map((d) => d.column)]);
        const resolved = resolveColumns(job.entity, header, job.mapping, filled);
        for (const e of resolved.errors) errors.add(e.row, e.column, e.message);
        transform = new RowTransform(header, resolved.fields, job.values, job.rules);
        for (const p of transform.problems) errors.add(1, p.column, p.message);
        if (resolved.errors.length || transform.problems.length) break;
        out.mapping = resolved.mapping;
        headerOf = new Map(resolved.fields.map((f) => [f.column, f.header]));
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue; // a blank spreadsheet row (",,,")
      if (cells.length !== header.length) {
        out.totalRows++;
        if (cells.length > header.length) {
          errors.add(row, `#${header.length + 1}`, `has ${cells.length} values but the header has ${header.length} columns`);
        } else {
          errors.add(row, header[cells.length], `has ${cells.length} values but the header has ${header.length} columns (from "${header[cells.length]}" on, values are missing)`);
        }
        continue;
      }
      const t = transform!.apply(cells);
      if (t.kind === 'skip') {
        skipped.set(t.reason, (skipped.get(t.reason) ?? 0) + 1);
        continue;
      }
      out.totalRows++;
      for (const p of t.problems) errors.add(row, p.column, p.message);
      const key = clean(t.values[def.key]);
      if (merger && key !== null) {
        if (!t.problems.length) merger.add(keyIsEmail ? key.toLowerCase() : key, row, t.values);
        continue;
      }
      await emit(row, t.values, t.problems.length === 0);
    }
    if (merger) {
      for (const m of merger.rows()) {
        if (signal?.aborted) throw new Rollback('aborted');
        out.merged += m.folded;
        for (const c of m.conflicts) errors.add(m.row, headerName(c.column), c.message);
        await emit(m.row, m.values, m.conflicts.length === 0);
      }
    }
  } catch (err) {
    if (!isCsvError(err)) throw err;
    errors.add(lastRow + 1, '', `is not valid CSV (${err.message})`);
  }
  out.delimiter = csv.info.delimiter;
  if (csv.info.binary) errors.add(1, '', `the file ${BINARY_MESSAGE}`);
  else if (header === null && errors.count === 0) errors.add(1, '', 'the file is empty: a header row naming the columns is required');
  if (csv.decoder.invalidAt !== null && !utf8Reported) errors.add(lastRow, '', `the file ${UTF8_MESSAGE}`);
  await writer.finish();
  Object.assign(out, { inserted: writer.inserted, updated: writer.updated, unchanged: writer.unchanged });
  if (writer.before !== null && previewWanted.length) out.preview = await buildPreview(tx, job.entity, previewWanted, writer.before);
  out.unknownValues = { ...counter.unknown(), ...owners.unmatchedValues() };
  out.distinctValues = counter.distinct();
  out.skipped = [...skipped].map(([reason, rows]) => ({ reason, rows }));
  out.createdUsers = owners.created;
  job.onProgress?.({ rowsDone: out.totalRows, bytesDone: csv.bytes(), bytesTotal: job.bytesTotal });
  return out;
}

async function buildPreview(
  tx: Tx, entity: EntityName, wanted: { row: number; key: string }[], before: Map<string, Record<string, unknown>>,
): Promise<PreviewRow[]> {
  const after = await loadStored(tx, entity, wanted.map((w) => w.key));
  return wanted.flatMap(({ row, key }) => {
    const values = after.get(key);
    if (!values) return []; // not written: its reference errors are in the error list
    const old = before.get(key);
    const action = !old ? 'insert' : JSON.stringify(old) === JSON.stringify(values) ? 'unchanged' : 'update';
    return [{ row, action, values } as PreviewRow];
  });
}
