// The answers of the import API (app/api/imports/*): one definition, for the routes that build them
// (they annotate their bodies with these types) and for the admin page's client components that read
// them. Types only, and only type imports: a 'use client' file imports it without pulling the import
// core (node:fs, zod schemas, the database) into the browser bundle.
import type { EntityGuess } from './mapping';
import type { MappingDocument, MappingDocumentInput } from './mapping-document';
import type { Encoding, ImportRules, MergeRule } from './rules';
import type { SavedMapping } from './saved-mappings';
import type { ImportError, ImportResult, PreviewRow, UnknownValues } from './types';

export type { Encoding, ImportError, ImportRules, MappingDocument, MappingDocumentInput, MergeRule, PreviewRow, UnknownValues };

/** What reading the uploaded file found (lib/import scanFile): kept on the upload and sent to the page. */
export interface FileChecks {
  /** The delimiter read (null when the file has no data line). */
  delimiter: string | null;
  /** Why the file cannot be read as it is (binary, no header), or null. */
  problem: string | null;
  notUtf8: boolean;
}

/** One entity a file may be imported as: its contract columns and the mapping proposed for this header. */
export interface EntityOption {
  name: string; label: string; columns: string[]; mapping: Record<string, string>; required: string[]; enums: Record<string, string[]>;
}

/** POST /api/imports/upload */
export interface UploadInfo extends FileChecks {
  uploadId: string; fileName: string; bytes: number; rows: number; headers: string[];
  guess: string | null; ranking: EntityGuess[]; mapping: Record<string, string>;
  entities: EntityOption[];
  /** Saved mappings made for this very header row. */
  saved: SavedMapping[];
}

/** POST /api/imports/preview: the dry run. */
export type PreviewInfo = Pick<ImportResult, 'ok' | 'totalRows' | 'inserted' | 'updated' | 'unchanged' | 'errorCount' | 'errors' | 'message' | 'mapping' | 'unknownValues'>
  & Required<Pick<ImportResult, 'skipped' | 'merged' | 'createdUsers' | 'distinctValues'>>
  & { preview: PreviewRow[]; delimiter: string | null; uploadRows: number };

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

/** POST /api/imports/commit, GET status, POST cancel: a background import as its starter sees it. */
export interface JobInfo {
  uploadId: string; userId: number; state: JobState;
  rowsDone: number; rowsTotal: number; bytesDone: number; bytesTotal: number;
  result?: Pick<ImportResult, 'ok' | 'committed' | 'importId' | 'inserted' | 'updated' | 'unchanged' | 'errorCount' | 'message' | 'totalRows'>;
}

/** One file of POST /api/imports/batch. */
export type BatchFileInfo = Pick<ImportResult, 'fileName' | 'entity' | 'totalRows' | 'inserted' | 'updated' | 'unchanged' | 'errorCount' | 'errors' | 'message'>;

/** POST /api/imports/batch: several files checked (or imported) in one transaction. */
export interface BatchInfo { ok: boolean; committed: boolean; message: string; files: BatchFileInfo[] }
