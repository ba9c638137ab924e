// Sends validated rows to Postgres: batches of `batchSize` rows are staged (a temporary table, cheap)
// while the next is parsed, and every `chunkRows` rows (and at the end) ONE statement writes the staged
// rows to the entity's table. postgres.js pipelines the statements on the connection, so Postgres works
// while JS parses and validates; the writer waits only when `chunkRows` rows are sent and unanswered
// (their JSON is what it holds in memory). Unknown references come back per row and become errors.
import type { Db } from '@/db/client';
import type { EntityName } from '@/lib/validation';
import { Rollback, type ErrorLog } from './errors';
import { describeBadRef, loadStored, stageBatch, upsertStaged, type BatchResult } from './upsert';

type Tx = Pick<Db, 'execute'>;

/**
 * Rows written per upsert statement. Statement-level triggers (the summaries, the chains) and the
 * statement's fixed costs are paid per write: one statement per 5,000 rows made 300,000 leads take
 * 11.4 s of upserts; per 100,000 staged rows a million take 17 s (2026-12-03, docs/performance.md).
 * Bounded so the staging table stays small and progress still moves on a big file. A row the database
 * refuses at this step (a constraint zod does not check) is reported with its chunk's row range.
 */
export const CHUNK_ROWS = 100_000;

/** SQLSTATE classes 22 (data exception) and 23 (integrity violation): the data, not the database. */
function dataErrorOf(err: unknown): string | null {
  for (let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^2[23]/.test(e.code)) return e.message ?? String(e.code);
  }
  return null;
}

interface Sent { promise: Promise<void>; rows: number }

export class BatchWriter {
  inserted = 0;
  updated = 0;
  unchanged = 0;
  failure: unknown = null;
  /** Stored records of the preview rows before this import touched them (loaded before the first batch). */
  before: Map<string, Record<string, unknown>> | null = null;
  private batch: Record<string, unknown>[] = [];
  /** Statements sent and not yet answered, with the rows each carries. */
  private readonly inflight: Sent[] = [];
  private inflightRows = 0;
  /** Rows staged since the last write: the first row number and how many. */
  private staged = { first: 0, last: 0, rows: 0 };
  private stageCreated = false;
  private readonly chunkRows: number;

  constructor(
    private readonly tx: Tx,
    private readonly entity: EntityName,
    private readonly errors: ErrorLog,
    private readonly headerOf: (column: string) => string,
    private readonly batchSize: number,
    private readonly previewKeys: () => string[] | null,
    /** The history id of a committing import: its writes are captured for undo (null in a dry run). */
    private readonly importId: number | null = null,
    chunkRows = CHUNK_ROWS,
  ) {
    this.chunkRows = Math.max(batchSize, chunkRows);
  }

  /**
   * Adds a validated row (with `n`, its row number). Synchronous on most rows (a million-row file
   * should not pay an await per row): returns a promise only when a batch is full, or now and then
   * to let I/O in (the reply to a statement waits for the event loop, and Postgres idles until the
   * reply is read and the next statement goes out: -30% wall time on a million rows).
   */
  push(rec: Record<string, unknown>): Promise<void> | null {
    this.batch.push(rec);
    if (this.batch.length >= this.batchSize) return this.flush();
    if ((this.batch.length & 511) === 0) return new Promise((r) => setImmediate(r));
    return null;
  }

  /** Stages the rows pushed so far; writes the stage when it holds `chunkRows` rows. */
  async flush(): Promise<void> {
    if (this.batch.length) {
      const rows = this.batch;
      this.batch = [];
      await this.room();
      if (this.failure) return;
      const keys = this.previewKeys();
      if (keys && this.before === null) this.before = await loadStored(this.tx, this.entity, keys);
      const first = !this.stageCreated;
      this.stageCreated = true;
      const from = rows[0].n as number;
      const to = rows[rows.length - 1].n as number;
      if (!this.staged.rows) this.staged.first = from;
      this.staged.last = to;
      this.staged.rows += rows.length;
      // The rows are not referenced past this call (only their JSON is, until sent): a million-row
      // import must not keep 100,000 row objects alive, which the garbage collector then copies.
      this.send(stageBatch(this.tx, this.entity, rows, this.importId, first).then(() => {}, (err) => this.fail(err, from, to)), rows.length);
    }
    if (this.staged.rows >= this.chunkRows) this.write();
  }

  /** Flushes, writes what is staged and waits for every statement; throws the first failure. */
  async finish(): Promise<void> {
    if (!this.failure) {
      await this.flush();
      if (this.staged.rows) this.write();
    }
    while (this.inflight.length) await this.settle();
    if (this.failure) throw this.failure;
  }

  /** Queues the write of the staged rows (answered after the batches before it). */
  private write(): void {
    const { first, last, rows } = this.staged;
    this.staged = { first: 0, last: 0, rows: 0 };
    if (this.failure) return;
    this.send(upsertStaged(this.tx, this.entity, this.importId).then(
      (r) => this.apply(rows, r),
      (err) => this.fail(err, first, last),
    ), 0);
  }

  private send(promise: Promise<void>, rows: number): void {
    this.inflight.push({ promise, rows });
    this.inflightRows += rows;
  }

  private async settle(): Promise<void> {
    const s = this.inflight.shift()!;
    await s.promise;
    this.inflightRows -= s.rows;
  }

  /** Waits until fewer than `chunkRows` rows are sent and unanswered (the next chunk is parsed meanwhile). */
  private async room(): Promise<void> {
    while (this.inflight.length && this.inflightRows + this.batchSize > this.chunkRows) await this.settle();
  }

  private fail(err: unknown, firstRow: number, lastRow: number): void {
    // After a refused statement, the ones queued behind it fail with "transaction aborted": the first
    // failure is the one to report.
    if (this.failure) return;
    const msg = dataErrorOf(err);
    if (!msg) this.failure = err;
    else {
      this.failure = new Rollback('errors');
      this.errors.add(firstRow, '', `the database refused rows ${firstRow}-${lastRow}: ${msg}`);
    }
  }

  private apply(rows: number, r: BatchResult): void {
    this.inserted += r.inserted;
    this.updated += r.updated;
    this.unchanged += rows - r.badRefs.length - r.inserted - r.updated;
    for (const b of r.badRefs) {
      for (const c of b.columns) this.errors.add(b.n, this.headerOf(c), describeBadRef(this.entity, c, b.values[c]));
    }
  }
}
