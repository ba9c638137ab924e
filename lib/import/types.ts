// Public types of the import core (shared by the CLI and the admin import page).
import type { Readable } from 'node:stream';
import type { EntityName } from '@/lib/validation';
import type { Delimiter, FileFormat, ImportRules } from './rules';

/** One problem, as the user sees it: row 1 is the header, the first data row is row 2. */
export interface ImportError {
  row: number;
  /** The file's header for the cell (or the contract column when the file lacks it; '' for the whole row/file). */
  column: string;
  message: string;
}

export interface ImportProgress {
  rowsDone: number;
  bytesDone: number;
  /** File size when known (a path, or `bytesTotal` given with a stream). */
  bytesTotal: number | null;
  /** In a folder import: the file being read. */
  fileName?: string;
}

/** file header -> contract column. Headers not in the mapping are ignored. */
export type ColumnMapping = Record<string, string>;

/**
 * Value mapping, applied to a cell after the column mapping and before validation: per contract column,
 * a source value (matched trimmed and case-insensitively) -> the value to import. The key '' fills empty
 * cells, and for a column the file does not have, gives every row that value (e.g. kind = csat for a
 * file of satisfaction ratings). A value may copy other columns of the row: "{account}" (or
 * "{first} {last}") fills a column the export lacks from the ones it has. This is how an export's own vocabulary ("Engaging", "Critical") meets
 * the contract's enumerations without editing the file.
 */
export type ValueMapping = Record<string, Record<string, string>>;

/** Values of a column that did not parse (enumerations) or were missing (required), with row counts. */
export type UnknownValues = Record<string, { value: string; rows: number }[]>;

export interface ImportFileOptions {
  entity: EntityName | string;
  /** Read the file from disk... */
  path?: string;
  /** ...or from a byte stream (an upload). */
  stream?: Readable | AsyncIterable<Uint8Array>;
  /** Shown in results and history; defaults to the path's base name. */
  fileName?: string;
  /** Without a mapping, headers match contract columns ignoring case, spaces, '-' and '_'. */
  mapping?: ColumnMapping;
  values?: ValueMapping;
  /** Row filters, derived times, normalisation, merging of repeated keys, owners by name (rules.ts). */
  rules?: ImportRules;
  /** Encoding (UTF-8 unless chosen) and delimiter (detected unless given). */
  format?: FileFormat;
  /** Validate and write inside the transaction, then roll back: counts, errors and a preview. */
  dryRun?: boolean;
  /** How many rows of the preview a dry run returns (default 20). */
  previewRows?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Aborting rolls the import back. */
  signal?: AbortSignal;
  /** Who imports (history and audit log). */
  userId?: number | null;
  /** For a stream: its size, for progress. */
  bytesTotal?: number;
  /** Rows per INSERT statement (default 5000). */
  batchSize?: number;
  /** Errors kept in detail (default 1000); all are counted. */
  maxErrors?: number;
}

export type RowAction = 'insert' | 'update' | 'unchanged';

export interface PreviewRow {
  row: number;
  action: RowAction;
  /** The record as stored (database column names; references resolved to ids). */
  values: Record<string, unknown>;
}

export interface ImportResult {
  /** No errors (for a dry run: the file would import cleanly). */
  ok: boolean;
  /** The data was written (ok, not a dry run, and the whole transaction committed). */
  committed: boolean;
  entity: EntityName;
  fileName: string;
  /** The `imports` history row (null for dry runs). */
  importId: number | null;
  /** Data rows read (blank rows are skipped). */
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** The first `maxErrors` errors, in file order. */
  errors: ImportError[];
  errorCount: number;
  /** The mapping used: file header -> contract column. */
  mapping: ColumnMapping;
  /** Enumeration values that matched nothing and required cells left empty, per column (to map them). */
  unknownValues: UnknownValues;
  /** A one-line summary, e.g. why nothing was written. */
  message: string;
  preview?: PreviewRow[];
  // Optional in the type (always set by importFile) so results built elsewhere (tests, history) stay valid.
  /** Rows dropped by the row filters, per reason (not counted in totalRows). */
  skipped?: { reason: string; rows: number }[];
  /** Rows folded into an earlier row with the same key (merge rules). */
  merged?: number;
  /** People created from owner names (inactive members), when the mapping asks for it. */
  createdUsers?: { name: string; email: string }[];
  /** Dry runs: the distinct values of free-text columns with few of them, with row counts (to map or normalise). */
  distinctValues?: UnknownValues;
  /** The delimiter the file was read with (detected unless given). */
  delimiter?: Delimiter | null;
}

export interface DirectoryImportResult {
  ok: boolean;
  committed: boolean;
  /** One result per known file present, in dependency order. */
  files: ImportResult[];
  message: string;
}
