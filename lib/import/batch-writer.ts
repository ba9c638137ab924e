// Sends validated rows to Postgres in batches, two in flight while the next is parsed, so Postgres
// always has the next statement queued on the connection (postgres.js pipelines them) and works while
// JS parses and validates. Unknown references come back per row and become errors.
import type { Db } from '@/db/client';
import type { EntityName } from '@/lib/validation';
import { Rollback, type ErrorLog } from './errors';
import { describeBadRef, loadStored, upsertBatch, type BatchResult } from './upsert';

type Tx = Pick<Db, 'execute'>;

/** Batches sent and not yet answered (each holds one batch's rows and JSON in memory). */
const MAX_INFLIGHT = 2;

/** SQLSTATE classes 22 (data exception) and 23 (integrity violation): the data, not the database. */
function dataErrorOf(err: unknown): string | null {
  for (let e = err as { code?: unknown; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^2[23]/.test(e.code)) return e.message ?? String(e.code);
  }
  return null;
}

export class BatchWriter {
  inserted = 0;
  updated = 0;
  unchanged = 0;
  failure: unknown = null;
  /** Stored records of the preview rows before this import touched them (loaded before the first batch). */
  before: Map<string, Record<string, unknown>> | null = null;
  private batch: Record<string, unknown>[] = [];
  private readonly inflight: Promise<void>[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly entity: EntityName,
    private readonly errors: ErrorLog,
    private readonly headerOf: (column: string) => string,
    private readonly batchSize: number,
    private readonly previewKeys: () => string[] | null,
    /** The history id of a committing import: its writes are captured for undo (null in a dry run). */
    private readonly importId: number | null = null,
  ) {}

  /**
   * Adds a validated row (with `n`, its row number). Synchronous on most rows (a million-row file
   * should not pay an await per row): returns a promise only when a batch is full, or now and then
   * to let I/O in (the reply to a batch waits for the event loop, and Postgres idles until the reply
   * is read and the next batch goes out: -30% wall time on a million rows).
   */
  push(rec: Record<string, unknown>): Promise<void> | null {
    this.batch.push(rec);
    if (this.batch.length >= this.batchSize) return this.flush();
    if ((this.batch.length & 511) === 0) return new Promise((r) => setImmediate(r));
    return null;
  }

  async flush(): Promise<void> {
    if (!this.batch.length) return;
    const rows = this.batch;
    this.batch = [];
    while (this.inflight.length >= MAX_INFLIGHT) await this.inflight.shift();
    if (this.failure) return;
    const keys = this.previewKeys();
    if (keys && this.before === null) this.before = await loadStored(this.tx, this.entity, keys);
    this.inflight.push(upsertBatch(this.tx, this.entity, rows, this.importId).then(
      (r) => this.apply(rows, r),
      (err) => {
        // After a refused batch, the ones queued behind it fail with "transaction aborted": the first
        // failure is the one to report.
        if (this.failure) return;
        const msg = dataErrorOf(err);
        if (!msg) this.failure = err;
        else {
          this.failure = new Rollback('errors');
          this.errors.add(rows[0].n as number, '', `the database refused rows ${rows[0].n}-${rows[rows.length - 1].n}: ${msg}`);
        }
      },
    ));
  }

  /** Flushes and waits for every batch; throws the first failure. */
  async finish(): Promise<void> {
    if (!this.failure) await this.flush();
    while (this.inflight.length) await this.inflight.shift();
    if (this.failure) throw this.failure;
  }

  private apply(rows: Record<string, unknown>[], r: BatchResult): void {
    this.inserted += r.inserted;
    this.updated += r.updated;
    this.unchanged += rows.length - r.badRefs.length - r.inserted - r.updated;
    if (!r.badRefs.length) return;
    const byRow = new Map(rows.map((x) => [x.n as number, x]));
    for (const b of r.badRefs) {
      for (const c of b.columns) this.errors.add(b.n, this.headerOf(c), describeBadRef(this.entity, c, byRow.get(b.n)?.[c]));
    }
  }
}
