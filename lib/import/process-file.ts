// Reads, validates and writes one file inside the caller's transaction. Every error is reported
// (row, column, reason); rows that fail are not written, and the caller rolls the whole transaction
// back when any error was found, so valid rows of a bad file are never committed. Valid rows are
// still written (inside the doomed transaction) so later files of a folder import resolve their
// references against them and report only their own errors.
import type { Db } from '@/db/client';
import { ENTITIES, type EntityName } from '@/lib/validation';
import { clean } from '@/lib/validation/fields';
import { ErrorLog, Rollback } from './errors';
import { IdSet } from './id-set';
import { resolveColumns } from './mapping';
import { isCsvError, readCsv } from './reader';
import { describeBadRef, loadStored, upsertBatch, type BatchResult } from './upsert';
import type { ColumnMapping, ImportProgress, PreviewRow, UnknownValues, ValueMapping } from './types';

type Tx = Pick<Db, 'execute'>;

export interface FileJob {
  entity: EntityName;
  source: AsyncIterable<Uint8Array>;
  mapping?: ColumnMapping;
  values?: ValueMapping;
  bytesTotal: number | null;
  batchSize: number;
  previewRows: number;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  errors: ErrorLog;
}

export interface FileOutcome {
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  mapping: ColumnMapping;
  preview: PreviewRow[];
  unknownValues: UnknownValues;
}

/** Distinct unknown values kept per column: enough to map an export's vocabulary, bounded for a bad file. */
const MAX_UNKNOWN_VALUES = 50;

/** `{Header}` in a mapped value copies that column of the row (e.g. name = "{account}"); unknown headers stay as written. */
function fillTemplate(to: string, header: string[], cells: string[]): string {
  return to.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const i = header.indexOf(name.trim());
    return i >= 0 ? (cells[i] ?? '') : whole;
  });
}

/** The value mapping with its keys normalised (trimmed, lower-case) for lookups. */
function normalizeValueMapping(v: ValueMapping | undefined): [string, Map<string, string>][] {
  return Object.entries(v ?? {}).map(([col, m]) => [col, new Map(Object.entries(m).map(([from, to]) => [from.trim().toLowerCase(), to]))]);
}

/** Batches sent and not yet answered (each holds one batch's rows and JSON in memory). */
const MAX_INFLIGHT = 2;

const UTF8_MESSAGE =
  'holds bytes that are not valid UTF-8: the file is not UTF-8 encoded. Save it as "CSV UTF-8" and import it again';

/** SQLSTATE classes 22 (data exception) and 23 (integrity violation): the data, not the database. */
function dataErrorOf(err: unknown): string | null {
  for (let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^2[23]/.test(e.code)) return e.message ?? String(e.code);
  }
  return null;
}

export async function processFile(tx: Tx, job: FileJob): Promise<FileOutcome> {
  const def = ENTITIES[job.entity];
  const { errors, signal } = job;
  const out: FileOutcome = { totalRows: 0, inserted: 0, updated: 0, unchanged: 0, mapping: {}, preview: [], unknownValues: {} };
  const valueMaps = normalizeValueMapping(job.values);
  // Columns whose unparsed or missing values are worth offering a mapping for.
  const mappable = new Set(def.columns.filter((c) => c.type === 'enum' || c.type === 'boolean' || c.required).map((c) => c.name));
  const unknown = new Map<string, Map<string, number>>();
  const noteUnknown = (col: string, raw: string | undefined) => {
    if (!mappable.has(col)) return;
    const v = (raw ?? '').trim();
    const counts = unknown.get(col) ?? new Map<string, number>();
    unknown.set(col, counts);
    if (counts.has(v) || counts.size < MAX_UNKNOWN_VALUES) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  const csv = readCsv(job.source);
  const seen = new IdSet();
  const keyIsEmail = def.key === 'email';
  let fields: ReturnType<typeof resolveColumns>['fields'] = [];
  let headerOf = new Map<string, string>();
  let header: string[] | null = null;
  let lastRow = 1;
  let utf8Reported = false;

  // Batches: two in flight while the next is parsed, so Postgres always has the next statement queued
  // on the connection (postgres.js pipelines them) and works while JS parses and validates.
  let batch: Record<string, unknown>[] = [];
  const inflight: Promise<void>[] = [];
  let failure: unknown = null;
  const previewWanted: { row: number; key: string }[] = [];
  let before: Map<string, Record<string, unknown>> | null = null;

  const apply = (rows: Record<string, unknown>[], r: BatchResult) => {
    out.inserted += r.inserted;
    out.updated += r.updated;
    out.unchanged += rows.length - r.badRefs.length - r.inserted - r.updated;
    if (!r.badRefs.length) return;
    const byRow = new Map(rows.map((x) => [x.n as number, x]));
    for (const b of r.badRefs) {
      for (const c of b.columns) errors.add(b.n, headerOf.get(c) ?? c, describeBadRef(job.entity, c, byRow.get(b.n)?.[c]));
    }
  };
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    while (inflight.length >= MAX_INFLIGHT) await inflight.shift();
    if (failure) return;
    if (job.previewRows > 0 && before === null) before = await loadStored(tx, job.entity, previewWanted.map((p) => p.key));
    inflight.push(upsertBatch(tx, job.entity, rows).then(
      (r) => apply(rows, r),
      (err) => {
        // After a refused batch, the ones queued behind it fail with "transaction aborted": the first
        // failure is the one to report.
        if (failure) return;
        const msg = dataErrorOf(err);
        if (!msg) failure = err;
        else {
          failure = new Rollback('errors');
          errors.add(rows[0].n as number, '', `the database refused rows ${rows[0].n}-${rows[rows.length - 1].n}: ${msg}`);
        }
      },
    ));
    job.onProgress?.({ rowsDone: out.totalRows, bytesDone: csv.bytes(), bytesTotal: job.bytesTotal });
  };

  try {
    for await (const { row, cells } of csv.records) {
      if (signal?.aborted) throw new Rollback('aborted');
      if (failure) break;
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
        const filled = new Set(valueMaps.filter(([, m]) => m.has('')).map(([col]) => col));
        const resolved = resolveColumns(job.entity, header, job.mapping, filled);
        for (const e of resolved.errors) errors.add(e.row, e.column, e.message);
        if (resolved.errors.length) break;
        fields = resolved.fields;
        out.mapping = resolved.mapping;
        headerOf = new Map(fields.map((f) => [f.column, f.header]));
        continue;
      }
      if (cells.length !== header.length) {
        if (cells.every((c) => c.trim() === '')) continue; // a blank spreadsheet row (",,,")
        out.totalRows++;
        if (cells.length > header.length) {
          errors.add(row, `#${header.length + 1}`, `has ${cells.length} values but the header has ${header.length} columns`);
        } else {
          errors.add(row, header[cells.length], `has ${cells.length} values but the header has ${header.length} columns (from "${header[cells.length]}" on, values are missing)`);
        }
        continue;
      }
      const values: Record<string, string> = {};
      for (const f of fields) values[f.column] = cells[f.index];
      for (const [col, m] of valueMaps) {
        const to = m.get((values[col] ?? '').trim().toLowerCase());
        if (to !== undefined) values[col] = to.includes('{') ? fillTemplate(to, header, cells) : to;
      }
      const parsed = def.schema.safeParse(values);
      if (!parsed.success && cells.every((c) => c.trim() === '')) continue;
      out.totalRows++;
      let rowOk = parsed.success;
      const rawKey = clean(values[def.key]);
      if (rawKey !== null) {
        const key = keyIsEmail ? rawKey.toLowerCase() : rawKey;
        const first = seen.add(key, row);
        if (first !== 0) {
          errors.add(row, headerOf.get(def.key) ?? def.key, `duplicate ${def.key} "${rawKey}": row ${first} has it too`);
          rowOk = false;
        }
      }
      if (!parsed.success) {
        for (const iss of parsed.error.issues) {
          const col = String(iss.path[0] ?? '');
          errors.add(row, headerOf.get(col) ?? col, iss.message);
          // A field's own parse failure (not a cross-field rule) on a mappable column: offer to map it.
          if (iss.path.length === 1 && (iss.message === 'is required' || /^must be (one of|true or false)/.test(iss.message))) noteUnknown(col, values[col]);
        }
      }
      if (!rowOk || !parsed.success) continue;
      const rec = parsed.data;
      if (previewWanted.length < job.previewRows) previewWanted.push({ row, key: String(rec[def.key]) });
      rec.n = row;
      batch.push(rec);
      if (batch.length >= job.batchSize) await flush();
      // Let I/O in now and then: the reply to a batch waits for the event loop, and Postgres idles
      // until the reply is read and the next batch goes out (-30% wall time on a million rows).
      else if ((batch.length & 511) === 0) await new Promise((r) => setImmediate(r));
    }
  } catch (err) {
    if (!isCsvError(err)) throw err;
    errors.add(lastRow + 1, '', `is not valid CSV (${err.message})`);
  }
  if (header === null && errors.count === 0) {
    errors.add(1, '', 'the file is empty: a header row naming the columns is required');
  }
  if (csv.decoder.invalidAt !== null && !utf8Reported) {
    errors.add(lastRow, '', `the file ${UTF8_MESSAGE}`);
  }
  if (!failure) await flush();
  while (inflight.length) await inflight.shift();
  if (failure) throw failure;
  if (before !== null && previewWanted.length) out.preview = await buildPreview(tx, job.entity, previewWanted, before);
  for (const [col, counts] of unknown) {
    out.unknownValues[col] = [...counts].map(([value, rows]) => ({ value, rows })).sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));
  }
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
