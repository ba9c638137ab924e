// Reads, validates and writes one file inside the caller's transaction. Every error is reported
// (row, column, reason); rows that fail are not written, and the caller rolls the whole transaction
// back when any error was found, so valid rows of a bad file are never committed. Valid rows are
// still written (inside the doomed transaction) so later files of a folder import resolve their
// references against them and report only their own errors.
import type { Db } from '@/db/client';
import { ENTITIES, type EntityName } from '@/lib/validation';
import { clean } from '@/lib/validation/fields';
import { Rollback, type ErrorLog } from './errors';
import { BINARY_MESSAGE, UTF8_MESSAGE } from './file-checks';
import { resolveColumns } from './mapping';
import { RowMerger } from './merge';
import { isCsvError, readCsv } from './reader';
import { RowSink } from './row-sink';
import { RowTransform } from './row-transform';
import type { Delimiter, FileFormat, ImportRules } from './rules';
import type { ColumnMapping, ImportProgress, ImportResult, PreviewRow, ValueMapping } from './types';

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
  const run = new FileRun(tx, job);
  await run.readAll();
  return run.finish();
}

/** One file's pass: the reader, the header's mapping and rules, the row-level checks; rows go to a RowSink. */
class FileRun {
  readonly out: FileOutcome = {
    totalRows: 0, inserted: 0, updated: 0, unchanged: 0, mapping: {}, preview: [], unknownValues: {},
    skipped: [], merged: 0, createdUsers: [], distinctValues: {}, delimiter: null,
  };
  private readonly errors: ErrorLog;
  private readonly csv: ReturnType<typeof readCsv>;
  private readonly key: string;
  private readonly merger: RowMerger | null;
  private readonly sink: RowSink;
  private readonly skipped = new Map<string, number>();
  private headerOf = new Map<string, string>();
  private header: string[] | null = null;
  private transform: RowTransform | null = null;
  private lastRow = 1;
  private utf8Reported = false;

  constructor(tx: Tx, private readonly job: FileJob) {
    this.errors = job.errors;
    this.csv = readCsv(job.source, job.format);
    this.key = ENTITIES[job.entity].key;
    this.merger = job.rules?.merge ? new RowMerger(job.rules.merge) : null;
    this.sink = new RowSink(tx, {
      entity: job.entity, errors: job.errors, headerName: (c) => this.headerName(c), owners: job.rules?.owners, merging: this.merger !== null,
      batchSize: job.batchSize, previewRows: job.previewRows, importId: job.importId ?? null, onBatch: () => this.reportProgress(),
    });
  }

  /** The file's header for a contract column (errors name what the admin sees in the file). */
  private headerName(c: string): string {
    return this.headerOf.get(c) ?? c;
  }

  /** Every record of the file, then the merged rows; a CSV syntax error ends the reading as an error. */
  async readAll(): Promise<void> {
    try {
      for await (const { row, cells } of this.csv.records) {
        if (this.job.signal?.aborted) throw new Rollback('aborted');
        if (this.sink.writer.failure) break;
        this.lastRow = row;
        if (this.badUtf8(row, cells)) break;
        if (this.header === null) {
          if (!this.takeHeader(row, cells)) break;
          continue;
        }
        await this.takeRecord(row, cells, this.header);
      }
      await this.emitMerged();
    } catch (err) {
      if (!isCsvError(err)) throw err;
      this.errors.add(this.lastRow + 1, '', `is not valid CSV (${err.message})`);
    }
  }

  /** A cell that is not UTF-8: reported once, at its row and column, and the reading stops. */
  private badUtf8(row: number, cells: string[]): boolean {
    if (this.csv.decoder.invalidAt === null) return false;
    const idx = cells.findIndex((c) => c.includes('\uFFFD'));
    if (idx < 0) return false;
    this.errors.add(row, this.header?.[idx] ?? `column ${idx + 1}`, UTF8_MESSAGE);
    this.utf8Reported = true;
    return true;
  }

  /** The header row: resolves the mapping and the rules; false when the file cannot be read past it. */
  private takeHeader(row: number, cells: string[]): boolean {
    const { job, errors } = this;
    const header = cells.map((h) => h.trim());
    this.header = header;
    if (header.every((h) => h === '')) {
      errors.add(row, '', 'the header row is empty: the first row must name the columns');
      return false;
    }
    const valueFilled = Object.entries(job.values ?? {}).filter(([, m]) => '' in m).map(([col]) => col);
    const filled = new Set([...valueFilled, ...(job.rules?.derived ?? []).map((d) => d.column)]);
    const resolved = resolveColumns(job.entity, header, job.mapping, filled);
    for (const e of resolved.errors) errors.add(e.row, e.column, e.message);
    this.transform = new RowTransform(header, resolved.fields, job.values, job.rules);
    for (const p of this.transform.problems) errors.add(1, p.column, p.message);
    if (resolved.errors.length || this.transform.problems.length) return false;
    this.out.mapping = resolved.mapping;
    this.headerOf = new Map(resolved.fields.map((f) => [f.column, f.header]));
    return true;
  }

  /** A data row: blank rows pass, a wrong cell count is an error, filters skip, merge rows wait. */
  private async takeRecord(row: number, cells: string[], header: string[]): Promise<void> {
    const { errors, out } = this;
    if (cells.every((c) => c.trim() === '')) return; // a blank spreadsheet row (",,,")
    if (cells.length !== header.length) {
      out.totalRows++;
      if (cells.length > header.length) {
        errors.add(row, `#${header.length + 1}`, `has ${cells.length} values but the header has ${header.length} columns`);
      } else {
        errors.add(row, header[cells.length], `has ${cells.length} values but the header has ${header.length} columns (from "${header[cells.length]}" on, values are missing)`);
      }
      return;
    }
    const t = this.transform!.apply(cells);
    if (t.kind === 'skip') {
      this.skipped.set(t.reason, (this.skipped.get(t.reason) ?? 0) + 1);
      return;
    }
    out.totalRows++;
    for (const p of t.problems) errors.add(row, p.column, p.message);
    const key = clean(t.values[this.key]);
    if (this.merger && key !== null) {
      if (!t.problems.length) this.merger.add(this.key === 'email' ? key.toLowerCase() : key, row, t.values);
      return;
    }
    await this.sink.emit(row, t.values, t.problems.length === 0);
  }

  /** Rows that shared a key, folded into one each by the merge rules. */
  private async emitMerged(): Promise<void> {
    if (!this.merger) return;
    for (const m of this.merger.rows()) {
      if (this.job.signal?.aborted) throw new Rollback('aborted');
      this.out.merged += m.folded;
      for (const c of m.conflicts) this.errors.add(m.row, this.headerName(c.column), c.message);
      await this.sink.emit(m.row, m.values, m.conflicts.length === 0);
    }
  }

  private reportProgress(): void {
    this.job.onProgress?.({ rowsDone: this.out.totalRows, bytesDone: this.csv.bytes(), bytesTotal: this.job.bytesTotal });
  }

  /** File-level errors, the last batch, the preview and the counts. */
  async finish(): Promise<FileOutcome> {
    const { csv, errors, out, sink } = this;
    out.delimiter = csv.info.delimiter;
    if (csv.info.binary) errors.add(1, '', `the file ${BINARY_MESSAGE}`);
    else if (this.header === null && errors.count === 0) errors.add(1, '', 'the file is empty: a header row naming the columns is required');
    if (csv.decoder.invalidAt !== null && !this.utf8Reported) errors.add(this.lastRow, '', `the file ${UTF8_MESSAGE}`);
    await sink.writer.finish();
    Object.assign(out, { inserted: sink.writer.inserted, updated: sink.writer.updated, unchanged: sink.writer.unchanged });
    out.preview = await sink.preview();
    out.unknownValues = sink.unknownValues();
    out.distinctValues = sink.distinctValues();
    out.skipped = [...this.skipped].map(([reason, rows]) => ({ reason, rows }));
    out.createdUsers = sink.createdUsers();
    this.reportProgress();
    return out;
  }
}
