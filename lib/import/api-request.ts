// Parses the JSON body of preview/commit requests: which upload, entity, column mapping and value mapping.
import 'server-only';
import { z } from 'zod';
import { DELIMITERS, ENCODINGS, importRulesSchema, type FileFormat, type ImportRules } from './rules';
import type { ValueMapping } from './types';
import { checkValueMapping } from './value-mapping';
import { ENTITIES, ENTITY_NAMES, type EntityName } from '@/lib/validation';
import { getUpload, type Upload } from './upload-store';

const bodySchema = z.object({
  uploadId: z.string().uuid(),
  entity: z.enum(ENTITY_NAMES),
  mapping: z.record(z.string().max(200), z.string().max(100)),
  values: z.record(z.string().max(100), z.record(z.string().max(500), z.string().max(500))).optional(),
  /** Row filters, merges, derived times, normalisation, owners by name (lib/import/rules.ts). */
  rules: importRulesSchema.optional(),
  encoding: z.enum(ENCODINGS).optional(),
  delimiter: z.enum(DELIMITERS).optional(),
});

export type ImportRequest = { upload: Upload; entity: EntityName; mapping: Record<string, string>; values: ValueMapping; rules: ImportRules; format: FileFormat };

export async function parseImportRequest(req: Request, userId: number): Promise<ImportRequest | string> {
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success) {
    const rule = parsed.error.issues.find((i) => i.path[0] === 'rules');
    return rule ? `The import rules are not valid: ${rule.path.slice(1).join('.')}: ${rule.message}` : 'Choose a file, an entity and a mapping.';
  }
  const upload = getUpload(parsed.data.uploadId, userId);
  if (!upload) return 'The uploaded file is no longer available. Upload it again.';
  const columns = new Set(ENTITIES[parsed.data.entity].columns.map((c) => c.name));
  // Only real headers to real contract columns; '' means "ignore this column".
  const mapping = Object.fromEntries(Object.entries(parsed.data.mapping).filter(([h, c]) => upload.headers.includes(h) && columns.has(c)));
  const values = checkValueMapping(parsed.data.entity, parsed.data.values);
  if (typeof values === 'string') return values;
  const format: FileFormat = { encoding: parsed.data.encoding, delimiter: parsed.data.delimiter };
  return { upload, entity: parsed.data.entity, mapping, values, rules: parsed.data.rules ?? {}, format };
}
