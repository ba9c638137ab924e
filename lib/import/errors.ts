// Collects errors: keeps the first `max` in detail and counts all of them.
import type { ImportError } from './types';

export class ErrorLog {
  readonly list: ImportError[] = [];
  count = 0;
  constructor(private readonly max = 1000) {}

  add(row: number, column: string, message: string): void {
    this.count++;
    if (this.list.length < this.max) this.list.push({ row, column, message });
  }

  /** Errors in row order (header and file errors first): batches report reference errors late. */
  sorted(): ImportError[] {
    return [...this.list].sort((a, b) => a.row - b.row);
  }
}

/** Thrown to end the data transaction without committing (errors found, dry run, abort). */
export class Rollback extends Error {
  constructor(readonly reason: 'errors' | 'dry-run' | 'aborted') {
    super(`import rolled back (${reason})`);
    this.name = 'Rollback';
  }
}
