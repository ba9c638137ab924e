// Column mapping: which file header feeds which contract column. Real exports name their columns
// their own way ("Opportunity ID", "deal_stage", "Close Value"), so an admin maps them; these helpers
// propose a mapping and guess the entity from the header row. Matching ignores case, spaces, '-', '_'
// and '.'.
import { ENTITIES, ENTITY_NAMES, parseEntityName, type EntityName } from '@/lib/validation';
import { synonyms } from './header-synonyms';
import type { ColumnMapping, ImportError } from './types';

export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[\s_\-.#/()]+/g, '');
}

/** Headers that name contract columns exactly (ignoring case and separators): the default mapping. */
export function exactMapping(entity: EntityName, headers: readonly string[]): ColumnMapping {
  const byNorm = new Map(ENTITIES[entity].columns.map((c) => [normalizeHeader(c.name), c.name]));
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const h of headers) {
    const col = byNorm.get(normalizeHeader(h));
    if (col && !used.has(col)) {
      mapping[h] = col;
      used.add(col);
    }
  }
  return mapping;
}

/** A proposed mapping: exact names first, then synonyms (each contract column used once). */
export function proposeMapping(entity: EntityName, headers: readonly string[]): ColumnMapping {
  const mapping = exactMapping(entity, headers);
  const used = new Set(Object.values(mapping));
  const free = headers.filter((h) => !(h in mapping) && h.trim() !== '');
  // Rank every (header, column) pair by the synonym's position, so `account_name` wins `name` over
  // a bare `account` in accounts.csv whatever the header order.
  const pairs: { h: string; col: string; rank: number }[] = [];
  for (const h of free) {
    const n = normalizeHeader(h);
    for (const c of ENTITIES[entity].columns) {
      const rank = synonyms(entity, c.name).indexOf(n);
      if (rank >= 0) pairs.push({ h, col: c.name, rank });
    }
  }
  pairs.sort((a, b) => a.rank - b.rank);
  for (const p of pairs) {
    if (p.h in mapping || used.has(p.col)) continue;
    mapping[p.h] = p.col;
    used.add(p.col);
  }
  // Keep the file's header order (nicer to show).
  return Object.fromEntries(headers.filter((h) => h in mapping).map((h) => [h, mapping[h]]));
}

export interface EntityGuess {
  entity: EntityName;
  score: number;
  mapping: ColumnMapping;
  missingRequired: string[];
}

/** Every entity scored against a header row (best first). */
export function rankEntities(headers: readonly string[], fileName?: string): EntityGuess[] {
  const named = fileName ? parseEntityName(fileName.replace(/^.*[\\/]/, '')) : null;
  return ENTITY_NAMES.map((entity) => {
    const mapping = proposeMapping(entity, headers);
    const exact = exactMapping(entity, headers);
    const mapped = new Set(Object.values(mapping));
    const cols = ENTITIES[entity].columns;
    const missingRequired = cols.filter((c) => c.required && !mapped.has(c.name)).map((c) => c.name);
    let score = 0;
    for (const c of cols) {
      if (!mapped.has(c.name)) continue;
      // Exact names and entity-specific columns weigh more than generic ones (id, name, date).
      const generic = ['external_id', 'name', 'created_at'].includes(c.name);
      score += (Object.values(exact).includes(c.name) ? 2 : 1) * (generic ? 0.5 : 1) * (c.required ? 1.5 : 1);
    }
    score -= missingRequired.length * 0.75;
    if (named === entity) score += 5;
    return { entity, score, mapping, missingRequired };
  }).sort((a, b) => b.score - a.score);
}

/** The entity a header row (and optionally its file name) looks like; null when nothing fits. */
export function guessEntity(headers: readonly string[], fileName?: string): EntityName | null {
  const [best] = rankEntities(headers, fileName);
  return best && best.score > 0 && Object.keys(best.mapping).length > 0 ? best.entity : null;
}

export interface ResolvedColumns {
  /** Contract column, the file column index it is read from, and the file's header. */
  fields: { column: string; index: number; header: string }[];
  mapping: ColumnMapping;
  errors: ImportError[];
}

/** Checks a mapping against the header row: required columns present, targets known and used once. */
/** `filled`: columns the value mapping gives a value for empty cells, so the file may lack them. */
export function resolveColumns(entity: EntityName, headers: readonly string[], mapping?: ColumnMapping, filled: ReadonlySet<string> = new Set()): ResolvedColumns {
  const cols = ENTITIES[entity].columns;
  const known = new Set(cols.map((c) => c.name));
  const used = mapping ?? exactMapping(entity, headers);
  const errors: ImportError[] = [];
  const fields: ResolvedColumns['fields'] = [];
  const seen = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [header, column] of Object.entries(used)) {
    if (!column) continue; // an explicitly unmapped header
    if (!known.has(column)) {
      errors.push({ row: 1, column: header, message: `is mapped to "${column}", which is not a column of ${entity}.csv` });
      continue;
    }
    const index = headers.indexOf(header);
    if (index < 0) {
      errors.push({ row: 1, column: header, message: 'is in the mapping but not in the header row' });
      continue;
    }
    if ((counts.get(header) ?? 0) > 1) {
      errors.push({ row: 1, column: header, message: 'appears more than once in the header row' });
      continue;
    }
    if (seen.has(column)) {
      errors.push({ row: 1, column: header, message: `maps to ${column}, like "${seen.get(column)}": a column can be fed by one header only` });
      continue;
    }
    seen.set(column, header);
    fields.push({ column, index, header });
  }
  if (!mapping) {
    // Two different headers naming the same column (e.g. "Name" and "name") are ambiguous.
    const byNorm = new Map(cols.map((c) => [normalizeHeader(c.name), c.name]));
    const byCol = new Map<string, string>();
    for (const h of headers) {
      const col = byNorm.get(normalizeHeader(h));
      if (!col) continue;
      const first = byCol.get(col);
      if (first === undefined) byCol.set(col, h);
      else if (first !== h) errors.push({ row: 1, column: h, message: `names the same column as "${first}"` });
    }
  }
  for (const c of cols) {
    if (c.required && !seen.has(c.name) && !filled.has(c.name)) errors.push({ row: 1, column: c.name, message: 'required column is missing' });
  }
  return { fields, mapping: Object.fromEntries(fields.map((f) => [f.header, f.column])), errors };
}
