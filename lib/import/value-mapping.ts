// Value mapping as people write it: on the command line (`--values "stage:Engaging=qualification,
// amount:=0"`) and as JSON from the import page. Checked against the entity's columns (and, for an
// enumeration, its values) before any row is read, so a typo is one clear error, not a file of them.
import { ENTITIES, type EntityName } from '@/lib/validation';
import type { UnknownValues, ValueMapping } from './types';

/** `column:from=to,column:=default`; `\,` for a comma inside a value. */
export function parseValueSpec(spec: string): ValueMapping | string {
  const out: ValueMapping = {};
  for (const raw of spec.split(/(?<!\\),/).map((s) => s.replace(/\\,/g, ',').trim()).filter(Boolean)) {
    const colon = raw.indexOf(':');
    const eq = raw.indexOf('=', colon + 1);
    if (colon <= 0 || eq < 0) return `bad --values entry "${raw}" (expected column:from=to, or column:=value for empty cells)`;
    const column = raw.slice(0, colon).trim();
    (out[column] ??= {})[raw.slice(colon + 1, eq).trim()] = raw.slice(eq + 1).trim();
  }
  return out;
}

/** Problems with a value mapping for `entity`: unknown columns, targets outside an enumeration. */
export function checkValueMapping(entity: EntityName, values: unknown): ValueMapping | string {
  if (values == null) return {};
  if (typeof values !== 'object' || Array.isArray(values)) return 'the value mapping must be an object of column -> { from: to }';
  const cols = new Map(ENTITIES[entity].columns.map((c) => [c.name, c]));
  const out: ValueMapping = {};
  for (const [column, m] of Object.entries(values as Record<string, unknown>)) {
    const col = cols.get(column);
    if (!col) return `value mapping: "${column}" is not a column of ${ENTITIES[entity].fileName}`;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return `value mapping of ${column}: expected { from: to }`;
    out[column] = {};
    for (const [from, to] of Object.entries(m as Record<string, unknown>)) {
      if (typeof to !== 'string' || from.length > 500 || to.length > 500) return `value mapping of ${column}: values must be text (at most 500 characters)`;
      if (col.values && to.trim() !== '' && !col.values.includes(to.trim().toLowerCase())) {
        return `value mapping of ${column}: "${to}" is not one of ${col.values.join(', ')}`;
      }
      out[column][from] = to;
    }
  }
  return out;
}

/** One line per column with unknown values, and how to map them (for the CLI). */
export function describeUnknownValues(entity: EntityName, unknown: UnknownValues): string[] {
  const cols = new Map(ENTITIES[entity].columns.map((c) => [c.name, c]));
  return Object.entries(unknown).map(([column, list]) => {
    const shown = list.slice(0, 8).map((u) => `${u.value === '' ? '(empty)' : `"${u.value}"`} ${u.rows} row${u.rows === 1 ? '' : 's'}`).join(', ');
    const allowed = cols.get(column)?.values;
    const example = list[0]?.value ?? '';
    return `${column}: ${shown}${list.length > 8 ? `, and ${list.length - 8} more` : ''}. Map them with --values "${column}:${example}=${allowed ? allowed[0] : '...'}"${allowed ? ` (one of ${allowed.join(', ')})` : ''}`;
  });
}
