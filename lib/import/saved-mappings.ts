// Saved mapping documents (table import_mappings): saved by name (saving a name again replaces it),
// offered again for a file whose header row is the one the mapping was made for, downloaded as JSON.
// Every document is validated (mapping-document.ts) before it is stored and again when read back.
import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '@/db/client';
import { importMappings } from '@/db/schema';
import { writeAudit } from '@/lib/audit';
import { normalizeHeader } from './mapping';
import { parseMappingDocument, type MappingDocument } from './mapping-document';

export interface SavedMapping {
  id: number;
  name: string;
  /** True when it was made for this very header row. */
  fits: boolean;
  document: MappingDocument;
  updatedAt: string;
}

/** The header row as a key: normalised (case, spaces, separators), sorted, so column order does not matter. */
export function headersKey(headers: readonly string[] | undefined): string {
  return (headers ?? []).filter((h) => h.trim() !== '').map(normalizeHeader).sort().join('\u001f');
}

/** Saves (or replaces, by name ignoring case) a document; returns its id or the reason it is invalid. */
export async function saveMapping(db: Db, userId: number | null, input: unknown): Promise<{ id: number } | string> {
  const doc = parseMappingDocument(input);
  if (typeof doc === 'string') return doc;
  const key = headersKey(doc.headers);
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: number }>(tx, sql`insert into import_mappings (name, headers_key, document, created_by)
      values (${doc.name}, ${key}, ${JSON.stringify(doc)}::jsonb, ${userId})
      on conflict ((lower(name))) do update set name = excluded.name, headers_key = excluded.headers_key, document = excluded.document, updated_at = now()
      returning id`);
    await writeAudit(tx, { userId, action: 'import_mapping.save', entity: 'import_mappings', entityId: row.id, after: { name: doc.name, entities: doc.imports.map((m) => m.entity) } });
    return { id: row.id };
  });
}

/** Every saved mapping, those made for `headers` first (most recently saved first within each group). */
export async function listMappings(db: Db, headers?: readonly string[]): Promise<SavedMapping[]> {
  const key = headers ? headersKey(headers) : null;
  const rows = await db.select().from(importMappings).orderBy(desc(importMappings.updatedAt)).limit(500);
  const out: SavedMapping[] = [];
  for (const r of rows) {
    const doc = parseMappingDocument(r.document);
    if (typeof doc === 'string') continue; // stored by an older version and no longer valid: not offered
    out.push({ id: r.id, name: r.name, fits: key !== null && key !== '' && r.headersKey === key, document: doc, updatedAt: r.updatedAt.toISOString() });
  }
  return out.sort((a, b) => Number(b.fits) - Number(a.fits));
}

export async function getMapping(db: Db, id: number): Promise<MappingDocument | null> {
  const [r] = await db.select().from(importMappings).where(eq(importMappings.id, id));
  if (!r) return null;
  const doc = parseMappingDocument(r.document);
  return typeof doc === 'string' ? null : doc;
}
