// CSV import from the command line (thin: the work is in lib/import).
//   npm run import -- <entity> <file.csv> [--mapping "Header=column,..."] [--values "column:from=to,..."] [--dry-run] [--progress]
//   npm run import -- [<entity>] <file.csv> --mapping-file <mapping.json> [--dry-run]
//   npm run import -- --dir <folder> [--mapping-file <mapping.json> ...] [--dry-run] [--progress]
// Exit 0 with counts per file; exit 1 with every error as `row N, column C: reason`.
import { closeDb, getDb } from '@/db/client';
import {
  ENCODINGS, checkValueMapping, describeUnknownValues, importDirectory, importFile, importWithDocument, optionsFor, parseValueSpec, readMappingDocument,
  type Encoding, type ImportProgress, type ImportResult, type MappingDocument, type ValueMapping,
} from '@/lib/import';
import { parseEntityName } from '@/lib/validation';

const USAGE = `usage:
  npm run import -- <entity> <file.csv> [--mapping "File header=column,..."] [--values "column:from=to,..."] [--dry-run] [--progress]
  npm run import -- [<entity>] <file.csv> --mapping-file <mapping.json> [--dry-run]
  npm run import -- --dir <folder> [--mapping-file <mapping.json> ...] [--dry-run] [--progress]
--mapping-file: a saved mapping (JSON, as the import page downloads it; examples in docs/mappings/):
  columns, values, row filters, merges, derived times, owners by name. With an entity, only that part
  of the mapping is imported; without, every part, in dependency order, in one transaction. In --dir
  runs give one per file (matched by the mapping's "file", else by its headers).
--encoding: windows-1252 or latin1 for a file that is not UTF-8 (never guessed)
--values: replace a file's own values before validation, e.g. "stage:Engaging=qualification,amount:=0"
  (from matches trimmed and case-insensitively; an empty from fills empty cells, or a column the file lacks)
--progress: rows read so far on stderr, once a second (the default when stderr is a terminal)
entities: users, accounts, campaigns, leads, deals, orders, tickets, survey_responses (or survey-responses), expenses, activities`;

/** The CLI prints every error; past this many they are counted only (memory). */
const MAX_ERRORS = 100_000;

interface Args {
  dir?: string; entity?: string; file?: string; mapping?: Record<string, string>; values?: ValueMapping; dryRun: boolean; progress: boolean;
  documents: MappingDocument[]; encoding?: Encoding;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { dryRun: false, progress: !!process.stderr.isTTY, documents: [] };
  const rest: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--dir') args.dir = argv[++k];
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--progress') args.progress = true;
    else if (a === '--mapping-file') {
      const doc = readMappingDocument(argv[++k] ?? '');
      if (typeof doc === 'string') return doc;
      args.documents.push(doc);
    } else if (a === '--encoding') {
      const e = argv[++k] as Encoding;
      if (!ENCODINGS.includes(e)) return `--encoding must be one of ${ENCODINGS.join(', ')}`;
      args.encoding = e;
    } else if (a === '--mapping') {
      const spec = argv[++k] ?? '';
      args.mapping = {};
      for (const pair of spec.split(',').filter(Boolean)) {
        const eq = pair.lastIndexOf('=');
        if (eq <= 0) return `bad --mapping entry "${pair}" (expected header=column)`;
        args.mapping[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
      }
    } else if (a === '--values') {
      const v = parseValueSpec(argv[++k] ?? '');
      if (typeof v === 'string') return v;
      args.values = v;
    } else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else rest.push(a);
  }
  if (args.dir) {
    if (rest.length) return 'with --dir, give no entity or file';
    if (args.values || args.mapping) return 'with --dir, give no --mapping or --values (they are per file: use --mapping-file)';
    return args;
  }
  if (args.documents.length > 1) return 'give one --mapping-file for one file (several only with --dir)';
  if (args.documents.length && (args.values || args.mapping)) return 'give either --mapping-file or --mapping/--values';
  if (args.documents.length && rest.length === 1) {
    args.file = rest[0];
    return args;
  }
  if (rest.length !== 2) return 'give an entity and a file, or --dir <folder>';
  [args.entity, args.file] = rest;
  const entity = parseEntityName(args.entity);
  if (!entity) return `unknown entity "${args.entity}"`;
  if (args.documents.length) {
    const o = optionsFor(args.documents[0], entity);
    if (typeof o === 'string') return o;
  }
  if (args.values) {
    const checked = checkValueMapping(entity, args.values);
    if (typeof checked === 'string') return checked;
  }
  return args;
}

function printResult(r: ImportResult, dryRun: boolean): void {
  const counts = `${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged (${r.totalRows} rows)`;
  const extra = [
    ...(r.skipped ?? []).map((x) => `${x.rows} row${x.rows === 1 ? '' : 's'} ${x.reason}`),
    ...(r.merged ? [`${r.merged} row${r.merged === 1 ? '' : 's'} merged into an earlier row with the same key`] : []),
    ...(r.createdUsers?.length ? [`${r.createdUsers.length} inactive member${r.createdUsers.length === 1 ? '' : 's'} created from owner names (${r.createdUsers.slice(0, 5).map((u) => u.name).join(', ')}${r.createdUsers.length > 5 ? ', …' : ''})`] : []),
  ];
  if (r.ok) {
    console.log(`${r.fileName}${parseEntityName(r.fileName) === r.entity ? '' : ` → ${r.entity}`}: ${dryRun ? 'dry run, would be ' : ''}${counts}`);
    for (const x of extra) console.log(`  ${x}`);
    return;
  }
  if (!r.errorCount) {
    console.log(`${r.fileName}: ${r.message}`);
    return;
  }
  console.log(`${r.fileName}: ${r.errorCount} error${r.errorCount === 1 ? '' : 's'}, nothing written`);
  for (const e of r.errors) console.log(e.column ? `row ${e.row}, column ${e.column}: ${e.message}` : `row ${e.row}: ${e.message}`);
  if (r.errorCount > r.errors.length) console.log(`... and ${r.errorCount - r.errors.length} more errors`);
  const unknown = describeUnknownValues(r.entity, r.unknownValues);
  if (unknown.length) console.log(`Values the contract does not know:\n  ${unknown.join('\n  ')}`);
}

/** Reports progress on stderr: the first call at once, then at most once a second. */
function progressPrinter(): (p: ImportProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (last && now - last < 1000) return;
    last = now;
    const pct = p.bytesTotal ? ` (${Math.floor((100 * p.bytesDone) / p.bytesTotal)}%)` : '';
    process.stderr.write(`progress: ${p.fileName ?? 'file'}: ${p.rowsDone} rows read${pct}\n`);
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args ? `${args}\n${USAGE}` : USAGE);
    return args ? 1 : 0;
  }
  const db = await getDb();
  const started = performance.now();
  const common = { dryRun: args.dryRun, maxErrors: MAX_ERRORS, onProgress: args.progress ? progressPrinter() : undefined };
  let files: ImportResult[];
  let ok: boolean;
  if (args.dir) {
    const r = await importDirectory(db, args.dir, { ...common, documents: args.documents });
    files = r.files;
    ok = r.ok;
    if (!files.length) console.log(r.message);
  } else if (args.documents.length) {
    const doc = args.documents[0];
    const only = args.entity ? { ...doc, imports: doc.imports.filter((m) => m.entity === parseEntityName(args.entity!)) } : doc;
    const r = await importWithDocument(db, { ...common, document: args.encoding ? { ...only, encoding: args.encoding } : only, path: args.file! });
    files = r.files;
    ok = r.ok;
  } else {
    const r = await importFile(db, { ...common, entity: args.entity!, path: args.file!, mapping: args.mapping, values: args.values, format: { encoding: args.encoding } });
    files = [r];
    ok = r.ok;
  }
  for (const f of files) printResult(f, args.dryRun);
  const rows = files.reduce((n, f) => n + f.totalRows, 0);
  const secs = (performance.now() - started) / 1000;
  console.log(ok
    ? `${args.dryRun ? 'Dry run OK, nothing written' : 'Done'}: ${rows} rows in ${secs.toFixed(secs < 10 ? 2 : 1)} s (${Math.round(rows / Math.max(secs, 1e-3))} rows/s)`
    : 'Import refused: nothing was written.');
  return ok ? 0 : 1;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exitCode = code;
  })
  .catch(async (err: unknown) => {
    // Expected failures (locked embedded DB, missing file, unknown entity) get their message, no stack.
    const e = err as { name?: string; message?: string; code?: string };
    if (e?.name === 'DatabaseLockedError') console.error(e.message);
    else if (e?.code === 'ENOENT') console.error(`error: ${e.message}`);
    else console.error(`error: ${e?.message ?? String(err)}${process.env.DEBUG ? `\n${(err as Error).stack}` : ''}`);
    await closeDb().catch(() => {});
    process.exitCode = 1;
  });
