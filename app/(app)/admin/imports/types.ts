// Shapes of the import API answers, shared by the page's client components.
export interface EntityOption { name: string; label: string; columns: string[]; mapping: Record<string, string>; required: string[]; enums: Record<string, string[]> }
export interface UploadInfo { uploadId: string; fileName: string; bytes: number; rows: number; headers: string[]; guess: string | null; entities: EntityOption[] }
export interface ImportErrorRow { row: number; column: string; message: string }
export interface PreviewInfo {
  ok: boolean; totalRows: number; inserted: number; updated: number; unchanged: number; errorCount: number;
  errors: ImportErrorRow[]; message: string; preview: { row: number; action: string; values: Record<string, unknown> }[];
  unknownValues: Record<string, { value: string; rows: number }[]>;
}
export interface JobInfo {
  state: 'running' | 'done' | 'cancelled' | 'failed'; rowsDone: number; rowsTotal: number;
  result?: { committed: boolean; importId: number | null; inserted: number; updated: number; unchanged: number; message: string; totalRows: number };
}
