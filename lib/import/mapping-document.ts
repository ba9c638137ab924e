// The saved mapping: ONE JSON document holding everything an export needs to import as it is, for
// one or more entities read from the same file (a ticket export gives tickets, their accounts and
// their CSAT responses). Saved by name in the app, downloaded, committed under docs/mappings/, and
// given to the CLI (`--mapping-file`). Validated with zod, then each entity's part against the
// entity's columns, so a typo in a saved file is one clear message before any row is read.
import fs from 'node:fs';
import { z } from 'zod';
import { ENTITY_NAMES, type EntityName } from '@/lib/validation';
import { normalizeHeader } from './mapping';
import { DELIMITERS, ENCODINGS, importRulesSchema, type FileFormat, type ImportRules } from './rules';
import type { ColumnMapping, ValueMapping } from './types';
import { checkValueMapping } from './value-mapping';

const short = z.string().max(500);

/** How one entity is read from the file. */
export const entityMappingSchema = z.object({
  entity: z.enum(ENTITY_NAMES),
  /** file header -> contract column ("" leaves a header out). */
  columns: z.record(short, z.string().max(100)),
  /** contract column -> { file value -> value to import }; '' fills empty cells; "{Header}" copies a column. */
  values: z.record(z.string().max(100), z.record(short, short)).default({}),
  /** The rules (filters, derived times, normalisation, merge, owners): the same schema the page's requests use. */
  ...importRulesSchema.shape,
}).strict();
export type EntityMapping = z.infer<typeof entityMappingSchema>;

export const mappingDocumentSchema = z.object({
  /** Format version of the document (this is 1). */
  version: z.literal(1).default(1),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(2000).optional(),
  /** The file this mapping is for (a folder run matches it by name; its headers otherwise). */
  file: z.string().max(200).optional(),
  /** The header row it was made for: a file with the same headers is offered this mapping again. */
  headers: z.array(short).max(500).optional(),
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
  /** One part per entity; imported in dependency order whatever the order here. */
  imports: z.array(entityMappingSchema).min(1).max(ENTITY_NAMES.length),
}).strict().superRefine((d, ctx) => {
  const seen = new Set<string>();
  d.imports.forEach((m, k) => {
    if (seen.has(m.entity)) ctx.addIssue({ code: 'custom', path: ['imports', k, 'entity'], message: `${m.entity} appears twice` });
    seen.add(m.entity);
    const checked = checkValueMapping(m.entity, m.values);
    if (typeof checked === 'string') ctx.addIssue({ code: 'custom', path: ['imports', k, 'values'], message: checked });
  });
});
export type MappingDocument = z.infer<typeof mappingDocumentSchema>;
export type MappingDocumentInput = z.input<typeof mappingDocumentSchema>;

/** A readable one-line-per-problem message from zod's issues. */
export function describeIssues(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function parseMappingDocument(json: unknown): MappingDocument | string {
  const r = mappingDocumentSchema.safeParse(json);
  return r.success ? r.data : `invalid mapping document: ${describeIssues(r.error)}`;
}

export function readMappingDocument(file: string): MappingDocument | string {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return `cannot read mapping file ${file}: ${(err as Error).message}`;
  }
  const r = parseMappingDocument(json);
  return typeof r === 'string' ? `${file}: ${r}` : r;
}

/** What importFile needs for one entity of a document. */
export interface EntityImportOptions {
  entity: EntityName;
  mapping: ColumnMapping;
  values: ValueMapping;
  rules: ImportRules;
  format: FileFormat;
}

export function entityOptions(doc: MappingDocument, m: EntityMapping): EntityImportOptions {
  return {
    entity: m.entity,
    mapping: m.columns,
    values: m.values,
    rules: { filters: m.filters, derived: m.derived, normalize: m.normalize, merge: m.merge, owners: m.owners },
    format: { encoding: doc.encoding, delimiter: doc.delimiter },
  };
}

/** The document's part for `entity`, or a message naming the entities it has. */
export function optionsFor(doc: MappingDocument, entity: EntityName): EntityImportOptions | string {
  const m = doc.imports.find((x) => x.entity === entity);
  if (!m) return `the mapping "${doc.name}" has no part for ${entity} (it has ${doc.imports.map((x) => x.entity).join(', ')})`;
  return entityOptions(doc, m);
}

/** True when a header row is the one the document was made for (ignoring case, spaces and order). */
export function sameHeaders(doc: Pick<MappingDocument, 'headers'>, headers: readonly string[]): boolean {
  if (!doc.headers?.length) return false;
  const a = [...doc.headers].map(normalizeHeader).sort();
  const b = [...headers].filter((h) => h.trim() !== '').map(normalizeHeader).sort();
  return a.length === b.length && a.every((h, k) => h === b[k]);
}
