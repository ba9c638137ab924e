// What an import does to a real export's rows beyond column and value mapping (issue 15): skip rows,
// derive a time from a time plus a duration, normalise free text, merge rows that repeat a key, and
// match owners by name. One zod schema per rule: the mapping document (mapping-document.ts), the
// admin page and the CLI all go through these, so a saved mapping is checked like a typed one.
import { z } from 'zod';

const text = z.string().max(500);
const header = z.string().min(1).max(200);

/**
 * Keep or skip rows by a column of the FILE (its header, mapped or not): `empty`, `equals` one value,
 * or `in` a list. Matching ignores case and surrounding spaces. A `skip` rule drops the rows it
 * matches; a `keep` rule drops the rows it does not match.
 */
export const rowFilterSchema = z.object({
  action: z.enum(['skip', 'keep']),
  column: header,
  when: z.enum(['empty', 'equals', 'in']),
  value: text.optional(),
  values: z.array(text).max(500).optional(),
}).strict().refine((f) => f.when !== 'equals' || f.value !== undefined, { message: 'a filter "equals" needs a value' })
  .refine((f) => f.when !== 'in' || (f.values?.length ?? 0) > 0, { message: 'a filter "in" needs values' });
export type RowFilter = z.infer<typeof rowFilterSchema>;

export const DURATION_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** A contract datetime column = a date/time column of the file + a duration column of the file. */
export const derivedValueSchema = z.object({
  column: z.string().min(1).max(100),
  from: header,
  add: header,
  unit: z.enum(DURATION_UNITS),
}).strict();
export type DerivedValue = z.infer<typeof derivedValueSchema>;

/**
 * Free text as people type it ("retail", "Retail ", "RETAIL"): spaces trimmed and collapsed, then the
 * case made uniform. Applied after the value mapping, so "technolgy=Technology" still fixes typos.
 */
export const NORMALIZE_CASES = ['keep', 'lower', 'upper', 'title'] as const;
export const normalizeSchema = z.record(z.string().min(1).max(100), z.enum(NORMALIZE_CASES));
export type NormalizeRules = z.infer<typeof normalizeSchema>;

/** How one column of rows that share a key becomes one value. */
export const MERGE_RULES = ['first', 'last', 'earliest', 'latest', 'max', 'min', 'non-empty'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

/**
 * Rows that repeat the key are merged into one when `merge` is given: per contract column a rule; a
 * column without one must agree on every row (else it is an error, as a duplicate key is without
 * `merge`). `default` applies to every column without its own rule.
 */
export const mergeSchema = z.object({
  columns: z.record(z.string().min(1).max(100), z.enum(MERGE_RULES)).default({}),
  default: z.enum(MERGE_RULES).optional(),
}).strict();
export type MergeRules = z.input<typeof mergeSchema>;

/**
 * Owner columns (owner_email, assignee_email, user_email) may hold people's names: a name matches a
 * user's name ignoring case and spaces. `names` maps a name to a user's e-mail (or to a name of one);
 * `create: true` creates the names that match nobody as inactive members, in the import's transaction.
 */
export const ownersSchema = z.object({
  names: z.record(text, text).default({}),
  create: z.boolean().default(false),
}).strict();
export type OwnerRules = z.input<typeof ownersSchema>;

export const ENCODINGS = ['utf-8', 'windows-1252', 'latin1'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Every rule of one entity's import of a file (all optional). */
export const importRulesSchema = z.object({
  filters: z.array(rowFilterSchema).max(50).default([]),
  derived: z.array(derivedValueSchema).max(50).default([]),
  normalize: normalizeSchema.default({}),
  merge: mergeSchema.optional(),
  owners: ownersSchema.optional(),
}).strict();
export type ImportRules = z.input<typeof importRulesSchema>;

/** How the file's bytes are read: auto-detected delimiter unless given; UTF-8 unless chosen. */
export interface FileFormat {
  encoding?: Encoding;
  delimiter?: Delimiter;
}

export function describeFilter(f: RowFilter): string {
  const what = f.when === 'empty' ? 'is empty' : f.when === 'equals' ? `is "${f.value}"` : `is one of ${f.values!.map((v) => `"${v}"`).join(', ')}`;
  return f.action === 'skip' ? `skipped: "${f.column}" ${what}` : `skipped: "${f.column}" is not ${what.replace(/^is /, '')}`;
}
