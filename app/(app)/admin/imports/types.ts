// Shapes of the import API answers, shared by the page's client components.
export interface EntityOption { name: string; label: string; columns: string[]; mapping: Record<string, string>; required: string[]; enums: Record<string, string[]> }
export type ValueCounts = Record<string, { value: string; rows: number }[]>;
/** The rules of lib/import/rules.ts, as the page edits them. */
export interface Rules {
  filters?: { action: 'skip' | 'keep'; column: string; when: 'empty' | 'equals' | 'in'; value?: string; values?: string[] }[];
  derived?: { column: string; from: string; add: string; unit: 'seconds' | 'minutes' | 'hours' | 'days' }[];
  normalize?: Record<string, 'keep' | 'lower' | 'upper' | 'title'>;
  merge?: { columns?: Record<string, string>; default?: string };
  owners?: { names?: Record<string, string>; create?: boolean };
}
export type DocPart = { entity: string; columns: Record<string, string>; values?: Record<string, Record<string, string>> } & Rules;
/** A mapping document (lib/import/mapping-document.ts). */
export interface MappingDoc { version?: 1; name: string; description?: string; file?: string; headers?: string[]; encoding?: string; delimiter?: string; imports: DocPart[] }
export interface SavedMappingInfo { id: number; name: string; fits: boolean; document: MappingDoc }
export interface UploadInfo {
  uploadId: string; fileName: string; bytes: number; rows: number; headers: string[]; guess: string | null; entities: EntityOption[];
  delimiter: string | null; problem: string | null; notUtf8: boolean; saved: SavedMappingInfo[];
}
export interface ImportErrorRow { row: number; column: string; message: string }
export interface PreviewInfo {
  ok: boolean; totalRows: number; inserted: number; updated: number; unchanged: number; errorCount: number;
  errors: ImportErrorRow[]; message: string; preview: { row: number; action: string; values: Record<string, unknown> }[];
  unknownValues: ValueCounts; distinctValues?: ValueCounts;
  skipped?: { reason: string; rows: number }[]; merged?: number; createdUsers?: { name: string; email: string }[];
  delimiter?: string | null; uploadRows?: number;
}
export interface JobInfo {
  state: 'running' | 'done' | 'cancelled' | 'failed'; rowsDone: number; rowsTotal: number;
  result?: { committed: boolean; importId: number | null; inserted: number; updated: number; unchanged: number; message: string; totalRows: number };
}
