// importFile / importDirectory: one data transaction around every file of the import (all or
// nothing), the history rows around it, and the audit row inside it.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/db/client';
import { writeAudit } from '@/lib/audit';
import { kpiDataChanged } from '@/lib/kpi/result-cache';
import { ENTITIES, ENTITY_NAMES, parseEntityName, type EntityName } from '@/lib/validation';
import { ErrorLog, Rollback } from './errors';
import { closeInterrupted, finishHistory, holdRunning, linkRun, startHistory } from './history';
import { processFile, type FileOutcome } from './process-file';
import { fileResult, summary, type RunEnd } from './run-result';
import { entityOptions, sameHeaders, type MappingDocument } from './mapping-document';
import { openSource, readCsv } from './reader';
import type { FileFormat, ImportRules } from './rules';
import type { ColumnMapping, DirectoryImportResult, ImportFileOptions, ImportProgress, ImportResult, ValueMapping } from './types';

export type ImportDirectoryOptions = Omit<ImportFileOptions, 'entity' | 'path' | 'stream' | 'fileName' | 'mapping' | 'values' | 'rules' | 'format' | 'bytesTotal'> & {
  /** Mapping documents for files of the folder: matched by their `file` name, else by their headers. */
  documents?: MappingDocument[];
};

interface FileSpec {
  entity: EntityName;
  fileName: string;
  open: () => AsyncIterable<Uint8Array>;
  bytesTotal: number | null;
  mapping?: ColumnMapping;
  values?: ValueMapping;
  rules?: ImportRules;
  format?: FileFormat;
}

export class UnknownEntityError extends Error {
  constructor(name: string) {
    super(`Unknown entity "${name}": expected one of ${ENTITY_NAMES.join(', ')}`);
    this.name = 'UnknownEntityError';
  }
}

export function requireEntity(name: string): EntityName {
  const e = parseEntityName(name);
  if (!e) throw new UnknownEntityError(name);
  return e;
}

/** Imports one CSV file of `entity`. Never half-writes: any error rolls everything back. */
export async function importFile(db: Db, opts: ImportFileOptions): Promise<ImportResult> {
  const entity = requireEntity(opts.entity);
  const fileName = opts.fileName ?? (opts.path ? path.basename(opts.path) : `${entity}.csv`);
  const bytesTotal = opts.bytesTotal ?? (opts.path && !opts.stream ? (await fs.promises.stat(opts.path)).size : null);
  const spec: FileSpec = { entity, fileName, bytesTotal, mapping: opts.mapping, values: opts.values, rules: opts.rules, format: opts.format, open: () => openSource(opts) };
  const { files } = await run(db, [spec], opts);
  return files[0];
}

/** Specs for every part of a mapping document, read from one file. */
function documentSpecs(doc: MappingDocument, fileName: string, bytesTotal: number | null, open: () => AsyncIterable<Uint8Array>): FileSpec[] {
  return doc.imports.map((m) => {
    const o = entityOptions(doc, m);
    return { entity: o.entity, fileName, bytesTotal, open, mapping: o.mapping, values: o.values, rules: o.rules, format: o.format };
  });
}

/** Dependency order (users before accounts before deals ...), stable for parts of one entity. */
function ordered(specs: FileSpec[]): FileSpec[] {
  return specs.map((s, k) => ({ s, k })).sort((a, b) => ENTITY_NAMES.indexOf(a.s.entity) - ENTITY_NAMES.indexOf(b.s.entity) || a.k - b.k).map((x) => x.s);
}

/**
 * Imports one file with a mapping document: every entity it has a part for (e.g. accounts, tickets
 * and survey responses from one ticket export), in dependency order, in ONE transaction.
 */
export async function importWithDocument(
  db: Db, opts: ImportDirectoryOptions & { document: MappingDocument; path?: string; stream?: AsyncIterable<Uint8Array>; fileName?: string; bytesTotal?: number },
): Promise<DirectoryImportResult> {
  if (opts.stream && opts.document.imports.length > 1) throw new Error('a document with several parts reads its file more than once: give a path');
  const fileName = opts.fileName ?? (opts.path ? path.basename(opts.path) : 'upload.csv');
  const bytesTotal = opts.bytesTotal ?? (opts.path && !opts.stream ? (await fs.promises.stat(opts.path)).size : null);
  return run(db, ordered(documentSpecs(opts.document, fileName, bytesTotal, () => openSource(opts))), opts);
}

/** One file of a several-files import (the browser's several uploads). */
export interface ImportFilesSpec {
  entity: EntityName;
  path: string;
  fileName: string;
  mapping?: ColumnMapping;
  values?: ValueMapping;
  rules?: ImportRules;
  format?: FileFormat;
}

/** Several files, each with its own entity and mapping, in dependency order, in ONE transaction. */
export async function importFiles(db: Db, files: ImportFilesSpec[], opts: ImportDirectoryOptions = {}): Promise<DirectoryImportResult> {
  const specs: FileSpec[] = [];
  for (const f of files) {
    const { size } = await fs.promises.stat(f.path);
    specs.push({ ...f, bytesTotal: size, open: () => openSource({ path: f.path }) });
  }
  return run(db, ordered(specs), opts);
}

/** The header row of a file (for matching mapping documents). */
async function headersOf(file: string): Promise<string[]> {
  for await (const r of readCsv(openSource({ path: file })).records) return r.cells.map((c) => c.trim());
  return [];
}

/**
 * Imports every known file present in `dir` (users.csv, accounts.csv, campaigns.csv, leads.csv,
 * deals.csv, orders.csv, tickets.csv, survey_responses.csv, expenses.csv, activities.csv) in
 * dependency order, in ONE transaction: one bad row anywhere and nothing is written.
 */
export async function importDirectory(db: Db, dir: string, opts: ImportDirectoryOptions = {}): Promise<DirectoryImportResult> {
  const names = (await fs.promises.readdir(dir)).filter((n) => n.toLowerCase().endsWith('.csv')).sort();
  const specs: FileSpec[] = [];
  const docs = [...(opts.documents ?? [])];
  const claimed = new Set<string>();
  for (const name of names) {
    const full = path.join(dir, name);
    const headers = docs.some((d) => !d.file) ? await headersOf(full) : [];
    const k = docs.findIndex((d) => (d.file ? d.file === name : sameHeaders(d, headers)));
    if (k < 0) continue;
    const { size } = await fs.promises.stat(full);
    specs.push(...documentSpecs(docs[k], name, size, () => openSource({ path: full })));
    docs.splice(k, 1);
    claimed.add(name);
  }
  if (docs.length) {
    return { ok: false, committed: false, files: [], message: `No file in ${dir} for the mapping ${docs.map((d) => `"${d.name}"${d.file ? ` (${d.file})` : ''}`).join(', ')}.` };
  }
  for (const entity of ENTITY_NAMES) {
    const name = names.find((n) => !claimed.has(n) && parseEntityName(n) === entity);
    if (!name) continue;
    const full = path.join(dir, name);
    const { size } = await fs.promises.stat(full);
    specs.push({ entity, fileName: name, bytesTotal: size, open: () => openSource({ path: full }) });
  }
  if (!specs.length) {
    return { ok: false, committed: false, files: [], message: `No known CSV file in ${dir} (expected e.g. ${ENTITIES.users.fileName}, ${ENTITIES.leads.fileName}).` };
  }
  return run(db, ordered(specs), opts);
}

async function run(db: Db, specs: FileSpec[], opts: ImportDirectoryOptions): Promise<DirectoryImportResult> {
  const dryRun = !!opts.dryRun;
  const userId = opts.userId ?? null;
  const batchSize = Math.max(1, opts.batchSize ?? 5000);
  const previewRows = dryRun ? Math.min(opts.previewRows ?? 20, batchSize) : 0;
  const historyIds: (number | null)[] = [];
  // Housekeeping of other importers' dead rows: never a reason for this import to fail.
  if (!dryRun) await closeInterrupted(db).catch((err: unknown) => console.error('[import] closing interrupted imports failed:', err));
  for (const s of specs) {
    historyIds.push(dryRun ? null : await startHistory(db, { entity: s.entity, fileName: s.fileName, userId, mapping: s.mapping }));
  }
  await linkRun(db, historyIds.filter((id): id is number => id !== null));
  const logs = specs.map(() => new ErrorLog(opts.maxErrors ?? 1000));
  const outcomes: (FileOutcome | null)[] = specs.map(() => null);
  let reason: Rollback['reason'] | null = null;
  let crash: unknown = null;
  try {
    await db.transaction(async (tx) => {
      await holdRunning(tx, historyIds.filter((id): id is number => id !== null));
      for (let k = 0; k < specs.length; k++) {
        const s = specs[k];
        const onProgress = opts.onProgress && ((p: ImportProgress) => opts.onProgress!({ ...p, fileName: s.fileName }));
        outcomes[k] = await processFile(tx, {
          entity: s.entity, source: s.open(), mapping: s.mapping, values: s.values, rules: s.rules, format: s.format, bytesTotal: s.bytesTotal, batchSize, previewRows,
          onProgress, signal: opts.signal, errors: logs[k], importId: historyIds[k],
        });
      }
      if (logs.some((l) => l.count > 0)) throw new Rollback('errors');
      if (dryRun) throw new Rollback('dry-run');
      for (let k = 0; k < specs.length; k++) {
        const o = outcomes[k]!;
        await writeAudit(tx, {
          userId, action: 'import', entity: specs[k].entity, entityId: historyIds[k],
          after: { fileName: specs[k].fileName, totalRows: o.totalRows, inserted: o.inserted, updated: o.updated, unchanged: o.unchanged, skipped: o.skipped, merged: o.merged, createdUsers: o.createdUsers.length },
        });
      }
    });
  } catch (err) {
    if (err instanceof Rollback) reason = err.reason;
    else crash = err;
  }
  const committed = reason === null && crash === null;
  if (committed) kpiDataChanged();
  const end: RunEnd = { dryRun, committed, reason, crash, badFiles: specs.filter((_, k) => logs[k].count > 0).map((s) => s.fileName) };
  const files = specs.map((s, k) => fileResult(s, outcomes[k], logs[k], historyIds[k], end));
  for (let k = 0; k < specs.length; k++) {
    const id = historyIds[k];
    if (id !== null) await finishHistory(db, id, files[k]).catch(() => {});
  }
  if (crash) throw crash;
  const ok = files.every((f) => f.ok);
  const total = files.reduce((a, f) => ({ inserted: a.inserted + f.inserted, updated: a.updated + f.updated, unchanged: a.unchanged + f.unchanged }), { inserted: 0, updated: 0, unchanged: 0 });
  const message = committed ? `Imported ${files.length} file(s): ${summary(total)}.`
    : reason === 'dry-run' ? `Dry run of ${files.length} file(s), nothing written: would be ${summary(total)}.`
      : files.find((f) => !f.ok)?.message ?? 'Nothing was written.';
  return { ok, committed, files, message };
}

